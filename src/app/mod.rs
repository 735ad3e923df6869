//! The eframe application: owns the persisted preferences and the runtime session, collects the
//! actions the UI returns and applies them through [`crate::platform`] (files, dialogs,
//! clipboard) and the features.

pub mod browse;
mod keys;
mod probe;
mod profiles;
pub mod server_check;
pub mod server_output;
pub mod session;
#[cfg(target_arch = "wasm32")]
mod web;
mod window;
pub mod workbench;

pub use keys::{file_name, source_label};
pub use probe::StartupProbe;
pub use window::APP_ID;
#[cfg(not(target_arch = "wasm32"))]
pub use window::run_window;

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::domain::KeySlot;
use crate::domain::report::Severity;
use crate::i18n::{Lang, tr};
use crate::platform::{ClipboardSource, FilePicker};
use crate::ui::{self, Action, Notice, NoticeDetail};
use keys::{public_key_summary, slot_title};
use session::{KeySource, Session};

/// What survives a restart. Never key contents, the paste or decrypted data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// UI language.
    pub lang: Lang,
    /// Dark theme.
    pub dark: bool,
    /// The last Alipay public key file, re-read on start.
    pub public_key_path: Option<PathBuf>,
    /// The last AES key file, re-read on start.
    pub aes_key_path: Option<PathBuf>,
    /// Presenter mode: larger text, mobile always masked.
    pub presenter: bool,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            lang: crate::platform::locale::system_lang(),
            dark: true,
            public_key_path: None,
            aes_key_path: None,
            presenter: false,
        }
    }
}

/// The application.
pub struct App {
    /// Persisted preferences.
    pub prefs: Prefs,
    /// Runtime state.
    pub session: Session,
    /// Runtime state of the support and demo workflows.
    pub workbench: workbench::Workbench,
    /// The built-in file browser, used when the system has no file dialog.
    pub browsing: browse::Browsing,
    picker: Box<dyn FilePicker>,
    clipboard: Box<dyn ClipboardSource>,
    probe: Option<StartupProbe>,
    /// The window runs in a browser: it says that nothing leaves the page, and that profiles and
    /// test keys are desktop only. Set in the web build; [`App::in_browser`] sets it for tests.
    web_page: bool,
}

impl App {
    /// Starts with the demo, then re-reads the remembered key files (which end the demo).
    pub fn new(
        prefs: Prefs,
        picker: Box<dyn FilePicker>,
        clipboard: Box<dyn ClipboardSource>,
    ) -> Self {
        let mut app = Self {
            prefs,
            session: Session::with_demo(),
            workbench: workbench::Workbench::default(),
            browsing: browse::Browsing::default(),
            picker,
            clipboard,
            probe: None,
            web_page: !crate::platform::HAS_FILE_SYSTEM,
        };
        let remembered = [
            (KeySlot::AlipayPublicKey, app.prefs.public_key_path.clone()),
            (KeySlot::AesKey, app.prefs.aes_key_path.clone()),
        ];
        for (slot, path) in remembered {
            if let Some(path) = path {
                app.load_key_file(slot, &path);
            }
        }
        app.reload_profiles();
        let now = crate::platform::clock::now_unix_secs();
        app.session.refresh(now, None);
        app.refresh_derived(now);
        app
    }

    /// Creates the app from eframe's context: fonts, theme, stored preferences.
    pub fn from_creation_context(
        cc: &eframe::CreationContext<'_>,
        probe: Option<StartupProbe>,
    ) -> Self {
        crate::platform::fonts::install(
            &cc.egui_ctx,
            crate::platform::fonts::CjkFontProvider::with_system_fonts(),
        );
        let prefs: Prefs = cc
            .storage
            .and_then(|storage| eframe::get_value(storage, eframe::APP_KEY))
            .unwrap_or_default();
        let mut app = Self::new(
            prefs,
            crate::platform::system_picker(),
            crate::platform::system_clipboard(),
        )
        .with_profiles_path(crate::platform::config::default_profiles_path());
        app.probe = probe;
        app
    }

    /// Uses the profiles file at `path` (the command line's default in the real window; none
    /// unless set, so tests never touch the user's files).
    #[must_use]
    pub fn with_profiles_path(mut self, path: Option<PathBuf>) -> Self {
        self.workbench.profiles_path = path;
        self.reload_profiles();
        self.workbench.derived_for = 0;
        let now = crate::platform::clock::now_unix_secs();
        self.refresh_derived(now);
        self
    }

