//! The window's widgets. Thin: they render a precomputed [`Report`] and return [`Action`]s; the
//! app applies them. No parsing, crypto or file access happens here.

mod explain;
pub mod file_browser;
mod findings;
mod inputs;
pub mod json_view;
mod profiles;
mod report;
mod server_check;
pub mod shortcuts;
pub mod theme;
mod tools;

use crate::domain::KeySlot;
use crate::domain::{Finding, Report, Severity};
use crate::features::checklist::Checklist;
use crate::features::explain::Explanation;
use crate::features::mock::SigningMode;
use crate::features::profiles::ProfileMatch;
use crate::features::scenarios::{self, Scenario};
use crate::features::server_check::{Language, Located};
use crate::i18n::Lang;
use crate::i18n::tr;

/// A tool window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    /// The AXML/JS check.
    FrontendCheck,
    /// The mock response generator.
    Mock,
    /// The server-code check.
    ServerCheck,
}

/// What the user asked for. Applied by [`crate::app::App::apply`].
#[must_use]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// The editor changed the response.
    ResponseEdited,
    /// Replace the response with the clipboard's text.
    PasteResponse,
    /// Empty the response editor.
    ClearResponse,
    /// Choose a key file with the dialog.
    OpenKey(KeySlot),
    /// Load the clipboard's text as a key.
    PasteKey(KeySlot),
    /// Remove a key.
    ClearKey(KeySlot),
    /// Switch language.
    SetLang(Lang),
    /// Switch theme.
    SetDark(bool),
    /// Show or mask the mobile.
    ToggleShowMobile,
    /// Put text on the clipboard.
    CopyJson(String),
    /// Show the built-in demo again.
    LoadDemo,
    /// Fill the inputs with a built-in scenario.
    LoadScenario(&'static str),
    /// Larger text, mobile always masked.
    TogglePresenter,
    /// Copy the shareable Markdown report.
    CopyReport,
    /// Save the shareable Markdown report with the dialog.
    SaveReport,
    /// Open or close a tool window.
    SetToolOpen(Tool, bool),
    /// The AXML or JS editor changed.
    FrontendEdited,
    /// Choose the test private key for the mock.
    OpenMockPrivateKey,
    /// Choose how the mock signs.
    SetMockSigning(SigningMode),
    /// Build a mock response into the response editor.
    GenerateMock,
    /// Generate a test key pair and AES key into a chosen folder.
    GenerateTestKeys,
    /// Save the loaded key files as a named profile.
    SaveProfile,
    /// Load a profile's keys.
    UseProfile(String),
    /// Forget a profile.
    RemoveProfile(String),
    /// Hide the notices.
    DismissNotices,
    /// The pasted server code changed.
    ServerCodeEdited,
    /// Read the pasted server code as this language.
    SetServerLanguage(Language),
    /// Choose server source files to check.
    OpenServerFiles,
    /// Forget the opened server source files.
    ClearServerFiles,
    /// The editor changed what the server printed.
    ServerOutputEdited,
    /// Replace what the server printed with the clipboard's text.
    PasteServerOutput,
    /// Choose a file with what the server printed.
    OpenServerOutput,
    /// Empty what the server printed.
    ClearServerOutput,
    /// Something in the built-in file browser.
    Browser(file_browser::BrowserAction),
}

/// A message about something the app did (a slot guess, a missing file, a refusal): a sentence
/// and what it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Wording key of the sentence.
    pub key: &'static str,
    /// What follows the sentence (never key material).
    pub detail: NoticeDetail,
    /// How it is shown.
    pub severity: Severity,
}

/// What a notice's sentence concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoticeDetail {
    /// Nothing more.
    None,
    /// A file or profile name, shown as it is.
    Token(String),
    /// A message already worded in both languages (an error with its reason).
    Worded {
        /// Simplified Chinese.
        zh: String,
        /// English.
        en: String,
    },
}

impl NoticeDetail {
    /// The detail in `lang`; empty for none.
    pub fn text(&self, lang: Lang) -> &str {
        match self {
            Self::None => "",
            Self::Token(token) => token,
            Self::Worded { zh, en } => match lang {
                Lang::Zh => zh,
                Lang::En => en,
            },
        }
    }
}

