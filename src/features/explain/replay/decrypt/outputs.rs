//! The bytes each wrong decryption prints, compared with the output: ECB, CBC with the usual
//! wrong IVs, the key text as key, the padding left on, the last block held back (`update()`
//! without `final()`), encryption instead of decryption; and any IV, read back from a first block
//! printed in full in front of the right rest.

use memchr::memmem;
use zeroize::Zeroizing;

use super::super::aes::{Cipher, unpad_naive, unpad_strict};
use super::super::compare::Printed;
use super::super::{Material, Right, Verdict, Verdicts, reproduced};
use crate::features::explain::{CauseCode, Confidence, IvKind, Replayed};

/// Replayed outputs shorter than this say too little to compare.
const MIN_OUTPUT: usize = 16;

/// One wrong implementation's printed bytes.
struct Candidate {
    code: CauseCode,
    output: Zeroizing<Vec<u8>>,
    evidence: Replayed,
}

/// Compares every candidate with the output; the first match per cause is kept.
pub fn run(material: &Material, right: &Right, printed: &Printed<'_>, verdicts: &mut Verdicts) {
    let plain = right.plain();
    let mut found: Vec<CauseCode> = Vec::new();
    for candidate in candidates(material, right) {
        if found.contains(&candidate.code)
            || candidate.output.len() < MIN_OUTPUT
            || memmem::find(plain, &candidate.output).is_some()
        {
            continue;
        }
        if printed.shows(&candidate.output) {
            found.push(candidate.code);
            reproduced(
                verdicts,
                candidate.code,
                Confidence::Exact,
                candidate.evidence,
            );
        }
    }
    // Holding the last block back is deterministic: when the right plaintext is known and its
    // cut form is not printed, `update()` alone is not what ran.
    if truncated(right, printed) {
        reproduced(
            verdicts,
            CauseCode::AesOutputTruncated,
            Confidence::Exact,
            Replayed::Truncated {
                cut_length: right.padded.len() - 16,
            },
        );
    } else {
        verdicts.push((CauseCode::AesOutputTruncated, Verdict::Refuted));
    }
    if !found.contains(&CauseCode::AesWrongIv)
        && let Some(iv) = any_iv(material, right, printed)
    {
        reproduced(
            verdicts,
            CauseCode::AesWrongIv,
            Confidence::Exact,
            Replayed::WrongIv {
                readable_from: 17,
                iv,
            },
        );
    }
}

/// Every raw output and its finished forms (strict unpadding, Go's unchecked one).
fn finished(raw: &Zeroizing<Vec<u8>>) -> Vec<Zeroizing<Vec<u8>>> {
    let mut out = vec![raw.clone()];
    if let Some(body) = unpad_strict(raw) {
        out.push(Zeroizing::new(body.to_vec()));
    }
    if let Ok(body) = unpad_naive(raw) {
        out.push(Zeroizing::new(body.to_vec()));
    }
    out
}

/// The IVs code uses by mistake, with their names.
fn wrong_ivs(material: &Material) -> Vec<([u8; 16], IvKind)> {
    let mut ivs = Vec::new();
    if let Some(aes) = &material.aes {
        if let Some(key) = aes
            .key
            .as_ref()
            .and_then(|key| <[u8; 16]>::try_from(key.as_slice()).ok())
        {
            ivs.push((key, IvKind::Key));
        }
        if let Some(text) = aes
            .text
            .as_bytes()
            .get(..16)
            .and_then(|head| <[u8; 16]>::try_from(head).ok())
        {
            ivs.push((text, IvKind::KeyText));
        }
    }
    ivs.push(([b'0'; 16], IvKind::AsciiZeros));
    ivs
}

/// The wrong decryptions' raw blocks, with the cause and evidence each stands for.
fn raw_decryptions(material: &Material) -> Vec<(CauseCode, Zeroizing<Vec<u8>>, Replayed)> {
    let mut out = Vec::new();
    let (Some(aes), Some(ciphertext)) = (&material.aes, &material.ciphertext) else {
        return out;
    };
    let zero = Some(&[0u8; 16]);
    let cipher = aes.key.as_ref().and_then(|key| Cipher::new(key));
    let mut push = |code, raw: Option<Zeroizing<Vec<u8>>>, evidence| {
        if let Some(raw) = raw {
            out.push((code, raw, evidence));
        }
    };
    if let Some(cipher) = &cipher {
        push(
            CauseCode::AesEcbMode,
            cipher.decrypt_raw(ciphertext, None),
            Replayed::Ecb,
        );
        for (iv, kind) in wrong_ivs(material) {
            let evidence = Replayed::WrongIv {
                readable_from: 17,
                iv: kind,
            };
            push(
                CauseCode::AesWrongIv,
                cipher.decrypt_raw(ciphertext, Some(&iv)),
                evidence,
            );
        }
        let text = material.ciphertext_b64.as_deref().unwrap_or_default();
        push(
            CauseCode::CiphertextNotDecoded,
            cipher.decrypt_raw(text.as_bytes(), zero),
            Replayed::SameError {
                variant: crate::features::explain::Variant::CiphertextText,
            },
        );
    }
    let text_key = Cipher::new(aes.text.as_bytes());
    push(
        CauseCode::AesKeyNotBase64Decoded,
        text_key.and_then(|text_key| text_key.decrypt_raw(ciphertext, zero)),
        Replayed::KeyText,
    );
    // PHP's openssl_decrypt silently cuts a key longer than the cipher's to its length.
    let cut_key = aes.text.as_bytes().get(..16).and_then(Cipher::new);
    push(
        CauseCode::AesKeyNotBase64Decoded,
        cut_key.and_then(|cut_key| cut_key.decrypt_raw(ciphertext, zero)),
        Replayed::KeyTextCut,
    );
    out
}

