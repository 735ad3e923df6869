//! Guesses what a dropped file holds, so the window can put it in the right slot and say so.

/// What a file looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A response (JSON or a bare ciphertext).
    Response,
    /// A public key or certificate.
    PublicKey,
    /// An AES key.
    AesKey,
    /// A private key: refused.
    PrivateKey,
    /// Nothing recognisable.
    Unknown,
}

/// Looks at the bytes without keeping or logging them.
pub fn guess(bytes: &[u8]) -> Kind {
    let Ok(text) = std::str::from_utf8(bytes) else {
        // DER: a certificate or key starts with a SEQUENCE.
        return if bytes.first() == Some(&0x30) {
            Kind::PublicKey
        } else {
            Kind::Unknown
        };
    };
    let trimmed = text.trim().trim_matches(|ch| ch == '"' || ch == '\'');
    if trimmed.contains("PRIVATE KEY-----") {
        return Kind::PrivateKey;
    }
    if trimmed.contains("-----BEGIN") {
        return Kind::PublicKey;
    }
    if trimmed.contains("response") || trimmed.starts_with('{') || trimmed.starts_with('%') {
        return Kind::Response;
    }
    let compact: String = trimmed.chars().filter(|ch| !ch.is_whitespace()).collect();
    if matches!(compact.len(), 32 | 48 | 64) && compact.chars().all(|ch| ch.is_ascii_hexdigit()) {
        return Kind::AesKey;
    }
    match crate::domain::b64::decode_lenient(&compact) {
        Ok(der) if matches!(der.len(), 16 | 24 | 32) => Kind::AesKey,
        Ok(der) if der.first() == Some(&0x30) && der.len() > 100 => {
            if rsa::pkcs8::PrivateKeyInfoRef::try_from(der.as_slice()).is_ok() {
                Kind::PrivateKey
            } else {
                Kind::PublicKey
            }
        }
        Ok(der) if der.len() >= 32 && der.len() % 16 == 0 => Kind::Response,
        _ => Kind::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses_each_kind() {
        assert_eq!(guess(br#"{"response":"x"}"#), Kind::Response);
        assert_eq!(guess(b"m/PeLPvnlt9qff8XjFwp1g==\n"), Kind::AesKey);
        assert_eq!(guess(b"9bf3de2cfbe796df6a7dff178c5c29d6"), Kind::AesKey);
        assert_eq!(
            guess(b"-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----"),
            Kind::PublicKey
        );
        assert_eq!(
            guess(b"-----BEGIN RSA PRIVATE KEY-----\n"),
            Kind::PrivateKey
        );
        assert_eq!(guess(&[0x30, 0x82, 0x01]), Kind::PublicKey);
        assert_eq!(guess(b"hello"), Kind::Unknown);
    }
}
