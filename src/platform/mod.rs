//! Every I/O edge, and only here: reading with the size limit, writing secrets owner-only, the
//! clock, the config directory, the file picker (and the built-in browser's folder listing when
//! the system has no file dialog), the clipboard and the system fonts. Behind small traits where
//! tests must not touch the real thing.

pub mod browser;
pub mod clock;
pub mod config;
pub mod env;
pub mod files;
pub mod fonts;
pub mod locale;
pub mod profiles;

use std::path::PathBuf;

use crate::domain::KeySlot;

/// Chooses files and folders.
pub trait FilePicker {
    /// Shows an open dialog for a key; `None` when the user cancels.
    fn pick_key_file(&mut self, slot: KeySlot, title: &str) -> Option<PathBuf>;
    /// Shows a save dialog for a report.
    fn save_report_file(&mut self, title: &str, default_name: &str) -> Option<PathBuf>;
    /// Shows a folder dialog (where to write generated test keys).
    fn pick_folder(&mut self, title: &str) -> Option<PathBuf>;
}

/// The native dialog (rfd). Blocking, which is fine for a desktop tool.
pub struct RfdPicker;

impl FilePicker for RfdPicker {
    fn pick_key_file(&mut self, _slot: KeySlot, title: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(title)
            .add_filter(
                "Keys and certificates (.txt .pem .crt .cer .key)",
                &["txt", "pem", "crt", "cer", "key"],
            )
            .add_filter("All files", &["*"])
            .pick_file()
    }

    fn save_report_file(&mut self, title: &str, default_name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(title)
            .set_file_name(default_name)
            .add_filter("Markdown (.md)", &["md"])
            .save_file()
    }

    fn pick_folder(&mut self, title: &str) -> Option<PathBuf> {
        rfd::FileDialog::new().set_title(title).pick_folder()
    }
}

/// A picker that returns fixed answers in order: for tests.
#[derive(Debug, Default)]
pub struct FakePicker {
    /// The answers, first out first.
    pub answers: Vec<Option<PathBuf>>,
    /// Which slots were asked for.
    pub asked: Vec<KeySlot>,
}

impl FakePicker {
    fn next(&mut self) -> Option<PathBuf> {
        if self.answers.is_empty() {
            None
        } else {
            self.answers.remove(0)
        }
    }
}

impl FilePicker for FakePicker {
    fn pick_key_file(&mut self, slot: KeySlot, _title: &str) -> Option<PathBuf> {
        self.asked.push(slot);
        self.next()
    }

    fn save_report_file(&mut self, _title: &str, _default_name: &str) -> Option<PathBuf> {
        self.next()
    }

    fn pick_folder(&mut self, _title: &str) -> Option<PathBuf> {
        self.next()
    }
}

/// Reads text from the clipboard (writing goes through egui).
pub trait ClipboardSource {
    /// The clipboard's text, if any.
    fn text(&mut self) -> Option<String>;
}

/// The system clipboard (arboard, which eframe already uses).
#[derive(Default)]
pub struct SystemClipboard {
    inner: Option<arboard::Clipboard>,
}

impl ClipboardSource for SystemClipboard {
    fn text(&mut self) -> Option<String> {
        if self.inner.is_none() {
            self.inner = arboard::Clipboard::new()
                .map_err(|error| log::warn!("clipboard unavailable: {error}"))
                .ok();
        }
        self.inner.as_mut()?.get_text().ok()
    }
}

/// A clipboard holding a fixed text: for tests.
#[derive(Debug, Default)]
pub struct FakeClipboard(pub Option<String>);

impl ClipboardSource for FakeClipboard {
    fn text(&mut self) -> Option<String> {
        self.0.clone()
    }
}
