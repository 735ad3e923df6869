//! The built-in file browser, driven headless with egui_kittest through the `FilePicker` seam:
//! a picker that reports no system file dialog (no portal, no zenity) makes Open… and Save
//! report… open the browser, which navigates a temporary folder with the mouse and the keyboard,
//! loads keys (the verdict changes) and writes the report.

#![expect(clippy::unwrap_used, reason = "test helpers panic on broken fixtures")]

use std::path::{Path, PathBuf};

use alipay_phone_doctor::app::session::KeySource;
use alipay_phone_doctor::app::{App, Prefs};
use alipay_phone_doctor::i18n::{Lang, tr};
use alipay_phone_doctor::platform::{FakeClipboard, FakePicker};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn case(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/cases/p001_ok_success")
        .join(file)
}

/// `dir/keys` holds the case's two keys and a note the key filter hides; `dir/other` is empty.
fn key_tree(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("apd-browser-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("keys")).unwrap();
    std::fs::create_dir_all(dir.join("other")).unwrap();
    for file in ["alipay_public_key.txt", "aes_key.txt"] {
        std::fs::copy(case(file), dir.join("keys").join(file)).unwrap();
    }
    std::fs::write(dir.join("keys/notes.md"), "not a key").unwrap();
    dir
}

fn harness(lang: Lang, dir: &Path, clipboard: Option<String>) -> Harness<'static, App> {
    let prefs = Prefs {
        lang,
        ..Prefs::default()
    };
    let app = App::new(
        prefs,
        Box::new(FakePicker::without_native_dialog()),
        Box::new(FakeClipboard(clipboard)),
    )
    .with_profiles_path(Some(dir.join("profiles.toml")));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 1000.0))
        .with_context_setup(alipay_phone_doctor::platform::fonts::install_bundled)
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    harness.run();
    harness
}

fn category(harness: &Harness<'_, App>) -> String {
    let report = harness.state().session.report.as_ref().unwrap();
    report.category.to_string()
}

fn browser_dir(harness: &Harness<'_, App>) -> PathBuf {
    let open = harness.state().browsing.open.as_ref().unwrap();
    open.state.dir.clone()
}

