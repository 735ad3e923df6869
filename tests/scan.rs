//! `scan` on mixed files: its per-category counts, first line numbers and result codes equal
//! those of diagnosing each line on its own with `diagnose`, every category of the fixtures is
//! present, and the command line streams standard input without a progress bar when piped.

#![expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "test helpers panic on broken fixtures"
)]

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write as _;
use std::num::NonZeroUsize;
use std::path::Path;
use std::process::{Command, Stdio};

use alipay_phone_doctor::domain::{Inputs, PreparedKeys, diagnose};
use alipay_phone_doctor::features::scan::{
    FIRST_LINES, ScanOptions, Tally, field_value, scan_reader,
};

struct Case {
    response: Vec<u8>,
    keys: (Vec<u8>, Vec<u8>),
    categories: Vec<String>,
}

fn cases() -> Vec<Case> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cases");
    let mut dirs: Vec<_> = std::fs::read_dir(root)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir())
        .collect();
    dirs.sort();
    dirs.iter()
        .map(|dir| {
            let key = ["txt", "pem", "crt"]
                .iter()
                .map(|ext| dir.join(format!("alipay_public_key.{ext}")))
                .find(|path| path.exists())
                .unwrap();
            let expected: serde_json::Value =
                serde_json::from_slice(&std::fs::read(dir.join("expected.json")).unwrap()).unwrap();
            let mut categories = vec![expected["category"].as_str().unwrap().to_owned()];
            if let Some(alternatives) = expected
                .get("category_alternatives")
                .and_then(|value| value.as_array())
            {
                categories.extend(
                    alternatives
                        .iter()
                        .filter_map(|value| value.as_str().map(str::to_owned)),
                );
            }
            Case {
                response: std::fs::read(dir.join("response.txt")).unwrap(),
                keys: (
                    std::fs::read(key).unwrap(),
                    std::fs::read(dir.join("aes_key.txt")).unwrap(),
                ),
                categories,
            }
        })
        .collect()
}

/// Per category: the count and the first line numbers.
type Categories = BTreeMap<String, (u64, Vec<u64>)>;

/// What `scan` must report, computed line by line with `diagnose` (keys parsed on every call).
fn expected(
    lines: &[Vec<u8>],
    keys: &(Vec<u8>, Vec<u8>),
    field: Option<&str>,
) -> (Categories, BTreeMap<String, u64>, u64) {
    let (mut categories, mut codes, mut blank) = (Categories::new(), BTreeMap::new(), 0);
    for (index, line) in lines.iter().enumerate() {
        if line.iter().all(u8::is_ascii_whitespace) {
            blank += 1;
            continue;
        }
        let payload = match field {
            Some(name) => field_value(line, name),
            None => Some(line.clone()),
        };
        let category = match payload {
            Some(response) => {
                let report = diagnose(&Inputs {
                    response,
                    alipay_public_key: Some(keys.0.clone()),
                    aes_key: Some(keys.1.clone()),
                    now_unix_secs: None,
                });
                if let Some(code) = report
                    .payload
                    .as_ref()
                    .and_then(|payload| payload.json.get("code"))
                {
                    *codes
                        .entry(
                            code.as_str()
                                .map_or_else(|| code.to_string(), str::to_owned),
                        )
                        .or_insert(0) += 1;
                }
                report.category.to_string()
            }
            None => "field_missing".to_owned(),
        };
        let entry = categories.entry(category).or_default();
        entry.0 += 1;
        if entry.1.len() < FIRST_LINES {
            entry.1.push(index as u64 + 1);
        }
    }
    (categories, codes, blank)
}

fn scan(
    lines: &[Vec<u8>],
    keys: &(Vec<u8>, Vec<u8>),
    field: Option<&str>,
    threads: usize,
) -> Tally {
    let prepared = PreparedKeys::new(Some(&keys.0), Some(&keys.1), None);
    let mut text = lines.join(&b'\n');
    text.push(b'\n');
    let options = ScanOptions {
        field: field.map(str::to_owned),
        ..ScanOptions::new(NonZeroUsize::new(threads).unwrap())
    };
    scan_reader(text.as_slice(), &prepared, &options, &()).unwrap()
}

fn assert_same(
    lines: &[Vec<u8>],
    keys: &(Vec<u8>, Vec<u8>),
    field: Option<&str>,
    threads: usize,
) -> Tally {
    let tally = scan(lines, keys, field, threads);
    let (categories, codes, blank) = expected(lines, keys, field);
    let scanned: Categories = tally
        .categories
        .iter()
        .map(|(name, counted)| (name.clone(), (counted.count, counted.first_lines.clone())))
        .collect();
    assert_eq!(
        scanned, categories,
        "categories (field {field:?}, {threads} threads)"
    );
    assert_eq!(
        tally.result_codes, codes,
        "result codes (field {field:?}, {threads} threads)"
    );
    assert_eq!(tally.lines, lines.len() as u64);
    assert_eq!(tally.blank_lines, blank);
    assert_eq!(
        tally.payloads,
        tally
            .categories
            .values()
            .map(|counted| counted.count)
            .sum::<u64>()
    );
    tally
}