    /// Shows the browser build's notes (what stays in the page, what is desktop only), as the web
    /// build does: for tests of those notes on the desktop.
    #[must_use]
    pub fn in_browser(mut self) -> Self {
        self.web_page = true;
        self
    }

    /// One frame: input side effects, the UI, then the actions it returned.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        ui.ctx().set_theme(if self.prefs.dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        });
        #[cfg(target_arch = "wasm32")]
        self.web_before_draw(ui.ctx());
        let dropped = ui.ctx().input(|input| input.raw.dropped_files.clone());
        for file in dropped {
            // The browser reads files asynchronously: they arrive in `web_before_draw`.
            #[cfg(target_arch = "wasm32")]
            crate::platform::web::read_dropped(&file);
            #[cfg(not(target_arch = "wasm32"))]
            match file.bytes() {
                Ok(bytes) => self.load_dropped(file.path(), bytes),
                Err(error) => self.notice(
                    "notice.failed",
                    NoticeDetail::Token(format!("{}: {error}", file_name(file.path()))),
                    Severity::Error,
                ),
            }
        }
        let actions = self.draw(ui);
        for action in actions {
            self.apply(ui.ctx(), action);
        }
        let now = crate::platform::clock::now_unix_secs();
        self.session.refresh(now, Some(ui.ctx()));
        self.refresh_derived(now);
        self.refresh_explanation();
        let zoom = if self.prefs.presenter { 1.35 } else { 1.0 };
        if (ui.ctx().zoom_factor() - zoom).abs() > f32::EPSILON {
            ui.ctx().set_zoom_factor(zoom);
        }
        if let Some(probe) = &mut self.probe {
            probe.frame(ui.ctx());
        }
        #[cfg(target_arch = "wasm32")]
        self.web_after_frame();
    }

    /// Builds the view from the current state and draws it.
    fn draw(&mut self, ui: &mut egui::Ui) -> Vec<Action> {
        let lang = self.prefs.lang;
        let public_key = self.session.public_key.as_ref().map(|key| ui::SlotView {
            source: source_label(&key.source, lang),
            summary: public_key_summary(self.session.report.as_ref(), lang),
        });
        let aes_key = self.session.aes_key.as_ref().map(|key| ui::SlotView {
            source: source_label(&key.source, lang),
            summary: self
                .session
                .aes_summary
                .iter()
                .map(|summary| summary.text(lang))
                .collect(),
        });
        let browser_texts = self
            .browsing
            .open
            .as_ref()
            .map(|open| browse::BrowserTexts::new(open, lang));
        let (browser_view, browser_editors) = self
            .browsing
            .open
            .as_mut()
            .zip(browser_texts.as_ref())
            .map(|(open, texts)| texts.parts(open))
            .unzip();
        let view = ui::View {
            lang,
            dark: self.prefs.dark,
            demo: self.session.demo,
            show_mobile: self.session.show_mobile && !self.prefs.presenter,
            presenter: self.prefs.presenter,
            working: self.session.working,
            report: self.session.report.as_ref(),
            masked_payload: self.workbench.masked_payload.as_ref(),
            scenario: self.session.scenario,
            checklist: self.workbench.checklist.as_ref(),
            profile_match: self.workbench.profile_match.as_ref(),
            profiles: &self.workbench.profile_names,
            public_key: public_key.as_ref(),
            aes_key: aes_key.as_ref(),
            notices: &self.session.notices,
            frontend_open: self.workbench.frontend_open,
            frontend_findings: &self.workbench.frontend_findings,
            mock_open: self.workbench.mock_open,
            mock_key: self
                .workbench
                .mock_key
                .as_ref()
                .map(|(name, _)| name.as_str()),
            mock_signing: self.workbench.mock_signing,
            web_page: self.web_page,
            server_open: self.workbench.server.open,
            server_language: self.workbench.server.language,
            server_sources: &self.workbench.server.sources,
            server_output_file: self
                .session
                .server_output
                .file
                .as_ref()
                .map(|file| (file.name.as_str(), file.bytes.len())),
            explanation: self.session.server_output.explanation.as_ref(),
            browser: browser_view.as_ref(),
        };
        let mut editors = ui::Editors {
            response: &mut self.session.response,
            axml: &mut self.workbench.axml,
            js: &mut self.workbench.js,
            mock_payload: &mut self.workbench.mock_payload,
            profile_name: &mut self.workbench.profile_name,
            server_code: &mut self.workbench.server.code,
            server_output: &mut self.session.server_output.text,
            browser: browser_editors,
        };
        ui::root_ui(ui, &mut editors, &view)
    }

    /// Applies one action.
    pub fn apply(&mut self, ctx: &egui::Context, action: Action) {
        #[cfg(target_arch = "wasm32")]
        let Some(action) = self.apply_web(action) else {
            return;
        };
        match action {
            Action::ResponseEdited => self.session.response_edited(),
            Action::PasteResponse => self.paste_response(),
            Action::ClearResponse => self.session.set_response(String::new()),
            Action::OpenKey(slot) => self.open_key(slot),
            Action::PasteKey(slot) => self.paste_key(slot),
            Action::ClearKey(slot) => self.clear_key(slot),
            Action::SetLang(lang) => self.prefs.lang = lang,
            Action::SetDark(dark) => self.prefs.dark = dark,
            Action::ToggleShowMobile => self.session.show_mobile = !self.session.show_mobile,
            Action::CopyJson(text) => ctx.copy_text(text),
            Action::LoadDemo => {
                self.session.load_demo();
                self.session.notices.clear();
            }
            Action::DismissNotices => self.session.notices.clear(),
            Action::ServerOutputEdited => self.server_output_edited(),
            Action::PasteServerOutput => self.paste_server_output(),
            Action::OpenServerOutput => self.open_server_output(),
            Action::ClearServerOutput => self.clear_server_output(),
            Action::LoadScenario(id) => self.load_scenario(id),
            Action::TogglePresenter => self.prefs.presenter = !self.prefs.presenter,
            Action::CopyReport => self.copy_report(ctx),
            Action::SaveReport => self.save_report(),
            Action::SetToolOpen(ui::Tool::FrontendCheck, open) => {
                self.workbench.frontend_open = open;
            }
            Action::SetToolOpen(ui::Tool::Mock, open) => self.workbench.mock_open = open,
            Action::FrontendEdited => self.frontend_edited(),
            Action::OpenMockPrivateKey => self.open_mock_key(),
            Action::SetMockSigning(signing) => self.workbench.mock_signing = signing,
            Action::GenerateMock => self.generate_mock(),
            Action::GenerateTestKeys => self.generate_test_keys(),
            Action::SaveProfile => self.save_profile(),
            Action::UseProfile(name) => self.use_profile(&name),
            Action::RemoveProfile(name) => self.remove_profile(&name),
            Action::SetToolOpen(ui::Tool::ServerCheck, open) => self.set_server_check_open(open),
            Action::ServerCodeEdited => self.server_code_changed(),
            Action::SetServerLanguage(language) => self.set_server_language(language),
            Action::OpenServerFiles => self.open_server_files(),
            Action::ClearServerFiles => self.clear_server_files(),
            Action::Browser(action) => self.apply_browser(action),
        }
    }

    fn paste_response(&mut self) {
        match self.clipboard.text() {
            Some(text) if text.len() > crate::domain::MAX_INPUT_BYTES => {
                self.refuse_large(text.len());
            }
            Some(text) => self.session.set_response(text),
            None => self.notice(
                "notice.clipboard_empty",
                NoticeDetail::None,
                Severity::Warning,
            ),
        }
    }

    fn open_key(&mut self, slot: KeySlot) {
        let title = tr(slot_title(slot), self.prefs.lang);
        let answer = self.picker.pick_key_file(slot, title);
        if let Some(path) = self.picked(answer, browse::BrowseFor::Key(slot)) {
            self.load_key_file(slot, &path);
        }
    }

    fn paste_key(&mut self, slot: KeySlot) {
        match self.clipboard.text().filter(|text| !text.trim().is_empty()) {
            Some(text) => self.load_key_bytes(slot, KeySource::Pasted, text.into_bytes()),
            None => self.notice(
                "notice.clipboard_empty",
                NoticeDetail::None,
                Severity::Warning,
            ),
        }
    }

    fn clear_key(&mut self, slot: KeySlot) {
        self.session.set_key(slot, None);
        *self.remembered_path(slot) = None;
    }

    pub(crate) fn notice(&mut self, key: &'static str, detail: NoticeDetail, severity: Severity) {
        self.session.notices.push(Notice {
            key,
            detail,
            severity,
        });
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.prefs);
    }
}
