//! Running the rules over one source text: mask, find functions, then for every entry of every
//! rule that applies to the language, test each match against its conditions.

use std::collections::{BTreeSet, HashMap};

use regex::{Captures, Regex};

use super::codes::{Language, ServerCode};
use super::functions::{Function, enclosing, find_functions};
use super::lines::Lines;
use super::mask::mask;
use super::rules::{Condition, ConditionPattern, Entry, RuleSet, Scope, multi_line};
use super::template::fill;
use crate::domain::Severity;

/// A hit of one rule: its code, severity and 1-based line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Hit {
    pub(super) code: ServerCode,
    pub(super) severity: Severity,
    pub(super) line: usize,
}

/// The text being checked, prepared once.
struct Source<'a> {
    code: &'a str,
    lines: Lines,
    functions: Vec<Function>,
    /// Condition templates compiled for this text, by their filled-in pattern (`None`: did not
    /// compile, which only a size limit can cause; it then matches nothing).
    compiled: HashMap<String, Option<Regex>>,
}

/// A candidate match and where it is.
struct Candidate<'c, 'a> {
    captures: &'c Captures<'a>,
    whole: &'a str,
    line: usize,
    end_line: usize,
    function: Option<(usize, usize)>,
}

/// Every hit in `text` as `language`, ordered by line, then code name; one per code and line.
pub(super) fn evaluate(set: &RuleSet, language: Language, text: &str) -> Vec<Hit> {
    let Some(table) = set.language(language) else {
        return Vec::new();
    };
    let masked = mask(text, table.comments);
    let lines = Lines::new(&masked.code);
    let functions = find_functions(&masked, &lines, &table.functions);
    let mut source = Source {
        code: &masked.code,
        lines,
        functions,
        compiled: HashMap::new(),
    };
    let in_context = set.context.is_match(text);
    let mut hits = Vec::new();
    for rule in &set.rules {
        let mut lines_hit = BTreeSet::new();
        for entry in &rule.entries {
            if !entry.languages.contains(&language) || (entry.context && !in_context) {
                continue;
            }
            for line in source.entry_hits(entry) {
                // As the reference evaluator: 0 means no limit.
                let full = rule
                    .max_per_file
                    .is_some_and(|max| max > 0 && lines_hit.len() >= max);
                if !lines_hit.contains(&line) && !full {
                    lines_hit.insert(line);
                    hits.push(Hit {
                        code: rule.code,
                        severity: rule.severity,
                        line,
                    });
                }
            }
        }
    }
    hits.sort_by(|a, b| (a.line, a.code.as_str()).cmp(&(b.line, b.code.as_str())));
    hits
}

impl<'s> Source<'s> {
    /// The lines of the matches of `entry` that pass its conditions, in text order.
    fn entry_hits(&mut self, entry: &Entry) -> Vec<usize> {
        let code = self.code;
        let mut found = Vec::new();
        for captures in entry.pattern.captures_iter(code) {
            let Some(whole) = captures.get(0) else {
                continue;
            };
            let mut at = captures.name("at").map_or(whole.start(), |at| at.start());
            while at < whole.end()
                && matches!(code.as_bytes().get(at), Some(b' ' | b'\t' | b'\r' | b'\n'))
            {
                at += 1;
            }
            let function = enclosing(&self.functions, at);
            if let Some(wanted) = &entry.function_name
                && !function.is_some_and(|function| wanted.is_match(&function.name))
            {
                continue;
            }
            let candidate = Candidate {
                captures: &captures,
                whole: whole.as_str(),
                line: self.lines.line_of(at),
                end_line: self.lines.line_of(whole.end()),
                function: function.map(|function| (function.start, function.end)),
            };
            let kept = entry
                .requires
                .iter()
                .all(|condition| self.holds(condition, &candidate))
                && !entry
                    .unless
                    .iter()
                    .any(|condition| self.holds(condition, &candidate));
            if kept {
                found.push(candidate.line);
            }
        }
        found
    }

    /// Whether the condition's pattern is found in its scope around the candidate.
    fn holds(&mut self, condition: &Condition, candidate: &Candidate<'_, 's>) -> bool {
        let scope = self.scope_text(condition.scope, candidate);
        match &condition.pattern {
            ConditionPattern::Fixed(pattern) => pattern.is_match(scope),
            ConditionPattern::Template(pieces) => {
                let filled = fill(pieces, |name| {
                    candidate.captures.name(name).map(|group| group.as_str())
                });
                self.compiled
                    .entry(filled)
                    .or_insert_with_key(|pattern| multi_line(pattern, "").ok())
                    .as_ref()
                    .is_some_and(|pattern| pattern.is_match(scope))
            }
        }
    }

    /// The text a condition with `scope` looks at.
    fn scope_text(&self, scope: Scope, candidate: &Candidate<'_, 's>) -> &'s str {
        let code = self.code;
        let lines =
            |first: usize, last: usize| code.get(self.lines.span(first, last)).unwrap_or_default();
        let (line, end_line) = (candidate.line, candidate.end_line);
        match scope {
            Scope::Match => candidate.whole,
            Scope::Line => lines(line, end_line),
            Scope::File => code,
            Scope::Function => candidate.function.map_or(code, |(start, end)| {
                code.get(start..end).unwrap_or_default()
            }),
            Scope::Before(count) if count > 0 && line > 1 => {
                lines(line.saturating_sub(count), line - 1)
            }
            Scope::Before(_) => "",
            Scope::After(count) => {
                lines(end_line.saturating_add(1), end_line.saturating_add(count))
            }
            Scope::Around(count) => {
                lines(line.saturating_sub(count), end_line.saturating_add(count))
            }
        }
    }
}
