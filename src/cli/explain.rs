//! `explain`: what a server printed (an exception, `false`, garbled text, a dump), read with the
//! error-text patterns and, given the response and the keys, the replays of the known wrong
//! implementations. Exit 0 when a cause is named, 1 when none is, 2 for usage and I/O errors.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use zeroize::Zeroizing;

use super::{Format, LangArg, fail, lang_or_locale, output_failed};
use crate::features::explain::{ExplainInputs, explain};
use crate::i18n::tr;
use crate::platform::files::{InputName, ReadError, read_input, read_text_input};
use crate::render::errors::{Context, read_error};

/// Arguments of `explain`.
#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// What your server printed: an exception, a log, `false`, garbled text, a hex or base64
    /// dump (a file, or `-` for standard input; any bytes).
    #[arg(long, value_name = "FILE|-")]
    pub server_output: PathBuf,
    /// The `res.response` the server received, to replay the wrong implementations with.
    #[arg(long, value_name = "FILE|-")]
    pub response: Option<PathBuf>,
    /// The Alipay public key file the server uses.
    #[arg(long, value_name = "FILE")]
    pub alipay_public_key: Option<PathBuf>,
    /// The AES key (base64, as the console shows it).
    #[arg(long, value_name = "FILE")]
    pub aes_key: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Language of titles, evidence and fixes (default: from the system locale).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

/// The files `explain` reads, wiped on drop.
struct Read {
    printed: Zeroizing<Vec<u8>>,
    response: Option<Zeroizing<Vec<u8>>>,
    alipay_public_key: Option<Zeroizing<Vec<u8>>>,
    aes_key: Option<Zeroizing<Vec<u8>>>,
}

fn read_all(args: &ExplainArgs) -> Result<Read, ReadError> {
    let optional = |flag, path: &Option<PathBuf>, text: bool| {
        path.as_deref()
            .map(|path: &Path| {
                if text {
                    read_text_input(InputName::Flag(flag), path)
                } else {
                    read_input(InputName::Flag(flag), path)
                }
                .map(Zeroizing::new)
            })
            .transpose()
    };
    Ok(Read {
        printed: Zeroizing::new(read_input(
            InputName::Flag("--server-output"),
            &args.server_output,
        )?),
        response: optional("--response", &args.response, false)?,
        alipay_public_key: optional("--alipay-public-key", &args.alipay_public_key, false)?,
        aes_key: optional("--aes-key", &args.aes_key, true)?,
    })
}

/// Runs `explain`.
pub fn run(args: &ExplainArgs) -> ExitCode {
    let lang = lang_or_locale(args.lang);
    let stdin = Path::new("-");
    if args.server_output == stdin && args.response.as_deref() == Some(stdin) {
        return fail(tr("error.explain.stdin_twice", lang));
    }
    let read = match read_all(args) {
        Ok(read) => read,
        Err(error) => return fail(&read_error(&error, lang, Context::Cli)),
    };
    let explanation = explain(&ExplainInputs {
        printed: &read.printed,
        response: read.response.as_deref().map(Vec::as_slice),
        alipay_public_key: read.alipay_public_key.as_deref().map(Vec::as_slice),
        aes_key: read.aes_key.as_deref().map(Vec::as_slice),
    });
    let written = match args.format {
        Format::Json => writeln!(
            std::io::stdout().lock(),
            "{}",
            crate::render::json::explanation_json(&explanation, lang)
        ),
        Format::Text => {
            crate::render::explain::render(&mut anstream::stdout().lock(), &explanation, lang)
        }
    };
    if let Err(error) = written {
        return output_failed(&error, lang);
    }
    if explanation.causes.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
