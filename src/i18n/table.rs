//! The wording tables: every file of `assets/i18n/`, compiled in, read once into one map from key
//! to text. A file is a TOML table; every text is a leaf table with exactly the keys `zh` and
//! `en`, and its key is the file's namespace plus the TOML path, joined with dots
//! (`[item.button.label]` in `checklist.toml` is `checklist.item.button.label`).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::Lang;

/// The wording files and their namespaces. A new file is added here and nowhere else.
const FILES: &[(&str, &str)] = &[
    ("browser", include_str!("../../assets/i18n/browser.toml")),
    (
        "checklist",
        include_str!("../../assets/i18n/checklist.toml"),
    ),
    ("cli", include_str!("../../assets/i18n/cli.toml")),
    ("error", include_str!("../../assets/i18n/error.toml")),
    ("explain", include_str!("../../assets/i18n/explain.toml")),
    ("finding", include_str!("../../assets/i18n/finding.toml")),
    ("notice", include_str!("../../assets/i18n/notice.toml")),
    ("profile", include_str!("../../assets/i18n/profile.toml")),
    ("report", include_str!("../../assets/i18n/report.toml")),
    ("scan", include_str!("../../assets/i18n/scan.toml")),
    ("scenario", include_str!("../../assets/i18n/scenario.toml")),
    (
        "server_check",
        include_str!("../../assets/i18n/server_check.toml"),
    ),
    ("term", include_str!("../../assets/i18n/term.toml")),
    ("ui", include_str!("../../assets/i18n/ui.toml")),
    ("web", include_str!("../../assets/i18n/web.toml")),
];

/// One text in both languages.
#[derive(Debug)]
struct Text {
    zh: String,
    en: String,
}

/// The loaded texts, and what was wrong with the files (the tests require none).
#[derive(Debug, Default)]
struct Table {
    texts: HashMap<String, Text>,
    problems: Vec<String>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(load)
}

fn load() -> Table {
    let mut table = Table::default();
    for (namespace, text) in FILES {
        match text.parse::<toml::Table>() {
            Ok(parsed) => flatten(namespace, &parsed, &mut table),
            Err(error) => table
                .problems
                .push(format!("{namespace}: {}", error.message())),
        }
    }
    table
}

fn flatten(prefix: &str, parsed: &toml::Table, table: &mut Table) {
    for (name, value) in parsed {
        let key = format!("{prefix}.{name}");
        let Some(inner) = value.as_table() else {
            table.problems.push(format!("{key}: not a table"));
            continue;
        };
        let zh = inner.get("zh").and_then(toml::Value::as_str);
        let en = inner.get("en").and_then(toml::Value::as_str);
        match (zh, en) {
            (Some(zh), Some(en)) if inner.len() == 2 => {
                let text = Text {
                    zh: zh.to_owned(),
                    en: en.to_owned(),
                };
                if table.texts.insert(key.clone(), text).is_some() {
                    table.problems.push(format!("{key}: defined twice"));
                }
            }
            (None, None) => flatten(&key, inner, table),
            _ => table
                .problems
                .push(format!("{key}: a text needs exactly `zh` and `en`")),
        }
    }
}

/// The text for `key` in `lang`; `?` when it is missing (the tests keep every key the program
/// uses present).
pub fn tr(key: &str, lang: Lang) -> &'static str {
    table().texts.get(key).map_or("?", |text| match lang {
        Lang::Zh => text.zh.as_str(),
        Lang::En => text.en.as_str(),
    })
}

/// True when the table has `key`.
pub fn has_key(key: &str) -> bool {
    table().texts.contains_key(key)
}

/// Every key, sorted (for the wording tests).
pub fn keys() -> Vec<&'static str> {
    let mut keys: Vec<&'static str> = table().texts.keys().map(String::as_str).collect();
    keys.sort_unstable();
    keys
}

/// Problems found while reading the files: malformed TOML, a leaf without both languages, a key
/// defined twice. Empty in a correct build.
pub fn problems() -> &'static [String] {
    &table().problems
}

/// Both languages of `key`, for the wording tests.
pub fn both(key: &str) -> Option<(&'static str, &'static str)> {
    table()
        .texts
        .get(key)
        .map(|text| (text.zh.as_str(), text.en.as_str()))
}

/// Replaces `{name}` in `template` with the value of `name` from `values`; an unknown name stays
/// as it is written.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    fill_with(template, |name| {
        values
            .iter()
            .find(|(candidate, _)| *candidate == name)
            .map(|(_, value)| (*value).to_owned())
    })
}

/// Replaces `{name}` in `template` with what `value` returns for it; `None` leaves it as written.
pub fn fill_with(template: &str, mut value: impl FnMut(&str) -> Option<String>) -> String {
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
        match value(name) {
            Some(text) => out.push_str(&text),
            None => out.push_str(after.get(..=close).unwrap_or_default()),
        }
        rest = after.get(close + 1..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_files_are_well_formed() {
        assert!(problems().is_empty(), "{:#?}", problems());
        assert!(keys().len() > 300);
    }

    #[test]
    fn every_text_has_both_languages() {
        for key in keys() {
            let (zh, en) = both(key).unwrap();
            assert!(!zh.trim().is_empty() && !en.trim().is_empty(), "{key}");
        }
    }

    #[test]
    fn fills_named_values() {
        assert_eq!(
            fill("a {x} b {y} {z}", &[("x", "1"), ("y", "2")]),
            "a 1 b 2 {z}"
        );
        assert_eq!(fill("open { brace", &[]), "open { brace");
    }

    #[test]
    fn reads_nested_tables_and_reports_malformed_leaves() {
        let mut table = Table::default();
        let parsed: toml::Table = "[a.b]\nzh = \"甲\"\nen = \"A\"\n[c]\nzh = \"乙\"\n"
            .parse()
            .unwrap();
        flatten("ns", &parsed, &mut table);
        assert_eq!(
            table.texts.get("ns.a.b").map(|text| text.en.as_str()),
            Some("A")
        );
        assert_eq!(table.problems.len(), 1);
    }
}
