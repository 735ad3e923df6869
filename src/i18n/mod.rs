//! The only place words are chosen: every visible text, in Chinese and English, comes from the
//! data files under `assets/i18n/` ([`tr`]); finding titles and fixes are filled from the
//! finding's typed parameters ([`findings`]). No other module holds a visible sentence.

use crate::domain::report::{Opening, Severity, SignatureStatus};

pub mod explain;
pub mod findings;
pub mod server_check;
mod table;

pub use table::{both, fill, fill_with, has_key, keys, problems, tr};

/// A display language.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Simplified Chinese.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// `zh` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Zh => "zh",
            Self::En => "en",
        }
    }

    /// Picks a language from a locale name such as `zh-CN` or `en_US.UTF-8`.
    pub fn from_locale(locale: &str) -> Self {
        if locale.to_ascii_lowercase().starts_with("zh") {
            Self::Zh
        } else {
            Self::En
        }
    }
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
        Severity::Ok => "report.sev_ok",
        Severity::Info => "report.sev_info",
        Severity::Warning => "report.sev_warning",
        Severity::Error => "report.sev_error",
    };
    format!("{} {}", severity_mark(severity), tr(key, lang))
}

/// The key of a signature status word.
pub fn status_key(status: SignatureStatus) -> &'static str {
    match status {
        SignatureStatus::Valid => "report.sig_valid",
        SignatureStatus::Invalid => "report.sig_invalid",
        SignatureStatus::Missing => "report.sig_missing",
        SignatureStatus::NotChecked => "report.sig_not_checked",
    }
}

/// The key of the sentence that explains an opening result.
pub fn opening_key(opening: Opening) -> &'static str {
    match opening {
        Opening::NotWellFormed => "report.opening_not_well_formed",
        Opening::DigestMismatch => "report.opening_digest_mismatch",
        Opening::OtherAlgorithm => "report.opening_other_algorithm",
    }
}
