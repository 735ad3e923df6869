//! The findings list and the list of repairs made to the paste.

use egui::RichText;

use super::theme;
use crate::domain::{Finding, Group, Report, Severity};
use crate::features::checklist::{Checklist, ItemState};
use crate::i18n::Lang;
use crate::i18n::findings::{remediation, title};
use crate::i18n::tr;

/// What was repaired, so the user learns what their transport does wrong.
pub fn repairs_ui(ui: &mut egui::Ui, report: &Report, lang: Lang) {
    let repairs: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|finding| finding.code.group() == Group::Repair)
        .collect();
    if repairs.is_empty() {
        return;
    }
    egui::Frame::group(ui.style())
        .inner_margin(10.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.strong(tr("ui.repairs", lang));
            for finding in repairs {
                ui.label(format!("• {}", title(finding, lang)));
            }
        });
    ui.add_space(8.0);
}

/// Every finding in order, each with its title and remediation.
pub fn findings_ui(ui: &mut egui::Ui, report: &Report, lang: Lang) {
    ui.strong(tr("report.findings", lang));
    ui.add_space(4.0);
    for finding in &report.findings {
        finding_ui(ui, finding, lang);
    }
}

fn finding_ui(ui: &mut egui::Ui, finding: &Finding, lang: Lang) {
    let severity = finding.severity();
    let color = theme::severity_color(ui.visuals(), severity);
    egui::Frame::new()
        .stroke(egui::Stroke::new(1.0, color.gamma_multiply(0.6)))
        .corner_radius(4.0)
        .inner_margin(8.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(theme::severity_label(severity, lang))
                        .strong()
                        .color(color),
                );
                ui.label(RichText::new(title(finding, lang)).strong());
                ui.label(
                    RichText::new(finding.code.as_str())
                        .monospace()
                        .small()
                        .weak(),
                );
            });
            let text = remediation(finding, lang);
            if !text.is_empty() {
                ui.label(text);
            }
        });
    ui.add_space(4.0);
}

/// The FAQ's troubleshooting checklist, pre-filled from what the diagnosis knows.
pub fn checklist_ui(ui: &mut egui::Ui, checklist: &Checklist, lang: Lang) {
    ui.add_space(8.0);
    egui::CollapsingHeader::new(tr("checklist.heading", lang))
        .id_salt("checklist_section")
        .default_open(true)
        .show(ui, |ui| {
            for item in &checklist.items {
                let (severity, key) = match item.state {
                    ItemState::Done => (Severity::Ok, "checklist.state.done"),
                    ItemState::NotDone => (Severity::Error, "checklist.state.not_done"),
                    ItemState::Unknown => (Severity::Info, "checklist.state.unknown"),
                };
                let color = theme::severity_color(ui.visuals(), severity);
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(format!(
                            "{} {}",
                            theme::severity_mark(severity),
                            tr(key, lang)
                        ))
                        .color(color)
                        .strong(),
                    );
                    ui.label(tr(&item.label_key(), lang));
                });
                if let Some(reason) = item.reason {
                    ui.label(RichText::new(tr(reason.key(), lang)).small());
                }
                if item.state != ItemState::Done {
                    ui.label(RichText::new(tr(&item.how_key(), lang)).small().weak());
                }
            }
        });
}
