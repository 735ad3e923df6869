//! Raw line breaks inside quoted strings: base64 wrapped by a mail client (76 columns, CRLF), a
//! terminal (80), a chat app (64) or a ticket system, which makes the JSON (or the printout)
//! unreadable. Base64 never holds a line break, so every CR and LF inside a string is removed;
//! breaks between tokens are whitespace (pretty-printing) and stay. When a whole text is
//! hard-wrapped, breaks also fall inside key names and short values: they are inside strings
//! too and go the same way.
//!
//! Hand-rolled: a JSON parser refuses the text and a tokenizer for every printout language
//! would be far larger than this one pass over the quotes.

use crate::domain::codes::FindingCode;
use crate::domain::report::Finding;

/// How many affected strings are named in the finding.
const MAX_NAMED: usize = 6;

/// One quoted string met on the way.
struct Literal {
    /// Its text, breaks removed.
    text: String,
    /// Breaks removed from it.
    breaks: usize,
}

/// The text with every CR and LF inside `'…'` or `"…"` strings removed, and the finding that
/// reports it (the strings it happened in, by field name, and how many breaks); `None` when no
/// string held a break.
pub(super) fn strip_in_strings(text: &str) -> Option<(String, Finding)> {
    if !text.contains(['\r', '\n']) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut names: Vec<String> = Vec::new();
    let mut total = 0usize;
    let mut last_key: Option<String> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((_, ch)) = chars.next() {
        out.push(ch);
        if ch != '"' && ch != '\'' {
            continue;
        }
        let literal = read_literal(ch, &mut chars, &mut out);
        let rest = chars
            .peek()
            .map_or("", |(at, _)| text.get(*at..).unwrap_or(""));
        let is_key = is_followed_by_separator(rest);
        if literal.breaks > 0 {
            total += literal.breaks;
            let name = if is_key {
                literal.text.clone()
            } else {
                last_key.clone().unwrap_or_else(|| "value".to_owned())
            };
            if !names.contains(&name) && names.len() < MAX_NAMED {
                names.push(name);
            }
        }
        if is_key {
            last_key = Some(literal.text);
        }
    }
    (total > 0).then(|| {
        let finding = Finding::new(FindingCode::Base64LineBreaks)
            .with("fields", names.join(", "))
            .with("count", total);
        (out, finding)
    })
}

/// Reads a string up to its closing `quote` (backslash escapes kept), dropping CR and LF.
fn read_literal(
    quote: char,
    chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
    out: &mut String,
) -> Literal {
    let mut literal = Literal {
        text: String::new(),
        breaks: 0,
    };
    let skip_breaks = |chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>| {
        let mut count = 0;
        while let Some((_, next)) = chars.next_if(|(_, next)| matches!(next, '\r' | '\n')) {
            // A CRLF is one break: its CR is counted with its LF.
            let crlf = next == '\r' && chars.peek().is_some_and(|(_, after)| *after == '\n');
            if !crlf {
                count += 1;
            }
        }
        count
    };
    loop {
        literal.breaks += skip_breaks(chars);
        let Some((_, ch)) = chars.next() else {
            return literal;
        };
        out.push(ch);
        if ch == quote {
            return literal;
        }
        literal.text.push(ch);
        if ch == '\\' {
            // A break right after the backslash splits an escape: join it again.
            literal.breaks += skip_breaks(chars);
            if let Some((_, escaped)) = chars.next() {
                out.push(escaped);
                literal.text.push(escaped);
            }
        }
    }
}

/// True when a key separator (`:`, `=`, `=>`) follows, after whitespace.
fn is_followed_by_separator(rest: &str) -> bool {
    rest.trim_start_matches([' ', '\t', '\r', '\n'])
        .starts_with([':', '='])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_breaks_inside_strings_only_and_names_the_fields() {
        let text = "{\"response\":\"QUJD\r\nREVG\",\n\"si\ngn\":\"c2\nln\"}";
        let (repaired, finding) = strip_in_strings(text).unwrap();
        assert_eq!(repaired, "{\"response\":\"QUJDREVG\",\n\"sign\":\"c2ln\"}");
        assert_eq!(
            finding.param_token("fields").as_deref(),
            Some("response, sign")
        );
        assert_eq!(finding.param_token("count").as_deref(), Some("3"));
        // Idempotent: nothing is left to remove.
        assert!(strip_in_strings(&repaired).is_none());
        // Pretty-printing alone is not damage.
        assert!(strip_in_strings("{\n  \"response\": \"QUJD\"\n}").is_none());
    }

    #[test]
    fn reads_single_quotes_and_joins_a_split_escape() {
        let (repaired, _) = strip_in_strings("{'a': 'x\n\\'y'}").unwrap();
        assert_eq!(repaired, "{'a': 'x\\'y'}");
        let (repaired, _) = strip_in_strings("{\"a\": \"x\\\n\"y\"}").unwrap();
        assert_eq!(repaired, "{\"a\": \"x\\\"y\"}");
    }
}
