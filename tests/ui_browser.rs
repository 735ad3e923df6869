//! The window as the web build shows it (`App::in_browser`), driven headless with egui_kittest:
//! the page says that nothing pasted leaves the browser, and that key profiles and test keys are
//! desktop only, in both languages.

use alipay_phone_doctor::app::{App, Prefs};
use alipay_phone_doctor::i18n::{Lang, tr};
use alipay_phone_doctor::platform::{FakeClipboard, FakePicker};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn browser_window(lang: Lang, browser: bool) -> Harness<'static, App> {
    let prefs = Prefs {
        lang,
        ..Prefs::default()
    };
    let app = App::new(
        prefs,
        Box::new(FakePicker::default()),
        Box::new(FakeClipboard(None)),
    )
    .with_profiles_path(None);
    let app = if browser { app.in_browser() } else { app };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 1400.0))
        .with_context_setup(alipay_phone_doctor::platform::fonts::install_bundled)
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    harness.run();
    harness
}

#[test]
fn the_page_says_nothing_leaves_the_browser_and_what_is_desktop_only() {
    for lang in [Lang::En, Lang::Zh] {
        let mut harness = browser_window(lang, true);
        harness.get_by_label(tr("web.private_note", lang));
        assert!(
            harness
                .query_by_label(tr("web.profiles_desktop_only", lang))
                .is_none(),
            "the profiles note shows before the section is opened"
        );
        harness.get_by_label(tr("report.profiles", lang)).click();
        harness.run();
        harness.get_by_label(tr("web.profiles_desktop_only", lang));
    }
}

#[test]
fn the_desktop_window_has_no_browser_notes() {
    let mut harness = browser_window(Lang::En, false);
    assert!(
        harness
            .query_by_label(tr("web.private_note", Lang::En))
            .is_none()
    );
    harness
        .get_by_label(tr("report.profiles", Lang::En))
        .click();
    harness.run();
    assert!(
        harness
            .query_by_label(tr("web.profiles_desktop_only", Lang::En))
            .is_none()
    );
}
