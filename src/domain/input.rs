//! Turns whatever a developer pastes into an [`Envelope`]: the `response` content, `sign` and the
//! declared parameters. Every repair is reported as a finding; the signed bytes are kept exactly.
//!
//! JSON is read here; the other forms a paste arrives in are read beside it: objects and
//! wrappers (`object`), text that is not JSON (`fallback`): log and console output, request
//! dumps and curl commands (`http`), server-language printouts (`printout`) and quoted strings
//! broken into lines (`linebreaks`); transport damage in base64 values is repaired in
//! `repair`.

use serde_json::Value;

use super::category::Category;
use super::codes::FindingCode;
use super::report::Finding;
use super::terms::JsonProblem;

pub use frontend::classify as classify_frontend_result;
pub use js_literal::js_object_to_json;

mod extract;
mod fallback;
mod frontend;
mod http;
mod js_literal;
mod linebreaks;
mod object;
mod printout;
mod repair;

/// How many wrapping layers (JSON strings, `res` objects, custom fields) are peeled at most.
const MAX_UNWRAP_DEPTH: usize = 8;
/// How many `{"response"` candidates are tried when extracting from log or console output.
const MAX_EXTRACTION_CANDIDATES: usize = 64;
/// How many readings inside readings (a wrapper's text field, a copy without line breaks) are
/// tried at most, one inside the other.
const MAX_NESTED_READINGS: usize = 4;

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
    if let Some(decoded) = fallback::percent_decode_whole(&current) {
        findings.push(Finding::new(FindingCode::UrlEncodedInput));
        current = decoded;
    }
    unwrap_layers(current, findings, 0)
}

/// One step of unwrapping.
enum Step {
    /// Parse this text again.
    Again(String, Finding),
    /// Parse this text again, after these findings (in order).
    AgainAfter(String, Vec<Finding>),
    /// Finished.
    Done(Result<Envelope, Unusable>),
}

/// Peels layers until an envelope or a reason. `nesting` counts the readings this one sits in.
fn unwrap_layers(
    mut current: String,
    findings: &mut Vec<Finding>,
    nesting: usize,
) -> Result<Envelope, Unusable> {
    let mut string_levels = 0usize;
    for _ in 0..MAX_UNWRAP_DEPTH {
        match step(&current, findings, nesting) {
            Step::Again(next, finding) => {
                if finding.code == FindingCode::DoubleJsonEncoded {
                    string_levels += 1;
                } else {
                    findings.push(finding);
                }
                current = next;
            }
            Step::AgainAfter(next, before) => {
                findings.extend(before);
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

/// Reads `text` as a paste of its own (a wrapper's text field, a repaired copy): its envelope
/// and findings, or `None` when it holds no envelope (its findings are then dropped).
fn read_nested(text: String, nesting: usize) -> Option<(Envelope, Vec<Finding>)> {
    if nesting >= MAX_NESTED_READINGS {
        return None;
    }
    let mut findings = Vec::new();
    unwrap_layers(text, &mut findings, nesting + 1)
        .ok()
        .map(|envelope| (envelope, findings))
}

fn step(text: &str, findings: &mut Vec<Finding>, nesting: usize) -> Step {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::String(inner)) => {
            let head = inner.trim_start();
            if head.starts_with('{') || head.starts_with('"') {
                Step::Again(inner, Finding::new(FindingCode::DoubleJsonEncoded))
            } else {
                // A quoted bare ciphertext: read the value as the paste.
                Step::Done(
                    fallback::bare_ciphertext(inner.trim(), findings)
                        .ok_or_else(|| not_json(findings, JsonProblem::StringNotPayload)),
                )
            }
        }
        Ok(Value::Object(map)) => {
            note_formatting(text, findings);
            object::object_step(text, &map, findings, nesting)
        }
        Ok(_) => Step::Done(Err(not_json(findings, JsonProblem::NotAnObject))),
        Err(error) => fallback::unparsable_step(text, &error, findings, nesting),
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

fn not_json(findings: &mut Vec<Finding>, detail: JsonProblem) -> Unusable {
    findings.push(Finding::new(FindingCode::NotJson).with("detail", detail));
    Unusable::NotJson
}

#[cfg(test)]
mod tests;
