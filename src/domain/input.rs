//! Turns whatever a developer pastes into an [`Envelope`]: the `response` content, `sign` and the
//! declared parameters. Every repair is reported as a finding; the signed bytes are kept exactly.

use std::collections::HashMap;

use serde_json::{Map, Value, value::RawValue};

use super::category::Category;
use super::codes::FindingCode;
use super::report::Finding;
use super::terms::JsonProblem;

pub use frontend::classify as classify_frontend_result;
pub use js_literal::js_object_to_json;

mod extract;
mod frontend;
mod js_literal;
mod repair;

use repair::repair_base64;

/// How many wrapping layers (JSON strings, `res` objects, custom fields) are peeled at most.
const MAX_UNWRAP_DEPTH: usize = 8;
/// How many `{"response"` candidates are tried when extracting from log or console output.
const MAX_EXTRACTION_CANDIDATES: usize = 64;

/// The `response` content, in one of Alipay's shapes.
#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    /// Shape A: a base64 ciphertext (already repaired). Signed as `"` + text + `"`.
    Ciphertext(String),
    /// Shapes B and C: plain JSON. `signed_text` is the exact text Alipay signed.
    Plain {
        /// The raw object text (shape B) or the string value (shape C).
        signed_text: String,
        /// The parsed business object.
        json: Value,
    },
}

/// A parsed `res.response`.
#[derive(Debug, Clone, PartialEq)]
pub struct Envelope {
    /// The content.
    pub content: Content,
    /// The base64 signature, repaired; `None` when absent or empty.
    pub sign: Option<String>,
    /// `sign_type` (or `signType`) as written.
    pub sign_type: Option<String>,
    /// `charset` as written.
    pub charset: Option<String>,
    /// `alipay_cert_sn` as written.
    pub alipay_cert_sn: Option<String>,
    /// True when only a bare ciphertext was pasted.
    pub bare_ciphertext: bool,
}

/// Why the paste cannot be diagnosed as a payload.
#[derive(Debug, Clone, PartialEq)]
pub enum Unusable {
    /// Nothing pasted.
    Empty,
    /// Not UTF-8.
    Binary,
    /// Cut off.
    Truncated,
    /// Not a payload (the finding says what it is).
    NotJson,
    /// The decrypted business JSON itself.
    AlreadyDecrypted,
}

impl Unusable {
    /// The category.
    pub fn category(&self) -> Category {
        match self {
            Self::Empty => Category::EmptyInput,
            Self::Binary => Category::BinaryInput,
            Self::Truncated => Category::TruncatedInput,
            Self::NotJson => Category::NotJson,
            Self::AlreadyDecrypted => Category::AlreadyDecryptedPayload,
        }
    }
}

/// The result of reading a paste.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The envelope, or why there is none.
    pub outcome: Result<Envelope, Unusable>,
    /// Repairs and observations, in order.
    pub findings: Vec<Finding>,
}

/// Reads a paste. Total: never panics, never fails.
pub fn parse(bytes: &[u8]) -> Parsed {
    let mut findings = Vec::new();
    let outcome = parse_inner(bytes, &mut findings);
    Parsed { outcome, findings }
}

fn parse_inner(bytes: &[u8], findings: &mut Vec<Finding>) -> Result<Envelope, Unusable> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        findings.push(Finding::new(FindingCode::EmptyInput));
        return Err(Unusable::Empty);
    }
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => {
            findings.push(Finding::new(FindingCode::InputBomStripped));
            rest
        }
        None => bytes,
    };
    let Ok(text) = std::str::from_utf8(bytes) else {
        findings.push(Finding::new(FindingCode::BinaryInput).with("bytes", bytes.len()));
        return Err(Unusable::Binary);
    };
    if text.contains('\0') {
        findings.push(Finding::new(FindingCode::BinaryInput).with("bytes", bytes.len()));
        return Err(Unusable::Binary);
    }
    let trimmed = text.trim();
    if trimmed.is_empty() {
        findings.push(Finding::new(FindingCode::EmptyInput));
        return Err(Unusable::Empty);
    }
    if trimmed.len() != text.len() && text.trim_end_matches(['\n', '\r']) != trimmed {
        findings.push(
            Finding::new(FindingCode::InputWhitespacePadded)
                .with("bytes", text.len() - trimmed.len()),
        );
    }
    let mut current = trimmed.to_owned();
    if let Some(decoded) = percent_decode_whole(&current) {
        findings.push(Finding::new(FindingCode::UrlEncodedInput));
        current = decoded;
    }
    unwrap_layers(current, findings)
}

