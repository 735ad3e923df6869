//! Standard base64 as Alipay uses it, plus the padding-tolerant variant keys are pasted with.

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, STANDARD_PAD_INDIFFERENT};

pub use base64::DecodeError;

/// Strict standard base64 (`+`, `/`, `=` padding), as Alipay sends ciphertexts and signatures.
pub fn decode(text: &str) -> Result<Vec<u8>, DecodeError> {
    STANDARD.decode(text)
}

/// Standard alphabet, padding optional: for keys, which are often pasted without their `=`.
pub fn decode_lenient(text: &str) -> Result<Vec<u8>, DecodeError> {
    STANDARD_PAD_INDIFFERENT.decode(text)
}

/// Standard base64 with padding.
pub fn encode(bytes: &[u8]) -> String {
    STANDARD.encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_tolerates_missing_padding_only_when_lenient() {
        assert_eq!(encode(b"ab"), "YWI=");
        assert_eq!(decode("YWI=").unwrap(), b"ab");
        assert!(decode("YWI").is_err());
        assert_eq!(decode_lenient("YWI").unwrap(), b"ab");
    }
}
