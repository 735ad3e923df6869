//! The real app driven headless with egui_kittest: no GPU, no display, missing glyphs fatal.

#![expect(clippy::unwrap_used, reason = "test helpers panic on broken fixtures")]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use alipay_phone_doctor::app::session::KeySource;
use alipay_phone_doctor::app::{App, Prefs};
use alipay_phone_doctor::domain::FindingCode;
use alipay_phone_doctor::i18n::Lang;
use alipay_phone_doctor::i18n::findings::{remediation, title};
use alipay_phone_doctor::platform::{FakeClipboard, FakePicker};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn case(name: &str, file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/cases")
        .join(name)
        .join(file)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

/// A profiles file of this test's own, so no test touches the user's.
fn scratch_profiles() -> PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let number = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("apd-ui-{}-{number}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir.join("profiles.toml")
}

/// A window that uses the profiles file at `store`.
fn harness_with_profiles(lang: Lang, store: PathBuf) -> Harness<'static, App> {
    let prefs = Prefs {
        lang,
        ..Prefs::default()
    };
    let app = App::new(
        prefs,
        Box::new(FakePicker::default()),
        Box::new(FakeClipboard(None)),
    )
    .with_profiles_path(Some(store));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 1400.0))
        .with_context_setup(alipay_phone_doctor::platform::fonts::install_bundled)
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    harness.run();
    harness
}

fn harness(lang: Lang, picks: Vec<PathBuf>, clipboard: Option<String>) -> Harness<'static, App> {
    let prefs = Prefs {
        lang,
        dark: true,
        ..Prefs::default()
    };
    let picker = FakePicker {
        answers: picks.into_iter().map(Some).collect(),
        ..FakePicker::default()
    };
    let app = App::new(prefs, Box::new(picker), Box::new(FakeClipboard(clipboard)))
        .with_profiles_path(Some(scratch_profiles()));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 1400.0))
        .with_context_setup(alipay_phone_doctor::platform::fonts::install_bundled)
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    harness.run();
    harness
}

fn category(harness: &Harness<'_, App>) -> String {
    harness
        .state()
        .session
        .report
        .as_ref()
        .unwrap()
        .category
        .to_string()
}

#[test]
fn demo_shows_a_valid_signature_and_the_masked_mobile() {
    let harness = harness(Lang::En, Vec::new(), None);
    assert_eq!(category(&harness), "ok");
    harness.get_by_label("✓ Valid");
    harness.get_by_label("159****9050");
    assert!(
        harness.query_by_label("15976719050").is_none(),
        "the mobile must be masked by default"
    );
    harness.get_by_label("Demo data");
}

#[test]
fn show_reveals_the_mobile() {
    let mut harness = harness(Lang::En, Vec::new(), None);
    harness.get_by_label("Show").click();
    harness.run();
    harness.get_by_label("15976719050");
    harness.get_by_label("Hide").click();
    harness.run();
    assert!(harness.query_by_label("15976719050").is_none());
}

#[test]
fn a_response_without_sign_shows_the_gateway_remediation() {
    let response = read(&case("p008_sign_missing", "response.txt"));
    let mut harness = harness(Lang::Zh, Vec::new(), Some(response));
    harness.get_by_label("从剪贴板粘贴").click();
    harness.run();
    let report = harness.state().session.report.clone().unwrap();
    assert!(report.has(FindingCode::SignMissing));
    let finding = report
        .findings
        .iter()
        .find(|finding| finding.code == FindingCode::SignMissing)
        .unwrap();
    harness.get_by_label(&title(finding, Lang::Zh));
    harness.get_by_label(&remediation(finding, Lang::Zh));
    assert!(
        harness.query_by_label("演示数据").is_none(),
        "the demo tag goes away with the user's own paste"
    );
}

#[test]
fn loading_the_apps_own_public_key_shows_the_wrong_key_diagnosis() {
    let name = "p015_app_public_key_instead";
    let picks = vec![
        case(name, "alipay_public_key.txt"),
        case(name, "aes_key.txt"),
    ];
    let mut harness = harness(Lang::En, picks, Some(read(&case(name, "response.txt"))));
    harness.get_by_label("Paste from clipboard").click();
    harness.run();
    harness.get_by_label("Open public key…").click();
    harness.run();
    harness.get_by_label("Open AES key…").click();
    harness.run();
    assert_eq!(category(&harness), "signature_key_mismatch");
    harness.get_by_label("× Invalid");
    harness.get_by_label("Category: signature_key_mismatch");
    harness.get_by_label("Loaded from: alipay_public_key.txt");
    assert_eq!(
        harness.state().prefs.public_key_path,
        Some(case(name, "alipay_public_key.txt"))
    );
}

