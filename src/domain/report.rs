//! The result of a diagnosis: what the UI and the CLI render, and nothing else.

use serde::Serialize;

use super::category::{Category, Decryption};
use super::codes::FindingCode;
use super::terms::{KeyKind, Term};

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

/// A value a finding's wording refers to: a number, a verbatim token (a field name, a
/// certificate subject, a code from the payload), or a term the wording layer words. Never prose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Param {
    /// A count, a size, a position.
    Number(u64),
    /// Shown exactly as it is.
    Token(String),
    /// Worded in the reader's language.
    Term(Term),
}

impl From<usize> for Param {
    fn from(value: usize) -> Self {
        Self::Number(u64::try_from(value).unwrap_or(u64::MAX))
    }
}

impl From<u64> for Param {
    fn from(value: u64) -> Self {
        Self::Number(value)
    }
}

impl From<&str> for Param {
    fn from(value: &str) -> Self {
        Self::Token(value.to_owned())
    }
}

impl From<String> for Param {
    fn from(value: String) -> Self {
        Self::Token(value)
    }
}

impl From<&String> for Param {
    fn from(value: &String) -> Self {
        Self::Token(value.clone())
    }
}

impl From<Term> for Param {
    fn from(value: Term) -> Self {
        Self::Term(value)
    }
}

/// One observation of the pipeline, with the values its wording refers to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable code; the wording is keyed by it.
    pub code: FindingCode,
    /// Named values for the wording's placeholders. Never key material, ciphertext or a mobile
    /// number.
    pub params: Vec<(&'static str, Param)>,
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
    pub fn with(mut self, name: &'static str, value: impl Into<Param>) -> Self {
        self.params.push((name, value.into()));
        self
    }

    /// The severity that belongs to the code.
    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    /// A number or token parameter as text (`None` for a term or a missing name).
    pub fn param_token(&self, name: &str) -> Option<String> {
        match self.param(name)? {
            Param::Number(number) => Some(number.to_string()),
            Param::Token(token) => Some(token.clone()),
            Param::Term(_) => None,
        }
    }

    /// Looks up a parameter by name.
    pub fn param(&self, name: &str) -> Option<&Param> {
        self.params
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| value)
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
    /// What was found: an SPKI or PKCS#1 public key, or an X.509 certificate.
    pub kind: KeyKind,
    /// Modulus size in bits.
    pub bits: usize,
    /// SHA-256 of the SubjectPublicKeyInfo DER, hex, colon-free.
    pub fingerprint_sha256: String,
    /// Certificate details, when the key came from a certificate.
    pub certificate: Option<CertificateDescription>,
}

impl KeyDescription {
    /// The first 16 hex digits of the fingerprint, grouped by 4, for display.
    pub fn short_fingerprint(&self) -> String {
        super::pubkey::short_fingerprint(&self.fingerprint_sha256)
    }
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
    pub category: Category,
    /// What happened to the content's decryption.
    pub decryption: Decryption,
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

impl Report {
    /// The finding that states the primary diagnosis: the verdict sentence.
    pub fn primary_finding(&self) -> Option<&Finding> {
        self.findings
            .iter()
            .find(|finding| finding.code.explains(&self.category))
            .or_else(|| {
                self.findings
                    .iter()
                    .max_by_key(|finding| finding.severity())
            })
    }

    /// The severity of the verdict: `Ok` for the `ok` category, else that of the primary finding.
    pub fn verdict_severity(&self) -> Severity {
        if self.category == Category::Ok {
            return Severity::Ok;
        }
        self.primary_finding()
            .map_or(Severity::Error, Finding::severity)
            .max(Severity::Warning)
    }
}
