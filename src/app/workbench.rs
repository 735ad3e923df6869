//! The support and demo workflows of the window: scenarios, shareable reports, key profiles, the
//! front-end check, the mock generator and test keys. State that is not persisted lives in
//! [`Workbench`]; profiles persist as file paths only ([`ProfilePaths`]).

use std::path::Path;

use zeroize::Zeroizing;

use super::LoadedProfile;
use super::{App, file_name};
use crate::domain::checklist::Checklist;
use crate::domain::profiles::ProfileMatch;
use crate::domain::report::Severity;
use crate::domain::{Finding, demo_keys, frontend_check, markdown, mock, scenarios};
use crate::i18n::tr;
use crate::platform::KeySlot;
use crate::ui::MockSigning;

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
    pub mock_signing: MockSigning,
    /// The report serial the derived views were built for.
    pub(super) derived_for: u64,
}

impl Default for Workbench {
    fn default() -> Self {
        Self {
            checklist: None,
            profile_match: None,
            masked_payload: None,
            profiles: Vec::new(),
            profile_name: String::new(),
            axml: String::new(),
            js: String::new(),
            frontend_findings: Vec::new(),
            frontend_open: false,
            mock_open: false,
            mock_payload: MOCK_PAYLOAD.to_owned(),
            mock_key: None,
            mock_signing: MockSigning::default(),
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
            .map(crate::domain::share::masked_payload);
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
            Err(error) => self.notice("notice_failed", error.to_string(), Severity::Error),
        }
    }

    fn markdown_report(&self) -> Option<String> {
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
            self.notice("report_copied", String::new(), Severity::Ok);
        }
    }

    /// Saves the shareable report to a chosen file.
    pub(super) fn save_report(&mut self) {
        let Some(text) = self.markdown_report() else {
            return;
        };
        let title = tr("save_report", self.prefs.lang);
        let Some(path) = self
            .picker
            .save_report_file(title, "alipay-phone-doctor-report.md")
        else {
            return;
        };
        match std::fs::write(&path, text) {
            Ok(()) => self.notice("notice_saved", file_name(&path), Severity::Ok),
            Err(error) => self.notice(
                "notice_write_failed",
                format!("{}: {error}", file_name(&path)),
                Severity::Error,
            ),
        }
    }

    /// Re-runs the front-end check after an edit.
    pub(super) fn frontend_edited(&mut self) {
        self.workbench.frontend_findings =
            frontend_check::check_frontend(&self.workbench.axml, &self.workbench.js);
        self.workbench.derived_for = 0;
    }

    /// Chooses the mock's private key; it is parsed to check it, never shown or persisted.
    pub(super) fn open_mock_key(&mut self) {
        let title = tr("open_private_key", self.prefs.lang);
        let Some(path) = self.picker.pick_key_file(KeySlot::AlipayPublicKey, title) else {
            return;
        };
        let text = match crate::cli::read_input("private key file", &path) {
            Ok(bytes) => Zeroizing::new(String::from_utf8_lossy(&bytes).into_owned()),
            Err(error) => {
                return self.notice("notice_read_failed", error.to_string(), Severity::Error);
            }
        };
        match mock::parse_private_key(&text) {
            Ok(_) => self.workbench.mock_key = Some((file_name(&path), text)),
            Err(error) => self.notice("notice_failed", error.to_string(), Severity::Error),
        }
    }

    /// Builds a signed, encrypted response from the mock payload into the response editor.
    pub(super) fn generate_mock(&mut self) {
        match self.build_mock() {
            Ok(response) => {
                self.session.set_response(response);
                self.notice("notice_mock_generated", String::new(), Severity::Ok);
            }
            Err(error) => self.notice("notice_failed", error, Severity::Error),
        }
    }

    fn build_mock(&self) -> Result<String, String> {
        let (_, pem) = self
            .workbench
            .mock_key
            .as_ref()
            .ok_or_else(|| tr("not_loaded", self.prefs.lang).to_owned())?;
        let key = mock::parse_private_key(pem).map_err(|error| error.to_string())?;
        let aes_text = self
            .session
            .key_bytes(KeySlot::AesKey)
            .map(String::from_utf8_lossy)
            .unwrap_or_default();
        let aes = mock::parse_aes_key(&aes_text).map_err(|error| error.to_string())?;
        let options = match self.workbench.mock_signing {
            MockSigning::Rsa2 => {
                mock::MockOptions::signed(crate::domain::signature::HashAlg::Sha256)
            }
            MockSigning::Rsa => mock::MockOptions::signed(crate::domain::signature::HashAlg::Sha1),
            MockSigning::Unsigned => mock::MockOptions::unsigned(),
            MockSigning::Plain => mock::MockOptions::plain(),
        };
        mock::build_response(&self.workbench.mock_payload, &key, &aes, &options)
            .map_err(|error| error.to_string())
    }

    /// Generates a test key pair and AES key into a chosen folder and loads them.
    pub(super) fn generate_test_keys(&mut self) {
        let title = tr("generate_test_keys", self.prefs.lang);
        let Some(dir) = self.picker.pick_folder(title) else {
            return;
        };
        let keys = match mock::generate_test_keys(&mut mock::SystemRng) {
            Ok(keys) => keys,
            Err(error) => return self.notice("notice_failed", error.to_string(), Severity::Error),
        };
        let files = [
            ("test_alipay_private_key.pem", keys.private_key_pem.as_str()),
            (
                "test_alipay_public_key.txt",
                keys.public_key_base64.as_str(),
            ),
            ("test_aes_key.txt", keys.aes_key_base64.as_str()),
        ];
        for (name, text) in files {
            if let Err(error) = write_new(&dir.join(name), text) {
                return self.notice(
                    "notice_write_failed",
                    format!("{name}: {error}"),
                    Severity::Error,
                );
            }
        }
        self.load_key_file(
            KeySlot::AlipayPublicKey,
            &dir.join("test_alipay_public_key.txt"),
        );
        self.load_key_file(KeySlot::AesKey, &dir.join("test_aes_key.txt"));
        self.workbench.mock_key = Some((
            "test_alipay_private_key.pem".to_owned(),
            Zeroizing::new(keys.private_key_pem.to_string()),
        ));
        self.workbench.mock_open = true;
        self.notice(
            "notice_keys_generated",
            dir.display().to_string(),
            Severity::Ok,
        );
    }
}

/// Writes a new file, refusing to overwrite one.
fn write_new(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    options.open(path)?.write_all(text.as_bytes())
}
