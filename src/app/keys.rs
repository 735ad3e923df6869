//! Loading keys and responses from files, the clipboard and drops; describing them safely.

use std::path::{Path, PathBuf};

use super::App;
use super::session::{KeyInput, KeySource};
use crate::domain::KeySlot;
use crate::domain::report::Severity;
use crate::features::sniff::{self, Kind};
use crate::i18n::{Lang, tr};
use crate::platform::files::{InputName, ReadError, read_input};
use crate::render::errors::{Context, read_error};
use crate::ui::NoticeDetail;

impl App {
    pub(super) fn remembered_path(&mut self, slot: KeySlot) -> &mut Option<PathBuf> {
        match slot {
            KeySlot::AlipayPublicKey => &mut self.prefs.public_key_path,
            KeySlot::AesKey => &mut self.prefs.aes_key_path,
        }
    }

    /// Reads a key file into a slot; a vanished or unreadable file becomes a notice.
    pub fn load_key_file(&mut self, slot: KeySlot, path: &Path) {
        match read_input(InputName::Slot(slot), path) {
            Ok(bytes) => {
                self.load_key_bytes(slot, KeySource::File(path.to_owned()), bytes);
                *self.remembered_path(slot) = Some(path.to_owned());
            }
            Err(error) => {
                self.notice_read_error(&error);
                *self.remembered_path(slot) = None;
            }
        }
    }

    pub(super) fn load_key_bytes(&mut self, slot: KeySlot, source: KeySource, bytes: Vec<u8>) {
        if sniff::guess(&bytes) == Kind::PrivateKey {
            self.notice(
                "notice.private_key_refused",
                NoticeDetail::Token(source_label(&source, self.prefs.lang)),
                Severity::Error,
            );
            return;
        }
        self.session
            .set_key(slot, Some(KeyInput::new(source, bytes)));
    }

    pub(super) fn load_dropped(&mut self, path: &Path, bytes: Vec<u8>) {
        let name = file_name(path);
        match sniff::guess(&bytes) {
            Kind::PrivateKey => self.notice(
                "notice.private_key_refused",
                NoticeDetail::Token(name),
                Severity::Error,
            ),
            Kind::PublicKey => {
                self.notice(
                    "notice.dropped_public_key",
                    NoticeDetail::Token(name),
                    Severity::Info,
                );
                self.load_key_bytes(
                    KeySlot::AlipayPublicKey,
                    KeySource::File(path.to_owned()),
                    bytes,
                );
            }
            Kind::AesKey => {
                self.notice(
                    "notice.dropped_aes_key",
                    NoticeDetail::Token(name),
                    Severity::Info,
                );
                self.load_key_bytes(KeySlot::AesKey, KeySource::File(path.to_owned()), bytes);
            }
            Kind::Response | Kind::Unknown if bytes.len() > crate::domain::MAX_INPUT_BYTES => {
                self.refuse_large(bytes.len());
            }
            Kind::Response | Kind::Unknown => {
                self.notice(
                    "notice.dropped_response",
                    NoticeDetail::Token(name),
                    Severity::Info,
                );
                self.session
                    .set_response(String::from_utf8_lossy(&bytes).into_owned());
            }
        }
    }

    /// A file that could not be read, as a notice in both languages.
    pub(super) fn notice_read_error(&mut self, error: &ReadError) {
        let worded = NoticeDetail::Worded {
            zh: read_error(error, Lang::Zh, Context::Window),
            en: read_error(error, Lang::En, Context::Window),
        };
        self.notice("notice.failed", worded, Severity::Error);
    }

    pub(super) fn refuse_large(&mut self, bytes: usize) {
        let detail = format!(
            "{} MiB > {} MiB",
            bytes / 1024 / 1024,
            crate::domain::MAX_INPUT_BYTES / 1024 / 1024
        );
        self.notice(
            "notice.too_large",
            NoticeDetail::Token(detail),
            Severity::Error,
        );
    }
}

/// Kind, size, fingerprint and certificate facts of the loaded public key, or why it is unusable.
pub(super) fn public_key_summary(
    report: Option<&crate::domain::Report>,
    lang: Lang,
) -> Vec<String> {
    let Some(report) = report else {
        return Vec::new();
    };
    let Some(key) = &report.public_key else {
        let problem = report.findings.iter().find(|finding| {
            finding.code.group() == crate::domain::Group::PublicKey
                && finding.severity() == Severity::Error
        });
        return problem
            .map(|finding| crate::i18n::findings::title(finding, lang))
            .into_iter()
            .collect();
    };
    let mut lines = vec![
        crate::render::key_kind_and_size(key, lang),
        format!("SHA-256 {}", key.short_fingerprint()),
    ];
    if let Some(cert) = &key.certificate {
        lines.push(cert.subject.clone());
        lines.push(format!("{} – {}", cert.not_before, cert.not_after));
        lines.push(format!("SN {}", cert.alipay_cert_sn));
    }
    lines
}

/// The file's name, for notices.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

/// How a key's origin is shown.
pub fn source_label(source: &KeySource, lang: Lang) -> String {
    match source {
        KeySource::File(path) => file_name(path),
        KeySource::Pasted => tr("ui.source_clipboard", lang).to_owned(),
        KeySource::Demo => tr("ui.source_demo", lang).to_owned(),
    }
}

pub(super) fn slot_title(slot: KeySlot) -> &'static str {
    match slot {
        KeySlot::AlipayPublicKey => "ui.dialog_public_key",
        KeySlot::AesKey => "ui.dialog_aes_key",
    }
}