#[test]
fn switching_language_changes_the_verdict() {
    let mut harness = harness(Lang::En, Vec::new(), None);
    let report = harness.state().session.report.clone().unwrap();
    let verdict = report.primary_finding().unwrap();
    harness.get_by_label(&format!("✓ OK  {}", title(verdict, Lang::En)));
    harness.get_by_label("中文").click();
    harness.run();
    harness.get_by_label(&format!("✓ 通过  {}", title(verdict, Lang::Zh)));
    assert_eq!(harness.state().prefs.lang, Lang::Zh);
}

#[test]
fn diagnosis_runs_only_when_an_input_changes() {
    let mut harness = harness(Lang::En, Vec::new(), None);
    let before = harness.state().session.diagnoses;
    harness.run_steps(10);
    assert_eq!(harness.state().session.diagnoses, before);
    harness.get_by_label("Clear AES key").click();
    harness.run();
    assert_eq!(harness.state().session.diagnoses, before + 1);
}

#[test]
fn a_private_key_is_refused() {
    let private_key =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo/demo_alipay_private_key.pem");
    let mut harness = harness(Lang::En, vec![private_key.clone()], None);
    harness.get_by_label("Open public key…").click();
    harness.run();
    let loaded = harness
        .state()
        .session
        .public_key
        .as_ref()
        .map(|key| key.source.clone());
    assert_ne!(
        loaded,
        Some(KeySource::File(private_key)),
        "a private key must never be loaded"
    );
    assert!(
        harness
            .state()
            .session
            .notices
            .iter()
            .any(|notice| notice.key == "notice.private_key_refused")
    );
}

#[derive(Debug)]
struct DroppedPath(PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|error| error.to_string())
    }
}

#[test]
fn a_dropped_file_goes_to_the_slot_its_content_names() {
    let mut harness = harness(Lang::En, Vec::new(), None);
    let aes = case("p001_ok_success", "aes_key.txt");
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(DroppedPath(aes)));
    harness.run();
    let session = &harness.state().session;
    assert!(session.aes_key.is_some());
    assert!(
        session
            .notices
            .iter()
            .any(|notice| notice.key == "notice.dropped_aes_key")
    );
}

#[test]
fn a_large_paste_is_diagnosed_in_the_background() {
    let demo = read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets/demo/demo_response.json")
            .as_path(),
    );
    let padded = format!("{}{demo}{}", " \n".repeat(1024 * 1024), "\n".repeat(1024));
    let mut harness = harness(Lang::En, Vec::new(), Some(padded));
    harness.get_by_label("Paste from clipboard").click();
    harness.step();
    harness.step();
    harness.state_mut().session.wait();
    harness.run();
    assert!(!harness.state().session.working);
    // The demo keys went away with the user's own paste, so the keys are missing now.
    assert_eq!(category(&harness), "aes_key_missing");
    harness.get_by_label_contains("Large paste loaded");
}

#[test]
fn an_oversized_paste_is_refused_with_a_message() {
    let huge = "x".repeat(65 * 1024 * 1024);
    let mut harness = harness(Lang::En, Vec::new(), Some(huge));
    harness.get_by_label("Paste from clipboard").click();
    harness.run();
    assert!(
        harness
            .state()
            .session
            .notices
            .iter()
            .any(|notice| notice.key == "notice.too_large")
    );
    assert_eq!(category(&harness), "ok", "the previous input stays");
}

#[derive(Default)]
struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }

    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }

    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }

    fn flush(&mut self) {}
}

