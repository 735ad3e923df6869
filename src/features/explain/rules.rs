//! The data file `assets/server_output_patterns.toml` (its header describes the format), compiled
//! in and read once: every pattern compiled once with the `regex` crate. A rule that cannot be
//! read is left out and reported by [`problems`] (the tests require none), so a bad data file
//! never makes the program fail.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::Confidence;
use super::cause::CauseCode;

const DATA: &str = include_str!("../../../assets/server_output_patterns.toml");

/// What a pattern reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ViewKind {
    /// The text views.
    #[default]
    Text,
    /// The byte views.
    Bytes,
}

/// A compiled pattern.
#[derive(Debug)]
pub enum Pattern {
    /// Over text.
    Text(regex::Regex),
    /// Over bytes.
    Bytes(regex::bytes::Regex),
}

/// A condition on a captured value.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Condition {
    /// The number is one of these.
    OneOf(Vec<u64>),
    /// Comparisons.
    Ops(Ops),
}

/// The comparison operators of a condition; all given ones must hold.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ops {
    /// Inclusive range.
    pub between: Option<[u64; 2]>,
    /// Smaller than the number captured under this name.
    pub less_than: Option<String>,
    /// Greater than the number captured under this name.
    pub greater_than: Option<String>,
    /// A multiple of this.
    pub multiple_of: Option<u64>,
    /// The captured text's byte length is a multiple of this.
    pub length_multiple_of: Option<u64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: u32,
    #[serde(default)]
    sets: BTreeMap<String, Vec<String>>,
    rule: Vec<RuleSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleSpec {
    id: String,
    cause: String,
    confidence: Confidence,
    priority: u8,
    #[serde(default)]
    view: ViewKind,
    #[serde(default)]
    patterns: Vec<String>,
    set: Option<String>,
    #[serde(default)]
    when: BTreeMap<String, Condition>,
    #[serde(default)]
    only_with_keys: bool,
    evidence: String,
    #[serde(default)]
    cases: Vec<String>,
}

/// One rule, ready to match.
#[derive(Debug)]
pub struct Rule {
    /// Stable name.
    pub id: String,
    /// The cause it names.
    pub cause: CauseCode,
    /// How sure a match makes it.
    pub confidence: Confidence,
    /// 0–100, orders the causes.
    pub priority: u8,
    /// Position in the file.
    pub order: usize,
    /// What the patterns read.
    pub view: ViewKind,
    /// The compiled patterns (its own, then its set's).
    pub patterns: Vec<Pattern>,
    /// The set it uses.
    pub set: Option<String>,
    /// Conditions on the captures.
    pub when: BTreeMap<String, Condition>,
    /// Only a candidate for the replays.
    pub only_with_keys: bool,
    /// Wording key of the evidence sentence.
    pub evidence: String,
    /// Fixtures it must fire on.
    pub cases: Vec<String>,
}

/// The rules of the data file, and what was wrong with it.
#[derive(Debug, Default)]
pub struct Rules {
    /// In file order.
    pub rules: Vec<Rule>,
    /// Every set, compiled.
    pub sets: BTreeMap<String, (ViewKind, Vec<Pattern>)>,
    /// Problems found while reading (empty in a correct build).
    pub problems: Vec<String>,
}

impl Rules {
    /// The rule named `id`.
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|rule| rule.id == id)
    }
}

/// The rules, read and compiled on first use.
pub fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| load(DATA))
}

/// What was wrong with the data file (the tests require nothing).
pub fn problems() -> &'static [String] {
    &rules().problems
}

/// Every evidence wording key the data file uses.
pub fn evidence_keys() -> Vec<&'static str> {
    let mut keys: Vec<&'static str> = rules()
        .rules
        .iter()
        .map(|rule| rule.evidence.as_str())
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

fn compile(source: &str, view: ViewKind) -> Result<Pattern, String> {
    let is_bytes = source.starts_with("(?-u)");
    match (view, is_bytes) {
        (ViewKind::Text, false) => regex::Regex::new(source)
            .map(Pattern::Text)
            .map_err(|error| error.to_string()),
        (ViewKind::Bytes, true) => regex::bytes::Regex::new(source)
            .map(Pattern::Bytes)
            .map_err(|error| error.to_string()),
        (ViewKind::Text, true) => Err("a byte pattern in a text rule".to_owned()),
        (ViewKind::Bytes, false) => Err("a byte rule's pattern must start with (?-u)".to_owned()),
    }
}

