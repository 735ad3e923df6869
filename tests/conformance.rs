//! The conformance cases (`tests/fixtures/cases`, copied from `shared/cases`, the project's own
//! `tests/fixtures/extra_cases` and the real-world pastes and keys of
//! `tests/fixtures/real_world_cases`), graded exactly as `shared/tools/conformance.py` grades them:
//! signature status, decrypted (deep equality), category (or one of `category_alternatives`) and
//! exit code. Once through the built CLI, once through `domain::diagnose` directly.

#![expect(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test helpers panic on broken fixtures"
)]

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use alipay_phone_doctor::domain::{self, Inputs};
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_alipay-phone-doctor");
/// The checker's per-case time limit.
const TIMEOUT: Duration = Duration::from_secs(20);
/// Public cases in `shared/cases`; all of them must be present.
const PUBLIC_CASES: usize = 34;

struct Case {
    name: String,
    dir: PathBuf,
    expected: Value,
}

impl Case {
    fn response(&self) -> PathBuf {
        self.dir.join("response.txt")
    }

    /// `stem.txt`, `.pem` or `.crt`, in the checker's order.
    fn key_file(&self, stem: &str) -> Option<PathBuf> {
        ["txt", "pem", "crt"]
            .iter()
            .map(|ext| self.dir.join(format!("{stem}.{ext}")))
            .find(|path| path.exists())
    }

    fn categories(&self) -> Vec<&str> {
        let mut categories = vec![self.field("category").as_str().unwrap_or_default()];
        if let Some(Value::Array(alternatives)) = self.expected.get("category_alternatives") {
            categories.extend(alternatives.iter().filter_map(Value::as_str));
        }
        categories
    }

    /// A field of expected.json; `null` when absent, as Python's `dict.get` reads it.
    fn field(&self, name: &str) -> &Value {
        self.expected.get(name).unwrap_or(&Value::Null)
    }

    fn expected_signature(&self) -> &str {
        self.field("signature").as_str().unwrap_or_default()
    }

    fn expected_decrypted(&self) -> &Value {
        self.field("decrypted")
    }
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn load_cases(folder: &str) -> Vec<Case> {
    let root = fixtures().join(folder);
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|error| panic!("cannot list {}: {error}", root.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir())
        .collect();
    dirs.sort();
    dirs.into_iter()
        .map(|dir| {
            let name = dir.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(dir.join("expected.json"))
                .unwrap_or_else(|error| panic!("{name}: no expected.json: {error}"));
            let expected = serde_json::from_str(&text)
                .unwrap_or_else(|error| panic!("{name}: expected.json is not JSON: {error}"));
            Case {
                name,
                dir,
                expected,
            }
        })
        .collect()
}

fn all_cases() -> Vec<Case> {
    let public = load_cases("cases");
    assert_eq!(
        public.len(),
        PUBLIC_CASES,
        "tests/fixtures/cases must hold all public cases"
    );
    let extra = load_cases("extra_cases");
    assert!(
        extra.len() >= 30,
        "tests/fixtures/extra_cases holds only {} cases",
        extra.len()
    );
    let real_world = load_cases("real_world_cases");
    assert!(
        real_world.len() >= 80,
        "tests/fixtures/real_world_cases holds only {} cases",
        real_world.len()
    );
    public.into_iter().chain(extra).chain(real_world).collect()
}

struct Run {
    status: Option<i32>,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

/// Runs the command with piped output, killing it after `timeout`.
fn run_with_timeout(command: &mut Command, timeout: Duration) -> Result<Run, String> {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|error| format!("cannot start {BIN}: {error}"))?;
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        stdout.read_to_end(&mut bytes).map(|_| bytes)
    });
    let err_reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        stderr.read_to_end(&mut bytes).map(|_| bytes)
    });
    let deadline = Instant::now() + timeout;
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|error| error.to_string())? {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            return Err("timed out".to_owned());
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Ok(Run {
        status: status.code(),
        stdout: out_reader.join().unwrap().unwrap_or_default(),
        stderr: err_reader.join().unwrap().unwrap_or_default(),
    })
}

