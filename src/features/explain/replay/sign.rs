//! Replays of the signature side: `sign` with its `+` turned into spaces through each runtime's
//! base64 decoder, the key file fed to a strict decoder, what the key file really is, and the
//! signature opening with the configured key (the pipeline's [`signature::check`]), which tells a
//! wrong key from verified bytes or a hash that differ.

use super::b64sim::{self, Reading};
use super::compare::Printed;
use super::{Material, Verdict, Verdicts, reproduced};
use crate::domain::codes::FindingCode;
use crate::domain::input::Content;
use crate::domain::pubkey::PublicKeyOutcome;
use crate::domain::report::Param;
use crate::domain::signature::{self, Failure, HashAlg};
use crate::domain::terms::{KeyKind, Term};
use crate::features::explain::facts::Facts;
use crate::features::explain::{CauseCode, Confidence, Replayed, Variant};

/// Runs the signature-side replays the inputs allow.
pub fn run(material: &Material, printed: &Printed<'_>, facts: &Facts, verdicts: &mut Verdicts) {
    if let Some(envelope) = &material.envelope {
        if facts.sign_missing {
            let verdict = if envelope.sign.is_none() {
                Verdict::Reproduced {
                    confidence: Confidence::Exact,
                    evidence: Replayed::SignAbsent,
                }
            } else {
                Verdict::Refuted
            };
            verdicts.push((CauseCode::SignMissingNotChecked, verdict));
        }
        if let Some(sign) = &envelope.sign {
            plus_to_space(sign, printed, verdicts);
        }
    }
    key_files(material, printed, verdicts);
    if facts.key_load_error {
        key_kind(material, verdicts);
    }
    if facts.verify_false || facts.logged_unquoted {
        opening(material, printed, facts, verdicts);
    }
}

/// What each decoder prints for `sign` once its `+` became spaces.
fn plus_to_space(sign: &str, printed: &Printed<'_>, verdicts: &mut Verdicts) {
    let plus_count = sign.matches('+').count();
    if plus_count == 0 {
        return;
    }
    let spaced = sign.replace('+', " ");
    let found = b64sim::sayings(spaced.as_bytes())
        .into_iter()
        .find(|(message, _)| printed.says(message));
    let Some((_, reading)) = found else {
        return;
    };
    let evidence = match reading {
        Reading::Length(got) => Replayed::PlusToSpaceSign { plus_count, got },
        Reading::Strict => Replayed::SameMessage {
            variant: Variant::SignSpacesStrict,
        },
        Reading::Skipped => Replayed::SameMessage {
            variant: Variant::SignSpacesSkipped,
        },
    };
    reproduced(
        verdicts,
        CauseCode::SignPlusToSpace,
        Confidence::Exact,
        evidence,
    );
}

/// The key files as a strict base64 decoder reads them: the PEM armour's `-`, a line break.
fn key_files(material: &Material, printed: &Printed<'_>, verdicts: &mut Verdicts) {
    let message = |raw: &[u8]| b64sim::java(raw, false).message();
    if let Some(raw) = &material.public_key_raw
        && let Some(said) = message(raw)
        && said.starts_with("Illegal base64 character")
        && printed.says(&said)
    {
        reproduced(
            verdicts,
            CauseCode::PublicKeyFormat,
            Confidence::Exact,
            Replayed::SameMessage {
                variant: Variant::PublicKeyTextDecoded,
            },
        );
    }
    if let Some(aes) = &material.aes {
        let text = aes.raw.as_slice();
        let first_illegal = text
            .iter()
            .find(|byte| !(byte.is_ascii_alphanumeric() || matches!(byte, b'+' | b'/' | b'=')));
        if matches!(first_illegal, Some(b'\n' | b'\r'))
            && let Some(said) = message(text)
            && printed.says(&said)
        {
            reproduced(
                verdicts,
                CauseCode::AesKeyTrailingNewline,
                Confidence::Exact,
                Replayed::SameMessage {
                    variant: Variant::KeyFileText,
                },
            );
        }
    }
}

