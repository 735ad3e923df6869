//! The command line: clap arguments and exit codes over [`crate::domain`], [`crate::features`]
//! and [`crate::render`]. Exit status: 0 for `ok`, 1 for any other diagnosis, 2 for usage and I/O
//! errors (one line on standard error, in the report's language).

mod check;
mod explain;
mod frontend;
mod generate;
pub mod profiles;
pub mod scan;
mod server_check;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::domain;

pub use check::ReportFormat;

use crate::i18n::Lang;

/// Command-line arguments.
#[derive(Debug, Parser)]
#[command(
    name = "alipay-phone-doctor",
    version,
    about = "Diagnose Alipay my.getPhoneNumber responses offline (signature, decryption, remediation). Run without arguments to open the window."
)]
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
    /// Diagnose one payload per line of a file (keys parsed once, every core) and summarize.
    Scan(scan::ScanArgs),
    /// Build a mock Alipay `res.response` (signed and encrypted) from a payload or a scenario.
    Generate(generate::GenerateArgs),
    /// Write a fresh test RSA key pair and AES key to a directory.
    GenerateKeys(generate::GenerateKeysArgs),
    /// Check a page's AXML and JS for the authorization button and the getPhoneNumber call.
    FrontendCheck(frontend::FrontendCheckArgs),
    /// Check server code (Java, PHP, JS/TS, Python, Go, C#) for known verify and decrypt mistakes.
    ServerCheck(server_check::ServerCheckArgs),
    /// List, add or remove key profiles (file paths only).
    Profiles(profiles::ProfilesArgs),
    /// Explain what your server printed: name the mistake in its code (with the response and
    /// the keys, by replaying the known wrong implementations).
    Explain(explain::ExplainArgs),
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
    /// Output format (`markdown`: a shareable report, mobile masked, no key material).
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// Language of titles and remediation (default: from the system locale).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Print the mobile number in full in the text report.
    #[arg(long)]
    pub show_mobile: bool,
    /// Use the keys of this profile (explicit key options still win).
    #[arg(long, value_name = "NAME", conflicts_with = "try_all_profiles")]
    pub profile: Option<String>,
    /// Try every profile: say which one verifies and which one decrypts, and use the best.
    #[arg(long)]
    pub try_all_profiles: bool,
    /// The profiles file (default: $XDG_CONFIG_HOME/alipay-phone-doctor/profiles.toml).
    #[arg(long, value_name = "FILE")]
    pub profiles: Option<PathBuf>,
    /// Add the troubleshooting checklist, pre-filled from the diagnosis.
    #[arg(long)]
    pub checklist: bool,
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
        Command::Scan(args) => scan::run(&args),
        Command::Generate(args) => generate::run(&args),
        Command::GenerateKeys(args) => generate::run_keys(&args),
        Command::FrontendCheck(args) => frontend::run(&args),
        Command::ServerCheck(args) => server_check::run(&args),
        Command::Profiles(args) => profiles::run(&args),
        Command::Explain(args) => explain::run(&args),
    }
}

fn check(args: &CheckArgs) -> ExitCode {
    let lang = lang_or_locale(args.lang);
    let prepared = match check::prepare(args) {
        Ok(prepared) => prepared,
        Err(error) => return fail(&error.message(lang)),
    };
    let report = domain::diagnose(&prepared.inputs);
    let written = check::write_report(&report, lang, args, &prepared);
    if let Err(error) = written {
        return output_failed(&error, lang);
    }
    if report.category == domain::Category::Ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// The language asked for, else the system's.
pub fn lang_or_locale(lang: Option<LangArg>) -> Lang {
    match lang {
        Some(LangArg::Zh) => Lang::Zh,
        Some(LangArg::En) => Lang::En,
        None => crate::platform::locale::system_lang(),
    }
}

/// Prints one error line and returns exit status 2.
fn fail(message: &str) -> ExitCode {
    eprintln!("alipay-phone-doctor: {message}");
    ExitCode::from(2)
}

/// Standard output failed: silent for a closed pipe (`| head`), else one error line; exit 2
/// either way unless the pipe was closed.
fn output_failed(error: &std::io::Error, lang: Lang) -> ExitCode {
    if error.kind() == std::io::ErrorKind::BrokenPipe {
        return ExitCode::SUCCESS;
    }
    fail(&crate::i18n::fill(
        crate::i18n::tr("error.write_report", lang),
        &[("reason", &crate::render::errors::io_reason(error, lang))],
    ))
}

/// The window could not open: one line in the system's language, exit status 2.
pub fn window_failed(error: &eframe::Error) -> ExitCode {
    let lang = crate::platform::locale::system_lang();
    fail(&crate::i18n::fill(
        crate::i18n::tr("error.window.open", lang),
        &[("detail", &error.to_string())],
    ))
}
