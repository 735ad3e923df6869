//! Every fixture of `tests/fixtures/server_output/` through the library and the command line: the
//! top cause is the expected one, every expected cause is named, and the negative cases name
//! nothing.

#![expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "test helpers panic on broken fixtures; JSON is read by key"
)]

use std::path::{Path, PathBuf};
use std::process::Command;

use alipay_phone_doctor::features::explain::{
    CauseCode, Confidence, ExplainInputs, Explanation, explain,
};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/server_output")
}

struct Case {
    name: String,
    dir: PathBuf,
    expected: Vec<(String, String)>,
}

fn cases() -> Vec<Case> {
    let mut out: Vec<Case> = std::fs::read_dir(fixtures())
        .unwrap()
        .flatten()
        .map(|entry| entry.path())
        .filter(|dir| dir.join("expected.json").exists())
        .map(|dir| {
            let expected: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap())
                    .unwrap();
            let causes = expected["causes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|cause| {
                    (
                        cause["code"].as_str().unwrap().to_owned(),
                        cause["confidence"].as_str().unwrap().to_owned(),
                    )
                })
                .collect();
            Case {
                name: dir.file_name().unwrap().to_string_lossy().into_owned(),
                dir,
                expected: causes,
            }
        })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

fn optional(dir: &Path, file: &str) -> Option<Vec<u8>> {
    std::fs::read(dir.join(file)).ok()
}

fn run_library(case: &Case) -> Explanation {
    let printed = std::fs::read(case.dir.join("printed.txt")).unwrap();
    let response = optional(&case.dir, "response.txt");
    let public_key = optional(&case.dir, "alipay_public_key.txt");
    let aes_key = optional(&case.dir, "aes_key.txt");
    explain(&ExplainInputs {
        printed: &printed,
        response: response.as_deref(),
        alipay_public_key: public_key.as_deref(),
        aes_key: aes_key.as_deref(),
    })
}

fn named(explanation: &Explanation) -> Vec<(String, String)> {
    explanation
        .causes
        .iter()
        .map(|cause| {
            (
                cause.code.as_str().to_owned(),
                cause.confidence.as_str().to_owned(),
            )
        })
        .collect()
}

/// What is wrong with the answer for `case`, if anything: the top cause, a missing expected
/// cause, a cause named for a negative case.
fn problem(case: &Case, got: &[(String, String)]) -> Option<String> {
    match case.expected.first() {
        None if got.is_empty() => None,
        None => Some(format!("{}: expected nothing, got {got:?}", case.name)),
        Some((top, _)) if got.first().map(|(code, _)| code) != Some(top) => {
            Some(format!("{}: expected top {top}, got {got:?}", case.name))
        }
        Some(_) => {
            let missing: Vec<&(String, String)> = case
                .expected
                .iter()
                .filter(|(code, _)| !got.iter().any(|(found, _)| found == code))
                .collect();
            (!missing.is_empty())
                .then(|| format!("{}: missing {missing:?}, got {got:?}", case.name))
        }
    }
}

