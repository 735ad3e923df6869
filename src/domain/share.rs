//! The shareable report for tools (JSON), and the redaction rules it shares with the Markdown
//! report ([`super::markdown`]): the mobile masked, the signed content shown as a short prefix,
//! no key material, no AES key, no signature.

use serde_json::{Map, Value, json};

use super::checklist::Checklist;
use super::hints::{self, Lang};
use super::profiles::ProfileMatch;
use super::report::{Finding, Report, mask_mobile};

/// How many characters of the ciphertext the report may show.
pub const CIPHERTEXT_PREFIX_CHARS: usize = 12;

/// The first `max` characters of `text`, with `…` when cut.
pub fn short(text: &str, max: usize) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(max).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// The signed content as the report shows it: `"` and the first characters of the ciphertext,
/// or `{…}` for plain content (which may hold the mobile).
pub fn signed_content_prefix(report: &Report) -> Option<String> {
    let preview = report.signature.signed_content_preview.as_deref()?;
    Some(match preview.strip_prefix('"') {
        Some(quoted) => {
            let cipher_head = quoted
                .split('…')
                .next()
                .unwrap_or_default()
                .trim_end_matches('"');
            format!("\"{}", short(cipher_head, CIPHERTEXT_PREFIX_CHARS))
        }
        None => "{…}".to_owned(),
    })
}

/// The business payload with the mobile masked (`Null` when there is none).
pub fn masked_payload(report: &Report) -> Value {
    let Some(payload) = &report.payload else {
        return Value::Null;
    };
    let mut json = payload.json.clone();
    if let Some(slot) = json.get_mut("mobile")
        && let Value::String(mobile) = slot
        && !mobile.is_empty()
    {
        *slot = Value::String(mask_mobile(mobile));
    }
    json
}

/// One finding as JSON: code, severity, title and remediation in `lang`, and its parameters.
pub fn finding_json(finding: &Finding, lang: Lang) -> Value {
    let params: Map<String, Value> = finding
        .params
        .iter()
        .map(|(name, value)| ((*name).to_owned(), Value::String(value.clone())))
        .collect();
    json!({
        "code": finding.code.as_str(),
        "severity": finding.severity().as_str(),
        "title": hints::title(finding, lang),
        "remediation": hints::remediation(finding, lang),
        "params": params,
    })
}

/// Renders the shareable JSON report in `lang`, with the optional checklist and profile match.
pub fn render_json(
    report: &Report,
    lang: Lang,
    checklist: Option<&Checklist>,
    profiles: Option<&ProfileMatch>,
) -> Value {
    let findings: Vec<Value> = report
        .findings
        .iter()
        .map(|finding| finding_json(finding, lang))
        .collect();
    let signature = &report.signature;
    let checklist = checklist.map(|list| {
        list.items
            .iter()
            .map(|item| {
                json!({
                    "id": item.id,
                    "state": item.state.as_str(),
                    "label": item.label.get(lang),
                    "reason": item.reason.map(|reason| reason.get(lang)),
                })
            })
            .collect::<Vec<Value>>()
    });
    let profiles = profiles
        .map(|matched| json!({ "summary": matched.summary(lang), "results": matched.results }));
    json!({
        "tool": "alipay-phone-doctor",
        "version": env!("CARGO_PKG_VERSION"),
        "lang": lang.code(),
        "category": report.category,
        "verdict": report.primary_finding().map(|finding| hints::title(finding, lang)),
        "verdict_severity": report.verdict_severity().as_str(),
        "signature": {
            "status": signature.status.as_str(),
            "algorithm": signature.algorithm,
            "declared_sign_type": signature.declared_sign_type.as_deref().map(|declared| short(declared, 12)),
            "signed_content_prefix": signed_content_prefix(report),
            "signed_content_length": signature.signed_content_len,
            "signature_length": signature.signature_len,
            "opening": signature.opening,
            "opened_digest_algorithm": signature.opened_digest_algorithm,
        },
        "public_key": report.public_key,
        "decrypted": masked_payload(report),
        "mobile_masked": true,
        "payload_plain": report.payload.as_ref().map(|payload| payload.plain),
        "payload_trusted": report.payload.as_ref().map(|payload| payload.trusted),
        "findings": findings,
        "checklist": checklist,
        "profiles": profiles,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortens_by_characters() {
        assert_eq!(short("abc", 5), "abc");
        assert_eq!(short("手机号码诊断", 2), "手机…");
    }
}
