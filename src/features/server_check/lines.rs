//! Line numbers and line ranges of a text, by byte offset.

use std::ops::Range;

/// Where each line of a text starts.
#[derive(Debug, Clone)]
pub struct Lines {
    /// Byte offset of the first byte of each line; the first is 0.
    starts: Vec<usize>,
    /// Length of the text.
    len: usize,
}

impl Lines {
    /// Indexes `text` (lines are separated by `\n`).
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, byte)| *byte == b'\n')
                .map(|(index, _)| index + 1),
        );
        Self {
            starts,
            len: text.len(),
        }
    }

    /// How many lines (a text ending in a line break has an empty last line).
    pub fn count(&self) -> usize {
        self.starts.len()
    }

    /// The 1-based line of the byte at `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|start| *start <= offset).max(1)
    }

    /// The byte offset where the 1-based `line` starts (the end of the text past the last line).
    pub fn start_of(&self, line: usize) -> usize {
        line.checked_sub(1)
            .and_then(|index| self.starts.get(index))
            .copied()
            .unwrap_or(self.len)
    }

    /// Offsets covering lines `first..=last` (1-based, clamped to the text), each with its line
    /// break; empty when `last < first`.
    pub fn span(&self, first: usize, last: usize) -> Range<usize> {
        let first = first.max(1);
        let last = last.min(self.count());
        if last < first {
            return 0..0;
        }
        self.start_of(first)..self.start_of(last + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_spans() {
        let text = "ab\ncd\n\nef";
        let lines = Lines::new(text);
        assert_eq!(lines.count(), 4);
        assert_eq!(lines.line_of(0), 1);
        assert_eq!(lines.line_of(2), 1);
        assert_eq!(lines.line_of(3), 2);
        assert_eq!(lines.line_of(100), 4);
        assert_eq!(&text[lines.span(2, 3)], "cd\n\n");
        assert_eq!(&text[lines.span(0, 1)], "ab\n");
        assert_eq!(&text[lines.span(4, 9)], "ef");
        assert_eq!(lines.span(5, 9), 0..0);
        assert_eq!(lines.span(3, 2), 0..0);
    }
}
