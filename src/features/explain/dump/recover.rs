//! Finds the dumps in a printed text and decodes each into bytes.

use std::sync::OnceLock;

use regex::Regex;

use super::ByteView;
use crate::features::explain::escapes;

struct Finders {
    python: Regex,
    quoted: Regex,
    json: Regex,
    alnum: Regex,
    hex_pairs: Regex,
    xxd: Regex,
    buffer: Regex,
    java: Regex,
    go: Regex,
    base64: Regex,
    base64_line: Regex,
}

/// The dump locators, compiled once.
fn finders() -> Option<&'static Finders> {
    static FINDERS: OnceLock<Option<Finders>> = OnceLock::new();
    FINDERS
        .get_or_init(|| {
            let quoted_with = |escape: &str| {
                format!(
                    r#"'(?:[^'\\\n]|\\.)*{escape}(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*{escape}(?:[^"\\\n]|\\.)*""#
                )
            };
            Some(Finders {
                python: Regex::new(r#"b'(?:[^'\\\n]|\\.)*'|b"(?:[^"\\\n]|\\.)*""#).ok()?,
                quoted: Regex::new(&quoted_with(r"\\(?:x[0-9a-fA-F]{2}|[tnrbfva0]|u[0-9a-fA-F]{4}|u\{)"))
                    .ok()?,
                json: Regex::new(&quoted_with(r"\\(?:u[0-9a-fA-F]{4}|[tbnrf])"))
                    .ok()?,
                alnum: Regex::new(r"[0-9A-Za-z]+").ok()?,
                hex_pairs: Regex::new(r"\b[0-9a-fA-F]{2}(?:(?: {1,2}|[:-])[0-9a-fA-F]{2}\b){3,}").ok()?,
                xxd: Regex::new(r"(?m)(?:^|\s)[0-9a-f]{7,8}: ((?:[0-9a-f]{2,4} ?){1,8})").ok()?,
                buffer: Regex::new(r"<Buffer((?: [0-9a-f]{2})+)(?: \.\.\. (\d+) more bytes?)?")
                    .ok()?,
                java: Regex::new(r"\[(-?\d{1,3}(?:, -?\d{1,3}){7,})\]").ok()?,
                go: Regex::new(r"\[(\d{1,3}(?: \d{1,3}){7,})\]").ok()?,
                base64: Regex::new(r"[A-Za-z0-9+/]{24,}={0,2}").ok()?,
                base64_line: Regex::new(r"^[A-Za-z0-9+/]{4,}={0,2}$").ok()?,
            })
        })
        .as_ref()
}

/// Appends every byte string a dump in `text` decodes to.
pub fn recover(text: &str, out: &mut Vec<ByteView>) {
    let Some(find) = finders() else {
        return;
    };
    // Node's buffer dump may be cut short, with the full length after it.
    for caps in find.buffer.captures_iter(text) {
        let shown = caps
            .get(1)
            .map_or("", |group| group.as_str())
            .replace(' ', "");
        let more = caps
            .get(2)
            .and_then(|group| group.as_str().parse::<usize>().ok());
        let bytes = hex_pairs(&shown);
        let full_len = more.map(|more| bytes.len().saturating_add(more));
        out.push(ByteView { bytes, full_len });
    }
    let mut add = |bytes: Vec<u8>| {
        if !bytes.is_empty() {
            out.push(ByteView::whole(bytes));
        }
    };
    strings(find, text, &mut add);
    hex_dumps(find, text, &mut add);
    for (finder, separator) in [(&find.java, ", "), (&find.go, " ")] {
        for caps in finder.captures_iter(text) {
            let list = caps.get(1).map_or("", |group| group.as_str());
            let bytes: Option<Vec<u8>> = list
                .split(separator)
                .map(|number| {
                    number
                        .parse::<i32>()
                        .ok()
                        .and_then(|value| u8::try_from(value.rem_euclid(256)).ok())
                })
                .collect();
            add(bytes.unwrap_or_default());
        }
    }
    for found in find.base64.find_iter(text) {
        let run = found.as_str();
        if run.len().is_multiple_of(4)
            && let Ok(bytes) = crate::domain::b64::decode(run)
        {
            add(bytes);
        }
    }
    wrapped_base64(&find.base64_line, text, &mut add);
    latin1_lines(text, &mut add);
}

