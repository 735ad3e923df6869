//! The scanning machinery: a reader cuts the input into batches of lines, workers diagnose them
//! with keys parsed once, and their counts are merged. Bounded memory: a few batches in flight.

use std::io::BufRead;
use std::num::NonZeroUsize;
use std::sync::{Mutex, mpsc};

use serde_json::value::RawValue;
use thiserror::Error;

use super::tally::{LineOutcome, Tally};
use crate::domain::MAX_INPUT_BYTES;
use crate::domain::{PreparedKeys, diagnose_prepared};

/// The longest line diagnosed (the `check` input limit); a longer one is counted as `line_too_long`.
pub const MAX_LINE_BYTES: usize = MAX_INPUT_BYTES;
/// A batch handed to a worker closes at this many lines…
const BATCH_LINES: usize = 256;
/// …or at this many bytes.
const BATCH_BYTES: usize = 1 << 20;
/// More worker threads than this are not started.
pub const MAX_THREADS: usize = 256;

/// How to scan.
#[derive(Debug, Clone)]
pub struct ScanOptions {
    /// With `Some`, each line is a JSON object and this field is diagnosed.
    pub field: Option<String>,
    /// Worker threads.
    pub threads: NonZeroUsize,
    /// Longer lines are counted as `line_too_long`, not diagnosed ([`MAX_LINE_BYTES`] by default).
    pub max_line_bytes: usize,
}

impl ScanOptions {
    /// Whole lines as payloads, on `threads` workers, with the default line limit.
    pub fn new(threads: NonZeroUsize) -> Self {
        Self {
            field: None,
            threads,
            max_line_bytes: MAX_LINE_BYTES,
        }
    }
}

/// Why a scan stopped.
#[derive(Debug, Error)]
pub enum ScanError {
    /// Reading the input failed.
    #[error("cannot read the input: {0}")]
    Input(#[source] std::io::Error),
    /// A worker thread ended abnormally (a bug: the diagnosis never panics).
    #[error("a scan worker stopped unexpectedly")]
    Worker,
}

/// Where a scan reports how far it got (a terminal progress bar, or nothing).
pub trait Progress: Sync {
    /// `bytes` more were read; `lines` have been read in all.
    fn advance(&self, bytes: u64, lines: u64);
}

/// No progress report.
impl Progress for () {
    fn advance(&self, _bytes: u64, _lines: u64) {}
}

/// Lines of one batch: the bytes back to back and, per line, its number and range.
struct Batch {
    bytes: Vec<u8>,
    lines: Vec<(u64, std::ops::Range<usize>, bool)>,
}

/// Scans `reader` with `keys` on `options.threads` workers. `progress` advances by bytes read
/// (pass `&()` for none). Memory stays bounded whatever the input size.
pub fn scan_reader(
    mut reader: impl BufRead,
    keys: &PreparedKeys,
    options: &ScanOptions,
    progress: &dyn Progress,
) -> Result<Tally, ScanError> {
    let threads = options.threads.get().min(MAX_THREADS);
    let (sender, receiver) = mpsc::sync_channel::<Batch>(threads * 2);
    let receiver = Mutex::new(receiver);
    let field = options.field.as_deref();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| scope.spawn(|| work(&receiver, keys, field)))
            .collect();
        let fed = feed(&mut reader, &sender, options.max_line_bytes, progress);
        drop(sender);
        let mut tally = Tally::default();
        for worker in workers {
            tally.merge(worker.join().map_err(|_| ScanError::Worker)?);
        }
        let (lines, blank_lines) = fed.map_err(ScanError::Input)?;
        tally.lines = lines;
        tally.blank_lines = blank_lines;
        Ok(tally)
    })
}

