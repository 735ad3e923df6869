//! Structural rules checked on the sources and the lock file: the import directions between the
//! folders of `src/`, the I/O edge, the wording tables, and the dependency graph.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The code of a source file, comments removed, line by line (line numbers kept).
fn code_lines(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|line| {
            let trimmed = line.trim_start();
            if trimmed.starts_with("//") {
                String::new()
            } else {
                line.split(" // ").next().unwrap_or_default().to_owned()
            }
        })
        .collect()
}

/// Every line of the files under `folder` (or the file `folder.rs`) that contains one of
/// `forbidden`, as `path:line: word`.
fn violations(folder: &str, forbidden: &[&str], except: &[&str]) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(&src().join(folder), &mut files);
    let single = src().join(format!("{folder}.rs"));
    if single.exists() {
        files.push(single);
    }
    assert!(!files.is_empty(), "no sources under src/{folder}");
    let mut found = Vec::new();
    for file in files {
        let shown = file
            .strip_prefix(src())
            .unwrap_or(&file)
            .display()
            .to_string();
        if except.iter().any(|allowed| shown.starts_with(allowed)) {
            continue;
        }
        for (number, line) in code_lines(&file).iter().enumerate() {
            for word in forbidden {
                if line.contains(word) {
                    found.push(format!("src/{shown}:{}: {word}", number + 1));
                }
            }
        }
    }
    found
}

/// What only `platform` may touch: the file system, the environment, the clock, the OS dialogs,
/// the clipboard, the locale, and the browser's and Windows' own APIs (`platform/web/`,
/// `platform/windows.rs`).
const SYSTEM: &[&str] = &[
    "std::fs",
    "fs::",
    "File::open",
    "std::env",
    "env::var",
    "args_os",
    "SystemTime",
    "UNIX_EPOCH",
    "sys_locale",
    "dirs::",
    "rfd::",
    "arboard::",
    "std::net",
    "std::process::Command",
    "web_sys",
    "js_sys",
    "wasm_bindgen",
    "windows_sys",
];

/// `domain` is the pipeline: it imports no feature, no wording, no rendering, no platform, no UI,
/// and does no I/O.
#[test]
fn the_pipeline_imports_nothing_above_it() {
    let mut forbidden = vec![
        "crate::features",
        "crate::i18n",
        "crate::render",
        "crate::platform",
        "crate::app",
        "crate::ui",
        "crate::cli",
        "egui",
        "eframe",
        "std::thread",
        "std::process",
    ];
    forbidden.extend(SYSTEM);
    let found = violations("domain", &forbidden, &[]);
    assert!(found.is_empty(), "the pipeline must stay pure: {found:#?}");
}

/// Features are built on the pipeline and return data: no wording, rendering, I/O or UI.
#[test]
fn features_return_data_only() {
    let mut forbidden = vec![
        "crate::i18n",
        "crate::render",
        "crate::platform",
        "crate::app",
        "crate::ui",
        "crate::cli",
        "egui",
        "eframe",
        "indicatif",
    ];
    forbidden.extend(SYSTEM);
    let found = violations("features", &forbidden, &[]);
    assert!(found.is_empty(), "features must return data: {found:#?}");
}

/// Wording and rendering make text; they draw nothing and do no I/O.
#[test]
fn wording_and_rendering_draw_nothing() {
    let mut forbidden = vec!["crate::app", "crate::ui", "crate::cli", "egui", "eframe"];
    forbidden.extend(SYSTEM);
    let mut found = violations("i18n", &forbidden, &[]);
    forbidden.push("crate::platform::files::read");
    found.extend(violations("render", &forbidden, &[]));
    assert!(found.is_empty(), "{found:#?}");
}

/// The UI renders a precomputed report and returns actions: it imports neither the app nor the
/// command line nor the parsers, and does no parsing, crypto or I/O.
#[test]
fn the_ui_renders_and_returns_actions() {
    let mut forbidden = vec![
        "crate::app",
        "crate::cli",
        "crate::platform",
        "domain::input",
        "domain::keys",
        "domain::aeskey",
        "domain::pubkey",
        "domain::signature",
        "domain::aes_cbc",
        "domain::b64",
        "diagnose(",
        "serde_json::from_",
        "base64",
        "rsa::",
        "aes::",
        "cbc::",
    ];
    forbidden.extend(SYSTEM);
    let found = violations("ui", &forbidden, &[]);
    assert!(found.is_empty(), "the UI must only render: {found:#?}");
}

