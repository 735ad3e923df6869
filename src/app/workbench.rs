//! The support and demo workflows of the window: scenarios, shareable reports, key profiles, the
//! front-end check, the mock generator and test keys. State that is not persisted lives in
//! [`Workbench`]; profiles live in the profiles store, as file paths only.

use std::path::Path;

use zeroize::Zeroizing;

use super::browse::{BrowseFor, REPORT_FILE_NAME};
use super::{App, file_name};
use crate::domain::report::Severity;
use crate::domain::{Finding, KeySlot};
use crate::features::checklist::Checklist;
use crate::features::mock::{MockError, SigningMode};
use crate::features::profiles::ProfileMatch;
use crate::features::scenarios::demo as demo_keys;
use crate::features::{frontend_check, mock, scenarios};
use crate::i18n::{Lang, tr};
use crate::platform::files::{self, Access, InputName, Overwrite, WriteError};
use crate::platform::profiles::LoadedProfile;
use crate::render::errors::{mock_error, write_error};
use crate::render::markdown;
use crate::ui::NoticeDetail;

/// The sample payload the mock starts with.
pub const MOCK_PAYLOAD: &str = r#"{"code":"10000","msg":"Success","mobile":"13800138000"}"#;

/// Runtime state of the workflows.
#[derive(Debug)]
pub struct Workbench {
    /// The troubleshooting checklist for the current report.
    pub checklist: Option<Checklist>,
    /// Which profile verifies and decrypts the paste.
    pub profile_match: Option<ProfileMatch>,
    /// The payload with the mobile masked, for display.
    pub masked_payload: Option<serde_json::Value>,
    /// The profiles file (none: profiles are off).
    pub profiles_path: Option<std::path::PathBuf>,
    /// The saved profiles' names, sorted.
    pub profile_names: Vec<String>,
    /// The profiles' keys, read once.
    pub profiles: Vec<LoadedProfile>,
    /// The name typed for a new profile.
    pub profile_name: String,
    /// The front-end check's AXML.
    pub axml: String,
    /// The front-end check's JS.
    pub js: String,
    /// Its findings.
    pub frontend_findings: Vec<Finding>,
    /// The front-end window is open.
    pub frontend_open: bool,
    /// The mock window is open.
    pub mock_open: bool,
    /// The mock's payload.
    pub mock_payload: String,
    /// The mock's private key (file name, PEM text), never shown.
    pub mock_key: Option<(String, Zeroizing<String>)>,
    /// How the mock signs.
    pub mock_signing: SigningMode,
    /// The server-code check window.
    pub server: super::server_check::ServerCheckState,
    /// The report serial the derived views were built for.
    pub(super) derived_for: u64,
}

impl Default for Workbench {
    fn default() -> Self {
        Self {
            checklist: None,
            profile_match: None,
            masked_payload: None,
            profiles_path: None,
            profile_names: Vec::new(),
            profiles: Vec::new(),
            profile_name: String::new(),
            axml: String::new(),
            js: String::new(),
            frontend_findings: Vec::new(),
            frontend_open: false,
            mock_open: false,
            mock_payload: MOCK_PAYLOAD.to_owned(),
            mock_key: None,
            mock_signing: SigningMode::default(),
            server: super::server_check::ServerCheckState::default(),
            derived_for: 0,
        }
    }
}

impl App {
    /// Rebuilds the checklist and the profile match when a new report arrived.
    pub(super) fn refresh_derived(&mut self, now_unix_secs: Option<u64>) {
        if self.workbench.derived_for == self.session.report_serial {
            return;
        }
        self.workbench.derived_for = self.session.report_serial;
        self.workbench.checklist = self.session.report.as_ref().map(|report| {
            let mut checklist = Checklist::from_report(report);
            checklist.apply_frontend(&self.workbench.frontend_findings);
            checklist
        });
        self.workbench.profile_match = self.match_profiles(now_unix_secs);
        self.workbench.masked_payload = self
            .session
            .report
            .as_ref()
            .filter(|report| report.payload.is_some())
            .map(crate::render::mask::masked_payload);
    }

    /// Fills the inputs with a scenario built from the demo keys.
    pub(super) fn load_scenario(&mut self, id: &str) {
        let Some(scenario) = scenarios::find(id) else {
            return;
        };
        match scenarios::build(id, &demo_keys::DEMO) {
            Ok(inputs) => {
                self.session.load_scenario(scenario, inputs);
                self.session.notices.clear();
            }
            Err(scenarios::ScenarioError::Mock(error)) => self.notice_mock_error(&error),
            Err(scenarios::ScenarioError::Unknown(_)) => {}
        }
    }

    pub(super) fn markdown_report(&self) -> Option<String> {
        let report = self.session.report.as_ref()?;
        Some(markdown::render_markdown(
            report,
            self.prefs.lang,
            self.workbench.checklist.as_ref(),
            self.workbench.profile_match.as_ref(),
        ))
    }

    /// Copies the shareable report (mobile masked, no key material).
    pub(super) fn copy_report(&mut self, ctx: &egui::Context) {
        if let Some(text) = self.markdown_report() {
            ctx.copy_text(text);
            self.notice("notice.report_copied", NoticeDetail::None, Severity::Ok);
        }
    }

