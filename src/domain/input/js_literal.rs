//! A JavaScript object literal as the console prints it, read as JSON: the mini program's
//! `console.log` of a `fail` result or an `onError` detail. Hand-rolled: the text is neither JSON
//! nor a whole program, so no parser crate reads it; the result is then read by `serde_json`.

fn is_ident(ch: char) -> bool {
    ch.is_alphanumeric() || ch == '_' || ch == '$'
}

/// A JavaScript object literal as the console prints it (`{error: 4, errorMessage: '…'}`) turned
/// into JSON: bare keys quoted, single-quoted strings double-quoted. Other text comes back as is.
pub fn js_object_to_json(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut chars = text.chars().peekable();
    let mut last_significant = ' ';
    while let Some(ch) = chars.next() {
        match ch {
            '"' | '\'' => {
                out.push('"');
                while let Some(inner) = chars.next() {
                    match inner {
                        '\\' => {
                            out.push('\\');
                            out.extend(chars.next());
                        }
                        '"' if ch == '\'' => out.push_str("\\\""),
                        _ if inner == ch => break,
                        _ => out.push(inner),
                    }
                }
                out.push('"');
                last_significant = '"';
            }
            _ if (ch.is_alphabetic() || ch == '_' || ch == '$')
                && matches!(last_significant, '{' | ',') =>
            {
                let mut word = String::from(ch);
                while let Some(next) = chars.next_if(|next| is_ident(*next)) {
                    word.push(next);
                }
                while let Some(space) = chars.next_if(|next| next.is_whitespace()) {
                    word.push(space);
                }
                if chars.peek() == Some(&':') {
                    out.push('"');
                    out.push_str(word.trim_end());
                    out.push('"');
                } else {
                    out.push_str(&word);
                }
                last_significant = 'a';
            }
            _ => {
                out.push(ch);
                if !ch.is_whitespace() {
                    last_significant = ch;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_bare_keys_and_single_quoted_strings() {
        assert_eq!(
            js_object_to_json("{error: 4, errorMessage: 'a\"b'}"),
            r#"{"error": 4, "errorMessage": "a\"b"}"#
        );
        assert_eq!(js_object_to_json(r#"{"ok":true}"#), r#"{"ok":true}"#);
    }
}
