//! Titles and remediation texts in Chinese and English, from `assets/hints.toml`, keyed by
//! finding code. The table is compiled into the binary; nothing is read at run time.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::report::Finding;

const HINTS_TOML: &str = include_str!("../../assets/hints.toml");

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

/// One entry of the hint table.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct HintText {
    /// Chinese title.
    pub title_zh: String,
    /// English title.
    pub title_en: String,
    /// Chinese remediation.
    pub remediation_zh: String,
    /// English remediation.
    pub remediation_en: String,
}

/// The parsed table. A malformed table (caught by the tests) yields an empty map, never a panic.
pub fn table() -> &'static HashMap<String, HintText> {
    static TABLE: OnceLock<HashMap<String, HintText>> = OnceLock::new();
    TABLE.get_or_init(|| toml::from_str(HINTS_TOML).unwrap_or_default())
}

/// The finding's title, with its parameters filled in.
pub fn title(finding: &Finding, lang: Lang) -> String {
    let text = table().get(finding.code.as_str()).map(|hint| match lang {
        Lang::Zh => hint.title_zh.as_str(),
        Lang::En => hint.title_en.as_str(),
    });
    fill(text.unwrap_or(finding.code.as_str()), finding)
}

/// The finding's remediation, with its parameters filled in.
pub fn remediation(finding: &Finding, lang: Lang) -> String {
    let text = table().get(finding.code.as_str()).map(|hint| match lang {
        Lang::Zh => hint.remediation_zh.as_str(),
        Lang::En => hint.remediation_en.as_str(),
    });
    fill(text.unwrap_or_default(), finding)
}

/// Replaces `{name}` with the parameter's value; unknown placeholders become `?`.
fn fill(template: &str, finding: &Finding) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, after) = rest.split_at(open);
        out.push_str(before);
        let Some(close) = after.find('}') else {
            out.push_str(after);
            return out;
        };
        let name = after.get(1..close).unwrap_or_default();
        out.push_str(finding.param(name).unwrap_or("?"));
        rest = after.get(close + 1..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::codes::FindingCode;

    #[test]
    fn every_code_has_both_languages() {
        let table = table();
        for code in FindingCode::ALL {
            let hint = table
                .get(code.as_str())
                .unwrap_or_else(|| panic!("no hint for {}", code.as_str()));
            for text in [
                &hint.title_zh,
                &hint.title_en,
                &hint.remediation_zh,
                &hint.remediation_en,
            ] {
                assert!(!text.trim().is_empty(), "empty text for {}", code.as_str());
            }
        }
        assert_eq!(
            table.len(),
            FindingCode::ALL.len(),
            "the table has codes the program does not know"
        );
    }

    #[test]
    fn fills_parameters() {
        let finding = Finding::new(FindingCode::AesKeyInvalid)
            .with("bytes", 25)
            .with("classification", "x");
        assert!(title(&finding, Lang::En).contains("25"));
        assert_eq!(fill("a {missing} b", &finding), "a ? b");
    }

    #[test]
    fn picks_language_from_locale() {
        assert_eq!(Lang::from_locale("zh_CN.UTF-8"), Lang::Zh);
        assert_eq!(Lang::from_locale("en-US"), Lang::En);
    }
}
