//! The built-in file browser, drawn when the system has no file dialog: a modal window over the
//! precomputed listing that returns [`BrowserAction`]s. It reads no folder itself; the app lists
//! them and feeds the rows back.

use egui::{Key, Modifiers, RichText};

use super::{Action, theme};
use crate::domain::Severity;
use crate::i18n::{Lang, tr};

/// What a browser row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// The folder above.
    Parent,
    /// A folder.
    Folder,
    /// A file.
    File,
}

/// One row of the listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrowserRow {
    /// The name as shown.
    pub name: String,
    /// Folder or file.
    pub kind: RowKind,
}

/// What the browser chooses, which names its main button.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BrowserMode {
    /// An existing file.
    Open,
    /// A file to write: a file name field.
    Save,
    /// A folder.
    Folder,
}

/// What the user did in the browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BrowserAction {
    /// Click or arrow key on a row.
    Select(usize),
    /// Double click or Enter on a row: enter a folder, choose a file.
    Activate(usize),
    /// The Up button or Backspace.
    Up,
    /// Enter in the location field or the Go button.
    GoToLocation,
    /// A filter from the list.
    SetFilter(usize),
    /// List dot files or not.
    SetShowHidden(bool),
    /// The Open, Save or Use button (or Enter in the file name field).
    Confirm,
    /// The Cancel button or Escape.
    Cancel,
}

/// Everything the browser shows, worded.
#[derive(Debug, Clone, Copy)]
pub struct BrowserView<'a> {
    /// The window title (what is being chosen).
    pub title: &'a str,
    /// Open, save or folder.
    pub mode: BrowserMode,
    /// Why the system dialog is not used, on the first opening only.
    pub explain: Option<&'a str>,
    /// The listing.
    pub rows: &'a [BrowserRow],
    /// The selected row.
    pub selected: Option<usize>,
    /// The filters' names.
    pub filters: &'a [String],
    /// The filter in use.
    pub filter: usize,
    /// Dot files are listed.
    pub show_hidden: bool,
    /// The last problem, worded.
    pub error: Option<&'a str>,
    /// The question before replacing an existing file, worded.
    pub replace_question: Option<&'a str>,
}

/// The fields the browser edits in place.
pub struct BrowserEditors<'a> {
    /// The location field.
    pub location: &'a mut String,
    /// The file name field (saving).
    pub file_name: &'a mut String,
}

const LOCATION_ID: &str = "file_browser_location";
const FILE_NAME_ID: &str = "file_browser_file_name";

/// The browser as a modal window.
pub fn file_browser_ui(
    ui: &mut egui::Ui,
    view: &BrowserView<'_>,
    mut editors: BrowserEditors<'_>,
    lang: Lang,
    actions: &mut Vec<Action>,
) {
    let typing = ui
        .ctx()
        .memory(|memory| memory.focused())
        .is_some_and(|id| {
            id == egui::Id::unique(LOCATION_ID) || id == egui::Id::unique(FILE_NAME_ID)
        });
    let mut pushed = Vec::new();
    let modal = egui::Modal::new(egui::Id::unique("file_browser")).show(ui.ctx(), |ui| {
        ui.set_width(ui.ctx().content_rect().width().min(720.0) - 40.0);
        contents(ui, view, &mut editors, lang, &mut pushed);
    });
    if modal.is_top_modal && !modal.any_popup_open {
        keys(ui, view, typing, &mut pushed);
    }
    actions.extend(pushed.into_iter().map(Action::Browser));
}

/// Arrows, Enter and Backspace act on the list unless a text field has the keyboard; Escape
/// always cancels.
fn keys(ui: &egui::Ui, view: &BrowserView<'_>, typing: bool, out: &mut Vec<BrowserAction>) {
    let pressed = |key| ui.input_mut(|input| input.consume_key(Modifiers::NONE, key));
    if pressed(Key::Escape) {
        out.push(BrowserAction::Cancel);
        return;
    }
    if typing {
        return;
    }
    let last = view.rows.len().saturating_sub(1);
    if pressed(Key::ArrowDown) && !view.rows.is_empty() {
        out.push(BrowserAction::Select(
            view.selected.map_or(0, |index| (index + 1).min(last)),
        ));
    }
    if pressed(Key::ArrowUp) && !view.rows.is_empty() {
        out.push(BrowserAction::Select(
            view.selected.map_or(0, |index| index.saturating_sub(1)),
        ));
    }
    if pressed(Key::Enter) {
        out.push(
            view.selected
                .map_or(BrowserAction::Confirm, BrowserAction::Activate),
        );
    }
    if pressed(Key::Backspace) {
        out.push(BrowserAction::Up);
    }
}

