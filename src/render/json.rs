//! The one JSON shape of a report. `check --format json` prints it in full (the mobile too: it is
//! the user's own data on their own machine); the shareable form masks the mobile and shows only a
//! prefix of the signed content, never key material, the AES key or the signature.

use serde_json::{Map, Value, json};

use super::mask::{masked_payload, short, signed_content_prefix};
use crate::domain::{Finding, Report};
use crate::features::checklist::Checklist;
use crate::features::explain::Explanation;
use crate::features::profiles::ProfileMatch;
use crate::features::server_check::ServerFinding;
use crate::i18n::explain::{evidence, remediation as cause_fix, title as cause_title};
use crate::i18n::findings::{param_text, remediation, title};
use crate::i18n::{Lang, server_check, tr};

/// What a JSON report holds besides the diagnosis.
#[derive(Debug, Clone, Copy, Default)]
pub struct Extras<'a> {
    /// The troubleshooting checklist.
    pub checklist: Option<&'a Checklist>,
    /// Every profile tried.
    pub profiles: Option<&'a ProfileMatch>,
    /// The profile whose keys were used.
    pub profile_used: Option<&'a str>,
}

/// How much of the user's data the JSON shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// Everything the diagnosis read (the command line on the user's own machine).
    Full,
    /// Mobile masked, signed content as a prefix: safe to share.
    Shareable,
}

/// One finding as JSON: code, severity, title and remediation in `lang`, and its parameters.
pub fn finding_json(finding: &Finding, lang: Lang) -> Value {
    let params: Map<String, Value> = finding
        .params
        .iter()
        .map(|(name, param)| {
            (
                (*name).to_owned(),
                Value::String(param_text(param, finding, lang)),
            )
        })
        .collect();
    json!({
        "code": finding.code.as_str(),
        "severity": finding.severity().as_str(),
        "title": title(finding, lang),
        "remediation": remediation(finding, lang),
        "params": params,
    })
}

/// Findings as a JSON array.
pub fn findings_json(findings: &[Finding], lang: Lang) -> Vec<Value> {
    findings
        .iter()
        .map(|finding| finding_json(finding, lang))
        .collect()
}

/// The whole report as one JSON object.
pub fn report_json(report: &Report, lang: Lang, detail: Detail, extras: Extras<'_>) -> Value {
    let signature = &report.signature;
    let shareable = detail == Detail::Shareable;
    let (preview, declared, decrypted) = if shareable {
        (
            signed_content_prefix(report),
            signature
                .declared_sign_type
                .as_deref()
                .map(|declared| short(declared, 12)),
            masked_payload(report),
        )
    } else {
        (
            signature.signed_content_preview.clone(),
            signature.declared_sign_type.clone(),
            report
                .payload
                .as_ref()
                .map_or(Value::Null, |payload| payload.json.clone()),
        )
    };
    let checklist = extras.checklist.map(|list| {
        list.items
            .iter()
            .map(|item| {
                json!({
                    "id": item.id,
                    "state": item.state.as_str(),
                    "label": tr(&item.label_key(), lang),
                    "reason": item.reason.map(|reason| tr(reason.key(), lang)),
                })
            })
            .collect::<Vec<Value>>()
    });
    let profiles = extras.profiles.map(|matched| {
        json!({ "summary": super::profiles::summary(matched, lang), "results": matched.results })
    });
    json!({
        "tool": "alipay-phone-doctor",
        "version": env!("CARGO_PKG_VERSION"),
        "lang": lang.code(),
        "category": report.category,
        "verdict": report.primary_finding().map(|finding| title(finding, lang)),
        "verdict_severity": report.verdict_severity().as_str(),
        "signature": {
            "status": signature.status.as_str(),
            "algorithm": signature.algorithm,
            "declared_sign_type": declared,
            "signed_content_preview": preview,
            "signed_content_length": signature.signed_content_len,
            "signature_length": signature.signature_len,
            "opening": signature.opening,
            "opened_digest_algorithm": signature.opened_digest_algorithm,
        },
        "decrypted": decrypted,
        "mobile_masked": shareable,
        "payload_plain": report.payload.as_ref().map(|payload| payload.plain),
        "payload_trusted": report.payload.as_ref().map(|payload| payload.trusted),
        "decryption": report.decryption,
        "public_key": public_key_json(report, lang),
        "findings": findings_json(&report.findings, lang),
        "checklist": checklist,
        "profiles": profiles,
        "profile": extras.profile_used,
    })
}

/// The answer of `explain` as one JSON object: `causes` (most likely first), `needs_keys`, `replayed`.
pub fn explanation_json(explanation: &Explanation, lang: Lang) -> Value {
    let causes: Vec<Value> = explanation
        .causes
        .iter()
        .map(|cause| {
            json!({
                "code": cause.code.as_str(),
                "confidence": cause.confidence.as_str(),
                "title": cause_title(cause.code, lang),
                "remediation": cause_fix(cause.code, lang),
                "evidence": cause
                    .evidence
                    .iter()
                    .map(|item| evidence(item, lang))
                    .collect::<Vec<String>>(),
            })
        })
        .collect();
    json!({
        "tool": "alipay-phone-doctor",
        "version": env!("CARGO_PKG_VERSION"),
        "lang": lang.code(),
        "causes": causes,
        "needs_keys": explanation.needs_keys,
        "replayed": explanation.replayed,
    })
}

/// The key description, its kind worded in `lang`.
fn public_key_json(report: &Report, lang: Lang) -> Value {
    let Some(key) = &report.public_key else {
        return Value::Null;
    };
    let mut value = serde_json::to_value(key).unwrap_or(Value::Null);
    if let Some(object) = value.as_object_mut() {
        object.insert(
            "kind".to_owned(),
            Value::String(tr(key.kind.key(), lang).to_owned()),
        );
    }
    value
}

/// One server-check finding as JSON: code, severity, file, line, and the title and remediation
/// in `lang`.
pub fn server_finding_json(finding: &ServerFinding, lang: Lang) -> Value {
    json!({
        "code": finding.code.as_str(),
        "severity": finding.severity.as_str(),
        "file": finding.file,
        "line": finding.line,
        "title": server_check::title(finding.code, lang),
        "remediation": server_check::remediation(finding.code, lang),
    })
}

/// The output of `server-check --format json`: `{"findings": […]}`.
pub fn server_check_json<'a>(
    findings: impl IntoIterator<Item = &'a ServerFinding>,
    lang: Lang,
) -> Value {
    let findings: Vec<Value> = findings
        .into_iter()
        .map(|finding| server_finding_json(finding, lang))
        .collect();
    json!({ "findings": findings })
}
