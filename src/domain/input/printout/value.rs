//! The pieces of a printout, read forward from a position: a key with its decoration and
//! separator, and a value (a quoted string in any of the languages' escapes, PHP's typed
//! `var_dump` values, a list, a nested map, a bare value).

/// How a key is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum KeyStyle {
    /// `name`.
    Bare,
    /// `'name'` or `"name"` (also Python 2's `u'name'`).
    Quoted(char),
    /// Ruby's `:name`.
    Symbol,
    /// PHP `print_r`'s `[name]`.
    Bracket,
    /// PHP `var_dump`'s `["name"]`.
    QuotedBracket,
}

/// What separates a key from its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sep {
    /// `:` (a space after it or not: `spaced`).
    Colon { spaced: bool },
    /// `=` (with spaces around it: `spaced`).
    Equals { spaced: bool },
    /// `=>`.
    Arrow,
    /// `, ` inside a Python tuple: `('name', 'value')`.
    Tuple,
}

/// A key read forward.
pub(super) struct Key {
    pub name: String,
    pub style: KeyStyle,
    pub sep: Sep,
    /// Bytes from the start of the decoration to the value.
    pub len: usize,
}

/// A value read forward.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum PValue {
    /// A quoted string, unescaped, with its quote.
    Text(String, char),
    /// A bare token (base64, `RSA2`, `UTF-8`, a number).
    Bare(String),
    /// `null`, `nil`, `None`, `NULL`.
    Null,
    /// A list (`['v']`, `[v]`).
    List(Vec<PValue>),
    /// A nested map, in order; `typed` when its keys were quoted (the printout keeps types).
    Map(Vec<(String, PValue)>, bool),
}

/// How deep nested maps are read.
const MAX_DEPTH: usize = 8;
/// How many pairs or items a nested map or list may hold.
const MAX_ITEMS: usize = 64;

/// Reads a key at the start of `text`: its decoration, name and separator.
pub(super) fn read_key(text: &str) -> Option<Key> {
    let (style, after_open) = if let Some(rest) = text.strip_prefix("[\"") {
        (KeyStyle::QuotedBracket, rest)
    } else if let Some(rest) = text.strip_prefix('[') {
        (KeyStyle::Bracket, rest)
    } else if let Some(rest) = text.strip_prefix(':') {
        (KeyStyle::Symbol, rest)
    } else if let Some(rest) = text
        .strip_prefix(['u', 'b'])
        .filter(|rest| rest.starts_with(['\'', '"']))
    {
        let quote = rest.chars().next()?;
        (KeyStyle::Quoted(quote), rest.get(1..)?)
    } else if let Some(rest) = text.strip_prefix('\'') {
        (KeyStyle::Quoted('\''), rest)
    } else if let Some(rest) = text.strip_prefix('"') {
        (KeyStyle::Quoted('"'), rest)
    } else {
        (KeyStyle::Bare, text)
    };
    let name_len = after_open
        .find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '_'))
        .unwrap_or(after_open.len());
    let name = after_open.get(..name_len).filter(|name| !name.is_empty())?;
    let after_name = after_open.get(name_len..)?;
    let closed = match style {
        KeyStyle::Bare | KeyStyle::Symbol => Some(after_name),
        KeyStyle::Quoted(quote) => after_name.strip_prefix(quote),
        KeyStyle::Bracket => after_name.strip_prefix(']'),
        KeyStyle::QuotedBracket => after_name.strip_prefix("\"]"),
    }?;
    let (sep, rest) = read_sep(closed, style)?;
    Some(Key {
        name: name.to_owned(),
        style,
        sep,
        len: text.len() - rest.len(),
    })
}

