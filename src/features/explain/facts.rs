//! What the printed text says, as the replays need it: which kind of failure was printed and the
//! numbers it carries. Read from the sets and rules of the data file, which are named here and
//! nowhere else (a test checks that each name exists in the file).

use super::dump::Views;
use super::matcher::{Captures, Hit, all_matches, number};
use super::rules::{Pattern, Rules};

/// The sets of the data file the replays read.
pub const SETS: &[&str] = &[
    "padding_error",
    "block_length",
    "aes_key_length",
    "verify_false",
    "garbage",
];

/// The rules of the data file the replays read.
pub const RULES: &[&str] = &[
    "aes_key_length_without_number",
    "empty_result_key_text",
    "cryptojs_malformed",
    "python_rsa_verification_failed",
    "algid_parse_error_format",
    "wrong_tag_format",
    "key_not_pem",
    "logged_content_unquoted",
    "sign_missing",
    "json_extra_data",
    "json_unterminated_at_block",
];

/// The set of binary-looking output.
pub const GARBAGE: &str = "garbage";

/// True when binary bytes were printed: the [`GARBAGE`] set matches a byte view, the raw output
/// aside when it is clean text (a Chinese log, a log saved in GBK: text, not binary).
pub fn garbage_printed(rules: &'static Rules, views: &Views) -> bool {
    let Some((_, patterns)) = rules.sets.get(GARBAGE) else {
        return false;
    };
    let skip = usize::from(views.raw_is_text);
    views.bytes.iter().skip(skip).any(|view| {
        patterns.iter().any(|pattern| match pattern {
            Pattern::Bytes(regex) => regex.is_match(&view.bytes),
            Pattern::Text(_) => false,
        })
    })
}

/// Removes the hits of the [`GARBAGE`] set when no binary bytes were printed
/// ([`garbage_printed`]).
pub fn void_garbage(rules: &'static Rules, hits: &mut Vec<Hit>, views: &Views) {
    if !garbage_printed(rules, views) {
        hits.retain(|hit| hit.rule.set.as_deref() != Some(GARBAGE));
    }
}

/// The failure kinds and numbers in one printed output.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    /// A padding check failed after decryption.
    pub padding_error: bool,
    /// Go's unchecked unpadding panicked at `[:-n]`: `n`.
    pub negative_length: Option<u64>,
    /// The input was not a whole number of blocks.
    pub block_length: bool,
    /// AES key lengths the output names, in bytes.
    pub key_lengths: Vec<u64>,
    /// A key-length error without a number.
    pub key_length_unnumbered: bool,
    /// Verification returned false, or the Python SDK raised.
    pub verify_false: bool,
    /// Non-text bytes were printed.
    pub garbage: bool,
    /// An empty decryption result was printed.
    pub empty_result: bool,
    /// CryptoJS's `Malformed UTF-8 data`.
    pub malformed_utf8: bool,
    /// The public key could not be loaded.
    pub key_load_error: bool,
    /// The code logged the ciphertext it verified without quotes.
    pub logged_unquoted: bool,
    /// The signature argument was missing.
    pub sign_missing: bool,
    /// A JSON parser found data after the JSON at this position.
    pub json_extra_at: Option<u64>,
    /// A JSON parser found the text cut at this position.
    pub json_cut_at: Option<u64>,
}

impl Facts {
    /// Reads the facts from the views and the rules that fired.
    pub fn read(rules: &'static Rules, views: &Views, hits: &[Hit]) -> Self {
        let set = |name: &str| -> Vec<Captures> {
            rules
                .sets
                .get(name)
                .map(|(view, patterns)| all_matches(patterns, *view, views))
                .unwrap_or_default()
        };
        let fired = |id: &str| hits.iter().any(|hit| hit.rule.id == id);
        let padding = set("padding_error");
        let mut key_lengths: Vec<u64> = set("aes_key_length")
            .iter()
            .filter_map(|captures| number(captures, "bytes"))
            .collect();
        key_lengths.dedup();
        Self {
            padding_error: !padding.is_empty(),
            negative_length: padding
                .iter()
                .find_map(|captures| number(captures, "negative_length")),
            block_length: !set("block_length").is_empty(),
            key_lengths,
            key_length_unnumbered: fired("aes_key_length_without_number"),
            verify_false: !set("verify_false").is_empty()
                || fired("python_rsa_verification_failed"),
            garbage: garbage_printed(rules, views),
            empty_result: matches_rule(rules, views, "empty_result_key_text"),
            malformed_utf8: fired("cryptojs_malformed"),
            key_load_error: [
                "algid_parse_error_format",
                "wrong_tag_format",
                "key_not_pem",
            ]
            .iter()
            .any(|id| fired(id)),
            logged_unquoted: fired("logged_content_unquoted"),
            sign_missing: fired("sign_missing"),
            json_extra_at: rule_number(rules, views, "json_extra_data", "offset"),
            json_cut_at: rule_number(rules, views, "json_unterminated_at_block", "offset"),
        }
    }
}

/// The number a rule's patterns capture under `name`, conditions aside.
fn rule_number(rules: &'static Rules, views: &Views, id: &str, name: &str) -> Option<u64> {
    let rule = rules.rule(id)?;
    all_matches(&rule.patterns, rule.view, views)
        .iter()
        .find_map(|captures| number(captures, name))
}

/// True when a pattern of the rule matches, `only_with_keys` and conditions aside.
fn matches_rule(rules: &'static Rules, views: &Views, id: &str) -> bool {
    rules
        .rule(id)
        .is_some_and(|rule| !all_matches(&rule.patterns, rule.view, views).is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::explain::dump::views;
    use crate::features::explain::matcher::scan;
    use crate::features::explain::rules::rules;

    #[test]
    fn every_named_set_and_rule_is_in_the_data_file() {
        for name in SETS {
            assert!(rules().sets.contains_key(*name), "set {name}");
        }
        for id in RULES {
            assert!(rules().rule(id).is_some(), "rule {id}");
        }
    }

    fn facts(output: &str) -> Facts {
        let read = views(output.as_bytes());
        Facts::read(rules(), &read, &scan(rules(), &read))
    }

    #[test]
    fn text_is_not_garbage() {
        assert!(!facts("用户未授权获取手机号，请稍后重试。系统繁忙，请稍后再试。").garbage);
        assert!(
            facts(r"b'\xf7\x91\x0eZu\x94>\xb0\xf13\x0b\xf1\x18\x0f\xc2\x12\xf9\x145b'").garbage
        );
        assert!(facts("\u{fffd}\u{fffd}9\u{fffd}\u{fffd}\u{fffd}O\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}").garbage);
    }

    #[test]
    fn reads_numbers_and_kinds() {
        let go = facts("panic: runtime error: slice bounds out of range [:-191]");
        assert!(go.padding_error);
        assert_eq!(go.negative_length, Some(191));
        let java = facts("java.security.InvalidKeyException: Invalid AES key length: 25 bytes");
        assert_eq!(java.key_lengths, vec![25]);
        assert!(facts("int(0)").verify_false);
        assert!(facts("decrypted: \"\"").empty_result);
        assert_eq!(facts("nothing to see"), Facts::default());
    }
}
