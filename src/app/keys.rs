//! Loading keys and responses from files, the clipboard and drops; describing them safely.

use std::path::{Path, PathBuf};

use super::App;
use super::session::{self, KeyInput, KeySource};
use crate::domain::Lang;
use crate::domain::report::Severity;
use crate::domain::sniff::{self, Kind};
use crate::i18n::tr;
use crate::platform::KeySlot;

impl App {
    pub(super) fn remembered_path(&mut self, slot: KeySlot) -> &mut Option<PathBuf> {
        match slot {
            KeySlot::AlipayPublicKey => &mut self.prefs.public_key_path,
            KeySlot::AesKey => &mut self.prefs.aes_key_path,
        }
    }

    /// Reads a key file into a slot; a vanished or unreadable file becomes a notice.
    pub fn load_key_file(&mut self, slot: KeySlot, path: &Path) {
        match crate::cli::read_input(slot_flag(slot), path) {
            Ok(bytes) => {
                self.load_key_bytes(slot, KeySource::File(path.to_owned()), bytes);
                *self.remembered_path(slot) = Some(path.to_owned());
            }
            Err(error) => {
                self.notice("notice_read_failed", error.to_string(), Severity::Error);
                *self.remembered_path(slot) = None;
            }
        }
    }

    pub(super) fn load_key_bytes(&mut self, slot: KeySlot, source: KeySource, bytes: Vec<u8>) {
        if sniff::guess(&bytes) == Kind::PrivateKey {
            self.notice(
                "notice_private_key_refused",
                source_label(&source, self.prefs.lang),
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
            Kind::PrivateKey => self.notice("notice_private_key_refused", name, Severity::Error),
            Kind::PublicKey => {
                self.notice("notice_dropped_public_key", name, Severity::Info);
                self.load_key_bytes(
                    KeySlot::AlipayPublicKey,
                    KeySource::File(path.to_owned()),
                    bytes,
                );
            }
            Kind::AesKey => {
                self.notice("notice_dropped_aes_key", name, Severity::Info);
                self.load_key_bytes(KeySlot::AesKey, KeySource::File(path.to_owned()), bytes);
            }
            Kind::Response | Kind::Unknown if bytes.len() > session::MAX_RESPONSE_BYTES => {
                self.refuse_large(bytes.len());
            }
            Kind::Response | Kind::Unknown => {
                self.notice("notice_dropped_response", name, Severity::Info);
                self.session
                    .set_response(String::from_utf8_lossy(&bytes).into_owned());
            }
        }
    }

    pub(super) fn refuse_large(&mut self, bytes: usize) {
        let detail = format!(
            "{} MiB > {} MiB",
            bytes / 1024 / 1024,
            session::MAX_RESPONSE_BYTES / 1024 / 1024
        );
        self.notice("notice_too_large", detail, Severity::Error);
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
            matches!(
                finding.code,
                crate::domain::FindingCode::PublicKeyIsPrivateKey
                    | crate::domain::FindingCode::PublicKeyUnparsable
                    | crate::domain::FindingCode::PublicKeyIsAesKey
            )
        });
        return problem
            .map(|finding| crate::domain::hints::title(finding, lang))
            .into_iter()
            .collect();
    };
    let mut lines = vec![
        format!("{}, {} {}", key.kind, key.bits, tr("key_bits", lang)),
        format!(
            "SHA-256 {}",
            crate::domain::pubkey::short_fingerprint(&key.fingerprint_sha256)
        ),
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
        KeySource::Pasted => tr("source_clipboard", lang).to_owned(),
        KeySource::Demo => tr("source_demo", lang).to_owned(),
    }
}

pub(super) fn slot_flag(slot: KeySlot) -> &'static str {
    match slot {
        KeySlot::AlipayPublicKey => "Alipay public key file",
        KeySlot::AesKey => "AES key file",
    }
}

pub(super) fn slot_title(slot: KeySlot) -> &'static str {
    match slot {
        KeySlot::AlipayPublicKey => "dialog_public_key",
        KeySlot::AesKey => "dialog_aes_key",
    }
}
