//! Every visible string of the window and the text report, in Chinese and English, from
//! `assets/i18n.toml`. Finding texts live in `assets/hints.toml` (see [`crate::domain::hints`]).

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::hints::Lang;
use super::report::{Opening, Severity, SignatureStatus};

const I18N_TOML: &str = include_str!("../../assets/i18n.toml");

#[derive(Debug, Deserialize)]
struct Entry {
    zh: String,
    en: String,
}

fn table() -> &'static HashMap<String, Entry> {
    static TABLE: OnceLock<HashMap<String, Entry>> = OnceLock::new();
    TABLE.get_or_init(|| toml::from_str(I18N_TOML).unwrap_or_default())
}

/// The text for `key` in `lang`; the key itself when missing (a test keeps that from happening).
pub fn tr(key: &'static str, lang: Lang) -> &'static str {
    table().get(key).map_or(key, |entry| match lang {
        Lang::Zh => entry.zh.as_str(),
        Lang::En => entry.en.as_str(),
    })
}

/// True when the table has `key` (the architecture test checks every `tr` call with it).
pub fn has_key(key: &str) -> bool {
    table().contains_key(key)
}

/// The mark shown before a severity word; with the word, severity is never told by colour alone.
pub fn severity_mark(severity: Severity) -> &'static str {
    match severity {
        Severity::Ok => "✓",
        Severity::Info => "i",
        Severity::Warning => "⚠",
        Severity::Error => "×",
    }
}

/// Mark and word, e.g. `✓ OK` or `× 错误`.
pub fn severity_label(severity: Severity, lang: Lang) -> String {
    let key = match severity {
        Severity::Ok => "sev_ok",
        Severity::Info => "sev_info",
        Severity::Warning => "sev_warning",
        Severity::Error => "sev_error",
    };
    format!("{} {}", severity_mark(severity), tr(key, lang))
}

/// The key of a signature status word.
pub fn status_key(status: SignatureStatus) -> &'static str {
    match status {
        SignatureStatus::Valid => "sig_valid",
        SignatureStatus::Invalid => "sig_invalid",
        SignatureStatus::Missing => "sig_missing",
        SignatureStatus::NotChecked => "sig_not_checked",
    }
}

/// The key of the sentence that explains an opening result.
pub fn opening_key(opening: Opening) -> &'static str {
    match opening {
        Opening::NotWellFormed => "opening_not_well_formed",
        Opening::DigestMismatch => "opening_digest_mismatch",
        Opening::OtherAlgorithm => "opening_other_algorithm",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_has_both_languages() {
        assert!(!table().is_empty());
        for (key, entry) in table() {
            assert!(
                !entry.zh.trim().is_empty() && !entry.en.trim().is_empty(),
                "{key}"
            );
        }
    }
}
