//! RSA signature check (PKCS#1 v1.5, SHA256withRSA for `RSA2`, SHA1withRSA for `RSA`) and the
//! opening of a failed signature (`s^e mod n`) that tells wrong key, changed content and
//! algorithm mismatch apart.

use rsa::traits::PublicKeyParts as _;
use rsa::{BoxedUint, PublicKey};
use sha1::Sha1;
use sha2::{Digest as _, Sha256};

/// The hash inside the signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HashAlg {
    /// `RSA`: SHA1withRSA.
    Sha1,
    /// `RSA2`: SHA256withRSA.
    Sha256,
}

impl HashAlg {
    /// Alipay's name: `RSA` or `RSA2`.
    pub fn sign_type(self) -> &'static str {
        match self {
            Self::Sha1 => "RSA",
            Self::Sha256 => "RSA2",
        }
    }

    /// The digest name: `sha1` or `sha256`.
    pub fn digest_name(self) -> &'static str {
        match self {
            Self::Sha1 => "sha1",
            Self::Sha256 => "sha256",
        }
    }

    /// The other one.
    pub fn other(self) -> Self {
        match self {
            Self::Sha1 => Self::Sha256,
            Self::Sha256 => Self::Sha1,
        }
    }

    fn digest(self, content: &[u8]) -> Vec<u8> {
        match self {
            Self::Sha1 => Sha1::digest(content).to_vec(),
            Self::Sha256 => Sha256::digest(content).to_vec(),
        }
    }

    /// DER DigestInfo prefix of RFC 8017 section 9.2, note 1.
    fn digest_info_prefix(self) -> &'static [u8] {
        match self {
            Self::Sha1 => &[0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14],
            Self::Sha256 => &[
                0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20,
            ],
        }
    }
}

/// Why the check failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// `sign` is not base64.
    NotBase64,
    /// The signature length differs from the modulus size.
    Length {
        /// Signature bytes.
        bytes: usize,
        /// Modulus bytes.
        expected: usize,
    },
    /// The opened block is not PKCS#1 v1.5: wrong key or corrupted signature.
    NotWellFormed,
    /// Right hash, digest of different content.
    DigestMismatch {
        /// The hash found.
        found: HashAlg,
    },
    /// The digest matches under the other hash.
    OtherAlgorithm {
        /// The hash found.
        found: HashAlg,
    },
}

/// A variant of the signed content that may explain a failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    /// The ciphertext without its quotes.
    Unquoted,
    /// `\/` turned into `/`.
    Unescaped,
}

/// The outcome of a check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// `Ok` when valid under the declared hash.
    pub result: Result<(), Failure>,
    /// Decoded signature length.
    pub signature_len: Option<usize>,
    /// A content variant whose digest is the one inside the signature.
    pub matching_variant: Option<Variant>,
}

/// Verifies `sign_b64` over `content` with `declared`, and explains a failure.
pub fn check(key: &PublicKey, content: &[u8], sign_b64: &str, declared: HashAlg, variants: &[(Variant, Vec<u8>)]) -> Check {
    let Ok(signature) = super::b64::decode(sign_b64).or_else(|_| super::b64::decode_lenient(sign_b64)) else {
        return Check { result: Err(Failure::NotBase64), signature_len: None, matching_variant: None };
    };
    let signature_len = Some(signature.len());
    if signature.len() != key.size() {
        let failure = Failure::Length { bytes: signature.len(), expected: key.size() };
        return Check { result: Err(failure), signature_len, matching_variant: None };
    }
    let verified = match declared {
        HashAlg::Sha1 => key.pkcs1v15_verify::<Sha1>(content, &signature),
        HashAlg::Sha256 => key.pkcs1v15_verify::<Sha256>(content, &signature),
    };
    if verified.is_ok() {
        return Check { result: Ok(()), signature_len, matching_variant: None };
    }
    let Some((found, digest)) = open(key, &signature).as_deref().and_then(parse_block) else {
        return Check { result: Err(Failure::NotWellFormed), signature_len, matching_variant: None };
    };
    let matching_variant = variants
        .iter()
        .find(|(_, variant_content)| found.digest(variant_content) == digest)
        .map(|(variant, _)| *variant);
    let failure = if found != declared && found.digest(content) == digest {
        Failure::OtherAlgorithm { found }
    } else {
        Failure::DigestMismatch { found }
    };
    Check { result: Err(failure), signature_len, matching_variant }
}

/// `s^e mod n`, as a big-endian block of the modulus size.
fn open(key: &PublicKey, signature: &[u8]) -> Option<Vec<u8>> {
    let s = BoxedUint::from_be_slice(signature, key.n_bits_precision()).ok()?;
    if s >= *key.n().as_ref() {
        return None;
    }
    let m = rsa::hazmat::rsa_encrypt(key, &s).ok()?;
    let bytes = m.to_be_bytes();
    let size = key.size();
    let block = if bytes.len() >= size {
        bytes.get(bytes.len() - size..)?.to_vec()
    } else {
        let mut padded = vec![0u8; size - bytes.len()];
        padded.extend_from_slice(&bytes);
        padded
    };
    Some(block)
}

/// Parses `00 01 FF…FF 00 DigestInfo`; returns the hash and the digest.
fn parse_block(block: &[u8]) -> Option<(HashAlg, Vec<u8>)> {
    let rest = block.strip_prefix(&[0x00, 0x01])?;
    let padding = rest.iter().take_while(|byte| **byte == 0xff).count();
    if padding < 8 {
        return None;
    }
    let digest_info = rest.get(padding..)?.strip_prefix(&[0x00])?;
    [HashAlg::Sha256, HashAlg::Sha1].into_iter().find_map(|alg| {
        let digest = digest_info.strip_prefix(alg.digest_info_prefix())?;
        (digest.len() == alg.digest(b"").len()).then(|| (alg, digest.to_vec()))
    })
}

