//! The report side: verdict banner, signature card and decryption card.

use egui::text::LayoutJob;
use egui::{FontId, RichText, TextFormat};

use super::{Action, View, findings, json_view, theme};
use crate::domain::{Group, Report, Severity};
use crate::i18n::Lang;
use crate::i18n::findings::title;
use crate::i18n::{opening_key, status_key, tr};

/// The whole report.
pub fn report_ui(ui: &mut egui::Ui, report: &Report, view: &View<'_>, actions: &mut Vec<Action>) {
    verdict_ui(ui, report, view.lang);
    context_ui(ui, view, actions);
    ui.add_space(8.0);
    card(ui, tr("report.signature", view.lang), |ui| {
        signature_ui(ui, report, view.lang);
    });
    ui.add_space(8.0);
    card(ui, tr("report.decryption", view.lang), |ui| {
        decryption_ui(ui, report, view, actions);
    });
    ui.add_space(8.0);
    findings::repairs_ui(ui, report, view.lang);
    findings::findings_ui(ui, report, view.lang);
    if let Some(checklist) = view.checklist {
        findings::checklist_ui(ui, checklist, view.lang);
    }
}

/// The scenario on show, the profile match and the report buttons.
fn context_ui(ui: &mut egui::Ui, view: &View<'_>, actions: &mut Vec<Action>) {
    let lang = view.lang;
    if let Some(scenario) = view.scenario {
        ui.label(
            RichText::new(format!(
                "{} · {}: {}",
                tr(&scenario.title_key(), lang),
                tr("ui.scenario_shows", lang),
                tr(&scenario.shows_key(), lang)
            ))
            .italics(),
        );
    }
    if let Some(profile_match) = view.profile_match {
        ui.label(RichText::new(crate::render::profiles::summary(profile_match, lang)).strong());
    }
    ui.horizontal(|ui| {
        if ui.button(tr("ui.copy_report", lang)).clicked() {
            actions.push(Action::CopyReport);
        }
        if ui.button(tr("ui.save_report", lang)).clicked() {
            actions.push(Action::SaveReport);
        }
    });
}

fn card(ui: &mut egui::Ui, heading: &str, add_contents: impl FnOnce(&mut egui::Ui)) {
    egui::Frame::group(ui.style())
        .inner_margin(10.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.strong(heading);
            ui.add_space(4.0);
            add_contents(ui);
        });
}

fn verdict_ui(ui: &mut egui::Ui, report: &Report, lang: Lang) {
    let severity = report.verdict_severity();
    let color = theme::severity_color(ui.visuals(), severity);
    let sentence = report
        .primary_finding()
        .map(|finding| title(finding, lang))
        .unwrap_or_default();
    egui::Frame::new()
        .fill(theme::severity_fill(ui.visuals(), severity))
        .stroke(egui::Stroke::new(1.5, color))
        .corner_radius(6.0)
        .inner_margin(12.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(format!(
                    "{}  {sentence}",
                    theme::severity_label(severity, lang)
                ))
                .size(20.0)
                .strong()
                .color(color),
            );
            ui.label(
                RichText::new(format!(
                    "{}: {}",
                    tr("report.category", lang),
                    report.category
                ))
                .monospace()
                .small(),
            );
        });
}

fn signature_ui(ui: &mut egui::Ui, report: &Report, lang: Lang) {
    let signature = &report.signature;
    let (word, severity) = (status_key(signature.status), signature.status.severity());
    let color = theme::severity_color(ui.visuals(), severity);
    egui::Grid::new("signature_grid")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            ui.label(tr("report.status", lang));
            ui.label(
                RichText::new(format!(
                    "{} {}",
                    theme::severity_mark(severity),
                    tr(word, lang)
                ))
                .strong()
                .color(color),
            );
            ui.end_row();
            if let Some(algorithm) = signature.algorithm {
                ui.label(tr("report.algorithm", lang));
                let name = if algorithm == "RSA2" {
                    "RSA2 (SHA256withRSA)"
                } else {
                    "RSA (SHA1withRSA)"
                };
                ui.label(name);
                ui.end_row();
            }
            if let Some(key) = &report.public_key {
                ui.label(tr("ui.key_fingerprint", lang));
                ui.label(RichText::new(key.short_fingerprint()).monospace());
                ui.end_row();
            }
            if let Some(preview) = &signature.signed_content_preview {
                ui.label(tr("report.signed_content", lang));
                ui.label(signed_content_job(
                    ui,
                    preview,
                    signature.signed_content_len,
                    lang,
                ));
                ui.end_row();
            }
            if let Some(opening) = signature.opening {
                ui.label(tr("report.opening", lang));
                let key = opening_key(opening);
                ui.label(RichText::new(tr(key, lang)).color(color));
                ui.end_row();
            }
        });
}

