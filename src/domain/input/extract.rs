//! Finds a `res.response` object inside console output, `util.inspect` output or a log line.
//!
//! Hand-rolled on purpose: these texts are not JSON, JSON5 or JavaScript (a log line can hold an
//! unescaped JSON string inside JSON), so no parser crate reads them. We only locate the
//! candidate starts here; each candidate is then read by `serde_json` itself.

use serde_json::Value;

/// How far an escaped object is read: a response is a few KiB at most.
const MAX_ESCAPED_OBJECT: usize = 64 * 1024;

/// Joins Node's multi-line string concatenations (`'abc' +\n  'def'`) into one string.
pub fn join_js_concatenation(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = rest.find('\'') {
        let (before, after_quote) = rest.split_at(pos);
        out.push_str(before);
        let tail = after_quote.get(1..).unwrap_or("");
        let trimmed = tail.trim_start_matches([' ', '\t']);
        if let Some(after_plus) = trimmed.strip_prefix('+') {
            let gap = after_plus.trim_start();
            let crossed_line = after_plus.len() != gap.len()
                && after_plus[..after_plus.len() - gap.len()].contains('\n');
            if crossed_line && let Some(next) = gap.strip_prefix('\'') {
                rest = next;
                continue;
            }
        }
        out.push('\'');
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// Returns the first embedded JSON object holding a `response` field, with its byte offset, and
/// whether any candidate ended in the middle of the input (a sign of truncation).
///
/// Objects that open with `"response"` (as Alipay sends them) are tried first. Then, for objects
/// whose fields were reordered (a backend log that sorts keys: `{"charset":…,"response":…}`),
/// the nearest `{` before each `"response":` key is tried. At most `max_candidates` of each.
pub fn find_embedded_payload(text: &str, max_candidates: usize) -> (Option<(usize, String)>, bool) {
    let mut saw_eof = false;
    let leading = text
        .match_indices('{')
        .map(|(index, _)| index)
        .filter(|index| {
            text.get(index + 1..)
                .map(|after| after.trim_start().starts_with("\"response\""))
                .unwrap_or(false)
        })
        .take(max_candidates);
    for start in leading {
        if let Some(found) = try_candidate(text, start, &mut saw_eof) {
            return (Some(found), saw_eof);
        }
    }
    let reordered = text
        .match_indices("\"response\"")
        .filter(|(index, key)| {
            text.get(index + key.len()..)
                .is_some_and(|after| after.trim_start().starts_with(':'))
        })
        .filter_map(|(index, _)| {
            let before = text.get(..index)?;
            let open = before.rfind('{')?;
            // Objects that open with "response" were tried above.
            let opens_with_response = before
                .get(open + 1..)
                .is_some_and(|gap| gap.trim().is_empty());
            (!opens_with_response).then_some(open)
        })
        .take(max_candidates);
    for start in reordered {
        if let Some(found) = try_candidate(text, start, &mut saw_eof) {
            return (Some(found), saw_eof);
        }
    }
    // Escaped JSON inside other text (`{\"response\":…}`: a JSON string's content printed
    // without its quotes, in an unescaped log line or a printout): read as a string's content,
    // from the nearest `{` before each escaped `response` key (its fields may be in any order).
    let mut escaped: Vec<usize> = text
        .match_indices("\\\"response\\\"")
        .filter(|(index, key)| {
            text.get(index + key.len()..)
                .is_some_and(|after| after.trim_start().starts_with(':'))
        })
        .filter_map(|(index, _)| text.get(..index)?.rfind('{'))
        .take(max_candidates)
        .collect();
    escaped.dedup();
    for start in escaped {
        if let Some(found) = try_escaped_candidate(text, start) {
            return (Some(found), saw_eof);
        }
    }
    // A JSON object pasted unescaped as the `response` string (`"response":"{…}"`): that object
    // is what `res.response` held, whatever its fields (a wrapper is unwrapped by the next step).
    let unescaped = text
        .match_indices("\"response\":\"{")
        .map(|(index, key)| index + key.len() - 1)
        .take(max_candidates);
    for start in unescaped {
        if let Some(found) = try_object(text, start) {
            return (Some(found), saw_eof);
        }
    }
    (None, saw_eof)
}

/// Reads the text at `start` as the content of a JSON string (up to its first unescaped `"`):
/// the unescaped object text, when it holds `response`.
fn try_escaped_candidate(text: &str, start: usize) -> Option<(usize, String)> {
    let rest = text.get(start..)?;
    let mut end = rest.len().min(MAX_ESCAPED_OBJECT);
    while !rest.is_char_boundary(end) {
        end -= 1;
    }
    let quoted = format!("\"{}", rest.get(..end)?);
    let mut stream = serde_json::Deserializer::from_str(&quoted).into_iter::<String>();
    let inner = stream.next()?.ok()?;
    match serde_json::from_str::<Value>(&inner) {
        Ok(Value::Object(map)) if map.contains_key("response") => Some((start, inner)),
        _ => None,
    }
}

/// Reads the JSON value that starts at `start`: the object text when it holds `response`.
fn try_candidate(text: &str, start: usize, saw_eof: &mut bool) -> Option<(usize, String)> {
    let candidate = text.get(start..)?;
    let mut stream = serde_json::Deserializer::from_str(candidate).into_iter::<Value>();
    match stream.next() {
        Some(Ok(Value::Object(map))) if map.contains_key("response") => {
            let end = stream.byte_offset();
            candidate
                .get(..end)
                .map(|object_text| (start, object_text.to_owned()))
        }
        Some(Err(error)) if error.is_eof() => {
            *saw_eof = true;
            None
        }
        _ => None,
    }
}

/// Reads the JSON object that starts at `start`, whatever its fields.
fn try_object(text: &str, start: usize) -> Option<(usize, String)> {
    let candidate = text.get(start..)?;
    let mut stream = serde_json::Deserializer::from_str(candidate).into_iter::<Value>();
    match stream.next() {
        Some(Ok(Value::Object(_))) => {
            let end = stream.byte_offset();
            candidate
                .get(..end)
                .map(|object_text| (start, object_text.to_owned()))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_inspect_concatenations_only_across_lines() {
        assert_eq!(
            join_js_concatenation("{ a: 'ab' +\n    'cd' }"),
            "{ a: 'abcd' }"
        );
        assert_eq!(join_js_concatenation("'a' + 'b'"), "'a' + 'b'");
    }

    #[test]
    fn finds_the_innermost_parsable_object_in_an_unescaped_log_line() {
        let line = r#"INFO res={"response":"{"response":"QUJD","sign":"c2ln"}"} done"#;
        let (found, _) = find_embedded_payload(line, 8);
        let (offset, text) = found.unwrap();
        assert_eq!(text, r#"{"response":"QUJD","sign":"c2ln"}"#);
        assert_eq!(offset, 22);
    }

    #[test]
    fn finds_objects_whose_fields_were_reordered() {
        // A backend log that sorted the keys, around an unescaped res object.
        let line =
            r#"INFO body={"response":"{"charset":"UTF-8","response":"QUJD","sign":"c2ln"}"} done"#;
        let (found, _) = find_embedded_payload(line, 8);
        let (offset, text) = found.unwrap();
        assert_eq!(
            text,
            r#"{"charset":"UTF-8","response":"QUJD","sign":"c2ln"}"#
        );
        assert_eq!(offset, 23);
        let line = "res: {\n  \"sign\": \"c2ln\",\n  \"response\": \"QUJD\"\n} (end)";
        let (found, _) = find_embedded_payload(line, 8);
        assert_eq!(found.unwrap().0, 5);
        // A "response" that is not a key, and one in an object that is not JSON, are not found.
        assert!(find_embedded_payload(r#"{x "response" }"#, 8).0.is_none());
        assert!(find_embedded_payload(r#"{"a": "response"}"#, 8).0.is_none());
    }

    #[test]
    fn finds_escaped_objects_inside_unescaped_text() {
        let line =
            r#"INFO res={"response":"{"data":"{\"response\":\"QUJD\",\"sign\":\"c2ln\"}"}"} done"#;
        let (found, _) = find_embedded_payload(line, 8);
        assert_eq!(found.unwrap().1, r#"{"response":"QUJD","sign":"c2ln"}"#);
        // The same with `sign` first (a wrapper whose envelope was re-serialised in another order).
        let line =
            r#"INFO res={"response":"{"data":"{\"sign\":\"c2ln\",\"response\":\"QUJD\"}"}"} done"#;
        let (found, _) = find_embedded_payload(line, 8);
        assert_eq!(found.unwrap().1, r#"{"sign":"c2ln","response":"QUJD"}"#);

        // A wrapper escaped twice inside the unescaped string: the wrapper is read as it is.
        let line =
            r#"INFO res={"response":"{"a":"{\"b\":\"{\\\"sign\\\":\\\"c2ln\\\"}\"}"}"} done"#;
        let (found, _) = find_embedded_payload(line, 8);
        assert_eq!(
            found.unwrap().1,
            r#"{"a":"{\"b\":\"{\\\"sign\\\":\\\"c2ln\\\"}\"}"}"#
        );
    }

    #[test]
    fn reports_truncated_candidates() {
        let (found, eof) = find_embedded_payload(r#"log {"response":"QUJD"#, 8);
        assert!(found.is_none());
        assert!(eof);
    }
}
