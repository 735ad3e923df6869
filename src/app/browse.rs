//! The built-in file browser, used when the system has no file dialog: opened for a purpose
//! (a key slot, the mock's private key, the report, the test keys' folder), fed the user's
//! actions, and the chosen path handed to the step that asked. The first time, a notice says why
//! the system dialog was not used; the last folder is remembered for the session.

use std::path::PathBuf;

use super::App;
use crate::domain::KeySlot;
use crate::domain::report::Severity;
use crate::i18n::{Lang, fill, tr};
use crate::platform::browser::{self, EntryKind, FileBrowser, Filter, Mode, Step};
use crate::platform::{NoNativeDialog, Picked};
use crate::render::errors::browse_error;
use crate::ui::NoticeDetail;
use crate::ui::file_browser::{
    BrowserAction, BrowserEditors, BrowserMode, BrowserRow, BrowserView, RowKind,
};

/// What the browser was opened for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BrowseFor {
    /// A key file for a slot.
    Key(KeySlot),
    /// The mock's test private key.
    MockPrivateKey,
    /// Where to save the report.
    Report,
    /// Where to write generated test keys.
    TestKeysFolder,
    /// A file with what the server printed.
    ServerOutput,
    /// A server source file to check.
    ServerSource,
}

/// The file name the report is offered under.
pub const REPORT_FILE_NAME: &str = "alipay-phone-doctor-report.md";

impl BrowseFor {
    /// The wording key of the dialog's title.
    pub fn title_key(self) -> &'static str {
        match self {
            Self::Key(slot) => super::keys::slot_title(slot),
            Self::MockPrivateKey => "ui.open_private_key",
            Self::Report => "ui.save_report",
            Self::TestKeysFolder => "ui.generate_test_keys",
            Self::ServerOutput => "explain.window.dialog",
            Self::ServerSource => "server_check.window.open_files",
        }
    }

    fn mode(self) -> Mode {
        match self {
            Self::Key(_) | Self::MockPrivateKey | Self::ServerOutput | Self::ServerSource => {
                Mode::Open
            }
            Self::Report => Mode::Save,
            Self::TestKeysFolder => Mode::Folder,
        }
    }

    fn filters(self) -> Vec<Filter> {
        if matches!(self, Self::ServerOutput | Self::ServerSource) {
            return vec![Filter::AllFiles];
        }
        match self.mode() {
            Mode::Open => vec![Filter::KeyFiles, Filter::AllFiles],
            Mode::Save => vec![Filter::Markdown, Filter::AllFiles],
            Mode::Folder => vec![Filter::FoldersOnly],
        }
    }
}

/// The open browser.
#[derive(Debug)]
pub struct OpenBrowser {
    /// What it was opened for.
    pub purpose: BrowseFor,
    /// Its state (folder, listing, fields).
    pub state: FileBrowser,
    /// The listing as the window draws it.
    pub rows: Vec<BrowserRow>,
    /// Show why the system dialog is not used (the first opening).
    pub explain: bool,
}

/// The browser's part of the session.
#[derive(Debug, Default)]
pub struct Browsing {
    /// The browser, while it is open.
    pub open: Option<OpenBrowser>,
    /// The folder it showed last, where it opens next.
    pub last_dir: Option<PathBuf>,
    /// The user was told why the system dialog is not used.
    pub told: bool,
}

/// The worded parts of the browser's view, made before the fields are borrowed for editing.
pub(super) struct BrowserTexts {
    title: &'static str,
    explain: Option<&'static str>,
    filters: Vec<String>,
    error: Option<String>,
    replace: Option<String>,
}

impl BrowserTexts {
    pub(super) fn new(open: &OpenBrowser, lang: Lang) -> Self {
        let state = &open.state;
        Self {
            title: tr(open.purpose.title_key(), lang),
            explain: open.explain.then(|| tr("notice.no_system_dialog", lang)),
            filters: state
                .filters
                .iter()
                .map(|filter| tr(filter_key(*filter), lang).to_owned())
                .collect(),
            error: state.error.as_ref().map(|error| browse_error(error, lang)),
            replace: state.replace.as_ref().map(|path| {
                let name = super::file_name(path);
                fill(tr("browser.replace_question", lang), &[("name", &name)])
            }),
        }
    }

