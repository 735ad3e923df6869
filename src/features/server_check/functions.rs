//! Function extents: where each named function or method of a source text starts and ends, so
//! a rule can look at "the function of the hit". Headers are found by the language's regexes
//! from the rule data; bodies end at the matching brace, or, for Python, at the next line
//! indented no deeper than the header.

use regex::Regex;
use serde::Deserialize;

use super::lines::Lines;
use super::mask::Masked;

/// How a function body is delimited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Body {
    /// `{ … }`.
    #[default]
    Braces,
    /// Python's indentation.
    Indent,
}

/// How a language's functions are found.
#[derive(Debug, Clone)]
pub struct FunctionSyntax {
    /// Header regexes, each with a named group `name`.
    pub headers: Vec<Regex>,
    /// Names that are keywords, not functions (`if`, `catch` …).
    pub not_names: Vec<String>,
    /// How bodies end.
    pub body: Body,
}

/// One function: its name and byte range `[start, end)`, from the start of the header's line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Function {
    /// The function's name.
    pub name: String,
    /// First byte (the start of the header's line).
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// Every function of `masked`, in header-regex order, then text order.
pub fn find_functions(masked: &Masked, lines: &Lines, syntax: &FunctionSyntax) -> Vec<Function> {
    let code = masked.code.as_str();
    let mut braces = None;
    let mut functions = Vec::new();
    for header in &syntax.headers {
        for captures in header.captures_iter(code) {
            let (Some(whole), Some(name)) = (captures.get(0), captures.name("name")) else {
                continue;
            };
            if syntax.not_names.iter().any(|word| word == name.as_str()) {
                continue;
            }
            let start = lines.start_of(lines.line_of(whole.start()));
            let end = match syntax.body {
                Body::Indent => Some(indented_end(code, lines, whole.start(), whole.end())),
                Body::Braces => braces
                    .get_or_insert_with(|| Braces::new(&masked.skeleton))
                    .body_end(whole.end()),
            };
            if let Some(end) = end {
                functions.push(Function {
                    name: name.as_str().to_owned(),
                    start,
                    end,
                });
            }
        }
    }
    functions
}

/// The innermost function containing `offset` (the first of equally long ones).
pub fn enclosing(functions: &[Function], offset: usize) -> Option<&Function> {
    let mut best: Option<&Function> = None;
    for function in functions {
        let inside = function.start <= offset && offset < function.end;
        let shorter = best.is_none_or(|best| function.end - function.start < best.end - best.start);
        if inside && shorter {
            best = Some(function);
        }
    }
    best
}

/// Where a Python function ends: the start of the first non-blank line after the header's last
/// line that is indented no deeper than the header's line, or the end of the text.
fn indented_end(code: &str, lines: &Lines, header_start: usize, header_end: usize) -> usize {
    let line_text = |line: usize| {
        let span = lines.span(line, line);
        code.get(span).unwrap_or_default()
    };
    let header_indent = indent(line_text(lines.line_of(header_start))).unwrap_or(0);
    let first_body_line = lines.line_of(header_end) + 1;
    (first_body_line..=lines.count())
        .find(|line| indent(line_text(*line)).is_some_and(|depth| depth <= header_indent))
        .map_or(code.len(), |line| lines.start_of(line))
}

/// The number of leading whitespace characters of a line; `None` for a blank line.
fn indent(line: &str) -> Option<usize> {
    let is_space = |ch: char| ch.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&ch);
    let depth = line.chars().take_while(|ch| is_space(*ch)).count();
    (depth < line.chars().count()).then_some(depth)
}

/// The skeleton's braces and semicolons, and which brace closes which.
struct Braces {
    /// Offsets of every `{` and `;`, ascending, with the matching `}` of each `{`.
    stops: Vec<(usize, Stop)>,
    len: usize,
}

#[derive(Clone, Copy)]
enum Stop {
    Semicolon,
    Open { close: Option<usize> },
}

