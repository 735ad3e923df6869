//! `generate`: a mock Alipay `res.response` from a payload or a gallery scenario, signed and
//! encrypted with the user's test keys; `generate-keys`: fresh test keys written to files.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::builder::TypedValueParser as _;

use super::{LangArg, fail, lang_or_locale, output_failed};
use crate::domain::signature::HashAlg;
use crate::features::mock::{self, MockOptions};
use crate::features::scenarios;
use crate::i18n::{Lang, fill, tr};
use crate::platform::files::{self, InputName, Overwrite};
use crate::render::errors::{Context, io_reason, mock_error, read_error, write_error};

/// `--sign-type RSA2|RSA`, read into the hash it names.
fn sign_type_parser() -> impl clap::builder::TypedValueParser<Value = HashAlg> {
    clap::builder::PossibleValuesParser::new([
        HashAlg::Sha256.sign_type(),
        HashAlg::Sha1.sign_type(),
    ])
    .map(|name| HashAlg::from_sign_type(&name).unwrap_or(HashAlg::Sha256))
}

/// Arguments of `generate`.
#[derive(Debug, clap::Args)]
#[command(group = clap::ArgGroup::new("source").required(true).args(["payload", "scenario"]))]
pub struct GenerateArgs {
    /// The business JSON to send, e.g. {"code":"10000","msg":"Success","mobile":"13800138000"} (a file, or `-`).
    #[arg(long, value_name = "FILE|-")]
    pub payload: Option<PathBuf>,
    /// A gallery scenario instead of a payload (success, sign_missing, plus_to_space, …).
    #[arg(long, value_name = "NAME", conflicts_with_all = ["sign_type", "declare_sign_type", "no_sign", "plain"])]
    pub scenario: Option<String>,
    /// The RSA private key that plays Alipay's signing key (PKCS#8 or PKCS#1, PEM or bare base64).
    #[arg(long, value_name = "FILE")]
    pub private_key: PathBuf,
    /// The AES key, base64 as the console shows it.
    #[arg(long, value_name = "FILE")]
    pub aes_key: PathBuf,
    /// The algorithm to sign with.
    #[arg(long, value_parser = sign_type_parser(), default_value = "RSA2")]
    pub sign_type: HashAlg,
    /// Write this `sign_type` instead of the real one (to reproduce a mismatch).
    #[arg(long, value_name = "TEXT")]
    pub declare_sign_type: Option<String>,
    /// Leave out `sign` and `sign_type` (signing not configured).
    #[arg(long)]
    pub no_sign: bool,
    /// Do not encrypt: embed the payload as a plain object (configuration errors).
    #[arg(long)]
    pub plain: bool,
    /// Write the response here (exactly, no trailing newline) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Language of notes.
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

/// Arguments of `generate-keys`.
#[derive(Debug, clap::Args)]
pub struct GenerateKeysArgs {
    /// The directory to write alipay_private_key.pem, alipay_public_key.txt and aes_key.txt to.
    #[arg(long, value_name = "DIR")]
    pub out_dir: PathBuf,
    /// Overwrite existing files.
    #[arg(long)]
    pub force: bool,
    /// Language of messages.
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

/// Reads a text file named by an option, or prints why not.
fn text_of(flag: &'static str, path: &Path, lang: Lang) -> Result<String, ExitCode> {
    files::read_input(InputName::Flag(flag), path)
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .map_err(|error| fail(&read_error(&error, lang, Context::Cli)))
}

/// A mock error, named after the option it concerns.
fn mock_failed(flag: &str, error: &mock::MockError, lang: Lang) -> ExitCode {
    fail(&format!("{flag}: {}", mock_error(error, lang)))
}

/// Runs `generate`.
pub fn run(args: &GenerateArgs) -> ExitCode {
    match generate(args) {
        Ok(code) | Err(code) => code,
    }
}

fn generate(args: &GenerateArgs) -> Result<ExitCode, ExitCode> {
    let lang = lang_or_locale(args.lang);
    let key = mock::parse_private_key(&text_of("--private-key", &args.private_key, lang)?)
        .map_err(|error| mock_failed("--private-key", &error, lang))?;
    let aes = mock::parse_aes_key(&text_of("--aes-key", &args.aes_key, lang)?)
        .map_err(|error| mock_failed("--aes-key", &error, lang))?;
    let response = match &args.scenario {
        Some(id) => scenario_response(id, &key, &aes, lang)?,
        None => {
            let payload = match args.payload.as_deref() {
                Some(path) => text_of("--payload", path, lang)?,
                None => String::new(),
            };
            let mut options = MockOptions::signed(args.sign_type);
            if let Some(declared) = &args.declare_sign_type {
                options.declared_sign_type = Some(declared.clone());
            }
            if args.no_sign {
                options.sign_with = None;
                options.declared_sign_type = None;
            }
            options.encrypt = !args.plain;
            mock::build_response(&payload, &key, &aes, &options)
                .map_err(|error| mock_failed("--payload", &error, lang))?
        }
    };
    match &args.output {
        Some(path) => files::write_exact(path, &response)
            .map(|()| ExitCode::SUCCESS)
            .map_err(|source| {
                fail(&write_error(
                    &files::WriteError {
                        path: path.clone(),
                        source,
                    },
                    lang,
                ))
            }),
        None => match writeln!(std::io::stdout().lock(), "{response}") {
            Ok(()) => Ok(ExitCode::SUCCESS),
            Err(error) => Err(output_failed(&error, lang)),
        },
    }
}

/// The response of a gallery scenario, with the notes it needs.
fn scenario_response(
    id: &str,
    key: &rsa::PrivateKey,
    aes: &[u8],
    lang: Lang,
) -> Result<String, ExitCode> {
    let Some(scenario) = scenarios::find(id) else {
        let available: Vec<&str> = scenarios::all()
            .iter()
            .map(|scenario| scenario.id)
            .collect();
        return Err(fail(&fill(
            tr("error.scenario.unknown", lang),
            &[("name", id), ("available", &available.join(", "))],
        )));
    };
    if scenario.lies_in_checker_keys() {
        eprintln!(
            "alipay-phone-doctor: {}",
            tr("cli.generate_checker_side_note", lang)
        );
    }
    let response = scenarios::response_for(scenario, key, aes)
        .map_err(|error| mock_failed("--scenario", &error, lang))?;
    if scenario.id == "plus_to_space" && !response.contains(' ') {
        eprintln!(
            "alipay-phone-doctor: {}",
            tr("cli.generate_no_plus_note", lang)
        );
    }
    Ok(response)
}

/// Runs `generate-keys`.
pub fn run_keys(args: &GenerateKeysArgs) -> ExitCode {
    let lang = lang_or_locale(args.lang);
    let keys = match mock::generate_test_keys(&mut mock::SystemRng) {
        Ok(keys) => keys,
        Err(error) => return mock_failed("generate-keys", &error, lang),
    };
    let overwrite = if args.force {
        Overwrite::Allowed
    } else {
        Overwrite::Refused
    };
    let written = match files::write_test_keys(&args.out_dir, &keys, overwrite) {
        Ok(written) => written,
        Err(error) if error.source.kind() == std::io::ErrorKind::AlreadyExists => {
            return fail(&format!(
                "{}{}",
                fill(
                    tr("error.write", lang),
                    &[
                        ("path", &error.path.display().to_string()),
                        ("reason", &io_reason(&error.source, lang)),
                    ],
                ),
                tr("error.hint.force", lang)
            ));
        }
        Err(error) => return fail(&write_error(&error, lang)),
    };
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "{}:", tr("cli.generate_keys_written", lang));
    for path in &written {
        let _ = writeln!(stdout, "  {}", path.display());
    }
    let shown = |name: &str| args.out_dir.join(name).display().to_string();
    let (private, public, aes) = (
        shown(mock::PRIVATE_KEY_FILE),
        shown(mock::PUBLIC_KEY_FILE),
        shown(mock::AES_KEY_FILE),
    );
    let _ = writeln!(
        stdout,
        "{}:\n  alipay-phone-doctor generate --scenario success --private-key {private} --aes-key {aes} --output response.txt",
        tr("cli.generate_keys_next", lang)
    );
    let _ = writeln!(
        stdout,
        "  alipay-phone-doctor check --response response.txt --alipay-public-key {public} --aes-key {aes}"
    );
    ExitCode::SUCCESS
}