#[test]
fn persisted_state_holds_no_key_material_and_no_mobile() {
    let name = "p001_ok_success";
    let public_key = case(name, "alipay_public_key.txt");
    let aes_key = case(name, "aes_key.txt");
    let mut harness = harness(
        Lang::En,
        vec![public_key.clone(), aes_key.clone()],
        Some(read(&case(name, "response.txt"))),
    );
    harness.get_by_label("Paste from clipboard").click();
    harness.run();
    harness.get_by_label("Open public key…").click();
    harness.run();
    harness.get_by_label("Open AES key…").click();
    harness.run();
    harness.get_by_label("Show").click();
    harness.run();
    assert_eq!(category(&harness), "ok");
    let mut storage = MemoryStorage::default();
    eframe::App::save(harness.state_mut(), &mut storage);
    let stored: String = storage.0.values().cloned().collect();
    assert!(
        stored.contains("p001_ok_success"),
        "the key paths are remembered: {stored}"
    );
    let key_body: String = read(&public_key).chars().take(40).collect();
    for secret in [
        key_body.as_str(),
        read(&aes_key).trim(),
        "15976719050",
        "9050",
        "SJzluzHRMYqaLkIs",
    ] {
        assert!(!stored.contains(secret), "persisted state leaks {secret:?}");
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("apd-ui-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn every_scenario_in_the_menu_reaches_its_category() {
    let mut harness = harness(Lang::En, Vec::new(), None);
    for scenario in alipay_phone_doctor::features::scenarios::all() {
        harness.get_by_label("Scenarios").click();
        harness.run();
        harness
            .get_by_role_and_label(
                egui::accesskit::Role::Button,
                alipay_phone_doctor::i18n::tr(&scenario.title_key(), Lang::En),
            )
            .click();
        harness.run();
        assert_eq!(
            category(&harness),
            scenario.expected_category.to_string(),
            "scenario {}",
            scenario.id
        );
        harness.get_by_label("Demo data");
        harness.get_by_label_contains(alipay_phone_doctor::i18n::tr(
            &scenario.shows_key(),
            Lang::En,
        ));
    }
}

#[test]
fn presenter_mode_keeps_the_mobile_masked() {
    let mut harness = harness(Lang::En, Vec::new(), None);
    harness.get_by_label("Show").click();
    harness.run();
    harness.get_by_label("15976719050");
    harness.get_by_label("Presenter mode").click();
    harness.run();
    assert!(harness.query_by_label("15976719050").is_none());
    harness.get_by_label("159****9050");
    assert!(harness.state().prefs.presenter);
}

#[test]
fn a_saved_report_masks_the_mobile_and_holds_no_key_material() {
    let dir = temp_dir("report");
    let target = dir.join("report.md");
    let mut harness = harness(Lang::En, vec![target.clone()], None);
    harness.get_by_label("Save report…").click();
    harness.run();
    let text = std::fs::read_to_string(&target).unwrap();
    assert!(text.contains("159****9050"), "{text}");
    assert!(!text.contains("15976719050"));
    let demo = alipay_phone_doctor::features::scenarios::demo::DEMO;
    for secret in [&demo.alipay_public_key[..40], demo.aes_key.trim()] {
        assert!(!text.contains(secret), "the report leaks key material");
    }
}

#[test]
fn generated_test_keys_and_a_mock_response_verify() {
    let dir = temp_dir("keys");
    let mut harness = harness(Lang::En, vec![dir.clone()], None);
    harness.get_by_label("Tools").click();
    harness.run();
    harness.get_by_label("Generate test keys…").click();
    harness.run();
    assert!(dir.join("alipay_public_key.txt").exists());
    harness.get_by_label("Generate response").click();
    harness.run();
    assert_eq!(category(&harness), "ok");
    assert_eq!(
        harness.state().session.report.as_ref().unwrap().mobile(),
        Some("13800138000")
    );
}

/// One profiles store: a profile saved in the window is listed and used by the command line,
/// and one the command line adds is listed in the window.
#[test]
fn the_window_and_the_command_line_share_profiles() {
    let name = "p001_ok_success";
    let picks = vec![
        case(name, "alipay_public_key.txt"),
        case(name, "aes_key.txt"),
    ];
    let mut harness = harness(Lang::En, picks, None);
    harness.get_by_label("Open public key…").click();
    harness.run();
    harness.get_by_label("Open AES key…").click();
    harness.run();
    harness.get_by_label("Key profiles").click();
    harness.run();
    harness.get_by_label("Name").focus();
    harness.get_by_label("Name").type_text("window-made");
    harness.run();
    harness.get_by_label("Save current keys as profile").click();
    harness.run();
    let store = harness.state().workbench.profiles_path.clone().unwrap();
    let cli = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_alipay-phone-doctor"))
            .args(args)
            .arg("--profiles")
            .arg(&store)
            .output()
            .unwrap()
    };
    let listed = cli(&["profiles", "list"]);
    assert!(String::from_utf8_lossy(&listed.stdout).contains("window-made"));
    let response = case(name, "response.txt");
    let checked = cli(&[
        "check",
        "--response",
        response.to_str().unwrap(),
        "--profile",
        "window-made",
        "--format",
        "json",
    ]);
    assert_eq!(checked.status.code(), Some(0), "{checked:?}");
    let added = cli(&[
        "profiles",
        "add",
        "cli-made",
        "--aes-key",
        case(name, "aes_key.txt").to_str().unwrap(),
    ]);
    assert_eq!(added.status.code(), Some(0));
    let harness = harness_with_profiles(Lang::En, store);
    assert_eq!(
        harness.state().workbench.profile_names,
        vec!["cli-made".to_owned(), "window-made".to_owned()]
    );
}

#[test]
fn profiles_name_the_key_set_that_fits() {
    let name = "p001_ok_success";
    let picks = vec![
        case(name, "alipay_public_key.txt"),
        case(name, "aes_key.txt"),
    ];
    let mut harness = harness(Lang::En, picks, Some(read(&case(name, "response.txt"))));
    harness.get_by_label("Open public key…").click();
    harness.run();
    harness.get_by_label("Open AES key…").click();
    harness.run();
    harness.get_by_label("Key profiles").click();
    harness.run();
    harness.get_by_label("Name").focus();
    harness.get_by_label("Name").type_text("prod");
    harness.run();
    harness.get_by_label("Save current keys as profile").click();
    harness.run();
    assert_eq!(
        harness.state().workbench.profile_names,
        vec!["prod".to_owned()]
    );
    harness.get_by_label("Paste from clipboard").click();
    harness.run();
    let summary = harness
        .state()
        .workbench
        .profile_match
        .as_ref()
        .map(|matched| alipay_phone_doctor::render::profiles::summary(matched, Lang::En))
        .unwrap();
    assert!(summary.contains("prod"), "{summary}");
    harness.get_by_label(&summary);
}

#[test]
fn the_frontend_check_flags_a_missing_scope() {
    let mut harness = harness(Lang::En, Vec::new(), None);
    harness.get_by_label("Tools").click();
    harness.run();
    harness.get_by_label("Front-end check").click();
    harness.run();
    harness.get_by_label("Paste AXML").focus();
    harness.get_by_label("Paste AXML").type_text(
        r#"<button open-type="getAuthorize" onGetAuthorize="onAuth" onError="onErr">Go</button>"#,
    );
    harness.run();
    let codes: Vec<FindingCode> = harness
        .state()
        .workbench
        .frontend_findings
        .iter()
        .map(|finding| finding.code)
        .collect();
    assert!(
        codes.contains(&FindingCode::FrontendScopeWrong),
        "{codes:?}"
    );
}

#[test]
fn key_descriptions_follow_the_language() {
    let mut harness = harness(Lang::Zh, Vec::new(), None);
    harness.get_by_label("AES-128 (base64, 16 字节)");
    harness.get_by_label("SPKI 公钥，2048 位");
    harness.get_by_label("English").click();
    harness.run();
    harness.get_by_label("AES-128 (base64, 16 bytes)");
    harness.get_by_label("SPKI public key, 2048 bits");
}

#[test]
fn the_server_check_window_checks_pasted_code_and_opened_files() {
    use alipay_phone_doctor::features::server_check::ServerCode;
    use alipay_phone_doctor::i18n::server_check;
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/server_code/code_aes_ecb/java/positive.java");
    let mut harness = harness(Lang::En, vec![file], None);
    harness.get_by_label("Tools").click();
    harness.run();
    harness.get_by_label("Check server code").click();
    harness.run();
    harness.get_by_label("PHP").click();
    harness.run();
    harness.get_by_label("Paste server code").focus();
    harness.get_by_label("Paste server code").type_text(
        "<?php\n$plain = mcrypt_decrypt(MCRYPT_RIJNDAEL_128, $key, $data, MCRYPT_MODE_CBC, $iv);\n",
    );
    harness.run();
    let pasted = |harness: &Harness<'_, App>| {
        harness
            .state()
            .workbench
            .server
            .sources
            .first()
            .map(|source| {
                let codes: Vec<(ServerCode, usize)> = source
                    .findings
                    .iter()
                    .map(|located| (located.finding.code, located.finding.line))
                    .collect();
                (source.name.clone(), codes)
            })
    };
    assert_eq!(
        pasted(&harness),
        Some((None, vec![(ServerCode::Mcrypt, 2)]))
    );
    harness.get_by_label(server_check::title(ServerCode::Mcrypt, Lang::En));
    harness.get_by_label(server_check::remediation(ServerCode::Mcrypt, Lang::En));
    harness.get_by_label("× Error");
    harness.get_by_label("line 2");
    harness.get_by_label("Pasted code · PHP");

    // The same code read as Java has none of PHP's tokens.
    harness.get_by_label("Java").click();
    harness.run();
    assert_eq!(pasted(&harness), Some((None, vec![])));

    harness.get_by_label("Open source files…").click();
    harness.run();
    let sources = &harness.state().workbench.server.sources;
    assert_eq!(sources.len(), 2);
    assert_eq!(sources[1].name.as_deref(), Some("positive.java"));
    assert_eq!(sources[1].findings[0].finding.code, ServerCode::AesEcb);
    harness.get_by_label("positive.java · Java");
    harness.get_by_label(server_check::title(ServerCode::AesEcb, Lang::En));
    harness.get_by_label("Close the opened files").click();
    harness.run();
    assert_eq!(harness.state().workbench.server.sources.len(), 1);
}