fn candidates(material: &Material, right: &Right) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (code, raw, evidence) in raw_decryptions(material) {
        for output in finished(&raw) {
            out.push(Candidate {
                code,
                output,
                evidence: evidence.clone(),
            });
        }
    }
    if let Some(last) = right.padded.last() {
        out.push(Candidate {
            code: CauseCode::AesPaddingNotRemoved,
            output: right.padded.clone(),
            evidence: Replayed::PaddingLeft {
                pad_value: *last,
                pad_count: usize::from(*last),
            },
        });
    }
    let cipher = material
        .aes
        .as_ref()
        .and_then(|aes| aes.key.as_ref())
        .and_then(|key| Cipher::new(key));
    if let (Some(cipher), Some(ciphertext)) = (&cipher, &material.ciphertext) {
        for pad in [true, false] {
            if let Some(output) = cipher.encrypt_cbc(ciphertext, pad) {
                out.push(Candidate {
                    code: CauseCode::AesEncryptInsteadOfDecrypt,
                    evidence: Replayed::Encrypt {
                        output_length: output.len(),
                        input_length: ciphertext.len(),
                    },
                    output: Zeroizing::new(output),
                });
            }
        }
    }
    out
}

/// The right plaintext without its last block, printed and not followed by the rest. When the
/// padding is a whole block, the cut text is the whole plaintext: nothing to see.
fn truncated(right: &Right, printed: &Printed<'_>) -> bool {
    let padded = &right.padded;
    let Some(cut) = padded.len().checked_sub(16).filter(|cut| *cut >= 32) else {
        return false;
    };
    if cut >= right.plain_len {
        return false;
    }
    match (padded.get(..cut), padded.get(cut)) {
        (Some(shown), Some(next)) => printed.shows_ending(shown, *next),
        _ => false,
    }
}

/// The right plaintext from byte 17 on, printed after a first block of 16 other bytes: CBC with
/// some IV. The IV is that block XOR the right first block. Views where the block went through a
/// lossy text reading (U+FFFD bytes in it) cannot give the IV back.
fn any_iv(material: &Material, right: &Right, printed: &Printed<'_>) -> Option<IvKind> {
    let plain = right.plain();
    let (head, rest) = (plain.get(..16)?, plain.get(16..)?);
    if rest.len() < MIN_OUTPUT {
        return None;
    }
    for view in &printed.views.bytes {
        let Some(first) = first_block(view, plain.len(), rest) else {
            continue;
        };
        if first == head || memmem::find(first, "\u{fffd}".as_bytes()).is_some() {
            continue;
        }
        let iv: Vec<u8> = first.iter().zip(head).map(|(a, b)| a ^ b).collect();
        let kind = wrong_ivs(material)
            .into_iter()
            .find(|(known, _)| known.as_slice() == iv.as_slice())
            .map_or(IvKind::Random, |(_, kind)| kind);
        return Some(kind);
    }
    lossy_first_block(plain, printed).then_some(IvKind::Unrecoverable)
}

/// The right plaintext from byte 17 on, printed as text after up to 16 characters of a garbled
/// first block (replacement or control characters in it): the IV cannot be read back, but only a
/// wrong IV garbles the first block alone.
fn lossy_first_block(plain: &[u8], printed: &Printed<'_>) -> bool {
    let (Some(head), Some(rest)) = (plain.get(..16), plain.get(16..)) else {
        return false;
    };
    let (Ok(head), Ok(rest)) = (std::str::from_utf8(head), std::str::from_utf8(rest)) else {
        return false;
    };
    if rest.len() < MIN_OUTPUT {
        return false;
    }
    printed.text.iter().any(|view| {
        view.match_indices(rest).any(|(at, _)| {
            let before = view.get(..at).unwrap_or_default();
            let line = before.rsplit('\n').next().unwrap_or_default();
            let block: String = {
                let mut tail: Vec<char> = line.chars().rev().take(16).collect();
                tail.reverse();
                tail.into_iter().collect()
            };
            !block.ends_with(head)
                && block
                    .chars()
                    .any(|ch| ch == '?' || (ch.is_control() && ch != '\t'))
        })
    })
}

/// The 16 bytes printed in front of `rest` in `view`.
fn first_block<'v>(
    view: &'v crate::features::explain::dump::ByteView,
    plain_len: usize,
    rest: &[u8],
) -> Option<&'v [u8]> {
    match view.full_len {
        Some(full) if full == plain_len && view.bytes.len() >= 32 => {
            let shown = view.bytes.get(16..)?;
            (rest.get(..shown.len()) == Some(shown))
                .then(|| view.bytes.get(..16))
                .flatten()
        }
        Some(_) => None,
        None => memmem::find_iter(&view.bytes, rest)
            .filter_map(|at| view.bytes.get(at.checked_sub(16)?..at))
            .next(),
    }
}
