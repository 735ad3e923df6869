//! A short text in both display languages, for domain data that carries its own wording
//! (scenario titles, checklist items, report headings).

use serde::Serialize;

use super::hints::Lang;

/// The same text in Simplified Chinese and in English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Bilingual {
    /// Simplified Chinese.
    pub zh: &'static str,
    /// English.
    pub en: &'static str,
}

impl Bilingual {
    /// A text from its two translations.
    pub const fn new(zh: &'static str, en: &'static str) -> Self {
        Self { zh, en }
    }

    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}
