//! The rule data (`assets/server_code_rules.toml`, documented in its header) read into compiled
//! regexes once. Every name is checked: languages and codes against [`Language`] and
//! [`ServerCode`], scopes, severities and every pattern (templates with `${name}` are checked
//! with their groups left out).

use regex::{Regex, RegexBuilder};
use thiserror::Error;

use super::codes::{Language, ServerCode};
use super::data::{RawCondition, RawEntry, RawFile};
use super::functions::FunctionSyntax;
use super::mask::CommentStyle;
use super::template::{Piece, fill, template};
use crate::domain::Severity;

/// Why the rule data cannot be used.
#[derive(Debug, Error)]
pub enum RulesError {
    /// Not the expected TOML shape.
    #[error("the rule data is malformed")]
    Toml(#[from] toml::de::Error),
    /// A language id that [`Language`] does not know.
    #[error("unknown language `{0}`")]
    UnknownLanguage(String),
    /// A rule code that [`ServerCode`] does not know.
    #[error("unknown finding code `{0}`")]
    UnknownCode(String),
    /// Two rules with one code.
    #[error("`{0}` has two rules")]
    DuplicateCode(&'static str),
    /// Not `error`, `warning` or `info`.
    #[error("unknown severity `{0}`")]
    UnknownSeverity(String),
    /// Not one of the documented scopes.
    #[error("unknown scope `{0}`")]
    UnknownScope(String),
    /// A pattern that does not compile.
    #[error("a pattern of {place} does not compile")]
    Pattern {
        /// Which rule or language.
        place: String,
        /// The compiler's complaint.
        #[source]
        source: Box<regex::Error>,
    },
}

/// One language's table.
#[derive(Debug, Clone)]
pub(super) struct LanguageRules {
    pub(super) language: Language,
    pub(super) extensions: Vec<String>,
    pub(super) comments: CommentStyle,
    pub(super) functions: FunctionSyntax,
}

/// One `[[rule]]`.
#[derive(Debug, Clone)]
pub(super) struct Rule {
    pub(super) code: ServerCode,
    pub(super) severity: Severity,
    pub(super) max_per_file: Option<usize>,
    pub(super) entries: Vec<Entry>,
}

/// One `[[rule.match]]`.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    pub(super) languages: Vec<Language>,
    pub(super) pattern: Regex,
    pub(super) function_name: Option<Regex>,
    pub(super) context: bool,
    pub(super) requires: Vec<Condition>,
    pub(super) unless: Vec<Condition>,
}

/// A `requires` or `unless` condition.
#[derive(Debug, Clone)]
pub(super) struct Condition {
    pub(super) scope: Scope,
    pub(super) pattern: ConditionPattern,
}

/// Where a condition looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Scope {
    Match,
    Line,
    Before(usize),
    After(usize),
    Around(usize),
    Function,
    File,
}

/// A condition's pattern: fixed, or a template filled with the hit's named groups.
#[derive(Debug, Clone)]
pub(super) enum ConditionPattern {
    Fixed(Regex),
    Template(Vec<Piece>),
}

/// The compiled rule data.
#[derive(Debug, Clone)]
pub struct RuleSet {
    pub(super) context: Regex,
    pub(super) languages: Vec<LanguageRules>,
    pub(super) rules: Vec<Rule>,
}

