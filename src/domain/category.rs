//! The primary diagnosis: the fixed category vocabulary and its priority rules
//! (`shared/cases/README.md`, "Diagnosis rules"). The first matching rule wins.

use super::codes::FindingCode;
use super::payload::{self, Outcome};
use super::report::{Finding, SignatureStatus};
use super::signature::Failure;

/// The state of decryption.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decryption {
    /// Plain content: nothing to decrypt.
    Plain,
    /// Decrypted with the key as given.
    Ok,
    /// Decrypted only with the key read as hex.
    HexKey,
    /// No AES key.
    KeyMissing,
    /// The key is not 16/24/32 bytes of base64.
    KeyInvalid,
    /// The key does not decrypt the content.
    Mismatch,
}

/// What the category rules look at.
#[derive(Debug, Clone)]
pub struct Facts {
    /// A private key was given as the verification key.
    pub private_key: bool,
    /// A public key could be used.
    pub public_key_usable: bool,
    /// The signature verdict.
    pub signature: SignatureStatus,
    /// Why the signature failed.
    pub failure: Option<Failure>,
    /// The decryption state.
    pub decryption: Decryption,
    /// The business result, when a payload was read.
    pub result: Option<Outcome>,
    /// Only a bare ciphertext was pasted.
    pub bare_ciphertext: bool,
    /// The content is plain.
    pub plain: bool,
}

/// Applies the rules in order.
pub fn decide(facts: &Facts, findings: &[Finding]) -> String {
    let has = |code: FindingCode| findings.iter().any(|finding| finding.code == code);
    let category = if facts.private_key {
        "public_key_is_private_key"
    } else if let (SignatureStatus::Invalid, Some(failure)) = (facts.signature, facts.failure) {
        match failure {
            Failure::NotBase64 | Failure::Length { .. } | Failure::NotWellFormed => {
                "signature_key_mismatch"
            }
            Failure::DigestMismatch { .. } => "content_tampered",
            Failure::OtherAlgorithm { .. } => "sign_type_mismatch",
        }
    } else if facts.decryption == Decryption::KeyMissing {
        "aes_key_missing"
    } else if facts.decryption == Decryption::KeyInvalid {
        "aes_key_invalid"
    } else if facts.decryption == Decryption::Mismatch {
        "aes_key_mismatch"
    } else if facts.decryption == Decryption::HexKey {
        "aes_key_hex_encoded"
    } else if let Some(Outcome::Error(code)) = &facts.result {
        return payload::error_category(code);
    } else if facts.signature == SignatureStatus::NotChecked && !facts.public_key_usable {
        "public_key_missing"
    } else if facts.bare_ciphertext {
        "ciphertext_only"
    } else if facts.signature == SignatureStatus::Missing {
        "sign_missing"
    } else if has(FindingCode::Base64PlusMangled) {
        "base64_plus_mangled"
    } else if has(FindingCode::UrlEncodedInput) {
        "url_encoded_input"
    } else if has(FindingCode::DoubleJsonEncoded) {
        "double_json_encoded"
    } else if facts.plain && matches!(facts.result, Some(Outcome::Success | Outcome::MobileEmpty)) {
        "response_not_encrypted"
    } else if facts.result == Some(Outcome::MobileEmpty) {
        "mobile_empty"
    } else if facts.result == Some(Outcome::CodeMissing) {
        "alipay_error_missing_code"
    } else {
        "ok"
    };
    category.to_owned()
}
