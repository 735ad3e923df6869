//! A server-check finding's title and fix in a language: the texts of
//! `assets/i18n/server_check.toml` (`server_check.<code>.title`, `server_check.<code>.fix`).

use super::{Lang, tr};
use crate::features::server_check::ServerCode;

/// The wording key of a code's title.
pub fn title_key(code: ServerCode) -> String {
    format!("server_check.{}.title", code.as_str())
}

/// The wording key of a code's fix.
pub fn fix_key(code: ServerCode) -> String {
    format!("server_check.{}.fix", code.as_str())
}

/// The code's title.
pub fn title(code: ServerCode, lang: Lang) -> &'static str {
    tr(&title_key(code), lang)
}

/// The code's remediation.
pub fn remediation(code: ServerCode, lang: Lang) -> &'static str {
    tr(&fix_key(code), lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::has_key;

    #[test]
    fn every_code_has_both_texts() {
        for code in ServerCode::ALL {
            assert!(has_key(&title_key(*code)), "{code:?}");
            assert!(has_key(&fix_key(*code)), "{code:?}");
        }
    }
}
