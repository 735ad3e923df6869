//! The pure diagnosis layer: parsing, keys, signature, AES, result codes, categories and hints.
//! Nothing here touches the file system, the network or the UI.

pub mod aes_cbc;
pub mod aeskey;
pub mod b64;
mod category;
pub mod codes;
pub mod error;
mod extract;
mod frontend;
pub mod hints;
pub mod input;
pub mod payload;
pub mod pubkey;
pub mod report;
pub mod signature;
pub mod sniff;
mod stages;

pub use codes::FindingCode;
pub use hints::Lang;
pub use report::{Finding, Report, Severity, SignatureStatus, mask_mobile};

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

/// Runs the whole pipeline. Total: it never panics and turns every failure into a finding.
pub fn diagnose(inputs: &Inputs) -> Report {
    let parsed = input::parse(&inputs.response);
    let mut key_findings = Vec::new();
    let public_key = match &inputs.alipay_public_key {
        Some(bytes) => pubkey::parse(bytes, inputs.now_unix_secs, &mut key_findings),
        None => pubkey::PublicKeyOutcome::Missing,
    };
    let aes_key = match inputs.aes_key.as_deref().map(std::str::from_utf8) {
        Some(Ok(text)) => aeskey::parse(text, &mut key_findings),
        Some(Err(_)) => {
            key_findings.push(Finding::new(FindingCode::AesKeyNotBase64).with("detail", "the key file is not text"));
            aeskey::AesKeyOutcome::Invalid { hex: None, wrong_length: None }
        }
        None => aeskey::AesKeyOutcome::Missing,
    };
    stages::run(parsed, &public_key, &aes_key, key_findings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unusable_input_is_not_checked() {
        let report = diagnose(&Inputs { response: b"  ".to_vec(), ..Inputs::default() });
        assert_eq!(report.category, "empty_input");
        assert_eq!(report.signature.status, SignatureStatus::NotChecked);
        assert!(report.payload.is_none());
    }

    #[test]
    fn plain_content_without_keys_is_read() {
        let report = diagnose(&Inputs {
            response: br#"{"response":{"code":"40003","msg":"Insufficient Conditions"}}"#.to_vec(),
            ..Inputs::default()
        });
        assert_eq!(report.category, "alipay_error_40003");
        assert_eq!(report.signature.status, SignatureStatus::Missing);
        assert!(report.has(FindingCode::ResponseNotEncrypted));
        assert!(!report.payload.unwrap().trusted);
    }
}
