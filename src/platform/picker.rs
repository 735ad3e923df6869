//! Choosing files: the [`FilePicker`] seam, the native dialog behind it (`RfdPicker`, not in the
//! web build, which uses the browser's own dialog) and a fake for tests. A picker says when there
//! is no native dialog, so the window can use its built-in browser ([`super::browser`]) instead
//! of silently doing nothing.

#[cfg(not(target_arch = "wasm32"))]
pub mod availability;

use std::path::PathBuf;

use thiserror::Error;

use crate::domain::KeySlot;

/// Why the native file dialog cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum NoNativeDialog {
    /// Neither a session bus that could carry the desktop portal nor `zenity` is there.
    #[error("no D-Bus session bus for the desktop portal and no zenity on PATH")]
    NothingToAsk,
    /// The dialog was asked and failed: neither the portal nor zenity answered.
    #[error("the system file dialog failed: {0}")]
    Failed(String),
}

/// What a dialog answered: a path, nothing (the user cancelled), or that there is no dialog.
pub type Picked = Result<Option<PathBuf>, NoNativeDialog>;

/// Chooses files and folders.
pub trait FilePicker {
    /// Shows an open dialog for a key.
    fn pick_key_file(&mut self, slot: KeySlot, title: &str) -> Picked;
    /// Shows a save dialog for a report.
    fn save_report_file(&mut self, title: &str, default_name: &str) -> Picked;
    /// Shows a folder dialog (where to write generated test keys).
    fn pick_folder(&mut self, title: &str) -> Picked;
    /// Shows an open dialog for server source files with these extensions (no dot); empty when
    /// the user cancels.
    fn pick_source_files(
        &mut self,
        title: &str,
        extensions: &[String],
    ) -> Result<Vec<PathBuf>, NoNativeDialog>;
    /// Shows an open dialog for a file with what a server printed (a log, a dump).
    fn pick_server_output_file(&mut self, title: &str) -> Picked;
}

/// The native dialog (rfd). Blocking, which is fine for a desktop tool. Once it is known to be
/// unavailable it is not asked again during the session.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Default)]
pub struct RfdPicker {
    unavailable: Option<NoNativeDialog>,
}

#[cfg(not(target_arch = "wasm32"))]
impl RfdPicker {
    /// Asks rfd unless the dialog is known to be missing; notes a failure for next time.
    fn ask(&mut self, dialog: impl FnOnce() -> Option<PathBuf>) -> Picked {
        self.ask_many(|| dialog().map(|path| vec![path]))
            .map(|paths| paths.and_then(|paths| paths.into_iter().next()))
    }

    /// [`Self::ask`] for a dialog that answers with several paths.
    fn ask_many(
        &mut self,
        dialog: impl FnOnce() -> Option<Vec<PathBuf>>,
    ) -> Result<Option<Vec<PathBuf>>, NoNativeDialog> {
        if let Some(why) = &self.unavailable {
            return Err(why.clone());
        }
        if let Err(why) = availability::probe() {
            self.unavailable = Some(why.clone());
            return Err(why);
        }
        match availability::watch(dialog) {
            (Some(paths), _) => Ok(Some(paths)),
            (None, None) => Ok(None),
            (None, Some(failure)) => {
                let why = NoNativeDialog::Failed(failure);
                self.unavailable = Some(why.clone());
                Err(why)
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl FilePicker for RfdPicker {
    fn pick_key_file(&mut self, _slot: KeySlot, title: &str) -> Picked {
        self.ask(|| {
            rfd::FileDialog::new()
                .set_title(title)
                .add_filter(
                    "Keys and certificates (.txt .pem .crt .cer .key)",
                    &["txt", "pem", "crt", "cer", "key"],
                )
                .add_filter("All files", &["*"])
                .pick_file()
        })
    }

    fn save_report_file(&mut self, title: &str, default_name: &str) -> Picked {
        self.ask(|| {
            rfd::FileDialog::new()
                .set_title(title)
                .set_file_name(default_name)
                .add_filter("Markdown (.md)", &["md"])
                .save_file()
        })
    }

    fn pick_folder(&mut self, title: &str) -> Picked {
        self.ask(|| rfd::FileDialog::new().set_title(title).pick_folder())
    }

    fn pick_source_files(
        &mut self,
        title: &str,
        extensions: &[String],
    ) -> Result<Vec<PathBuf>, NoNativeDialog> {
        let picked = self.ask_many(|| {
            rfd::FileDialog::new()
                .set_title(title)
                .add_filter("Server code", extensions)
                .add_filter("All files", &["*"])
                .pick_files()
        })?;
        Ok(picked.unwrap_or_default())
    }

    fn pick_server_output_file(&mut self, title: &str) -> Picked {
        self.ask(|| {
            rfd::FileDialog::new()
                .set_title(title)
                .add_filter("Logs and text (.txt .log .out)", &["txt", "log", "out"])
                .add_filter("All files", &["*"])
                .pick_file()
        })
    }
}

/// A picker that returns fixed answers in order: for tests.
#[derive(Debug, Default)]
pub struct FakePicker {
    /// The answers, first out first.
    pub answers: Vec<Option<PathBuf>>,
    /// Which slots were asked for.
    pub asked: Vec<KeySlot>,
    /// Behave as a system without a native dialog: every call says so.
    pub unavailable: bool,
}

impl FakePicker {
    /// A picker that reports the native dialog as missing.
    pub fn without_native_dialog() -> Self {
        Self {
            unavailable: true,
            ..Self::default()
        }
    }

    fn next(&mut self) -> Picked {
        if self.unavailable {
            Err(NoNativeDialog::NothingToAsk)
        } else if self.answers.is_empty() {
            Ok(None)
        } else {
            Ok(self.answers.remove(0))
        }
    }
}

impl FilePicker for FakePicker {
    fn pick_key_file(&mut self, slot: KeySlot, _title: &str) -> Picked {
        self.asked.push(slot);
        self.next()
    }

    fn save_report_file(&mut self, _title: &str, _default_name: &str) -> Picked {
        self.next()
    }

    fn pick_folder(&mut self, _title: &str) -> Picked {
        self.next()
    }

    /// One answer is one file.
    fn pick_source_files(
        &mut self,
        _title: &str,
        _extensions: &[String],
    ) -> Result<Vec<PathBuf>, NoNativeDialog> {
        Ok(self.next()?.into_iter().collect())
    }

    fn pick_server_output_file(&mut self, _title: &str) -> Picked {
        self.next()
    }
}
