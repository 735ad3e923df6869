//! Chinese text everywhere: a system CJK font when the system has one, else the bundled subset of
//! Noto Sans CJK SC (GB2312 plus the UI's own characters, OFL-1.1, `assets/fonts/`).
//! The system provider is native only: the browser build always uses the bundled subset.

use std::sync::Arc;

use egui::epaint::text::{FallbackRequest, FontProvider};
use egui::{FontData, FontFamily, FontInsert, InsertFontFamily};

/// The bundled subset font.
pub const BUNDLED_CJK: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-Regular-subset.otf");

const BUNDLED_NAME: &str = "noto_sans_sc_subset";

/// Answers egui's "no installed font has this glyph" requests: the system's own fallback first
/// (preferring Simplified Chinese), then the bundled subset, so nothing is ever drawn as a box.
pub struct CjkFontProvider {
    #[cfg(all(feature = "system_fonts", not(target_arch = "wasm32")))]
    system: Option<egui_system_font_provider::SystemFontProvider>,
}

impl CjkFontProvider {
    /// Uses the system's fonts (when built with `system_fonts`) before the bundled subset.
    pub fn with_system_fonts() -> Self {
        Self {
            #[cfg(all(feature = "system_fonts", not(target_arch = "wasm32")))]
            system: Some(
                egui_system_font_provider::SystemFontProvider::new().with_locale(Some("zh-CN")),
            ),
        }
    }

    /// Uses only the bundled subset: deterministic, for tests.
    pub fn bundled_only() -> Self {
        Self {
            #[cfg(all(feature = "system_fonts", not(target_arch = "wasm32")))]
            system: None,
        }
    }
}

impl FontProvider for CjkFontProvider {
    fn font_for(&self, request: &FallbackRequest<'_>) -> Option<FontInsert> {
        #[cfg(all(feature = "system_fonts", not(target_arch = "wasm32")))]
        if let Some(font) = self
            .system
            .as_ref()
            .and_then(|system| system.font_for(request))
        {
            return Some(font);
        }
        Some(FontInsert::new(
            BUNDLED_NAME,
            FontData::from_static(BUNDLED_CJK),
            vec![InsertFontFamily {
                family: request.family.clone(),
                priority: egui::epaint::text::FontPriority::Lowest,
            }],
        ))
    }
}

/// Installs the provider on a context.
pub fn install(ctx: &egui::Context, provider: CjkFontProvider) {
    ctx.add_font_provider(Arc::new(provider));
}

/// For tests: only the bundled font, in both families, installed up front.
pub fn install_bundled(ctx: &egui::Context) {
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        ctx.add_font(FontInsert::new(
            BUNDLED_NAME,
            FontData::from_static(BUNDLED_CJK),
            vec![InsertFontFamily {
                family,
                priority: egui::epaint::text::FontPriority::Lowest,
            }],
        ));
    }
}
