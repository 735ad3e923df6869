//! The server-code check on `tests/fixtures/server_code/`: the library and the command line
//! give exactly the findings of the reference evaluator (`findings.json`, written by
//! `check_rules.py --dump`), every positive fixture is found at its expected line, every negative
//! is clean of its code, and the correct implementations get no error. Also: exit statuses,
//! both languages, and totality on arbitrary bytes.

#![expect(clippy::unwrap_used, reason = "test helpers panic on broken fixtures")]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use alipay_phone_doctor::domain::Severity;
use alipay_phone_doctor::features::server_check::{self, Language, RuleSet, ServerCode};
use proptest::prelude::*;

/// (code, severity, line) of one finding.
type Row = (String, String, usize);

/// Language directory → whether its positive and its negative passed.
type Cells = BTreeMap<String, (Option<bool>, Option<bool>)>;

/// The codes of the `server-check` contract (every other code must exist and be tested too).
const CONTRACT: &[&str] = &[
    "code_aes_ecb",
    "code_aes_encrypt_for_decrypt",
    "code_aes_key_as_text",
    "code_cryptojs_passphrase",
    "code_aes_iv_missing",
    "code_padding_disabled",
    "code_mcrypt",
    "code_notify_verify_helper",
    "code_sha1_verify_default",
    "code_decrypt_result_discarded",
    "code_decipher_without_final",
    "code_verify_without_quotes",
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/server_code")
}

fn rules() -> &'static RuleSet {
    server_check::builtin().unwrap()
}

/// The findings of the library on a fixture file (path relative to the fixture folder).
fn library(rel: &str) -> Vec<Row> {
    let bytes = std::fs::read(root().join(rel)).unwrap();
    let language = rules().language_of(rel).unwrap();
    rules()
        .check_bytes(rel, language, &bytes)
        .into_iter()
        .map(|finding| {
            let severity = finding.severity.as_str().to_owned();
            (finding.code.as_str().to_owned(), severity, finding.line)
        })
        .collect()
}

/// The reference findings of every fixture and correct implementation.
fn reference() -> BTreeMap<String, Vec<Row>> {
    let text = std::fs::read_to_string(root().join("findings.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The fixture folder's language directory → the checker's language.
fn fixture_language(dir: &str) -> Option<Language> {
    Some(match dir {
        "java" => Language::Java,
        "php" => Language::Php,
        "js" | "ts" => Language::Js,
        "python" => Language::Python,
        "go" => Language::Go,
        "csharp" => Language::CSharp,
        _ => return None,
    })
}

/// One positive or negative fixture.
struct Fixture {
    code: String,
    dir: String,
    rel: String,
    positive: bool,
    expected_line: Option<usize>,
}

fn fixtures() -> Vec<Fixture> {
    let mut out = Vec::new();
    let mut codes: Vec<String> = std::fs::read_dir(root())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("code_"))
        .collect();
    codes.sort();
    for code in codes {
        let expected: BTreeMap<String, serde_json::Value> = serde_json::from_str(
            &std::fs::read_to_string(root().join(&code).join("expected.json")).unwrap(),
        )
        .unwrap();
        let mut dirs: Vec<String> = std::fs::read_dir(root().join(&code))
            .unwrap()
            .map(|entry| entry.unwrap())
            .filter(|entry| entry.path().is_dir())
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .collect();
        dirs.sort();
        for dir in dirs {
            let mut files: Vec<String> = std::fs::read_dir(root().join(&code).join(&dir))
                .unwrap()
                .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            files.sort();
            for file in files {
                let inner = format!("{dir}/{file}");
                let positive = file.starts_with("positive");
                let expected_line = expected.get(&inner).map(|entry| {
                    assert_eq!(entry["code"], code.as_str(), "{code}/{inner}");
                    usize::try_from(entry["line"].as_u64().unwrap()).unwrap()
                });
                assert!(
                    !positive || expected_line.is_some(),
                    "{code}/{inner} has no expectation"
                );
                out.push(Fixture {
                    rel: format!("{code}/{inner}"),
                    code: code.clone(),
                    dir: dir.clone(),
                    positive,
                    expected_line,
                });
            }
        }
    }
    out
}

/// The files of a folder of the fixture root, as `folder/name`, without `expected.json`.
fn files_of(folder: &str) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(root().join(folder))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "expected.json")
        .map(|name| format!("{folder}/{name}"))
        .collect();
    files.sort();
    files
}