/// One step of unwrapping.
enum Step {
    /// Parse this text again.
    Again(String, Finding),
    /// Finished.
    Done(Result<Envelope, Unusable>),
}

fn unwrap_layers(mut current: String, findings: &mut Vec<Finding>) -> Result<Envelope, Unusable> {
    let mut string_levels = 0usize;
    for _ in 0..MAX_UNWRAP_DEPTH {
        match step(&current, findings) {
            Step::Again(next, finding) => {
                if finding.code == FindingCode::DoubleJsonEncoded {
                    string_levels += 1;
                } else {
                    findings.push(finding);
                }
                current = next;
            }
            Step::Done(outcome) => {
                if string_levels > 0 {
                    let finding = Finding::new(FindingCode::DoubleJsonEncoded)
                        .with("levels", string_levels + 1);
                    findings.insert(0, finding);
                }
                return outcome;
            }
        }
    }
    findings.push(Finding::new(FindingCode::NotJson).with("detail", JsonProblem::TooDeep));
    Err(Unusable::NotJson)
}

fn step(text: &str, findings: &mut Vec<Finding>) -> Step {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::String(inner)) => {
            let head = inner.trim_start();
            if head.starts_with('{') || head.starts_with('"') {
                Step::Again(inner, Finding::new(FindingCode::DoubleJsonEncoded))
            } else {
                // A quoted bare ciphertext: read the value as the paste.
                Step::Done(
                    bare_ciphertext(inner.trim(), findings)
                        .ok_or_else(|| not_json(findings, JsonProblem::StringNotPayload)),
                )
            }
        }
        Ok(Value::Object(map)) => {
            note_formatting(text, findings);
            object_step(text, &map, findings)
        }
        Ok(_) => Step::Done(Err(not_json(findings, JsonProblem::NotAnObject))),
        Err(error) => unparsable_step(text, &error, findings),
    }
}

fn note_formatting(text: &str, findings: &mut Vec<Finding>) {
    let push_once = |findings: &mut Vec<Finding>, code| {
        if !findings
            .iter()
            .any(|finding: &Finding| finding.code == code)
        {
            findings.push(Finding::new(code));
        }
    };
    if text.contains('\n') {
        push_once(findings, FindingCode::InputReformatted);
    }
    if text.contains("\\/") {
        push_once(findings, FindingCode::EscapedSlashes);
    }
}

fn object_step(text: &str, map: &Map<String, Value>, findings: &mut Vec<Finding>) -> Step {
    if let Some(response) = map.get("response") {
        return response_step(text, map, response, findings);
    }
    if let Some(Value::String(cipher)) = map
        .get("encryptedData")
        .or_else(|| map.get("encrypted_data"))
    {
        findings.push(Finding::new(FindingCode::InputWrapped).with("field", "encryptedData"));
        let content = Content::Ciphertext(repair_base64("response", cipher, findings));
        return Step::Done(Ok(envelope_from(content, map, findings)));
    }
    for (field, value) in map {
        if let Some(next) = wrapped_payload(value) {
            return Step::Again(
                next,
                Finding::new(FindingCode::InputWrapped).with("field", field),
            );
        }
    }
    if map.contains_key("code")
        && ["msg", "mobile", "subCode", "sub_code"]
            .iter()
            .any(|key| map.contains_key(*key))
    {
        findings.push(Finding::new(FindingCode::AlreadyDecryptedPayload));
        return Step::Done(Err(Unusable::AlreadyDecrypted));
    }
    if let Some(finding) = frontend::classify(map) {
        findings.push(finding);
        return Step::Done(Err(Unusable::NotJson));
    }
    let fields: Vec<&str> = map.keys().map(String::as_str).take(8).collect();
    findings
        .push(Finding::new(FindingCode::ResponseFieldMissing).with("fields", fields.join(", ")));
    Step::Done(Err(Unusable::NotJson))
}

/// A field value that holds a whole `res.response`: a JSON string of it, or the object itself.
fn wrapped_payload(value: &Value) -> Option<String> {
    match value {
        Value::String(inner) if inner.trim_start().starts_with('{') => {
            match serde_json::from_str::<Value>(inner) {
                Ok(Value::Object(obj)) if obj.contains_key("response") => Some(inner.clone()),
                _ => None,
            }
        }
        Value::Object(obj) if obj.contains_key("response") => serde_json::to_string(value).ok(),
        _ => None,
    }
}