    /// Saves the shareable report to a chosen file.
    pub(super) fn save_report(&mut self) {
        let Some(text) = self.markdown_report() else {
            return;
        };
        let title = tr("ui.save_report", self.prefs.lang);
        let answer = self.picker.save_report_file(title, REPORT_FILE_NAME);
        if let Some(path) = self.picked(answer, BrowseFor::Report) {
            self.write_report(&path, &text);
        }
    }

    /// Saves the shareable report to `path` (chosen in the built-in browser).
    pub(super) fn save_report_to(&mut self, path: &Path) {
        if let Some(text) = self.markdown_report() {
            self.write_report(path, &text);
        }
    }

    fn write_report(&mut self, path: &Path, text: &str) {
        match files::write_file(path, text, Overwrite::Allowed, Access::Normal) {
            Ok(()) => self.notice(
                "notice.saved",
                NoticeDetail::Token(file_name(path)),
                Severity::Ok,
            ),
            Err(source) => self.notice_write_error(&WriteError {
                path: path.to_owned(),
                source,
            }),
        }
    }

    /// A file that could not be written, as a notice in both languages.
    fn notice_write_error(&mut self, error: &WriteError) {
        let worded = NoticeDetail::Worded {
            zh: write_error(error, Lang::Zh),
            en: write_error(error, Lang::En),
        };
        self.notice("notice.failed", worded, Severity::Error);
    }

    /// A mock that could not be built, as a notice in both languages.
    pub(super) fn notice_mock_error(&mut self, error: &MockError) {
        let worded = NoticeDetail::Worded {
            zh: mock_error(error, Lang::Zh),
            en: mock_error(error, Lang::En),
        };
        self.notice("notice.failed", worded, Severity::Error);
    }

    /// Re-runs the front-end check after an edit.
    pub(super) fn frontend_edited(&mut self) {
        self.workbench.frontend_findings =
            frontend_check::check_frontend(&self.workbench.axml, &self.workbench.js);
        self.workbench.derived_for = 0;
    }

    /// Chooses the mock's private key; it is parsed to check it, never shown or persisted.
    pub(super) fn open_mock_key(&mut self) {
        let title = tr("ui.open_private_key", self.prefs.lang);
        let answer = self.picker.pick_key_file(KeySlot::AlipayPublicKey, title);
        if let Some(path) = self.picked(answer, BrowseFor::MockPrivateKey) {
            self.load_mock_key(&path);
        }
    }

    /// Reads and checks the mock's private key from `path`.
    pub(super) fn load_mock_key(&mut self, path: &Path) {
        let text = match files::read_input(InputName::MockPrivateKey, path) {
            Ok(bytes) => Zeroizing::new(String::from_utf8_lossy(&bytes).into_owned()),
            Err(error) => return self.notice_read_error(&error),
        };
        match mock::parse_private_key(&text) {
            Ok(_) => self.workbench.mock_key = Some((file_name(path), text)),
            Err(error) => self.notice_mock_error(&error),
        }
    }

    /// Builds a signed, encrypted response from the mock payload into the response editor.
    pub(super) fn generate_mock(&mut self) {
        match self.build_mock() {
            Ok(response) => {
                self.session.set_response(response);
                self.notice("notice.mock_generated", NoticeDetail::None, Severity::Ok);
            }
            Err(error) => self.notice_mock_error(&error),
        }
    }

    fn build_mock(&self) -> Result<String, MockError> {
        let Some((_, pem)) = self.workbench.mock_key.as_ref() else {
            return Err(MockError::PrivateKey(mock::PrivateKeyProblem::Missing));
        };
        let key = mock::parse_private_key(pem)?;
        let aes_text = self
            .session
            .key_bytes(KeySlot::AesKey)
            .map(String::from_utf8_lossy)
            .unwrap_or_default();
        let aes = mock::parse_aes_key(&aes_text)?;
        let options = self.workbench.mock_signing.options();
        mock::build_response(&self.workbench.mock_payload, &key, &aes, &options)
    }

    /// Generates a test key pair and AES key into a chosen folder (never over existing files)
    /// and loads them.
    pub(super) fn generate_test_keys(&mut self) {
        let title = tr("ui.generate_test_keys", self.prefs.lang);
        let answer = self.picker.pick_folder(title);
        if let Some(dir) = self.picked(answer, BrowseFor::TestKeysFolder) {
            self.generate_test_keys_in(&dir);
        }
    }

    /// Generates a test key pair and AES key into `dir` and loads them.
    pub(super) fn generate_test_keys_in(&mut self, dir: &Path) {
        let keys = match mock::generate_test_keys(&mut mock::SystemRng) {
            Ok(keys) => keys,
            Err(error) => return self.notice_mock_error(&error),
        };
        if let Err(error) = files::write_test_keys(dir, &keys, Overwrite::Refused) {
            return self.notice_write_error(&error);
        }
        self.load_key_file(KeySlot::AlipayPublicKey, &dir.join(mock::PUBLIC_KEY_FILE));
        self.load_key_file(KeySlot::AesKey, &dir.join(mock::AES_KEY_FILE));
        self.workbench.mock_key = Some((
            mock::PRIVATE_KEY_FILE.to_owned(),
            Zeroizing::new(keys.private_key_pem.to_string()),
        ));
        self.workbench.mock_open = true;
        self.notice(
            "notice.keys_generated",
            NoticeDetail::Token(dir.display().to_string()),
            Severity::Ok,
        );
    }
}
