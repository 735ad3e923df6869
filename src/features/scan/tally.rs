//! The counts a scan keeps: per category (with the first line numbers) and per decrypted result
//! code. Bounded whatever the input: a few first lines per category, a capped number of keys.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::domain::{Category, Report};

/// How one non-blank line was counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineOutcome {
    /// Diagnosed: its category.
    Diagnosed(Category),
    /// With `--field`: the line is not a JSON object with that field.
    FieldMissing,
    /// Over the input size limit, not diagnosed.
    LineTooLong,
}

impl LineOutcome {
    /// The name it is counted under.
    pub fn name(&self) -> String {
        match self {
            Self::Diagnosed(category) => category.as_str().into_owned(),
            Self::FieldMissing => "field_missing".to_owned(),
            Self::LineTooLong => "line_too_long".to_owned(),
        }
    }
}

/// How many first line numbers are kept per category.
pub const FIRST_LINES: usize = 5;
/// Distinct categories (or result codes) kept per worker; any more are counted under `other`.
const MAX_DISTINCT: usize = 256;
/// The key used past [`MAX_DISTINCT`].
const OTHER: &str = "other";

/// One category's count and its first line numbers (1-based, ascending).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CategoryCount {
    /// Lines in this category.
    pub count: u64,
    /// The first [`FIRST_LINES`] line numbers, ascending.
    pub first_lines: Vec<u64>,
}

/// What a scan counted. Every non-blank line is in exactly one category, so the category counts
/// add up to [`Tally::payloads`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// Lines read, blank ones included.
    pub lines: u64,
    /// Blank (empty or whitespace-only) lines, skipped.
    pub blank_lines: u64,
    /// Non-blank lines, each diagnosed or counted as `field_missing` / `line_too_long`.
    pub payloads: u64,
    /// Per category: the diagnosis categories, plus `field_missing` (with `--field`: the line is
    /// not a JSON object with that field) and `line_too_long` (over the input size limit).
    pub categories: BTreeMap<String, CategoryCount>,
    /// The `code` of every payload that decrypted (or was plain), trusted or not.
    pub result_codes: BTreeMap<String, u64>,
}

impl Tally {
    /// Counts one diagnosed line.
    pub fn record_report(&mut self, line: u64, report: &Report) {
        let code = report
            .payload
            .as_ref()
            .and_then(|payload| payload.json.get("code"))
            .map(|code| match code {
                serde_json::Value::String(text) => text.clone(),
                other => other.to_string(),
            });
        if let Some(code) = code {
            let slot = if self.result_codes.contains_key(&code)
                || self.result_codes.len() < MAX_DISTINCT
            {
                code
            } else {
                OTHER.to_owned()
            };
            *self.result_codes.entry(slot).or_default() += 1;
        }
        self.record(line, &LineOutcome::Diagnosed(report.category.clone()));
    }

    /// Counts one line. Lines arrive in ascending order within one worker.
    pub fn record(&mut self, line: u64, outcome: &LineOutcome) {
        let category = outcome.name();
        self.payloads += 1;
        let slot =
            if self.categories.contains_key(&category) || self.categories.len() < MAX_DISTINCT {
                category
            } else {
                OTHER.to_owned()
            };
        let entry = self.categories.entry(slot).or_default();
        entry.count += 1;
        if entry.first_lines.len() < FIRST_LINES {
            entry.first_lines.push(line);
        }
    }

    /// Adds another worker's counts; the first lines stay the smallest ones overall.
    pub fn merge(&mut self, other: Self) {
        self.lines += other.lines;
        self.blank_lines += other.blank_lines;
        self.payloads += other.payloads;
        for (category, counted) in other.categories {
            let entry = self.categories.entry(category).or_default();
            entry.count += counted.count;
            entry.first_lines.extend(counted.first_lines);
            entry.first_lines.sort_unstable();
            entry.first_lines.dedup();
            entry.first_lines.truncate(FIRST_LINES);
        }
        for (code, count) in other.result_codes {
            *self.result_codes.entry(code).or_default() += count;
        }
    }

    /// True when every counted line is `ok` (an input without payloads included).
    pub fn all_ok(&self) -> bool {
        let ok = Category::Ok.as_str();
        self.categories.keys().all(|category| *category == ok)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_keeps_the_smallest_first_lines() {
        let mut left = Tally::default();
        let mut right = Tally::default();
        for line in [2, 4, 6, 8, 10, 12] {
            left.record(line, &LineOutcome::Diagnosed(Category::Ok));
        }
        for line in [1, 3, 5] {
            right.record(line, &LineOutcome::Diagnosed(Category::Ok));
        }
        right.record(7, &LineOutcome::Diagnosed(Category::NotJson));
        left.merge(right);
        assert_eq!(left.payloads, 10);
        assert_eq!(
            left.categories["ok"],
            CategoryCount {
                count: 9,
                first_lines: vec![1, 2, 3, 4, 5]
            }
        );
        assert_eq!(left.categories["not_json"].first_lines, vec![7]);
        assert!(!left.all_ok());
    }

    #[test]
    fn distinct_categories_are_capped() {
        let mut tally = Tally::default();
        for line in 0..(MAX_DISTINCT as u64 + 10) {
            tally.record(
                line,
                &LineOutcome::Diagnosed(Category::alipay_error(&line.to_string())),
            );
        }
        assert_eq!(tally.categories.len(), MAX_DISTINCT + 1);
        assert_eq!(tally.categories[OTHER].count, 10);
    }
}