/// Reads lines into batches and hands them to the workers; returns (lines, blank lines).
fn feed(
    reader: &mut impl BufRead,
    sender: &mpsc::SyncSender<Batch>,
    max_line_bytes: usize,
    progress: &dyn Progress,
) -> std::io::Result<(u64, u64)> {
    let (mut lines, mut blank, mut unreported) = (0u64, 0u64, 0u64);
    let mut batch = Batch {
        bytes: Vec::new(),
        lines: Vec::with_capacity(BATCH_LINES),
    };
    loop {
        let start = batch.bytes.len();
        let Some((consumed, too_long)) =
            read_line_capped(reader, &mut batch.bytes, max_line_bytes)?
        else {
            break;
        };
        lines += 1;
        unreported += consumed;
        let line = batch.bytes.get(start..).unwrap_or_default();
        if !too_long && line.iter().all(u8::is_ascii_whitespace) {
            blank += 1;
            batch.bytes.truncate(start);
            continue;
        }
        let end = batch.bytes.len();
        batch.lines.push((lines, start..end, too_long));
        if batch.lines.len() >= BATCH_LINES || batch.bytes.len() >= BATCH_BYTES {
            let next = Batch {
                bytes: Vec::with_capacity(batch.bytes.len().min(BATCH_BYTES)),
                lines: Vec::with_capacity(BATCH_LINES),
            };
            if sender.send(std::mem::replace(&mut batch, next)).is_err() {
                break;
            }
            progress.advance(std::mem::take(&mut unreported), lines);
        }
    }
    if !batch.lines.is_empty() {
        // Only fails when every worker is gone; the join reports that.
        let _ = sender.send(batch);
    }
    progress.advance(unreported, lines);
    Ok((lines, blank))
}

/// Appends the next line to `buf` without its `\n` (or `\r\n`), keeping at most `cap` bytes.
/// Returns `None` at the end of the input, else the bytes consumed and whether the line was cut.
fn read_line_capped(
    reader: &mut impl BufRead,
    buf: &mut Vec<u8>,
    cap: usize,
) -> std::io::Result<Option<(u64, bool)>> {
    let start = buf.len();
    let (mut consumed, mut too_long) = (0u64, false);
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if available.is_empty() {
            break;
        }
        let newline = available.iter().position(|byte| *byte == b'\n');
        let (chunk, used) = match newline {
            Some(at) => (available.get(..at).unwrap_or_default(), at + 1),
            None => (available, available.len()),
        };
        let room = cap.saturating_sub(buf.len() - start);
        too_long |= chunk.len() > room;
        buf.extend_from_slice(chunk.get(..room.min(chunk.len())).unwrap_or_default());
        reader.consume(used);
        consumed += used as u64;
        if newline.is_some() {
            break;
        }
    }
    if consumed == 0 {
        return Ok(None);
    }
    if buf.len() > start && buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(Some((consumed, too_long)))
}

/// A worker: diagnoses batches until the channel closes, and returns its counts.
fn work(
    receiver: &Mutex<mpsc::Receiver<Batch>>,
    keys: &PreparedKeys,
    field: Option<&str>,
) -> Tally {
    let mut tally = Tally::default();
    loop {
        let next = match receiver.lock() {
            Ok(guard) => guard.recv(),
            Err(_) => break,
        };
        let Ok(batch) = next else { break };
        for (number, range, too_long) in batch.lines {
            let line = batch.bytes.get(range).unwrap_or_default();
            if too_long {
                tally.record(number, &LineOutcome::LineTooLong);
                continue;
            }
            match field {
                None => tally.record_report(number, &diagnose_prepared(keys, line)),
                Some(name) => match field_value(line, name) {
                    Some(payload) => {
                        tally.record_report(number, &diagnose_prepared(keys, &payload));
                    }
                    None => tally.record(number, &LineOutcome::FieldMissing),
                },
            }
        }
    }
    tally
}

/// The paste held in field `name` of a JSON-object line: a string's content, or any other
/// value's exact JSON text. `None` when the line is not a JSON object with that field.
pub fn field_value(line: &[u8], name: &str) -> Option<Vec<u8>> {
    let object: std::collections::HashMap<String, &RawValue> = serde_json::from_slice(line).ok()?;
    let raw = object.get(name)?.get();
    if raw.starts_with('"') {
        serde_json::from_str::<String>(raw)
            .ok()
            .map(String::into_bytes)
    } else {
        Some(raw.as_bytes().to_vec())
    }
}
