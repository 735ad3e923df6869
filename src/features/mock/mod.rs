//! A mock of Alipay's side of `my.getPhoneNumber`: builds a signed and encrypted `res.response`
//! from a business payload, exactly as the official SDKs expect to verify and decrypt it
//! (AES-CBC with a zero IV and PKCS#7, then PKCS#1 v1.5 over `"` + ciphertext + `"`). Also
//! generates throwaway test keys. Pure: keys come in as values, nothing is read or written.

use rsa::PrivateKey;
use rsa::pkcs1::DecodeRsaPrivateKey as _;
use rsa::pkcs8::{DecodePrivateKey as _, EncodePublicKey as _};
use serde_json::Value;
use thiserror::Error;
use zeroize::Zeroizing;

use crate::domain::keys::keytext;
use crate::domain::signature::{self, HashAlg};
use crate::domain::{aes_cbc, aeskey, b64};

mod keygen;

pub use keygen::{
    AES_KEY_FILE, PRIVATE_KEY_FILE, PUBLIC_KEY_FILE, RngError, SystemRng, TEST_KEY_BITS,
    TestKeyFile, TestKeys, generate_test_keys,
};

/// Why a mock response or key could not be produced.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum MockError {
    /// The payload text is not JSON.
    #[error("the payload is not JSON: {0}")]
    PayloadNotJson(String),
    /// The payload is JSON but not an object.
    #[error("the payload must be a JSON object such as {{\"code\":\"10000\",…}}")]
    PayloadNotObject,
    /// The AES key bytes have the wrong length.
    #[error("the AES key must be 16, 24 or 32 bytes, not {bytes}")]
    AesKeyLength {
        /// The length given.
        bytes: usize,
    },
    /// The AES key text is not base64 of a valid key.
    #[error("the AES key is not base64 of 16, 24 or 32 bytes (as the console shows it)")]
    AesKeyUnreadable,
    /// The private key text cannot be used.
    #[error("the private key cannot be read: {0:?}")]
    PrivateKey(PrivateKeyProblem),
    /// The RSA signing operation failed.
    #[error("signing failed")]
    Signing,
    /// Key generation or encoding failed.
    #[error("key generation failed: {0}")]
    KeyGeneration(String),
}

/// Why a private key cannot be used to sign.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrivateKeyProblem {
    /// Password-protected: export it unencrypted first.
    Encrypted,
    /// A PEM block that is not a private key (the mock signs with the private half).
    NotPrivate,
    /// Neither PEM nor base64.
    NotBase64,
    /// Not a PKCS#8 or PKCS#1 RSA private key.
    NotRsa,
    /// No private key was given.
    Missing,
}

/// How the mock signs and encrypts: the choice the window, the command line and the scenarios
/// share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SigningMode {
    /// Encrypted, RSA2 (SHA256withRSA) signature, declared honestly.
    #[default]
    Rsa2,
    /// Encrypted, RSA (SHA1withRSA) signature, declared honestly.
    Rsa,
    /// Encrypted, no `sign` (signing not configured).
    Unsigned,
    /// A plain object without `sign` (how the platform sends configuration errors).
    Plain,
    /// Encrypted, signed with SHA1withRSA but declared `RSA2`: a `sign_type` mismatch.
    Sha1DeclaredRsa2,
}

impl SigningMode {
    /// The modes a user picks in the mock window, in order.
    pub const REGULAR: &[Self] = &[Self::Rsa2, Self::Rsa, Self::Unsigned, Self::Plain];

    /// The stable id (`mock.signing.<id>` names it).
    pub fn id(self) -> &'static str {
        match self {
            Self::Rsa2 => "rsa2",
            Self::Rsa => "rsa",
            Self::Unsigned => "unsigned",
            Self::Plain => "plain",
            Self::Sha1DeclaredRsa2 => "sha1_declared_rsa2",
        }
    }

    /// The options that build a response in this mode.
    pub fn options(self) -> MockOptions {
        match self {
            Self::Rsa2 => MockOptions::signed(HashAlg::Sha256),
            Self::Rsa => MockOptions::signed(HashAlg::Sha1),
            Self::Unsigned => MockOptions::unsigned(),
            Self::Plain => MockOptions::plain(),
            Self::Sha1DeclaredRsa2 => MockOptions {
                declared_sign_type: Some(HashAlg::Sha256.sign_type().to_owned()),
                ..MockOptions::signed(HashAlg::Sha1)
            },
        }
    }
}