#[test]
fn every_fixture_gets_its_expected_explanation() {
    let cases = cases();
    assert!(cases.len() >= 133, "{} fixtures", cases.len());
    let problems: Vec<String> = cases
        .iter()
        .filter_map(|case| problem(case, &named(&run_library(case))))
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_top_cause_has_the_expected_confidence() {
    let problems: Vec<String> = cases()
        .iter()
        .filter_map(|case| {
            let (code, confidence) = case.expected.first()?;
            let got = named(&run_library(case));
            let top = got.first()?;
            (top.0 == *code && top.1 != *confidence)
                .then(|| format!("{}: {code} is {}, expected {confidence}", case.name, top.1))
        })
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn every_cause_code_of_the_contract_has_a_fixture_found_on_top() {
    let contract = [
        "server_aes_ecb_mode",
        "server_aes_wrong_iv",
        "server_aes_padding_not_removed",
        "server_aes_output_truncated",
        "server_aes_encrypt_instead_of_decrypt",
        "server_aes_key_not_base64_decoded",
        "server_aes_cryptojs_passphrase",
        "server_aes_wrong_key",
        "server_ciphertext_not_decoded",
        "server_charset_not_utf8",
        "server_sign_plus_to_space",
        "server_public_key_format",
        "server_private_key_as_public",
    ];
    let cases = cases();
    for code in contract {
        assert!(
            CauseCode::from_name(code).is_some(),
            "{code} is not a cause"
        );
        let on_top = cases.iter().any(|case| {
            case.expected.first().is_some_and(|(top, _)| top == code)
                && run_library(case)
                    .top()
                    .is_some_and(|cause| cause.code.as_str() == code)
        });
        assert!(on_top, "no fixture finds {code} on top");
    }
}

#[test]
fn replays_are_what_make_the_keyed_cases_exact() {
    let case = cases()
        .into_iter()
        .find(|case| case.name.starts_with("k22_"))
        .unwrap();
    let with_keys = run_library(&case);
    assert_eq!(
        with_keys.top().map(|cause| (cause.code, cause.confidence)),
        Some((CauseCode::AesKeyNotBase64Decoded, Confidence::Exact))
    );
    let printed = std::fs::read(case.dir.join("printed.txt")).unwrap();
    let alone = explain(&ExplainInputs {
        printed: &printed,
        ..ExplainInputs::default()
    });
    assert!(alone.causes.is_empty());
    assert!(alone.needs_keys, "garbage alone asks for the keys");
}

fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_alipay-phone-doctor")
}

fn run_cli(case: &Case, lang: &str) -> (Option<i32>, serde_json::Value) {
    let mut command = Command::new(binary());
    command
        .arg("explain")
        .arg("--server-output")
        .arg(case.dir.join("printed.txt"))
        .args(["--format", "json", "--lang", lang]);
    for (flag, file) in [
        ("--response", "response.txt"),
        ("--alipay-public-key", "alipay_public_key.txt"),
        ("--aes-key", "aes_key.txt"),
    ] {
        if case.dir.join(file).exists() {
            command.arg(flag).arg(case.dir.join(file));
        }
    }
    let output = command.output().unwrap();
    let json = serde_json::from_slice(&output.stdout).unwrap_or(serde_json::Value::Null);
    (output.status.code(), json)
}

#[test]
fn the_command_line_gives_the_same_answers() {
    let mut problems = Vec::new();
    for (index, case) in cases().iter().enumerate() {
        let lang = if index % 2 == 0 { "en" } else { "zh" };
        let (status, json) = run_cli(case, lang);
        let got: Vec<(String, String)> = json["causes"]
            .as_array()
            .map(|causes| {
                causes
                    .iter()
                    .map(|cause| {
                        (
                            cause["code"].as_str().unwrap_or_default().to_owned(),
                            cause["confidence"].as_str().unwrap_or_default().to_owned(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        problems.extend(problem(case, &got));
        let expected_status = if case.expected.is_empty() { 1 } else { 0 };
        if status != Some(expected_status) {
            problems.push(format!("{}: exit status {status:?}", case.name));
        }
        for cause in json["causes"].as_array().into_iter().flatten() {
            for field in ["title", "remediation"] {
                let text = cause[field].as_str().unwrap_or_default();
                if text.is_empty() || text == "?" || text.contains('{') {
                    problems.push(format!("{}: {field} {text:?}", case.name));
                }
            }
            let evidence = cause["evidence"].as_array().map_or(0, Vec::len);
            if evidence == 0 {
                problems.push(format!("{}: no evidence for {}", case.name, cause["code"]));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn usage_and_read_errors_exit_with_2() {
    let missing = Command::new(binary())
        .args(["explain", "--server-output", "/nonexistent/printed.txt"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&missing.stderr).lines().count(), 1);
    let no_input = Command::new(binary()).arg("explain").output().unwrap();
    assert_eq!(no_input.status.code(), Some(2));
    let two_stdins = Command::new(binary())
        .args(["explain", "--server-output", "-", "--response", "-"])
        .output()
        .unwrap();
    assert_eq!(two_stdins.status.code(), Some(2));
}

#[test]
fn the_text_report_names_the_cause_in_both_languages() {
    let case = cases()
        .into_iter()
        .find(|case| case.name.starts_with("t37_"))
        .unwrap();
    for (lang, heading) in [("en", "Your server"), ("zh", "你的服务端")] {
        let output = Command::new(binary())
            .arg("explain")
            .arg("--server-output")
            .arg(case.dir.join("printed.txt"))
            .args(["--lang", lang])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0));
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(text.contains(heading), "{text}");
        assert!(text.contains("server_sign_plus_to_space"), "{text}");
    }
}