/// The separator after a key, and the text after it and its spaces.
fn read_sep(text: &str, style: KeyStyle) -> Option<(Sep, &str)> {
    let trimmed = text.trim_start_matches([' ', '\t']);
    let spaced_before = trimmed.len() != text.len();
    let (sep, rest) = if let Some(rest) = trimmed.strip_prefix("=>") {
        (Sep::Arrow, rest)
    } else if let Some(rest) = trimmed
        .strip_prefix(':')
        .filter(|rest| !rest.starts_with(':'))
    {
        let spaced = rest.starts_with([' ', '\t']);
        (Sep::Colon { spaced }, rest)
    } else if let Some(rest) = trimmed
        .strip_prefix('=')
        .filter(|rest| !rest.starts_with('='))
    {
        (
            Sep::Equals {
                spaced: spaced_before,
            },
            rest,
        )
    } else if let Some(rest) = trimmed.strip_prefix(',')
        && matches!(style, KeyStyle::Quoted(_))
        && !spaced_before
    {
        (Sep::Tuple, rest)
    } else {
        return None;
    };
    // Spaces after the separator stay for the value to judge: before a bare value they may be a
    // `+` a form decoder turned into a space.
    // `var_dump` puts the value on the next line; elsewhere a line break ends an empty value.
    // A separator written with spaces (`=> `, `: `, ` = `) puts exactly one after it: that one is
    // layout, any further space is the value's (else a value that lost its `=` padding would read
    // as one whose leading `+` became that space).
    let rest = match (style, sep) {
        (KeyStyle::QuotedBracket, _) => rest.trim_start(),
        (_, Sep::Arrow | Sep::Colon { spaced: true } | Sep::Equals { spaced: true }) => {
            rest.strip_prefix(' ').unwrap_or(rest)
        }
        _ => rest,
    };
    Some((sep, rest))
}

/// Reads a value at the start of `text`; returns it and its length in bytes.
pub(super) fn read_value(text: &str, sep: Sep, depth: usize) -> Option<(PValue, usize)> {
    if depth > MAX_DEPTH {
        return None;
    }
    let trimmed = text.trim_start_matches([' ', '\t']);
    let spaces = text.len() - trimmed.len();
    if let Some((value, len)) = read_structured(trimmed, sep, depth) {
        return Some((value, spaces + len));
    }
    for null in ["null", "nil", "None", "NULL"] {
        if let Some(rest) = trimmed.strip_prefix(null)
            && !rest.starts_with(|ch: char| ch.is_ascii_alphanumeric() || ch == '_')
        {
            return Some((PValue::Null, spaces + null.len()));
        }
    }
    // A bare value keeps the spaces at its edges: the base64 repair tells a lost `+` from
    // layout (`response = …`) by whether the value is valid without them.
    let bare = read_bare(text, sep);
    (!bare.trim().is_empty()).then(|| (PValue::Bare(bare.to_owned()), bare.len()))
}

/// A quoted string, a PHP typed value, a list or a nested map.
fn read_structured(text: &str, sep: Sep, depth: usize) -> Option<(PValue, usize)> {
    if let Some((value, len)) = read_php_typed(text, depth) {
        return Some((value, len));
    }
    let first = text.chars().next()?;
    let quoted = match first {
        '\'' | '"' => Some(0),
        'u' | 'b'
            if text
                .get(1..)
                .is_some_and(|rest| rest.starts_with(['\'', '"'])) =>
        {
            Some(1)
        }
        _ => None,
    };
    if let Some(prefix) = quoted {
        let (value, len) = read_quoted(text.get(prefix..)?)?;
        return Some((value, prefix + len));
    }
    if let Some(rest) = text.strip_prefix("map[") {
        let (pairs, len) = read_pairs(rest, ']', depth)?;
        return Some((PValue::Map(pairs, false), 4 + len));
    }
    match first {
        '{' => {
            let (pairs, len) = read_pairs(text.get(1..)?, '}', depth)?;
            let typed = pairs
                .iter()
                .any(|(_, value)| matches!(value, PValue::Text(..)));
            Some((PValue::Map(pairs, typed), 1 + len))
        }
        '[' => read_list(text, sep, depth),
        _ => None,
    }
}

/// PHP `var_dump`'s typed values: `string(3) "abc"`, `int(5)`, `bool(true)`, `NULL`,
/// `array(2) {…}`, `object(stdClass)#1 (2) {…}`.
fn read_php_typed(text: &str, depth: usize) -> Option<(PValue, usize)> {
    if let Some(rest) = text.strip_prefix("string(") {
        let close = rest.find(')')?;
        let after = rest.get(close + 1..)?;
        let quote_at = after.len() - after.trim_start().len();
        let (value, len) = read_raw_quoted(after.get(quote_at..)?)?;
        return Some((value, 7 + close + 1 + quote_at + len));
    }
    for scalar in ["int(", "float(", "bool("] {
        if let Some(rest) = text.strip_prefix(scalar) {
            let close = rest.find(')')?;
            let inner = rest.get(..close)?.to_owned();
            return Some((PValue::Bare(inner), scalar.len() + close + 1));
        }
    }
    if text.starts_with("array(") || text.starts_with("object(") {
        let line_end = text.find('\n').unwrap_or(text.len());
        let open = text.get(..line_end)?.find('{')?;
        let (pairs, len) = read_pairs(text.get(open + 1..)?, '}', depth)?;
        return Some((PValue::Map(pairs, true), open + 1 + len));
    }
    None
}

