//! The primary diagnosis: the fixed category vocabulary ([`Category`]) and its priority rules
//! ([`decide`], the one place the order is written; `shared/cases/README.md`, "Diagnosis
//! rules"). The first matching rule wins.

use std::borrow::Cow;
use std::fmt;

use serde::{Serialize, Serializer};

use super::codes::FindingCode;
use super::payload::Outcome;
use super::report::{Finding, SignatureStatus};
use super::signature::Failure;

macro_rules! categories {
    ($($(#[doc = $doc:literal])* $variant:ident => $name:literal,)*) => {
        /// The primary diagnosis of a paste. Serialised as its snake_case name.
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Category {
            $($(#[doc = $doc])* $variant,)*
            /// `alipay_error_<code>`: the payload's code is not 10000 (the code, cleaned to
            /// lowercase ASCII alphanumerics and `_`).
            AlipayError(Cow<'static, str>),
        }

        impl Category {
            /// Every category without a payload code, in priority order (`alipay_error_<code>`
            /// sits between `aes_key_hex_encoded` and `public_key_missing`).
            pub const FIXED: &[Self] = &[$(Self::$variant,)*];

            /// The snake_case name.
            pub fn as_str(&self) -> Cow<'static, str> {
                match self {
                    $(Self::$variant => Cow::Borrowed($name),)*
                    Self::AlipayError(code) => Cow::Owned(format!("alipay_error_{code}")),
                }
            }
        }
    };
}

categories! {
    /// Zero bytes or only whitespace.
    EmptyInput => "empty_input",
    /// Not UTF-8.
    BinaryInput => "binary_input",
    /// JSON cut off.
    TruncatedInput => "truncated_input",
    /// Neither a payload nor a bare ciphertext.
    NotJson => "not_json",
    /// The decrypted business JSON was pasted.
    AlreadyDecryptedPayload => "already_decrypted_payload",
    /// A private key was given as the verification key.
    PublicKeyIsPrivateKey => "public_key_is_private_key",
    /// The key is not the signer's (or the sign is corrupted).
    SignatureKeyMismatch => "signature_key_mismatch",
    /// The content is not what was signed.
    ContentTampered => "content_tampered",
    /// Signed with the other hash.
    SignTypeMismatch => "sign_type_mismatch",
    /// No AES key.
    AesKeyMissing => "aes_key_missing",
    /// The AES key is not 16/24/32 bytes of base64.
    AesKeyInvalid => "aes_key_invalid",
    /// The AES key does not decrypt.
    AesKeyMismatch => "aes_key_mismatch",
    /// The AES key works only as hex.
    AesKeyHexEncoded => "aes_key_hex_encoded",
    /// No public key: the signature is not checked.
    PublicKeyMissing => "public_key_missing",
    /// A bare ciphertext was pasted.
    CiphertextOnly => "ciphertext_only",
    /// No `sign`.
    SignMissing => "sign_missing",
    /// `+` turned into spaces, repaired.
    Base64PlusMangled => "base64_plus_mangled",
    /// The `=` padding of a base64 value was lost (a naive `split('=')`), restored.
    Base64PaddingLost => "base64_padding_lost",
    /// Line breaks inside base64 values (mail, chat, MIME chunking), removed.
    Base64LineBreaks => "base64_line_breaks",
    /// Percent-encoded, repaired.
    UrlEncodedInput => "url_encoded_input",
    /// JSON-encoded more than once, repaired.
    DoubleJsonEncoded => "double_json_encoded",
    /// A plain payload with code 10000.
    ResponseNotEncrypted => "response_not_encrypted",
    /// Code 10000 with `mobile: ""`.
    MobileEmpty => "mobile_empty",
    /// A payload without a `code`.
    ResultCodeMissing => "alipay_error_missing_code",
    /// Everything is in order.
    Ok => "ok",
}

impl Category {
    /// The category of a payload's result code: `alipay_error_<code>`, with anything but ASCII
    /// alphanumerics replaced so the category stays one snake_case word.
    pub fn alipay_error(code: &str) -> Self {
        let cleaned: String = code
            .chars()
            .map(|ch| {
                if ch.is_ascii_alphanumeric() {
                    ch.to_ascii_lowercase()
                } else {
                    '_'
                }
            })
            .take(32)
            .collect();
        Self::AlipayError(Cow::Owned(cleaned))
    }

    /// True for the categories of a paste that is not a payload at all (nothing was checked).
    pub fn is_unusable_input(&self) -> bool {
        matches!(
            self,
            Self::EmptyInput
                | Self::BinaryInput
                | Self::TruncatedInput
                | Self::NotJson
                | Self::AlreadyDecryptedPayload
        )
    }
}

impl fmt::Display for Category {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.as_str())
    }
}

impl Serialize for Category {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.as_str())
    }
}

