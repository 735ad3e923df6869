//! The one profiles store, shared by the window and the command line: `profiles.toml` in the
//! configuration folder (or a file given with `--profiles`), holding key file *paths* only.
//! Relative paths are relative to the profiles file.

use std::path::{Path, PathBuf};

use thiserror::Error;
use zeroize::Zeroizing;

use super::files::{InputName, ReadError, read_input};
use crate::domain::KeySlot;
use crate::features::profiles::{ProfileKeys, ProfilesError, ProfilesFile};

/// Why profiles could not be used.
#[derive(Debug, Error)]
pub enum ProfileError {
    /// No file given and no configuration folder.
    #[error("no profiles file location")]
    NoLocation,
    /// A file could not be read.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// The profiles file is not valid.
    #[error("invalid profiles file {}", path.display())]
    Invalid {
        /// The profiles file.
        path: PathBuf,
        /// What is wrong.
        #[source]
        source: ProfilesError,
    },
    /// No profile has this name.
    #[error("no profile named {name:?}")]
    Unknown {
        /// The name asked for.
        name: String,
        /// The profiles file.
        path: PathBuf,
        /// The names there are.
        available: Vec<String>,
    },
    /// The file has no profiles.
    #[error("no profiles in {}", path.display())]
    Empty {
        /// The profiles file.
        path: PathBuf,
    },
    /// The profiles file could not be written.
    #[error("cannot write {}", path.display())]
    Write {
        /// The profiles file.
        path: PathBuf,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
}

/// One profile with its key files read (wiped on drop).
#[derive(Debug, Clone)]
pub struct LoadedProfile {
    /// The name.
    pub name: String,
    /// The public key file's bytes.
    pub alipay_public_key: Option<Zeroizing<Vec<u8>>>,
    /// The AES key file's bytes.
    pub aes_key: Option<Zeroizing<Vec<u8>>>,
}

impl LoadedProfile {
    /// The keys, as the profile matcher takes them.
    pub fn keys(&self) -> ProfileKeys<'_> {
        ProfileKeys {
            name: &self.name,
            alipay_public_key: self.alipay_public_key.as_deref().map(Vec::as_slice),
            aes_key: self.aes_key.as_deref().map(Vec::as_slice),
        }
    }
}

/// The profiles file to use: the one given, else the default.
pub fn location(given: Option<&Path>) -> Result<PathBuf, ProfileError> {
    given
        .map(Path::to_path_buf)
        .or_else(super::config::default_profiles_path)
        .ok_or(ProfileError::NoLocation)
}

/// Reads and parses the profiles file; a file that does not exist yet holds no profiles.
pub fn load(path: &Path) -> Result<ProfilesFile, ProfileError> {
    if !path.exists() {
        return Ok(ProfilesFile::default());
    }
    let bytes = read_input(InputName::ProfilesFile, path)?;
    ProfilesFile::parse(&String::from_utf8_lossy(&bytes)).map_err(|source| ProfileError::Invalid {
        path: path.to_owned(),
        source,
    })
}

/// Writes the profiles file (creating its folder).
pub fn save(path: &Path, file: &ProfilesFile) -> Result<(), ProfileError> {
    let write_error = |source| ProfileError::Write {
        path: path.to_owned(),
        source,
    };
    if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(write_error)?;
    }
    std::fs::write(path, file.to_toml()).map_err(write_error)
}

/// A key path as stored: made absolute when it can be, so the file works from anywhere.
pub fn stored_path(given: &Path) -> String {
    std::fs::canonicalize(given)
        .unwrap_or_else(|_| given.to_path_buf())
        .to_string_lossy()
        .into_owned()
}

/// A key path from the file, relative to the file's folder.
pub fn resolve(file: &Path, key: &str) -> PathBuf {
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
            available: file.profiles.keys().cloned().collect(),
        });
    }
    file.profiles
        .iter()
        .filter(|(name, _)| only.is_none_or(|wanted| wanted == name.as_str()))
        .map(|(name, paths)| {
            let read = |key: &Option<String>, slot| {
                key.as_deref()
                    .map(|key| {
                        read_input(InputName::ProfileKey(slot), &resolve(path, key))
                            .map(Zeroizing::new)
                    })
                    .transpose()
            };
            Ok(LoadedProfile {
                name: name.clone(),
                alipay_public_key: read(&paths.alipay_public_key, KeySlot::AlipayPublicKey)?,
                aes_key: read(&paths.aes_key, KeySlot::AesKey)?,
            })
        })
        .collect()
}
