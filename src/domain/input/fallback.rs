//! Text that is not JSON: a bare ciphertext, console and log output around a payload, a request
//! dump or curl command, a string broken into lines, a server-language printout; else the reason
//! it is not a payload.

use serde_json::Value;

use super::repair::repair_transport;
use super::{
    Content, Envelope, MAX_EXTRACTION_CANDIDATES, Step, Unusable, extract, frontend, http,
    js_literal, linebreaks, printout, read_nested,
};
use crate::domain::codes::FindingCode;
use crate::domain::report::Finding;
use crate::domain::terms::JsonProblem;

pub(super) fn unparsable_step(
    text: &str,
    error: &serde_json::Error,
    findings: &mut Vec<Finding>,
    nesting: usize,
) -> Step {
    if let Some(envelope) = bare_ciphertext(text, findings) {
        return Step::Done(Ok(envelope));
    }
    // A request (dump, curl command, form) is read by its structure before any search inside it.
    if let Some(request) = http::read(text) {
        return Step::AgainAfter(request.text, request.findings);
    }
    let joined = extract::join_js_concatenation(text);
    let (candidate, saw_eof) = extract::find_embedded_payload(&joined, MAX_EXTRACTION_CANDIDATES);
    if let Some((offset, object_text)) = candidate {
        return Step::Again(
            object_text,
            Finding::new(FindingCode::InputExtracted).with("offset", offset),
        );
    }
    if let Some(finding) = console_frontend_result(text) {
        findings.push(finding);
        return Step::Done(Err(Unusable::NotJson));
    }
    if error.is_eof() || saw_eof {
        findings.push(Finding::new(FindingCode::TruncatedInput).with("bytes", text.len()));
        return Step::Done(Err(Unusable::Truncated));
    }
    if let Some((repaired, finding)) = linebreaks::strip_in_strings(text)
        && let Some((envelope, nested)) = read_nested(repaired, nesting)
    {
        findings.push(finding);
        findings.extend(nested);
        return Step::Done(Ok(envelope));
    }
    if let Some(found) = printout::read(text) {
        return Step::AgainAfter(found.json, found.findings);
    }
    findings.push(
        Finding::new(FindingCode::NotJson)
            .with("detail", describe_json_error(error))
            .with("line", error.line())
            .with("column", error.column()),
    );
    Step::Done(Err(Unusable::NotJson))
}

/// A front-end result (`fail` result or `onError` detail) as the console prints the object:
/// `{error: 4, errorMessage: '无权调用'}`, with bare keys and single quotes.
fn console_frontend_result(text: &str) -> Option<Finding> {
    if !(text.starts_with('{') && text.ends_with('}')) {
        return None;
    }
    match serde_json::from_str::<Value>(&js_literal::js_object_to_json(text)) {
        Ok(Value::Object(map)) => frontend::classify(&map),
        _ => None,
    }
}

fn describe_json_error(error: &serde_json::Error) -> JsonProblem {
    match error.classify() {
        serde_json::error::Category::Syntax => JsonProblem::Syntax,
        serde_json::error::Category::Eof => JsonProblem::EndOfInput,
        serde_json::error::Category::Data | serde_json::error::Category::Io => {
            JsonProblem::Unreadable
        }
    }
}

/// A paste made only of base64 characters that could be an AES-CBC ciphertext: it decodes to a
/// positive multiple of the 16-byte block. Its repairs are reported only when it is accepted, so a
/// sentence that merely looks like base64 stays `not_json` without stray findings.
pub(super) fn bare_ciphertext(text: &str, findings: &mut Vec<Finding>) -> Option<Envelope> {
    let is_b64 = |ch: char| {
        ch.is_ascii_alphanumeric() || matches!(ch, '+' | '/' | '=' | ' ' | '\n' | '\r' | '\t')
    };
    let significant = text.chars().filter(|ch| !ch.is_whitespace()).count();
    if significant < 16
        || !text.chars().all(is_b64)
        || !text
            .chars()
            .any(|ch| ch.is_ascii_digit() || ch == '/' || ch == '+')
    {
        return None;
    }
    let mut repairs = Vec::new();
    // No padding is restored here: a bare word that only decodes once `=` is added is more
    // likely a sentence than a ciphertext.
    let repaired = repair_transport("response", text, &mut repairs);
    let blocks = crate::domain::b64::decode(&repaired)
        .is_ok_and(|bytes| !bytes.is_empty() && bytes.len() % 16 == 0);
    if !blocks {
        return None;
    }
    findings.extend(repairs);
    findings.push(Finding::new(FindingCode::CiphertextOnly));
    Some(Envelope {
        content: Content::Ciphertext(repaired),
        sign: None,
        sign_type: None,
        charset: None,
        alipay_cert_sn: None,
        bare_ciphertext: true,
    })
}

/// Decodes a percent-encoded paste (`%7B%22response%22…`), leaving `+` as it is.
pub(super) fn percent_decode_whole(text: &str) -> Option<String> {
    let lower_head: String = text
        .chars()
        .take(3)
        .collect::<String>()
        .to_ascii_lowercase();
    let looks_encoded = lower_head == "%7b"
        || lower_head == "%22"
        || text.to_ascii_lowercase().contains("%22response%22");
    if !looks_encoded {
        return None;
    }
    percent_encoding::percent_decode_str(text)
        .decode_utf8()
        .ok()
        .map(|decoded| decoded.into_owned())
}
