//! The window's third input, what the developer's server printed, and the "Your server"
//! explanation made from it: recomputed when the output, the response or a key changes, never
//! per frame. The output is never persisted and is wiped like the paste.

use std::path::Path;

use zeroize::Zeroizing;

use super::browse::BrowseFor;
use super::{App, file_name};
use crate::domain::KeySlot;
use crate::domain::report::Severity;
use crate::features::explain::{ExplainInputs, Explanation, explain};
use crate::i18n::tr;
use crate::platform::files::{InputName, read_input};
use crate::ui::NoticeDetail;

/// A file whose bytes are not UTF-8, kept as bytes.
#[derive(Debug)]
pub struct BinaryOutput {
    /// The file's name, for display.
    pub name: String,
    /// Its bytes, wiped on drop.
    pub bytes: Zeroizing<Vec<u8>>,
}

/// What the server printed, and its explanation.
#[derive(Debug, Default)]
pub struct ServerOutput {
    /// The editor's text.
    pub text: String,
    /// A non-UTF-8 file, read as bytes (the editor is empty then).
    pub file: Option<BinaryOutput>,
    /// Increases with every change.
    pub serial: u64,
    /// The explanation of the current output; `None` while there is no output.
    pub explanation: Option<Explanation>,
    /// How many times an explanation was made (it is made only when an input changes).
    pub explanations: u64,
    /// The output serial and report serial the explanation was made for.
    explained_for: (u64, u64),
}

impl ServerOutput {
    /// The bytes to explain.
    pub fn bytes(&self) -> &[u8] {
        self.file
            .as_ref()
            .map_or(self.text.as_bytes(), |file| file.bytes.as_slice())
    }

    /// Replaces the output with text.
    pub fn set_text(&mut self, text: String) {
        use zeroize::Zeroize as _;
        self.text.zeroize();
        self.text = text;
        self.file = None;
        self.serial += 1;
    }

    /// Replaces the output with a file's bytes: text when they are UTF-8, else kept as bytes.
    pub fn set_file(&mut self, name: String, bytes: Vec<u8>) {
        match String::from_utf8(bytes) {
            Ok(text) => self.set_text(text),
            Err(error) => {
                self.set_text(String::new());
                self.file = Some(BinaryOutput {
                    name,
                    bytes: Zeroizing::new(error.into_bytes()),
                });
            }
        }
    }

    /// The editor changed the text in place.
    pub fn edited(&mut self) {
        self.file = None;
        self.serial += 1;
    }
}

impl Drop for ServerOutput {
    fn drop(&mut self) {
        use zeroize::Zeroize as _;
        self.text.zeroize();
    }
}

impl App {
    /// The output was typed or pasted into the editor: the user's own data ends the demo.
    pub(super) fn server_output_edited(&mut self) {
        self.session.end_demo();
        self.session.server_output.edited();
    }

    /// Replaces the output with the clipboard's text.
    pub(super) fn paste_server_output(&mut self) {
        match self.clipboard.text().filter(|text| !text.trim().is_empty()) {
            Some(text) if text.len() > crate::domain::MAX_INPUT_BYTES => {
                self.refuse_large(text.len());
            }
            Some(text) => {
                self.session.end_demo();
                self.session.server_output.set_text(text);
            }
            None => self.notice(
                "notice.clipboard_empty",
                NoticeDetail::None,
                Severity::Warning,
            ),
        }
    }

    /// Reads a file chosen with the dialog; its bytes may be anything.
    pub(super) fn open_server_output(&mut self) {
        let title = tr("explain.window.dialog", self.prefs.lang);
        let answer = self.picker.pick_server_output_file(title);
        if let Some(path) = self.picked(answer, BrowseFor::ServerOutput) {
            self.load_server_output(&path);
        }
    }

    /// Reads what the server printed from `path`.
    pub(super) fn load_server_output(&mut self, path: &Path) {
        match read_input(InputName::ServerOutput, path) {
            Ok(bytes) => {
                self.session.end_demo();
                self.session.server_output.set_file(file_name(path), bytes);
            }
            Err(error) => self.notice_read_error(&error),
        }
    }

    /// Empties the output.
    pub(super) fn clear_server_output(&mut self) {
        self.session.server_output.set_text(String::new());
    }

    /// Explains the output again when it or the report's inputs changed since the last time.
    pub(super) fn refresh_explanation(&mut self) {
        let key = (
            self.session.server_output.serial,
            self.session.report_serial,
        );
        if self.session.server_output.explained_for == key {
            return;
        }
        let printed = self.session.server_output.bytes();
        let explanation = if printed.iter().all(u8::is_ascii_whitespace) {
            None
        } else {
            let response = Some(self.session.response.as_bytes()).filter(|text| !text.is_empty());
            Some(explain(&ExplainInputs {
                printed,
                response,
                alipay_public_key: self.session.key_bytes(KeySlot::AlipayPublicKey),
                aes_key: self.session.key_bytes(KeySlot::AesKey),
            }))
        };
        let output = &mut self.session.server_output;
        output.explanations += u64::from(explanation.is_some());
        output.explanation = explanation;
        output.explained_for = key;
    }
}
