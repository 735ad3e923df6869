//! Chinese is Chinese: every fixture and every scenario, diagnosed and rendered in zh as the
//! terminal text and the Markdown report (with the checklist), holds no English prose. Technical
//! tokens stay as they are (RSA2, AES-128-CBC, SPKI, PEM, field names, finding codes, certificate
//! subjects, the payload Alipay sent), so they are removed before the words are read.

#![expect(clippy::unwrap_used, reason = "test helpers panic on broken fixtures")]

use std::path::{Path, PathBuf};

use alipay_phone_doctor::domain::{Inputs, Report, diagnose};
use alipay_phone_doctor::features::checklist::Checklist;
use alipay_phone_doctor::features::scenarios::{self, demo::DEMO};
use alipay_phone_doctor::i18n::Lang;
use alipay_phone_doctor::render::{markdown, text};

/// Words that only English prose uses: none may appear in a Chinese report.
const PROSE: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "not",
    "no",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "this",
    "that",
    "these",
    "with",
    "without",
    "from",
    "for",
    "to",
    "of",
    "in",
    "on",
    "at",
    "by",
    "as",
    "it",
    "its",
    "your",
    "you",
    "can",
    "cannot",
    "could",
    "should",
    "must",
    "when",
    "which",
    "what",
    "only",
    "also",
    "than",
    "then",
    "there",
    "public",
    "private",
    "key",
    "keys",
    "signature",
    "signed",
    "verify",
    "verifies",
    "verified",
    "valid",
    "invalid",
    "decrypt",
    "decrypted",
    "decryption",
    "encrypted",
    "loaded",
    "missing",
    "checked",
    "found",
    "failed",
    "content",
    "payload",
    "certificate",
    "bytes",
    "length",
    "guess",
    "unknown",
    "empty",
    "text",
    "padding",
    "syntax",
    "line",
    "column",
    "input",
    "string",
    "object",
    "nested",
    "layers",
    "unreadable",
    "expected",
    "stripped",
    "characters",
    "profile",
    "profiles",
    "done",
    "file",
    "paste",
    "pasted",
    "clipboard",
    "report",
    "trusted",
    "untrusted",
    "plain",
    "masked",
    "shown",
    "algorithm",
    "status",
    "opening",
    "digest",
    "formed",
    "block",
    "hash",
    "tampered",
    "wrong",
    "truncated",
    "please",
    "console",
    "gateway",
    "application",
    "fingerprint",
    "bits",
    "verdict",
    "findings",
    "fix",
    "checklist",
    "scenario",
    "success",
];

fn fixture_dirs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut dirs = Vec::new();
    for folder in ["cases", "extra_cases", "real_world_cases"] {
        let Ok(entries) = std::fs::read_dir(root.join(folder)) else {
            continue;
        };
        for entry in entries.flatten() {
            if entry.path().join("response.txt").exists() {
                dirs.push(entry.path());
            }
        }
    }
    dirs.sort();
    dirs
}

fn key_file(case: &Path, stem: &str) -> Option<Vec<u8>> {
    ["txt", "pem", "crt"]
        .iter()
        .map(|ext| case.join(format!("{stem}.{ext}")))
        .find(|path| path.exists())
        .map(|path| std::fs::read(path).unwrap())
}

/// The zh text and Markdown of a report, with the checklist.
fn rendered(report: &Report) -> String {
    let checklist = Checklist::from_report(report);
    let mut out = Vec::new();
    text::render(&mut out, report, Lang::Zh, false).unwrap();
    text::render_extras(&mut out, Lang::Zh, (None, None), Some(&checklist)).unwrap();
    let mut all = String::from_utf8(out).unwrap();
    all.push_str(&markdown::render_markdown(
        report,
        Lang::Zh,
        Some(&checklist),
        None,
    ));
    all
}

/// Removes what is not prose: terminal styles, the payload, code spans, certificate subjects,
/// identifiers, base64 and hex runs, paths and options.
fn prose_only(text: &str) -> String {
    let mut kept = String::new();
    let mut in_json_block = false;
    for line in text.lines() {
        if line.starts_with("```") {
            in_json_block = !in_json_block;
            continue;
        }
        if in_json_block || line.contains("CN=") || line.contains("O=") {
            continue;
        }
        kept.push_str(line);
        kept.push('\n');
    }
    let mut out = String::new();
    let mut chars = kept.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\u{1b}' => {
                for next in chars.by_ref() {
                    if next == 'm' {
                        break;
                    }
                }
            }
            '`' => {
                for next in chars.by_ref() {
                    if next == '`' {
                        break;
                    }
                }
                out.push(' ');
            }
            '{' => {
                // A JSON object (the payload): skip to its end.
                let mut depth = 1;
                for next in chars.by_ref() {
                    match next {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                out.push(' ');
            }
            _ => out.push(ch),
        }
    }
    out.split(|ch: char| ch.is_whitespace() || !ch.is_ascii())
        .filter(|token| !token.contains("()"))
        .flat_map(|token| token.split(|ch: char| "()[],:;!?\"'".contains(ch)))
        .filter(|token| {
            let identifier = token.contains(['_', '.', '/', '-', '=', '#', '+']);
            let code_or_hex = token.chars().any(|ch| ch.is_ascii_digit());
            let long_run = token.len() >= 16;
            !identifier && !code_or_hex && !long_run
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The English prose words in `text`.
fn english_words(text: &str) -> Vec<String> {
    prose_only(text)
        .split(|ch: char| !ch.is_ascii_alphabetic())
        .filter(|word| PROSE.contains(&word.to_ascii_lowercase().as_str()))
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_fixture_reads_as_chinese() {
    let dirs = fixture_dirs();
    assert!(dirs.len() >= 76, "fixtures not found");
    let mut found = Vec::new();
    for case in dirs {
        let report = diagnose(&Inputs {
            response: std::fs::read(case.join("response.txt")).unwrap(),
            alipay_public_key: key_file(&case, "alipay_public_key"),
            aes_key: key_file(&case, "aes_key"),
            now_unix_secs: Some(1_800_000_000),
        });
        let words = english_words(&rendered(&report));
        if !words.is_empty() {
            found.push(format!("{}: {words:?}", case.display()));
        }
    }
    assert!(found.is_empty(), "English prose in zh output: {found:#?}");
}

#[test]
fn every_scenario_reads_as_chinese() {
    let mut found = Vec::new();
    for scenario in scenarios::all() {
        let inputs = scenarios::build(scenario.id, &DEMO).unwrap();
        let report = diagnose(&inputs.to_inputs(None));
        let words = english_words(&rendered(&report));
        if !words.is_empty() {
            found.push(format!("{}: {words:?}", scenario.id));
        }
    }
    assert!(found.is_empty(), "English prose in zh output: {found:#?}");
}

#[test]
fn the_detector_finds_english_prose() {
    assert_eq!(
        english_words("公钥：SPKI public key，2048 位"),
        vec!["public".to_owned(), "key".to_owned()]
    );
    assert!(
        english_words("已用 AES-128-CBC 解密 `not json` (`sign_missing`) {\"msg\":\"Success\"}")
            .is_empty()
    );
}
