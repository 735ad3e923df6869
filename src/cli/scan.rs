//! `alipay-phone-doctor scan`: diagnoses one payload per line (or a JSON-lines field) with keys
//! parsed once, on every core, in constant memory whatever the input size, and prints a summary:
//! the count of each category with its first line numbers, and the decrypted result codes.

mod engine;
mod tally;

use std::io::{BufRead, BufReader, IsTerminal as _, Write as _};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;

use super::{Format, ReadError, read_input, read_text_input};
use crate::domain::PreparedKeys;

pub use engine::{MAX_LINE_BYTES, MAX_THREADS, ScanError, ScanOptions, field_value, scan_reader};
pub use tally::{CategoryCount, FIRST_LINES, Tally};

/// Arguments of `scan`.
#[derive(Debug, clap::Args)]
pub struct ScanArgs {
    /// One payload per line: a file, or `-` for standard input. Blank lines are skipped.
    #[arg(long, value_name = "FILE|-")]
    pub input: PathBuf,
    /// Read each line as a JSON object and diagnose this field: a string is the paste itself, any
    /// other value is diagnosed as its JSON text.
    #[arg(long, value_name = "NAME")]
    pub field: Option<String>,
    /// The Alipay public key or certificate, parsed once for the whole run.
    #[arg(long, value_name = "FILE")]
    pub alipay_public_key: PathBuf,
    /// The AES key (base64), parsed once for the whole run.
    #[arg(long, value_name = "FILE")]
    pub aes_key: PathBuf,
    /// Output format of the summary.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Worker threads (default: every core; at most 256).
    #[arg(long, value_name = "N")]
    pub threads: Option<NonZeroUsize>,
    /// No progress bar (there is none either when standard error is not a terminal).
    #[arg(long, short)]
    pub quiet: bool,
}

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

/// Runs `scan`; returns the exit code: 0 when every line is `ok`, 1 otherwise, 2 for errors.
pub fn run(args: &ScanArgs) -> ExitCode {
    let keys = match load_keys(args) {
        Ok(keys) => keys,
        Err(error) => return fail(&error),
    };
    let threads = args
        .threads
        .or_else(|| std::thread::available_parallelism().ok())
        .unwrap_or(NonZeroUsize::MIN);
    let options = ScanOptions {
        field: args.field.clone(),
        ..ScanOptions::new(threads)
    };
    let (reader, total): (Box<dyn BufRead>, Option<u64>) = if args.input.as_os_str() == "-" {
        (
            Box::new(BufReader::with_capacity(1 << 16, std::io::stdin())),
            None,
        )
    } else {
        match open(&args.input) {
            Ok(opened) => opened,
            Err(error) => return fail(&error),
        }
    };
    let progress = progress_bar(!args.quiet && std::io::stderr().is_terminal(), total);
    let started = Instant::now();
    let scanned = scan_reader(reader, &keys, &options, &progress);
    progress.finish_and_clear();
    let tally = match scanned {
        Ok(tally) => tally,
        Err(error) => {
            eprintln!(
                "alipay-phone-doctor: --input {}: {error}",
                args.input.display()
            );
            return ExitCode::from(2);
        }
    };
    let summary = summarize(tally, threads, started.elapsed());
    let mut stdout = std::io::stdout().lock();
    let written = match args.format {
        Format::Json => serde_json::to_string_pretty(&summary)
            .map_err(std::io::Error::other)
            .and_then(|json| writeln!(stdout, "{json}")),
        Format::Text => render_text(&mut stdout, &summary),
    };
    if let Err(error) = written
        && error.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("alipay-phone-doctor: cannot write the summary: {error}");
        return ExitCode::from(2);
    }
    if summary.tally.all_ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn fail(error: &ReadError) -> ExitCode {
    eprintln!("alipay-phone-doctor: {error}");
    ExitCode::from(2)
}

fn load_keys(args: &ScanArgs) -> Result<PreparedKeys, ReadError> {
    let public_key = read_input("--alipay-public-key", &args.alipay_public_key)?;
    let aes_key = read_text_input("--aes-key", &args.aes_key)?;
    Ok(PreparedKeys::new(
        Some(&public_key),
        Some(&aes_key),
        super::now_unix_secs(),
    ))
}

fn open(path: &Path) -> Result<(Box<dyn BufRead>, Option<u64>), ReadError> {
    let io_error = |source| ReadError::Io {
        flag: "--input",
        path: path.to_owned(),
        source,
    };
    if path.is_dir() {
        return Err(ReadError::Directory {
            flag: "--input",
            path: path.to_owned(),
        });
    }
    let file = std::fs::File::open(path).map_err(io_error)?;
    let total = file.metadata().ok().map(|metadata| metadata.len());
    Ok((Box::new(BufReader::with_capacity(1 << 16, file)), total))
}

fn progress_bar(visible: bool, total: Option<u64>) -> ProgressBar {
    if !visible {
        return ProgressBar::hidden();
    }
    let (bar, template) = match total {
        Some(total) => (
            ProgressBar::new(total),
            "{spinner} {elapsed_precise} {wide_bar} {bytes}/{total_bytes} · {msg} · eta {eta}",
        ),
        None => (
            ProgressBar::no_length(),
            "{spinner} {elapsed_precise} {bytes} read · {msg}",
        ),
    };
    bar.set_draw_target(ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

fn summarize(tally: Tally, threads: NonZeroUsize, elapsed: Duration) -> Summary {
    let elapsed_secs = elapsed.as_secs_f64();
    let payloads_per_sec = if elapsed_secs > 0.0 {
        tally.payloads as f64 / elapsed_secs
    } else {
        0.0
    };
    Summary {
        tally,
        threads: threads.get().min(MAX_THREADS),
        elapsed_secs,
        payloads_per_sec,
    }
}

fn render_text(out: &mut impl std::io::Write, summary: &Summary) -> std::io::Result<()> {
    let tally = &summary.tally;
    writeln!(
        out,
        "Scanned {} lines ({} payloads, {} blank) with {} thread(s) in {:.2} s: {:.0} payloads/s",
        tally.lines,
        tally.payloads,
        tally.blank_lines,
        summary.threads,
        summary.elapsed_secs,
        summary.payloads_per_sec
    )?;
    writeln!(out, "\n{:<36} {:>10}  first lines", "category", "count")?;
    for (category, counted) in &tally.categories {
        let first: Vec<String> = counted.first_lines.iter().map(u64::to_string).collect();
        writeln!(
            out,
            "{category:<36} {:>10}  {}",
            counted.count,
            first.join(", ")
        )?;
    }
    if !tally.result_codes.is_empty() {
        writeln!(out, "\n{:<36} {:>10}", "result code (decrypted)", "count")?;
        for (code, count) in &tally.result_codes {
            writeln!(out, "{code:<36} {count:>10}")?;
        }
    }
    Ok(())
}
