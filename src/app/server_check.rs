//! The server-code check window's work: the pasted code is checked when it or its language
//! changes, an opened file when it is read. Never per frame.

use std::path::{Path, PathBuf};

use super::browse::BrowseFor;
use super::{App, file_name};
use crate::domain::report::Severity;
use crate::features::server_check::{self, Language, RuleSet};
use crate::i18n::{Lang, fill, tr};
use crate::platform::files::{self, InputName};
use crate::ui::{CheckedSource, NoticeDetail};

/// State of the server-code check window.
#[derive(Debug, Default)]
pub struct ServerCheckState {
    /// The window is open.
    pub open: bool,
    /// The pasted code.
    pub code: String,
    /// The language of the pasted code.
    pub language: Language,
    /// The pasted code's result (none while it is blank).
    pasted: Option<CheckedSource>,
    /// The opened files' results, by path.
    files: Vec<(PathBuf, CheckedSource)>,
    /// What the window shows: the pasted result, then the files'.
    pub sources: Vec<CheckedSource>,
}

impl ServerCheckState {
    fn rebuild_sources(&mut self) {
        self.sources = self
            .pasted
            .iter()
            .chain(self.files.iter().map(|(_, source)| source))
            .cloned()
            .collect();
    }
}

impl App {
    /// Opens or closes the window; opening compiles the rules on a worker thread, so the first
    /// check does not wait for them.
    pub(super) fn set_server_check_open(&mut self, open: bool) {
        self.workbench.server.open = open;
        // A browser page has no threads: there the rules are compiled at the first check.
        if open && crate::platform::HAS_THREADS {
            let warm = std::thread::Builder::new()
                .name("server-check rules".to_owned())
                .spawn(|| {
                    // Only compiles and caches them; errors are reported when used.
                    let _ = server_check::builtin();
                });
            if let Err(error) = warm {
                log::warn!("cannot compile the server-check rules ahead ({error})");
            }
        }
    }

    /// Re-checks the pasted code (after an edit or a language change).
    pub(super) fn server_code_changed(&mut self) {
        let pasted = if self.workbench.server.code.trim().is_empty() {
            None
        } else {
            let Some(rules) = self.server_rules() else {
                return;
            };
            let state = &self.workbench.server;
            Some(CheckedSource {
                name: None,
                language: state.language,
                findings: rules.check_located("", state.language, &state.code),
            })
        };
        self.workbench.server.pasted = pasted;
        self.workbench.server.rebuild_sources();
    }

    /// Reads the pasted code as `language`.
    pub(super) fn set_server_language(&mut self, language: Language) {
        self.workbench.server.language = language;
        self.server_code_changed();
    }

    /// Chooses source files and checks each by its extension.
    pub(super) fn open_server_files(&mut self) {
        let Some(rules) = self.server_rules() else {
            return;
        };
        let extensions: Vec<String> = Language::ALL
            .iter()
            .flat_map(|language| rules.extensions(*language))
            .cloned()
            .collect();
        let title = tr("server_check.window.open_files", self.prefs.lang);
        match self.picker.pick_source_files(title, &extensions) {
            Ok(paths) => self.check_server_files(rules, paths),
            Err(why) => self.open_browser(BrowseFor::ServerSource, &why),
        }
    }

    /// Checks `path` (chosen in the built-in browser) by its extension.
    pub(super) fn check_server_file(&mut self, path: &Path) {
        if let Some(rules) = self.server_rules() {
            self.check_server_files(rules, vec![path.to_owned()]);
        }
    }

    /// Reads and checks each file by its extension; replaces an earlier check of the same file.
    fn check_server_files(&mut self, rules: &'static RuleSet, paths: Vec<PathBuf>) {
        for path in paths {
            let name = file_name(&path);
            if rules.language_of(&name).is_none() {
                self.notice_unknown_language(name);
                continue;
            }
            match files::read_input(InputName::SourceFile, &path) {
                Ok(bytes) => self.check_source_file(path, &bytes),
                Err(error) => self.notice_read_error(&error),
            }
        }
    }

    /// Checks one source file's contents by its extension (a file opened again replaces its
    /// earlier result). `path` is the file's path, or its name alone where the browser gives no
    /// path.
    pub(super) fn check_source_file(&mut self, path: PathBuf, bytes: &[u8]) {
        let Some(rules) = self.server_rules() else {
            return;
        };
        let name = file_name(&path);
        let Some(language) = rules.language_of(&name) else {
            self.notice_unknown_language(name);
            return;
        };
        let text = String::from_utf8_lossy(bytes);
        let source = CheckedSource {
            findings: rules.check_located(&name, language, &text),
            name: Some(name),
            language,
        };
        let files = &mut self.workbench.server.files;
        match files.iter_mut().find(|(known, _)| *known == path) {
            Some(entry) => entry.1 = source,
            None => files.push((path, source)),
        }
        self.workbench.server.rebuild_sources();
    }

    /// The extensions of the languages the check reads, with their dots, comma-separated: what
    /// the browser's file dialog offers.
    #[cfg(target_arch = "wasm32")]
    pub(super) fn source_extensions(&mut self) -> String {
        let Some(rules) = self.server_rules() else {
            return String::new();
        };
        Language::ALL
            .iter()
            .flat_map(|language| rules.extensions(*language))
            .map(|extension| format!(".{extension}"))
            .collect::<Vec<_>>()
            .join(",")
    }

    fn notice_unknown_language(&mut self, name: String) {
        self.notice(
            "server_check.window.unknown_language",
            NoticeDetail::Token(name),
            Severity::Warning,
        );
    }

    /// Forgets the opened files.
    pub(super) fn clear_server_files(&mut self) {
        self.workbench.server.files.clear();
        self.workbench.server.rebuild_sources();
    }

    /// The built-in rules, or a notice saying why they cannot be used.
    fn server_rules(&mut self) -> Option<&'static RuleSet> {
        match server_check::builtin() {
            Ok(rules) => Some(rules),
            Err(error) => {
                let detail = error.to_string();
                let worded =
                    |lang: Lang| fill(tr("server_check.error.rules", lang), &[("detail", &detail)]);
                let detail = NoticeDetail::Worded {
                    zh: worded(Lang::Zh),
                    en: worded(Lang::En),
                };
                self.notice("notice.failed", detail, Severity::Error);
                None
            }
        }
    }
}