/// How the mock response is built. The default is what a correctly configured app receives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MockOptions {
    /// The algorithm the signature is made with; `None` leaves out `sign`.
    pub sign_with: Option<HashAlg>,
    /// The `sign_type` written into the envelope; `None` leaves it out.
    pub declared_sign_type: Option<String>,
    /// Encrypt the payload (the normal case); `false` embeds it as a plain JSON object.
    pub encrypt: bool,
    /// Add `encrypt_type` and `charset` to an encrypted envelope, as the documentation shows.
    pub full_envelope: bool,
}

impl Default for MockOptions {
    fn default() -> Self {
        Self::signed(HashAlg::Sha256)
    }
}

impl MockOptions {
    /// Encrypted and signed with `alg`, declaring it honestly.
    pub fn signed(alg: HashAlg) -> Self {
        Self {
            sign_with: Some(alg),
            declared_sign_type: Some(alg.sign_type().to_owned()),
            encrypt: true,
            full_envelope: true,
        }
    }

    /// Encrypted, without `sign` and `sign_type` (signing not configured in the console).
    pub fn unsigned() -> Self {
        Self {
            sign_with: None,
            declared_sign_type: None,
            ..Self::default()
        }
    }

    /// A plain object without `sign`, as the platform sends configuration errors.
    pub fn plain() -> Self {
        Self {
            sign_with: None,
            declared_sign_type: None,
            encrypt: false,
            full_envelope: false,
        }
    }
}

/// Builds `res.response` for `payload_json` (a JSON object, compacted first). `aes_key` is the
/// raw key (16/24/32 bytes); it is ignored for plain content.
pub fn build_response(
    payload_json: &str,
    key: &PrivateKey,
    aes_key: &[u8],
    options: &MockOptions,
) -> Result<String, MockError> {
    let payload: Value = serde_json::from_str(payload_json.trim_start_matches('\u{feff}').trim())
        .map_err(|error| MockError::PayloadNotJson(error.to_string()))?;
    if !payload.is_object() {
        return Err(MockError::PayloadNotObject);
    }
    let compact = payload.to_string();
    // The signed bytes are the `response` token exactly as it appears in the text.
    let token = if options.encrypt {
        let cipher = aes_cbc::encrypt_to_base64(compact.as_bytes(), aes_key).ok_or(
            MockError::AesKeyLength {
                bytes: aes_key.len(),
            },
        )?;
        format!("\"{cipher}\"")
    } else {
        compact
    };
    let mut out = format!("{{\"response\":{token}");
    if let Some(alg) = options.sign_with {
        let sign = signature::sign(key, token.as_bytes(), alg).ok_or(MockError::Signing)?;
        push_field(&mut out, "sign", &sign);
    }
    if let Some(sign_type) = &options.declared_sign_type {
        push_field(&mut out, "sign_type", sign_type);
    }
    if options.encrypt && options.full_envelope {
        push_field(&mut out, "encrypt_type", "AES");
        push_field(&mut out, "charset", "UTF-8");
    }
    out.push('}');
    Ok(out)
}

fn push_field(out: &mut String, name: &str, value: &str) {
    out.push(',');
    out.push_str(&Value::String(name.to_owned()).to_string());
    out.push(':');
    out.push_str(&Value::String(value.to_owned()).to_string());
}

/// Reads an RSA private key: PKCS#8 or PKCS#1, PEM or bare base64 (as Alipay's key tool writes
/// it), through the one key-text cleanup ([`keytext::read`]).
pub fn parse_private_key(text: &str) -> Result<PrivateKey, MockError> {
    let read = keytext::read(text);
    if let Some(label) = &read.label {
        if label.contains("ENCRYPTED") {
            return Err(MockError::PrivateKey(PrivateKeyProblem::Encrypted));
        }
        if !label.contains("PRIVATE") {
            return Err(MockError::PrivateKey(PrivateKeyProblem::NotPrivate));
        }
    }
    let der = Zeroizing::new(
        b64::decode_lenient(&read.body)
            .map_err(|_| MockError::PrivateKey(PrivateKeyProblem::NotBase64))?,
    );
    PrivateKey::from_pkcs8_der(&der)
        .or_else(|_| PrivateKey::from_pkcs1_der(&der))
        .map_err(|_| MockError::PrivateKey(PrivateKeyProblem::NotRsa))
}

