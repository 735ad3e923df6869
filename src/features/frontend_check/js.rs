//! Just enough lexical scanning of mini-program JavaScript for the front-end check: comments
//! removed, strings respected, brace matching, method bodies by name, console object literals.
//! Heuristic by design (no parser); every function is total.

/// The JavaScript with `//` and `/* */` comments blanked out (strings kept).
pub fn strip_comments(js: &str) -> String {
    let mut out = String::with_capacity(js.len());
    let mut chars = js.chars().peekable();
    let mut quote: Option<char> = None;
    while let Some(ch) = chars.next() {
        if let Some(open) = quote {
            out.push(ch);
            if ch == '\\' {
                out.extend(chars.next());
            } else if ch == open {
                quote = None;
            }
            continue;
        }
        match (ch, chars.peek()) {
            ('/', Some('/')) => {
                for skipped in chars.by_ref() {
                    if skipped == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            ('/', Some('*')) => {
                chars.next();
                let mut previous = ' ';
                for skipped in chars.by_ref() {
                    if previous == '*' && skipped == '/' {
                        break;
                    }
                    previous = skipped;
                }
                out.push(' ');
            }
            _ => {
                if matches!(ch, '"' | '\'' | '`') {
                    quote = Some(ch);
                }
                out.push(ch);
            }
        }
    }
    out
}

fn is_ident(ch: char) -> bool {
    ch.is_alphanumeric() || ch == '_' || ch == '$'
}

/// Byte offsets of `word` as a whole identifier.
fn word_positions<'a>(text: &'a str, word: &'a str) -> impl Iterator<Item = usize> + 'a {
    text.match_indices(word)
        .map(|(index, _)| index)
        .filter(move |index| {
            let before = text.get(..*index).and_then(|head| head.chars().next_back());
            let after = text
                .get(index + word.len()..)
                .and_then(|tail| tail.chars().next());
            !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
        })
}

/// The offset just past the bracket that closes the one at `open` (strings skipped).
fn matching(text: &str, open: usize) -> Option<usize> {
    let (opener, closer) = match text.get(open..)?.chars().next()? {
        '(' => ('(', ')'),
        '{' => ('{', '}'),
        _ => return None,
    };
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (index, ch) in text.get(open..)?.char_indices() {
        if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if ch == '\\' {
                escaped = true;
            } else if ch == q {
                quote = None;
            }
            continue;
        }
        if matches!(ch, '"' | '\'' | '`') {
            quote = Some(ch);
        } else if ch == opener {
            depth += 1;
        } else if ch == closer {
            depth = depth.checked_sub(1)?;
            if depth == 0 {
                return Some(open + index + ch.len_utf8());
            }
        }
    }
    None
}

/// The body (`{ … }`) of the method or function called `name`: `name(e) {`, `name: function`,
/// `name: (e) => {`, `name = async (e) => {`, `function name(e) {`.
pub fn function_body<'a>(js: &'a str, name: &str) -> Option<&'a str> {
    if name.is_empty() {
        return None;
    }
    word_positions(js, name).find_map(|index| {
        let before = js.get(..index)?.trim_end();
        if before.ends_with('.') {
            return None;
        }
        let after_name = index + name.len();
        let rest = js.get(after_name..)?;
        let trimmed = rest.trim_start();
        let at = after_name + (rest.len() - trimmed.len());
        let open = if trimmed.starts_with('(') {
            let close = matching(js, at)?;
            let tail = js.get(close..)?;
            let next = tail.trim_start();
            if !next.starts_with('{') {
                return None;
            }
            close + (tail.len() - next.len())
        } else if trimmed.starts_with(':')
            || (trimmed.starts_with('=') && !trimmed.starts_with("=="))
        {
            at + trimmed.find('{')?
        } else {
            return None;
        };
        js.get(open..matching(js, open)?)
    })
}

/// Names called as `this.name(` inside `body`.
pub fn this_calls(body: &str) -> Vec<&str> {
    body.match_indices("this.")
        .filter_map(|(index, _)| {
            let rest = body.get(index + "this.".len()..)?;
            let end = rest.find(|ch: char| !is_ident(ch))?;
            rest.get(end..)?
                .trim_start()
                .starts_with('(')
                .then(|| rest.get(..end))
                .flatten()
        })
        .collect()
}

/// True when `text` contains `call(`, allowing spaces before the parenthesis.
pub fn calls(text: &str, call: &str) -> bool {
    text.match_indices(call).any(|(index, _)| {
        text.get(index + call.len()..)
            .is_some_and(|rest| rest.trim_start().starts_with('('))
    })
}

/// The argument texts of every `call(…)`.
pub fn call_arguments<'a>(text: &'a str, call: &str) -> Vec<&'a str> {
    text.match_indices(call)
        .filter_map(|(index, _)| {
            let open = index + call.len();
            let close = matching(text, open)?;
            text.get(open + 1..close.checked_sub(1)?)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_bodies_calls_and_literals() {
        let js = strip_comments(
            "Page({ onAuth(e) { /* } */ my.getPhoneNumber({ success: (r) => {} }); }, other: () => { this.onAuth(); } })",
        );
        assert!(
            function_body(&js, "onAuth")
                .unwrap()
                .contains("getPhoneNumber")
        );
        assert_eq!(
            this_calls(function_body(&js, "other").unwrap()),
            vec!["onAuth"]
        );
        assert!(function_body(&js, "missing").is_none());
        assert_eq!(
            call_arguments("JSON.stringify(res.response)", "JSON.stringify"),
            vec!["res.response"]
        );
        assert_eq!(strip_comments("a // b\nc 'http://x'"), "a \nc 'http://x'");
    }
}
