//! Key profiles on the command line: the profiles file (`--profiles FILE`, default
//! `$XDG_CONFIG_HOME/alipay-phone-doctor/profiles.toml`, else `~/.config/…`), the key files it
//! names (relative paths are relative to the profiles file), and `profiles list|add|remove`.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use thiserror::Error;

use super::{ReadError, read_input};
use crate::domain::profiles::{ProfilePaths, ProfilesError, ProfilesFile};

/// Why profiles could not be used.
#[derive(Debug, Error)]
pub enum ProfileError {
    /// No `--profiles` and no home directory.
    #[error("no profiles file: pass --profiles FILE (neither XDG_CONFIG_HOME nor HOME is set)")]
    NoLocation,
    /// A file could not be read.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// The profiles file is not valid.
    #[error("{}: {source}", path.display())]
    Invalid {
        /// The profiles file.
        path: PathBuf,
        /// What is wrong.
        #[source]
        source: ProfilesError,
    },
    /// No profile has this name.
    #[error("no profile named {name:?} in {}; available: {available}", path.display())]
    Unknown {
        /// The name asked for.
        name: String,
        /// The profiles file.
        path: PathBuf,
        /// The names there are.
        available: String,
    },
    /// The file has no profiles.
    #[error("{} has no profiles; add one with `alipay-phone-doctor profiles add NAME --alipay-public-key FILE --aes-key FILE`", path.display())]
    Empty {
        /// The profiles file.
        path: PathBuf,
    },
    /// The profiles file could not be written.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        /// The profiles file.
        path: PathBuf,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
}

/// One profile with its key files read.
#[derive(Debug, Clone)]
pub struct LoadedProfile {
    /// The name.
    pub name: String,
    /// The public key file's bytes.
    pub alipay_public_key: Option<Vec<u8>>,
    /// The AES key file's bytes.
    pub aes_key: Option<Vec<u8>>,
}

/// The default profiles file.
pub fn default_path() -> Option<PathBuf> {
    let non_empty = |name: &str| {
        std::env::var_os(name)
            .filter(|value| !value.is_empty())
            .map(PathBuf::from)
    };
    let config = non_empty("XDG_CONFIG_HOME")
        .or_else(|| non_empty("HOME").map(|home| home.join(".config")))
        .or_else(|| non_empty("APPDATA"))?;
    Some(config.join("alipay-phone-doctor").join("profiles.toml"))
}

/// The profiles file to use: the one given, else the default.
pub fn location(given: Option<&Path>) -> Result<PathBuf, ProfileError> {
    given
        .map(Path::to_path_buf)
        .or_else(default_path)
        .ok_or(ProfileError::NoLocation)
}

/// Reads and parses the profiles file.
pub fn load_file(path: &Path) -> Result<ProfilesFile, ProfileError> {
    let bytes = read_input("--profiles", path)?;
    ProfilesFile::parse(&String::from_utf8_lossy(&bytes)).map_err(|source| ProfileError::Invalid {
        path: path.to_owned(),
        source,
    })
}

/// A key path from the file, relative to the file's directory.
fn resolve(file: &Path, key: &str) -> PathBuf {
    let key = Path::new(key);
    match file.parent() {
        Some(dir) if key.is_relative() => dir.join(key),
        _ => key.to_path_buf(),
    }
}

/// Reads the key files of every profile (or only of `only`).
pub fn load_keys(
    path: &Path,
    file: &ProfilesFile,
    only: Option<&str>,
) -> Result<Vec<LoadedProfile>, ProfileError> {
    if file.profiles.is_empty() {
        return Err(ProfileError::Empty {
            path: path.to_owned(),
        });
    }
    if let Some(name) = only
        && !file.profiles.contains_key(name)
    {
        return Err(ProfileError::Unknown {
            name: name.to_owned(),
            path: path.to_owned(),
            available: names(file),
        });
    }
    file.profiles
        .iter()
        .filter(|(name, _)| only.is_none_or(|wanted| wanted == name.as_str()))
        .map(|(name, paths)| {
            let read = |key: &Option<String>, flag| {
                key.as_deref()
                    .map(|key| read_input(flag, &resolve(path, key)))
                    .transpose()
            };
            Ok(LoadedProfile {
                name: name.clone(),
                alipay_public_key: read(&paths.alipay_public_key, "profile alipay_public_key")?,
                aes_key: read(&paths.aes_key, "profile aes_key")?,
            })
        })
        .collect()
}

/// Arguments of `profiles`.
#[derive(Debug, clap::Args)]
pub struct ProfilesArgs {
    /// What to do.
    #[command(subcommand)]
    pub action: ProfilesAction,
    /// The profiles file (default: $XDG_CONFIG_HOME/alipay-phone-doctor/profiles.toml).
    #[arg(long, value_name = "FILE", global = true)]
    pub profiles: Option<PathBuf>,
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
    match run_action(args) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("alipay-phone-doctor: {error}");
            ExitCode::from(2)
        }
    }
}

fn run_action(args: &ProfilesArgs) -> Result<ExitCode, ProfileError> {
    let path = location(args.profiles.as_deref())?;
    let existing = if path.exists() {
        load_file(&path)?
    } else {
        ProfilesFile::default()
    };
    let mut file = existing.clone();
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
            let absolute = |given: &Option<PathBuf>| -> Result<Option<String>, ProfileError> {
                given
                    .as_ref()
                    .map(|given| {
                        read_input("--alipay-public-key/--aes-key", given)?;
                        let full = std::fs::canonicalize(given).unwrap_or_else(|_| given.clone());
                        Ok(full.to_string_lossy().into_owned())
                    })
                    .transpose()
            };
            let paths = ProfilePaths {
                alipay_public_key: absolute(alipay_public_key)?,
                aes_key: absolute(aes_key)?,
            };
            file.profiles.insert(name.clone(), paths);
        }
        ProfilesAction::Remove { name } => {
            if file.profiles.remove(name).is_none() {
                return Err(ProfileError::Unknown {
                    name: name.clone(),
                    path,
                    available: names(&existing),
                });
            }
        }
    }
    let write_error = |source| ProfileError::Write {
        path: path.clone(),
        source,
    };
    if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(write_error)?;
    }
    std::fs::write(&path, file.to_toml()).map_err(write_error)?;
    Ok(ExitCode::SUCCESS)
}

/// The profile names of a file, for error messages.
fn names(file: &ProfilesFile) -> String {
    file.profiles
        .keys()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ")
}
