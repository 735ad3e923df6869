//! Tool windows: the front-end (AXML/JS) check and the mock Alipay response generator.

use egui::RichText;

use super::{Action, Editors, Tool, View, theme};
use crate::features::mock::SigningMode;
use crate::i18n::findings::{remediation, title};
use crate::i18n::tr;

/// Shows the open tool windows.
pub fn tool_windows_ui(
    ui: &mut egui::Ui,
    editors: &mut Editors<'_>,
    view: &View<'_>,
    actions: &mut Vec<Action>,
) {
    let lang = view.lang;
    if view.frontend_open {
        let mut open = true;
        egui::Window::new(tr("report.frontend_check_heading", lang))
            .id(egui::Id::unique("frontend_check_window"))
            .open(&mut open)
            .default_size([560.0, 520.0])
            .show(ui.ctx(), |ui| frontend_ui(ui, editors, view, actions));
        if !open {
            actions.push(Action::SetToolOpen(Tool::FrontendCheck, false));
        }
    }
    if view.mock_open {
        let mut open = true;
        egui::Window::new(tr("ui.mock_response", lang))
            .id(egui::Id::unique("mock_window"))
            .open(&mut open)
            .default_size([520.0, 380.0])
            .show(ui.ctx(), |ui| {
                mock_ui(ui, editors.mock_payload, view, actions);
            });
        if !open {
            actions.push(Action::SetToolOpen(Tool::Mock, false));
        }
    }
}

fn code_editor(ui: &mut egui::Ui, label: &str, text: &mut String, rows: usize) -> bool {
    let label = ui.strong(label);
    let editor = egui::TextEdit::multiline(text)
        .code_editor()
        .desired_rows(rows)
        .desired_width(f32::INFINITY);
    ui.add(editor).labelled_by(label.id).changed()
}

fn frontend_ui(
    ui: &mut egui::Ui,
    editors: &mut Editors<'_>,
    view: &View<'_>,
    actions: &mut Vec<Action>,
) {
    let lang = view.lang;
    ui.label(RichText::new(tr("ui.frontend_check_intro", lang)).weak());
    egui::ScrollArea::vertical()
        .id_salt("frontend_scroll")
        .show(ui, |ui| {
            let mut edited = code_editor(ui, tr("ui.paste_axml", lang), editors.axml, 6);
            edited |= code_editor(ui, tr("ui.paste_js", lang), editors.js, 8);
            if edited {
                actions.push(Action::FrontendEdited);
            }
            ui.separator();
            for finding in view.frontend_findings {
                let severity = finding.severity();
                ui.horizontal_wrapped(|ui| {
                    let color = theme::severity_color(ui.visuals(), severity);
                    ui.label(
                        RichText::new(theme::severity_label(severity, lang))
                            .strong()
                            .color(color),
                    );
                    ui.label(RichText::new(title(finding, lang)).strong());
                });
                ui.label(remediation(finding, lang));
            }
        });
}

fn mock_ui(ui: &mut egui::Ui, payload: &mut String, view: &View<'_>, actions: &mut Vec<Action>) {
    let lang = view.lang;
    ui.label(RichText::new(tr("ui.mock_intro", lang)).weak());
    code_editor(ui, tr("ui.mock_payload", lang), payload, 4);
    ui.horizontal(|ui| {
        ui.label(tr("ui.mock_private_key", lang));
        match view.mock_key {
            Some(described) => ui.label(RichText::new(described).monospace()),
            None => ui.label(RichText::new(tr("report.not_loaded", lang)).weak()),
        };
        if ui.button(tr("ui.open_private_key", lang)).clicked() {
            actions.push(Action::OpenMockPrivateKey);
        }
    });
    ui.horizontal(|ui| {
        for &signing in SigningMode::REGULAR {
            let key = format!("ui.mock_signing.{}", signing.id());
            if ui
                .selectable_label(view.mock_signing == signing, tr(&key, lang))
                .clicked()
            {
                actions.push(Action::SetMockSigning(signing));
            }
        }
    });
    ui.label(
        RichText::new(tr("ui.mock_uses_aes_slot", lang))
            .small()
            .weak(),
    );
    if ui
        .add_enabled(
            view.mock_key.is_some(),
            egui::Button::new(tr("ui.generate_mock", lang)),
        )
        .clicked()
    {
        actions.push(Action::GenerateMock);
    }
}
