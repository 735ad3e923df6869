//! A JSON object: the envelope itself, or a wrapper that holds it somewhere (a custom field, a
//! nested gateway body, a log message, a form field), or something else that is named.

use std::collections::HashMap;

use serde_json::{Map, Value, value::RawValue};

use super::repair::repair_base64;
use super::{Content, Envelope, Step, Unusable, frontend, read_nested};
use crate::domain::codes::FindingCode;
use crate::domain::report::Finding;
use crate::domain::terms::JsonProblem;

/// How deep into nested objects and arrays a wrapper's fields are searched.
const MAX_WRAPPER_DEPTH: usize = 4;
/// How many text fields of a wrapper are read as pastes of their own.
const MAX_TEXT_FIELDS: usize = 16;

pub(super) fn object_step(
    text: &str,
    map: &Map<String, Value>,
    findings: &mut Vec<Finding>,
    nesting: usize,
) -> Step {
    if let Some(response) = map.get("response") {
        return response_step(text, map, response, findings);
    }
    if let Some(step) = wrapped_step(text, map, findings, nesting) {
        return step;
    }
    if let Some(Value::String(cipher)) = map
        .get("encryptedData")
        .or_else(|| map.get("encrypted_data"))
    {
        findings.push(Finding::new(FindingCode::InputWrapped).with("field", "encryptedData"));
        let content = Content::Ciphertext(repair_base64("response", cipher, findings));
        return Step::Done(Ok(envelope_from(content, map, findings)));
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

/// A field anywhere in the wrapper (breadth first) that holds a whole `res.response`: the object
/// itself, a JSON string of it (`{"encryptedData":"{\"response\":…}"}`), or a text that reads
/// as one (a log message with a prefix, a printout). Each is reported with its path.
fn wrapped_step(
    text: &str,
    map: &Map<String, Value>,
    findings: &mut Vec<Finding>,
    nesting: usize,
) -> Option<Step> {
    let fields = fields_breadth_first(map);
    for (path, value) in &fields {
        let found = match value {
            Value::String(inner) if inner.trim_start().starts_with('{') => matches!(
                serde_json::from_str::<Value>(inner),
                Ok(Value::Object(obj)) if obj.contains_key("response")
            )
            .then(|| inner.clone()),
            Value::Object(obj) if obj.contains_key("response") => {
                raw_text_at(text, path).or_else(|| serde_json::to_string(obj).ok())
            }
            _ => None,
        };
        if let Some(next) = found {
            let finding = Finding::new(FindingCode::InputWrapped).with("field", path.join("."));
            return Some(Step::Again(next, finding));
        }
    }
    let texts = fields.iter().filter_map(|(path, value)| match value {
        Value::String(inner) if inner.to_ascii_lowercase().contains("response") => {
            Some((path, inner))
        }
        _ => None,
    });
    for (path, inner) in texts.take(MAX_TEXT_FIELDS) {
        if let Some((envelope, nested)) = read_nested(inner.clone(), nesting) {
            findings.push(Finding::new(FindingCode::InputWrapped).with("field", path.join(".")));
            findings.extend(nested);
            return Some(Step::Done(Ok(envelope)));
        }
    }
    None
}

/// Every field of `map` and of the objects and arrays inside it, breadth first, with its path.
fn fields_breadth_first(map: &Map<String, Value>) -> Vec<(Vec<String>, &Value)> {
    let mut out: Vec<(Vec<String>, &Value)> = map
        .iter()
        .map(|(name, value)| (vec![name.clone()], value))
        .collect();
    let mut from = 0;
    for _ in 1..MAX_WRAPPER_DEPTH {
        let level_end = out.len();
        let mut next = Vec::new();
        for (path, value) in out.get(from..level_end).unwrap_or_default() {
            let children: Vec<(String, &Value)> = match value {
                Value::Object(inner) => inner
                    .iter()
                    .map(|(name, value)| (name.clone(), value))
                    .collect(),
                Value::Array(items) => items
                    .iter()
                    .enumerate()
                    .map(|(index, value)| (index.to_string(), value))
                    .collect(),
                _ => Vec::new(),
            };
            for (name, child) in children {
                let mut child_path = path.clone();
                child_path.push(name);
                next.push((child_path, child));
            }
        }
        if next.is_empty() {
            break;
        }
        from = level_end;
        out.extend(next);
    }
    out
}

/// The raw JSON text of the value at `path` (object fields only), exactly as it appears.
fn raw_text_at(text: &str, path: &[String]) -> Option<String> {
    let mut current = text.to_owned();
    for name in path {
        let raw_map = serde_json::from_str::<HashMap<String, &RawValue>>(&current).ok()?;
        current = raw_map.get(name.as_str())?.get().to_owned();
    }
    Some(current)
}

pub(super) fn response_step(
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
                return Step::Done(Err(super::not_json(
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
                    Ok(Value::Object(inner))
                        if inner.contains_key("response")
                            || (!inner.contains_key("code") && value.contains("response")) =>
                    {
                        // The `res` object itself, or a wrapper around it: not business content
                        // (which always has a `code`).
                        Step::Again(value.clone(), Finding::new(FindingCode::InputResObject))
                    }
                    Ok(json @ Value::Object(_)) => {
                        let content = Content::Plain {
                            signed_text: value.clone(),
                            json,
                        };
                        Step::Done(Ok(envelope_from(content, map, findings)))
                    }
                    Ok(_) => Step::Done(Err(super::not_json(
                        findings,
                        JsonProblem::ResponseJsonNotObject,
                    ))),
                    Err(error) if error.is_eof() => {
                        findings.push(
                            Finding::new(FindingCode::TruncatedInput).with("bytes", value.len()),
                        );
                        Step::Done(Err(Unusable::Truncated))
                    }
                    Err(_) => {
                        Step::Done(Err(super::not_json(findings, JsonProblem::ResponseNotJson)))
                    }
                }
            } else {
                let content = Content::Ciphertext(repair_base64("response", value, findings));
                Step::Done(Ok(envelope_from(content, map, findings)))
            }
        }
        _ => Step::Done(Err(super::not_json(
            findings,
            JsonProblem::ResponseWrongType,
        ))),
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

pub(super) fn envelope_from(
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
