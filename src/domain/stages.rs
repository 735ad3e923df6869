//! The signature and decryption stages over a parsed envelope, and the report they build.

use super::category::{Decryption, Facts};
use super::codes::FindingCode;
use super::input::{Content, Envelope, Parsed};
use super::keys::aeskey::AesKeyOutcome;
use super::keys::pubkey::{LoadedKey, PublicKeyOutcome};
use super::report::{Finding, Opening, Payload, Report, SignatureReport, SignatureStatus};
use super::signature::fastverify::FastKey;
use super::signature::{self, Failure, HashAlg, Variant};
use super::terms::LengthGuess;
use super::{aes_cbc, category, payload};

/// Builds the report from the parsed paste and keys. `fast` is the fast backend's parse of the
/// usable public key, if any (it changes the speed, never the verdict).
pub fn run(
    parsed: Parsed,
    public_key: &PublicKeyOutcome,
    fast: Option<&FastKey>,
    aes_key: &AesKeyOutcome,
    key_findings: Vec<Finding>,
) -> Report {
    let Parsed {
        outcome,
        findings: input_findings,
    } = parsed;
    let description = match public_key {
        PublicKeyOutcome::Usable(loaded) => Some(loaded.description.clone()),
        _ => None,
    };
    let envelope = match outcome {
        Ok(envelope) => envelope,
        Err(unusable) => {
            let mut findings = input_findings;
            findings.extend(key_findings);
            return Report {
                category: unusable.category(),
                decryption: Decryption::NotAttempted,
                signature: SignatureReport::with_status(SignatureStatus::NotChecked),
                payload: None,
                public_key: description,
                findings,
            };
        }
    };
    let mut findings = input_findings;
    findings.extend(key_findings);
    let (signature, failure) = signature_stage(&envelope, (public_key, fast), &mut findings);
    let (decryption, json) = decryption_stage(&envelope, aes_key, &mut findings);
    let trusted = signature.status == SignatureStatus::Valid;
    let result = json
        .as_ref()
        .map(|json| payload::interpret(json, &mut findings));
    if json.is_some() && !trusted {
        findings.push(Finding::new(FindingCode::PayloadUntrusted));
    }
    let facts = Facts {
        private_key: matches!(public_key, PublicKeyOutcome::Private),
        public_key_usable: matches!(public_key, PublicKeyOutcome::Usable(_)),
        signature: signature.status,
        failure,
        decryption,
        result,
        bare_ciphertext: envelope.bare_ciphertext,
        plain: matches!(envelope.content, Content::Plain { .. }),
    };
    let category = category::decide(&facts, &findings);
    Report {
        category,
        decryption,
        signature,
        payload: json.map(|json| Payload {
            json,
            plain: facts.plain,
            trusted,
        }),
        public_key: description,
        findings,
    }
}

/// The exact bytes Alipay signed, and the variants that explain common mistakes.
fn signed_content(content: &Content) -> (String, Vec<(Variant, Vec<u8>)>) {
    match content {
        Content::Ciphertext(cipher) => (
            format!("\"{cipher}\""),
            vec![(Variant::Unquoted, cipher.as_bytes().to_vec())],
        ),
        Content::Plain { signed_text, .. } => {
            let variants = if signed_text.contains("\\/") {
                vec![(
                    Variant::Unescaped,
                    signed_text.replace("\\/", "/").into_bytes(),
                )]
            } else {
                Vec::new()
            };
            (signed_text.clone(), variants)
        }
    }
}

fn preview(content: &str) -> String {
    let chars: Vec<char> = content.chars().collect();
    if chars.len() <= 28 {
        return content.to_owned();
    }
    let head: String = chars.iter().take(14).collect();
    let tail: String = chars.iter().skip(chars.len() - 6).collect();
    format!("{head}…{tail}")
}

fn declared_hash(envelope: &Envelope, findings: &mut Vec<Finding>) -> HashAlg {
    match envelope.sign_type.as_deref().map(str::trim) {
        None | Some("") => {
            findings.push(Finding::new(FindingCode::SignTypeDefaultedRsa2));
            HashAlg::Sha256
        }
        Some(name) if name.eq_ignore_ascii_case("RSA2") => HashAlg::Sha256,
        Some(name) if name.eq_ignore_ascii_case("RSA") => {
            findings.push(Finding::new(FindingCode::SignTypeRsaSha1Legacy));
            HashAlg::Sha1
        }
        Some(name) => {
            findings.push(Finding::new(FindingCode::SignTypeUnsupported).with("sign_type", name));
            HashAlg::Sha256
        }
    }
}

