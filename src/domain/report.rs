//! The result of a diagnosis: what the UI and the CLI render, and nothing else.

use std::fmt;

use serde::Serialize;

use super::codes::FindingCode;

/// How bad a finding is. Ordered from good to bad.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Something verified or worked.
    Ok,
    /// Context worth knowing; nothing to fix.
    Info,
    /// Works, but something is wrong or was repaired.
    Warning,
    /// Blocks a correct result.
    Error,
}

impl Severity {
    /// Stable lowercase name, as used in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ok => "ok",
            Self::Info => "info",
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }
}

/// One observation of the pipeline, with the values its hint text refers to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable code; the hint table is keyed by it.
    pub code: FindingCode,
    /// Named values for the hint placeholders. Never key material, ciphertext or a mobile number.
    pub params: Vec<(&'static str, String)>,
}

impl Finding {
    /// A finding without parameters.
    pub fn new(code: FindingCode) -> Self {
        Self {
            code,
            params: Vec::new(),
        }
    }

    /// Adds a named parameter.
    #[must_use]
    pub fn with(mut self, name: &'static str, value: impl fmt::Display) -> Self {
        self.params.push((name, value.to_string()));
        self
    }

    /// The severity that belongs to the code.
    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    /// Looks up a parameter by name.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value.as_str())
    }
}

/// The verdict on the signature, as the conformance contract names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SignatureStatus {
    /// Verified under the declared algorithm (after documented transport repairs).
    Valid,
    /// Present but does not verify.
    Invalid,
    /// No `sign`, or an empty one.
    Missing,
    /// Input unusable, or no usable public key.
    NotChecked,
}

impl SignatureStatus {
    /// How the status is shown: valid is good, invalid is an error, the rest a warning.
    pub fn severity(self) -> Severity {
        match self {
            Self::Valid => Severity::Ok,
            Self::Invalid => Severity::Error,
            Self::Missing | Self::NotChecked => Severity::Warning,
        }
    }

    /// Stable lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Valid => "valid",
            Self::Invalid => "invalid",
            Self::Missing => "missing",
            Self::NotChecked => "not_checked",
        }
    }
}

/// Why a signature failed, from opening it with the public key (`s^e mod n`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Opening {
    /// Not a PKCS#1 v1.5 block: the key is not the signer's, or the signature is corrupted.
    NotWellFormed,
    /// Well formed, right hash, but the digest is not that of the content.
    DigestMismatch,
    /// Well formed, the digest matches under the other hash algorithm.
    OtherAlgorithm,
}

/// Everything known about the signature check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SignatureReport {
    /// The verdict.
    pub status: SignatureStatus,
    /// `RSA2` or `RSA`, as checked.
    pub algorithm: Option<&'static str>,
    /// `sign_type` as it appears in the payload, if any.
    pub declared_sign_type: Option<String>,
    /// The exact signed text, shortened for display (`"` + ciphertext + `"` for encrypted content).
    pub signed_content_preview: Option<String>,
    /// Length in bytes of the signed content.
    pub signed_content_len: usize,
    /// Signature length in bytes, when it decoded.
    pub signature_len: Option<usize>,
    /// The opening result for an invalid signature.
    pub opening: Option<Opening>,
    /// Hash algorithm found inside the opened signature.
    pub opened_digest_algorithm: Option<&'static str>,
}

impl SignatureReport {
    /// A report with only a status.
    pub fn with_status(status: SignatureStatus) -> Self {
        Self {
            status,
            algorithm: None,
            declared_sign_type: None,
            signed_content_preview: None,
            signed_content_len: 0,
            signature_len: None,
            opening: None,
            opened_digest_algorithm: None,
        }
    }
}

/// A safe description of a loaded public key: never the key material.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyDescription {
    /// What was found: `SPKI public key`, `PKCS#1 public key`, `X.509 certificate`.
    pub kind: &'static str,
    /// Modulus size in bits.
    pub bits: usize,
    /// SHA-256 of the SubjectPublicKeyInfo DER, hex, colon-free.
    pub fingerprint_sha256: String,
    /// Certificate details, when the key came from a certificate.
    pub certificate: Option<CertificateDescription>,
}

/// Non-secret facts from an X.509 certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CertificateDescription {
    /// Subject distinguished name.
    pub subject: String,
    /// Issuer distinguished name.
    pub issuer: String,
    /// Serial number in decimal.
    pub serial: String,
    /// Start of validity (RFC 3339, UTC).
    pub not_before: String,
    /// End of validity (RFC 3339, UTC).
    pub not_after: String,
    /// Alipay certificate SN: `md5_hex(issuer DN reversed + serial decimal)`.
    pub alipay_cert_sn: String,
}

/// The decrypted (or plain) business payload.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Payload {
    /// The business JSON object.
    pub json: serde_json::Value,
    /// True when it came from plain (unencrypted) content.
    pub plain: bool,
    /// True only when the signature is valid.
    pub trusted: bool,
}

impl Drop for Payload {
    /// The payload holds the user's mobile: wipe every string when it is dropped or replaced.
    fn drop(&mut self) {
        wipe_strings(&mut self.json);
    }
}

fn wipe_strings(value: &mut serde_json::Value) {
    use zeroize::Zeroize as _;
    match value {
        serde_json::Value::String(text) => text.zeroize(),
        serde_json::Value::Array(items) => items.iter_mut().for_each(wipe_strings),
        serde_json::Value::Object(map) => map.values_mut().for_each(wipe_strings),
        serde_json::Value::Null | serde_json::Value::Bool(_) | serde_json::Value::Number(_) => {}
    }
}

