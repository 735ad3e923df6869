//! The words of `explain`: a cause's title and fix (`explain.<code>.title|fix`), and each piece of
//! evidence with its typed values filled in (`explain.evidence.…`, `explain.variant.…`,
//! `explain.evidence.iv_kind.…`), from `assets/i18n/explain.toml`.

use super::{Lang, fill, tr};
use crate::features::explain::{CauseCode, Confidence, Evidence, IvKind, Replayed, Variant};

/// The wording key of a cause's title.
pub fn title_key(code: CauseCode) -> String {
    format!("explain.{}.title", code.as_str())
}

/// The wording key of a cause's fix.
pub fn fix_key(code: CauseCode) -> String {
    format!("explain.{}.fix", code.as_str())
}

/// A cause's title.
pub fn title(code: CauseCode, lang: Lang) -> &'static str {
    tr(&title_key(code), lang)
}

/// A cause's fix.
pub fn remediation(code: CauseCode, lang: Lang) -> &'static str {
    tr(&fix_key(code), lang)
}

/// `确定` / `exact`, `可能` / `likely`.
pub fn confidence(confidence: Confidence, lang: Lang) -> &'static str {
    match confidence {
        Confidence::Exact => tr("explain.label.exact", lang),
        Confidence::Likely => tr("explain.label.likely", lang),
    }
}

/// The wording key of a variant.
pub fn variant_key(variant: Variant) -> &'static str {
    match variant {
        Variant::Ecb => "explain.variant.ecb",
        Variant::KeyText => "explain.variant.key_text",
        Variant::KeyTextAes128 => "explain.variant.key_text_aes128",
        Variant::KeyTextCut => "explain.variant.key_text_cut",
        Variant::KeyFileText => "explain.variant.key_file_text",
        Variant::CiphertextText => "explain.variant.ciphertext_text",
        Variant::SignSpacesStrict => "explain.variant.sign_spaces_strict",
        Variant::SignSpacesSkipped => "explain.variant.sign_spaces_skipped",
        Variant::PublicKeyTextDecoded => "explain.variant.public_key_text_decoded",
    }
}

/// The wording key of an IV kind.
pub fn iv_kind_key(kind: IvKind) -> &'static str {
    match kind {
        IvKind::Key => "explain.evidence.iv_kind.key",
        IvKind::KeyText => "explain.evidence.iv_kind.key_text",
        IvKind::AsciiZeros => "explain.evidence.iv_kind.ascii_zeros",
        IvKind::Random => "explain.evidence.iv_kind.random",
        IvKind::Unrecoverable => "explain.evidence.iv_kind.unrecoverable",
    }
}

/// One piece of evidence as a sentence.
pub fn evidence(item: &Evidence, lang: Lang) -> String {
    match item {
        Evidence::Text {
            key,
            matched,
            numbers,
        } => {
            let numbers: Vec<(String, String)> = numbers
                .iter()
                .map(|(name, value)| (name.clone(), value.to_string()))
                .collect();
            let mut values: Vec<(&str, &str)> = vec![("matched", matched.as_str())];
            values.extend(
                numbers
                    .iter()
                    .map(|(name, value)| (name.as_str(), value.as_str())),
            );
            fill(tr(key, lang), &values)
        }
        Evidence::Replay(found) => replayed(found, lang),
    }
}

fn replayed(found: &Replayed, lang: Lang) -> String {
    let (key, values) =
        decryption_words(found, lang).unwrap_or_else(|| signature_words(found, lang));
    let values: Vec<(&str, &str)> = values
        .iter()
        .map(|(name, value)| (*name, value.as_str()))
        .collect();
    fill(tr(key, lang), &values)
}

/// A key and its values.
type Words = (&'static str, Vec<(&'static str, String)>);