fn server_output_case(name: &str, file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/server_output")
        .join(name)
        .join(file)
}

#[test]
fn a_pasted_server_output_is_explained_in_the_your_server_section() {
    let printed = read(&server_output_case(
        "t37_java_sign_length_jdk17",
        "printed.txt",
    ));
    let mut harness = harness(Lang::En, Vec::new(), Some(printed));
    assert!(harness.query_by_label("Your server").is_none());
    harness.get_by_label("Paste").click();
    harness.run();
    harness.get_by_label("Your server");
    let code = alipay_phone_doctor::features::explain::CauseCode::SignPlusToSpace;
    harness.get_by_label(alipay_phone_doctor::i18n::explain::title(code, Lang::En));
    assert!(
        harness.query_by_label("Demo data").is_none(),
        "the user's own output ends the demo"
    );
    let made = harness.state().session.server_output.explanations;
    harness.run_steps(10);
    assert_eq!(
        harness.state().session.server_output.explanations,
        made,
        "explained only when an input changes"
    );
    harness.get_by_label("中文").click();
    harness.run();
    harness.get_by_label("你的服务端");
    assert_eq!(harness.state().session.server_output.explanations, made);
    harness.get_by_label("清空输出").click();
    harness.run();
    assert!(harness.query_by_label("你的服务端").is_none());
}