/// The signed text with its surrounding quotes highlighted: they are part of what Alipay signs.
fn signed_content_job(ui: &egui::Ui, preview: &str, len: usize, lang: Lang) -> LayoutJob {
    let font = FontId::monospace(13.0);
    let plain = TextFormat::simple(font.clone(), ui.visuals().text_color());
    let quote = TextFormat {
        background: theme::signed_quote_color(ui.visuals()).gamma_multiply(0.3),
        ..TextFormat::simple(font, theme::signed_quote_color(ui.visuals()))
    };
    let mut job = LayoutJob::default();
    match preview
        .strip_prefix('"')
        .and_then(|rest| rest.strip_suffix('"'))
    {
        Some(inner) => {
            job.append("\"", 0.0, quote.clone());
            job.append(inner, 0.0, plain.clone());
            job.append("\"", 0.0, quote);
        }
        None => job.append(preview, 0.0, plain.clone()),
    }
    job.append(
        &crate::render::parenthesized(&crate::render::byte_count(len, lang), lang),
        0.0,
        plain,
    );
    job
}

fn decryption_ui(ui: &mut egui::Ui, report: &Report, view: &View<'_>, actions: &mut Vec<Action>) {
    let lang = view.lang;
    let Some(payload) = &report.payload else {
        ui.label(RichText::new(tr("report.no_payload", lang)).weak());
        return;
    };
    let trust_severity = if payload.trusted {
        Severity::Ok
    } else {
        Severity::Warning
    };
    let trust = if payload.trusted {
        tr("report.trusted", lang)
    } else {
        tr("report.untrusted", lang)
    };
    ui.label(
        RichText::new(format!("{} {trust}", theme::severity_mark(trust_severity)))
            .strong()
            .color(theme::severity_color(ui.visuals(), trust_severity)),
    );
    if payload.plain {
        ui.label(tr("report.plain_payload", lang));
    }
    // The masked copy is made once per report by the app, not here every frame.
    let Some(shown) = (if view.show_mobile {
        Some(&payload.json)
    } else {
        view.masked_payload
    }) else {
        return;
    };
    fields_ui(ui, report, shown, view, actions);
    ui.add_space(6.0);
    let job = json_view::highlighted(ui, shown);
    egui::Frame::canvas(ui.style())
        .inner_margin(8.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(job);
        });
    if ui.button(tr("ui.copy_json", lang)).clicked() {
        let text = serde_json::to_string_pretty(&shown).unwrap_or_default();
        actions.push(Action::CopyJson(text));
    }
}

/// The payload as displayed: the mobile masked unless the user chose to show it.
fn fields_ui(
    ui: &mut egui::Ui,
    report: &Report,
    shown: &serde_json::Value,
    view: &View<'_>,
    actions: &mut Vec<Action>,
) {
    let lang = view.lang;
    let text = |name: &str| {
        shown.get(name).map(|value| {
            value
                .as_str()
                .map_or_else(|| value.to_string(), str::to_owned)
        })
    };
    egui::Grid::new("payload_fields")
        .num_columns(3)
        .spacing([12.0, 4.0])
        .striped(true)
        .show(ui, |ui| {
            let result_meaning = report
                .findings
                .iter()
                .find(|finding| finding.code.group() == Group::Result);
            for (name, meaning) in [
                ("code", result_meaning.map(|finding| title(finding, lang))),
                ("msg", None),
                ("subCode", None),
                ("subMsg", None),
            ] {
                let Some(value) = text(name)
                    .or_else(|| text(&name.replace("Code", "_code").replace("Msg", "_msg")))
                else {
                    continue;
                };
                ui.label(RichText::new(name).monospace());
                ui.label(RichText::new(value).monospace());
                ui.label(meaning.unwrap_or_default());
                ui.end_row();
            }
            if let Some(mobile) = text("mobile") {
                ui.label(RichText::new("mobile").monospace());
                ui.label(
                    RichText::new(if mobile.is_empty() {
                        "\"\"".to_owned()
                    } else {
                        mobile
                    })
                    .monospace()
                    .strong(),
                );
                if view.presenter {
                    ui.label(RichText::new(tr("ui.presenter_masked", lang)).weak());
                    ui.end_row();
                    return;
                }
                let toggle = if view.show_mobile {
                    tr("ui.hide_mobile", lang)
                } else {
                    tr("ui.show_mobile", lang)
                };
                if ui.button(toggle).clicked() {
                    actions.push(Action::ToggleShowMobile);
                }
                ui.end_row();
            }
        });
}
