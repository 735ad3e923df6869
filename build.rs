//! Build script: on Windows targets, embeds the app icon and version information
//! (`assets/windows/app.rc`) into the executable. Nothing happens for other targets.

use std::path::PathBuf;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let target_os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if target_os != "windows" {
        return;
    }
    println!("cargo:rerun-if-changed=assets/windows/app.rc");
    println!("cargo:rerun-if-changed=assets/windows/icon.ico");
    println!("cargo:rerun-if-env-changed=WINDRES");
    if std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default() != "gnu" {
        println!("cargo:warning=the icon is embedded for the windows-gnu target only");
        return;
    }
    let windres = std::env::var("WINDRES").unwrap_or_else(|_| {
        if cfg!(windows) {
            "windres".to_owned()
        } else {
            "x86_64-w64-mingw32-windres".to_owned()
        }
    });
    let Some(out_dir) = std::env::var_os("OUT_DIR").map(PathBuf::from) else {
        println!("cargo:warning=OUT_DIR is not set; the icon is not embedded");
        return;
    };
    let object = out_dir.join("app_resources.o");
    let status = Command::new(&windres)
        .args(["--input-format=rc", "--output-format=coff", "--input"])
        .arg("assets/windows/app.rc")
        .arg("--output")
        .arg(&object)
        .status();
    match status {
        Ok(status) if status.success() => {
            println!("cargo:rustc-link-arg-bins={}", object.display());
        }
        Ok(status) => {
            println!("cargo:warning={windres} failed ({status}); the icon is not embedded");
        }
        Err(error) => {
            println!("cargo:warning=cannot run {windres} ({error}); the icon is not embedded");
        }
    }
}
