//! The "Your server" answer of `explain` as terminal text: each cause with its confidence, title,
//! evidence and fix, most likely first. The JSON form is [`super::json::explanation_json`].

use anstyle::{AnsiColor, Style};

use crate::features::explain::{Confidence, Explanation};
use crate::i18n::explain::{confidence, evidence, remediation, title};
use crate::i18n::{Lang, tr};

/// The sentence under the causes: what the answer rests on.
pub fn basis_key(explanation: &Explanation) -> &'static str {
    if explanation.replayed {
        "explain.label.replayed"
    } else {
        "explain.label.text_only"
    }
}

/// Writes the answer with terminal styles (stripped by the caller's stream when not a terminal).
pub fn render(
    out: &mut impl std::io::Write,
    explanation: &Explanation,
    lang: Lang,
) -> std::io::Result<()> {
    let bold = Style::new().bold();
    writeln!(out, "{bold}{}{bold:#}", tr("explain.label.heading", lang))?;
    if explanation.causes.is_empty() {
        writeln!(out, "  {}", tr("explain.label.none", lang))?;
    }
    for (index, cause) in explanation.causes.iter().enumerate() {
        let color = match cause.confidence {
            Confidence::Exact => AnsiColor::Red,
            Confidence::Likely => AnsiColor::Yellow,
        };
        let mark = Style::new().fg_color(Some(color.into())).bold();
        writeln!(
            out,
            "{}. {mark}[{}]{mark:#} {bold}{}{bold:#}  ({})",
            index + 1,
            confidence(cause.confidence, lang),
            title(cause.code, lang),
            cause.code.as_str()
        )?;
        for item in &cause.evidence {
            writeln!(
                out,
                "   {}: {}",
                tr("explain.label.evidence", lang),
                evidence(item, lang)
            )?;
        }
        writeln!(
            out,
            "   {}: {}",
            tr("explain.label.fix", lang),
            remediation(cause.code, lang)
        )?;
    }
    if explanation.needs_keys {
        writeln!(out, "  {}", tr("explain.label.needs_keys", lang))?;
    }
    writeln!(out, "  {}", tr(basis_key(explanation), lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::explain::{ExplainInputs, explain};

    #[test]
    fn renders_a_cause_in_both_languages() {
        let explanation = explain(&ExplainInputs {
            printed: b"java.security.SignatureException: Bad signature length: got 249 but was expecting 256",
            ..ExplainInputs::default()
        });
        for lang in [Lang::Zh, Lang::En] {
            let mut out = Vec::new();
            render(&mut out, &explanation, lang).unwrap();
            let text = String::from_utf8(out).unwrap();
            assert!(text.contains("server_sign_plus_to_space"), "{text}");
            assert!(text.contains(tr("explain.label.heading", lang)));
            assert!(!text.contains('{'), "{text}");
        }
        let value = crate::render::json::explanation_json(&explanation, Lang::En);
        assert_eq!(value["causes"][0]["code"], "server_sign_plus_to_space");
        assert_eq!(value["causes"][0]["confidence"], "exact");
        assert!(
            value["causes"][0]["evidence"][0]
                .as_str()
                .unwrap()
                .contains("249")
        );
    }

    #[test]
    fn says_when_nothing_is_recognised() {
        let explanation = explain(&ExplainInputs {
            printed: b"connect ECONNREFUSED 127.0.0.1:3306",
            ..ExplainInputs::default()
        });
        let mut out = Vec::new();
        render(&mut out, &explanation, Lang::En).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains(tr("explain.label.none", Lang::En)));
        assert_eq!(
            crate::render::json::explanation_json(&explanation, Lang::En)["causes"],
            serde_json::json!([])
        );
    }
}
