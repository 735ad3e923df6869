//! A finding's title and fix (remediation) in a language: the texts of
//! `assets/i18n/finding.toml` (`finding.<code>.title`, `finding.<code>.fix`) with the finding's
//! parameters filled in.

use super::{Lang, fill_with, tr};
use crate::domain::report::{Finding, Param};

/// The wording key of a finding code's title.
pub fn title_key(code: crate::domain::FindingCode) -> String {
    format!("finding.{}.title", code.as_str())
}

/// The wording key of a finding code's fix.
pub fn fix_key(code: crate::domain::FindingCode) -> String {
    format!("finding.{}.fix", code.as_str())
}

/// The finding's title, with its parameters filled in.
pub fn title(finding: &Finding, lang: Lang) -> String {
    fill_params(tr(&title_key(finding.code), lang), finding, lang)
}

/// The finding's remediation, with its parameters filled in.
pub fn remediation(finding: &Finding, lang: Lang) -> String {
    fill_params(tr(&fix_key(finding.code), lang), finding, lang)
}

/// A parameter as text in `lang`: a number or a token as it is, a term in its words (a term's
/// words may name the finding's other numbers and tokens).
pub fn param_text(param: &Param, finding: &Finding, lang: Lang) -> String {
    match param {
        Param::Number(number) => number.to_string(),
        Param::Token(token) => token.clone(),
        Param::Term(term) => fill_with(tr(term.key(), lang), |name| {
            Some(match finding.param(name) {
                Some(Param::Number(number)) => number.to_string(),
                Some(Param::Token(token)) => token.clone(),
                Some(Param::Term(_)) | None => "?".to_owned(),
            })
        }),
    }
}

/// Replaces `{name}` with the parameter's text; a placeholder without a value becomes `?`.
fn fill_params(template: &str, finding: &Finding, lang: Lang) -> String {
    fill_with(template, |name| {
        Some(
            finding
                .param(name)
                .map_or_else(|| "?".to_owned(), |param| param_text(param, finding, lang)),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::codes::FindingCode;
    use crate::i18n::has_key;

    #[test]
    fn every_code_has_a_title_and_a_fix() {
        for code in FindingCode::ALL {
            assert!(has_key(&title_key(*code)), "no title for {}", code.as_str());
            assert!(has_key(&fix_key(*code)), "no fix for {}", code.as_str());
        }
    }

    #[test]
    fn fills_parameters() {
        let finding = Finding::new(FindingCode::AesKeyInvalid)
            .with("bytes", 25_usize)
            .with("classification", "x");
        assert!(title(&finding, Lang::En).contains("25"));
        assert_eq!(fill_params("a {missing} b", &finding, Lang::En), "a ? b");
        let not_json = Finding::new(FindingCode::NotJson)
            .with("detail", crate::domain::terms::JsonProblem::Syntax)
            .with("line", 1_usize)
            .with("column", 5_usize);
        assert_eq!(
            title(&not_json, Lang::Zh),
            "粘贴内容既不是 JSON 也不是 Base64 密文：JSON 语法错误（第 1 行，第 5 列）"
        );
    }

    #[test]
    fn picks_language_from_locale() {
        assert_eq!(Lang::from_locale("zh_CN.UTF-8"), Lang::Zh);
        assert_eq!(Lang::from_locale("en-US"), Lang::En);
    }
}
