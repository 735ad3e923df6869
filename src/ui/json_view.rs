//! A small highlighted JSON view for the flat business payloads (egui_json_tree has no release
//! for egui 0.37 yet; adopt it when it catches up).

use egui::text::LayoutJob;
use egui::{FontId, TextFormat};
use serde_json::Value;

use super::theme;

/// Lays out `value` pretty-printed with keys and strings coloured.
pub fn highlighted(ui: &egui::Ui, value: &Value) -> LayoutJob {
    let mut job = LayoutJob::default();
    let font = FontId::monospace(13.0);
    let visuals = ui.visuals();
    let plain = TextFormat::simple(font.clone(), visuals.text_color());
    let key = TextFormat::simple(font.clone(), theme::json_key_color(visuals));
    let string = TextFormat::simple(font, theme::json_string_color(visuals));
    write_value(&mut job, value, 0, &[&plain, &key, &string]);
    job
}

fn write_value(job: &mut LayoutJob, value: &Value, depth: usize, formats: &[&TextFormat; 3]) {
    let [plain, key_format, string] = *formats;
    match value {
        Value::Object(map) if !map.is_empty() => {
            job.append("{\n", 0.0, plain.clone());
            let count = map.len();
            for (index, (key, item)) in map.iter().enumerate() {
                job.append(&"  ".repeat(depth + 1), 0.0, plain.clone());
                job.append(
                    &Value::String(key.clone()).to_string(),
                    0.0,
                    key_format.clone(),
                );
                job.append(": ", 0.0, plain.clone());
                write_value(job, item, depth + 1, formats);
                job.append(
                    if index + 1 < count { ",\n" } else { "\n" },
                    0.0,
                    plain.clone(),
                );
            }
            job.append(&format!("{}}}", "  ".repeat(depth)), 0.0, plain.clone());
        }
        Value::String(_) => job.append(&value.to_string(), 0.0, string.clone()),
        other => job.append(&other.to_string(), 0.0, plain.clone()),
    }
}
