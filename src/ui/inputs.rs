//! The input side: the response editor and the two key slots.

use egui::RichText;

use super::{Action, EDITOR_LIMIT_BYTES, SlotView, View, shortcuts, theme};
use crate::domain::KeySlot;
use crate::domain::Severity;
use crate::i18n::tr;

/// Response editor, key slots, what the server printed, and notices.
pub fn inputs_ui(
    ui: &mut egui::Ui,
    [response, server_output]: [&mut String; 2],
    view: &View<'_>,
    actions: &mut Vec<Action>,
) {
    let lang = view.lang;
    let label = ui.strong(tr("ui.response_label", lang));
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(tr("ui.paste_from_clipboard", lang))
            .on_hover_text(shortcuts::label(ui, &shortcuts::PASTE_RESPONSE))
            .clicked()
        {
            actions.push(Action::PasteResponse);
        }
        if ui
            .button(tr("ui.clear", lang))
            .on_hover_text(shortcuts::label(ui, &shortcuts::CLEAR_RESPONSE))
            .clicked()
        {
            actions.push(Action::ClearResponse);
        }
    });
    if response.len() > EDITOR_LIMIT_BYTES {
        let size = format!(
            "{} ({} KiB)",
            tr("ui.large_paste", lang),
            response.len() / 1024
        );
        ui.label(RichText::new(size).italics())
            .labelled_by(label.id);
    } else {
        let editor = egui::TextEdit::multiline(response)
            .code_editor()
            .desired_rows(10)
            .desired_width(f32::INFINITY)
            .hint_text(tr("ui.response_hint", lang));
        if ui.add(editor).labelled_by(label.id).changed() {
            actions.push(Action::ResponseEdited);
        }
    }
    ui.label(RichText::new(tr("ui.drop_hint", lang)).small().weak());
    if view.web_page {
        ui.label(RichText::new(tr("web.private_note", lang)).small().strong());
    }
    ui.separator();
    slot_ui(ui, KeySlot::AlipayPublicKey, view.public_key, view, actions);
    ui.separator();
    slot_ui(ui, KeySlot::AesKey, view.aes_key, view, actions);
    ui.separator();
    super::explain::server_output_ui(ui, server_output, view, actions);
    notices_ui(ui, view, actions);
}

fn slot_ui(
    ui: &mut egui::Ui,
    slot: KeySlot,
    loaded: Option<&SlotView>,
    view: &View<'_>,
    actions: &mut Vec<Action>,
) {
    let lang = view.lang;
    let title = match slot {
        KeySlot::AlipayPublicKey => tr("ui.slot_public_key", lang),
        KeySlot::AesKey => tr("ui.slot_aes_key", lang),
    };
    let shortcut = shortcuts::label(ui, &shortcuts::open_key(slot));
    ui.strong(title);
    match loaded {
        Some(slot_view) => {
            ui.label(format!(
                "{}: {}",
                tr("ui.loaded_from", lang),
                slot_view.source
            ));
            for line in &slot_view.summary {
                ui.label(RichText::new(line).monospace().small());
            }
        }
        None => {
            ui.label(RichText::new(tr("report.not_loaded", lang)).weak());
        }
    }
    ui.horizontal(|ui| {
        let open_label = match slot {
            KeySlot::AlipayPublicKey => tr("ui.open_public_key", lang),
            KeySlot::AesKey => tr("ui.open_aes_key", lang),
        };
        let open = ui.add(egui::Button::new(open_label));
        if open.on_hover_text(shortcut).clicked() {
            actions.push(Action::OpenKey(slot));
        }
        let paste_label = match slot {
            KeySlot::AlipayPublicKey => tr("ui.paste_public_key", lang),
            KeySlot::AesKey => tr("ui.paste_aes_key", lang),
        };
        if ui.button(paste_label).clicked() {
            actions.push(Action::PasteKey(slot));
        }
        let clear_label = match slot {
            KeySlot::AlipayPublicKey => tr("ui.clear_public_key", lang),
            KeySlot::AesKey => tr("ui.clear_aes_key", lang),
        };
        if ui
            .add_enabled(loaded.is_some(), egui::Button::new(clear_label))
            .clicked()
        {
            actions.push(Action::ClearKey(slot));
        }
    });
}

fn notices_ui(ui: &mut egui::Ui, view: &View<'_>, actions: &mut Vec<Action>) {
    if view.notices.is_empty() {
        return;
    }
    ui.separator();
    for notice in view.notices {
        let color = theme::severity_color(ui.visuals(), notice.severity);
        let mut text = format!(
            "{} {}",
            theme::severity_mark(notice.severity),
            tr(notice.key, view.lang)
        );
        let detail = notice.detail.text(view.lang);
        if !detail.is_empty() {
            text.push_str(tr("ui.notice_separator", view.lang));
            text.push_str(detail);
        }
        let text = RichText::new(text).color(color);
        if notice.severity >= Severity::Warning {
            ui.label(text.strong())
        } else {
            ui.label(text)
        };
    }
    if ui.small_button(tr("ui.dismiss", view.lang)).clicked() {
        actions.push(Action::DismissNotices);
    }
}
