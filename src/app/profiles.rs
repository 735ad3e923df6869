//! Key profiles in the window: the one profiles store shared with the command line
//! ([`crate::platform::profiles`]), read once, and matched against every new paste.

use std::path::PathBuf;

use super::App;
use super::session::KeySource;
use crate::domain::KeySlot;
use crate::domain::report::Severity;
use crate::features::profiles::{self, ProfileKeys, ProfileMatch, ProfilePaths, ProfilesFile};
use crate::i18n::Lang;
use crate::platform::profiles::{self as store, LoadedProfile, ProfileError};
use crate::render::errors::{Context, profile_error};
use crate::ui::NoticeDetail;

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
            .map(LoadedProfile::keys)
            .collect();
        Some(profiles::match_profiles(
            self.session.response.as_bytes(),
            &keys,
            now_unix_secs,
        ))
    }

    /// The profiles file the window uses (the command line's default).
    pub(super) fn profiles_path(&self) -> Option<PathBuf> {
        self.workbench.profiles_path.clone()
    }

    /// Reads the profiles file and every profile's key files (at start and after a change). A
    /// profile whose files cannot be read keeps its name with no keys.
    pub(super) fn reload_profiles(&mut self) {
        let Some(path) = self.profiles_path() else {
            return;
        };
        let file = match store::load(&path) {
            Ok(file) => file,
            Err(error) => return self.notice_profile_error(&error),
        };
        self.workbench.profile_names = file.profiles.keys().cloned().collect();
        self.workbench.profiles = file
            .profiles
            .keys()
            .map(|name| {
                store::load_keys(&path, &file, Some(name))
                    .ok()
                    .and_then(|mut loaded| loaded.pop())
                    .unwrap_or(LoadedProfile {
                        name: name.clone(),
                        alipay_public_key: None,
                        aes_key: None,
                    })
            })
            .collect();
        self.workbench.derived_for = 0;
    }

    /// Saves the loaded key files under the typed name.
    pub(super) fn save_profile(&mut self) {
        let name = self.workbench.profile_name.trim().to_owned();
        let path_of = |slot| match self.session.key(slot).map(|key| &key.source) {
            Some(KeySource::File(path)) => Some(store::stored_path(path)),
            _ => None,
        };
        let paths = ProfilePaths {
            alipay_public_key: path_of(KeySlot::AlipayPublicKey),
            aes_key: path_of(KeySlot::AesKey),
        };
        if name.is_empty() || (paths.alipay_public_key.is_none() && paths.aes_key.is_none()) {
            return self.notice(
                "notice.profile_needs_files",
                NoticeDetail::None,
                Severity::Warning,
            );
        }
        let saved = self.update_profiles(|file| {
            file.profiles.insert(name.clone(), paths);
        });
        if saved {
            self.workbench.profile_name.clear();
            self.notice(
                "notice.profile_saved",
                NoticeDetail::Token(name),
                Severity::Ok,
            );
        }
    }

    /// Loads a profile's key files into the slots.
    pub(super) fn use_profile(&mut self, name: &str) {
        let Some(path) = self.profiles_path() else {
            return;
        };
        let file = match store::load(&path) {
            Ok(file) => file,
            Err(error) => return self.notice_profile_error(&error),
        };
        let Some(paths) = file.profiles.get(name) else {
            return;
        };
        for (slot, key) in [
            (KeySlot::AlipayPublicKey, &paths.alipay_public_key),
            (KeySlot::AesKey, &paths.aes_key),
        ] {
            if let Some(key) = key {
                self.load_key_file(slot, &store::resolve(&path, key));
            }
        }
    }

    /// Forgets a profile (its files stay where they are).
    pub(super) fn remove_profile(&mut self, name: &str) {
        self.update_profiles(|file| {
            file.profiles.remove(name);
        });
    }

    /// Reads the profiles file, changes it, writes it back and reloads; false on an error (shown
    /// as a notice).
    fn update_profiles(&mut self, change: impl FnOnce(&mut ProfilesFile)) -> bool {
        let result = store::location(self.profiles_path().as_deref()).and_then(|path| {
            let mut file = store::load(&path)?;
            change(&mut file);
            store::save(&path, &file)
        });
        match result {
            Ok(()) => {
                self.reload_profiles();
                true
            }
            Err(error) => {
                self.notice_profile_error(&error);
                false
            }
        }
    }

    fn notice_profile_error(&mut self, error: &ProfileError) {
        let worded = NoticeDetail::Worded {
            zh: profile_error(error, Lang::Zh, Context::Window),
            en: profile_error(error, Lang::En, Context::Window),
        };
        self.notice("notice.failed", worded, Severity::Error);
    }
}
