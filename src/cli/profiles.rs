//! `profiles list|add|remove`: the profiles store shared with the window
//! ([`crate::platform::profiles`]; `--profiles FILE` to use another file).

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use super::{LangArg, lang_or_locale};
use crate::features::profiles::ProfilePaths;
use crate::platform::files::{InputName, read_input};
use crate::platform::profiles::{self, ProfileError};
use crate::render::errors::{Context, profile_error};

/// Arguments of `profiles`.
#[derive(Debug, clap::Args)]
pub struct ProfilesArgs {
    /// What to do.
    #[command(subcommand)]
    pub action: ProfilesAction,
    /// The profiles file (default: profiles.toml in the configuration folder, shared with the
    /// window).
    #[arg(long, value_name = "FILE", global = true)]
    pub profiles: Option<PathBuf>,
    /// Language of messages (default: from the system locale).
    #[arg(long, value_enum, global = true)]
    pub lang: Option<LangArg>,
}

/// `profiles` actions.
#[derive(Debug, clap::Subcommand)]
pub enum ProfilesAction {
    /// List the profiles and their key paths.
    List,
    /// Add or replace a profile (key paths are stored as absolute paths, never the keys).
    Add {
        /// The profile name, e.g. prod, sandbox.
        name: String,
        /// The Alipay public key or certificate file.
        #[arg(long, value_name = "FILE")]
        alipay_public_key: Option<PathBuf>,
        /// The AES key file.
        #[arg(long, value_name = "FILE")]
        aes_key: Option<PathBuf>,
    },
    /// Remove a profile.
    Remove {
        /// The profile name.
        name: String,
    },
}

/// Runs `profiles …`.
pub fn run(args: &ProfilesArgs) -> ExitCode {
    let lang = lang_or_locale(args.lang);
    match run_action(args) {
        Ok(code) => code,
        Err(error) => {
            eprintln!(
                "alipay-phone-doctor: {}",
                profile_error(&error, lang, Context::Cli)
            );
            ExitCode::from(2)
        }
    }
}

fn run_action(args: &ProfilesArgs) -> Result<ExitCode, ProfileError> {
    let path = profiles::location(args.profiles.as_deref())?;
    let mut file = profiles::load(&path)?;
    match &args.action {
        ProfilesAction::List => {
            let mut stdout = std::io::stdout().lock();
            let _ = writeln!(stdout, "# {}", path.display());
            for (name, paths) in &file.profiles {
                let show = |value: &Option<String>| value.clone().unwrap_or_else(|| "-".to_owned());
                let _ = writeln!(
                    stdout,
                    "{name}\talipay_public_key={}\taes_key={}",
                    show(&paths.alipay_public_key),
                    show(&paths.aes_key)
                );
            }
            return Ok(ExitCode::SUCCESS);
        }
        ProfilesAction::Add {
            name,
            alipay_public_key,
            aes_key,
        } => {
            let stored = |given: &Option<PathBuf>, flag| -> Result<Option<String>, ProfileError> {
                given
                    .as_ref()
                    .map(|given| {
                        read_input(InputName::Flag(flag), given)?;
                        Ok(profiles::stored_path(given))
                    })
                    .transpose()
            };
            let paths = ProfilePaths {
                alipay_public_key: stored(alipay_public_key, "--alipay-public-key")?,
                aes_key: stored(aes_key, "--aes-key")?,
            };
            file.profiles.insert(name.clone(), paths);
        }
        ProfilesAction::Remove { name } => {
            if file.profiles.remove(name).is_none() {
                return Err(ProfileError::Unknown {
                    name: name.clone(),
                    path,
                    available: file.profiles.keys().cloned().collect(),
                });
            }
        }
    }
    profiles::save(&path, &file)?;
    Ok(ExitCode::SUCCESS)
}
