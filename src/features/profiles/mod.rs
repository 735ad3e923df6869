//! Key profiles: named key sets ("prod", "sandbox", "ISV template"), stored as file paths only.
//! Given a pasted response, tells which profile's public key verifies it and which profile's AES
//! key decrypts it ("signed for profile sandbox, not prod"). The profiles file format is parsed
//! and written here; reading the files it names is the caller's job.

use serde::Serialize;

use crate::domain::report::SignatureStatus;
use crate::domain::{Category, Decryption, Inputs, diagnose};

mod file;

pub use file::{ProfilePaths, ProfilesError, ProfilesFile};

/// One profile's keys, as loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProfileKeys<'a> {
    /// The profile's name.
    pub name: &'a str,
    /// The Alipay public key or certificate bytes.
    pub alipay_public_key: Option<&'a [u8]>,
    /// The AES key text.
    pub aes_key: Option<&'a [u8]>,
}

/// What one profile does with the response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProfileResult {
    /// The profile's name.
    pub name: String,
    /// `Some(true)` when its public key verifies the signature; `None` when it could not be
    /// checked (no `sign`, no usable key).
    pub verifies: Option<bool>,
    /// `Some(true)` when its AES key decrypts the content; `None` when there was nothing to
    /// decrypt or no AES key.
    pub decrypts: Option<bool>,
    /// The category of the diagnosis with this profile's keys.
    pub category: Category,
}

/// The result of trying every profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProfileMatch {
    /// One entry per profile, in the order given.
    pub results: Vec<ProfileResult>,
}

/// Tries every profile's keys on the response.
pub fn match_profiles(
    response: &[u8],
    profiles: &[ProfileKeys<'_>],
    now_unix_secs: Option<u64>,
) -> ProfileMatch {
    let results = profiles
        .iter()
        .map(|profile| {
            let report = diagnose(&Inputs {
                response: response.to_vec(),
                alipay_public_key: profile.alipay_public_key.map(<[u8]>::to_vec),
                aes_key: profile.aes_key.map(<[u8]>::to_vec),
                now_unix_secs,
            });
            let verifies = match report.signature.status {
                SignatureStatus::Valid => Some(true),
                SignatureStatus::Invalid => Some(false),
                SignatureStatus::Missing | SignatureStatus::NotChecked => None,
            };
            let decrypts = match report.decryption {
                Decryption::Ok | Decryption::HexKey => Some(true),
                Decryption::KeyInvalid | Decryption::Mismatch => Some(false),
                Decryption::NotAttempted | Decryption::Plain | Decryption::KeyMissing => None,
            };
            ProfileResult {
                name: profile.name.to_owned(),
                verifies,
                decrypts,
                category: report.category,
            }
        })
        .collect();
    ProfileMatch { results }
}

impl ProfileMatch {
    /// Names of the profiles whose public key verifies the signature.
    pub fn verified_by(&self) -> Vec<&str> {
        self.names(|result| result.verifies == Some(true))
    }

    /// Names of the profiles whose AES key decrypts the content.
    pub fn decrypted_by(&self) -> Vec<&str> {
        self.names(|result| result.decrypts == Some(true))
    }

    /// Names of the profiles for which `keep` holds, in order.
    pub fn names(&self, keep: impl Fn(&ProfileResult) -> bool) -> Vec<&str> {
        self.results
            .iter()
            .filter(|result| keep(result))
            .map(|result| result.name.as_str())
            .collect()
    }

    /// The profile to diagnose with: one that both verifies and decrypts, else one that
    /// verifies, else one that decrypts.
    pub fn best(&self) -> Option<&ProfileResult> {
        let score = |result: &ProfileResult| {
            u8::from(result.verifies == Some(true)) * 2 + u8::from(result.decrypts == Some(true))
        };
        self.results
            .iter()
            .enumerate()
            .filter(|(_, result)| score(result) > 0)
            .max_by_key(|(index, result)| (score(result), std::cmp::Reverse(*index)))
            .map(|(_, result)| result)
    }
}
