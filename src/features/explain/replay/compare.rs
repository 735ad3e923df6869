//! Is a replayed output what the server printed? Byte for byte against every byte view (the raw
//! output and the dumps found in it), and through the lossy UTF-8 reading every runtime applies
//! when it prints bytes as text (Node `toString('utf8')`, Java `new String`, Python
//! `errors='replace'`: one U+FFFD per maximal invalid subsequence, as Rust's own lossy reading
//! does). A `?` and a U+FFFD count as the same character: encoders print `?` for U+FFFD. When
//! runtimes disagree on how many U+FFFD an invalid sequence becomes, or drop invalid bytes
//! (`errors='ignore'`), the valid characters still come out in the same order: the "skeleton"
//! (the text without replacement characters) is compared then.

use memchr::memmem;

use super::super::dump::Views;

/// `?` for U+FFFD, so a replacement printed through a legacy encoder still compares.
pub fn normalize(text: &str) -> String {
    text.replace('\u{fffd}', "?")
}

/// The text without `?` and U+FFFD.
fn skeleton(text: &str) -> String {
    text.chars()
        .filter(|ch| *ch != '?' && *ch != '\u{fffd}')
        .collect()
}

/// A skeleton shorter than this says too little to compare.
const MIN_SKELETON: usize = 12;

/// The text views, normalized once.
#[derive(Debug)]
pub struct Printed<'v> {
    /// The views.
    pub views: &'v Views,
    /// Their text, and the dumps' bytes read as text, normalized.
    pub text: Vec<String>,
    /// Their skeletons.
    skeletons: Vec<String>,
    /// The skeleton of the right plaintext: a replayed output whose skeleton it contains would
    /// also be found in a correct output.
    right_skeleton: Option<String>,
}

impl<'v> Printed<'v> {
    /// Prepares `views` for comparisons.
    pub fn new(views: &'v Views) -> Self {
        // The text views, and the dumps read as text (a `repr` or `JSON.stringify` of text that
        // went through a lossy decoding holds U+FFFD, not the bytes).
        let texts: Vec<String> = views
            .text
            .iter()
            .cloned()
            .chain(
                views
                    .bytes
                    .iter()
                    .skip(1)
                    .map(|view| String::from_utf8_lossy(&view.bytes).into_owned()),
            )
            .collect();
        Self {
            views,
            text: texts.iter().map(|text| normalize(text)).collect(),
            skeletons: texts.iter().map(|text| skeleton(text)).collect(),
            right_skeleton: None,
        }
    }

    /// Knows the right plaintext, so skeleton comparisons can tell a wrong output from it.
    #[must_use]
    pub fn with_right(mut self, plain: Option<&[u8]>) -> Self {
        self.right_skeleton = plain.map(|plain| skeleton(&String::from_utf8_lossy(plain)));
        self
    }

    /// True when the output shows exactly `output`: in a byte view, or as lossy UTF-8 text.
    pub fn shows(&self, output: &[u8]) -> bool {
        !output.is_empty() && (self.in_bytes(output, None) || self.in_text(output, None))
    }

    /// True when the output shows `output` and, where it ends, not the byte `next` (a correct
    /// output would go on with it).
    pub fn shows_ending(&self, output: &[u8], next: u8) -> bool {
        !output.is_empty()
            && (self.in_bytes(output, Some(next)) || self.in_text(output, Some(next)))
    }

    /// True when a text view contains `text` (normalized).
    pub fn says(&self, text: &str) -> bool {
        let wanted = normalize(text);
        !wanted.is_empty() && self.text.iter().any(|view| view.contains(&wanted))
    }

    fn in_bytes(&self, output: &[u8], next: Option<u8>) -> bool {
        self.views.bytes.iter().any(|view| match view.full_len {
            // A dump cut short (`<Buffer … 5 more bytes>`): the shown part and the length.
            Some(full) => {
                next.is_none()
                    && view.bytes.len() >= 16
                    && full == output.len()
                    && output.starts_with(&view.bytes)
            }
            None => memmem::find_iter(&view.bytes, output)
                .any(|at| next.is_none_or(|next| view.bytes.get(at + output.len()) != Some(&next))),
        })
    }

    fn in_text(&self, output: &[u8], next: Option<u8>) -> bool {
        let wanted = normalize(&String::from_utf8_lossy(output));
        // Text that is only replacement characters says nothing.
        if wanted.chars().filter(|ch| *ch != '?').count() < 4 {
            return false;
        }
        let exact = self.text.iter().any(|view| {
            view.match_indices(&wanted).any(|(at, _)| {
                next.is_none_or(|next| view.as_bytes().get(at + wanted.len()) != Some(&next))
            })
        });
        exact || (next.is_none() && self.in_skeleton(&wanted))
    }

    fn in_skeleton(&self, wanted: &str) -> bool {
        let Some(right) = &self.right_skeleton else {
            return false;
        };
        let wanted = skeleton(wanted);
        wanted.chars().count() >= MIN_SKELETON
            && !right.contains(&wanted)
            && self.skeletons.iter().any(|view| view.contains(&wanted))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::explain::dump::views;

    #[test]
    fn finds_bytes_in_dumps_and_in_lossy_text() {
        let garbage = b"{\"code\":\"10000\",\x80\xe9\x809\xde\x8f";
        let printed = format!("out: {}", String::from_utf8_lossy(garbage));
        let read = views(printed.as_bytes());
        assert!(Printed::new(&read).shows(garbage));
        let hex: String = garbage.iter().map(|byte| format!("{byte:02x}")).collect();
        let read = views(format!("{hex}{hex}").as_bytes());
        assert!(Printed::new(&read).shows(garbage));
    }

    #[test]
    fn an_ending_must_not_go_on() {
        let read = views(b"{\"code\":\"10000\",\"msg\":\"Success\"}\n");
        let printed = Printed::new(&read);
        assert!(!printed.shows_ending(b"{\"code\":\"10000\",", b'"'));
        assert!(printed.shows_ending(b"{\"code\":\"10000\",\"msg\":\"Success\"}", b'\t'));
    }

    #[test]
    fn other_replacement_counts_and_dropped_bytes_compare() {
        let garbage = b"\x80\x81zq\xffW9k\xfe\xfeLm2\xc3Pa8\xe9Rt";
        let dropped: String = String::from_utf8_lossy(garbage).replace('\u{fffd}', "");
        let read = views(dropped.as_bytes());
        assert!(
            !Printed::new(&read).shows(garbage),
            "needs the right plaintext"
        );
        assert!(Printed::new(&read).with_right(Some(b"{}")).shows(garbage));
        assert!(
            !Printed::new(&read)
                .with_right(Some(dropped.as_bytes()))
                .shows(garbage)
        );
    }

    #[test]
    fn replacement_characters_and_question_marks_compare() {
        let read = views("subMsg: 绯?".as_bytes());
        assert!(Printed::new(&read).says("绯\u{fffd}"));
        assert!(!Printed::new(&read).says(""));
    }
}
