//! Just enough reading of AXML (or uni-app template) tags for the front-end check: `<button>`
//! tags and their attributes, quotes respected. Heuristic by design; every function is total.

/// One tag's attributes, names lowercased, values trimmed.
pub type Attributes = Vec<(String, String)>;

/// Every `<button …>` tag of an AXML text, with its attributes.
pub fn buttons(axml: &str) -> Vec<Attributes> {
    let lower = axml.to_ascii_lowercase();
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(offset) = lower.get(from..).and_then(|rest| rest.find("<button")) {
        let start = from + offset + "<button".len();
        let tag = tag_text(axml.get(start..).unwrap_or_default());
        from = start + tag.len();
        if tag
            .chars()
            .next()
            .is_none_or(|ch| ch.is_whitespace() || ch == '>' || ch == '/')
        {
            found.push(attributes(tag));
        }
    }
    found
}

/// The text of a tag up to its closing `>`, quotes respected.
fn tag_text(rest: &str) -> &str {
    let mut quote = None;
    for (index, ch) in rest.char_indices() {
        match (quote, ch) {
            (None, '"' | '\'') => quote = Some(ch),
            (Some(open), _) if ch == open => quote = None,
            (None, '>') => return rest.get(..index).unwrap_or_default(),
            _ => {}
        }
    }
    rest
}

fn attributes(tag: &str) -> Attributes {
    let mut out = Vec::new();
    let mut rest = tag.trim_start_matches('/');
    loop {
        rest = rest.trim_start_matches(|ch: char| ch.is_whitespace() || ch == '/');
        let name_end = rest
            .find(|ch: char| ch.is_whitespace() || ch == '=' || ch == '/')
            .unwrap_or(rest.len());
        let Some(name) = rest.get(..name_end).filter(|name| !name.is_empty()) else {
            return out;
        };
        let after = rest.get(name_end..).unwrap_or_default().trim_start();
        let Some(value_part) = after.strip_prefix('=') else {
            out.push((name.to_ascii_lowercase(), String::new()));
            rest = after;
            continue;
        };
        let value_part = value_part.trim_start();
        let (value, next) = match value_part.chars().next() {
            Some(quote @ ('"' | '\'')) => {
                let body = value_part.get(1..).unwrap_or_default();
                let end = body.find(quote).unwrap_or(body.len());
                (
                    body.get(..end).unwrap_or_default(),
                    body.get(end + 1..).unwrap_or_default(),
                )
            }
            _ => {
                let end = value_part
                    .find(char::is_whitespace)
                    .unwrap_or(value_part.len());
                (
                    value_part.get(..end).unwrap_or_default(),
                    value_part.get(end..).unwrap_or_default(),
                )
            }
        };
        out.push((name.to_ascii_lowercase(), value.trim().to_owned()));
        rest = next;
    }
}

/// The value of the first attribute among `names` (lowercase).
pub fn attribute<'a>(attributes: &'a Attributes, names: &[&str]) -> Option<&'a str> {
    names
        .iter()
        .find_map(|wanted| attributes.iter().find(|(name, _)| name == wanted))
        .map(|(_, value)| value.trim_start_matches("{{").trim_end_matches("}}").trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_buttons_and_attributes() {
        let found = buttons(
            r#"<view><button type="primary" open-type='getAuthorize' scope="phoneNumber" onGetAuthorize="onAuth" disabled>x</button><buttons/></view>"#,
        );
        assert_eq!(found.len(), 1);
        assert_eq!(attribute(&found[0], &["ongetauthorize"]), Some("onAuth"));
        assert_eq!(attribute(&found[0], &["disabled"]), Some(""));
        assert_eq!(attribute(&found[0], &["scope"]), Some("phoneNumber"));
    }
}
