//! The decryption stage: the content decrypted with the AES key (or read as plain content), and
//! what a failure says about the key.

use crate::domain::aes_cbc;
use crate::domain::category::Decryption;
use crate::domain::codes::FindingCode;
use crate::domain::input::{Content, Envelope};
use crate::domain::keys::aeskey::AesKeyOutcome;
use crate::domain::report::Finding;
use crate::domain::terms::LengthGuess;

pub(super) fn decryption_stage(
    envelope: &Envelope,
    aes_key: &AesKeyOutcome,
    findings: &mut Vec<Finding>,
) -> (Decryption, Option<serde_json::Value>) {
    let cipher = match &envelope.content {
        Content::Plain { json, .. } => {
            findings.push(Finding::new(FindingCode::ResponseNotEncrypted));
            return (Decryption::Plain, Some(json.clone()));
        }
        Content::Ciphertext(cipher) => cipher,
    };
    match aes_key {
        AesKeyOutcome::Missing => {
            let bytes = crate::domain::b64::decode(cipher)
                .map(|bytes| bytes.len())
                .unwrap_or(0);
            findings.push(
                Finding::new(FindingCode::AesKeyMissing)
                    .with("bytes", bytes)
                    .with("guess", guess_from_length(bytes)),
            );
            (Decryption::KeyMissing, None)
        }
        AesKeyOutcome::Usable { key, hex } => match aes_cbc::decrypt(cipher, key) {
            Ok(decrypted) => decrypted_ok(decrypted, Decryption::Ok, findings),
            Err(error) => match hex
                .as_deref()
                .and_then(|hex| aes_cbc::decrypt(cipher, hex).ok())
            {
                Some(decrypted) => hex_ok(decrypted, findings),
                None => mismatch(cipher, key, error, findings),
            },
        },
        AesKeyOutcome::Invalid { hex, wrong_length } => {
            if let Some(hex) = hex {
                return match aes_cbc::decrypt(cipher, hex) {
                    Ok(decrypted) => hex_ok(decrypted, findings),
                    Err(error) => mismatch(cipher, hex, error, findings),
                };
            }
            if let Some(bytes) = wrong_length
                && php_truncation_decrypts(cipher, bytes)
            {
                findings.push(Finding::new(FindingCode::AesKeyPhpTruncation));
            }
            (Decryption::KeyInvalid, None)
        }
    }
}

fn decrypted_ok(
    decrypted: aes_cbc::Decrypted,
    state: Decryption,
    findings: &mut Vec<Finding>,
) -> (Decryption, Option<serde_json::Value>) {
    findings.push(Finding::new(FindingCode::DecryptedOk).with("bits", decrypted.bits));
    if decrypted.bits != 128 {
        findings.push(Finding::new(FindingCode::AesKeySizeNote).with("bits", decrypted.bits));
    }
    (state, Some(decrypted.json))
}

fn hex_ok(
    decrypted: aes_cbc::Decrypted,
    findings: &mut Vec<Finding>,
) -> (Decryption, Option<serde_json::Value>) {
    findings.push(Finding::new(FindingCode::AesKeyHexEncoded));
    decrypted_ok(decrypted, Decryption::HexKey, findings)
}

fn mismatch(
    cipher: &str,
    key: &[u8],
    error: crate::domain::error::DecryptError,
    findings: &mut Vec<Finding>,
) -> (Decryption, Option<serde_json::Value>) {
    use crate::domain::error::DecryptError;
    let finding = match error {
        DecryptError::CiphertextBase64 => {
            Finding::new(FindingCode::CiphertextNotBase64).with("detail", error.problem())
        }
        DecryptError::CiphertextLength { bytes } => {
            Finding::new(FindingCode::CiphertextLengthInvalid).with("bytes", bytes)
        }
        DecryptError::Padding | DecryptError::NotText | DecryptError::NotJson => {
            Finding::new(FindingCode::AesKeyMismatch).with("reason", error.problem())
        }
    };
    findings.push(finding);
    if aes_cbc::only_first_block_garbled(cipher, key) {
        findings.push(Finding::new(FindingCode::DecryptIvMismatch));
    }
    (Decryption::Mismatch, None)
}

/// A guess of the result from the ciphertext length alone (PKCS#7 adds 1 to 16 bytes).
fn guess_from_length(bytes: usize) -> LengthGuess {
    match bytes {
        48 => LengthGuess::SuccessEmptyMobile,
        64 => LengthGuess::SuccessWithMobile,
        112 => LengthGuess::Busy20000,
        128 => LengthGuess::InvalidAuthorization40003,
        272 => LengthGuess::InsufficientPermissions40006,
        _ => LengthGuess::Unknown,
    }
}

/// PHP's `openssl_decrypt(…, 'aes-128-cbc', …)` truncates or NUL-pads the key to 16 bytes.
fn php_truncation_decrypts(cipher: &str, key: &[u8]) -> bool {
    let mut key16 = [0u8; 16];
    for (slot, byte) in key16.iter_mut().zip(key) {
        *slot = *byte;
    }
    aes_cbc::decrypt(cipher, &key16).is_ok()
}
