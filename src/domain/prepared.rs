//! Keys parsed once, for diagnosing many responses with the same keys (`scan`): reading the key
//! texts, the certificate, the fingerprint and the backend's parse happen here, once, instead of
//! on every payload.

use super::aeskey::{self, AesKeyOutcome};
use super::codes::FindingCode;
use super::pubkey::{self, PublicKeyOutcome};
use super::report::{Finding, Report};
use super::signature::fastverify::FastKey;
use super::terms::KeyProblem;
use super::{input, stages};

/// The Alipay public key and the AES key, parsed, with the findings their reading produced.
/// Shared by reference between threads.
#[derive(Clone)]
pub struct PreparedKeys {
    pub(super) public_key: PublicKeyOutcome,
    /// The fast backend's parse of each usable key, in [`super::keys::certs::KeySet::keys`] order.
    pub(super) fast: Vec<Option<FastKey>>,
    pub(super) aes_key: AesKeyOutcome,
    /// What reading the public-key file found (the key used adds its own findings).
    pub(super) public_key_findings: Vec<Finding>,
    /// What reading the AES key found.
    pub(super) aes_findings: Vec<Finding>,
}

impl std::fmt::Debug for PreparedKeys {
    /// Never prints key material: only whether the keys are usable.
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("PreparedKeys")
            .field("public_key_usable", &self.public_key_usable())
            .field("fast_backend", &self.uses_fast_backend())
            .field(
                "aes_key_usable",
                &matches!(self.aes_key, AesKeyOutcome::Usable { .. }),
            )
            .field(
                "key_findings",
                &(self.public_key_findings.len() + self.aes_findings.len()),
            )
            .finish()
    }
}

impl PreparedKeys {
    /// Reads the keys as [`super::diagnose`] does: `None` means "not given". `now_unix_secs`
    /// checks a certificate's validity (`None` skips that check). Total: never panics; every
    /// problem becomes a finding repeated in each report.
    pub fn new(
        alipay_public_key: Option<&[u8]>,
        aes_key: Option<&[u8]>,
        now_unix_secs: Option<u64>,
    ) -> Self {
        let mut public_key_findings = Vec::new();
        let public_key = match alipay_public_key {
            Some(bytes) => pubkey::parse(bytes, now_unix_secs, &mut public_key_findings),
            None => PublicKeyOutcome::Missing,
        };
        let mut aes_findings = Vec::new();
        let aes_key = match aes_key.map(std::str::from_utf8) {
            Some(Ok(text)) => aeskey::parse(text, &mut aes_findings),
            Some(Err(_)) => {
                aes_findings.push(
                    Finding::new(FindingCode::AesKeyNotBase64).with("detail", KeyProblem::NotText),
                );
                AesKeyOutcome::Invalid {
                    hex: None,
                    wrong_length: None,
                }
            }
            None => AesKeyOutcome::Missing,
        };
        let fast = match &public_key {
            PublicKeyOutcome::Usable(set) => set.keys().map(|key| FastKey::new(&key.key)).collect(),
            _ => Vec::new(),
        };
        Self {
            public_key,
            fast,
            aes_key,
            public_key_findings,
            aes_findings,
        }
    }

    /// True when the public key can verify signatures.
    pub fn public_key_usable(&self) -> bool {
        matches!(self.public_key, PublicKeyOutcome::Usable(_))
    }

    /// True when signatures are verified with the fast backend (see the README's "Performance").
    pub fn uses_fast_backend(&self) -> bool {
        self.fast.first().is_some_and(Option::is_some)
    }
}

/// Diagnoses one response with keys parsed beforehand. Same pipeline and same report as
/// [`super::diagnose`] with the same key bytes; total, never panics.
pub fn diagnose_prepared(keys: &PreparedKeys, response: &[u8]) -> Report {
    stages::run(input::parse(response), keys)
}