fn contents(
    ui: &mut egui::Ui,
    view: &BrowserView<'_>,
    editors: &mut BrowserEditors<'_>,
    lang: Lang,
    out: &mut Vec<BrowserAction>,
) {
    ui.heading(view.title);
    if let Some(explain) = view.explain {
        let color = theme::severity_color(ui.visuals(), Severity::Warning);
        ui.label(RichText::new(explain).color(color));
    }
    ui.horizontal(|ui| {
        let label = ui.label(tr("browser.location", lang));
        let field = egui::TextEdit::singleline(editors.location)
            .id(egui::Id::unique(LOCATION_ID))
            .desired_width(ui.available_width() - 120.0);
        let response = ui.add(field).labelled_by(label.id);
        let entered = response.lost_focus() && ui.input(|input| input.key_pressed(Key::Enter));
        if ui.button(tr("browser.go", lang)).clicked() || entered {
            out.push(BrowserAction::GoToLocation);
        }
        if ui.button(tr("browser.up", lang)).clicked() {
            out.push(BrowserAction::Up);
        }
    });
    rows_ui(ui, view, lang, out);
    if view.mode == BrowserMode::Save {
        ui.horizontal(|ui| {
            let label = ui.label(tr("browser.file_name", lang));
            let field = egui::TextEdit::singleline(editors.file_name)
                .id(egui::Id::unique(FILE_NAME_ID))
                .desired_width(ui.available_width());
            let response = ui.add(field).labelled_by(label.id);
            if response.lost_focus() && ui.input(|input| input.key_pressed(Key::Enter)) {
                out.push(BrowserAction::Confirm);
            }
        });
    }
    options_ui(ui, view, lang, out);
    for (text, severity) in [
        (view.error, Severity::Error),
        (view.replace_question, Severity::Warning),
    ] {
        if let Some(text) = text {
            let color = theme::severity_color(ui.visuals(), severity);
            ui.label(RichText::new(text).color(color));
        }
    }
    ui.separator();
    buttons_ui(ui, view, lang, out);
}

fn rows_ui(ui: &mut egui::Ui, view: &BrowserView<'_>, lang: Lang, out: &mut Vec<BrowserAction>) {
    let shown_id = egui::Id::unique("file_browser_shown_selection");
    let scroll = ui.data(|data| data.get_temp::<Option<usize>>(shown_id)) != Some(view.selected);
    ui.data_mut(|data| data.insert_temp(shown_id, view.selected));
    // The list takes what the window leaves after the fields and buttons (about 260 points).
    let height = (ui.ctx().content_rect().height() - 260.0).clamp(100.0, 320.0);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("file_browser_rows")
            .min_scrolled_height(height)
            .max_height(height)
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for (index, row) in view.rows.iter().enumerate() {
                    let text = match row.kind {
                        RowKind::Parent | RowKind::File => RichText::new(&row.name),
                        RowKind::Folder => RichText::new(format!("{}/", row.name)).strong(),
                    };
                    let selected = view.selected == Some(index);
                    let mut response = ui.selectable_label(selected, text);
                    if row.kind == RowKind::Parent {
                        response = response.on_hover_text(tr("browser.parent_hint", lang));
                    }
                    if selected && scroll {
                        response.scroll_to_me(None);
                    }
                    if response.double_clicked() {
                        out.push(BrowserAction::Activate(index));
                    } else if response.clicked() {
                        out.push(BrowserAction::Select(index));
                    }
                }
                let no_files = view.rows.iter().all(|row| row.kind != RowKind::File);
                if no_files && view.mode != BrowserMode::Folder {
                    ui.label(RichText::new(tr("browser.empty", lang)).weak());
                }
            });
    });
}

fn options_ui(ui: &mut egui::Ui, view: &BrowserView<'_>, lang: Lang, out: &mut Vec<BrowserAction>) {
    ui.horizontal(|ui| {
        let label = ui.label(tr("browser.filter_label", lang));
        let current = view.filters.get(view.filter).map_or("", String::as_str);
        egui::ComboBox::from_id_salt("file_browser_filter")
            .selected_text(current)
            .width(360.0)
            .show_ui(ui, |ui| {
                for (index, name) in view.filters.iter().enumerate() {
                    if ui.selectable_label(index == view.filter, name).clicked() {
                        out.push(BrowserAction::SetFilter(index));
                    }
                }
            })
            .response
            .labelled_by(label.id);
        let mut hidden = view.show_hidden;
        if ui
            .checkbox(&mut hidden, tr("browser.show_hidden", lang))
            .changed()
        {
            out.push(BrowserAction::SetShowHidden(hidden));
        }
    });
}

fn buttons_ui(ui: &mut egui::Ui, view: &BrowserView<'_>, lang: Lang, out: &mut Vec<BrowserAction>) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(tr("browser.keys_hint", lang)).small().weak());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let confirm = match view.mode {
                BrowserMode::Open => "browser.open",
                BrowserMode::Save if view.replace_question.is_some() => "browser.replace",
                BrowserMode::Save => "browser.save",
                BrowserMode::Folder => "browser.choose_folder",
            };
            if ui.button(tr(confirm, lang)).clicked() {
                out.push(BrowserAction::Confirm);
            }
            if ui.button(tr("browser.cancel", lang)).clicked() {
                out.push(BrowserAction::Cancel);
            }
        });
    });
}
