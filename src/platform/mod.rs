//! Every I/O edge, and only here: reading with the size limit, writing secrets owner-only, the
//! clock, the config directory, the file picker, the clipboard and the system fonts. Behind small
//! traits where tests must not touch the real thing.
//!
//! Two kinds of target: the desktop (files by path, rfd dialogs, arboard; Linux, Windows, macOS)
//! and the browser (`wasm32-unknown-unknown`, `web/`: `<input type=file>`, the asynchronous
//! clipboard, downloads). The switches between them live in this folder; `windows.rs` holds the
//! one Windows-only call.

pub mod clock;
pub mod config;
pub mod env;
pub mod files;
pub mod fonts;
pub mod locale;
pub mod profiles;
#[cfg(target_arch = "wasm32")]
pub mod web;
#[cfg(windows)]
pub mod windows;

use std::path::PathBuf;

use crate::domain::KeySlot;

/// The window can read and write files by path (key files, profiles, saved reports, test keys).
/// False in the browser, where files come only from its file dialog or a drop.
pub const HAS_FILE_SYSTEM: bool = cfg!(not(target_arch = "wasm32"));

/// Large inputs can be diagnosed on a worker thread. False in the browser (a page has one thread).
pub const HAS_THREADS: bool = cfg!(not(target_arch = "wasm32"));

/// The platform's file dialog: rfd on the desktop.
#[cfg(not(target_arch = "wasm32"))]
pub fn system_picker() -> Box<dyn FilePicker> {
    Box::new(RfdPicker)
}

/// In the browser the window's web actions open the file dialog (`web::pick_file`); the picker
/// the app holds is never asked.
#[cfg(target_arch = "wasm32")]
pub fn system_picker() -> Box<dyn FilePicker> {
    Box::new(web::BrowserPicker)
}

/// The platform's clipboard reader: arboard on the desktop.
#[cfg(not(target_arch = "wasm32"))]
pub fn system_clipboard() -> Box<dyn ClipboardSource> {
    Box::<SystemClipboard>::default()
}

/// In the browser the window's web actions read the clipboard (`web::read_clipboard`); the
/// reader the app holds is never asked.
#[cfg(target_arch = "wasm32")]
pub fn system_clipboard() -> Box<dyn ClipboardSource> {
    Box::new(web::BrowserClipboard)
}

/// Chooses files and folders.
pub trait FilePicker {
    /// Shows an open dialog for a key; `None` when the user cancels.
    fn pick_key_file(&mut self, slot: KeySlot, title: &str) -> Option<PathBuf>;
    /// Shows a save dialog for a report.
    fn save_report_file(&mut self, title: &str, default_name: &str) -> Option<PathBuf>;
    /// Shows a folder dialog (where to write generated test keys).
    fn pick_folder(&mut self, title: &str) -> Option<PathBuf>;
    /// Shows an open dialog for server source files with these extensions (no dot); empty when
    /// the user cancels.
    fn pick_source_files(&mut self, title: &str, extensions: &[String]) -> Vec<PathBuf>;
    /// Shows an open dialog for a file with what a server printed (a log, a dump).
    fn pick_server_output_file(&mut self, title: &str) -> Option<PathBuf>;
}

/// The native dialog (rfd). Blocking, which is fine for a desktop tool.
#[cfg(not(target_arch = "wasm32"))]
pub struct RfdPicker;

#[cfg(not(target_arch = "wasm32"))]
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

    fn pick_source_files(&mut self, title: &str, extensions: &[String]) -> Vec<PathBuf> {
        rfd::FileDialog::new()
            .set_title(title)
            .add_filter("Server code", extensions)
            .add_filter("All files", &["*"])
            .pick_files()
            .unwrap_or_default()
    }

    fn pick_server_output_file(&mut self, title: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title(title)
            .add_filter("Logs and text (.txt .log .out)", &["txt", "log", "out"])
            .add_filter("All files", &["*"])
            .pick_file()
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

    /// One answer is one file.
    fn pick_source_files(&mut self, _title: &str, _extensions: &[String]) -> Vec<PathBuf> {
        self.next().into_iter().collect()
    }

    fn pick_server_output_file(&mut self, _title: &str) -> Option<PathBuf> {
        self.next()
    }
}

/// Reads text from the clipboard (writing goes through egui).
pub trait ClipboardSource {
    /// The clipboard's text, if any.
    fn text(&mut self) -> Option<String>;
}

/// The system clipboard (arboard, which eframe already uses).
#[cfg(not(target_arch = "wasm32"))]
#[derive(Default)]
pub struct SystemClipboard {
    inner: Option<arboard::Clipboard>,
}

#[cfg(not(target_arch = "wasm32"))]
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
