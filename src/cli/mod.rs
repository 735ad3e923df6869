//! The command line: `alipay-phone-doctor check …`, over the same [`crate::domain::diagnose`] as
//! the window. Exit status: 0 for `ok`, 1 for any other diagnosis, 2 for usage and I/O errors.

mod json;
mod read;
mod text;

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::domain::{self, Inputs, Lang};

pub use read::{MAX_INPUT_BYTES, ReadError, read_input};

/// Command-line arguments.
#[derive(Debug, Parser)]
#[command(name = "alipay-phone-doctor", version, about = "Diagnose Alipay my.getPhoneNumber responses offline (signature, decryption, remediation). Run without arguments to open the window.")]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Diagnose one response.
    Check(CheckArgs),
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A readable report.
    Text,
    /// One JSON object.
    Json,
}

/// Languages on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// 简体中文.
    Zh,
    /// English.
    En,
}

/// Arguments of `check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The pasted `res.response` (a file, or `-` for standard input).
    #[arg(long, value_name = "FILE|-")]
    pub response: PathBuf,
    /// The Alipay public key or certificate (bare base64, PEM, PKCS#1, X.509 PEM/DER).
    #[arg(long, value_name = "FILE")]
    pub alipay_public_key: Option<PathBuf>,
    /// The AES key (base64, as the console shows it).
    #[arg(long, value_name = "FILE")]
    pub aes_key: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Language of titles and remediation (default: from the system locale).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Print the mobile number in full in the text report.
    #[arg(long)]
    pub show_mobile: bool,
}

/// Parses arguments and runs; returns the process exit code.
pub fn main_with_args(args: impl IntoIterator<Item = std::ffi::OsString>) -> ExitCode {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            let code = if error.use_stderr() { 2 } else { 0 };
            let _ = error.print();
            return ExitCode::from(code);
        }
    };
    match cli.command {
        Command::Check(args) => check(&args),
    }
}

fn check(args: &CheckArgs) -> ExitCode {
    let inputs = match gather(args) {
        Ok(inputs) => inputs,
        Err(error) => {
            eprintln!("alipay-phone-doctor: {error}");
            return ExitCode::from(2);
        }
    };
    let report = domain::diagnose(&inputs);
    let lang = match args.lang {
        Some(LangArg::Zh) => Lang::Zh,
        Some(LangArg::En) => Lang::En,
        None => sys_locale::get_locale().map_or(Lang::En, |locale| Lang::from_locale(&locale)),
    };
    let written = match args.format {
        Format::Json => {
            let mut stdout = std::io::stdout().lock();
            writeln!(stdout, "{}", json::render(&report, lang))
        }
        Format::Text => text::render(&report, lang, args.show_mobile),
    };
    if let Err(error) = written
        && error.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("alipay-phone-doctor: cannot write the report: {error}");
        return ExitCode::from(2);
    }
    if report.category == "ok" { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

fn gather(args: &CheckArgs) -> Result<Inputs, ReadError> {
    let response = read_input("--response", &args.response)?;
    let alipay_public_key = args
        .alipay_public_key
        .as_ref()
        .map(|path| read_input("--alipay-public-key", path))
        .transpose()?;
    let aes_key = args.aes_key.as_ref().map(|path| read_input("--aes-key", path)).transpose()?;
    Ok(Inputs {
        response,
        alipay_public_key,
        aes_key,
        now_unix_secs: now_unix_secs(),
    })
}

/// Seconds since the Unix epoch, for certificate validity.
pub fn now_unix_secs() -> Option<u64> {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()
        .map(|elapsed| elapsed.as_secs())
}
