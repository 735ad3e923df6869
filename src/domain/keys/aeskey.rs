//! Reads the AES key text: base64 of 16/24/32 bytes as the console shows it, tolerating quotes
//! and whitespace, and recognising hex and wrong-length keys.

use zeroize::Zeroizing;

use super::keytext;
use crate::domain::codes::FindingCode;
use crate::domain::report::Finding;
use crate::domain::terms::{AesLengthClass, KeySlot};

/// Key bytes, wiped on drop.
pub type KeyBytes = Zeroizing<Vec<u8>>;

/// What the AES key text holds.
#[derive(Debug, Clone)]
pub enum AesKeyOutcome {
    /// Nothing given.
    Missing,
    /// Base64 of a valid AES key length. `hex` holds the hex reading when the text also looks hex.
    Usable {
        /// The base64 reading.
        key: KeyBytes,
        /// The hex reading, for a 32/48/64-digit hex text.
        hex: Option<KeyBytes>,
    },
    /// Base64 of a wrong length, or not base64; `hex` as above.
    Invalid {
        /// The hex reading, for a hex text.
        hex: Option<KeyBytes>,
        /// A wrong-length base64 reading, kept to test PHP-style truncation.
        wrong_length: Option<KeyBytes>,
    },
}

/// Reads the AES key text: quotes, whitespace, literal `\n` and a byte-order mark are ignored.
pub fn parse(text: &str, findings: &mut Vec<Finding>) -> AesKeyOutcome {
    let read = keytext::read(text);
    let cleaned = read.body.as_str();
    if cleaned.is_empty() {
        return AesKeyOutcome::Missing;
    }
    if read.normalized {
        findings.push(Finding::new(FindingCode::KeyNormalized).with("slot", KeySlot::AesKey));
    }
    let hex = hex_reading(cleaned);
    match crate::domain::b64::decode_lenient(cleaned).map(Zeroizing::new) {
        Ok(bytes) if matches!(bytes.len(), 16 | 24 | 32) => {
            AesKeyOutcome::Usable { key: bytes, hex }
        }
        Ok(bytes) => {
            if hex.is_none() {
                findings.push(
                    Finding::new(FindingCode::AesKeyInvalid)
                        .with("bytes", bytes.len())
                        .with("classification", classify_length(bytes.len())),
                );
            }
            AesKeyOutcome::Invalid {
                hex,
                wrong_length: Some(bytes),
            }
        }
        Err(error) => {
            if hex.is_none() {
                let finding = Finding::new(FindingCode::AesKeyNotBase64)
                    .with("detail", crate::domain::error::base64_problem(&error));
                findings.push(crate::domain::error::base64_params(&error, finding));
            }
            AesKeyOutcome::Invalid {
                hex,
                wrong_length: None,
            }
        }
    }
}

fn hex_reading(text: &str) -> Option<KeyBytes> {
    if !matches!(text.len(), 32 | 48 | 64) || !text.chars().all(|ch| ch.is_ascii_hexdigit()) {
        return None;
    }
    let bytes: Option<Vec<u8>> = text
        .as_bytes()
        .chunks(2)
        .map(|pair| {
            std::str::from_utf8(pair)
                .ok()
                .and_then(|digits| u8::from_str_radix(digits, 16).ok())
        })
        .collect();
    bytes.map(Zeroizing::new)
}

/// What a wrong-length decoded key probably is.
fn classify_length(bytes: usize) -> AesLengthClass {
    match bytes {
        0 => AesLengthClass::Empty,
        1..=15 => AesLengthClass::TooShort,
        160..=170 | 290..=300 | 265..=275 | 420..=430 | 545..=555 => AesLengthClass::RsaPublicKey,
        600..=700 | 1180..=1230 | 2340..=2400 => AesLengthClass::RsaPrivateKey,
        _ => AesLengthClass::NotAnAesKey,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_console_keys_with_quotes_and_whitespace() {
        let mut findings = Vec::new();
        let outcome = parse("  \"m/PeLPvnlt9qff8XjFwp1g==\" \n", &mut findings);
        assert!(matches!(outcome, AesKeyOutcome::Usable { ref key, hex: None } if key.len() == 16));
        assert_eq!(findings[0].code, FindingCode::KeyNormalized);
    }

    #[test]
    fn ignores_a_byte_order_mark() {
        let mut findings = Vec::new();
        let outcome = parse("\u{feff}m/PeLPvnlt9qff8XjFwp1g==\r\n", &mut findings);
        assert!(matches!(outcome, AesKeyOutcome::Usable { ref key, hex: None } if key.len() == 16));
        assert_eq!(
            findings
                .iter()
                .map(|finding| finding.code)
                .collect::<Vec<_>>(),
            vec![FindingCode::KeyNormalized]
        );
    }

    #[test]
    fn keeps_the_hex_reading_of_hex_looking_keys() {
        let mut findings = Vec::new();
        let outcome = parse("9bf3de2cfbe796df6a7dff178c5c29d6", &mut findings);
        let AesKeyOutcome::Usable {
            key,
            hex: Some(hex),
        } = outcome
        else {
            panic!("expected both readings");
        };
        assert_eq!(key.len(), 24);
        assert_eq!(hex.first(), Some(&0x9b));
        assert!(findings.is_empty());
    }

    #[test]
    fn reports_wrong_lengths_and_non_base64() {
        let mut findings = Vec::new();
        assert!(matches!(
            parse("QUJD", &mut findings),
            AesKeyOutcome::Invalid { .. }
        ));
        assert_eq!(findings[0].code, FindingCode::AesKeyInvalid);
        assert_eq!(
            findings[0].param("bytes"),
            Some(&crate::domain::report::Param::Number(3))
        );
        assert!(matches!(
            parse("not base64!", &mut findings),
            AesKeyOutcome::Invalid { .. }
        ));
        // The inner space is removed (reported as a normalisation) before decoding.
        let codes: Vec<FindingCode> = findings.iter().map(|finding| finding.code).collect();
        assert_eq!(
            codes,
            vec![
                FindingCode::AesKeyInvalid,
                FindingCode::KeyNormalized,
                FindingCode::AesKeyNotBase64
            ]
        );
        assert!(matches!(
            parse(" \n", &mut findings),
            AesKeyOutcome::Missing
        ));
    }
}