/// A key that could not be loaded: is the file a private key, or PKCS#1?
fn key_kind(material: &Material, verdicts: &mut Verdicts) {
    let Some(outcome) = &material.public_key else {
        return;
    };
    let findings = &material.public_key_findings;
    match outcome {
        PublicKeyOutcome::Private => {
            let key_kind = findings
                .iter()
                .find(|finding| finding.code == FindingCode::PublicKeyIsPrivateKey)
                .and_then(|finding| match finding.param("kind") {
                    Some(Param::Term(Term::KeyKind(kind))) => Some(*kind),
                    _ => None,
                })
                .unwrap_or(KeyKind::Pkcs8PrivateKey);
            reproduced(
                verdicts,
                CauseCode::PrivateKeyAsPublic,
                Confidence::Exact,
                Replayed::KeyFilePrivate { key_kind },
            );
            verdicts.push((CauseCode::PublicKeyFormat, Verdict::Refuted));
        }
        PublicKeyOutcome::Usable(_) => {
            verdicts.push((CauseCode::PrivateKeyAsPublic, Verdict::Refuted));
            if findings
                .iter()
                .any(|finding| finding.code == FindingCode::PublicKeyPkcs1)
            {
                reproduced(
                    verdicts,
                    CauseCode::PublicKeyFormat,
                    Confidence::Exact,
                    Replayed::KeyFilePkcs1,
                );
            }
        }
        PublicKeyOutcome::Missing | PublicKeyOutcome::Unusable => {}
    }
}

/// The signature opened with the configured key: no PKCS#1 block means another key signed; a
/// valid signature over the quoted content means the code verified other bytes or another hash.
fn opening(material: &Material, printed: &Printed<'_>, facts: &Facts, verdicts: &mut Verdicts) {
    let Some(PublicKeyOutcome::Usable(loaded)) = &material.public_key else {
        return;
    };
    let Some(envelope) = &material.envelope else {
        return;
    };
    let (Content::Ciphertext(b64), Some(sign)) = (&envelope.content, &envelope.sign) else {
        return;
    };
    let declared = envelope
        .sign_type
        .as_deref()
        .and_then(HashAlg::from_sign_type)
        .unwrap_or(HashAlg::Sha256);
    let content = format!("\"{b64}\"");
    let chosen = loaded.choose(envelope.alipay_cert_sn.as_deref());
    let check = signature::check(&chosen.key.key, content.as_bytes(), sign, declared, &[]);
    let content_causes = [
        CauseCode::SignContentUnquoted,
        CauseCode::SignNotifyStyle,
        CauseCode::SignWrongContent,
        CauseCode::SignSha1InsteadOfSha256,
    ];
    match check.result {
        Err(Failure::NotWellFormed | Failure::Length { .. }) => {
            reproduced(
                verdicts,
                CauseCode::SignWrongPublicKey,
                Confidence::Exact,
                Replayed::OpeningNoBlock,
            );
            for code in content_causes {
                verdicts.push((code, Verdict::Refuted));
            }
        }
        Ok(()) => {
            verdicts.push((CauseCode::SignWrongPublicKey, Verdict::Refuted));
            // A `sign` whose `+` became spaces decodes short in lenient decoders: `false`.
            if facts.verify_false && sign.contains('+') {
                verdicts.push((
                    CauseCode::SignPlusToSpace,
                    Verdict::Consistent { evidence: None },
                ));
            }
            if facts.logged_unquoted && logged_without_quotes(printed, b64) {
                reproduced(
                    verdicts,
                    CauseCode::SignContentUnquoted,
                    Confidence::Exact,
                    Replayed::SignUnquoted,
                );
            }
            for code in content_causes {
                let evidence = if code == CauseCode::SignSha1InsteadOfSha256 {
                    if declared != HashAlg::Sha256 {
                        verdicts.push((code, Verdict::Refuted));
                        continue;
                    }
                    Replayed::SignSha1
                } else {
                    Replayed::SignDataRight
                };
                verdicts.push((
                    code,
                    Verdict::Consistent {
                        evidence: Some(evidence),
                    },
                ));
            }
        }
        // The response itself differs from what Alipay signed: `check` explains that.
        Err(_) => {}
    }
}

/// The ciphertext printed without a quote on either side.
fn logged_without_quotes(printed: &Printed<'_>, b64: &str) -> bool {
    printed.text.iter().any(|view| {
        view.match_indices(b64).any(|(at, _)| {
            let before = view.get(..at).and_then(|head| head.chars().next_back());
            let after = view
                .get(at + b64.len()..)
                .and_then(|tail| tail.chars().next());
            before != Some('"') && after != Some('"')
        })
    })
}
