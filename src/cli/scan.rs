//! `alipay-phone-doctor scan`: diagnoses one payload per line (or a JSON-lines field) with keys
//! parsed once, on every core, in constant memory whatever the input size, and prints a summary:
//! the count of each category with its first line numbers, and the decrypted result codes.

use std::io::{BufRead, BufReader, IsTerminal as _, Write as _};
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::{Format, LangArg, fail, lang_or_locale, output_failed};
use crate::domain::PreparedKeys;
use crate::features::scan::{
    MAX_THREADS, Progress, ScanError, ScanOptions, Summary, Tally, scan_reader,
};
use crate::i18n::{Lang, fill, tr};
use crate::platform::clock::now_unix_secs;
use crate::platform::files::{InputName, ReadError, open_input, read_input, read_text_input};
use crate::render::errors::{Context, io_reason, read_error};

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
    /// Language of the summary (default: from the system locale).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

/// Runs `scan`; returns the exit code: 0 when every line is `ok`, 1 otherwise, 2 for errors.
pub fn run(args: &ScanArgs) -> ExitCode {
    let lang = lang_or_locale(args.lang);
    let keys = match load_keys(args) {
        Ok(keys) => keys,
        Err(error) => return fail(&read_error(&error, lang, Context::Cli)),
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
        match open_input(InputName::Flag("--input"), &args.input) {
            Ok((file, total)) => (Box::new(BufReader::with_capacity(1 << 16, file)), total),
            Err(error) => return fail(&read_error(&error, lang, Context::Cli)),
        }
    };
    let progress = progress_bar(!args.quiet && std::io::stderr().is_terminal(), total, lang);
    let started = Instant::now();
    let scanned = scan_reader(reader, &keys, &options, &TerminalProgress(progress.clone()));
    progress.finish_and_clear();
    let tally = match scanned {
        Ok(tally) => tally,
        Err(error) => {
            let message = match &error {
                ScanError::Input(source) => fill(
                    tr("error.scan.input", lang),
                    &[("reason", &io_reason(source, lang))],
                ),
                ScanError::Worker => tr("error.scan.worker", lang).to_owned(),
            };
            return fail(&format!("--input {}: {message}", args.input.display()));
        }
    };
    let summary = summarize(tally, threads, started.elapsed());
    let mut stdout = std::io::stdout().lock();
    let written = match args.format {
        Format::Json => serde_json::to_string_pretty(&summary)
            .map_err(std::io::Error::other)
            .and_then(|json| writeln!(stdout, "{json}")),
        Format::Text => crate::render::text::render_scan_summary(&mut stdout, &summary, lang),
    };
    if let Err(error) = written {
        return output_failed(&error, lang);
    }
    if summary.tally.all_ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn load_keys(args: &ScanArgs) -> Result<PreparedKeys, ReadError> {
    let public_key = read_input(
        InputName::Flag("--alipay-public-key"),
        &args.alipay_public_key,
    )?;
    let aes_key = read_text_input(InputName::Flag("--aes-key"), &args.aes_key)?;
    Ok(PreparedKeys::new(
        Some(&public_key),
        Some(&aes_key),
        now_unix_secs(),
    ))
}

/// The terminal's progress bar as a scan's progress report.
struct TerminalProgress(ProgressBar);

impl Progress for TerminalProgress {
    fn advance(&self, bytes: u64, lines: u64) {
        self.0.inc(bytes);
        self.0.set_message(lines.to_string());
    }
}

fn progress_bar(visible: bool, total: Option<u64>, lang: Lang) -> ProgressBar {
    if !visible {
        return ProgressBar::hidden();
    }
    let (bar, template) = match total {
        Some(total) => (
            ProgressBar::new(total),
            format!(
                "{{spinner}} {{elapsed_precise}} {{wide_bar}} {{bytes}}/{{total_bytes}} · {{msg}} {} · eta {{eta}}",
                tr("scan.lines_read", lang)
            ),
        ),
        None => (
            ProgressBar::no_length(),
            format!(
                "{{spinner}} {{elapsed_precise}} {{bytes}} {} · {{msg}} {}",
                tr("scan.read", lang),
                tr("scan.lines_read", lang)
            ),
        ),
    };
    bar.set_draw_target(ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(&template) {
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
