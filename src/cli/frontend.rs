//! `frontend-check`: reads a page's AXML and JS and reports what the FAQ requires of the
//! authorization button and of the `my.getPhoneNumber` call. Exit 0 when nothing is flagged.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::json;

use super::{Format, LangArg, fail, lang_or_locale, output_failed};
use crate::domain::Severity;
use crate::features::frontend_check::check_frontend;
use crate::platform::files::{InputName, read_input};
use crate::render::errors::{Context, read_error};
use crate::render::{json, text};

/// Arguments of `frontend-check`.
#[derive(Debug, clap::Args)]
pub struct FrontendCheckArgs {
    /// The page's AXML (`-` for standard input).
    #[arg(long, value_name = "FILE|-")]
    pub axml: PathBuf,
    /// The page's JS.
    #[arg(long, value_name = "FILE")]
    pub js: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Language of titles and remediation (default: from the system locale).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

/// Runs `frontend-check`.
pub fn run(args: &FrontendCheckArgs) -> ExitCode {
    let lang = lang_or_locale(args.lang);
    let read = |flag, path| {
        read_input(InputName::Flag(flag), path)
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
    };
    let (axml, js) =
        match read("--axml", &args.axml).and_then(|axml| Ok((axml, read("--js", &args.js)?))) {
            Ok(texts) => texts,
            Err(error) => return fail(&read_error(&error, lang, Context::Cli)),
        };
    let findings = check_frontend(&axml, &js);
    let passed = findings
        .iter()
        .all(|finding| finding.severity() < Severity::Warning);
    let mut out = anstream::stdout().lock();
    let written = match args.format {
        Format::Json => writeln!(
            out,
            "{}",
            json!({ "passed": passed, "findings": json::findings_json(&findings, lang), "lang": lang.code() })
        ),
        Format::Text => text::render_frontend_check(&mut out, &findings, lang),
    };
    if let Err(error) = written {
        return output_failed(&error, lang);
    }
    if passed {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
