//! Repairs of transport damage in base64 values (`+` turned into spaces, line breaks,
//! percent-encoding, lost `=` padding), each reported as a finding.

use crate::domain::codes::FindingCode;
use crate::domain::report::{Finding, Param};

/// Repairs transport damage in a `response` or `sign` value, its lost padding included, and
/// reports each repair.
pub(super) fn repair_base64(
    field: &'static str,
    value: &str,
    findings: &mut Vec<Finding>,
) -> String {
    let repaired = repair_transport(field, value, findings);
    restore_padding(field, repaired, findings)
}

/// The `=` padding a naive `split('=')` (or `explode('=')`) removed: a value of only base64
/// characters, without any `=`, whose length is 2 or 3 modulo 4 has exactly one strict form,
/// with `==` or `=` appended. Any other value comes back unchanged.
pub(super) fn restore_padding(
    field: &'static str,
    value: String,
    findings: &mut Vec<Finding>,
) -> String {
    let missing = match value.len() % 4 {
        2 => 2,
        3 => 1,
        _ => return value,
    };
    let alphabet = |byte: &u8| byte.is_ascii_alphanumeric() || matches!(byte, b'+' | b'/');
    if !value.bytes().all(|byte| alphabet(&byte)) {
        return value;
    }
    let restored = format!("{value}{}", "=".repeat(missing));
    if crate::domain::b64::decode(&restored).is_err() {
        return value;
    }
    add_field(findings, FindingCode::Base64PaddingLost, field, missing);
    restored
}

/// Repairs transport damage in a base64 value (line breaks, percent-encoding, `+` turned into
/// spaces) and reports each repair; the padding is left as it is.
pub(super) fn repair_transport(
    field: &'static str,
    value: &str,
    findings: &mut Vec<Finding>,
) -> String {
    // Spaces at either end are trimmed like any whitespace, unless they are `+` signs a form
    // decoder turned into spaces (a value that begins, or ends without padding, with `+`): that is
    // decided below, once the rest of the value is repaired.
    let edge_spaces = (
        value.len() - value.trim_start_matches(' ').len(),
        value.len() - value.trim_end_matches(' ').len(),
    );
    let mut repaired: String = value.trim().to_owned();
    if repaired.contains(['\r', '\n', '\t']) {
        repaired.retain(|ch| !matches!(ch, '\r' | '\n' | '\t'));
        add_field(findings, FindingCode::Base64LineBreaks, field, 0);
    }
    if repaired.contains('%')
        && let Ok(decoded) = percent_encoding::percent_decode_str(&repaired).decode_utf8()
        && decoded != repaired
    {
        repaired = decoded.into_owned();
        if !findings
            .iter()
            .any(|finding| finding.code == FindingCode::UrlEncodedInput)
        {
            findings.push(Finding::new(FindingCode::UrlEncodedInput));
        }
    }
    let mut spaces = repaired.matches(' ').count();
    if spaces > 0 {
        repaired = repaired.replace(' ', "+");
    }
    if let Some(restored) = restore_edge_pluses(&repaired, edge_spaces) {
        spaces += edge_spaces.0 + edge_spaces.1;
        repaired = restored;
    }
    if spaces > 0 {
        add_field(findings, FindingCode::Base64PlusMangled, field, spaces);
    }
    repaired
}

/// `repaired` with its trimmed edge spaces put back as `+`, when only that makes it strict base64
/// (Alipay always pads, so the length alone tells a lost `+` from stray whitespace).
fn restore_edge_pluses(repaired: &str, (leading, trailing): (usize, usize)) -> Option<String> {
    if leading + trailing == 0
        || repaired.is_empty()
        || crate::domain::b64::decode(repaired).is_ok()
    {
        return None;
    }
    let restored = format!("{}{repaired}{}", "+".repeat(leading), "+".repeat(trailing));
    crate::domain::b64::decode(&restored)
        .is_ok()
        .then_some(restored)
}

/// Adds `field` to an existing finding of this code, or creates one.
fn add_field(findings: &mut Vec<Finding>, code: FindingCode, field: &'static str, count: usize) {
    if let Some(finding) = findings.iter_mut().find(|finding| finding.code == code) {
        for (name, value) in &mut finding.params {
            match (*name, value) {
                ("fields", Param::Token(fields)) => {
                    fields.push_str(", ");
                    fields.push_str(field);
                }
                ("count", Param::Number(before)) => {
                    *before = before.saturating_add(u64::try_from(count).unwrap_or(u64::MAX));
                }
                _ => {}
            }
        }
        return;
    }
    findings.push(
        Finding::new(code)
            .with("fields", field)
            .with("count", count),
    );
}