fn load(data: &str) -> Rules {
    let mut out = Rules::default();
    let file: File = match toml::from_str(data) {
        Ok(file) => file,
        Err(error) => {
            out.problems.push(error.message().to_owned());
            return out;
        }
    };
    if file.version != 1 {
        out.problems.push(format!("version {}", file.version));
    }
    for (order, spec) in file.rule.into_iter().enumerate() {
        match build(spec, order, &file.sets) {
            Ok(rule) => out.rules.push(rule),
            Err(problem) => out.problems.push(problem),
        }
    }
    for (name, sources) in &file.sets {
        let view = if sources.iter().all(|source| source.starts_with("(?-u)")) {
            ViewKind::Bytes
        } else {
            ViewKind::Text
        };
        let compiled: Result<Vec<Pattern>, String> =
            sources.iter().map(|source| compile(source, view)).collect();
        match compiled {
            Ok(patterns) => {
                out.sets.insert(name.clone(), (view, patterns));
            }
            Err(problem) => out.problems.push(format!("set {name}: {problem}")),
        }
    }
    let mut ids: Vec<&str> = out.rules.iter().map(|rule| rule.id.as_str()).collect();
    ids.sort_unstable();
    if ids.windows(2).any(|pair| pair.first() == pair.last()) {
        out.problems.push("a rule id is used twice".to_owned());
    }
    out
}

fn build(
    spec: RuleSpec,
    order: usize,
    sets: &BTreeMap<String, Vec<String>>,
) -> Result<Rule, String> {
    let id = spec.id;
    let cause = CauseCode::from_name(&spec.cause)
        .ok_or_else(|| format!("rule {id}: unknown cause {}", spec.cause))?;
    let mut sources = spec.patterns;
    if let Some(set) = &spec.set {
        let listed = sets
            .get(set)
            .ok_or_else(|| format!("rule {id}: unknown set {set}"))?;
        sources.extend(listed.iter().cloned());
    }
    if sources.is_empty() {
        return Err(format!("rule {id}: no pattern"));
    }
    let patterns = sources
        .iter()
        .map(|source| compile(source, spec.view).map_err(|error| format!("rule {id}: {error}")))
        .collect::<Result<Vec<Pattern>, String>>()?;
    if spec.priority > 100 {
        return Err(format!("rule {id}: priority over 100"));
    }
    if !spec.evidence.starts_with("explain.evidence.") {
        return Err(format!("rule {id}: evidence key {}", spec.evidence));
    }
    Ok(Rule {
        id,
        cause,
        confidence: spec.confidence,
        priority: spec.priority,
        order,
        view: spec.view,
        patterns,
        set: spec.set,
        when: spec.when,
        only_with_keys: spec.only_with_keys,
        evidence: spec.evidence,
        cases: spec.cases,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_file_reads_without_problems() {
        assert!(problems().is_empty(), "{:#?}", problems());
        assert!(rules().rules.len() >= 60);
        assert!(rules().sets.contains_key("padding_error"));
    }

    #[test]
    fn a_broken_rule_is_reported_not_fatal() {
        let data = r#"
version = 1
[[rule]]
id = "a"
cause = "server_nope"
confidence = "exact"
priority = 1
patterns = ['x']
evidence = "explain.evidence.x"
[[rule]]
id = "b"
cause = "server_aes_ecb_mode"
confidence = "likely"
priority = 1
patterns = ['(unclosed']
evidence = "explain.evidence.x"
[[rule]]
id = "c"
cause = "server_aes_ecb_mode"
confidence = "likely"
priority = 1
patterns = ['fine']
evidence = "explain.evidence.x"
"#;
        let loaded = load(data);
        assert_eq!(loaded.rules.len(), 1);
        assert_eq!(loaded.problems.len(), 2);
        assert!(!load("not toml [").problems.is_empty());
    }
}
