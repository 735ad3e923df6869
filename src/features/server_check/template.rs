//! Condition templates: `${name}` in a condition pattern stands for the regex-escaped text of
//! the named group `name` of the hit, so a rule can say "the same variable" without
//! back-references (the `regex` crate has none).

/// A piece of a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Piece {
    /// Regex text, as written.
    Text(String),
    /// `${name}`: the escaped text of the group, or nothing-matches when it did not take part.
    Group(String),
}

/// An atom that matches nothing (Rust `regex` has no `(?!)`).
pub(super) const NOTHING: &str = r"(?:\b\B)";

/// Splits a condition pattern at its `${name}` placeholders (`name` made of word characters);
/// any other `${` is regex text.
pub(super) fn template(pattern: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut text = String::new();
    let mut rest = pattern;
    while let Some(open) = rest.find("${") {
        let after = rest.get(open + 2..).unwrap_or_default();
        let name_len = after
            .find(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
            .unwrap_or(after.len());
        let closed = after
            .get(name_len..)
            .is_some_and(|tail| tail.starts_with('}'));
        if name_len == 0 || !closed {
            text.push_str(rest.get(..open + 2).unwrap_or_default());
            rest = after;
            continue;
        }
        text.push_str(rest.get(..open).unwrap_or_default());
        if !text.is_empty() {
            pieces.push(Piece::Text(std::mem::take(&mut text)));
        }
        pieces.push(Piece::Group(
            after.get(..name_len).unwrap_or_default().to_owned(),
        ));
        rest = after.get(name_len + 1..).unwrap_or_default();
    }
    text.push_str(rest);
    if !text.is_empty() {
        pieces.push(Piece::Text(text));
    }
    pieces
}

/// A template with each group's text escaped in, or [`NOTHING`] for a group that is absent.
pub(super) fn fill<'a>(pieces: &[Piece], group: impl Fn(&str) -> Option<&'a str>) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Group(name) => match group(name) {
                Some(value) => out.push_str(&regex::escape(value)),
                None => out.push_str(NOTHING),
            },
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_split_at_placeholders() {
        assert_eq!(
            template(r"\b${k}\s*=${ not}$"),
            vec![
                Piece::Text(r"\b".to_owned()),
                Piece::Group("k".to_owned()),
                Piece::Text(r"\s*=${ not}$".to_owned()),
            ]
        );
        let filled = fill(&template("a${x}b${y}"), |name| {
            (name == "x").then_some("$.(")
        });
        assert_eq!(filled, format!(r"a\$\.\(b{NOTHING}"));
        assert!(
            !regex::Regex::new(NOTHING)
                .unwrap()
                .is_match("anything at all")
        );
    }
}
