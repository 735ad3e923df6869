//! `generate`: a mock Alipay `res.response` from a payload or a gallery scenario, signed and
//! encrypted with the user's test keys; `generate-keys`: fresh test keys written to files.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ValueEnum;
use thiserror::Error;

use super::check_extras::lang_or_locale;
use super::{LangArg, ReadError, read_input};
use crate::domain::mock::{self, MockError, MockOptions};
use crate::domain::scenarios::{self, ScenarioError};
use crate::domain::signature::HashAlg;
use crate::i18n::tr;

/// `sign_type` on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SignTypeArg {
    /// SHA256withRSA.
    #[value(name = "RSA2")]
    Rsa2,
    /// SHA1withRSA.
    #[value(name = "RSA")]
    Rsa,
}

impl SignTypeArg {
    fn hash(self) -> HashAlg {
        match self {
            Self::Rsa2 => HashAlg::Sha256,
            Self::Rsa => HashAlg::Sha1,
        }
    }
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
    #[arg(long, value_enum, default_value_t = SignTypeArg::Rsa2)]
    pub sign_type: SignTypeArg,
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

/// Why generating failed.
#[derive(Debug, Error)]
enum GenerateError {
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error("{flag}: {source}")]
    Mock {
        flag: &'static str,
        source: MockError,
    },
    #[error("{source}; scenarios: {}", scenarios::all().iter().map(|scenario| scenario.id).collect::<Vec<_>>().join(", "))]
    Scenario { source: ScenarioError },
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} exists; pass --force to overwrite it", path.display())]
    Exists { path: PathBuf },
}

fn text_of(flag: &'static str, path: &Path) -> Result<String, GenerateError> {
    Ok(String::from_utf8_lossy(&read_input(flag, path)?).into_owned())
}

fn finish(result: Result<(), GenerateError>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("alipay-phone-doctor: {error}");
            ExitCode::from(2)
        }
    }
}

/// Runs `generate`.
pub fn run(args: &GenerateArgs) -> ExitCode {
    finish(generate(args))
}

fn generate(args: &GenerateArgs) -> Result<(), GenerateError> {
    let lang = lang_or_locale(args.lang);
    let key = mock::parse_private_key(&text_of("--private-key", &args.private_key)?).map_err(
        |source| GenerateError::Mock {
            flag: "--private-key",
            source,
        },
    )?;
    let aes = mock::parse_aes_key(&text_of("--aes-key", &args.aes_key)?).map_err(|source| {
        GenerateError::Mock {
            flag: "--aes-key",
            source,
        }
    })?;
    let response = if let Some(id) = &args.scenario {
        let scenario = scenarios::find(id).ok_or_else(|| GenerateError::Scenario {
            source: ScenarioError::Unknown(id.clone()),
        })?;
        if scenario.lies_in_checker_keys() {
            eprintln!(
                "alipay-phone-doctor: {}",
                tr("generate_checker_side_note", lang)
            );
        }
        let response = scenarios::response_for(scenario, &key, &aes).map_err(|source| {
            GenerateError::Mock {
                flag: "--scenario",
                source,
            }
        })?;
        if scenario.id == "plus_to_space" && !response.contains(' ') {
            eprintln!("alipay-phone-doctor: {}", tr("generate_no_plus_note", lang));
        }
        response
    } else {
        let payload = args
            .payload
            .as_deref()
            .map(|path| text_of("--payload", path))
            .transpose()?
            .unwrap_or_default();
        let mut options = MockOptions::signed(args.sign_type.hash());
        if let Some(declared) = &args.declare_sign_type {
            options.declared_sign_type = Some(declared.clone());
        }
        if args.no_sign {
            options.sign_with = None;
            options.declared_sign_type = None;
        }
        options.encrypt = !args.plain;
        mock::build_response(&payload, &key, &aes, &options).map_err(|source| {
            GenerateError::Mock {
                flag: "--payload",
                source,
            }
        })?
    };
    match &args.output {
        Some(path) => std::fs::write(path, &response).map_err(|source| GenerateError::Write {
            path: path.clone(),
            source,
        }),
        None => {
            let written = writeln!(std::io::stdout().lock(), "{response}");
            match written {
                Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
                    Err(GenerateError::Write {
                        path: PathBuf::from("-"),
                        source: error,
                    })
                }
                _ => Ok(()),
            }
        }
    }
}

/// Runs `generate-keys`.
pub fn run_keys(args: &GenerateKeysArgs) -> ExitCode {
    finish(generate_keys(args))
}

fn generate_keys(args: &GenerateKeysArgs) -> Result<(), GenerateError> {
    let lang = lang_or_locale(args.lang);
    let dir = &args.out_dir;
    let files = [
        ("alipay_private_key.pem", true),
        ("alipay_public_key.txt", false),
        ("aes_key.txt", true),
    ]
    .map(|(name, secret)| (dir.join(name), secret));
    if !args.force
        && let Some((path, _)) = files.iter().find(|(path, _)| path.exists())
    {
        return Err(GenerateError::Exists { path: path.clone() });
    }
    std::fs::create_dir_all(dir).map_err(|source| GenerateError::Write {
        path: dir.clone(),
        source,
    })?;
    let keys =
        mock::generate_test_keys(&mut mock::SystemRng).map_err(|source| GenerateError::Mock {
            flag: "generate-keys",
            source,
        })?;
    let contents = [
        keys.private_key_pem.as_str(),
        keys.public_key_base64.as_str(),
        keys.aes_key_base64.as_str(),
    ];
    for ((path, secret), content) in files.iter().zip(contents) {
        write_file(path, content, *secret).map_err(|source| GenerateError::Write {
            path: path.clone(),
            source,
        })?;
    }
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "{}:", tr("generate_keys_written", lang));
    for (path, _) in &files {
        let _ = writeln!(stdout, "  {}", path.display());
    }
    let [private, public, aes] = files.map(|(path, _)| path.display().to_string());
    let _ = writeln!(
        stdout,
        "{}:\n  alipay-phone-doctor generate --scenario success --private-key {private} --aes-key {aes} --output response.txt",
        tr("generate_keys_next", lang)
    );
    let _ = writeln!(
        stdout,
        "  alipay-phone-doctor check --response response.txt --alipay-public-key {public} --aes-key {aes}"
    );
    Ok(())
}

/// Writes a file; secrets are readable by the owner only (on Unix).
fn write_file(path: &Path, content: &str, secret: bool) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    if secret {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    #[cfg(not(unix))]
    let _ = secret;
    let mut file = options.open(path)?;
    file.write_all(content.as_bytes())?;
    if !content.ends_with('\n') {
        file.write_all(b"\n")?;
    }
    Ok(())
}
