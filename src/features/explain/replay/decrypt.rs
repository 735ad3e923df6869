//! Replays of the decryption side: the lengths a printed error names, the errors each wrong
//! procedure ends in, and (in [`outputs`]) the bytes each one prints.

mod errors;
mod outputs;

use super::compare::Printed;
use super::{Material, Verdict, Verdicts, reproduced};
use crate::features::explain::facts::Facts;
use crate::features::explain::{CauseCode, Confidence, Replayed, Variant, cause::Side};

/// Runs the decryption-side replays the inputs allow.
pub fn run(material: &Material, printed: &Printed<'_>, facts: &Facts, verdicts: &mut Verdicts) {
    lengths(material, facts, verdicts);
    response_spaces(material, printed, verdicts);
    let Some(right) = &material.right else {
        return;
    };
    let before = verdicts.len();
    outputs::run(material, right, printed, verdicts);
    let reproduced_output = verdicts.get(before..).is_some_and(|found| {
        found
            .iter()
            .any(|(code, verdict)| code.side() == Side::Decryption && is_reproduced(verdict))
    });
    errors::run(material, facts, verdicts);
    json_positions(right, facts, verdicts);
    let charset = super::charset::printed_with(right.plain(), printed);
    if let Some(charset) = charset {
        reproduced(
            verdicts,
            CauseCode::CharsetNotUtf8,
            Confidence::Exact,
            Replayed::Charset { charset },
        );
    }
    // An output that shows the right plaintext (as it is, or through another charset) is a
    // working decryption, whatever else it holds.
    let shows_right = charset.is_some()
        || printed.shows(right.plain())
        || std::str::from_utf8(right.plain()).is_ok_and(|text| printed.says(text));
    if facts.garbage && !reproduced_output && !shows_right {
        verdicts.push((
            CauseCode::AesWrongKey,
            Verdict::Consistent {
                evidence: Some(Replayed::NoMatch),
            },
        ));
    }
}

fn is_reproduced(verdict: &Verdict) -> bool {
    matches!(verdict, Verdict::Reproduced { .. })
}

/// The key lengths a printed error names, against the key text and the ciphertext.
fn lengths(material: &Material, facts: &Facts, verdicts: &mut Verdicts) {
    if let Some(aes) = &material.aes {
        let text_len = aes.text.len() as u64;
        for &length in &facts.key_lengths {
            let raw_len = aes.raw.len() as u64;
            let with_break = length == text_len + 1
                || length == text_len + 2
                || (length == raw_len && raw_len > text_len);
            if with_break {
                let evidence = Replayed::KeyNewline { bytes: length };
                reproduced(
                    verdicts,
                    CauseCode::AesKeyTrailingNewline,
                    Confidence::Exact,
                    evidence.clone(),
                );
                reproduced(
                    verdicts,
                    CauseCode::AesKeyNotBase64Decoded,
                    Confidence::Exact,
                    evidence,
                );
            } else if length == text_len {
                reproduced(
                    verdicts,
                    CauseCode::AesKeyNotBase64Decoded,
                    Confidence::Exact,
                    Replayed::SameMessage {
                        variant: Variant::KeyText,
                    },
                );
            } else {
                verdicts.push((CauseCode::AesKeyTrailingNewline, Verdict::Refuted));
                verdicts.push((CauseCode::AesKeyNotBase64Decoded, Verdict::Refuted));
            }
        }
        if facts.key_length_unnumbered {
            if aes.text.len() == 16 {
                verdicts.push((CauseCode::AesKeyNotBase64Decoded, Verdict::Refuted));
            } else {
                reproduced(
                    verdicts,
                    CauseCode::AesKeyNotBase64Decoded,
                    Confidence::Likely,
                    Replayed::SameMessage {
                        variant: Variant::KeyTextAes128,
                    },
                );
            }
        }
    }
    ciphertext_lengths(material, facts, verdicts);
}

/// The ciphertext's lengths against a printed key length and a block-length error.
fn ciphertext_lengths(material: &Material, facts: &Facts, verdicts: &mut Verdicts) {
    if let (Some(ciphertext), Some(b64)) = (&material.ciphertext, &material.ciphertext_b64) {
        for &length in &facts.key_lengths {
            if length == ciphertext.len() as u64 || length == b64.len() as u64 {
                reproduced(
                    verdicts,
                    CauseCode::AesArgsSwapped,
                    Confidence::Exact,
                    Replayed::ArgsSwapped { bytes: length },
                );
            } else {
                verdicts.push((CauseCode::AesArgsSwapped, Verdict::Refuted));
            }
        }
        if facts.block_length {
            if b64.len().is_multiple_of(16) {
                verdicts.push((CauseCode::CiphertextNotDecoded, Verdict::Refuted));
            } else {
                reproduced(
                    verdicts,
                    CauseCode::CiphertextNotDecoded,
                    Confidence::Likely,
                    Replayed::CiphertextNotDecoded {
                        input_length: b64.len(),
                    },
                );
            }
            if !b64.contains('+') {
                verdicts.push((CauseCode::ResponsePlusToSpace, Verdict::Refuted));
            }
        }
    }
}

/// `response` printed with spaces where it has `+`.
fn response_spaces(material: &Material, printed: &Printed<'_>, verdicts: &mut Verdicts) {
    let Some(b64) = &material.ciphertext_b64 else {
        return;
    };
    if !b64.contains('+') {
        return;
    }
    let spaced = b64.replace('+', " ");
    // The value printed with its spaces, or what a base64 decoder printed for it.
    let decoder_said = || {
        super::b64sim::sayings(spaced.as_bytes())
            .iter()
            .any(|(message, reading)| {
                !matches!(reading, super::b64sim::Reading::Length(_)) && printed.says(message)
            })
    };
    if printed.says(&spaced) || decoder_said() {
        reproduced(
            verdicts,
            CauseCode::ResponsePlusToSpace,
            Confidence::Exact,
            Replayed::PlusToSpaceResponse,
        );
    }
}

/// A JSON parser's complaint at a position: where the right plaintext ends (the padding follows
/// it), or where its last block starts (`update()` alone).
fn json_positions(right: &super::Right, facts: &Facts, verdicts: &mut Verdicts) {
    // Parsers count bytes, characters (Python) or UTF-16 units (JavaScript).
    let text = String::from_utf8_lossy(right.plain());
    let ends = [
        right.plain_len,
        text.chars().count(),
        text.encode_utf16().count(),
    ];
    if let Some(at) = facts.json_extra_at {
        if ends.iter().any(|end| at == *end as u64) {
            let pad = right.padded.last().copied().unwrap_or(0);
            reproduced(
                verdicts,
                CauseCode::AesPaddingNotRemoved,
                Confidence::Exact,
                Replayed::PaddingLeft {
                    pad_value: pad,
                    pad_count: usize::from(pad),
                },
            );
        } else {
            verdicts.push((CauseCode::AesPaddingNotRemoved, Verdict::Refuted));
        }
    }
    if let Some(at) = facts.json_cut_at {
        let cut = right.padded.len().saturating_sub(16);
        let shown = String::from_utf8_lossy(right.plain().get(..cut).unwrap_or_default());
        let cut_ends = [cut, shown.chars().count(), shown.encode_utf16().count()];
        if cut < right.plain_len && cut_ends.iter().any(|end| at == *end as u64) {
            reproduced(
                verdicts,
                CauseCode::AesOutputTruncated,
                Confidence::Exact,
                Replayed::Truncated { cut_length: cut },
            );
        } else {
            verdicts.push((CauseCode::AesOutputTruncated, Verdict::Refuted));
        }
    }
}
