//! The fast path of the signature check: PKCS#1 v1.5 verification with `aws-lc-rs`, on a key
//! parsed once (its Montgomery constants are computed on the first use and kept).
//!
//! It only ever answers "valid": every other outcome falls back to the `rsa` crate, which verifies
//! again and opens the signature to explain the failure. A valid PKCS#1 v1.5 signature is the
//! same bytes for every correct implementation (`s^e mod n` equals the one encoding of the
//! digest), so the verdicts are exactly those of the `rsa` crate alone. See the README's
//! "Performance" section for the figures behind the choice of backend.

use aws_lc_rs::digest::{self, SHA1_FOR_LEGACY_USE_ONLY, SHA256};
use aws_lc_rs::signature::{
    ParsedPublicKey, RSA_PKCS1_1024_8192_SHA1_FOR_LEGACY_USE_ONLY,
    RSA_PKCS1_1024_8192_SHA256_FOR_LEGACY_USE_ONLY,
};
use rsa::PublicKey;
use rsa::pkcs8::EncodePublicKey as _;

use super::HashAlg;

/// A public key parsed by the fast backend, one handle per hash (the backend binds the hash to
/// the parsed key).
#[derive(Clone)]
pub struct FastKey {
    sha256: ParsedPublicKey,
    sha1: ParsedPublicKey,
}

impl std::fmt::Debug for FastKey {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.debug_struct("FastKey").finish_non_exhaustive()
    }
}

impl FastKey {
    /// Parses the key for the fast backend; `None` when the backend does not take it (for
    /// example under 1024 bits, or an unusual exponent): the `rsa` crate then does all the work.
    pub fn new(key: &PublicKey) -> Option<Self> {
        let der = key.to_public_key_der().ok()?;
        let sha256 = ParsedPublicKey::new(
            &RSA_PKCS1_1024_8192_SHA256_FOR_LEGACY_USE_ONLY,
            der.as_bytes(),
        )
        .ok()?;
        let sha1 = ParsedPublicKey::new(
            &RSA_PKCS1_1024_8192_SHA1_FOR_LEGACY_USE_ONLY,
            der.as_bytes(),
        )
        .ok()?;
        Some(Self { sha256, sha1 })
    }

    /// True when `signature` is a valid PKCS#1 v1.5 signature of `content` under `alg`. False
    /// means "not shown valid here", never "invalid": the caller then asks the `rsa` crate.
    pub fn verifies(&self, alg: HashAlg, content: &[u8], signature: &[u8]) -> bool {
        let (key, digest) = match alg {
            HashAlg::Sha256 => (&self.sha256, digest::digest(&SHA256, content)),
            HashAlg::Sha1 => (
                &self.sha1,
                digest::digest(&SHA1_FOR_LEGACY_USE_ONLY, content),
            ),
        };
        key.verify_digest_sig(&digest, signature).is_ok()
    }
}
