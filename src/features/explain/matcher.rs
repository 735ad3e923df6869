//! Runs the rules of the data file over the views of one output: a rule fires when one of its
//! patterns matches one of its views with captures for which its `when` conditions hold.

use super::dump::Views;
use super::rules::{Condition, Pattern, Rule, Rules, ViewKind};

/// Named captures of one match: name and text (bytes read as Latin-1).
pub type Captures = Vec<(String, String)>;

/// A rule that fired, with its first match that satisfies the conditions.
#[derive(Debug, Clone)]
pub struct Hit {
    /// The rule.
    pub rule: &'static Rule,
    /// The matched text, on one line, at most [`MATCHED_CHARS`] characters.
    pub matched: String,
    /// Its named captures.
    pub captures: Captures,
}

/// How much of a match is quoted as evidence.
pub const MATCHED_CHARS: usize = 120;

/// Every rule that fires on `views`, in file order.
pub fn scan(rules: &'static Rules, views: &Views) -> Vec<Hit> {
    rules
        .rules
        .iter()
        .filter_map(|rule| {
            first_match(&rule.patterns, rule.view, views, |captures| {
                holds(&rule.when, captures)
            })
            .map(|(matched, captures)| Hit {
                rule,
                matched,
                captures,
            })
        })
        .collect()
}

/// Every match of `patterns` over the views of `view` kind, conditions ignored: for the facts the
/// replays read.
pub fn all_matches(patterns: &[Pattern], view: ViewKind, views: &Views) -> Vec<Captures> {
    let mut out = Vec::new();
    let _ = first_match(patterns, view, views, |captures| {
        out.push(captures.clone());
        false
    });
    out
}

/// The first match for which `accept` is true: its text and captures.
fn first_match(
    patterns: &[Pattern],
    view: ViewKind,
    views: &Views,
    mut accept: impl FnMut(&Captures) -> bool,
) -> Option<(String, Captures)> {
    for pattern in patterns {
        match (pattern, view) {
            (Pattern::Text(regex), ViewKind::Text) => {
                for text in &views.text {
                    for caps in regex.captures_iter(text) {
                        let captures = named(regex.capture_names(), |index| {
                            caps.get(index).map(|group| group.as_str().to_owned())
                        });
                        if accept(&captures) {
                            let whole = caps.get(0).map_or("", |group| group.as_str());
                            return Some((one_line(whole), captures));
                        }
                    }
                }
            }
            (Pattern::Bytes(regex), ViewKind::Bytes) => {
                for view in &views.bytes {
                    for caps in regex.captures_iter(&view.bytes) {
                        let captures = named(regex.capture_names(), |index| {
                            caps.get(index).map(|group| latin1(group.as_bytes()))
                        });
                        if accept(&captures) {
                            let whole = caps.get(0).map_or(&[][..], |group| group.as_bytes());
                            return Some((one_line(&String::from_utf8_lossy(whole)), captures));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    None
}

fn named<'a>(
    names: impl Iterator<Item = Option<&'a str>>,
    mut value: impl FnMut(usize) -> Option<String>,
) -> Captures {
    names
        .enumerate()
        .filter_map(|(index, name)| Some((name?.to_owned(), value(index)?)))
        .collect()
}

fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| char::from(*byte)).collect()
}

/// The first non-empty line of `text`, control characters shown as `·`, cut to
/// [`MATCHED_CHARS`] characters.
pub fn one_line(text: &str) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty())
        .unwrap_or_default();
    let mut out: String = line
        .chars()
        .take(MATCHED_CHARS)
        .map(|ch| if ch.is_control() { '·' } else { ch })
        .collect();
    if line.chars().count() > MATCHED_CHARS {
        out.push('…');
    }
    out
}

/// A captured number.
pub fn number(captures: &Captures, name: &str) -> Option<u64> {
    let value = captures
        .iter()
        .find(|(candidate, _)| candidate == name)
        .map(|(_, value)| value.as_str());
    match value {
        Some(text) => text.parse().ok(),
        // Python's `cryptography` reports key sizes in bits.
        None if name == "bytes" => number(captures, "bits").map(|bits| bits / 8),
        None => None,
    }
}

fn text<'c>(captures: &'c Captures, name: &str) -> Option<&'c str> {
    captures
        .iter()
        .find(|(candidate, _)| candidate == name)
        .map(|(_, value)| value.as_str())
}

/// True when every condition holds for `captures` (a condition on a name not captured fails).
pub fn holds(when: &std::collections::BTreeMap<String, Condition>, captures: &Captures) -> bool {
    when.iter().all(|(name, condition)| match condition {
        Condition::OneOf(values) => number(captures, name).is_some_and(|n| values.contains(&n)),
        Condition::Ops(ops) => {
            if let Some(multiple) = ops.length_multiple_of {
                let fits = text(captures, name)
                    .is_some_and(|value| (value.len() as u64).is_multiple_of(multiple));
                if !fits {
                    return false;
                }
            }
            let numeric = ops.between.is_some()
                || ops.multiple_of.is_some()
                || ops.less_than.is_some()
                || ops.greater_than.is_some();
            if !numeric {
                return text(captures, name).is_some();
            }
            let Some(n) = number(captures, name) else {
                return false;
            };
            ops.between.is_none_or(|[low, high]| low <= n && n <= high)
                && ops
                    .multiple_of
                    .is_none_or(|multiple| n.is_multiple_of(multiple))
                && ops
                    .less_than
                    .as_ref()
                    .is_none_or(|other| number(captures, other).is_some_and(|other| n < other))
                && ops
                    .greater_than
                    .as_ref()
                    .is_none_or(|other| number(captures, other).is_some_and(|other| n > other))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::explain::dump::views;
    use crate::features::explain::rules::rules;

    fn fired(output: &str) -> Vec<&'static str> {
        scan(rules(), &views(output.as_bytes()))
            .iter()
            .map(|hit| hit.rule.id.as_str())
            .collect()
    }

    #[test]
    fn numbers_choose_the_rule() {
        let ids = fired("java.security.InvalidKeyException: Invalid AES key length: 25 bytes");
        assert!(ids.contains(&"aes_key_length_25_newline"));
        assert!(!ids.contains(&"aes_key_length_24"));
        let bits = fired("ValueError: Invalid key size (192) for AES.");
        assert!(bits.contains(&"aes_key_length_24"));
        let short = fired("Bad signature length: got 249 but was expecting 256");
        assert!(short.contains(&"sign_length_short"));
        assert!(!short.contains(&"sign_length_long"));
    }

    #[test]
    fn quotes_one_short_line() {
        let long = "x".repeat(300);
        assert_eq!(
            one_line(&format!("\n  {long}\nnext")).chars().count(),
            MATCHED_CHARS + 1
        );
        assert_eq!(one_line("a\u{1}b"), "a·b");
    }

    #[test]
    fn unrelated_text_fires_nothing() {
        assert!(fired("connect ECONNREFUSED 127.0.0.1:3306").is_empty());
        assert!(fired("").is_empty());
    }
}