/// Quoted strings: Python bytes literals, strings with `\x` escapes, JSON strings.
fn strings(find: &Finders, text: &str, add: &mut impl FnMut(Vec<u8>)) {
    for found in find.python.find_iter(text) {
        if let Some(bytes) = escapes::bytes_literal(found.as_str()) {
            add(bytes);
        }
    }
    for found in find.quoted.find_iter(text) {
        if let Some((chars, bytes)) = escapes::quoted(found.as_str()) {
            add(chars);
            if let Some(bytes) = bytes {
                add(bytes);
            }
        }
    }
    for found in find.json.find_iter(text) {
        if let Ok(decoded) = serde_json::from_str::<String>(found.as_str()) {
            add(decoded.into_bytes());
        }
    }
}

/// Hex runs, hex pairs and xxd lines.
fn hex_dumps(find: &Finders, text: &str, add: &mut impl FnMut(Vec<u8>)) {
    // A hex run is a whole alphanumeric word of 32 or more hex digits.
    for found in find.alnum.find_iter(text) {
        let word = found.as_str();
        if word.len() >= 32 && word.bytes().all(|byte| byte.is_ascii_hexdigit()) {
            add(hex_pairs(word));
        }
    }
    hex_pair_lines(&find.hex_pairs, text, add);
    let digits: String = find
        .xxd
        .captures_iter(text)
        .filter_map(|caps| caps.get(1))
        .map(|group| group.as_str().replace(' ', ""))
        .collect();
    add(hex_pairs(&digits));
}

/// Hex pairs (`7b 22 63`, `7B-22-63`, `hexdump -C` and `od` lines): one run of 16 pairs or
/// more, or the runs of consecutive lines joined (a dump of 16 bytes a line).
fn hex_pair_lines(pairs: &Regex, text: &str, add: &mut impl FnMut(Vec<u8>)) {
    let mut blocks: Vec<(String, usize)> = vec![(String::new(), 0)];
    for row in text.lines() {
        let Some(run) = pairs.find_iter(row).max_by_key(|found| found.len()) else {
            blocks.push((String::new(), 0));
            continue;
        };
        let digits: String = run
            .as_str()
            .chars()
            .filter(char::is_ascii_hexdigit)
            .collect();
        if digits.len() >= 32 {
            add(hex_pairs(&digits));
        }
        if let Some((joined, lines)) = blocks.last_mut() {
            joined.push_str(&digits);
            *lines += 1;
        }
    }
    for (joined, lines) in blocks {
        if lines > 1 {
            add(hex_pairs(&joined));
        }
    }
}

/// Base64 wrapped over several lines (76 characters a line, as `base64` and MIME encoders do);
/// the first line may start with a label.
fn wrapped_base64(line: &Regex, text: &str, add: &mut impl FnMut(Vec<u8>)) {
    let mut block = String::new();
    let mut lines = 0;
    let mut flush = |block: &mut String, lines: &mut usize| {
        if *lines > 1
            && let Ok(bytes) = crate::domain::b64::decode(block)
        {
            add(bytes);
        }
        block.clear();
        *lines = 0;
    };
    for row in text.lines() {
        let row = row.trim_end();
        if line.is_match(row) {
            block.push_str(row);
            lines += 1;
            continue;
        }
        flush(&mut block, &mut lines);
        // A label in front of the first line: `decrypted: QUJD…`.
        let tail_start = row
            .char_indices()
            .rev()
            .take_while(|(_, ch)| ch.is_ascii_alphanumeric() || matches!(ch, '+' | '/' | '='))
            .last()
            .map(|(at, _)| at);
        if let Some(tail) = tail_start.and_then(|at| row.get(at..))
            && tail.len() >= 16
            && line.is_match(tail)
        {
            block.push_str(tail);
            lines = 1;
        }
    }
    flush(&mut block, &mut lines);
}

/// Lines printed through Latin-1 (Node `toString('binary')`, Java `ISO_8859_1`, Python
/// `decode('latin-1')`): every character one byte, some of them above 0x7F.
fn latin1_lines(text: &str, add: &mut impl FnMut(Vec<u8>)) {
    for row in text.lines() {
        let bytes: Option<Vec<u8>> = row
            .chars()
            .map(|ch| u8::try_from(u32::from(ch)).ok())
            .collect();
        if let Some(bytes) = bytes
            && bytes.iter().any(|byte| *byte >= 0x80)
        {
            add(bytes);
        }
    }
}

/// Hex digit pairs to bytes; an odd last digit is dropped.
pub fn hex_pairs(hex: &str) -> Vec<u8> {
    hex.as_bytes()
        .chunks_exact(2)
        .filter_map(|pair| {
            let text = std::str::from_utf8(pair).ok()?;
            u8::from_str_radix(text, 16).ok()
        })
        .collect()
}
