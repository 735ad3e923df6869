//! The "Check server code" window: paste code with its language, or open source files; each
//! source's findings with line, severity, title, the code of the line and the fix. The findings
//! are computed by the app when the code, the language or the files change.

use egui::RichText;

use super::{Action, CheckedSource, Editors, Tool, View, theme};
use crate::features::server_check::{Language, Located};
use crate::i18n::server_check::{remediation, title};
use crate::i18n::{Lang, tr};
use crate::render::server_check::{Counts, line_label, summary};

/// Shows the window when it is open.
pub fn server_check_window(
    ui: &mut egui::Ui,
    editors: &mut Editors<'_>,
    view: &View<'_>,
    actions: &mut Vec<Action>,
) {
    if !view.server_open {
        return;
    }
    let mut open = true;
    egui::Window::new(tr("server_check.window.menu", view.lang))
        .id(egui::Id::unique("server_check_window"))
        .open(&mut open)
        .default_size([720.0, 740.0])
        .show(ui.ctx(), |ui| {
            egui::ScrollArea::vertical()
                .id_salt("server_check_scroll")
                .show(ui, |ui| window_ui(ui, editors.server_code, view, actions));
        });
    if !open {
        actions.push(Action::SetToolOpen(Tool::ServerCheck, false));
    }
}

fn window_ui(ui: &mut egui::Ui, code: &mut String, view: &View<'_>, actions: &mut Vec<Action>) {
    let lang = view.lang;
    ui.label(RichText::new(tr("server_check.window.intro", lang)).weak());
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(tr("server_check.window.language", lang));
        for language in Language::ALL {
            let chosen = view.server_language == *language;
            if ui.selectable_label(chosen, language.name()).clicked() && !chosen {
                actions.push(Action::SetServerLanguage(*language));
            }
        }
    });
    let label = ui.strong(tr("server_check.window.paste", lang));
    let editor = egui::TextEdit::multiline(code)
        .code_editor()
        .desired_rows(8)
        .desired_width(f32::INFINITY);
    if ui.add(editor).labelled_by(label.id).changed() {
        actions.push(Action::ServerCodeEdited);
    }
    ui.horizontal(|ui| {
        if ui
            .button(tr("server_check.window.open_files", lang))
            .clicked()
        {
            actions.push(Action::OpenServerFiles);
        }
        let has_files = view
            .server_sources
            .iter()
            .any(|source| source.name.is_some());
        if has_files
            && ui
                .button(tr("server_check.window.clear_files", lang))
                .clicked()
        {
            actions.push(Action::ClearServerFiles);
        }
    });
    if view.server_sources.is_empty() {
        return;
    }
    ui.separator();
    let counts = Counts::of(
        view.server_sources
            .iter()
            .flat_map(|source| source.findings.iter().map(|located| &located.finding)),
    );
    ui.strong(summary(view.server_sources.len(), counts, lang));
    for source in view.server_sources {
        source_ui(ui, source, lang);
    }
}

fn source_ui(ui: &mut egui::Ui, source: &CheckedSource, lang: Lang) {
    ui.add_space(8.0);
    let name = source
        .name
        .as_deref()
        .unwrap_or_else(|| tr("server_check.window.pasted", lang));
    ui.label(RichText::new(format!("{name} · {}", source.language.name())).strong());
    if source.findings.is_empty() {
        ui.label(RichText::new(tr("server_check.report.none", lang)).weak());
    }
    for located in &source.findings {
        finding_ui(ui, located, lang);
    }
}

fn finding_ui(ui: &mut egui::Ui, located: &Located, lang: Lang) {
    let finding = &located.finding;
    egui::Frame::group(ui.style())
        .fill(theme::severity_fill(ui.visuals(), finding.severity))
        .inner_margin(8.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                let color = theme::severity_color(ui.visuals(), finding.severity);
                ui.label(
                    RichText::new(theme::severity_label(finding.severity, lang))
                        .strong()
                        .color(color),
                );
                ui.label(RichText::new(line_label(finding.line, lang)).monospace());
                ui.label(RichText::new(title(finding.code, lang)).strong());
            });
            if !located.source_line.is_empty() {
                ui.label(RichText::new(&located.source_line).monospace().weak());
            }
            ui.label(remediation(finding.code, lang));
            ui.label(RichText::new(finding.code.as_str()).small().weak());
        });
}