/// A loaded key as shown: where it came from and a safe summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlotView {
    /// File name, "clipboard" or "demo".
    pub source: String,
    /// Kind, size, fingerprint, certificate; never key material.
    pub summary: Vec<String>,
}

/// Server code checked in the window: the pasted code or one opened file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedSource {
    /// The file's name; `None` for the pasted code.
    pub name: Option<String>,
    /// The language it was read as.
    pub language: Language,
    /// Its findings, in line order.
    pub findings: Vec<Located>,
}

/// The texts the widgets edit in place.
pub struct Editors<'a> {
    /// The pasted response.
    pub response: &'a mut String,
    /// The front-end check's AXML.
    pub axml: &'a mut String,
    /// The front-end check's JS.
    pub js: &'a mut String,
    /// The mock's business payload.
    pub mock_payload: &'a mut String,
    /// The name for a new profile.
    pub profile_name: &'a mut String,
    /// The server code pasted into the server-code check.
    pub server_code: &'a mut String,
    /// What the server printed (text).
    pub server_output: &'a mut String,
    /// The built-in file browser's fields, while it is open.
    pub browser: Option<file_browser::BrowserEditors<'a>>,
}

/// Everything the widgets read.
#[derive(Debug, Clone, Copy)]
pub struct View<'a> {
    /// UI language.
    pub lang: Lang,
    /// Dark theme.
    pub dark: bool,
    /// The demo data is shown.
    pub demo: bool,
    /// Show the mobile in full (always false in presenter mode).
    pub show_mobile: bool,
    /// Presenter mode.
    pub presenter: bool,
    /// A large input is being diagnosed in the background.
    pub working: bool,
    /// The current diagnosis.
    pub report: Option<&'a Report>,
    /// The decrypted payload with the mobile masked, made once per report.
    pub masked_payload: Option<&'a serde_json::Value>,
    /// The scenario on show, if any.
    pub scenario: Option<&'static Scenario>,
    /// The troubleshooting checklist, pre-filled from the report.
    pub checklist: Option<&'a Checklist>,
    /// Which saved profile verifies and decrypts the paste.
    pub profile_match: Option<&'a ProfileMatch>,
    /// Saved profile names.
    pub profiles: &'a [String],
    /// The Alipay public key slot.
    pub public_key: Option<&'a SlotView>,
    /// The AES key slot.
    pub aes_key: Option<&'a SlotView>,
    /// Messages about recent actions.
    pub notices: &'a [Notice],
    /// The front-end check window is open.
    pub frontend_open: bool,
    /// The front-end check's findings.
    pub frontend_findings: &'a [Finding],
    /// The mock window is open.
    pub mock_open: bool,
    /// The mock's private key, described (file name, size).
    pub mock_key: Option<&'a str>,
    /// How the mock signs.
    pub mock_signing: SigningMode,
    /// The window runs in a browser: say that nothing leaves the page, and that profiles and
    /// test keys are desktop only.
    pub web_page: bool,
    /// The server-code check window is open.
    pub server_open: bool,
    /// The language of the pasted server code.
    pub server_language: Language,
    /// The checked sources: the pasted code (when not blank) first, then the opened files.
    pub server_sources: &'a [CheckedSource],
    /// What the server printed came from a file that is not UTF-8: its name and size.
    pub server_output_file: Option<(&'a str, usize)>,
    /// The explanation of what the server printed, made by the app when an input changed.
    pub explanation: Option<&'a Explanation>,
    /// The built-in file browser, while it is open.
    pub browser: Option<&'a file_browser::BrowserView<'a>>,
}

/// Responses larger than this are shown as a summary instead of an editor, so the window stays
/// responsive; the diagnosis still covers the whole text.
pub const EDITOR_LIMIT_BYTES: usize = 256 * 1024;

