//! The profiles file: `[profiles.NAME]` tables holding key file paths, parsed and written as
//! TOML text (the caller reads and writes the file).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The paths of one profile, as stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfilePaths {
    /// Path of the Alipay public key or certificate file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alipay_public_key: Option<String>,
    /// Path of the AES key file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aes_key: Option<String>,
}

/// The profiles file: `[profiles.NAME]` tables with `alipay_public_key` and `aes_key` paths.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfilesFile {
    /// Profiles by name, sorted.
    #[serde(default)]
    pub profiles: BTreeMap<String, ProfilePaths>,
}

/// The profiles file is not valid TOML of the expected shape.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("invalid profiles file: {0}")]
pub struct ProfilesError(String);

impl ProfilesFile {
    /// Parses the file's text.
    pub fn parse(text: &str) -> Result<Self, ProfilesError> {
        toml::from_str(text).map_err(|error| ProfilesError(error.message().to_owned()))
    }

    /// The file's text, written by `toml`'s own serializer under a comment that says what the
    /// file holds.
    pub fn to_toml(&self) -> String {
        let body = toml::to_string(self).unwrap_or_default();
        format!(
            "# Alipay Phone Doctor key profiles: file paths only, never key material.\n\n{body}"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_round_trips() {
        let mut file = ProfilesFile::default();
        file.profiles.insert(
            "prod \"eu\"".to_owned(),
            ProfilePaths {
                alipay_public_key: Some("C:\\keys\\pub.txt".to_owned()),
                aes_key: None,
            },
        );
        file.profiles.insert(
            "sandbox".to_owned(),
            ProfilePaths {
                alipay_public_key: None,
                aes_key: Some("/k/aes.txt".to_owned()),
            },
        );
        assert_eq!(ProfilesFile::parse(&file.to_toml()).unwrap(), file);
        assert!(ProfilesFile::parse("[profiles.x]\nalipay_public_key = 3").is_err());
        assert_eq!(ProfilesFile::parse("").unwrap(), ProfilesFile::default());
    }
}
