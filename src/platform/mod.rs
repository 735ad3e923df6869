//! Every I/O edge, and only here: reading with the size limit, writing secrets owner-only, the
//! clock, the config directory, the file picker (and the built-in browser's folder listing when
//! the system has no file dialog), the clipboard and the system fonts. Behind small traits where
//! tests must not touch the real thing.
//!
//! Two kinds of target: the desktop (files by path, rfd dialogs, arboard; Linux, Windows, macOS)
//! and the browser (`wasm32-unknown-unknown`, `web/`: `<input type=file>`, the asynchronous
//! clipboard, downloads). The switches between them live in this folder; `windows.rs` holds the
//! one Windows-only call.

pub mod browser;
pub mod clock;
pub mod config;
pub mod env;
pub mod files;
pub mod fonts;
pub mod locale;
pub mod picker;
pub mod profiles;
#[cfg(target_arch = "wasm32")]
pub mod web;
#[cfg(windows)]
pub mod windows;

#[cfg(not(target_arch = "wasm32"))]
pub use picker::RfdPicker;
pub use picker::{FakePicker, FilePicker, NoNativeDialog, Picked};

/// The window can read and write files by path (key files, profiles, saved reports, test keys).
/// False in the browser, where files come only from its file dialog or a drop.
pub const HAS_FILE_SYSTEM: bool = cfg!(not(target_arch = "wasm32"));

/// Large inputs can be diagnosed on a worker thread. False in the browser (a page has one thread).
pub const HAS_THREADS: bool = cfg!(not(target_arch = "wasm32"));

/// The platform's file dialog: rfd on the desktop, with the built-in file browser when the
/// system has none.
#[cfg(not(target_arch = "wasm32"))]
pub fn system_picker() -> Box<dyn FilePicker> {
    Box::<RfdPicker>::default()
}

/// In the browser the window's web actions open the browser's own file dialog
/// (`web::pick_file`); the picker the app holds is never asked, and the built-in file browser
/// (which needs a file system) never opens.
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
