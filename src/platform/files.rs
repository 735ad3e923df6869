//! Files: reading an input (or standard input) with the size limit and errors that name it, and
//! writing files, secrets readable by the owner only.

use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::domain::KeySlot;
pub use crate::domain::MAX_INPUT_BYTES;

/// [`MAX_INPUT_BYTES`] as a byte count for readers.
const LIMIT: u64 = MAX_INPUT_BYTES as u64;

/// What an input is, so an error can name it in the user's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputName {
    /// A command-line option (`--response`, `--aes-key`…), shown as it is typed.
    Flag(&'static str),
    /// The key file of a slot of the window.
    Slot(KeySlot),
    /// A key file named by a profile.
    ProfileKey(KeySlot),
    /// The profiles file.
    ProfilesFile,
    /// The test private key of the mock.
    MockPrivateKey,
    /// A server source file opened in the server-code check.
    SourceFile,
    /// The file with what a server printed (`explain`).
    ServerOutput,
}

/// Why an input could not be read.
#[derive(Debug, Error)]
pub enum ReadError {
    /// The operating system refused.
    #[error("cannot read {}", path.display())]
    Io {
        /// What the input is.
        name: InputName,
        /// The file.
        path: PathBuf,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// A directory was given.
    #[error("{} is a directory", path.display())]
    Directory {
        /// What the input is.
        name: InputName,
        /// The directory.
        path: PathBuf,
    },
    /// A named pipe or device: reading could block forever.
    #[error("{} is not a regular file", path.display())]
    NotRegular {
        /// What the input is.
        name: InputName,
        /// The path.
        path: PathBuf,
    },
    /// A text file (an AES key) that is not UTF-8.
    #[error("{} is not text", path.display())]
    NotText {
        /// What the input is.
        name: InputName,
        /// The file.
        path: PathBuf,
    },
    /// Over the limit.
    #[error("{} is over the size limit", path.display())]
    TooLarge {
        /// What the input is.
        name: InputName,
        /// The file.
        path: PathBuf,
    },
}

impl ReadError {
    /// What the input is.
    pub fn name(&self) -> InputName {
        match self {
            Self::Io { name, .. }
            | Self::Directory { name, .. }
            | Self::NotRegular { name, .. }
            | Self::NotText { name, .. }
            | Self::TooLarge { name, .. } => *name,
        }
    }

    /// The file.
    pub fn path(&self) -> &Path {
        match self {
            Self::Io { path, .. }
            | Self::Directory { path, .. }
            | Self::NotRegular { path, .. }
            | Self::NotText { path, .. }
            | Self::TooLarge { path, .. } => path,
        }
    }
}

/// Reads a file, or standard input for `-`, up to [`MAX_INPUT_BYTES`].
pub fn read_input(name: InputName, path: &Path) -> Result<Vec<u8>, ReadError> {
    let io_error = |source| ReadError::Io {
        name,
        path: path.to_owned(),
        source,
    };
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .take(LIMIT + 1)
            .read_to_end(&mut bytes)
            .map_err(io_error)?;
    } else {
        let metadata = std::fs::metadata(path).map_err(io_error)?;
        if metadata.is_dir() {
            return Err(ReadError::Directory {
                name,
                path: path.to_owned(),
            });
        }
        if !metadata.is_file() {
            return Err(ReadError::NotRegular {
                name,
                path: path.to_owned(),
            });
        }
        let file = std::fs::File::open(path).map_err(io_error)?;
        file.take(LIMIT + 1)
            .read_to_end(&mut bytes)
            .map_err(io_error)?;
    }
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(ReadError::TooLarge {
            name,
            path: path.to_owned(),
        });
    }
    Ok(bytes)
}

/// Reads a text input (an AES key): like [`read_input`], but refuses bytes that are not UTF-8.
pub fn read_text_input(name: InputName, path: &Path) -> Result<Vec<u8>, ReadError> {
    let bytes = read_input(name, path)?;
    if std::str::from_utf8(&bytes).is_err() {
        return Err(ReadError::NotText {
            name,
            path: path.to_owned(),
        });
    }
    Ok(bytes)
}

/// Opens a file for streaming (scan), refusing a directory; returns its length when known.
pub fn open_input(name: InputName, path: &Path) -> Result<(std::fs::File, Option<u64>), ReadError> {
    if path.is_dir() {
        return Err(ReadError::Directory {
            name,
            path: path.to_owned(),
        });
    }
    let file = std::fs::File::open(path).map_err(|source| ReadError::Io {
        name,
        path: path.to_owned(),
        source,
    })?;
    let length = file.metadata().ok().map(|metadata| metadata.len());
    Ok((file, length))
}

/// Whether a file may replace one that exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overwrite {
    /// Replace it.
    Allowed,
    /// Refuse with [`std::io::ErrorKind::AlreadyExists`].
    Refused,
}

/// Who may read a written file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// The usual permissions.
    Normal,
    /// The owner only (mode 0600 on Unix): private keys and AES keys.
    OwnerOnly,
}

/// Writes `content` to `path`, ending it with a line break.
pub fn write_file(
    path: &Path,
    content: &str,
    overwrite: Overwrite,
    access: Access,
) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    match overwrite {
        Overwrite::Allowed => options.create(true).truncate(true),
        Overwrite::Refused => options.create_new(true),
    };
    #[cfg(unix)]
    if access == Access::OwnerOnly {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    #[cfg(not(unix))]
    let _ = access;
    let mut file = options.open(path)?;
    file.write_all(content.as_bytes())?;
    if !content.ends_with('\n') {
        file.write_all(b"\n")?;
    }
    Ok(())
}

/// Writes `content` exactly (no line break added): a generated response.
pub fn write_exact(path: &Path, content: &str) -> std::io::Result<()> {
    std::fs::write(path, content)
}

/// Creates a folder and its parents.
pub fn create_dir(path: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(path)
}

/// True when something exists at `path`.
pub fn exists(path: &Path) -> bool {
    path.exists()
}

/// Writes a set of test keys into `dir` (created when missing): the secrets readable by the
/// owner only. With [`Overwrite::Refused`] nothing is written when any of the files exists.
/// Returns the paths written, in the order of [`crate::features::mock::TestKeys::files`].
pub fn write_test_keys(
    dir: &Path,
    keys: &crate::features::mock::TestKeys,
    overwrite: Overwrite,
) -> Result<Vec<PathBuf>, WriteError> {
    let files = keys.files();
    if overwrite == Overwrite::Refused
        && let Some(existing) = files
            .iter()
            .map(|file| dir.join(file.name))
            .find(|path| path.exists())
    {
        return Err(WriteError {
            path: existing,
            source: std::io::ErrorKind::AlreadyExists.into(),
        });
    }
    create_dir(dir).map_err(|source| WriteError {
        path: dir.to_owned(),
        source,
    })?;
    let mut written = Vec::new();
    for file in files {
        let path = dir.join(file.name);
        let access = if file.secret {
            Access::OwnerOnly
        } else {
            Access::Normal
        };
        write_file(&path, file.content, Overwrite::Allowed, access).map_err(|source| {
            WriteError {
                path: path.clone(),
                source,
            }
        })?;
        written.push(path);
    }
    Ok(written)
}

/// A file could not be written.
#[derive(Debug, Error)]
#[error("cannot write {}", path.display())]
pub struct WriteError {
    /// The file.
    pub path: PathBuf,
    /// The OS error.
    #[source]
    pub source: std::io::Error,
}
