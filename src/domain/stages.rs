//! The signature and decryption stages over a parsed envelope, and the report they build.

use super::category::{Decryption, Facts};
use super::codes::FindingCode;
use super::input::{Content, Envelope, Parsed};
use super::keys::pubkey::{LoadedKey, PublicKeyOutcome};
use super::prepared::PreparedKeys;
use super::report::{Finding, Opening, Payload, Report, SignatureReport, SignatureStatus};
use super::signature::fastverify::FastKey;
use super::signature::{self, Failure, HashAlg, Variant};
use super::{category, payload};

mod certificate;
mod decrypt;

/// Builds the report from the parsed paste and the keys parsed beforehand. When the key file
/// holds several certificates, the one used is chosen here, where the response's
/// `alipay_cert_sn` is known.
pub fn run(parsed: Parsed, keys: &PreparedKeys) -> Report {
    let Parsed {
        outcome,
        mut findings,
    } = parsed;
    findings.extend(keys.public_key_findings.iter().cloned());
    let cert_sn = outcome
        .as_ref()
        .ok()
        .and_then(|envelope| envelope.alipay_cert_sn.as_deref());
    let chosen = certificate::choose(&keys.public_key, cert_sn, &mut findings);
    findings.extend(keys.aes_findings.iter().cloned());
    let description = chosen
        .as_ref()
        .map(|(_, chosen)| chosen.key.description.clone());
    let envelope = match outcome {
        Ok(envelope) => envelope,
        Err(unusable) => {
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
    let verifier = chosen.as_ref().map(|(_, chosen)| {
        let fast = keys.fast.get(chosen.index).and_then(Option::as_ref);
        (chosen.key, fast)
    });
    let (signature, failure) =
        signature_stage(&envelope, &keys.public_key, verifier, &mut findings);
    if let Some((set, chosen)) = &chosen {
        certificate::name_ca_certificate(set, chosen.key, signature.status, &mut findings);
    }
    let (decryption, json) = decrypt::decryption_stage(&envelope, &keys.aes_key, &mut findings);
    let trusted = signature.status == SignatureStatus::Valid;
    let result = json
        .as_ref()
        .map(|json| payload::interpret(json, &mut findings));
    if json.is_some() && !trusted {
        findings.push(Finding::new(FindingCode::PayloadUntrusted));
    }
    let facts = Facts {
        private_key: matches!(keys.public_key, PublicKeyOutcome::Private),
        public_key_usable: chosen.is_some(),
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
    public_key: &PublicKeyOutcome,
    verifier: Option<(&LoadedKey, Option<&FastKey>)>,
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
    let Some((loaded, fast)) = verifier else {
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
