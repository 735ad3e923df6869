//! `frontend-check`: reads a page's AXML and JS and reports what the FAQ requires of the
//! authorization button and of the `my.getPhoneNumber` call. Exit 0 when nothing is flagged.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::json;

use super::check_extras::lang_or_locale;
use super::{Format, LangArg, read_input};
use crate::domain::frontend_check::check_frontend;
use crate::domain::hints::{remediation, title};
use crate::domain::{Finding, Lang, Severity};
use crate::i18n::{severity_label, tr};

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
    let read = |flag, path| {
        read_input(flag, path).map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
    };
    let (axml, js) =
        match read("--axml", &args.axml).and_then(|axml| Ok((axml, read("--js", &args.js)?))) {
            Ok(texts) => texts,
            Err(error) => {
                eprintln!("alipay-phone-doctor: {error}");
                return ExitCode::from(2);
            }
        };
    let lang = lang_or_locale(args.lang);
    let findings = check_frontend(&axml, &js);
    let passed = findings
        .iter()
        .all(|finding| finding.severity() < Severity::Warning);
    let mut out = anstream::stdout().lock();
    let written = match args.format {
        Format::Json => writeln!(out, "{}", render_json(&findings, passed, lang)),
        Format::Text => {
            let mut result = writeln!(out, "{}:", tr("frontend_check_heading", lang));
            for finding in &findings {
                result = result
                    .and_then(|()| {
                        writeln!(
                            out,
                            "  [{}] {}  ({})",
                            severity_label(finding.severity(), lang),
                            title(finding, lang),
                            finding.code.as_str()
                        )
                    })
                    .and_then(|()| {
                        if finding.severity() >= Severity::Warning {
                            writeln!(
                                out,
                                "      {}: {}",
                                tr("fix", lang),
                                remediation(finding, lang)
                            )
                        } else {
                            Ok(())
                        }
                    });
            }
            result
        }
    };
    if let Err(error) = written
        && error.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("alipay-phone-doctor: cannot write the report: {error}");
        return ExitCode::from(2);
    }
    if passed {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn render_json(findings: &[Finding], passed: bool, lang: Lang) -> serde_json::Value {
    let items: Vec<_> = findings
        .iter()
        .map(|finding| crate::domain::share::finding_json(finding, lang))
        .collect();
    json!({ "passed": passed, "findings": items, "lang": lang.code() })
}