impl RuleSet {
    /// Reads and compiles rule data in the format of `assets/server_code_rules.toml`.
    pub fn from_toml(text: &str) -> Result<Self, RulesError> {
        let raw: RawFile = toml::from_str(text)?;
        let context = plain(&raw.context.pattern, "[context]")?;
        let mut languages = Vec::new();
        for (id, table) in raw.languages {
            let language = language(&id)?;
            let place = format!("[languages.{id}]");
            let headers = table
                .function
                .iter()
                .map(|pattern| multi_line(pattern, &place))
                .collect::<Result<_, _>>()?;
            languages.push(LanguageRules {
                language,
                extensions: table.extensions.iter().map(|e| e.to_lowercase()).collect(),
                comments: table.comments,
                functions: FunctionSyntax {
                    headers,
                    not_names: table.not_names,
                    body: table.body,
                },
            });
        }
        let mut rules: Vec<Rule> = Vec::new();
        for raw_rule in raw.rule {
            let code = ServerCode::from_name(&raw_rule.code)
                .ok_or_else(|| RulesError::UnknownCode(raw_rule.code.clone()))?;
            if rules.iter().any(|rule| rule.code == code) {
                return Err(RulesError::DuplicateCode(code.as_str()));
            }
            let entries = raw_rule
                .entries
                .iter()
                .map(|entry| compile_entry(entry, code.as_str()))
                .collect::<Result<_, _>>()?;
            rules.push(Rule {
                code,
                severity: severity(&raw_rule.severity)?,
                max_per_file: raw_rule.max_per_file,
                entries,
            });
        }
        Ok(Self {
            context,
            languages,
            rules,
        })
    }

    /// The language of a file, by the extension of its name (case-insensitive); `None` when no
    /// language lists it.
    pub fn language_of(&self, file_name: &str) -> Option<Language> {
        let name = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
        let (_, extension) = name.rsplit_once('.')?;
        let extension = extension.to_lowercase();
        self.languages
            .iter()
            .find(|table| table.extensions.contains(&extension))
            .map(|table| table.language)
    }

    /// The file extensions of `language` (without the dot).
    pub fn extensions(&self, language: Language) -> &[String] {
        self.language(language)
            .map_or(&[], |table| table.extensions.as_slice())
    }

    /// The codes of the rules, in the data's order, with their severities.
    pub fn codes(&self) -> impl Iterator<Item = (ServerCode, Severity)> + '_ {
        self.rules.iter().map(|rule| (rule.code, rule.severity))
    }

    /// The languages some entry of `code`'s rule applies to.
    pub fn languages_of(&self, code: ServerCode) -> Vec<Language> {
        let mut languages: Vec<Language> = self
            .rules
            .iter()
            .filter(|rule| rule.code == code)
            .flat_map(|rule| rule.entries.iter())
            .flat_map(|entry| entry.languages.iter().copied())
            .collect();
        languages.sort_unstable();
        languages.dedup();
        languages
    }

    pub(super) fn language(&self, language: Language) -> Option<&LanguageRules> {
        self.languages
            .iter()
            .find(|table| table.language == language)
    }
}

fn language(id: &str) -> Result<Language, RulesError> {
    Language::from_id(id).ok_or_else(|| RulesError::UnknownLanguage(id.to_owned()))
}

fn severity(name: &str) -> Result<Severity, RulesError> {
    match name {
        "error" => Ok(Severity::Error),
        "warning" => Ok(Severity::Warning),
        "info" => Ok(Severity::Info),
        other => Err(RulesError::UnknownSeverity(other.to_owned())),
    }
}

fn compile_entry(raw: &RawEntry, code: &str) -> Result<Entry, RulesError> {
    let conditions = |list: &[RawCondition]| {
        list.iter()
            .map(|condition| compile_condition(condition, code))
            .collect::<Result<Vec<_>, _>>()
    };
    Ok(Entry {
        languages: raw
            .languages
            .iter()
            .map(|id| language(id))
            .collect::<Result<_, _>>()?,
        pattern: multi_line(&raw.pattern, code)?,
        function_name: raw
            .function_name
            .as_deref()
            .map(|pattern| plain(pattern, code))
            .transpose()?,
        context: raw.context,
        requires: conditions(&raw.requires)?,
        unless: conditions(&raw.unless)?,
    })
}

