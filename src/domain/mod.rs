//! The pipeline, and nothing else: bytes in, [`Report`] out; total, no I/O, no wording, no feature.
//!
//! Paste reading and repairs ([`input`]), keys and certificates ([`keys`]), the signature
//! ([`signature`]), AES ([`aes_cbc`]), result codes ([`payload`]), the category rule and the
//! finding-code table ([`codes`]) build the [`Report`]. Features, wording, rendering and I/O live
//! beside this module and depend on it, never the other way round.

pub mod aes_cbc;
pub mod b64;
pub mod category;
pub mod codes;
pub mod error;
pub mod input;
pub mod keys;
pub mod payload;
mod prepared;
pub mod report;
pub mod signature;
mod stages;
pub mod terms;

pub use category::{Category, Decryption};
pub use codes::{FindingCode, Group};
pub use keys::{aeskey, pubkey};
pub use prepared::{PreparedKeys, diagnose_prepared};
pub use report::{Finding, Param, Report, Severity, SignatureStatus};
pub use signature::fastverify;
pub use terms::{KeySlot, Term};

/// The largest paste or key file the tool accepts, everywhere: 64 MiB.
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// Everything a diagnosis depends on. Cheap to compare, so callers recompute only on change.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Inputs {
    /// The pasted response, as bytes (it may not be UTF-8).
    pub response: Vec<u8>,
    /// The Alipay public key or certificate, as loaded; `None` when not given.
    pub alipay_public_key: Option<Vec<u8>>,
    /// The AES key text, as loaded; `None` when not given.
    pub aes_key: Option<Vec<u8>>,
    /// The current time, to check certificate validity; `None` skips that check.
    pub now_unix_secs: Option<u64>,
}

impl Drop for Inputs {
    /// Inputs hold key material and the paste: wipe them when they go.
    fn drop(&mut self) {
        use zeroize::Zeroize as _;
        self.response.zeroize();
        if let Some(key) = &mut self.alipay_public_key {
            key.zeroize();
        }
        if let Some(key) = &mut self.aes_key {
            key.zeroize();
        }
    }
}

/// Runs the whole pipeline. Total: it never panics and turns every failure into a finding.
/// The keys are parsed on every call; to diagnose many responses with the same keys, parse them
/// once with [`PreparedKeys::new`] and call [`diagnose_prepared`] (this function does just that).
pub fn diagnose(inputs: &Inputs) -> Report {
    let keys = PreparedKeys::new(
        inputs.alipay_public_key.as_deref(),
        inputs.aes_key.as_deref(),
        inputs.now_unix_secs,
    );
    diagnose_prepared(&keys, &inputs.response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unusable_input_is_not_checked() {
        let report = diagnose(&Inputs {
            response: b"  ".to_vec(),
            alipay_public_key: None,
            aes_key: None,
            now_unix_secs: None,
        });
        assert_eq!(report.category, "empty_input");
        assert_eq!(report.signature.status, SignatureStatus::NotChecked);
        assert!(report.payload.is_none());
    }

    #[test]
    fn plain_content_without_keys_is_read() {
        let report = diagnose(&Inputs {
            response: br#"{"response":{"code":"40003","msg":"Insufficient Conditions"}}"#.to_vec(),
            alipay_public_key: None,
            aes_key: None,
            now_unix_secs: None,
        });
        assert_eq!(report.category, "alipay_error_40003");
        assert_eq!(report.signature.status, SignatureStatus::Missing);
        assert!(report.has(FindingCode::ResponseNotEncrypted));
        assert!(!report.payload.unwrap().trusted);
    }

    #[test]
    fn a_console_printed_front_end_result_is_named() {
        let report = diagnose(&Inputs {
            response: "{error: 4, errorMessage: '无权调用'}".as_bytes().to_vec(),
            alipay_public_key: None,
            aes_key: None,
            now_unix_secs: None,
        });
        assert_eq!(report.category, "not_json");
        assert_eq!(report.signature.status, SignatureStatus::NotChecked);
        assert_eq!(
            report.primary_finding().map(|finding| finding.code),
            Some(FindingCode::FrontendNoPermission)
        );
        assert!(!report.has(FindingCode::NotJson));
    }
}