/// A list: `['a', 'b']` or `[a, b]`; its length includes the brackets.
fn read_list(text: &str, sep: Sep, depth: usize) -> Option<(PValue, usize)> {
    let mut items = Vec::new();
    let mut at = 1;
    loop {
        let rest = text.get(at..)?;
        let trimmed = rest.trim_start_matches([' ', '\t', '\r', '\n', ',']);
        at += rest.len() - trimmed.len();
        if trimmed.starts_with(']') {
            return Some((PValue::List(items), at + 1));
        }
        if items.len() >= MAX_ITEMS {
            return None;
        }
        let (item, len) = read_value(trimmed, sep, depth + 1)?;
        items.push(item);
        at += len.max(1);
    }
}

/// Pairs up to `closer`: keys as [`read_key`] reads them, values as [`read_value`]; the length
/// includes the closer.
fn read_pairs(text: &str, closer: char, depth: usize) -> Option<(Vec<(String, PValue)>, usize)> {
    let mut pairs = Vec::new();
    let mut at = 0;
    loop {
        let rest = text.get(at..)?;
        let trimmed = rest.trim_start_matches([' ', '\t', '\r', '\n', ',']);
        at += rest.len() - trimmed.len();
        if trimmed.starts_with(closer) {
            return Some((pairs, at + closer.len_utf8()));
        }
        if pairs.len() >= MAX_ITEMS {
            return None;
        }
        let key = read_key(trimmed)?;
        let (value, len) = read_value(trimmed.get(key.len..)?, key.sep, depth + 1)?;
        pairs.push((key.name, value));
        at += key.len + len;
    }
}

/// A bare value: base64 characters, `-`, `_`, `.`, and spaces between them (each a `+` a form
/// decoder turned into a space), up to anything else or a space before the next key. Spaces at
/// its edges are kept (all but the one before a next key).
fn read_bare(text: &str, sep: Sep) -> &str {
    let is_value_char =
        |ch: char| ch.is_ascii_alphanumeric() || matches!(ch, '+' | '/' | '=' | '-' | '_' | '.');
    let body_start = text.len() - text.trim_start_matches(' ').len();
    let mut end = body_start;
    for (at, ch) in text.char_indices().skip(body_start) {
        if is_value_char(ch) {
            end = at + ch.len_utf8();
            continue;
        }
        // A run of spaces (`++` turned into two) continues the value unless a key follows it.
        let rest = text.get(at + 1..).unwrap_or("").trim_start_matches(' ');
        let continues = ch == ' ' && rest.starts_with(is_value_char) && !starts_with_key(rest, sep);
        if !continues {
            break;
        }
    }
    if end == body_start {
        return "";
    }
    let after = text.get(end..).unwrap_or("");
    let spaces = after.len() - after.trim_start_matches(' ').len();
    let next = after.get(spaces..).unwrap_or("");
    let kept = if spaces > 0 && (next.starts_with(is_value_char) || next.is_empty()) {
        spaces - 1
    } else {
        spaces
    };
    text.get(..end + kept).unwrap_or("")
}

/// True when `text` begins with the next key of a printout that uses `sep`.
fn starts_with_key(text: &str, sep: Sep) -> bool {
    let name_len = text
        .find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '_'))
        .unwrap_or(text.len());
    let after = text.get(name_len..).unwrap_or("");
    match sep {
        Sep::Colon { .. } => after.starts_with(':'),
        Sep::Equals { .. } => after.strip_prefix('=').is_some_and(|value| {
            value.starts_with(|ch: char| ch.is_ascii_alphanumeric() || matches!(ch, '+' | '/'))
        }),
        Sep::Arrow => after.trim_start().starts_with("=>"),
        Sep::Tuple => false,
    }
}

