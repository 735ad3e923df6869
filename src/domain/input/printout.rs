//! The parsed body as server code prints it: Python `repr` (dicts, `pprint`, dataclasses, named
//! tuples, `MultiDict`s), Java/Kotlin `toString()` (maps whose base64 values end in `=`, Lombok,
//! records, Spring `MultiValueMap`), C# `ToString()`, PHP `print_r`/`var_dump`/`var_export`, Go
//! `fmt`, Ruby `inspect`, and any other `key=value` or `key: value` text.
//!
//! The fields are found by name wherever they stand (`response`, `sign`, `sign_type`/`signType`,
//! `charset`, `alipay_cert_sn`), whatever the wrapper around them, and rebuilt as the JSON object
//! they stand for, which is then read like any paste: a printout changes nothing inside the
//! values, so every repair and check still applies to them. A plain `response` object is
//! re-serialised as compact JSON in its printed order (the form Alipay signs), and reported.
//!
//! Hand-rolled: these printouts are not one grammar and no crate reads them; only the key, its
//! separator and its value are read here, by [`value`].

use super::MAX_EXTRACTION_CANDIDATES;
use crate::domain::codes::FindingCode;
use crate::domain::report::Finding;
use crate::domain::terms::PrintoutForm;

mod value;

use value::{KeyStyle, PValue, Sep};

/// The fields read, by their name in the JSON object (and their printed names, normalised).
const FIELDS: &[(&str, &str)] = &[
    ("response", "response"),
    ("sign", "sign"),
    ("sign_type", "signtype"),
    ("charset", "charset"),
    ("encrypt_type", "encrypttype"),
    ("alipay_cert_sn", "alipaycertsn"),
];

/// A printout, read: the JSON object it stands for and the findings, in order.
pub(super) struct Found {
    /// `{"response":…,"sign":…}`.
    pub json: String,
    /// The printout's form, and a rebuilt plain object when there is one.
    pub findings: Vec<Finding>,
}

/// One field found in the text.
struct Hit {
    field: &'static str,
    at: usize,
    end: usize,
    style: KeyStyle,
    sep: Sep,
    value: PValue,
}

/// Reads a printout holding a `response` field; `None` for anything else.
pub(super) fn read(text: &str) -> Option<Found> {
    let hits = find_hits(text);
    let response = hits
        .iter()
        .find(|hit| hit.field == "response" && plausible_response(&hit.value))?;
    let mut findings =
        vec![Finding::new(FindingCode::InputPrintout).with("form", form_of(text, response))];
    let mut members = Vec::new();
    for (field, _) in FIELDS {
        let hit = if *field == "response" {
            Some(response)
        } else {
            hits.iter().find(|hit| {
                hit.field == *field && (hit.at >= response.end || hit.end <= response.at)
            })
        };
        let Some(json) = hit.and_then(|hit| field_json(&hit.value, 0)) else {
            continue;
        };
        if *field == "response" && json.starts_with('{') {
            findings.push(Finding::new(FindingCode::PrintoutPlainRebuilt));
        }
        members.push(format!("{}:{json}", json_string(field)));
    }
    Some(Found {
        json: format!("{{{}}}", members.join(",")),
        findings,
    })
}

/// Every known field name that starts a key (a word not preceded by a base64 character), with
/// its value; at most [`MAX_EXTRACTION_CANDIDATES`] tried.
fn find_hits(text: &str) -> Vec<Hit> {
    let mut hits = Vec::new();
    let mut tried = 0;
    let words = text
        .char_indices()
        .filter(|(at, ch)| {
            (ch.is_ascii_alphabetic() || *ch == '_')
                && !text
                    .get(..*at)
                    .and_then(|before| before.chars().next_back())
                    .is_some_and(|prev| prev.is_ascii_alphanumeric() || prev == '_')
        })
        .map(|(at, _)| at);
    for at in words {
        if tried >= MAX_EXTRACTION_CANDIDATES {
            break;
        }
        let rest = text.get(at..).unwrap_or("");
        let len = rest
            .find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '_'))
            .unwrap_or(rest.len());
        let normalised: String = rest
            .get(..len)
            .unwrap_or("")
            .chars()
            .filter(|ch| *ch != '_')
            .map(|ch| ch.to_ascii_lowercase())
            .collect();
        let Some((field, _)) = FIELDS.iter().find(|(_, name)| *name == normalised) else {
            continue;
        };
        tried += 1;
        if let Some(hit) = hit_at(text, at, field) {
            hits.push(hit);
        }
    }
    hits
}