/// Each case three times, interleaved, with a blank line and a line that is no payload.
fn mixed(responses: &[Vec<u8>]) -> Vec<Vec<u8>> {
    let mut lines = Vec::new();
    for round in 0..3 {
        for index in 0..responses.len() {
            lines.push(responses[(index + round * 7) % responses.len()].clone());
        }
        lines.push(Vec::new());
        lines.push(b"2024-05-01 12:00:00 INFO nothing to see here".to_vec());
    }
    lines
}

#[test]
fn scan_counts_equal_single_diagnoses_for_every_fixture_category() {
    let cases = cases();
    let mut groups: BTreeMap<(Vec<u8>, Vec<u8>), Vec<&Case>> = BTreeMap::new();
    for case in &cases {
        groups.entry(case.keys.clone()).or_default().push(case);
    }
    let mut seen = BTreeSet::new();
    for (keys, group) in &groups {
        // Whole lines: line breaks inside a paste become spaces.
        let raw: Vec<Vec<u8>> = group
            .iter()
            .map(|case| {
                case.response
                    .iter()
                    .map(|byte| {
                        if matches!(byte, b'\n' | b'\r') {
                            b' '
                        } else {
                            *byte
                        }
                    })
                    .collect()
            })
            .collect();
        let lines = mixed(&raw);
        let one = assert_same(&lines, keys, None, 1);
        let two = assert_same(&lines, keys, None, 2);
        assert_eq!(one, two);
        seen.extend(two.categories.into_keys());
        // JSON lines: the paste as a string field, exactly as pasted; plus lines without it.
        let mut lines: Vec<Vec<u8>> = group
            .iter()
            .filter_map(|case| std::str::from_utf8(&case.response).ok())
            .enumerate()
            .map(|(index, text)| {
                serde_json::json!({ "seq": index, "res": text })
                    .to_string()
                    .into_bytes()
            })
            .collect();
        lines.push(br#"{"seq": "no res field"}"#.to_vec());
        let tally = assert_same(&mixed(&lines), keys, Some("res"), 2);
        assert!(tally.categories.contains_key("field_missing"));
        seen.extend(tally.categories.into_keys());
    }
    for case in &cases {
        assert!(
            case.categories
                .iter()
                .any(|category| seen.contains(category)),
            "no line diagnosed as {:?}; seen {seen:?}",
            case.categories
        );
    }
}

#[test]
fn an_object_field_is_diagnosed_as_its_exact_text() {
    let line = br#"{"ts": 1, "res": {"response":{"code":"40003"},"sign":"x"}}"#;
    assert_eq!(
        field_value(line, "res").unwrap(),
        br#"{"response":{"code":"40003"},"sign":"x"}"#.to_vec()
    );
    assert_eq!(
        field_value(br#"{"res": "a\"b"}"#, "res").unwrap(),
        br#"a"b"#.to_vec()
    );
    assert!(field_value(b"not json", "res").is_none());
    assert!(field_value(br#"{"other": 1}"#, "res").is_none());
}

#[test]
fn overlong_lines_are_counted_not_diagnosed() {
    let case = &cases()[0];
    let prepared = PreparedKeys::new(Some(&case.keys.0), Some(&case.keys.1), None);
    let mut text = case.response.clone();
    text.extend_from_slice(b"\r\n");
    text.extend(std::iter::repeat_n(b'x', 5000));
    text.extend_from_slice(b"\n\n");
    text.extend_from_slice(&case.response);
    let options = ScanOptions {
        max_line_bytes: 4096,
        ..ScanOptions::new(NonZeroUsize::MIN)
    };
    let tally = scan_reader(text.as_slice(), &prepared, &options, &()).unwrap();
    assert_eq!((tally.lines, tally.blank_lines, tally.payloads), (4, 1, 3));
    assert_eq!(tally.categories["line_too_long"].first_lines, vec![2]);
    assert_eq!(tally.categories["ok"].first_lines, vec![1, 4]);
}

#[test]
fn the_command_line_reads_standard_input_and_prints_a_json_summary() {
    let case = &cases()[0];
    let dir = std::env::temp_dir().join(format!("apd-scan-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("pub.txt"), &case.keys.0).unwrap();
    std::fs::write(dir.join("aes.txt"), &case.keys.1).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_alipay-phone-doctor"))
        .args(["scan", "--input", "-", "--format", "json", "--threads", "2"])
        .arg("--alipay-public-key")
        .arg(dir.join("pub.txt"))
        .arg("--aes-key")
        .arg(dir.join("aes.txt"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    for _ in 0..50 {
        stdin.write_all(&case.response).unwrap();
        stdin.write_all(b"\n").unwrap();
    }
    stdin.write_all(b"junk\n").unwrap();
    drop(stdin);
    let output = child.wait_with_output().unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(output.status.code(), Some(1), "not every line is ok");
    assert!(
        output.stderr.is_empty(),
        "no progress bar when piped: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let summary: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(summary["lines"], 51);
    assert_eq!(summary["categories"]["ok"]["count"], 50);
    assert_eq!(
        summary["categories"]["not_json"]["first_lines"],
        serde_json::json!([51])
    );
    assert_eq!(summary["result_codes"]["10000"], 50);
    assert_eq!(summary["threads"], 2);
}
