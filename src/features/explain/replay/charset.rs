//! The right plaintext decoded with another charset than UTF-8, as a server does with Java's
//! one-argument `new String(bytes)` on a GBK system, .NET's old GBK default, or Python's
//! `decode('cp1252')`: the mojibake each produces, to compare with what was printed.

use super::compare::{Printed, normalize};

/// A charset a server may decode the plaintext with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Charset {
    /// GBK (GB18030), the default of Chinese Windows and of `file.encoding=GBK`.
    Gbk,
    /// Windows-1252 (Python `cp1252`, Java `Cp1252`: unmapped bytes become U+FFFD).
    Windows1252,
    /// ISO-8859-1 (every byte one character).
    Latin1,
}

impl Charset {
    /// Every charset replayed.
    pub const ALL: &[Self] = &[Self::Gbk, Self::Windows1252, Self::Latin1];

    /// The charset's usual name (shown as it is in both languages).
    pub fn name(self) -> &'static str {
        match self {
            Self::Gbk => "GBK",
            Self::Windows1252 => "Windows-1252",
            Self::Latin1 => "ISO-8859-1",
        }
    }

    /// `bytes` decoded with this charset.
    pub fn decode(self, bytes: &[u8]) -> String {
        match self {
            Self::Gbk => encoding_rs::GBK
                .decode_without_bom_handling(bytes)
                .0
                .into_owned(),
            // The WHATWG table maps the five unassigned bytes to C1 controls; Python and Java
            // replace them.
            Self::Windows1252 => encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
                .chars()
                .map(|ch| {
                    if matches!(ch, '\u{81}' | '\u{8d}' | '\u{8f}' | '\u{90}' | '\u{9d}') {
                        '\u{fffd}'
                    } else {
                        ch
                    }
                })
                .collect(),
            Self::Latin1 => bytes.iter().map(|byte| char::from(*byte)).collect(),
        }
    }
}

/// The charset whose mojibake of `plain` (valid UTF-8 with non-ASCII text) the output shows:
/// every non-ASCII run of two or more characters it produces is printed, and there is at least
/// one. `None` for ASCII plaintexts, which read the same in every charset.
pub fn printed_with(plain: &[u8], printed: &Printed<'_>) -> Option<Charset> {
    if plain.is_ascii() || std::str::from_utf8(plain).is_err() {
        return None;
    }
    Charset::ALL.iter().copied().find(|charset| {
        let mojibake = normalize(&charset.decode(plain));
        let runs = non_ascii_runs(&mojibake);
        !runs.is_empty() && runs.iter().all(|run| printed.says(run))
    })
}

/// The runs of two or more non-ASCII characters.
fn non_ascii_runs(text: &str) -> Vec<&str> {
    text.split(|ch: char| ch.is_ascii())
        .filter(|run| run.chars().count() >= 2)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::explain::dump::views;

    const PLAIN: &str = r#"{"code":"40003","subMsg":"无效的授权关系"}"#;

    #[test]
    fn gbk_mojibake_is_recognised() {
        let mojibake = Charset::Gbk.decode(PLAIN.as_bytes());
        assert!(mojibake.contains("鏃犳晥"));
        let read = views(mojibake.as_bytes());
        assert_eq!(
            printed_with(PLAIN.as_bytes(), &Printed::new(&read)),
            Some(Charset::Gbk)
        );
    }

    #[test]
    fn the_right_text_is_no_mojibake() {
        let read = views(PLAIN.as_bytes());
        assert_eq!(printed_with(PLAIN.as_bytes(), &Printed::new(&read)), None);
        let ascii = views(b"{\"code\":\"10000\"}");
        assert_eq!(
            printed_with(b"{\"code\":\"10000\"}", &Printed::new(&ascii)),
            None
        );
    }

    #[test]
    fn windows_1252_replaces_unassigned_bytes() {
        assert_eq!(Charset::Windows1252.decode(b"\x81\x80"), "\u{fffd}€");
        assert_eq!(Charset::Latin1.decode(b"\x81"), "\u{81}");
    }
}