/// Reads the AES key text as the console shows it (base64 of 16/24/32 bytes).
pub fn parse_aes_key(text: &str) -> Result<Zeroizing<Vec<u8>>, MockError> {
    match aeskey::parse(text, &mut Vec::new()) {
        aeskey::AesKeyOutcome::Usable { key, .. } => Ok(key),
        aeskey::AesKeyOutcome::Missing | aeskey::AesKeyOutcome::Invalid { .. } => {
            Err(MockError::AesKeyUnreadable)
        }
    }
}

/// The public half of `key` as bare base64 SPKI, the format of the console's 支付宝公钥.
pub fn public_key_base64(key: &PrivateKey) -> Result<String, MockError> {
    let der = key
        .to_public_key()
        .to_public_key_der()
        .map_err(|error| MockError::KeyGeneration(error.to_string()))?;
    Ok(b64::encode(der.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Inputs, SignatureStatus, diagnose};
    use crate::features::scenarios::demo as demo_keys;

    fn demo_key() -> PrivateKey {
        parse_private_key(demo_keys::DEMO.alipay_private_key_pem).unwrap()
    }

    fn check(response: String, aes: &[u8]) -> crate::domain::Report {
        diagnose(&Inputs {
            response: response.into_bytes(),
            alipay_public_key: Some(demo_keys::DEMO.alipay_public_key.as_bytes().to_vec()),
            aes_key: Some(b64::encode(aes).into_bytes()),
            now_unix_secs: None,
        })
    }

    #[test]
    fn builds_what_the_checker_accepts() {
        let aes = parse_aes_key(demo_keys::DEMO.aes_key).unwrap();
        let payload = r#"{ "code": "10000", "msg": "Success", "mobile": "13800138000" }"#;
        for alg in [HashAlg::Sha256, HashAlg::Sha1] {
            let report = check(
                build_response(payload, &demo_key(), &aes, &MockOptions::signed(alg)).unwrap(),
                &aes,
            );
            assert_eq!(report.category, "ok");
        }
        let plain = build_response(
            payload,
            &demo_key(),
            &[],
            &MockOptions {
                sign_with: Some(HashAlg::Sha256),
                ..MockOptions::plain()
            },
        )
        .unwrap();
        assert_eq!(check(plain, &aes).signature.status, SignatureStatus::Valid);
        let unsigned = check(
            build_response(payload, &demo_key(), &aes, &MockOptions::unsigned()).unwrap(),
            &aes,
        );
        assert_eq!(unsigned.category, "sign_missing");
    }

    #[test]
    fn refuses_bad_inputs() {
        let key = demo_key();
        assert!(matches!(
            build_response("[1]", &key, &[0; 16], &MockOptions::default()),
            Err(MockError::PayloadNotObject)
        ));
        assert!(matches!(
            build_response("{", &key, &[0; 16], &MockOptions::default()),
            Err(MockError::PayloadNotJson(_))
        ));
        assert_eq!(
            build_response("{}", &key, &[0; 5], &MockOptions::default()),
            Err(MockError::AesKeyLength { bytes: 5 })
        );
        assert!(parse_private_key(demo_keys::DEMO.alipay_public_key).is_err());
        assert!(
            parse_private_key("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----")
                .is_err()
        );
        assert_eq!(parse_aes_key("abc"), Err(MockError::AesKeyUnreadable));
    }

    #[test]
    fn reads_bare_base64_private_keys() {
        let pem = demo_keys::DEMO.alipay_private_key_pem;
        let body: String = pem
            .lines()
            .filter(|line| !line.starts_with("-----"))
            .collect();
        assert_eq!(
            parse_private_key(&format!("\"{body}\"")).unwrap(),
            demo_key()
        );
        assert_eq!(
            public_key_base64(&demo_key()).unwrap(),
            demo_keys::DEMO.alipay_public_key.trim()
        );
    }
}