#[test]
fn a_binary_server_output_file_is_replayed_with_the_keys() {
    let name = "k03_ecb_php_raw_echo";
    let picks = vec![
        server_output_case(name, "alipay_public_key.txt"),
        server_output_case(name, "aes_key.txt"),
        server_output_case(name, "printed.txt"),
    ];
    let response = read(&server_output_case(name, "response.txt"));
    let mut harness = harness(Lang::En, picks, Some(response));
    harness.get_by_label("Paste from clipboard").click();
    harness.run();
    harness.get_by_label("Open public key…").click();
    harness.run();
    harness.get_by_label("Open AES key…").click();
    harness.run();
    harness.get_by_label("Open file…").click();
    harness.run();
    let bytes = std::fs::read(server_output_case(name, "printed.txt"))
        .unwrap()
        .len();
    harness.get_by_label(&format!(
        "printed.txt: {bytes} bytes, not UTF-8, read as bytes"
    ));
    harness.get_by_label("Your server");
    let explanation = harness
        .state()
        .session
        .server_output
        .explanation
        .clone()
        .unwrap();
    assert!(explanation.replayed);
    let top = explanation.top().unwrap();
    assert_eq!(
        top.code,
        alipay_phone_doctor::features::explain::CauseCode::AesEcbMode
    );
    harness.get_by_label(alipay_phone_doctor::i18n::explain::title(
        top.code,
        Lang::En,
    ));
}