impl PartialEq<&str> for Category {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// What happened to the content's decryption.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Decryption {
    /// The paste was not a payload: nothing to decrypt.
    NotAttempted,
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
pub fn decide(facts: &Facts, findings: &[Finding]) -> Category {
    let has = |code: FindingCode| findings.iter().any(|finding| finding.code == code);
    if facts.private_key {
        Category::PublicKeyIsPrivateKey
    } else if let (SignatureStatus::Invalid, Some(failure)) = (facts.signature, facts.failure) {
        match failure {
            Failure::NotBase64 | Failure::Length { .. } | Failure::NotWellFormed => {
                Category::SignatureKeyMismatch
            }
            Failure::DigestMismatch { .. } => Category::ContentTampered,
            Failure::OtherAlgorithm { .. } => Category::SignTypeMismatch,
        }
    } else if facts.decryption == Decryption::KeyMissing {
        Category::AesKeyMissing
    } else if facts.decryption == Decryption::KeyInvalid {
        Category::AesKeyInvalid
    } else if facts.decryption == Decryption::Mismatch {
        Category::AesKeyMismatch
    } else if facts.decryption == Decryption::HexKey {
        Category::AesKeyHexEncoded
    } else if let Some(Outcome::Error(code)) = &facts.result {
        Category::alipay_error(code)
    } else if facts.signature == SignatureStatus::NotChecked && !facts.public_key_usable {
        Category::PublicKeyMissing
    } else if facts.bare_ciphertext {
        Category::CiphertextOnly
    } else if facts.signature == SignatureStatus::Missing {
        Category::SignMissing
    } else if has(FindingCode::Base64PlusMangled) {
        Category::Base64PlusMangled
    } else if has(FindingCode::Base64PaddingLost) {
        Category::Base64PaddingLost
    } else if has(FindingCode::Base64LineBreaks) {
        Category::Base64LineBreaks
    } else if has(FindingCode::UrlEncodedInput) {
        Category::UrlEncodedInput
    } else if has(FindingCode::DoubleJsonEncoded) {
        Category::DoubleJsonEncoded
    } else if facts.plain && matches!(facts.result, Some(Outcome::Success | Outcome::MobileEmpty)) {
        Category::ResponseNotEncrypted
    } else if facts.result == Some(Outcome::MobileEmpty) {
        Category::MobileEmpty
    } else if facts.result == Some(Outcome::CodeMissing) {
        Category::ResultCodeMissing
    } else {
        Category::Ok
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_contract() {
        assert_eq!(
            Category::alipay_error("40006").as_str(),
            "alipay_error_40006"
        );
        assert_eq!(Category::alipay_error("a b").as_str(), "alipay_error_a_b");
        assert_eq!(
            Category::ResultCodeMissing.as_str(),
            "alipay_error_missing_code"
        );
        assert_eq!(
            serde_json::to_string(&Category::SignMissing).unwrap(),
            "\"sign_missing\""
        );
        let mut names: Vec<_> = Category::FIXED.iter().map(Category::as_str).collect();
        let before = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), before);
    }
}
