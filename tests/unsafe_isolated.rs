//! `unsafe_code` is denied crate-wide; the only exception is the Win32 console call in
//! `src/platform/windows.rs`. This keeps it that way.

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

#[test]
fn unsafe_code_only_in_the_windows_console_module() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files.push(root.join("build.rs"));
    assert!(files.len() > 20, "sources not found");
    let allowed = root.join("src/platform/windows.rs");
    let mut found = Vec::new();
    for file in files.iter().filter(|file| **file != allowed) {
        let source = std::fs::read_to_string(file).unwrap_or_default();
        for (number, line) in source.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            if code.contains("unsafe") {
                found.push(format!("{}:{}", file.display(), number + 1));
            }
        }
    }
    assert!(
        found.is_empty(),
        "unsafe code outside src/platform/windows.rs: {found:?}"
    );
    let windows = std::fs::read_to_string(&allowed).unwrap_or_default();
    assert!(
        windows.contains("#[expect(") && windows.contains("unsafe_code"),
        "the Windows module states why it needs unsafe code"
    );
}