/// The whole diagnosis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The primary diagnosis, from the fixed category vocabulary.
    pub category: String,
    /// The signature verdict and analysis.
    pub signature: SignatureReport,
    /// The business payload, when one could be read.
    pub payload: Option<Payload>,
    /// The loaded public key, described without material.
    pub public_key: Option<KeyDescription>,
    /// Ordered findings: input, keys, signature, decryption, result.
    pub findings: Vec<Finding>,
}

impl Report {
    /// True when a finding with this code is present.
    pub fn has(&self, code: FindingCode) -> bool {
        self.findings.iter().any(|finding| finding.code == code)
    }

    /// The worst severity among the findings.
    pub fn worst_severity(&self) -> Severity {
        self.findings
            .iter()
            .map(Finding::severity)
            .max()
            .unwrap_or(Severity::Info)
    }

    /// The decrypted mobile, if any.
    pub fn mobile(&self) -> Option<&str> {
        self.payload
            .as_ref()
            .and_then(|payload| payload.json.get("mobile"))
            .and_then(serde_json::Value::as_str)
    }
}

/// Masks a mobile number for display: `159****9050`. Short values are fully masked.
pub fn mask_mobile(mobile: &str) -> String {
    let chars: Vec<char> = mobile.chars().collect();
    if chars.len() < 7 {
        return "*".repeat(chars.len());
    }
    let keep_head = 3;
    let keep_tail = 4;
    chars
        .iter()
        .enumerate()
        .map(|(index, ch)| {
            if index < keep_head || index >= chars.len() - keep_tail || *ch == '-' {
                *ch
            } else {
                '*'
            }
        })
        .collect()
}

/// The finding codes that explain each category, in preference order.
fn explaining_codes(category: &str) -> &'static [FindingCode] {
    use FindingCode as C;
    match category {
        "ok" => &[C::ResultSuccess, C::SignatureValid],
        "empty_input" => &[C::EmptyInput],
        "binary_input" => &[C::BinaryInput],
        "truncated_input" => &[C::TruncatedInput],
        "not_json" => &[
            C::FrontendIdeUnsupported,
            C::FrontendNoPermission,
            C::FrontendUserCancelled,
            C::FrontendAuthFailed,
            C::FrontendCallFailed,
            C::ResponseFieldMissing,
            C::NotJson,
        ],
        "already_decrypted_payload" => &[C::AlreadyDecryptedPayload],
        "public_key_is_private_key" => &[C::PublicKeyIsPrivateKey],
        "signature_key_mismatch" => &[
            C::SignatureKeyMismatch,
            C::SignatureLengthMismatch,
            C::SignatureNotBase64,
        ],
        "content_tampered" => &[C::ContentTampered],
        "sign_type_mismatch" => &[C::SignTypeMismatch],
        "aes_key_missing" => &[C::AesKeyMissing],
        "aes_key_invalid" => &[C::AesKeyInvalid, C::AesKeyNotBase64],
        "aes_key_mismatch" => &[
            C::AesKeyMismatch,
            C::CiphertextNotBase64,
            C::CiphertextLengthInvalid,
        ],
        "aes_key_hex_encoded" => &[C::AesKeyHexEncoded],
        "public_key_missing" => &[
            C::PublicKeyIsAesKey,
            C::PublicKeyUnparsable,
            C::PublicKeyMissing,
        ],
        "ciphertext_only" => &[C::CiphertextOnly],
        "sign_missing" => &[C::SignMissing],
        "base64_plus_mangled" => &[C::Base64PlusMangled],
        "url_encoded_input" => &[C::UrlEncodedInput],
        "double_json_encoded" => &[C::DoubleJsonEncoded],
        "response_not_encrypted" => &[C::ResponseNotEncrypted],
        "mobile_empty" => &[C::MobileEmpty],
        _ => &[
            C::AlipayError20000,
            C::AlipayError40001MissingEncryptKey,
            C::AlipayError40001MissingDefaultSignatureType,
            C::AlipayError40002,
            C::AlipayError40003,
            C::AlipayError40006,
            C::AlipayErrorOther,
            C::ResultCodeMissing,
        ],
    }
}

impl Report {
    /// The finding that states the primary diagnosis: the verdict sentence.
    pub fn primary_finding(&self) -> Option<&Finding> {
        explaining_codes(&self.category)
            .iter()
            .find_map(|code| self.findings.iter().find(|finding| finding.code == *code))
            .or_else(|| {
                self.findings
                    .iter()
                    .max_by_key(|finding| finding.severity())
            })
    }

    /// The severity of the verdict: `Ok` for the `ok` category, else that of the primary finding.
    pub fn verdict_severity(&self) -> Severity {
        if self.category == "ok" {
            return Severity::Ok;
        }
        self.primary_finding()
            .map_or(Severity::Error, Finding::severity)
            .max(Severity::Warning)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_mainland_numbers() {
        assert_eq!(mask_mobile("15976719050"), "159****9050");
    }

    #[test]
    fn masks_short_and_overseas_numbers() {
        assert_eq!(mask_mobile("123"), "***");
        assert_eq!(mask_mobile("1-1234432112"), "1-1*****2112");
    }
}
