//! What the developer's server printed (the third input, under the keys) and the "Your server"
//! section that explains it: each cause with its confidence, evidence and fix. The explanation
//! is made by the app when an input changes; this only draws it.

use egui::RichText;

use super::{Action, EDITOR_LIMIT_BYTES, View, theme};
use crate::domain::Severity;
use crate::features::explain::{Confidence, Explanation};
use crate::i18n::explain::{confidence, evidence, remediation, title};
use crate::i18n::{Lang, fill, tr};

/// The input: a paste button, a file button, a clear button and the editor (or, for a file that
/// is not UTF-8, its name and size).
pub fn server_output_ui(
    ui: &mut egui::Ui,
    text: &mut String,
    view: &View<'_>,
    actions: &mut Vec<Action>,
) {
    let lang = view.lang;
    let label = ui.strong(tr("explain.window.input", lang));
    ui.horizontal_wrapped(|ui| {
        if ui.button(tr("explain.window.paste", lang)).clicked() {
            actions.push(Action::PasteServerOutput);
        }
        if ui.button(tr("explain.window.open_file", lang)).clicked() {
            actions.push(Action::OpenServerOutput);
        }
        let filled = !text.is_empty() || view.server_output_file.is_some();
        if ui
            .add_enabled(filled, egui::Button::new(tr("explain.window.clear", lang)))
            .clicked()
        {
            actions.push(Action::ClearServerOutput);
        }
    });
    if let Some((name, bytes)) = view.server_output_file {
        let described = fill(
            tr("explain.window.binary_file", lang),
            &[("name", name), ("bytes", &bytes.to_string())],
        );
        ui.label(RichText::new(described).italics())
            .labelled_by(label.id);
    } else if text.len() > EDITOR_LIMIT_BYTES {
        let size = format!("{} ({} KiB)", tr("ui.large_paste", lang), text.len() / 1024);
        ui.label(RichText::new(size).italics())
            .labelled_by(label.id);
    } else {
        let editor = egui::TextEdit::multiline(text)
            .code_editor()
            .desired_rows(4)
            .desired_width(f32::INFINITY)
            .hint_text(tr("explain.window.hint", lang));
        if ui.add(editor).labelled_by(label.id).changed() {
            actions.push(Action::ServerOutputEdited);
        }
    }
}

fn severity(level: Confidence) -> Severity {
    match level {
        Confidence::Exact => Severity::Error,
        Confidence::Likely => Severity::Warning,
    }
}

/// The "Your server" section.
pub fn your_server_ui(ui: &mut egui::Ui, explanation: &Explanation, lang: Lang) {
    egui::Frame::group(ui.style())
        .inner_margin(10.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.heading(tr("explain.label.heading", lang));
            ui.add_space(4.0);
            if explanation.causes.is_empty() {
                ui.label(tr("explain.label.none", lang));
            }
            for cause in &explanation.causes {
                let level = severity(cause.confidence);
                let color = theme::severity_color(ui.visuals(), level);
                egui::Frame::new()
                    .stroke(egui::Stroke::new(1.0, color.gamma_multiply(0.6)))
                    .corner_radius(4.0)
                    .inner_margin(8.0)
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.horizontal_wrapped(|ui| {
                            let mark = format!(
                                "{} {}",
                                theme::severity_mark(level),
                                confidence(cause.confidence, lang)
                            );
                            ui.label(RichText::new(mark).strong().color(color));
                            ui.label(RichText::new(title(cause.code, lang)).strong());
                            ui.label(
                                RichText::new(cause.code.as_str())
                                    .monospace()
                                    .small()
                                    .weak(),
                            );
                        });
                        for item in &cause.evidence {
                            ui.label(format!(
                                "{}{}{}",
                                tr("explain.label.evidence", lang),
                                tr("ui.notice_separator", lang),
                                evidence(item, lang)
                            ));
                        }
                        ui.label(format!(
                            "{}{}{}",
                            tr("explain.label.fix", lang),
                            tr("ui.notice_separator", lang),
                            remediation(cause.code, lang)
                        ));
                    });
                ui.add_space(4.0);
            }
            if explanation.needs_keys {
                ui.label(RichText::new(tr("explain.label.needs_keys", lang)).italics());
            }
            let basis = crate::render::explain::basis_key(explanation);
            ui.label(RichText::new(tr(basis, lang)).small().weak());
        });
    ui.add_space(8.0);
}
