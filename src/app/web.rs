//! The window in the browser: the actions whose edge is asynchronous there (file dialog,
//! clipboard) or absent (paths, folders, profiles), and the answers the browser delivers later.

use std::path::{Path, PathBuf};

use zeroize::Zeroizing;

use super::App;
use super::session::KeySource;
use crate::domain::report::Severity;
use crate::features::mock;
use crate::platform::web::{self, Delivery, FileError, FilePurpose, PastePurpose};
use crate::ui::{Action, NoticeDetail};

/// What the key dialogs offer (the same extensions as the desktop dialog).
const KEY_FILES: &str = ".txt,.pem,.crt,.cer,.key";

/// The downloaded report's name (the desktop save dialog's default).
const REPORT_FILE: &str = "alipay-phone-doctor-report.md";

impl App {
    /// Handles the actions that work differently in the browser; returns the others.
    pub(super) fn apply_web(&mut self, action: Action) -> Option<Action> {
        match action {
            Action::PasteResponse => web::read_clipboard(PastePurpose::Response),
            Action::PasteKey(slot) => web::read_clipboard(PastePurpose::Key(slot)),
            Action::OpenKey(slot) => web::pick_file(FilePurpose::Key(slot), KEY_FILES),
            Action::OpenMockPrivateKey => web::pick_file(FilePurpose::MockPrivateKey, KEY_FILES),
            Action::PasteServerOutput => web::read_clipboard(PastePurpose::ServerOutput),
            Action::OpenServerOutput => web::pick_file(FilePurpose::ServerOutput, ""),
            Action::OpenServerFiles => {
                let accept = self.source_extensions();
                web::pick_file(FilePurpose::SourceFile, &accept);
            }
            Action::SaveReport => self.download_report(),
            Action::GenerateTestKeys
            | Action::SaveProfile
            | Action::UseProfile(_)
            | Action::RemoveProfile(_) => {
                self.notice("notice.desktop_only", NoticeDetail::None, Severity::Info);
            }
            other => return Some(other),
        }
        None
    }

    /// Before the frame is drawn: the browser's answers, and Ctrl+V when no editor has focus
    /// (it pastes the response, as the paste button does).
    pub(super) fn web_before_draw(&mut self, ctx: &egui::Context) {
        for delivery in web::take_deliveries() {
            self.deliver(delivery);
        }
        if ctx.memory(|memory| memory.focused().is_none()) {
            let pasted = ctx.input_mut(|input| {
                let mut pasted = None;
                input.events.retain(|event| match event {
                    egui::Event::Paste(text) => {
                        pasted = Some(text.clone());
                        false
                    }
                    _ => true,
                });
                pasted
            });
            if let Some(text) = pasted.filter(|text| !text.trim().is_empty()) {
                self.paste_text(text);
            }
        }
    }

    /// After the frame: what the page's test hook reports (no keys, paste or payload).
    pub(super) fn web_after_frame(&self) {
        let category = self
            .session
            .report
            .as_ref()
            .map(|report| report.category.to_string())
            .unwrap_or_default();
        let notices = self.session.notices.iter().map(|notice| notice.key);
        web::hook::publish(|state| {
            state.category = category;
            state.lang = self.prefs.lang.code();
            state.demo = self.session.demo;
            state.notices = notices.collect();
        });
    }

    /// The Markdown report as a download, made in the page.
    fn download_report(&mut self) {
        let Some(text) = self.markdown_report() else {
            return;
        };
        match web::download(REPORT_FILE, "text/markdown", &text) {
            Ok(()) => self.notice(
                "notice.downloaded",
                NoticeDetail::Token(REPORT_FILE.to_owned()),
                Severity::Ok,
            ),
            Err(message) => self.notice(
                "notice.failed",
                NoticeDetail::Token(message),
                Severity::Error,
            ),
        }
    }

    fn deliver(&mut self, delivery: Delivery) {
        match delivery {
            Delivery::File {
                bytes: Err(FileError::TooLarge { bytes }),
                ..
            } => self.refuse_large(bytes),
            Delivery::File {
                name,
                bytes: Err(FileError::Browser(message)),
                ..
            } => self.notice(
                "notice.failed",
                NoticeDetail::Token(format!("{name}: {message}")),
                Severity::Error,
            ),
            Delivery::File {
                purpose,
                name,
                bytes: Ok(bytes),
            } => match purpose {
                FilePurpose::Key(slot) => {
                    self.load_key_bytes(slot, KeySource::File(PathBuf::from(name)), bytes);
                }
                FilePurpose::Dropped => self.load_dropped(Path::new(&name), bytes),
                FilePurpose::MockPrivateKey => self.load_mock_key_bytes(name, &bytes),
                FilePurpose::ServerOutput => {
                    self.session.end_demo();
                    self.session.server_output.set_file(name, bytes);
                }
                FilePurpose::SourceFile => self.check_source_file(PathBuf::from(name), &bytes),
            },
            Delivery::Clipboard {
                purpose,
                text: Ok(text),
            } if !text.trim().is_empty() => match purpose {
                PastePurpose::Response => self.paste_text(text),
                PastePurpose::Key(slot) => {
                    self.load_key_bytes(slot, KeySource::Pasted, text.into_bytes());
                }
                PastePurpose::ServerOutput if text.len() > crate::domain::MAX_INPUT_BYTES => {
                    self.refuse_large(text.len());
                }
                PastePurpose::ServerOutput => {
                    self.session.end_demo();
                    self.session.server_output.set_text(text);
                }
            },
            Delivery::Clipboard { text, .. } => self.notice(
                "notice.clipboard_empty",
                text.err()
                    .filter(|message| !message.is_empty())
                    .map_or(NoticeDetail::None, NoticeDetail::Token),
                Severity::Warning,
            ),
        }
    }

    fn paste_text(&mut self, text: String) {
        if text.len() > crate::domain::MAX_INPUT_BYTES {
            self.refuse_large(text.len());
        } else {
            self.session.set_response(text);
        }
    }

    fn load_mock_key_bytes(&mut self, name: String, bytes: &[u8]) {
        let text = Zeroizing::new(String::from_utf8_lossy(bytes).into_owned());
        match mock::parse_private_key(&text) {
            Ok(_) => self.workbench.mock_key = Some((name, text)),
            Err(error) => self.notice_mock_error(&error),
        }
    }
}