fn compile_condition(raw: &RawCondition, code: &str) -> Result<Condition, RulesError> {
    let pieces = template(&raw.pattern);
    let pattern = if pieces.iter().any(|piece| matches!(piece, Piece::Group(_))) {
        // Checked with every group left out, as it runs when none took part.
        multi_line(&fill(&pieces, |_| None), code)?;
        ConditionPattern::Template(pieces)
    } else {
        ConditionPattern::Fixed(multi_line(&raw.pattern, code)?)
    };
    Ok(Condition {
        scope: scope(&raw.scope)?,
        pattern,
    })
}

fn scope(text: &str) -> Result<Scope, RulesError> {
    let unknown = || RulesError::UnknownScope(text.to_owned());
    Ok(match text {
        "match" => Scope::Match,
        "line" => Scope::Line,
        "function" => Scope::Function,
        "file" => Scope::File,
        _ => {
            let (kind, count) = text.split_once(':').ok_or_else(unknown)?;
            let count: usize = count.parse().map_err(|_| unknown())?;
            match kind {
                "before" => Scope::Before(count),
                "after" => Scope::After(count),
                "around" => Scope::Around(count),
                _ => return Err(unknown()),
            }
        }
    })
}

/// Compiles a pattern in multi-line mode, as the rule data's entries and conditions are.
pub(super) fn multi_line(pattern: &str, place: &str) -> Result<Regex, RulesError> {
    RegexBuilder::new(pattern)
        .multi_line(true)
        .build()
        .map_err(|source| pattern_error(place, source))
}

fn plain(pattern: &str, place: &str) -> Result<Regex, RulesError> {
    Regex::new(pattern).map_err(|source| pattern_error(place, source))
}

fn pattern_error(place: &str, source: regex::Error) -> RulesError {
    RulesError::Pattern {
        place: place.to_owned(),
        source: Box::new(source),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_parse() {
        assert_eq!(scope("before:3").unwrap(), Scope::Before(3));
        assert_eq!(scope("around:0").unwrap(), Scope::Around(0));
        assert!(scope("near:2").is_err());
        assert!(scope("before:x").is_err());
    }

    #[test]
    fn bad_data_is_refused_with_its_reason() {
        let base = "version = 1\n[context]\npattern = 'x'\n[languages.go]\nextensions = ['go']\ncomments = 'c'\nfunction = []\n";
        let with_rule = |rule: &str| format!("{base}{rule}");
        let cases = [
            (
                "[[rule]]\ncode = 'code_nope'\nseverity = 'error'\n[[rule.match]]\nlanguages = ['go']\npattern = 'x'\n",
                "unknown finding code",
            ),
            (
                "[[rule]]\ncode = 'code_mcrypt'\nseverity = 'fatal'\n[[rule.match]]\nlanguages = ['go']\npattern = 'x'\n",
                "unknown severity",
            ),
            (
                "[[rule]]\ncode = 'code_mcrypt'\nseverity = 'error'\n[[rule.match]]\nlanguages = ['cobol']\npattern = 'x'\n",
                "unknown language",
            ),
            (
                "[[rule]]\ncode = 'code_mcrypt'\nseverity = 'error'\n[[rule.match]]\nlanguages = ['go']\npattern = '(?=x)'\n",
                "does not compile",
            ),
            (
                "[[rule]]\ncode = 'code_mcrypt'\nseverity = 'error'\n[[rule.match]]\nlanguages = ['go']\npattern = 'x'\nrequires = [{ scope = 'near', pattern = 'y' }]\n",
                "unknown scope",
            ),
            (
                "[[rule]]\ncode = 'code_mcrypt'\nseverity = 'error'\n[[rule.match]]\nlanguages = ['go']\npattern = 'x'\nextra = 1\n",
                "malformed",
            ),
        ];
        for (rule, reason) in cases {
            let error = RuleSet::from_toml(&with_rule(rule)).unwrap_err();
            assert!(error.to_string().contains(reason), "{error} / {reason}");
        }
        assert!(
            RuleSet::from_toml(&with_rule("")).is_err(),
            "a file without rules is malformed"
        );
    }
}
