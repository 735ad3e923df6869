//! Structural rules checked on the sources and the lock file.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
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

/// `src/domain/` is pure: no UI crates, no file system, no network, no process I/O.
#[test]
fn domain_layer_is_pure() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domain"),
        &mut files,
    );
    assert!(files.len() > 5, "domain sources not found");
    let forbidden = [
        "egui",
        "eframe",
        "rfd",
        "std::fs",
        "std::net",
        "std::process",
        "File::open",
        "arboard",
        "crate::app",
        "crate::ui",
        "crate::cli",
        "crate::platform",
    ];
    let mut violations = Vec::new();
    for file in &files {
        let source = std::fs::read_to_string(file).unwrap_or_default();
        for (number, line) in source.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            for word in forbidden {
                if code.contains(word) {
                    violations.push(format!("{}:{}: {word}", file.display(), number + 1));
                }
            }
        }
    }
    assert!(
        violations.is_empty(),
        "the domain layer must stay pure: {violations:#?}"
    );
}

/// The UI renders reports; parsing and crypto stay in the domain.
#[test]
fn ui_layer_does_no_parsing_or_crypto() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui"),
        &mut files,
    );
    assert!(!files.is_empty(), "ui sources not found");
    let forbidden = [
        "serde_json::from_",
        "base64",
        "rsa::",
        "aes::",
        "cbc::",
        "std::fs",
        "domain::input",
        "domain::signature",
        "domain::aes_cbc",
        "diagnose(",
    ];
    let mut violations = Vec::new();
    for file in &files {
        let source = std::fs::read_to_string(file).unwrap_or_default();
        for word in forbidden {
            if source.contains(word) {
                violations.push(format!("{}: {word}", file.display()));
            }
        }
    }
    assert!(
        violations.is_empty(),
        "the UI layer must only render: {violations:#?}"
    );
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

/// Every `tr("…")` call in the sources names a key of `assets/i18n.toml`.
#[test]
fn every_used_i18n_key_exists() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(files.len() > 20, "sources not found");
    let mut missing = Vec::new();
    for path in files {
        let source = std::fs::read_to_string(&path).unwrap_or_default();
        let pieces: Vec<&str> = source.split("tr(\"").collect();
        for (before, piece) in pieces.iter().zip(pieces.iter().skip(1)) {
            // Only calls of `tr` itself, not of `push_str(` and the like.
            if before
                .chars()
                .last()
                .is_some_and(|ch| ch.is_alphanumeric() || ch == '_')
            {
                continue;
            }
            let key = piece.split('"').next().unwrap_or_default();
            if !key.is_empty() && !key.contains('…') && !alipay_phone_doctor::i18n::has_key(key) {
                missing.push(format!("{}: {key}", path.display()));
            }
        }
    }
    assert!(missing.is_empty(), "missing i18n keys: {missing:?}");
}