/// The key whose name starts at `name_at`, read from the start of its decoration (up to two
/// characters before the name: `["`, `u'`, `'`, `"`, `:`, `[`), and its value.
fn hit_at(text: &str, name_at: usize, field: &'static str) -> Option<Hit> {
    (0..=2).rev().find_map(|back| {
        let at = name_at.checked_sub(back)?;
        let from = text.get(at..)?;
        let key = value::read_key(from)?;
        let decoration = from.get(..back)?;
        let fits = match key.style {
            KeyStyle::Bare => back == 0,
            KeyStyle::Quoted(_) => matches!(decoration, "'" | "\"" | "u'" | "u\"" | "b'" | "b\""),
            KeyStyle::Symbol => decoration == ":",
            KeyStyle::Bracket => decoration == "[",
            KeyStyle::QuotedBracket => decoration == "[\"",
        };
        let before = text.get(..at)?.chars().next_back();
        let boundary = before.is_none_or(|prev| {
            prev.is_whitespace()
                || matches!(prev, '{' | '(' | '[' | ',' | ';' | '&' | '?' | '<' | '|')
        });
        if !fits || !boundary {
            return None;
        }
        let (value, len) = value::read_value(from.get(key.len..)?, key.sep, 0)?;
        Some(Hit {
            field,
            at,
            end: at + key.len + len,
            style: key.style,
            sep: key.sep,
            value,
        })
    })
}

/// A `response` value worth reading: a nested object, or text of at least 16 characters.
fn plausible_response(value: &PValue) -> bool {
    match value {
        PValue::Map(pairs, _) => !pairs.is_empty(),
        PValue::Text(text, _) | PValue::Bare(text) => text.trim().len() >= 16,
        PValue::List(items) => items.first().is_some_and(plausible_response),
        PValue::Null => false,
    }
}

/// The printout's language, from how the `response` key and value are written (and, for
/// `key=value`, whether a comma or a bracket follows the value, as in `toString()`).
fn form_of(text: &str, hit: &Hit) -> PrintoutForm {
    let listed = text.get(hit.end..).is_some_and(|after| {
        after
            .trim_start_matches(' ')
            .starts_with([',', ')', ']', '}'])
    });
    let quoted_value = match &hit.value {
        PValue::Text(_, quote) => Some(*quote),
        PValue::List(items) => match items.first() {
            Some(PValue::Text(_, quote)) => Some(*quote),
            _ => None,
        },
        _ => None,
    };
    match (hit.style, hit.sep, quoted_value) {
        (KeyStyle::QuotedBracket, _, _) => PrintoutForm::PhpVarDump,
        (KeyStyle::Bracket, _, _) => PrintoutForm::PhpPrintR,
        (KeyStyle::Quoted('\''), Sep::Arrow, _) => PrintoutForm::PhpVarExport,
        (KeyStyle::Quoted(_) | KeyStyle::Symbol, Sep::Arrow, _) => PrintoutForm::RubyInspect,
        (KeyStyle::Quoted('\''), Sep::Colon { .. } | Sep::Tuple, _)
        | (KeyStyle::Bare, Sep::Equals { spaced: false }, Some('\'')) => PrintoutForm::PythonRepr,
        (KeyStyle::Bare, Sep::Equals { spaced: false }, None) if listed => {
            PrintoutForm::JavaToString
        }
        (KeyStyle::Bare, Sep::Equals { spaced: true }, None) if listed => {
            PrintoutForm::CsharpToString
        }
        (KeyStyle::Bare, Sep::Colon { spaced: false }, None | Some('"')) => PrintoutForm::GoFmt,
        _ => PrintoutForm::KeyValue,
    }
}

/// A field's value as JSON text: strings as strings, a nested map as compact JSON in its printed
/// order; `None` for a null or an empty value.
fn field_json(value: &PValue, depth: usize) -> Option<String> {
    match value {
        PValue::Text(text, _) | PValue::Bare(text) if depth == 0 => {
            (!text.trim().is_empty()).then(|| json_string(text))
        }
        PValue::List(items) if depth == 0 => items.first().and_then(|item| field_json(item, 0)),
        PValue::Map(pairs, typed) => {
            let members: Option<Vec<String>> = pairs
                .iter()
                .map(|(name, value)| {
                    let json = match value {
                        PValue::Bare(text) if *typed => typed_scalar(text),
                        PValue::Null => "null".to_owned(),
                        other => field_json(other, depth + 1)?,
                    };
                    Some(format!("{}:{json}", json_string(name)))
                })
                .collect();
            Some(format!("{{{}}}", members?.join(",")))
        }
        PValue::Text(text, _) => Some(json_string(text)),
        PValue::Bare(text) => Some(json_string(text.trim())),
        PValue::List(items) => {
            let items: Option<Vec<String>> = items
                .iter()
                .map(|item| field_json(item, depth + 1))
                .collect();
            Some(format!("[{}]", items?.join(",")))
        }
        PValue::Null => None,
    }
}

/// A bare scalar of a printout that keeps types: a number, `true`/`false` (any case) or a string.
fn typed_scalar(text: &str) -> String {
    let text = text.trim();
    match text {
        "true" | "True" => "true".to_owned(),
        "false" | "False" => "false".to_owned(),
        _ if serde_json::from_str::<serde_json::Number>(text).is_ok() => text.to_owned(),
        _ => json_string(text),
    }
}

fn json_string(text: &str) -> String {
    serde_json::Value::String(text.to_owned()).to_string()
}

#[cfg(test)]
mod tests;
