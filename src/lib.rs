//! Alipay Phone Doctor: diagnoses the response of the Alipay mini-program API
//! `my.getPhoneNumber` — signature, decryption, result codes — and explains every failure with
//! the remediation from Alipay's FAQ, in Chinese and English. Fully offline.
//!
//! [`domain`] is the pure pipeline ([`domain::diagnose`]); [`features`] are built on it; [`i18n`]
//! chooses every word and [`render`] turns reports into text; [`platform`] owns every I/O edge;
//! the window ([`app`], [`ui`]) and the command line ([`cli`]) sit on top.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod app;
pub mod cli;
pub mod domain;
pub mod features;
pub mod i18n;
pub mod platform;
pub mod render;
pub mod ui;

/// The window's title.
pub const WINDOW_TITLE: &str = "Alipay Phone Doctor · 支付宝手机号诊断";

const ICON_PNG: &[u8] = include_bytes!("../assets/icon.png");

/// Opens the desktop window and runs until it is closed. `started` is the process start, for the
/// optional start-up probe ([`app::StartupProbe`]).
pub fn run_window(started: std::time::Instant) -> eframe::Result {
    let probe = app::StartupProbe::from_env(started);
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(WINDOW_TITLE)
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
        WINDOW_TITLE,
        options,
        Box::new(move |cc| Ok(Box::new(app::App::from_creation_context(cc, probe)))),
    )
}