/// A quoted string with backslash escapes (Python, Ruby, Go, PHP, JSON), unescaped.
fn read_quoted(text: &str) -> Option<(PValue, usize)> {
    let quote = text.chars().next()?;
    let mut out = String::new();
    let mut chars = text.char_indices().skip(1);
    while let Some((at, ch)) = chars.next() {
        if ch == quote {
            return Some((PValue::Text(out, quote), at + 1));
        }
        if ch != '\\' {
            out.push(ch);
            continue;
        }
        let (_, escaped) = chars.next()?;
        match escaped {
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'e' => out.push('\u{1b}'),
            'x' | 'u' | 'U' => {
                let rest = text.get(at + 2..)?;
                let (decoded, used) = hex_escape(escaped, rest).unwrap_or((escaped, 0));
                if used == 0 {
                    out.push('\\');
                }
                out.push(decoded);
                for _ in 0..used {
                    chars.next();
                }
            }
            '\\' | '\'' | '"' | '/' | '#' | '$' => out.push(escaped),
            other => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    None
}

/// `\xNN`, `\uNNNN`, `\u{N…}`, `\UNNNNNNNN`: the character and the characters used after the
/// escape letter.
fn hex_escape(letter: char, rest: &str) -> Option<(char, usize)> {
    let (digits, used) = match letter {
        'x' => (rest.get(..2)?, 2),
        'u' if rest.starts_with('{') => {
            let close = rest.find('}')?;
            (rest.get(1..close)?, close + 1)
        }
        'u' => (rest.get(..4)?, 4),
        _ => (rest.get(..8)?, 8),
    };
    let code = u32::from_str_radix(digits, 16).ok()?;
    Some((char::from_u32(code).unwrap_or('\u{fffd}'), used))
}

/// PHP `var_dump`'s string: quoted, never escaped.
fn read_raw_quoted(text: &str) -> Option<(PValue, usize)> {
    let inner = text.strip_prefix('"')?;
    let close = inner.find('"')?;
    Some((PValue::Text(inner.get(..close)?.to_owned(), '"'), close + 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_keys_in_every_decoration() {
        for (text, name, style) in [
            ("'response': 'x'", "response", KeyStyle::Quoted('\'')),
            ("u'sign': u'x'", "sign", KeyStyle::Quoted('\'')),
            ("[sign] => x", "sign", KeyStyle::Bracket),
            (
                "[\"sign\"]=>\n  string(1) \"x\"",
                "sign",
                KeyStyle::QuotedBracket,
            ),
            (":sign=>\"x\"", "sign", KeyStyle::Symbol),
            ("Sign:x", "Sign", KeyStyle::Bare),
        ] {
            let key = read_key(text).unwrap();
            assert_eq!((key.name.as_str(), key.style), (name, style), "{text}");
            let value = read_value(text.get(key.len..).unwrap(), key.sep, 0)
                .unwrap()
                .0;
            assert!(
                matches!(&value, PValue::Text(x, _) | PValue::Bare(x) if x.trim() == "x"),
                "{text}: {value:?}"
            );
        }
        assert!(read_key("response x").is_none());
    }

    #[test]
    fn bare_values_end_at_the_next_key_and_keep_mangled_spaces() {
        let colon = Sep::Colon { spaced: false };
        assert_eq!(read_bare("ab+c== sign:xy]", colon), "ab+c==");
        assert_eq!(read_bare("ab c== sign:xy]", colon), "ab c==");
        let equals = Sep::Equals { spaced: false };
        assert_eq!(read_bare("ab c==, sign=xy}", equals), "ab c==");
        assert_eq!(read_bare("ab== sign=xy", equals), "ab==");
        assert_eq!(read_bare("RSA2 }", Sep::Equals { spaced: true }), "RSA2 ");
        assert_eq!(read_bare(" abc  sign:x", colon), " abc ");
        // `++` turned into two spaces stays inside the value.
        assert_eq!(read_bare("ab  c== sign:xy]", colon), "ab  c==");
        assert_eq!(
            read_bare("ab  c==\n    [sign] => xy", Sep::Arrow),
            "ab  c=="
        );
    }

    #[test]
    fn reads_nested_maps_lists_and_escapes() {
        let (value, _) = read_value(
            "{'code': '1', 'n': 2, 'msg': 'a\\'b\\u4e2d'}",
            Sep::Arrow,
            0,
        )
        .unwrap();
        assert_eq!(
            value,
            PValue::Map(
                vec![
                    ("code".to_owned(), PValue::Text("1".to_owned(), '\'')),
                    // `: ` puts one space of layout before the value.
                    ("n".to_owned(), PValue::Bare("2".to_owned())),
                    ("msg".to_owned(), PValue::Text("a'b中".to_owned(), '\'')),
                ],
                true
            )
        );
        let (list, len) = read_value("['QUJD'], x", Sep::Colon { spaced: true }, 0).unwrap();
        assert_eq!(
            list,
            PValue::List(vec![PValue::Text("QUJD".to_owned(), '\'')])
        );
        assert_eq!(len, 8);
        assert!(read_value(&"{'a': ".repeat(100), Sep::Arrow, 0).is_none());
    }
}