fn signature_stage(
    envelope: &Envelope,
    (public_key, fast): (&PublicKeyOutcome, Option<&FastKey>),
    findings: &mut Vec<Finding>,
) -> (SignatureReport, Option<Failure>) {
    let (content, variants) = signed_content(&envelope.content);
    let mut report = SignatureReport::with_status(SignatureStatus::NotChecked);
    report.declared_sign_type.clone_from(&envelope.sign_type);
    report.signed_content_preview = Some(preview(&content));
    report.signed_content_len = content.len();
    let Some(sign) = &envelope.sign else {
        report.status = SignatureStatus::Missing;
        if !envelope.bare_ciphertext {
            findings.push(Finding::new(FindingCode::SignMissing));
        }
        return (report, None);
    };
    let PublicKeyOutcome::Usable(loaded) = public_key else {
        if matches!(public_key, PublicKeyOutcome::Missing) {
            let sign_bytes = super::b64::decode(sign)
                .map(|bytes| bytes.len())
                .unwrap_or(0);
            findings.push(
                Finding::new(FindingCode::PublicKeyMissing)
                    .with("sign_bytes", sign_bytes)
                    .with("key_bits_guess", sign_bytes * 8),
            );
        }
        return (report, None);
    };
    let declared = declared_hash(envelope, findings);
    report.algorithm = Some(declared.sign_type());
    check_with_key(
        envelope,
        (loaded, fast),
        declared,
        (&content, &variants),
        sign,
        &mut report,
        findings,
    )
}

fn check_with_key(
    envelope: &Envelope,
    (loaded, fast): (&LoadedKey, Option<&FastKey>),
    declared: HashAlg,
    (content, variants): (&str, &[(Variant, Vec<u8>)]),
    sign: &str,
    report: &mut SignatureReport,
    findings: &mut Vec<Finding>,
) -> (SignatureReport, Option<Failure>) {
    if declared == HashAlg::Sha256 && loaded.description.bits < 2048 {
        findings.push(
            Finding::new(FindingCode::PublicKeyWeakForRsa2).with("bits", loaded.description.bits),
        );
    }
    if let (Some(payload_sn), Some(cert)) =
        (&envelope.alipay_cert_sn, &loaded.description.certificate)
        && payload_sn.trim() != cert.alipay_cert_sn
    {
        findings.push(
            Finding::new(FindingCode::CertSnMismatch)
                .with("payload_sn", payload_sn)
                .with("cert_sn", &cert.alipay_cert_sn),
        );
    }
    let signed = content.as_bytes();
    let check = signature::check_fast(&loaded.key, fast, signed, sign, declared, variants);
    report.signature_len = check.signature_len;
    let failure = match check.result {
        Ok(()) => {
            report.status = SignatureStatus::Valid;
            findings.push(
                Finding::new(FindingCode::SignatureValid).with("algorithm", declared.sign_type()),
            );
            if matches!(envelope.content, Content::Ciphertext(_)) {
                findings.push(Finding::new(FindingCode::SignNeedsQuotesHint));
            }
            return (report.clone(), None);
        }
        Err(failure) => failure,
    };
    report.status = SignatureStatus::Invalid;
    let (opening, finding) = match failure {
        Failure::NotBase64 => (
            Opening::NotWellFormed,
            Finding::new(FindingCode::SignatureNotBase64).with("detail", "sign"),
        ),
        Failure::Length { bytes, expected } => (
            Opening::NotWellFormed,
            Finding::new(FindingCode::SignatureLengthMismatch)
                .with("bytes", bytes)
                .with("expected", expected),
        ),
        Failure::NotWellFormed => (
            Opening::NotWellFormed,
            Finding::new(FindingCode::SignatureKeyMismatch),
        ),
        Failure::DigestMismatch { found } => {
            report.opened_digest_algorithm = Some(found.digest_name());
            (
                Opening::DigestMismatch,
                Finding::new(FindingCode::ContentTampered).with("algorithm", found.sign_type()),
            )
        }
        Failure::OtherAlgorithm { found } => {
            report.opened_digest_algorithm = Some(found.digest_name());
            (
                Opening::OtherAlgorithm,
                Finding::new(FindingCode::SignTypeMismatch)
                    .with("declared", declared.sign_type())
                    .with("actual", found.sign_type()),
            )
        }
    };
    report.opening = Some(opening);
    findings.push(finding);
    match check.matching_variant {
        Some(Variant::Unquoted) => {
            findings.push(Finding::new(FindingCode::SignatureVariantUnquoted));
        }
        Some(Variant::Unescaped) => {
            findings.push(Finding::new(FindingCode::SignatureVariantUnescaped));
        }
        None => {}
    }
    (report.clone(), Some(failure))
}

fn decryption_stage(
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
            let bytes = super::b64::decode(cipher)
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
    error: super::error::DecryptError,
    findings: &mut Vec<Finding>,
) -> (Decryption, Option<serde_json::Value>) {
    use super::error::DecryptError;
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
