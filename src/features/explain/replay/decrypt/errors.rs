//! The printed errors of the decryption side (a padding check, Go's unchecked unpadding, an
//! empty CryptoJS result or `Malformed UTF-8 data`) against each wrong procedure.

use super::super::aes::{Cipher, CryptoJs, cryptojs_result, unpad_naive, unpad_strict};
use super::super::{Material, Verdict, Verdicts, reproduced};
use crate::features::explain::facts::Facts;
use crate::features::explain::{CauseCode, Confidence, Replayed, Variant};

/// The wrong procedures whose raw blocks can end in a printed error.
fn raw_variants(material: &Material) -> Vec<(CauseCode, Variant, zeroize::Zeroizing<Vec<u8>>)> {
    let mut out = Vec::new();
    let (Some(aes), Some(ciphertext)) = (&material.aes, &material.ciphertext) else {
        return out;
    };
    if let Some(raw) = aes
        .key
        .as_ref()
        .and_then(|key| Cipher::new(key))
        .and_then(|cipher| cipher.decrypt_raw(ciphertext, None))
    {
        out.push((CauseCode::AesEcbMode, Variant::Ecb, raw));
    }
    if let Some(raw) = Cipher::new(aes.text.as_bytes())
        .and_then(|cipher| cipher.decrypt_raw(ciphertext, Some(&[0; 16])))
    {
        out.push((CauseCode::AesKeyNotBase64Decoded, Variant::KeyText, raw));
    }
    if let Some(raw) = aes
        .text
        .as_bytes()
        .get(..16)
        .and_then(Cipher::new)
        .and_then(|cipher| cipher.decrypt_raw(ciphertext, Some(&[0; 16])))
    {
        out.push((CauseCode::AesKeyNotBase64Decoded, Variant::KeyTextCut, raw));
    }
    out
}

/// The printed errors (padding, Go's panic, CryptoJS's results) against each wrong procedure.
pub fn run(material: &Material, facts: &Facts, verdicts: &mut Verdicts) {
    let variants = raw_variants(material);
    // A cause is refuted only when none of its variants ends in the printed error.
    let mut tried: Vec<(CauseCode, bool)> = Vec::new();
    for (code, variant, raw) in &variants {
        let fits = if let Some(negative) = facts.negative_length {
            (unpad_naive(raw) == Err(negative)).then_some(Confidence::Exact)
        } else if facts.padding_error {
            unpad_strict(raw).is_none().then_some(Confidence::Likely)
        } else {
            continue;
        };
        if let Some(confidence) = fits {
            reproduced(
                verdicts,
                *code,
                confidence,
                Replayed::SameError { variant: *variant },
            );
        }
        match tried.iter_mut().find(|(tried_code, _)| tried_code == code) {
            Some((_, any)) => *any |= fits.is_some(),
            None => tried.push((*code, fits.is_some())),
        }
    }
    for (code, any) in tried {
        if !any {
            verdicts.push((code, Verdict::Refuted));
        }
    }
    if facts.padding_error {
        verdicts.push((
            CauseCode::AesWrongKey,
            Verdict::Consistent { evidence: None },
        ));
        ciphertext_text(material, verdicts);
    }
    if facts.empty_result || facts.malformed_utf8 {
        cryptojs(&variants, facts, verdicts);
    }
}

/// A padding error from the base64 text decrypted as bytes: only when the text is whole blocks
/// (else the block length check fails first) and its padding check fails.
fn ciphertext_text(material: &Material, verdicts: &mut Verdicts) {
    let (Some(aes), Some(b64)) = (&material.aes, &material.ciphertext_b64) else {
        return;
    };
    let raw = aes
        .key
        .as_ref()
        .and_then(|key| Cipher::new(key))
        .and_then(|cipher| cipher.decrypt_raw(b64.as_bytes(), Some(&[0; 16])));
    let verdict = match raw {
        Some(raw) if unpad_strict(&raw).is_none() => Verdict::Reproduced {
            confidence: Confidence::Likely,
            evidence: Replayed::SameError {
                variant: Variant::CiphertextText,
            },
        },
        _ => Verdict::Refuted,
    };
    verdicts.push((CauseCode::CiphertextNotDecoded, verdict));
}

/// `""` and `Malformed UTF-8 data`: the CryptoJS replay with the key text (deterministic) and
/// passphrase mode (a random salt: anything of that shape).
fn cryptojs(
    variants: &[(CauseCode, Variant, zeroize::Zeroizing<Vec<u8>>)],
    facts: &Facts,
    verdicts: &mut Verdicts,
) {
    verdicts.push((
        CauseCode::AesCryptojsPassphrase,
        Verdict::Consistent { evidence: None },
    ));
    let Some((_, _, raw)) = variants
        .iter()
        .find(|(_, variant, _)| *variant == Variant::KeyText)
    else {
        return;
    };
    let result = cryptojs_result(raw);
    let fits = match result {
        // One deterministic key cannot give both results.
        _ if facts.empty_result && facts.malformed_utf8 => false,
        CryptoJs::Empty => facts.empty_result,
        CryptoJs::Malformed => facts.malformed_utf8,
        CryptoJs::Text(_) => false,
    };
    if fits {
        reproduced(
            verdicts,
            CauseCode::AesKeyNotBase64Decoded,
            Confidence::Likely,
            Replayed::CryptojsDeterministic,
        );
    } else {
        verdicts.push((CauseCode::AesKeyNotBase64Decoded, Verdict::Refuted));
    }
}
