//! The shape of the rule data file, as read by serde before anything is compiled. Unknown keys
//! are refused, so a misspelt `requires` is an error rather than a silently ignored condition.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::functions::Body;
use super::mask::CommentStyle;

/// The whole file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFile {
    #[serde(rename = "version")]
    pub(super) _version: u32,
    pub(super) context: RawContext,
    pub(super) languages: BTreeMap<String, RawLanguage>,
    pub(super) rule: Vec<RawRule>,
}

/// `[context]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawContext {
    pub(super) pattern: String,
}

/// `[languages.<id>]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLanguage {
    pub(super) extensions: Vec<String>,
    pub(super) comments: CommentStyle,
    #[serde(default)]
    pub(super) body: Body,
    pub(super) function: Vec<String>,
    #[serde(default)]
    pub(super) not_names: Vec<String>,
}

/// `[[rule]]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRule {
    pub(super) code: String,
    pub(super) severity: String,
    pub(super) max_per_file: Option<usize>,
    #[serde(rename = "match")]
    pub(super) entries: Vec<RawEntry>,
}

/// `[[rule.match]]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawEntry {
    pub(super) languages: Vec<String>,
    pub(super) pattern: String,
    pub(super) function_name: Option<String>,
    #[serde(default)]
    pub(super) context: bool,
    #[serde(default)]
    pub(super) requires: Vec<RawCondition>,
    #[serde(default)]
    pub(super) unless: Vec<RawCondition>,
}

/// A `requires` or `unless` condition.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCondition {
    pub(super) scope: String,
    pub(super) pattern: String,
}