/// Replaces the text of the field labelled `label` and presses Enter.
fn type_into(harness: &mut Harness<'_, App>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

fn press(harness: &mut Harness<'_, App>, key: Key) {
    harness.key_press(key);
    harness.run();
}

fn system_dialog_notices(harness: &Harness<'_, App>) -> usize {
    let notices = &harness.state().session.notices;
    notices
        .iter()
        .filter(|notice| notice.key == "notice.no_system_dialog")
        .count()
}

/// Open public key…, then the mouse: the typed location, a folder, a file, the Open button.
fn open_public_key_with_the_mouse(harness: &mut Harness<'_, App>, dir: &Path) {
    harness.get_by_label("Open public key…").click();
    harness.run();
    assert!(harness.state().browsing.open.is_some(), "the browser opens");
    let why = tr("notice.no_system_dialog", Lang::En);
    assert!(
        harness.query_all_by_label(why).count() >= 1,
        "the reason is shown"
    );
    type_into(harness, "Location", &dir.display().to_string());
    assert_eq!(browser_dir(harness), dir);
    harness.get_by_label("..");
    harness.get_by_label("other/");
    harness.get_by_label("keys/").click();
    harness.run();
    press(harness, Key::Enter);
    assert_eq!(browser_dir(harness), dir.join("keys"));
    assert!(
        harness.query_by_label("notes.md").is_none(),
        "the key filter hides notes.md"
    );
    harness.get_by_label("alipay_public_key.txt").click();
    harness.run();
    harness.get_by_label("Open").click();
    harness.run();
    assert!(
        harness.state().browsing.open.is_none(),
        "the browser closes"
    );
}

/// Open AES key…, then the keyboard only: it opens in the last folder.
fn open_aes_key_with_the_keyboard(harness: &mut Harness<'_, App>, dir: &Path) {
    harness.get_by_label("Open AES key…").click();
    harness.run();
    assert_eq!(
        browser_dir(harness),
        dir.join("keys"),
        "the last folder is remembered"
    );
    press(harness, Key::ArrowDown);
    press(harness, Key::ArrowDown);
    press(harness, Key::Enter);
    assert!(harness.state().browsing.open.is_none());
}

#[test]
fn without_a_system_dialog_keys_load_and_the_report_saves_through_the_browser() {
    let dir = key_tree("flow");
    let response = std::fs::read_to_string(case("response.txt")).unwrap();
    let mut harness = harness(Lang::En, &dir, Some(response));
    harness.get_by_label("Paste from clipboard").click();
    harness.run();
    let before = category(&harness);
    assert_ne!(before, "ok", "the paste alone cannot be verified");

    open_public_key_with_the_mouse(&mut harness, &dir);
    assert_eq!(
        harness.state().prefs.public_key_path,
        Some(dir.join("keys/alipay_public_key.txt"))
    );
    open_aes_key_with_the_keyboard(&mut harness, &dir);
    assert_eq!(
        harness.state().prefs.aes_key_path,
        Some(dir.join("keys/aes_key.txt"))
    );
    assert_eq!(
        category(&harness),
        "ok",
        "the verdict changes from {before}"
    );
    harness.get_by_label("✓ Valid");

    harness.get_by_label("Save report…").click();
    harness.run();
    press(&mut harness, Key::Backspace);
    assert_eq!(browser_dir(&harness), dir, "Backspace goes up");
    type_into(&mut harness, "File name", "shared-report");
    assert!(harness.state().browsing.open.is_none());
    let saved = std::fs::read_to_string(dir.join("shared-report.md")).unwrap();
    let report = harness.state().session.report.as_ref().unwrap();
    assert!(
        saved.contains("(`ok`)"),
        "the report of the new verdict: {saved}"
    );
    assert!(
        !saved.contains(report.mobile().unwrap()),
        "the mobile is masked"
    );
    assert_eq!(system_dialog_notices(&harness), 1, "said once");
}

#[test]
fn in_chinese_escape_cancels_and_a_file_is_replaced_only_after_asking() {
    let dir = key_tree("zh");
    std::fs::write(dir.join("alipay-phone-doctor-report.md"), "old").unwrap();
    let mut harness = harness(Lang::Zh, &dir, None);
    harness.get_by_label("打开公钥文件…").click();
    harness.run();
    harness.get_by_label(tr("notice.no_system_dialog", Lang::Zh));
    harness.get_by_label("打开");
    press(&mut harness, Key::Escape);
    assert!(harness.state().browsing.open.is_none(), "Escape cancels");
    let source = harness
        .state()
        .session
        .public_key
        .as_ref()
        .map(|key| key.source.clone());
    assert_eq!(source, Some(KeySource::Demo), "nothing was loaded");

    harness.get_by_label("保存报告…").click();
    harness.run();
    type_into(&mut harness, "位置", &dir.display().to_string());
    harness.get_by_label("保存").click();
    harness.run();
    let question = "alipay-phone-doctor-report.md 已存在，要替换它吗？";
    harness.get_by_label(question);
    assert_eq!(
        std::fs::read_to_string(dir.join("alipay-phone-doctor-report.md")).unwrap(),
        "old"
    );
    harness.get_by_label("替换").click();
    harness.run();
    assert!(harness.state().browsing.open.is_none());
    let saved = std::fs::read_to_string(dir.join("alipay-phone-doctor-report.md")).unwrap();
    assert_ne!(saved, "old");
    assert_eq!(system_dialog_notices(&harness), 1);
}

#[test]
fn test_keys_go_to_a_folder_chosen_in_the_browser() {
    let dir = key_tree("folder");
    let mut harness = harness(Lang::En, &dir, None);
    harness.get_by_label("Tools").click();
    harness.run();
    harness.get_by_label("Generate test keys…").click();
    harness.run();
    type_into(&mut harness, "Location", &dir.display().to_string());
    assert!(
        harness.query_by_label("keys/").is_some()
            && harness.query_by_label("profiles.toml").is_none(),
        "folders only"
    );
    harness.get_by_label("other/").click();
    harness.run();
    harness.get_by_label("Use this folder").click();
    harness.run();
    assert!(dir.join("other/alipay_public_key.txt").exists());
    assert_eq!(
        harness.state().prefs.public_key_path,
        Some(dir.join("other/alipay_public_key.txt")),
        "the generated keys are loaded"
    );
}

/// What the server printed is opened through the browser too (any file type is listed).
#[test]
fn what_the_server_printed_is_opened_through_the_browser() {
    let dir = key_tree("server-output");
    std::fs::write(
        dir.join("other/printed.log"),
        "Signature verification failed\n",
    )
    .unwrap();
    let mut harness = harness(Lang::En, &dir, None);
    harness.get_by_label("Open file…").click();
    harness.run();
    assert!(harness.state().browsing.open.is_some(), "the browser opens");
    type_into(
        &mut harness,
        "Location",
        &dir.join("other").display().to_string(),
    );
    harness.get_by_label("printed.log").click();
    harness.run();
    harness.get_by_label("Open").click();
    harness.run();
    assert!(
        harness.state().browsing.open.is_none(),
        "the browser closes"
    );
    assert_eq!(
        harness.state().session.server_output.text,
        "Signature verification failed\n"
    );
    assert_eq!(system_dialog_notices(&harness), 1);
    let _ = std::fs::remove_dir_all(&dir);
}