/// The evidence of the decryption-side replays; `None` for the others.
fn decryption_words(found: &Replayed, lang: Lang) -> Option<Words> {
    Some(match found {
        Replayed::Ecb => ("explain.evidence.replay.ecb", vec![]),
        Replayed::WrongIv { readable_from, iv } => (
            "explain.evidence.replay.wrong_iv",
            vec![
                ("readable_from", readable_from.to_string()),
                ("iv_kind", tr(iv_kind_key(*iv), lang).to_owned()),
            ],
        ),
        Replayed::PaddingLeft {
            pad_value,
            pad_count,
        } => (
            "explain.evidence.replay.padding_left",
            vec![
                ("pad_value", format!("{pad_value:02X}")),
                ("pad_count", pad_count.to_string()),
            ],
        ),
        Replayed::Truncated { cut_length } => (
            "explain.evidence.replay.truncated",
            vec![("cut_length", cut_length.to_string())],
        ),
        Replayed::Encrypt {
            output_length,
            input_length,
        } => (
            "explain.evidence.replay.encrypt",
            vec![
                ("output_length", output_length.to_string()),
                ("input_length", input_length.to_string()),
            ],
        ),
        Replayed::KeyText => ("explain.evidence.replay.key_text", vec![]),
        Replayed::KeyTextCut => ("explain.evidence.replay.key_text_cut", vec![]),
        Replayed::KeyNewline { bytes } => (
            "explain.evidence.replay.key_newline",
            vec![("bytes", bytes.to_string())],
        ),
        Replayed::ArgsSwapped { bytes } => (
            "explain.evidence.replay.args_swapped",
            vec![("bytes", bytes.to_string())],
        ),
        Replayed::SameError { variant } => (
            "explain.evidence.replay.same_error",
            vec![("variant", tr(variant_key(*variant), lang).to_owned())],
        ),
        Replayed::SameMessage { variant } => (
            "explain.evidence.replay.same_message",
            vec![("variant", tr(variant_key(*variant), lang).to_owned())],
        ),
        Replayed::Charset { charset } => (
            "explain.evidence.replay.charset",
            vec![("charset", charset.name().to_owned())],
        ),
        Replayed::NoMatch => ("explain.evidence.replay.no_match", vec![]),
        Replayed::CryptojsDeterministic => {
            ("explain.evidence.replay.cryptojs_deterministic", vec![])
        }
        Replayed::CiphertextNotDecoded { input_length } => (
            "explain.evidence.replay.ciphertext_not_decoded",
            vec![("input_length", input_length.to_string())],
        ),
        Replayed::PlusToSpaceResponse => ("explain.evidence.replay.plus_to_space_response", vec![]),
        _ => return None,
    })
}

/// The evidence of the signature-side replays and the shared ones.
fn signature_words(found: &Replayed, lang: Lang) -> Words {
    match found {
        Replayed::PlusToSpaceSign { plus_count, got } => (
            "explain.evidence.replay.plus_to_space_sign",
            vec![
                ("plus_count", plus_count.to_string()),
                ("got", got.to_string()),
            ],
        ),
        Replayed::SignUnquoted => ("explain.evidence.replay.sign_unquoted", vec![]),
        Replayed::SignSha1 => ("explain.evidence.replay.sign_sha1", vec![]),
        Replayed::SignDataRight => ("explain.evidence.replay.sign_data_right", vec![]),
        Replayed::OpeningNoBlock => ("explain.evidence.replay.opening_no_block", vec![]),
        Replayed::KeyFilePrivate { key_kind } => (
            "explain.evidence.replay.key_file_private",
            vec![("key_kind", tr(key_kind.key(), lang).to_owned())],
        ),
        Replayed::KeyFilePkcs1 => ("explain.evidence.replay.key_file_pkcs1", vec![]),
        Replayed::SignAbsent => ("explain.evidence.replay.sign_absent", vec![]),
        // Worded by `decryption_words`.
        _ => ("explain.evidence.replay.no_match", vec![]),
    }
}

/// Every key built from the cause and variant tables (for the wording tests).
pub fn built_keys() -> Vec<String> {
    let mut keys = Vec::new();
    for code in CauseCode::ALL {
        keys.push(title_key(*code));
        keys.push(fix_key(*code));
    }
    keys.extend(
        crate::features::explain::rules::evidence_keys()
            .into_iter()
            .map(str::to_owned),
    );
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::explain::Charset;
    use crate::i18n::has_key;

    #[test]
    fn every_cause_and_data_file_key_is_worded() {
        for key in built_keys() {
            assert!(has_key(&key), "{key} is missing");
        }
    }

    #[test]
    fn fills_typed_values_in_both_languages() {
        let iv = Evidence::Replay(Replayed::WrongIv {
            readable_from: 17,
            iv: IvKind::AsciiZeros,
        });
        assert!(evidence(&iv, Lang::En).contains("0000000000000000"));
        assert!(evidence(&iv, Lang::Zh).contains("17"));
        let charset = Evidence::Replay(Replayed::Charset {
            charset: Charset::Gbk,
        });
        assert!(evidence(&charset, Lang::Zh).contains("GBK"));
        let text = Evidence::Text {
            key: "explain.evidence.sign_length_short",
            matched: "got 249 but was expecting 256".to_owned(),
            numbers: vec![("got".to_owned(), 249), ("expected".to_owned(), 256)],
        };
        let sentence = evidence(&text, Lang::En);
        assert!(sentence.contains("249 bytes instead of 256"), "{sentence}");
        assert!(!sentence.contains('{'));
    }
}
