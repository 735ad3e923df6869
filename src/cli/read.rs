//! Reading input files (or standard input) with a size limit and errors that name the file.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use thiserror::Error;

/// The largest input accepted: 64 MiB.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// Why an input could not be read.
#[derive(Debug, Error)]
pub enum ReadError {
    /// The OS refused.
    #[error("cannot read {flag} {}: {source}", path.display())]
    Io {
        /// The option that named the file.
        flag: &'static str,
        /// The file.
        path: PathBuf,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// A directory was given.
    #[error("cannot read {flag} {}: it is a directory, not a file", path.display())]
    Directory {
        /// The option that named the file.
        flag: &'static str,
        /// The directory.
        path: PathBuf,
    },
    /// A named pipe or device: reading could block forever.
    #[error("cannot read {flag} {}: it is not a regular file (a FIFO, socket or device); pipe it to standard input with `-` instead", path.display())]
    NotRegular {
        /// The option that named the file.
        flag: &'static str,
        /// The path.
        path: PathBuf,
    },
    /// A text file (an AES key) that is not UTF-8.
    #[error("{flag} {} is not text: an AES key is a base64 string such as the console shows", path.display())]
    NotText {
        /// The option that named the file.
        flag: &'static str,
        /// The file.
        path: PathBuf,
    },
    /// Over the limit.
    #[error("{flag} {} is larger than the {} MiB limit", path.display(), MAX_INPUT_BYTES / 1024 / 1024)]
    TooLarge {
        /// The option that named the file.
        flag: &'static str,
        /// The file.
        path: PathBuf,
    },
}

/// Reads a file, or standard input for `-`, up to [`MAX_INPUT_BYTES`].
pub fn read_input(flag: &'static str, path: &Path) -> Result<Vec<u8>, ReadError> {
    let io_error = |source| ReadError::Io {
        flag,
        path: path.to_owned(),
        source,
    };
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(io_error)?;
    } else {
        let metadata = std::fs::metadata(path).map_err(io_error)?;
        if metadata.is_dir() {
            return Err(ReadError::Directory {
                flag,
                path: path.to_owned(),
            });
        }
        if !metadata.is_file() {
            return Err(ReadError::NotRegular {
                flag,
                path: path.to_owned(),
            });
        }
        let file = std::fs::File::open(path).map_err(io_error)?;
        file.take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(io_error)?;
    }
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(ReadError::TooLarge {
            flag,
            path: path.to_owned(),
        });
    }
    Ok(bytes)
}

/// Reads a text input (an AES key): like [`read_input`], but refuses bytes that are not UTF-8.
pub fn read_text_input(flag: &'static str, path: &Path) -> Result<Vec<u8>, ReadError> {
    let bytes = read_input(flag, path)?;
    if std::str::from_utf8(&bytes).is_err() {
        return Err(ReadError::NotText {
            flag,
            path: path.to_owned(),
        });
    }
    Ok(bytes)
}
