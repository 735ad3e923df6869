//! Key profiles: the profile whose public key verifies and the one whose AES key decrypts are
//! named, the best one is used, and the command line reads a profiles file.

#![expect(clippy::unwrap_used, reason = "test helpers panic on broken fixtures")]

use std::path::PathBuf;
use std::process::Command;

use alipay_phone_doctor::features::profiles::{ProfileKeys, match_profiles};
use alipay_phone_doctor::features::scenarios;
use alipay_phone_doctor::features::scenarios::demo::DEMO;
use alipay_phone_doctor::i18n::Lang;

const OTHER_AES: &str = "AAECAwQFBgcICQoLDA0ODw==";

fn profile<'a>(name: &'a str, key: Option<&'a str>, aes: Option<&'a str>) -> ProfileKeys<'a> {
    ProfileKeys {
        name,
        alipay_public_key: key.map(str::as_bytes),
        aes_key: aes.map(str::as_bytes),
    }
}

#[test]
fn names_the_profile_that_signed_and_the_one_that_encrypted() {
    let response = scenarios::build("success", &DEMO).unwrap().response;
    let profiles = [
        profile("prod", Some(DEMO.app_public_key), Some(OTHER_AES)),
        profile("sandbox", Some(DEMO.alipay_public_key), Some(DEMO.aes_key)),
        profile("isv", Some(DEMO.alipay_public_key), Some(OTHER_AES)),
    ];
    let matched = match_profiles(response.as_bytes(), &profiles, None);
    assert_eq!(matched.verified_by(), vec!["sandbox", "isv"]);
    assert_eq!(matched.decrypted_by(), vec!["sandbox"]);
    assert_eq!(matched.best().unwrap().name, "sandbox");
    let categories: Vec<String> = matched
        .results
        .iter()
        .map(|result| result.category.to_string())
        .collect();
    assert_eq!(
        categories,
        vec!["signature_key_mismatch", "ok", "aes_key_mismatch"]
    );
    let summary = alipay_phone_doctor::render::profiles::summary(&matched, Lang::En);
    assert!(
        summary.contains("sandbox") && summary.contains("not prod"),
        "{summary}"
    );
}

#[test]
fn a_split_between_two_profiles_is_pointed_out() {
    let response = scenarios::build("success", &DEMO).unwrap().response;
    let matched = match_profiles(
        response.as_bytes(),
        &[
            profile("third_party", Some(DEMO.alipay_public_key), Some(OTHER_AES)),
            profile("merchant", Some(DEMO.app_public_key), Some(DEMO.aes_key)),
        ],
        None,
    );
    assert_eq!(matched.verified_by(), vec!["third_party"]);
    assert_eq!(matched.decrypted_by(), vec!["merchant"]);
    assert_eq!(matched.best().unwrap().name, "third_party");
    assert!(
        alipay_phone_doctor::render::profiles::summary(&matched, Lang::En)
            .contains("different apps")
    );
}

#[test]
fn an_unsigned_response_is_matched_by_its_aes_key_only() {
    let response = scenarios::build("sign_missing", &DEMO).unwrap().response;
    let matched = match_profiles(
        response.as_bytes(),
        &[
            profile("a", Some(DEMO.alipay_public_key), Some(OTHER_AES)),
            profile("b", None, Some(DEMO.aes_key)),
        ],
        None,
    );
    assert!(matched.verified_by().is_empty());
    assert_eq!(matched.results[0].verifies, None);
    assert_eq!(matched.best().unwrap().name, "b");
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("apd-profiles-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_command_line_tries_every_profile_from_the_file() {
    let dir = scratch("cli");
    let inputs = scenarios::build("success", &DEMO).unwrap();
    std::fs::write(dir.join("response.txt"), &inputs.response).unwrap();
    for (name, text) in [
        ("demo_pub.txt", DEMO.alipay_public_key),
        ("app_pub.txt", DEMO.app_public_key),
        ("aes.txt", DEMO.aes_key),
        ("other_aes.txt", OTHER_AES),
    ] {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let file = dir.join("profiles.toml");
    std::fs::write(&file, "[profiles.prod]\nalipay_public_key = \"app_pub.txt\"\naes_key = \"other_aes.txt\"\n\n[profiles.sandbox]\nalipay_public_key = \"demo_pub.txt\"\naes_key = \"aes.txt\"\n").unwrap();
    let check = |extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_alipay-phone-doctor"))
            .args(["check", "--format", "json", "--lang", "en", "--response"])
            .arg(dir.join("response.txt"))
            .arg("--profiles")
            .arg(&file)
            .args(extra)
            .env("HOME", &dir)
            .env_remove("XDG_CONFIG_HOME")
            .output()
            .unwrap()
    };
    let all = check(&["--try-all-profiles"]);
    assert_eq!(all.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&all.stdout).unwrap();
    assert_eq!(json["profile"], "sandbox");
    assert_eq!(json["profiles"]["results"][0]["verifies"], false);
    assert_eq!(json["profiles"]["results"][1]["decrypts"], true);
    let prod = check(&["--profile", "prod"]);
    assert_eq!(prod.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&prod.stdout).unwrap();
    assert_eq!(json["category"], "signature_key_mismatch");
    assert_eq!(check(&["--profile", "staging"]).status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn profiles_are_added_listed_and_removed_as_paths() {
    let dir = scratch("edit");
    std::fs::write(dir.join("pub.txt"), DEMO.alipay_public_key).unwrap();
    let doctor = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_alipay-phone-doctor"))
            .args(args)
            .env("XDG_CONFIG_HOME", dir.join("config"))
            .current_dir(&dir)
            .output()
            .unwrap()
    };
    assert_eq!(
        doctor(&["profiles", "add", "prod", "--alipay-public-key", "pub.txt"])
            .status
            .code(),
        Some(0)
    );
    let stored =
        std::fs::read_to_string(dir.join("config/alipay-phone-doctor/profiles.toml")).unwrap();
    assert!(
        stored.contains("[profiles.prod]")
            && stored.contains("pub.txt")
            && !stored.contains("MIIB")
    );
    let listed = String::from_utf8(doctor(&["profiles", "list"]).stdout).unwrap();
    assert!(listed.contains("prod"));
    assert_eq!(
        doctor(&["profiles", "add", "x", "--aes-key", "missing.txt"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        doctor(&["profiles", "remove", "prod"]).status.code(),
        Some(0)
    );
    assert_eq!(
        doctor(&["profiles", "remove", "prod"]).status.code(),
        Some(2)
    );
    let _ = std::fs::remove_dir_all(&dir);
}
