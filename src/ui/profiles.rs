//! Key profiles: named key sets (file paths only) and which one fits the paste.

use egui::RichText;

use super::{Action, View};
use crate::i18n::tr;

/// The profiles section of the input panel.
pub fn profiles_ui(
    ui: &mut egui::Ui,
    new_name: &mut String,
    view: &View<'_>,
    actions: &mut Vec<Action>,
) {
    let lang = view.lang;
    ui.separator();
    egui::CollapsingHeader::new(tr("report.profiles", lang))
        .id_salt("profiles_section")
        .default_open(!view.profiles.is_empty())
        .show(ui, |ui| {
            ui.label(RichText::new(tr("ui.profiles_intro", lang)).small().weak());
            if view.web_page {
                ui.label(RichText::new(tr("web.profiles_desktop_only", lang)).strong());
                return;
            }
            for name in view.profiles {
                ui.horizontal(|ui| {
                    ui.label(RichText::new(name).monospace());
                    if ui
                        .small_button(format!("{} {name}", tr("ui.use_profile", lang)))
                        .clicked()
                    {
                        actions.push(Action::UseProfile(name.clone()));
                    }
                    if ui
                        .small_button(format!("{} {name}", tr("ui.remove_profile", lang)))
                        .clicked()
                    {
                        actions.push(Action::RemoveProfile(name.clone()));
                    }
                });
            }
            ui.horizontal(|ui| {
                let label = ui.label(tr("ui.profile_name", lang));
                ui.add(egui::TextEdit::singleline(new_name).desired_width(140.0))
                    .labelled_by(label.id);
                let enabled = !new_name.trim().is_empty();
                if ui
                    .add_enabled(enabled, egui::Button::new(tr("ui.save_profile", lang)))
                    .clicked()
                {
                    actions.push(Action::SaveProfile);
                }
            });
        });
}