/// Nothing but `platform` touches the file system, the environment or the clock.
#[test]
fn only_the_platform_touches_the_system() {
    let mut found = Vec::new();
    for folder in [
        "domain", "features", "i18n", "render", "app", "ui", "cli", "lib", "main",
    ] {
        found.extend(violations(folder, SYSTEM, &[]));
    }
    assert!(
        found.is_empty(),
        "system access outside platform: {found:#?}"
    );
}

/// Every folder says its rule in its first doc line.
#[test]
fn every_folder_states_its_rule() {
    for folder in [
        "domain", "features", "i18n", "render", "platform", "app", "ui", "cli",
    ] {
        let text = std::fs::read_to_string(src().join(folder).join("mod.rs")).unwrap_or_default();
        let first = text.lines().next().unwrap_or_default();
        assert!(
            first.starts_with("//! ") && first.len() > 40,
            "src/{folder}/mod.rs must start with its rule: {first:?}"
        );
    }
}

fn locked_packages() -> Vec<(String, String)> {
    let lock = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.lock"))
        .unwrap_or_default();
    let parsed: toml::Table = toml::from_str(&lock).unwrap_or_default();
    parsed
        .get("package")
        .and_then(toml::Value::as_array)
        .map(|packages| {
            packages
                .iter()
                .filter_map(|package| {
                    let name = package.get("name")?.as_str()?.to_owned();
                    let version = package.get("version")?.as_str()?.to_owned();
                    Some((name, version))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The app makes no network connection: no HTTP client or TLS stack may enter the graph.
#[test]
fn no_http_or_tls_crate_in_the_dependency_graph() {
    let packages = locked_packages();
    assert!(packages.len() > 50, "Cargo.lock not read");
    let banned = [
        "reqwest",
        "hyper",
        "hyper-tls",
        "hyper-rustls",
        "ureq",
        "rustls",
        "tokio-rustls",
        "native-tls",
        "openssl",
        "openssl-sys",
        "curl",
        "curl-sys",
        "isahc",
        "surf",
        "attohttpc",
        "h2",
        "h3",
        "quinn",
        "tungstenite",
        "websocket",
        "minreq",
    ];
    let found: Vec<&(String, String)> = packages
        .iter()
        .filter(|(name, _)| banned.contains(&name.as_str()))
        .collect();
    assert!(found.is_empty(), "network crates in Cargo.lock: {found:?}");
}

/// One egui in the graph: widgets from two copies cannot be mixed.
#[test]
fn a_single_egui_version() {
    let eguis: Vec<String> = locked_packages()
        .into_iter()
        .filter(|(name, _)| name == "egui")
        .map(|(_, version)| version)
        .collect();
    assert_eq!(eguis.len(), 1, "egui versions: {eguis:?}");
}

/// The string literals of the sources that look like wording keys (`namespace.name…`).
fn key_literals() -> Vec<(String, String)> {
    let namespaces: Vec<String> = alipay_phone_doctor::i18n::keys()
        .iter()
        .filter_map(|key| key.split('.').next())
        .map(|namespace| format!("{namespace}."))
        .collect();
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut found = Vec::new();
    for path in files {
        let source = std::fs::read_to_string(&path).unwrap_or_default();
        for (index, piece) in source.split('"').enumerate() {
            let is_literal = index % 2 == 1;
            let looks_like_key = !piece.is_empty()
                && piece.chars().all(|ch| {
                    ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_' || ch == '.'
                })
                && namespaces
                    .iter()
                    .any(|namespace| piece.starts_with(namespace.as_str()));
            if is_literal && looks_like_key {
                found.push((path.display().to_string(), piece.to_owned()));
            }
        }
    }
    found
}

/// The wording keys of the web page's own words (`{{web.loading}}` in `web/index.html`), filled in
/// by `scripts/build-web.sh` because the page shows them before the app has loaded.
fn page_keys() -> Vec<(String, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("web/index.html");
    let page = std::fs::read_to_string(&path).unwrap_or_default();
    page.split("{{")
        .skip(1)
        .filter_map(|piece| piece.split_once("}}"))
        .map(|(key, _)| (path.display().to_string(), key.to_owned()))
        .collect()
}

/// Every wording key written in the sources and the page exists in `assets/i18n/`.
#[test]
fn every_key_in_the_sources_exists() {
    assert!(!page_keys().is_empty(), "web/index.html not read");
    let missing: Vec<String> = key_literals()
        .into_iter()
        .chain(page_keys())
        .filter(|(_, key)| !key.ends_with('.') && !alipay_phone_doctor::i18n::has_key(key))
        .map(|(path, key)| format!("{path}: {key}"))
        .collect();
    assert!(missing.is_empty(), "missing wording keys: {missing:#?}");
}

/// The keys the program builds from its own tables (finding codes, server-check codes, terms,
/// checklist items, scenarios, signing modes): they are used although no source spells them out.
fn built_keys() -> Vec<String> {
    use alipay_phone_doctor::domain::{FindingCode, Term};
    use alipay_phone_doctor::features::checklist::{Checklist, Reason};
    use alipay_phone_doctor::features::mock::SigningMode;
    use alipay_phone_doctor::features::scenarios;
    use alipay_phone_doctor::i18n::findings::{fix_key, title_key};
    let mut keys = Vec::new();
    for code in FindingCode::ALL {
        keys.push(title_key(*code));
        keys.push(fix_key(*code));
    }
    for code in alipay_phone_doctor::features::server_check::ServerCode::ALL {
        keys.push(alipay_phone_doctor::i18n::server_check::title_key(*code));
        keys.push(alipay_phone_doctor::i18n::server_check::fix_key(*code));
    }
    keys.extend(Term::all_keys().into_iter().map(str::to_owned));
    for item in Checklist::blank().items {
        keys.push(item.label_key());
        keys.push(item.how_key());
    }
    keys.extend(Reason::ALL.iter().map(|reason| reason.key().to_owned()));
    for scenario in scenarios::all() {
        keys.push(scenario.title_key());
        keys.push(scenario.shows_key());
    }
    keys.extend(alipay_phone_doctor::i18n::explain::built_keys());
    keys.extend(
        SigningMode::REGULAR
            .iter()
            .map(|mode| format!("ui.mock_signing.{}", mode.id())),
    );
    keys
}

/// Every text of `assets/i18n/` is used, and none is defined twice.
#[test]
fn every_wording_key_is_used_once_defined() {
    assert!(
        alipay_phone_doctor::i18n::problems().is_empty(),
        "{:#?}",
        alipay_phone_doctor::i18n::problems()
    );
    let mut used: Vec<String> = key_literals()
        .into_iter()
        .chain(page_keys())
        .map(|(_, key)| key)
        .collect();
    used.extend(built_keys());
    let unused: Vec<&str> = alipay_phone_doctor::i18n::keys()
        .into_iter()
        .filter(|key| !used.iter().any(|used| used == key))
        .collect();
    assert!(unused.is_empty(), "unused wording keys: {unused:#?}");
    for key in built_keys() {
        assert!(alipay_phone_doctor::i18n::has_key(&key), "{key} is missing");
    }
}

/// No Chinese text in the code that shows things (the window, the renderers, the command line,
/// the platform edge): every visible sentence comes from the wording. (The pipeline and the
/// features may hold Alipay's own messages as data, such as a `subMsg` to recognise.)
#[test]
fn no_visible_chinese_in_the_sources() {
    let mut files = Vec::new();
    for folder in ["app", "ui", "render", "cli", "platform", "i18n"] {
        rust_files(&src().join(folder), &mut files);
    }
    files.push(src().join("lib.rs"));
    files.push(src().join("main.rs"));
    let mut found = Vec::new();
    for path in files {
        let source = std::fs::read_to_string(&path).unwrap_or_default();
        let code = source.split("#[cfg(test)]").next().unwrap_or_default();
        let is_test_file = path.file_name().is_some_and(|name| name == "tests.rs");
        for (number, line) in code.lines().enumerate() {
            let comment = line.trim_start().starts_with("//");
            if !is_test_file
                && !comment
                && line
                    .chars()
                    .any(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch))
            {
                found.push(format!("{}:{}", path.display(), number + 1));
            }
        }
    }
    assert!(found.is_empty(), "Chinese outside assets/i18n: {found:#?}");
}
