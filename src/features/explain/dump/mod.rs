//! The ways one printed output is read: as text (UTF-8, and GB18030 when the bytes are not UTF-8:
//! a log saved in GBK), and as bytes: the raw output and every byte string recovered from a dump
//! in it (Python bytes literals, Go `%q` and Python `repr` strings, JS/JSON string escapes, hex
//! runs and hex pairs, xxd and `hexdump -C` lines, Node `<Buffer …>`, Java `Arrays.toString` and
//! Go `%v` lists, base64 runs and wrapped base64, Latin-1 lines). The patterns and the replays
//! look at all of them.
//!
//! The dump formats are located with `regex` and decoded by hand (`recover.rs`): each decoder is a
//! few lines for one printing convention, and no crate reads Python reprs or Node buffers.

mod recover;

pub use recover::hex_pairs;
use recover::recover;

/// Dumps shorter than this say nothing a pattern or a replay could use.
const MIN_DUMP: usize = 8;

/// At most this many dumps are kept (the first ones; repeats count once): a real output holds a
/// few, a hostile one must not make every later step slow.
const MAX_DUMPS: usize = 512;

/// Bytes recovered from the output.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ByteView {
    /// The bytes.
    pub bytes: Vec<u8>,
    /// When the dump shows only a prefix (`<Buffer … 5 more bytes>`): the full length.
    pub full_len: Option<usize>,
}

impl ByteView {
    fn whole(bytes: Vec<u8>) -> Self {
        Self {
            bytes,
            full_len: None,
        }
    }
}

/// Every reading of one printed output.
#[derive(Debug, Clone, Default)]
pub struct Views {
    /// UTF-8 (invalid bytes as U+FFFD) and, for non-UTF-8 bytes, GB18030.
    pub text: Vec<String>,
    /// The raw bytes first, then what the dumps in the text decode to.
    pub bytes: Vec<ByteView>,
    /// The bytes are not UTF-8 but read as GB18030 without a single error: a log saved in GBK,
    /// text rather than binary.
    pub legacy_text: bool,
    /// The raw output is clean text: UTF-8 without a replacement character or control characters
    /// (tabs, line breaks and terminal escapes aside), or a clean GBK log.
    pub raw_is_text: bool,
}

/// Reads `raw` every way it can be read. Total on any bytes.
pub fn views(raw: &[u8]) -> Views {
    let lossy = String::from_utf8_lossy(raw).into_owned();
    let mut found = Vec::new();
    recover(&lossy, &mut found);
    let mut bytes = vec![ByteView::whole(raw.to_vec())];
    let mut seen = std::collections::HashSet::new();
    for view in found {
        if bytes.len() > MAX_DUMPS {
            break;
        }
        if (view.bytes.len() >= MIN_DUMP || view.full_len.is_some()) && seen.insert(view.clone()) {
            bytes.push(view);
        }
    }
    let clean_utf8 = std::str::from_utf8(raw).is_ok()
        && !lossy.chars().any(|ch| {
            ch == '\u{fffd}' || (ch.is_control() && !matches!(ch, '\t' | '\n' | '\r' | '\u{1b}'))
        });
    let mut text = vec![lossy];
    let mut legacy_text = false;
    if std::str::from_utf8(raw).is_err() {
        let (decoded, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(raw);
        legacy_text = !had_errors;
        text.push(decoded.into_owned());
    }
    Views {
        text,
        bytes,
        legacy_text,
        raw_is_text: clean_utf8 || legacy_text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recovered(text: &str) -> Vec<Vec<u8>> {
        views(text.as_bytes())
            .bytes
            .into_iter()
            .skip(1)
            .map(|view| view.bytes)
            .collect()
    }

    #[test]
    fn reads_python_json_hex_and_java_dumps() {
        assert!(recovered(r"b'{code:\x01\t'").contains(&b"{code:\x01\t".to_vec()));
        assert!(recovered(r#"plain: "abcdef\u0004\t""#).contains(&b"abcdef\x04\t".to_vec()));
        assert!(recovered(r#""{\"a\":1}\x08\x08""#).contains(&b"{\"a\":1}\x08\x08".to_vec()));
        assert!(recovered("[123 34 99 111 100 101 34 58]").contains(&b"{\"code\":".to_vec()));
        assert!(
            recovered("7B-22-63-6F-64-65-22-3A-22-31-30-30-30-30-22-2C")
                .contains(&b"{\"code\":\"10000\",".to_vec())
        );
        let hex = "7b22636f6465223a223130303030222c80";
        assert!(recovered(hex).contains(&hex_pairs(hex)));
        assert!(
            recovered("[123, 34, -1, 0, 1, 2, 3, 4]").contains(&vec![123, 34, 255, 0, 1, 2, 3, 4])
        );
        // A hex run glued to other letters is a word, not a dump.
        assert!(!recovered(&format!("x{hex}")).contains(&hex_pairs(hex)));
    }

    #[test]
    fn reads_xxd_and_node_buffers_with_their_length() {
        let xxd = "00000000: 7b22 636f 6465 223a 2231 3030 3030 222c  {\"code\":\"10000\",\n\
                   00000010: 7d09                                     }.\n";
        assert!(recovered(xxd).contains(&b"{\"code\":\"10000\",}\t".to_vec()));
        let node = views(b"<Buffer 29 11 0e ... 5 more bytes>");
        assert_eq!(
            node.bytes.get(1),
            Some(&ByteView {
                bytes: vec![0x29, 0x11, 0x0e],
                full_len: Some(8)
            })
        );
    }

    #[test]
    fn short_and_repeated_dumps_are_dropped() {
        assert!(recovered(r"b'\x01\t' b'\x01\t'").is_empty());
        let twice = recovered("[1, 2, 3, 4, 5, 6, 7, 8] [1, 2, 3, 4, 5, 6, 7, 8]");
        assert_eq!(twice, vec![vec![1, 2, 3, 4, 5, 6, 7, 8]]);
        let many: String = (0..2000)
            .map(|n| format!("[{}, {}, 2, 3, 4, 5, 6, 7] ", n / 200, n % 200))
            .collect();
        assert_eq!(recovered(&many).len(), MAX_DUMPS);
    }

    #[test]
    fn reads_wrapped_base64_and_hexdump_lines() {
        let data: Vec<u8> = (0u8..60).collect();
        let b64 = crate::domain::b64::encode(&data);
        let (first, rest) = b64.split_at(40);
        assert!(recovered(&format!("out: {first}\n{rest}\n")).contains(&data));
        let dump: String = data
            .chunks(16)
            .enumerate()
            .map(|(line, chunk)| {
                let pairs: Vec<String> = chunk.iter().map(|byte| format!("{byte:02x}")).collect();
                format!("{:08x}  {}  |…|\n", line * 16, pairs.join(" "))
            })
            .collect();
        assert!(recovered(&dump).contains(&data));
    }

    #[test]
    fn reads_gbk_logs_as_text_too() {
        let (gbk, _, _) = encoding_rs::GBK.encode("无效的授权关系");
        let read = views(&gbk);
        assert_eq!(read.text.len(), 2);
        assert_eq!(read.text.get(1).map(String::as_str), Some("无效的授权关系"));
        assert!(read.legacy_text && read.raw_is_text);
        assert!(views("无效的授权关系\n\tat x".as_bytes()).raw_is_text);
        assert!(!views("a\u{fffd}b".as_bytes()).raw_is_text);
        assert!(!views(b"a\x08b").raw_is_text);
        assert!(!views(b"\x80\x80\xff").legacy_text);
    }
}
