//! Every visible string of the window and the text report, in Chinese and English, from
//! `assets/i18n.toml`. Finding texts live in `assets/hints.toml` (see [`crate::domain::hints`]).

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::domain::Lang;

const I18N_TOML: &str = include_str!("../assets/i18n.toml");

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

    /// Every `tr("…")` call in the sources names an existing key.
    #[test]
    fn every_used_key_exists() {
        let mut missing = Vec::new();
        for dir in ["src", "src/cli", "src/ui"] {
            let Ok(entries) = std::fs::read_dir(dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let Ok(source) = std::fs::read_to_string(entry.path()) else {
                    continue;
                };
                let pieces: Vec<&str> = source.split("tr(\"").collect();
                for (before, piece) in pieces.iter().zip(pieces.iter().skip(1)) {
                    // Only calls of `tr` itself, not of `push_str(` and the like.
                    if before
                        .chars()
                        .last()
                        .is_some_and(|ch| ch.is_alphanumeric() || ch == '_')
                    {
                        continue;
                    }
                    let key = piece.split('"').next().unwrap_or_default();
                    if !key.is_empty() && !key.contains('…') && !table().contains_key(key) {
                        missing.push(format!("{}: {key}", entry.path().display()));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "missing i18n keys: {missing:?}");
    }
}