impl Braces {
    fn new(skeleton: &str) -> Self {
        let mut stops = Vec::new();
        let mut open: Vec<usize> = Vec::new();
        for (offset, byte) in skeleton.bytes().enumerate() {
            match byte {
                b';' => stops.push((offset, Stop::Semicolon)),
                b'{' => {
                    open.push(stops.len());
                    stops.push((offset, Stop::Open { close: None }));
                }
                b'}' => {
                    if let Some((_, Stop::Open { close })) =
                        open.pop().and_then(|index| stops.get_mut(index))
                    {
                        *close = Some(offset);
                    }
                }
                _ => {}
            }
        }
        Self {
            stops,
            len: skeleton.len(),
        }
    }

    /// The end of the body whose header ends at `header_end`: the first `{` at or after the
    /// header's last byte when that is `{`, else at or after `header_end`, unless a `;` comes
    /// first (a declaration). One past its matching `}`, or the end of the text.
    fn body_end(&self, header_end: usize) -> Option<usize> {
        let from = match self
            .stops
            .binary_search_by_key(&header_end.wrapping_sub(1), |s| s.0)
        {
            Ok(index) if matches!(self.stops.get(index), Some((_, Stop::Open { .. }))) => index,
            _ => self
                .stops
                .partition_point(|(offset, _)| *offset < header_end),
        };
        match self.stops.get(from) {
            Some((_, Stop::Open { close })) => {
                Some(close.map_or(self.len, |close| (close + 1).min(self.len)))
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::mask::{CommentStyle, mask};
    use super::*;

    fn syntax(header: &str, body: Body) -> FunctionSyntax {
        FunctionSyntax {
            headers: vec![
                regex::RegexBuilder::new(header)
                    .multi_line(true)
                    .build()
                    .unwrap(),
            ],
            not_names: vec!["if".to_owned()],
            body,
        }
    }

    fn functions(
        text: &str,
        style: CommentStyle,
        syntax: &FunctionSyntax,
    ) -> Vec<(String, String)> {
        let masked = mask(text, style);
        let lines = Lines::new(&masked.code);
        find_functions(&masked, &lines, syntax)
            .into_iter()
            .map(|function| (function.name, text[function.start..function.end].to_owned()))
            .collect()
    }

    #[test]
    fn brace_bodies_skip_braces_in_strings_and_declarations() {
        let syntax = syntax(r"(?P<name>\w+)\s*\([^)]*\)\s*\{?", Body::Braces);
        let text = "  int f(x) { s = \"}\"; if (a) { b; } }\nint g(y);\nh() {";
        let found = functions(text, CommentStyle::C, &syntax);
        assert_eq!(
            found,
            vec![
                (
                    "f".to_owned(),
                    "  int f(x) { s = \"}\"; if (a) { b; } }".to_owned()
                ),
                ("h".to_owned(), "h() {".to_owned()),
            ]
        );
    }

    #[test]
    fn indented_bodies_end_at_the_next_line_as_shallow_as_the_header() {
        let syntax = syntax(r"^[ \t]*def[ \t]+(?P<name>\w+)[ \t]*\(", Body::Indent);
        let text = "class A:\n    def f(self):\n        x = 1\n\n        # note\n    def g(self):\n        pass\ny = 2\n";
        let found = functions(text, CommentStyle::Python, &syntax);
        assert_eq!(found.len(), 2);
        assert_eq!(
            found[0].1,
            "    def f(self):\n        x = 1\n\n        # note\n"
        );
        assert_eq!(found[1].1, "    def g(self):\n        pass\n");
    }

    #[test]
    fn the_innermost_function_wins() {
        let functions = [
            Function {
                name: "outer".to_owned(),
                start: 0,
                end: 100,
            },
            Function {
                name: "inner".to_owned(),
                start: 10,
                end: 20,
            },
        ];
        assert_eq!(
            enclosing(&functions, 15).map(|f| f.name.as_str()),
            Some("inner")
        );
        assert_eq!(
            enclosing(&functions, 50).map(|f| f.name.as_str()),
            Some("outer")
        );
        assert_eq!(enclosing(&functions, 100), None);
    }
}
