//! Key profiles in the window: named key sets stored as file paths only, read once, and matched
//! against every new paste.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::App;
use super::session::KeySource;
use crate::domain::profiles::{self, ProfileKeys, ProfileMatch};
use crate::domain::report::Severity;
use crate::platform::KeySlot;

/// A named key set, stored as file paths only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfilePaths {
    /// The profile's name.
    pub name: String,
    /// The Alipay public key file.
    pub alipay_public_key: Option<PathBuf>,
    /// The AES key file.
    pub aes_key: Option<PathBuf>,
}

/// A profile's keys as read (wiped on drop).
#[derive(Debug)]
pub struct LoadedProfile {
    name: String,
    alipay_public_key: Option<Zeroizing<Vec<u8>>>,
    aes_key: Option<Zeroizing<Vec<u8>>>,
}

impl App {
    pub(super) fn match_profiles(&self, now_unix_secs: Option<u64>) -> Option<ProfileMatch> {
        let small = self.session.response.len() < super::session::BACKGROUND_THRESHOLD_BYTES;
        if self.workbench.profiles.is_empty() || !small || self.session.response.trim().is_empty() {
            return None;
        }
        let keys: Vec<ProfileKeys<'_>> = self
            .workbench
            .profiles
            .iter()
            .map(|profile| ProfileKeys {
                name: &profile.name,
                alipay_public_key: profile
                    .alipay_public_key
                    .as_ref()
                    .map(|bytes| bytes.as_slice()),
                aes_key: profile.aes_key.as_ref().map(|bytes| bytes.as_slice()),
            })
            .collect();
        Some(profiles::match_profiles(
            self.session.response.as_bytes(),
            &keys,
            now_unix_secs,
        ))
    }

    /// Reads every saved profile's key files (at start and after a change).
    pub(super) fn reload_profiles(&mut self) {
        let read = |path: &Option<PathBuf>| {
            path.as_ref()
                .and_then(|path| crate::cli::read_input("profile key file", path).ok())
                .map(Zeroizing::new)
        };
        self.workbench.profiles = self
            .prefs
            .profiles
            .iter()
            .map(|profile| LoadedProfile {
                name: profile.name.clone(),
                alipay_public_key: read(&profile.alipay_public_key),
                aes_key: read(&profile.aes_key),
            })
            .collect();
        self.workbench.derived_for = 0;
    }

    /// Saves the loaded key files under the typed name.
    pub(super) fn save_profile(&mut self) {
        let name = self.workbench.profile_name.trim().to_owned();
        let path_of = |slot| match self.session.key(slot).map(|key| &key.source) {
            Some(KeySource::File(path)) => Some(path.clone()),
            _ => None,
        };
        let (alipay_public_key, aes_key) =
            (path_of(KeySlot::AlipayPublicKey), path_of(KeySlot::AesKey));
        if name.is_empty() || (alipay_public_key.is_none() && aes_key.is_none()) {
            return self.notice(
                "notice_profile_needs_files",
                String::new(),
                Severity::Warning,
            );
        }
        self.prefs.profiles.retain(|profile| profile.name != name);
        self.prefs.profiles.push(ProfilePaths {
            name: name.clone(),
            alipay_public_key,
            aes_key,
        });
        self.workbench.profile_name.clear();
        self.reload_profiles();
        self.notice("notice_profile_saved", name, Severity::Ok);
    }

    /// Loads a profile's key files into the slots.
    pub(super) fn use_profile(&mut self, name: &str) {
        let Some(profile) = self
            .prefs
            .profiles
            .iter()
            .find(|profile| profile.name == name)
            .cloned()
        else {
            return;
        };
        for (slot, path) in [
            (KeySlot::AlipayPublicKey, profile.alipay_public_key),
            (KeySlot::AesKey, profile.aes_key),
        ] {
            if let Some(path) = path {
                self.load_key_file(slot, &path);
            }
        }
    }

    /// Forgets a profile (its files stay where they are).
    pub(super) fn remove_profile(&mut self, name: &str) {
        self.prefs.profiles.retain(|profile| profile.name != name);
        self.reload_profiles();
    }
}
