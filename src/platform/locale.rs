//! The system's language, for the default UI and report language.

use crate::i18n::Lang;

/// Chinese when the system locale is Chinese, else English.
pub fn system_lang() -> Lang {
    sys_locale::get_locale().map_or(Lang::En, |locale| Lang::from_locale(&locale))
}