/// Grades one case through the CLI; returns the disagreements, as the checker words them.
fn grade_cli(case: &Case) -> Vec<String> {
    let mut command = Command::new(BIN);
    command
        .arg("check")
        .arg("--response")
        .arg(case.response())
        .args(["--format", "json"]);
    if let Some(key) = case.key_file("alipay_public_key") {
        command.arg("--alipay-public-key").arg(key);
    }
    if let Some(key) = case.key_file("aes_key") {
        command.arg("--aes-key").arg(key);
    }
    let run = match run_with_timeout(&mut command, TIMEOUT) {
        Ok(run) => run,
        Err(error) => return vec![error],
    };
    let code = run.status.unwrap_or(-1);
    if code != 0 && code != 1 {
        let stderr = String::from_utf8_lossy(&run.stderr);
        return vec![format!("exit {code}: {}", stderr.trim_end())];
    }
    let out: Value = match serde_json::from_slice(&run.stdout) {
        Ok(out) => out,
        Err(error) => return vec![format!("stdout is not JSON ({error})")],
    };
    let signature = match out.get("signature") {
        Some(Value::Object(object)) => object.get("status").cloned().unwrap_or(Value::Null),
        Some(other) => other.clone(),
        None => Value::Null,
    };
    let category = out.get("category").and_then(Value::as_str);
    let decrypted = out.get("decrypted").unwrap_or(&Value::Null);
    let mut problems = compare(
        case,
        signature.as_str(),
        decrypted,
        category.unwrap_or("<none>"),
    );
    let want_exit = if case.field("category") == "ok" { 0 } else { 1 };
    if code != want_exit && category.is_some_and(|category| case.categories().contains(&category)) {
        problems.push(format!("exit {code} != {want_exit}"));
    }
    problems
}

fn compare(case: &Case, signature: Option<&str>, decrypted: &Value, category: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if signature != Some(case.expected_signature()) {
        problems.push(format!(
            "signature {signature:?} != {:?}",
            case.expected_signature()
        ));
    }
    if decrypted != case.expected_decrypted() {
        problems.push(format!(
            "decrypted {decrypted} != {}",
            case.expected_decrypted()
        ));
    }
    let categories = case.categories();
    if !categories.contains(&category) {
        problems.push(format!("category {category:?} not in {categories:?}"));
    }
    problems
}

fn report_disagreements(kind: &str, cases: &[Case], grade: impl Fn(&Case) -> Vec<String>) {
    let disagreements: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            let problems = grade(case);
            (!problems.is_empty()).then(|| format!("{}: {}", case.name, problems.join("; ")))
        })
        .collect();
    assert!(
        disagreements.is_empty(),
        "{kind}: {} of {} cases disagree:\n{}",
        disagreements.len(),
        cases.len(),
        disagreements.join("\n")
    );
}

#[test]
fn every_case_agrees_through_the_cli() {
    report_disagreements("CLI", &all_cases(), grade_cli);
}

fn read_optional(path: Option<PathBuf>) -> Option<Vec<u8>> {
    path.map(|path| std::fs::read(&path).unwrap())
}

#[test]
fn every_case_agrees_through_the_library() {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()
        .map(|elapsed| elapsed.as_secs());
    report_disagreements("library", &all_cases(), |case| {
        let inputs = Inputs {
            response: std::fs::read(case.response()).unwrap(),
            alipay_public_key: read_optional(case.key_file("alipay_public_key")),
            aes_key: read_optional(case.key_file("aes_key")),
            now_unix_secs: now,
        };
        let report = domain::diagnose(&inputs);
        let decrypted = report
            .payload
            .as_ref()
            .map_or(Value::Null, |payload| payload.json.clone());
        compare(
            case,
            Some(report.signature.status.as_str()),
            &decrypted,
            &report.category.as_str(),
        )
    });
}

/// The project's own cases follow the public format, so the same checker reads them.
#[test]
fn extra_cases_are_well_formed() {
    let statuses = ["valid", "invalid", "missing", "not_checked"];
    let mut problems = Vec::new();
    for case in load_cases("extra_cases")
        .into_iter()
        .chain(load_cases("real_world_cases"))
    {
        if case.field("id").as_str() != Some(case.name.as_str()) {
            problems.push(format!(
                "{}: id {} differs from the folder",
                case.name,
                case.field("id")
            ));
        }
        if case.field("category").as_str().is_none_or(str::is_empty) {
            problems.push(format!("{}: no category", case.name));
        }
        if !statuses.contains(&case.expected_signature()) {
            problems.push(format!(
                "{}: bad signature {}",
                case.name,
                case.field("signature")
            ));
        }
        if !matches!(
            case.expected.get("decrypted"),
            Some(Value::Null | Value::Object(_))
        ) {
            problems.push(format!(
                "{}: decrypted must be an object or null",
                case.name
            ));
        }
        if !case.field("findings").is_array() {
            problems.push(format!("{}: findings must be a list", case.name));
        }
        if !case.response().is_file() {
            problems.push(format!("{}: no response.txt", case.name));
        }
        let public_keys = ["txt", "pem", "crt"]
            .iter()
            .filter(|ext| case.dir.join(format!("alipay_public_key.{ext}")).exists())
            .count();
        if public_keys > 1 {
            problems.push(format!("{}: {public_keys} public key files", case.name));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