fn response_step(
    text: &str,
    map: &Map<String, Value>,
    response: &Value,
    findings: &mut Vec<Finding>,
) -> Step {
    match response {
        Value::Object(inner) => {
            // Shape B: the signed bytes are the raw object text, exactly as it appears.
            let raw = serde_json::from_str::<HashMap<String, &RawValue>>(text)
                .ok()
                .and_then(|raw_map| raw_map.get("response").map(|raw| raw.get().to_owned()));
            let Some(signed_text) = raw else {
                return Step::Done(Err(not_json(
                    findings,
                    JsonProblem::UnreadableResponseObject,
                )));
            };
            if inner.contains_key("response") {
                // The `res` object after `res.response` was parsed: the object is the envelope
                // itself, not business content. Read it from its raw text.
                return Step::Again(signed_text, Finding::new(FindingCode::InputResObject));
            }
            let content = Content::Plain {
                signed_text,
                json: response.clone(),
            };
            Step::Done(Ok(envelope_from(content, map, findings)))
        }
        Value::String(value) => {
            if is_encoded_json_text(value) {
                // `JSON.stringify(res)` after `res.response` was stringified once more: the value
                // is a JSON string literal holding the envelope. Read it as the paste.
                Step::Again(value.clone(), Finding::new(FindingCode::InputResObject))
            } else if value.trim_start().starts_with('{') {
                match serde_json::from_str::<Value>(value) {
                    Ok(Value::Object(inner)) if inner.contains_key("response") => {
                        Step::Again(value.clone(), Finding::new(FindingCode::InputResObject))
                    }
                    Ok(json @ Value::Object(_)) => {
                        let content = Content::Plain {
                            signed_text: value.clone(),
                            json,
                        };
                        Step::Done(Ok(envelope_from(content, map, findings)))
                    }
                    Ok(_) => {
                        Step::Done(Err(not_json(findings, JsonProblem::ResponseJsonNotObject)))
                    }
                    Err(error) if error.is_eof() => {
                        findings.push(
                            Finding::new(FindingCode::TruncatedInput).with("bytes", value.len()),
                        );
                        Step::Done(Err(Unusable::Truncated))
                    }
                    Err(_) => Step::Done(Err(not_json(findings, JsonProblem::ResponseNotJson))),
                }
            } else {
                let content = Content::Ciphertext(repair_base64("response", value, findings));
                Step::Done(Ok(envelope_from(content, map, findings)))
            }
        }
        _ => Step::Done(Err(not_json(findings, JsonProblem::ResponseWrongType))),
    }
}

/// A JSON string literal whose text is JSON again (`"{\"response\":…}"`): never base64.
fn is_encoded_json_text(value: &str) -> bool {
    value.trim_start().starts_with('"')
        && matches!(
            serde_json::from_str::<Value>(value),
            Ok(Value::String(inner)) if inner.trim_start().starts_with(['{', '"'])
        )
}

fn envelope_from(
    content: Content,
    map: &Map<String, Value>,
    findings: &mut Vec<Finding>,
) -> Envelope {
    let text_field = |names: &[&str]| {
        names
            .iter()
            .find_map(|name| map.get(*name).and_then(Value::as_str))
            .map(str::to_owned)
    };
    let sign = text_field(&["sign"])
        .filter(|sign| !sign.trim().is_empty())
        .map(|sign| repair_base64("sign", &sign, findings));
    Envelope {
        content,
        sign,
        sign_type: text_field(&["sign_type", "signType"]),
        charset: text_field(&["charset"]),
        alipay_cert_sn: text_field(&["alipay_cert_sn", "alipayCertSn"]),
        bare_ciphertext: false,
    }
}

fn not_json(findings: &mut Vec<Finding>, detail: JsonProblem) -> Unusable {
    findings.push(Finding::new(FindingCode::NotJson).with("detail", detail));
    Unusable::NotJson
}

fn unparsable_step(text: &str, error: &serde_json::Error, findings: &mut Vec<Finding>) -> Step {
    if let Some(envelope) = bare_ciphertext(text, findings) {
        return Step::Done(Ok(envelope));
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
fn bare_ciphertext(text: &str, findings: &mut Vec<Finding>) -> Option<Envelope> {
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
    let repaired = repair_base64("response", text, &mut repairs);
    let blocks =
        super::b64::decode(&repaired).is_ok_and(|bytes| !bytes.is_empty() && bytes.len() % 16 == 0);
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
fn percent_decode_whole(text: &str) -> Option<String> {
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

#[cfg(test)]
mod tests;
