//! `server-check`: reads server source files and reports the known mistakes of verifying and
//! decrypting `res.response`. Exit 0 when no error-level finding, 1 otherwise, 2 for usage and
//! I/O errors.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use super::{Format, LangArg, fail, lang_or_locale, output_failed};
use crate::features::server_check::{self, Language, Located, RuleSet};
use crate::i18n::{Lang, fill, tr};
use crate::platform::files::{InputName, read_input};
use crate::render::errors::{Context, read_error};
use crate::render::{json, server_check as report};

/// Languages on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LanguageArg {
    /// Java.
    Java,
    /// PHP.
    Php,
    /// JavaScript or TypeScript.
    #[value(alias = "ts")]
    Js,
    /// Python.
    #[value(alias = "py")]
    Python,
    /// Go.
    Go,
    /// C#.
    #[value(alias = "cs")]
    Csharp,
}

impl From<LanguageArg> for Language {
    fn from(language: LanguageArg) -> Self {
        match language {
            LanguageArg::Java => Self::Java,
            LanguageArg::Php => Self::Php,
            LanguageArg::Js => Self::Js,
            LanguageArg::Python => Self::Python,
            LanguageArg::Go => Self::Go,
            LanguageArg::Csharp => Self::CSharp,
        }
    }
}

/// Arguments of `server-check`.
#[derive(Debug, clap::Args)]
pub struct ServerCheckArgs {
    /// Source files (Java, PHP, JS/TS, Python, Go, C#; the language follows the extension).
    /// `-` reads standard input and needs `--language`.
    #[arg(long = "file", value_name = "FILE", required = true, num_args = 1..)]
    pub files: Vec<PathBuf>,
    /// Read every file as this language, whatever its extension.
    #[arg(long, value_enum)]
    pub language: Option<LanguageArg>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Language of titles and remediation (default: from the system locale).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

/// Runs `server-check`.
pub fn run(args: &ServerCheckArgs) -> ExitCode {
    let lang = lang_or_locale(args.lang);
    let rules = match server_check::builtin() {
        Ok(rules) => rules,
        Err(error) => {
            let detail = error.to_string();
            return fail(&fill(
                tr("server_check.error.rules", lang),
                &[("detail", &detail)],
            ));
        }
    };
    let findings = match check_all(rules, args, lang) {
        Ok(findings) => findings,
        Err(message) => return fail(&message),
    };
    let mut out = anstream::stdout().lock();
    let written = match args.format {
        Format::Json => {
            let plain = findings.iter().map(|located| &located.finding);
            writeln!(out, "{}", json::server_check_json(plain, lang))
        }
        Format::Text => report::render(&mut out, args.files.len(), &findings, lang),
    };
    if let Err(error) = written {
        return output_failed(&error, lang);
    }
    if server_check::has_error(findings.iter().map(|located| &located.finding)) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Every file's findings, in the order the files were named; the first file that cannot be
/// read (a directory included) or placed in a language stops the run with its message.
fn check_all(rules: &RuleSet, args: &ServerCheckArgs, lang: Lang) -> Result<Vec<Located>, String> {
    let forced = args.language.map(Language::from);
    let mut findings = Vec::new();
    for path in &args.files {
        let shown = path.display().to_string();
        let bytes = read_input(InputName::Flag("--file"), path)
            .map_err(|error| read_error(&error, lang, Context::Cli))?;
        let Some(language) = forced.or_else(|| rules.language_of(&shown)) else {
            return Err(unknown_language(rules, &shown, lang));
        };
        let text = String::from_utf8_lossy(&bytes);
        findings.extend(rules.check_located(&shown, language, &text));
    }
    Ok(findings)
}

fn unknown_language(rules: &RuleSet, path: &str, lang: Lang) -> String {
    let extensions: Vec<String> = Language::ALL
        .iter()
        .flat_map(|language| rules.extensions(*language))
        .map(|extension| format!(".{extension}"))
        .collect();
    fill(
        tr("server_check.error.unknown_language", lang),
        &[("path", path), ("extensions", &extensions.join(" "))],
    )
}