/// Signs like Alipay does (PKCS#1 v1.5). Used to build mock responses and test data.
pub fn sign(key: &rsa::PrivateKey, content: &[u8], alg: HashAlg) -> Option<String> {
    let signature = match alg {
        HashAlg::Sha1 => key.pkcs1v15_sign::<Sha1>(content),
        HashAlg::Sha256 => key.pkcs1v15_sign::<Sha256>(content),
    };
    signature.ok().map(|bytes| super::b64::encode(&bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rsa::pkcs8::DecodePublicKey as _;

    /// domain.md 6.6 V1 (throwaway key).
    const KEY: &str = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA1P5gHYQBuVnCIiHWMuhi1kodv/OrTWdK8jURXwV5RKsPzUksSMvOa32QV1C1Z73hYN5DjYj4pwscdJs3vIZHsWu/mvxdpGQVT8neGLHMiReFadSGwtwr8OJ4NtDtgwcTNJ65Zlh4iwiLQTIabrYllQx+7yQ+AzU0e96qy3gS7OPOE1RzbFrybMZVAffmyJisL3ttaWeH+WpVKN13rw9FpHxqEg83XQN0mQPxT3RcFCsx4tpsiIK/CwArV/zhu4RqQFutTsB5z1vlz1gjRyAxBbKDa5YW69KOguIGjb4SNYpXYN6Yu9RFGQJHGy/IrHB3w4//MTbWdVU+Ko8gI/0oxQIDAQAB";
    const CT: &str = "\"igATcyTqqgv1AFpBiHJyVf94zn4d80DWhHrnUhty+8RANJYRclz7h18/tips8L5UTuMmNV7rHGCs+h7uZSZZQQ==\"";
    const SIG256: &str = "tku3eKVfKjOz6DH3Xezc+bI38aezqJYMRnEA4QNpBBGkHQBXS+/ZBkASofIer4BhxBHWIa4P7Mm8cxEWZh+rL/T9zft2a4VuANFPD+1Jfz2mRP9YIWt+/N5xwKAztkYvAxpy6KwM7/tYLZ44guB7LLxyxXuZPyOxM25k5g7EyMWA7wa0VRb4iilieV6TchqCokQTobM9Hp9Vn8ELoAy4tJduuwSNhXl+l7Sy3wZsHyeX62/LhXbn0Z/Qt5H0PYhgQatKA0DafdfTIE/7/ZZATSi/1MMoX4ft7u6Wiwq0QoXEMR1YSvwcI0no4DDDCv3Fxhjhb4O0q/Xgvc07Xmf41g==";
    const SIG1: &str = "gFMNjTfpoQcH9IYXMfsFs5JIw5c4TlCOlWv2J0YWwQ+EikSisMlq2n8qE5383PCSj6QPoHfXuTFIiRM0h+GJOMKyRlc68iNMVkKiJwbD32TsMfndl71OfqADR3DCjgn7iL5jDDWkPNV1zYw6zI7HA/Gc/Bj6aFfEymGUCxOHIpR1rSoFhM2PKHcvb04fcQiLpzzXgtH6mRmsbLPFC62/8wYsYR+Bypb6YmGF5rKnLIRk3puZVGz1cycduvsG9MFS4b0dUZGfz+nFGborDkDc8PA862mXjouiWL36AHIj1+dh3zH3GH/qdajfbq4mDZrgSdF1r2T9kvWZY0rH/y8P3g==";

    fn key() -> PublicKey {
        PublicKey::from_public_key_der(&super::super::b64::decode(KEY).unwrap()).unwrap()
    }

    #[test]
    fn verifies_the_reference_vectors() {
        assert_eq!(check(&key(), CT.as_bytes(), SIG256, HashAlg::Sha256, &[]).result, Ok(()));
        assert_eq!(check(&key(), CT.as_bytes(), SIG1, HashAlg::Sha1, &[]).result, Ok(()));
    }

    #[test]
    fn explains_each_failure() {
        let mismatch = check(&key(), CT.as_bytes(), SIG1, HashAlg::Sha256, &[]);
        assert_eq!(mismatch.result, Err(Failure::OtherAlgorithm { found: HashAlg::Sha1 }));
        let unquoted = CT.trim_matches('"').as_bytes().to_vec();
        let tampered = check(&key(), b"\"changed\"", SIG256, HashAlg::Sha256, &[(Variant::Unquoted, CT.as_bytes().to_vec())]);
        assert_eq!(tampered.result, Err(Failure::DigestMismatch { found: HashAlg::Sha256 }));
        assert_eq!(tampered.matching_variant, Some(Variant::Unquoted));
        let mut garbled = super::super::b64::decode(SIG256).unwrap();
        garbled[10] ^= 0x40;
        let garbled = super::super::b64::encode(&garbled);
        assert_eq!(check(&key(), &unquoted, &garbled, HashAlg::Sha256, &[]).result, Err(Failure::NotWellFormed));
        assert_eq!(
            check(&key(), CT.as_bytes(), "c2ln", HashAlg::Sha256, &[]).result,
            Err(Failure::Length { bytes: 3, expected: 256 })
        );
        assert_eq!(check(&key(), CT.as_bytes(), "%%%", HashAlg::Sha256, &[]).result, Err(Failure::NotBase64));
    }
}