fn correct_files() -> Vec<String> {
    files_of("correct")
}

#[test]
fn the_library_gives_the_reference_findings_on_every_file() {
    let reference = reference();
    let mut files: Vec<String> = fixtures().into_iter().map(|fixture| fixture.rel).collect();
    files.extend(correct_files());
    files.extend(files_of("variants"));
    assert_eq!(
        files.len(),
        reference.len(),
        "findings.json is out of date: run check_rules.py --dump"
    );
    let mut differences = Vec::new();
    for rel in &files {
        let expected = reference
            .get(rel)
            .unwrap_or_else(|| panic!("{rel} not in findings.json"));
        let found = library(rel);
        if &found != expected {
            differences.push(format!(
                "{rel}:\n  reference {expected:?}\n  rust      {found:?}"
            ));
        }
    }
    let total: usize = reference.values().map(Vec::len).sum();
    println!(
        "{} files, {total} reference findings, {} differ",
        files.len(),
        differences.len()
    );
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

#[test]
fn positives_are_found_at_their_line_and_negatives_are_clean() {
    // code → language dir → (positive ok, negative ok)
    let mut table: BTreeMap<String, Cells> = BTreeMap::new();
    let mut failures = Vec::new();
    for fixture in fixtures() {
        let mine: Vec<usize> = library(&fixture.rel)
            .into_iter()
            .filter(|(code, _, _)| *code == fixture.code)
            .map(|(_, _, line)| line)
            .collect();
        let ok = match fixture.expected_line {
            Some(line) if fixture.positive => mine.contains(&line),
            _ => mine.is_empty(),
        };
        if !ok {
            failures.push(format!(
                "{}: lines {mine:?}, expected {:?}",
                fixture.rel, fixture.expected_line
            ));
        }
        let cell = table
            .entry(fixture.code.clone())
            .or_default()
            .entry(fixture.dir.clone())
            .or_default();
        if fixture.positive {
            cell.0 = Some(ok);
        } else {
            cell.1 = Some(ok);
        }
    }
    let mark = |result: Option<bool>| match result {
        Some(true) => "ok",
        Some(false) => "FAIL",
        None => "-",
    };
    let (mut positives, mut negatives) = (0, 0);
    for (code, dirs) in &table {
        let cells: Vec<String> = dirs
            .iter()
            .map(|(dir, (positive, negative))| {
                positives += usize::from(positive.is_some());
                negatives += usize::from(negative.is_some());
                format!("{dir} +{} -{}", mark(*positive), mark(*negative))
            })
            .collect();
        println!("{code:<32} {}", cells.join("  "));
    }
    println!(
        "{positives} positive and {negatives} negative fixtures, {} failed",
        failures.len()
    );
    assert!(positives >= 82 && negatives >= 82);
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn the_correct_implementations_get_no_error() {
    let files = correct_files();
    assert_eq!(files.len(), 12);
    let mut errors = 0;
    for rel in &files {
        let found = library(rel);
        let count = |severity: Severity| {
            found
                .iter()
                .filter(|row| row.1 == severity.as_str())
                .count()
        };
        println!(
            "{rel:<28} {} error, {} warning, {} info",
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Info)
        );
        errors += count(Severity::Error);
    }
    assert_eq!(errors, 0, "error-level findings on correct code");
}

/// Whole files written apart from the per-code fixtures (correct ones and ones with several
/// mistakes), each with exactly its expected findings.
#[test]
fn variants_get_exactly_their_findings() {
    let expected: BTreeMap<String, Vec<(String, usize)>> = serde_json::from_str(
        &std::fs::read_to_string(root().join("variants/expected.json")).unwrap(),
    )
    .unwrap();
    let files = files_of("variants");
    assert_eq!(files.len(), expected.len());
    for rel in files {
        let name = rel.trim_start_matches("variants/");
        let mut found: Vec<(String, usize)> = library(&rel)
            .into_iter()
            .map(|(code, _, line)| (code, line))
            .collect();
        found.sort();
        let mut wanted = expected[name].clone();
        wanted.sort();
        println!("{rel:<42} {found:?}");
        assert_eq!(found, wanted, "{rel}");
    }
}

#[test]
fn every_code_has_a_positive_and_a_negative_per_language() {
    let fixtures = fixtures();
    for name in CONTRACT {
        assert!(ServerCode::from_name(name).is_some(), "{name}");
    }
    for code in ServerCode::ALL {
        let name = code.as_str();
        let code = *code;
        for language in rules().languages_of(code) {
            let of_language = |positive: bool| {
                fixtures.iter().any(|fixture| {
                    fixture.code == name
                        && fixture.positive == positive
                        && fixture_language(&fixture.dir).unwrap() == language
                })
            };
            assert!(of_language(true), "{name}: no positive for {language:?}");
            assert!(of_language(false), "{name}: no negative for {language:?}");
        }
    }
}

fn binary() -> Command {
    Command::new(env!("CARGO_BIN_EXE_alipay-phone-doctor"))
}

#[test]
fn the_cli_reports_every_file_like_the_library() {
    let reference = reference();
    let mut command = binary();
    command.args(["server-check", "--format", "json", "--lang", "en", "--file"]);
    for rel in reference.keys() {
        command.arg(root().join(rel));
    }
    let output = command.output().unwrap();
    assert_eq!(output.status.code(), Some(1), "the positives hold errors");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let mut by_file: BTreeMap<String, Vec<Row>> = BTreeMap::new();
    for finding in json["findings"].as_array().unwrap() {
        let file = finding["file"].as_str().unwrap();
        let rel = Path::new(file)
            .strip_prefix(root())
            .unwrap()
            .display()
            .to_string();
        assert!(!finding["title"].as_str().unwrap().is_empty());
        assert!(!finding["remediation"].as_str().unwrap().is_empty());
        by_file.entry(rel).or_default().push((
            finding["code"].as_str().unwrap().to_owned(),
            finding["severity"].as_str().unwrap().to_owned(),
            usize::try_from(finding["line"].as_u64().unwrap()).unwrap(),
        ));
    }
    for (rel, expected) in &reference {
        let found = by_file.remove(rel).unwrap_or_default();
        assert_eq!(&found, expected, "{rel}");
    }
    assert!(by_file.is_empty(), "{by_file:?}");
}

fn exit_status(files: &[&str]) -> Option<i32> {
    let mut command = binary();
    command.args(["server-check", "--format", "json", "--file"]);
    command.args(files.iter().map(|rel| root().join(rel)));
    command.output().unwrap().status.code()
}

#[test]
fn the_cli_exits_1_only_for_error_level_findings() {
    let reference = reference();
    let errors = |rel: &str| reference[rel].iter().any(|row| row.1 == "error");
    let warnings_only = "code_verify_without_quotes/java/positive.java";
    let hints_only = "code_decrypt_without_verify/js/positive.js";
    let error = "code_aes_ecb/python/positive.py";
    assert!(!errors(warnings_only) && !reference[warnings_only].is_empty());
    assert!(!errors(hints_only) && !reference[hints_only].is_empty());
    assert!(errors(error));
    let correct = correct_files();
    let correct: Vec<&str> = correct.iter().map(String::as_str).collect();
    assert_eq!(
        exit_status(&correct),
        Some(0),
        "the correct implementations"
    );
    assert_eq!(exit_status(&[warnings_only, hints_only]), Some(0));
    assert_eq!(exit_status(&[error]), Some(1));
    assert_eq!(exit_status(&[hints_only, error, warnings_only]), Some(1));
}

#[test]
fn the_cli_text_report_speaks_both_languages() {
    let file = root().join("code_mcrypt/php/positive.php");
    for (lang, words) in [("en", "line"), ("zh", "错误")] {
        let output = binary()
            .args(["server-check", "--lang", lang, "--file"])
            .arg(&file)
            .output()
            .unwrap();
        let text = String::from_utf8(output.stdout).unwrap();
        assert_eq!(output.status.code(), Some(1));
        assert!(text.contains("positive.php:7"), "{text}");
        assert!(text.contains("(code_mcrypt)"), "{text}");
        let title = alipay_phone_doctor::i18n::server_check::title(
            ServerCode::Mcrypt,
            if lang == "zh" {
                alipay_phone_doctor::i18n::Lang::Zh
            } else {
                alipay_phone_doctor::i18n::Lang::En
            },
        );
        assert!(text.contains(title), "{text}");
        let _ = words;
    }
    let clean = binary()
        .args(["server-check", "--lang", "en", "--file"])
        .arg(root().join("correct/phone.go"))
        .output()
        .unwrap();
    assert_eq!(clean.status.code(), Some(0));
    assert!(
        String::from_utf8(clean.stdout)
            .unwrap()
            .contains("No known mistake found")
    );
}

#[test]
fn usage_and_read_errors_exit_2_with_one_line() {
    let readme = root().join("README.md");
    let missing = root().join("missing.java");
    for (args, expected) in [
        (
            vec!["server-check".into(), "--lang".into(), "en".into()],
            "--file",
        ),
        (
            vec![
                "server-check".into(),
                "--lang".into(),
                "en".into(),
                "--file".into(),
                readme.clone().into_os_string(),
            ],
            "cannot tell the language",
        ),
        (
            vec![
                "server-check".into(),
                "--lang".into(),
                "en".into(),
                "--file".into(),
                missing.into_os_string(),
            ],
            "missing.java",
        ),
        (
            vec![
                "server-check".into(),
                "--lang".into(),
                "zh".into(),
                "--file".into(),
                readme.into_os_string(),
            ],
            "--language",
        ),
        (
            vec![
                "server-check".into(),
                "--lang".into(),
                "en".into(),
                "--file".into(),
                root().into_os_string(),
            ],
            "is a directory",
        ),
    ] {
        let output = binary().args(&args).output().unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
        assert!(output.stdout.is_empty());
    }
    // A forced language reads any file, standard input included.
    let mut child = binary()
        .args([
            "server-check",
            "--format",
            "json",
            "--language",
            "php",
            "--file",
            "-",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(
        &mut child.stdin.take().unwrap(),
        b"<?php\nmcrypt_decrypt($a);\n",
    )
    .unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["findings"][0]["code"], "code_mcrypt");
    assert_eq!(json["findings"][0]["line"], 2);
}

/// Text that looks like code: the characters the masker and the brace matcher care about, and
/// tokens the rules look for.
fn code_like() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("{".to_owned()),
        Just("}".to_owned()),
        Just("(".to_owned()),
        Just(")".to_owned()),
        Just("\"".to_owned()),
        Just("'".to_owned()),
        Just("`".to_owned()),
        Just("\\".to_owned()),
        Just("/*".to_owned()),
        Just("*/".to_owned()),
        Just("//".to_owned()),
        Just("#".to_owned()),
        Just("\"\"\"".to_owned()),
        Just("@\"".to_owned()),
        Just("\n".to_owned()),
        Just("    ".to_owned()),
        Just(";".to_owned()),
        Just("def decrypt(".to_owned()),
        Just("function decrypt(".to_owned()),
        Just("public String decrypt(String c) {".to_owned()),
        Just("func decrypt(".to_owned()),
        Just("Cipher.getInstance(\"AES\")".to_owned()),
        Just("DECRYPT_MODE".to_owned()),
        Just("createDecipheriv(".to_owned()),
        Just("const decipher = crypto.createDecipheriv('aes-128-cbc', k, iv)".to_owned()),
        Just("AES.decrypt(c, key)".to_owned()),
        Just("openssl_decrypt(".to_owned()),
        Just("$aop->verify($c, $s)".to_owned()),
        Just("AlipaySignature.rsaCheckV1(".to_owned()),
        Just("mobile".to_owned()),
        Just("手机号".to_owned()),
        "[a-zA-Z_$]{1,8}",
        ".{0,6}",
    ];
    prop::collection::vec(token, 0..80).prop_map(|tokens| tokens.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_bytes_are_checked_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        for language in Language::ALL {
            let findings = rules().check_bytes("x", *language, &bytes);
            let lines = bytes.iter().filter(|byte| **byte == b'\n').count() + 1;
            prop_assert!(findings.iter().all(|finding| finding.line >= 1 && finding.line <= lines));
        }
    }

    #[test]
    fn code_like_text_is_checked_without_panic_and_deterministically(text in code_like()) {
        for language in Language::ALL {
            let first = rules().check_source("x", *language, &text);
            let lines = text.split('\n').count();
            prop_assert!(first.iter().all(|finding| finding.line >= 1 && finding.line <= lines));
            prop_assert_eq!(first, rules().check_source("x", *language, &text));
        }
    }
}
