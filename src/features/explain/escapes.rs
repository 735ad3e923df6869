//! Quoted strings with backslash escapes, read back into bytes: Python bytes literals as
//! `print(b)` shows them (`b'{"code":\x80\t…'`), and the strings Go's `%q`, Python's `repr(str)`
//! and C-style printers write (`"{\"code\":…\x08"`). Hand-written: each is a dozen escape rules of
//! one lexer, and no crate reads them.

/// The bytes of a literal `b'…'` or `b"…"`; `None` when it is not one (a character outside
/// ASCII, an unknown escape is kept as Python keeps it).
pub fn bytes_literal(literal: &str) -> Option<Vec<u8>> {
    let body = literal.strip_prefix('b')?;
    let quote = body.chars().next().filter(|ch| *ch == '\'' || *ch == '"')?;
    let inner = body.strip_prefix(quote)?.strip_suffix(quote)?;
    if !inner.is_ascii() {
        return None;
    }
    let mut out = Vec::with_capacity(inner.len());
    let mut bytes = inner.bytes().peekable();
    while let Some(byte) = bytes.next() {
        if byte != b'\\' {
            out.push(byte);
            continue;
        }
        let escaped = bytes.next()?;
        match escaped {
            b'x' => {
                let high = hex_digit(bytes.next()?)?;
                let low = hex_digit(bytes.next()?)?;
                out.push(high << 4 | low);
            }
            b'0'..=b'7' => {
                let mut value = u32::from(escaped - b'0');
                for _ in 0..2 {
                    match bytes.peek() {
                        Some(next @ b'0'..=b'7') => {
                            value = value * 8 + u32::from(next - b'0');
                            bytes.next();
                        }
                        _ => break,
                    }
                }
                out.push(u8::try_from(value & 0xff).ok()?);
            }
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'a' => out.push(0x07),
            b'b' => out.push(0x08),
            b'f' => out.push(0x0c),
            b'v' => out.push(0x0b),
            b'\\' | b'\'' | b'"' => out.push(escaped),
            b'\n' => {}
            other => {
                out.push(b'\\');
                out.push(other);
            }
        }
    }
    Some(out)
}

/// A quoted string (`'…'` or `"…"`) with `\xNN`, `\uNNNN`, `\u{…}`, `\UNNNNNNNN`, octal and the
/// usual letter escapes. Returns the text it stands for (`\xNN` as the character U+00NN, as in
/// Python) encoded as UTF-8, and, when a `\xNN` is 0x80 or more, the bytes (`\xNN` as the byte,
/// as in Go).
pub fn quoted(literal: &str) -> Option<(Vec<u8>, Option<Vec<u8>>)> {
    let quote = literal
        .chars()
        .next()
        .filter(|ch| *ch == '\'' || *ch == '"')?;
    let inner = literal.strip_prefix(quote)?.strip_suffix(quote)?;
    let mut text = String::with_capacity(inner.len());
    let mut bytes = Vec::with_capacity(inner.len());
    let mut high_byte = false;
    let mut chars = inner.chars().peekable();
    while let Some(ch) = chars.next() {
        let piece = if ch == '\\' {
            escape(chars.next()?, &mut chars)?
        } else {
            Piece::Char(ch)
        };
        match piece {
            Piece::Char(ch) => {
                text.push(ch);
                let mut buffer = [0u8; 4];
                bytes.extend_from_slice(ch.encode_utf8(&mut buffer).as_bytes());
            }
            Piece::Byte(byte) => {
                text.push(char::from(byte));
                bytes.push(byte);
                high_byte |= byte >= 0x80;
            }
            Piece::Kept(escaped) => {
                text.push('\\');
                text.push(escaped);
                bytes.push(b'\\');
                let mut buffer = [0u8; 4];
                bytes.extend_from_slice(escaped.encode_utf8(&mut buffer).as_bytes());
            }
        }
    }
    Some((text.into_bytes(), high_byte.then_some(bytes)))
}

/// What one escape stands for.
enum Piece {
    /// A character.
    Char(char),
    /// A byte (`\xNN`, octal): the character U+00NN as text.
    Byte(u8),
    /// An unknown escape, kept with its backslash.
    Kept(char),
}

/// The escape after a backslash.
fn escape(escaped: char, chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> Option<Piece> {
    Some(match escaped {
        'n' => Piece::Char('\n'),
        'r' => Piece::Char('\r'),
        't' => Piece::Char('\t'),
        'a' => Piece::Char('\u{7}'),
        'b' => Piece::Char('\u{8}'),
        'f' => Piece::Char('\u{c}'),
        'v' => Piece::Char('\u{b}'),
        '\\' | '\'' | '"' => Piece::Char(escaped),
        'x' => Piece::Byte(u8::try_from(digits(chars, 2, 16)?).ok()?),
        'u' if chars.peek() == Some(&'{') => {
            chars.next();
            let hex: String = chars.by_ref().take_while(|ch| *ch != '}').collect();
            Piece::Char(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?)
        }
        'u' => Piece::Char(char::from_u32(digits(chars, 4, 16)?)?),
        'U' => Piece::Char(char::from_u32(digits(chars, 8, 16)?)?),
        '0'..='7' => {
            let mut value = escaped.to_digit(8)?;
            for _ in 0..2 {
                match chars.peek().and_then(|next| next.to_digit(8)) {
                    Some(digit) => {
                        value = value * 8 + digit;
                        chars.next();
                    }
                    None => break,
                }
            }
            Piece::Byte(u8::try_from(value & 0xff).ok()?)
        }
        other => Piece::Kept(other),
    })
}

/// Exactly `count` digits in `radix`.
fn digits(
    chars: &mut std::iter::Peekable<std::str::Chars<'_>>,
    count: usize,
    radix: u32,
) -> Option<u32> {
    let mut value = 0u32;
    for _ in 0..count {
        value = value.checked_mul(radix)? + chars.next()?.to_digit(radix)?;
    }
    Some(value)
}

fn hex_digit(byte: u8) -> Option<u8> {
    char::from(byte)
        .to_digit(16)
        .and_then(|digit| u8::try_from(digit).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_python_prints() {
        assert_eq!(
            bytes_literal(r#"b'{"code":\x80\t\'\\\0'"#),
            Some(b"{\"code\":\x80\t'\\\0".to_vec())
        );
        assert_eq!(bytes_literal(r#"b"it's""#), Some(b"it's".to_vec()));
        assert_eq!(bytes_literal(r"b'\q'"), Some(b"\\q".to_vec()));
    }

    #[test]
    fn reads_go_and_python_strings() {
        let (text, bytes) = quoted(r#""{\"code\":\x80\u00e9\x08}""#).unwrap();
        assert_eq!(text, "{\"code\":\u{80}é\u{8}}".as_bytes());
        assert_eq!(bytes.unwrap(), b"{\"code\":\x80\xc3\xa9\x08}");
        let (text, bytes) = quoted(r"'a\x08\t\u{1F600}\101'").unwrap();
        assert_eq!(text, "a\u{8}\t😀A".as_bytes());
        assert_eq!(bytes, None);
        assert_eq!(quoted(r#""\x4""#), None);
        assert_eq!(quoted(r#""\u{110000}""#), None);
    }

    #[test]
    fn refuses_what_is_not_a_literal() {
        assert_eq!(bytes_literal("b'\u{fffd}'"), None);
        assert_eq!(bytes_literal(r"b'\x4'"), None);
        assert_eq!(bytes_literal("'abc'"), None);
        assert_eq!(bytes_literal("b'"), None);
    }
}
