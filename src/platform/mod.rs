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
pub mod picker;
pub mod profiles;

pub use picker::{FakePicker, FilePicker, NoNativeDialog, Picked, RfdPicker};

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
