//! The desktop window: its title, size and icon, and the run loop.

/// The application's id: the name of its folder for saved preferences.
pub const APP_ID: &str = "alipay-phone-doctor";

#[cfg(not(target_arch = "wasm32"))]
const ICON_PNG: &[u8] = include_bytes!("../../assets/icon.png");

/// Opens the desktop window and runs until it is closed (the web build starts in
/// `platform::web` instead). `started` is the process start, for the optional start-up probe
/// ([`crate::app::StartupProbe`]).
#[cfg(not(target_arch = "wasm32"))]
pub fn run_window(started: std::time::Instant) -> eframe::Result {
    let probe = super::StartupProbe::from_env(started);
    let title = crate::i18n::tr("ui.window_title", crate::platform::locale::system_lang());
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(title)
        .with_app_id(APP_ID)
        .with_inner_size([1200.0, 800.0])
        .with_min_inner_size([760.0, 480.0])
        .with_drag_and_drop(true);
    match eframe::icon_data::from_png_bytes(ICON_PNG) {
        Ok(icon) => viewport = viewport.with_icon(icon),
        Err(error) => log::warn!("app icon unreadable: {error}"),
    }
    let options = eframe::NativeOptions {
        viewport,
        // Our provider asks the system first and falls back to the bundled subset.
        system_font_fallback: false,
        ..Default::default()
    };
    eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| Ok(Box::new(super::App::from_creation_context(cc, probe)))),
    )
}
