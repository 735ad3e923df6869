//! Comment masking: comments become spaces so no pattern matches inside them, and a second copy
//! (the skeleton) also blanks the contents of string literals, for matching braces. Line breaks
//! are kept and every other byte of a blanked range becomes one space, so offsets and line
//! numbers are those of the original text.
//!
//! Hand-written because no crate masks comments for six languages at once while keeping byte
//! offsets; the scanner only knows where comments and strings start and end, which is all the
//! token rules need.

use serde::Deserialize;

/// How a language writes comments and strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CommentStyle {
    /// `//` and `/* */`; strings `"…"`, `'…'`, `` `…` `` (JS template, Go raw), C# `@"…"`.
    C,
    /// As [`CommentStyle::C`], plus `#` line comments (not `#[` attributes); strings may span
    /// lines.
    Php,
    /// `#` comments; triple-quoted strings (docstrings) count as comments.
    Python,
}

/// The two masked copies of a source text, both as long as the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Masked {
    /// Comments blanked; strings kept (many patterns look for literals such as `"AES"`).
    pub code: String,
    /// Comments and string contents blanked: only for matching braces.
    pub skeleton: String,
}

/// Masks `text` for `style`.
pub fn mask(text: &str, style: CommentStyle) -> Masked {
    let bytes = text.as_bytes();
    let mut code = bytes.to_vec();
    let mut skeleton = bytes.to_vec();
    let n = bytes.len();
    let at = |index: usize| bytes.get(index).copied();
    let mut i = 0;
    while let Some(c) = at(i) {
        let next = at(i + 1);
        let c_like = matches!(style, CommentStyle::C | CommentStyle::Php);
        let line_comment = (c_like && c == b'/' && next == Some(b'/'))
            || (style == CommentStyle::Php && c == b'#' && next != Some(b'['))
            || (style == CommentStyle::Python && c == b'#');
        if line_comment {
            let end = find(bytes, b"\n", i).unwrap_or(n);
            blank(&mut code, i, end);
            blank(&mut skeleton, i, end);
            i = end;
        } else if c_like && c == b'/' && next == Some(b'*') {
            let end = find(bytes, b"*/", i + 2).map_or(n, |close| close + 2);
            blank(&mut code, i, end);
            blank(&mut skeleton, i, end);
            i = end;
        } else if style == CommentStyle::Python
            && (bytes.get(i..i + 3) == Some(b"\"\"\"") || bytes.get(i..i + 3) == Some(b"'''"))
        {
            let quotes = bytes.get(i..i + 3).unwrap_or_default();
            let end = find(bytes, quotes, i + 3).map_or(n, |close| close + 3);
            blank(&mut code, i, end);
            blank(&mut skeleton, i, end);
            i = end;
        } else if style == CommentStyle::C && c == b'@' && next == Some(b'"') {
            let end = verbatim_end(bytes, i + 2);
            blank(&mut skeleton, i + 2, end);
            i = end + 1;
        } else if matches!(c, b'"' | b'\'' | b'`') {
            let end = string_end(bytes, i + 1, c, style);
            blank(&mut skeleton, i + 1, end.min(n));
            i = end + 1;
        } else {
            i += 1;
        }
    }
    Masked {
        code: into_string(code),
        skeleton: into_string(skeleton),
    }
}

/// The closing quote of a C# verbatim string starting at `from` (`""` is an escaped quote), or
/// the end of the text.
fn verbatim_end(bytes: &[u8], from: usize) -> usize {
    let mut j = from;
    while let Some(c) = bytes.get(j) {
        if *c == b'"' {
            if bytes.get(j + 1) == Some(&b'"') {
                j += 2;
                continue;
            }
            break;
        }
        j += 1;
    }
    j
}

/// The closing `quote` of a string starting at `from`: a backslash escapes the next byte, a line
/// break ends the string except in template/raw strings and in PHP. May be past the end.
fn string_end(bytes: &[u8], from: usize, quote: u8, style: CommentStyle) -> usize {
    let multi_line = quote == b'`' || style == CommentStyle::Php;
    let mut j = from;
    while let Some(c) = bytes.get(j) {
        if *c == b'\\' {
            j += 2;
            continue;
        }
        if *c == quote || (*c == b'\n' && !multi_line) {
            break;
        }
        j += 1;
    }
    j
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let rest = haystack.get(from..)?;
    rest.windows(needle.len().max(1))
        .position(|window| window == needle)
        .map(|found| found + from)
}

/// Blanks `[from, to)` except line breaks. Every range starts and ends at an ASCII delimiter or
/// at the end, so whole characters are replaced and the result stays UTF-8.
fn blank(buffer: &mut [u8], from: usize, to: usize) {
    let to = to.min(buffer.len());
    if let Some(range) = buffer.get_mut(from.min(to)..to) {
        for byte in range.iter_mut().filter(|byte| **byte != b'\n') {
            *byte = b' ';
        }
    }
}

fn into_string(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes)
        .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanks_c_comments_and_keeps_strings_and_lines() {
        let text = "a = \"AES\"; // ECB here\n/* \"AES/ECB\"\n*/ b = 'x'";
        let masked = mask(text, CommentStyle::C);
        assert_eq!(
            masked.code,
            "a = \"AES\";            \n            \n   b = 'x'"
        );
        assert_eq!(
            masked.skeleton,
            "a = \"   \";            \n            \n   b = ' '"
        );
    }

    #[test]
    fn php_hash_comments_but_not_attributes() {
        let masked = mask("#[Attr]\n$a = 1; # mcrypt_decrypt(\n", CommentStyle::Php);
        assert_eq!(masked.code, "#[Attr]\n$a = 1;                  \n");
    }

    #[test]
    fn python_docstrings_are_comments() {
        let masked = mask(
            "def f():\n    \"\"\"AES.MODE_ECB\"\"\"\n    x = 1 # hi",
            CommentStyle::Python,
        );
        assert_eq!(
            masked.code,
            "def f():\n                      \n    x = 1     "
        );
    }

    #[test]
    fn quotes_inside_strings_and_verbatim_strings() {
        let masked = mask(r#"s = "a // b \" c"; t = @"x "" y"; // z"#, CommentStyle::C);
        assert_eq!(masked.code, r#"s = "a // b \" c"; t = @"x "" y";     "#);
        assert_eq!(masked.skeleton, r#"s = "           "; t = @"      ";     "#);
    }

    #[test]
    fn multibyte_text_keeps_its_length() {
        let text = "x = 1 // 手机号\ny = \"支付宝\"";
        let masked = mask(text, CommentStyle::C);
        assert_eq!(masked.code.len(), text.len());
        assert_eq!(masked.skeleton.len(), text.len());
        assert!(masked.code.contains("支付宝") && !masked.code.contains("手机号"));
    }

    #[test]
    fn unterminated_constructs_run_to_the_end() {
        for style in [CommentStyle::C, CommentStyle::Php, CommentStyle::Python] {
            for text in ["/* open", "\"open", "'''open", "@\"open", "`open\\"] {
                let masked = mask(text, style);
                assert_eq!(masked.code.len(), text.len());
            }
        }
    }
}
