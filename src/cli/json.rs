//! The JSON contract of `check --format json`.

use serde_json::{Value, json};

use crate::domain::hints::title;
use crate::domain::{Lang, Report};

/// Renders the report as one JSON object. The mobile is printed in full: it is the user's own
/// data on their own machine.
pub fn render(report: &Report, lang: Lang) -> Value {
    let findings: Vec<Value> = report
        .findings
        .iter()
        .map(|finding| crate::domain::share::finding_json(finding, lang))
        .collect();
    let signature = &report.signature;
    json!({
        "category": report.category,
        "verdict": report.primary_finding().map(|finding| title(finding, lang)),
        "signature": {
            "status": signature.status.as_str(),
            "algorithm": signature.algorithm,
            "declared_sign_type": signature.declared_sign_type,
            "signed_content_preview": signature.signed_content_preview,
            "signed_content_length": signature.signed_content_len,
            "signature_length": signature.signature_len,
            "opening": signature.opening,
            "opened_digest_algorithm": signature.opened_digest_algorithm,
        },
        "decrypted": report.payload.as_ref().map(|payload| payload.json.clone()),
        "payload_plain": report.payload.as_ref().map(|payload| payload.plain),
        "payload_trusted": report.payload.as_ref().map(|payload| payload.trusted),
        "public_key": report.public_key,
        "findings": findings,
        "lang": lang.code(),
    })
}