    /// The view and the editable fields of `open`.
    pub(super) fn parts<'a>(
        &'a self,
        open: &'a mut OpenBrowser,
    ) -> (BrowserView<'a>, BrowserEditors<'a>) {
        let state = &mut open.state;
        let view = BrowserView {
            title: self.title,
            mode: match state.mode {
                Mode::Open => BrowserMode::Open,
                Mode::Save => BrowserMode::Save,
                Mode::Folder => BrowserMode::Folder,
            },
            explain: self.explain,
            rows: &open.rows,
            selected: state.selected,
            filters: &self.filters,
            filter: state
                .filters
                .iter()
                .position(|filter| *filter == state.filter)
                .unwrap_or_default(),
            show_hidden: state.show_hidden,
            error: self.error.as_deref(),
            replace_question: self.replace.as_deref(),
        };
        let editors = BrowserEditors {
            location: &mut state.location,
            file_name: &mut state.file_name,
        };
        (view, editors)
    }
}

fn filter_key(filter: Filter) -> &'static str {
    match filter {
        Filter::KeyFiles => "browser.filter.key_files",
        Filter::AllFiles => "browser.filter.all_files",
        Filter::Markdown => "browser.filter.markdown",
        Filter::FoldersOnly => "browser.filter.folders",
    }
}

fn rows(state: &FileBrowser) -> Vec<BrowserRow> {
    state
        .entries
        .iter()
        .map(|entry| BrowserRow {
            name: entry.name.clone(),
            kind: match entry.kind {
                EntryKind::Parent => RowKind::Parent,
                EntryKind::Folder => RowKind::Folder,
                EntryKind::File => RowKind::File,
            },
        })
        .collect()
}

impl App {
    /// A picker's answer: the path, nothing (cancelled), or, when the system has no dialog,
    /// nothing yet: the built-in browser opens and delivers the path later.
    pub(super) fn picked(&mut self, answer: Picked, purpose: BrowseFor) -> Option<PathBuf> {
        match answer {
            Ok(path) => path,
            Err(why) => {
                self.open_browser(purpose, &why);
                None
            }
        }
    }

    /// Opens the built-in browser in the last folder (or the folder of the slot's key).
    pub(super) fn open_browser(&mut self, purpose: BrowseFor, why: &NoNativeDialog) {
        let explain = !self.browsing.told;
        if explain {
            log::warn!("{why}; using the built-in file browser");
            self.browsing.told = true;
            self.notice(
                "notice.no_system_dialog",
                NoticeDetail::None,
                Severity::Warning,
            );
        }
        let key_dir = match purpose {
            BrowseFor::Key(slot) => self
                .remembered_path(slot)
                .as_ref()
                .and_then(|path| path.parent().map(std::path::Path::to_owned)),
            _ => None,
        };
        let start = browser::start_dir(&[self.browsing.last_dir.as_deref(), key_dir.as_deref()]);
        let name = if purpose == BrowseFor::Report {
            REPORT_FILE_NAME
        } else {
            ""
        };
        let state = FileBrowser::new(purpose.mode(), &start, purpose.filters(), name);
        self.browsing.open = Some(OpenBrowser {
            purpose,
            rows: rows(&state),
            state,
            explain,
        });
    }

    /// Applies one of the browser's actions; a chosen path goes to the step that asked.
    pub(super) fn apply_browser(&mut self, action: BrowserAction) {
        let Some(open) = self.browsing.open.as_mut() else {
            return;
        };
        let state = &mut open.state;
        let step = match action {
            BrowserAction::Select(index) => {
                state.select(index);
                return;
            }
            BrowserAction::Activate(index) => state.activate(index),
            BrowserAction::Up => {
                state.up();
                Step::Stay
            }
            BrowserAction::GoToLocation => state.go_to_location(),
            BrowserAction::SetFilter(index) => {
                if let Some(filter) = state.filters.get(index).copied() {
                    state.set_filter(filter);
                }
                Step::Stay
            }
            BrowserAction::SetShowHidden(show) => {
                state.set_show_hidden(show);
                Step::Stay
            }
            BrowserAction::Confirm => state.confirm(),
            BrowserAction::Cancel => {
                self.close_browser();
                return;
            }
        };
        open.rows = rows(&open.state);
        if let Step::Chosen(path) = step {
            let purpose = open.purpose;
            self.close_browser();
            self.use_chosen(purpose, &path);
        }
    }

    fn close_browser(&mut self) {
        if let Some(open) = self.browsing.open.take() {
            self.browsing.last_dir = Some(open.state.dir);
        }
    }

    fn use_chosen(&mut self, purpose: BrowseFor, path: &std::path::Path) {
        match purpose {
            BrowseFor::Key(slot) => self.load_key_file(slot, path),
            BrowseFor::MockPrivateKey => self.load_mock_key(path),
            BrowseFor::Report => self.save_report_to(path),
            BrowseFor::TestKeysFolder => self.generate_test_keys_in(path),
            BrowseFor::ServerOutput => self.load_server_output(path),
            BrowseFor::ServerSource => self.check_server_file(path),
        }
    }
}
