//! Many responses with the same keys: one payload per line (or a JSON-lines field), keys parsed
//! once, every core, constant memory, and per-category counts with the first line numbers.

mod engine;
mod tally;

pub use engine::{
    MAX_LINE_BYTES, MAX_THREADS, Progress, ScanError, ScanOptions, field_value, scan_reader,
};
pub use tally::{CategoryCount, FIRST_LINES, LineOutcome, Tally};

use serde::Serialize;

/// A summary: the counts, and how fast they were made.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// The counts.
    #[serde(flatten)]
    pub tally: Tally,
    /// Worker threads used.
    pub threads: usize,
    /// Wall-clock time of the scan, keys excluded.
    pub elapsed_secs: f64,
    /// Non-blank lines per second.
    pub payloads_per_sec: f64,
}