/// The whole window.
pub fn root_ui(ui: &mut egui::Ui, editors: &mut Editors<'_>, view: &View<'_>) -> Vec<Action> {
    // The window's shortcuts wait while the file browser has the keyboard.
    let mut actions = if view.browser.is_none() {
        shortcuts::pressed(ui)
    } else {
        Vec::new()
    };
    egui::Panel::top("top_bar").show(ui, |ui| top_bar_ui(ui, view, &mut actions));
    egui::Panel::left("inputs")
        .resizable(true)
        .default_size(440.0)
        .min_size(320.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("inputs_scroll")
                .show(ui, |ui| {
                    inputs::inputs_ui(
                        ui,
                        [&mut *editors.response, &mut *editors.server_output],
                        view,
                        &mut actions,
                    );
                    profiles::profiles_ui(ui, editors.profile_name, view, &mut actions);
                });
        });
    egui::CentralPanel::default_margins().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("report_scroll")
            .show(ui, |ui| {
                if view.working {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label(tr("ui.working", view.lang));
                    });
                }
                if let Some(explanation) = view.explanation {
                    explain::your_server_ui(ui, explanation, view.lang);
                }
                if let Some(report) = view.report {
                    report::report_ui(ui, report, view, &mut actions);
                }
            });
    });
    tools::tool_windows_ui(ui, editors, view, &mut actions);
    server_check::server_check_window(ui, editors, view, &mut actions);
    if let (Some(browser), Some(fields)) = (view.browser, editors.browser.take()) {
        file_browser::file_browser_ui(ui, browser, fields, view.lang, &mut actions);
    }
    actions
}

fn top_bar_ui(ui: &mut egui::Ui, view: &View<'_>, actions: &mut Vec<Action>) {
    let lang = view.lang;
    ui.horizontal(|ui| {
        ui.heading(tr("ui.app_title", lang));
        if view.demo {
            let tag = egui::RichText::new(tr("ui.demo_tag", lang))
                .strong()
                .color(ui.visuals().warn_fg_color);
            ui.label(tag).on_hover_text(tr("ui.demo_tag_hint", lang));
        } else if ui.button(tr("ui.load_demo", lang)).clicked() {
            actions.push(Action::LoadDemo);
        }
        ui.menu_button(tr("ui.scenarios", lang), |ui| {
            for scenario in scenarios::all() {
                let button = ui
                    .button(tr(&scenario.title_key(), lang))
                    .on_hover_text(tr(&scenario.shows_key(), lang));
                if button.clicked() {
                    actions.push(Action::LoadScenario(scenario.id));
                    ui.close();
                }
            }
        });
        ui.menu_button(tr("ui.tools", lang), |ui| {
            if ui.button(tr("ui.frontend_check", lang)).clicked() {
                actions.push(Action::SetToolOpen(Tool::FrontendCheck, true));
                ui.close();
            }
            if ui.button(tr("server_check.window.menu", lang)).clicked() {
                actions.push(Action::SetToolOpen(Tool::ServerCheck, true));
                ui.close();
            }
            if ui.button(tr("ui.mock_response", lang)).clicked() {
                actions.push(Action::SetToolOpen(Tool::Mock, true));
                ui.close();
            }
            let generate = ui
                .add_enabled(
                    !view.web_page,
                    egui::Button::new(tr("ui.generate_test_keys", lang)),
                )
                .on_disabled_hover_text(tr("web.test_keys_desktop_only", lang));
            if generate.clicked() {
                actions.push(Action::GenerateTestKeys);
                ui.close();
            }
        });
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let theme_label = if view.dark {
                tr("ui.theme_light", lang)
            } else {
                tr("ui.theme_dark", lang)
            };
            if ui.button(theme_label).clicked() {
                actions.push(Action::SetDark(!view.dark));
            }
            if ui
                .selectable_label(lang == Lang::En, tr("ui.lang_en", lang))
                .clicked()
            {
                actions.push(Action::SetLang(Lang::En));
            }
            if ui
                .selectable_label(lang == Lang::Zh, tr("ui.lang_zh", lang))
                .clicked()
            {
                actions.push(Action::SetLang(Lang::Zh));
            }
            if ui
                .selectable_label(view.presenter, tr("ui.presenter_mode", lang))
                .clicked()
            {
                actions.push(Action::TogglePresenter);
            }
        });
    });
}
