//! The mock Alipay: `generate-keys` → `generate` → `check` gives `ok`, every gallery scenario
//! reproduced with `generate --scenario` reaches its category, and bad inputs exit 2.

#![expect(clippy::unwrap_used, reason = "test helpers panic on broken fixtures")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use alipay_phone_doctor::features::scenarios;

fn doctor(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_alipay-phone-doctor"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("apd-mock-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn category(output: &Output) -> String {
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    json.get("category")
        .and_then(serde_json::Value::as_str)
        .unwrap()
        .to_owned()
}

#[test]
fn generated_keys_round_trip_through_generate_and_check() {
    let dir = scratch("keys");
    let keys = doctor(&["generate-keys", "--out-dir", "k", "--lang", "en"], &dir);
    assert_eq!(
        keys.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&keys.stderr)
    );
    assert_eq!(
        doctor(&["generate-keys", "--out-dir", "k"], &dir)
            .status
            .code(),
        Some(2),
        "refuses to overwrite"
    );
    std::fs::write(
        dir.join("payload.json"),
        r#"{"code":"10000","msg":"Success","mobile":"13800138000"}"#,
    )
    .unwrap();
    let keys = [
        "--private-key",
        "k/alipay_private_key.pem",
        "--aes-key",
        "k/aes_key.txt",
    ];
    for sign_type in ["RSA2", "RSA"] {
        let generated = doctor(
            &[
                &[
                    "generate",
                    "--payload",
                    "payload.json",
                    "--sign-type",
                    sign_type,
                    "--output",
                    "r.txt",
                ][..],
                &keys[..],
            ]
            .concat(),
            &dir,
        );
        assert_eq!(
            generated.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&generated.stderr)
        );
        let checked = doctor(
            &[
                "check",
                "--format",
                "json",
                "--response",
                "r.txt",
                "--alipay-public-key",
                "k/alipay_public_key.txt",
                "--aes-key",
                "k/aes_key.txt",
            ],
            &dir,
        );
        assert_eq!(checked.status.code(), Some(0));
        assert_eq!(category(&checked), "ok");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_scenario_is_reproduced_from_the_demo_keys() {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo");
    let arg = |name: &str| demo.join(name).to_string_lossy().into_owned();
    let dir = scratch("scenarios");
    for scenario in scenarios::all()
        .iter()
        .filter(|scenario| !scenario.lies_in_checker_keys())
    {
        let generated = doctor(
            &[
                "generate",
                "--scenario",
                scenario.id,
                "--private-key",
                &arg("demo_alipay_private_key.pem"),
                "--aes-key",
                &arg("demo_aes_key.txt"),
                "--output",
                "r.txt",
            ],
            &dir,
        );
        assert_eq!(generated.status.code(), Some(0), "{}", scenario.id);
        let checked = doctor(
            &[
                "check",
                "--format",
                "json",
                "--response",
                "r.txt",
                "--alipay-public-key",
                &arg("demo_alipay_public_key.txt"),
                "--aes-key",
                &arg("demo_aes_key.txt"),
            ],
            &dir,
        );
        assert_eq!(
            category(&checked),
            scenario.expected_category.to_string(),
            "{}",
            scenario.id
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_inputs_exit_2() {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo");
    let arg = |name: &str| demo.join(name).to_string_lossy().into_owned();
    let dir = scratch("bad");
    std::fs::write(dir.join("list.json"), "[1, 2]").unwrap();
    let run = |payload: &str, private_key: &str| {
        doctor(
            &[
                "generate",
                "--payload",
                payload,
                "--private-key",
                private_key,
                "--aes-key",
                &arg("demo_aes_key.txt"),
            ],
            &dir,
        )
    };
    assert_eq!(
        run("list.json", &arg("demo_alipay_private_key.pem"))
            .status
            .code(),
        Some(2)
    );
    let public_as_private = run(
        &arg("demo_response.json"),
        &arg("demo_alipay_public_key.txt"),
    );
    assert_eq!(public_as_private.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&public_as_private.stderr).contains("--private-key"));
    assert_eq!(
        doctor(&["generate", "--private-key", "x", "--aes-key", "y"], &dir)
            .status
            .code(),
        Some(2),
        "needs --payload or --scenario"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
