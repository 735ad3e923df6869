//! The only place colours are chosen: severity to colour, mark and word (never colour alone).

use egui::{Color32, Visuals};

use crate::domain::Severity;

/// The colour of a severity in the current theme.
pub fn severity_color(visuals: &Visuals, severity: Severity) -> Color32 {
    match severity {
        Severity::Ok => {
            if visuals.dark_mode {
                Color32::from_rgb(0x73, 0xd1, 0x3d)
            } else {
                Color32::from_rgb(0x38, 0x9e, 0x0d)
            }
        }
        Severity::Info => visuals.hyperlink_color,
        Severity::Warning => visuals.warn_fg_color,
        Severity::Error => visuals.error_fg_color,
    }
}

/// A faint background for a banner of this severity.
pub fn severity_fill(visuals: &Visuals, severity: Severity) -> Color32 {
    severity_color(visuals, severity).gamma_multiply(0.18)
}

pub use crate::i18n::{severity_label, severity_mark};

/// Colour for JSON keys.
pub fn json_key_color(visuals: &Visuals) -> Color32 {
    visuals.hyperlink_color
}

/// Colour for JSON strings.
pub fn json_string_color(visuals: &Visuals) -> Color32 {
    severity_color(visuals, Severity::Ok)
}

/// Colour for the quotes that are part of the signed content.
pub fn signed_quote_color(visuals: &Visuals) -> Color32 {
    visuals.warn_fg_color
}
