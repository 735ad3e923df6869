//! RSA signature check (PKCS#1 v1.5, SHA256withRSA for `RSA2`, SHA1withRSA for `RSA`) and the
//! opening of a failed signature (`s^e mod n`) that tells wrong key, changed content and
//! algorithm mismatch apart.

use rsa::traits::PublicKeyParts as _;
use rsa::{BoxedUint, PublicKey};
use sha1::Sha1;
use sha2::{Digest as _, Sha256};

// The fast path uses aws-lc-rs (C and assembly), which the web build does not compile: there the
// `rsa` crate verifies alone, with the same verdicts (`signature/fastverify_portable.rs`).
#[cfg(not(target_arch = "wasm32"))]
pub mod fastverify;
#[cfg(target_arch = "wasm32")]
#[path = "signature/fastverify_portable.rs"]
pub mod fastverify;

use fastverify::FastKey;

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

    /// The hash `sign_type` names: `RSA2` or `RSA` (any case), else `None`.
    pub fn from_sign_type(name: &str) -> Option<Self> {
        [Self::Sha256, Self::Sha1]
            .into_iter()
            .find(|alg| alg.sign_type().eq_ignore_ascii_case(name.trim()))
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
            Self::Sha1 => &[
                0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04,
                0x14,
            ],
            Self::Sha256 => &[
                0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,
                0x01, 0x05, 0x00, 0x04, 0x20,
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
pub fn check(
    key: &PublicKey,
    content: &[u8],
    sign_b64: &str,
    declared: HashAlg,
    variants: &[(Variant, Vec<u8>)],
) -> Check {
    check_fast(key, None, content, sign_b64, declared, variants)
}

/// [`check`], with the fast backend's pre-parsed key when there is one: a valid signature is
/// confirmed there; anything else is verified and explained by the `rsa` crate (the opening), so
/// the verdicts are the same with or without `fast`.
pub fn check_fast(
    key: &PublicKey,
    fast: Option<&FastKey>,
    content: &[u8],
    sign_b64: &str,
    declared: HashAlg,
    variants: &[(Variant, Vec<u8>)],
) -> Check {
    let Ok(signature) =
        super::b64::decode(sign_b64).or_else(|_| super::b64::decode_lenient(sign_b64))
    else {
        return Check {
            result: Err(Failure::NotBase64),
            signature_len: None,
            matching_variant: None,
        };
    };
    let signature_len = Some(signature.len());
    if signature.len() != key.size() {
        let failure = Failure::Length {
            bytes: signature.len(),
            expected: key.size(),
        };
        return Check {
            result: Err(failure),
            signature_len,
            matching_variant: None,
        };
    }
    if fast.is_some_and(|fast| fast.verifies(declared, content, &signature)) {
        return Check {
            result: Ok(()),
            signature_len,
            matching_variant: None,
        };
    }
    // One RSA operation with the `rsa` crate both verifies and explains: the opened block is a
    // valid signature exactly when it is `00 01 FF…FF 00 DigestInfo(declared, digest(content))`,
    // which is what `pkcs1v15_verify` compares (the block has the modulus size).
    let Some((found, digest)) = open(key, &signature).as_deref().and_then(parse_block) else {
        return Check {
            result: Err(Failure::NotWellFormed),
            signature_len,
            matching_variant: None,
        };
    };
    if found == declared && declared.digest(content) == digest {
        return Check {
            result: Ok(()),
            signature_len,
            matching_variant: None,
        };
    }
    let matching_variant = variants
        .iter()
        .find(|(_, variant_content)| found.digest(variant_content) == digest)
        .map(|(variant, _)| *variant);
    let failure = if found != declared && found.digest(content) == digest {
        Failure::OtherAlgorithm { found }
    } else {
        Failure::DigestMismatch { found }
    };
    Check {
        result: Err(failure),
        signature_len,
        matching_variant,
    }
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
    [HashAlg::Sha256, HashAlg::Sha1]
        .into_iter()
        .find_map(|alg| {
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
mod tests;
