//! The browser's edges (`wasm32-unknown-unknown`): start-up on the page's canvas, the browser's
//! file dialog, drops, the asynchronous clipboard, downloads, and the read-only state hook the
//! browser test uses (`window.__apd_state()`, [`hook`]).
//!
//! The browser answers file and clipboard requests asynchronously: the app asks
//! ([`pick_file`], [`read_clipboard`], [`read_dropped`]) and finds the answer on a later frame in
//! [`take_deliveries`]. Nothing here opens a network connection; every byte stays in the page.

pub mod hook;
mod io;

use std::cell::RefCell;
use std::path::PathBuf;

use wasm_bindgen::JsCast as _;

use super::{ClipboardSource, FilePicker, NoNativeDialog, Picked};
use crate::domain::KeySlot;
pub use io::{download, pick_file, read_clipboard, read_dropped};

/// The id of the page's canvas (`web/index.html`).
pub const CANVAS_ID: &str = "apd_canvas";
/// The id of the page's loading message, removed when the app runs.
pub const LOADING_ID: &str = "apd_loading";

/// What a file was chosen or dropped for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilePurpose {
    /// A key slot (the open buttons and shortcuts).
    Key(KeySlot),
    /// The mock generator's test private key.
    MockPrivateKey,
    /// What the server printed (a log, a dump).
    ServerOutput,
    /// Server source code for the code check (several files may be chosen at once).
    SourceFile,
    /// Dropped on the window: sorted by content like a desktop drop.
    Dropped,
}

/// What clipboard text was asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PastePurpose {
    /// The response editor.
    Response,
    /// A key slot.
    Key(KeySlot),
    /// What the server printed.
    ServerOutput,
}

/// Why the browser gave no file contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    /// Over the size limit ([`crate::domain::MAX_INPUT_BYTES`]); not read.
    TooLarge {
        /// The file's size.
        bytes: usize,
    },
    /// The browser's own message.
    Browser(String),
}

/// An answer from the browser to an earlier request.
#[derive(Debug)]
pub enum Delivery {
    /// A chosen or dropped file's contents (or why they could not be read).
    File {
        /// What it was asked for.
        purpose: FilePurpose,
        /// The file's name (the browser never tells the path).
        name: String,
        /// Its bytes.
        bytes: Result<Vec<u8>, FileError>,
    },
    /// The clipboard's text; `Err` with the browser's message when it refused or holds no text.
    Clipboard {
        /// What it was asked for.
        purpose: PastePurpose,
        /// The text.
        text: Result<String, String>,
    },
}

thread_local! {
    static INBOX: RefCell<Vec<Delivery>> = const { RefCell::new(Vec::new()) };
    static CONTEXT: RefCell<Option<egui::Context>> = const { RefCell::new(None) };
}

/// The picker the app holds in the browser: never asked (the app's web actions use
/// [`pick_file`]), so it answers "cancelled", never "no dialog": the built-in file browser,
/// which needs a file system, does not open in the page.
#[derive(Debug, Clone, Copy)]
pub struct BrowserPicker;

impl FilePicker for BrowserPicker {
    fn pick_key_file(&mut self, _slot: KeySlot, _title: &str) -> Picked {
        Ok(None)
    }

    fn save_report_file(&mut self, _title: &str, _default_name: &str) -> Picked {
        Ok(None)
    }

    fn pick_folder(&mut self, _title: &str) -> Picked {
        Ok(None)
    }

    fn pick_source_files(
        &mut self,
        _title: &str,
        _extensions: &[String],
    ) -> Result<Vec<PathBuf>, NoNativeDialog> {
        Ok(Vec::new())
    }

    fn pick_server_output_file(&mut self, _title: &str) -> Picked {
        Ok(None)
    }
}

/// The clipboard reader the app holds in the browser: never asked (the app's web actions use
/// [`read_clipboard`]), so it is empty.
#[derive(Debug, Clone, Copy)]
pub struct BrowserClipboard;

impl ClipboardSource for BrowserClipboard {
    fn text(&mut self) -> Option<String> {
        None
    }
}

/// Starts the app on the page's canvas; called by `main` in the web build.
pub fn start() {
    // Fails only when a logger is already installed, which is then kept.
    eframe::WebLogger::init(log::LevelFilter::Warn).ok();
    hook::install();
    wasm_bindgen_futures::spawn_local(async {
        let Some(document) = web_sys::window().and_then(|window| window.document()) else {
            return;
        };
        let canvas = document
            .get_element_by_id(CANVAS_ID)
            .and_then(|element| element.dyn_into::<web_sys::HtmlCanvasElement>().ok());
        let Some(canvas) = canvas else {
            show_start_error(&document, "no canvas");
            return;
        };
        let started = eframe::WebRunner::new()
            .start(
                canvas,
                eframe::WebOptions::default(),
                Box::new(|cc| {
                    CONTEXT.with(|context| *context.borrow_mut() = Some(cc.egui_ctx.clone()));
                    Ok(Box::new(crate::app::App::from_creation_context(cc, None)))
                }),
            )
            .await;
        match started {
            Ok(()) => {
                if let Some(loading) = document.get_element_by_id(LOADING_ID) {
                    loading.remove();
                }
            }
            Err(error) => show_start_error(&document, &io::js_error(&error)),
        }
    });
}

/// Replaces the loading message with the page's worded failure (`data-failed`, filled from
/// `web.start_failed` by the build) and the browser's reason.
fn show_start_error(document: &web_sys::Document, reason: &str) {
    if let Some(loading) = document.get_element_by_id(LOADING_ID) {
        let sentence = loading.get_attribute("data-failed").unwrap_or_default();
        loading.set_text_content(Some(&format!("{sentence} {reason}")));
    }
}

fn deliver(delivery: Delivery) {
    INBOX.with(|inbox| inbox.borrow_mut().push(delivery));
    CONTEXT.with(|context| {
        if let Some(ctx) = context.borrow().as_ref() {
            ctx.request_repaint();
        }
    });
}

/// Everything the browser answered since the last call.
pub fn take_deliveries() -> Vec<Delivery> {
    INBOX.with(|inbox| std::mem::take(&mut *inbox.borrow_mut()))
}
