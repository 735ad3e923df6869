//! The `check` command line as a user meets it: exit codes, error lines, standard input, empty
//! key files, mobile masking and colour.

#![expect(clippy::unwrap_used, reason = "test helpers panic on broken fixtures")]

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_alipay-phone-doctor");

fn case(name: &str, file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/cases")
        .join(name)
        .join(file)
}

fn p001(file: &str) -> PathBuf {
    case("p001_ok_success", file)
}

/// A command with a clean colour environment.
fn doctor() -> Command {
    let mut command = Command::new(BIN);
    for var in ["NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "TERM"] {
        command.env_remove(var);
    }
    command.stdin(Stdio::null());
    command
}

fn run(command: &mut Command) -> Output {
    command.output().unwrap()
}

/// `check` on p001 with both keys, plus `extra` arguments.
fn check_p001(extra: &[&str]) -> Output {
    run(doctor()
        .arg("check")
        .arg("--response")
        .arg(p001("response.txt"))
        .arg("--alipay-public-key")
        .arg(p001("alipay_public_key.txt"))
        .arg("--aes-key")
        .arg(p001("aes_key.txt"))
        .args(extra))
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap()
}

/// Exit 2, nothing on stdout, and exactly one stderr line that names `path`.
fn assert_single_error_line(output: &Output, path: &Path) {
    assert_eq!(output.status.code(), Some(2), "stderr: {}", stderr(output));
    assert!(output.stdout.is_empty(), "stdout: {}", stdout(output));
    let err = stderr(output);
    assert_eq!(
        err.lines().count(),
        1,
        "expected one stderr line, got {err:?}"
    );
    let shown = path.display().to_string();
    assert!(err.contains(&shown), "{err:?} does not name {shown}");
}

#[test]
fn a_missing_response_file_is_a_usage_error() {
    let missing = std::env::temp_dir().join("alipay-phone-doctor-no-such-file.txt");
    let output = run(doctor().arg("check").arg("--response").arg(&missing));
    assert_single_error_line(&output, &missing);
    assert!(stderr(&output).contains("--response"));
}

#[test]
fn a_missing_key_file_is_a_usage_error() {
    let missing = p001("no_such_key.pem");
    let output = run(doctor()
        .arg("check")
        .arg("--response")
        .arg(p001("response.txt"))
        .arg("--alipay-public-key")
        .arg(&missing));
    assert_single_error_line(&output, &missing);
    assert!(stderr(&output).contains("--alipay-public-key"));
}

#[test]
fn a_directory_as_aes_key_is_a_usage_error() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cases/p001_ok_success");
    let output = run(doctor()
        .arg("check")
        .arg("--response")
        .arg(p001("response.txt"))
        .arg("--aes-key")
        .arg(&dir));
    assert_single_error_line(&output, &dir);
    assert!(stderr(&output).contains("--aes-key"));
}

#[test]
fn a_missing_response_argument_is_a_clap_usage_error() {
    let output = run(doctor().arg("check").args(["--format", "json"]));
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let err = stderr(&output);
    assert!(err.contains("--response"), "{err}");
    assert!(err.contains("Usage"), "{err}");
}

#[test]
fn response_dash_reads_standard_input() {
    let mut child = doctor()
        .args([
            "check",
            "--response",
            "-",
            "--format",
            "json",
            "--lang",
            "en",
        ])
        .arg("--alipay-public-key")
        .arg(p001("alipay_public_key.txt"))
        .arg("--aes-key")
        .arg(p001("aes_key.txt"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let response = std::fs::read(p001("response.txt")).unwrap();
    child.stdin.take().unwrap().write_all(&response).unwrap();
    let piped = child.wait_with_output().unwrap();
    assert_eq!(piped.status.code(), Some(0), "stderr: {}", stderr(&piped));
    let from_file = check_p001(&["--format", "json", "--lang", "en"]);
    assert_eq!(json(&piped), json(&from_file));
    assert_eq!(json(&piped)["category"], "ok");
}

#[test]
fn an_empty_public_key_file_means_no_key() {
    let empty = case("p027_public_key_missing", "alipay_public_key.txt");
    assert_eq!(std::fs::metadata(&empty).unwrap().len(), 0);
    let output = run(doctor()
        .arg("check")
        .arg("--response")
        .arg(p001("response.txt"))
        .arg("--alipay-public-key")
        .arg(&empty)
        .arg("--aes-key")
        .arg(p001("aes_key.txt"))
        .args(["--format", "json"]));
    assert_eq!(output.status.code(), Some(1), "stderr: {}", stderr(&output));
    let report = json(&output);
    assert_eq!(report["category"], "public_key_missing");
    assert_eq!(report["signature"]["status"], "not_checked");
    assert_eq!(report["decrypted"]["mobile"], "15976719050");
}

#[test]
fn an_empty_aes_key_file_means_no_key() {
    let empty = case("p028_aes_key_missing", "aes_key.txt");
    assert_eq!(std::fs::metadata(&empty).unwrap().len(), 0);
    let output = run(doctor()
        .arg("check")
        .arg("--response")
        .arg(p001("response.txt"))
        .arg("--alipay-public-key")
        .arg(p001("alipay_public_key.txt"))
        .arg("--aes-key")
        .arg(&empty)
        .args(["--format", "json"]));
    assert_eq!(output.status.code(), Some(1), "stderr: {}", stderr(&output));
    let report = json(&output);
    assert_eq!(report["category"], "aes_key_missing");
    assert_eq!(report["signature"]["status"], "valid");
    assert_eq!(report["decrypted"], Value::Null);
}

#[test]
fn text_masks_the_mobile_unless_asked() {
    for lang in ["en", "zh"] {
        let masked = check_p001(&["--format", "text", "--lang", lang]);
        assert_eq!(masked.status.code(), Some(0));
        let text = stdout(&masked);
        assert!(text.contains("159****9050"), "{text}");
        assert!(!text.contains("15976719050"), "{text}");
        let shown = check_p001(&["--format", "text", "--lang", lang, "--show-mobile"]);
        let text = stdout(&shown);
        assert!(text.contains("15976719050"), "{text}");
        assert!(!text.contains("159****9050"), "{text}");
    }
}

#[test]
fn json_prints_the_full_mobile() {
    let output = check_p001(&["--format", "json"]);
    assert_eq!(output.status.code(), Some(0));
    let report = json(&output);
    assert_eq!(report["decrypted"]["mobile"], "15976719050");
    assert!(!stdout(&output).contains("159****9050"));
}

#[test]
fn exit_code_follows_the_category() {
    let ok = check_p001(&["--format", "json"]);
    assert_eq!(ok.status.code(), Some(0));
    let tampered = case("p012_tampered_ciphertext", "response.txt");
    let output = run(doctor()
        .arg("check")
        .arg("--response")
        .arg(tampered)
        .arg("--alipay-public-key")
        .arg(p001("alipay_public_key.txt"))
        .arg("--aes-key")
        .arg(p001("aes_key.txt"))
        .args(["--format", "text", "--lang", "en"]));
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("content_tampered"));
}

fn has_ansi(output: &Output) -> bool {
    output.stdout.contains(&0x1b)
}

#[test]
fn piped_output_and_no_color_have_no_ansi_escapes() {
    let args = ["--format", "text", "--lang", "en"];
    // Forcing colour shows escapes, so the checks below can see them.
    let forced = run(doctor()
        .env("CLICOLOR_FORCE", "1")
        .arg("check")
        .arg("--response")
        .arg(p001("response.txt"))
        .args(args));
    assert!(has_ansi(&forced), "CLICOLOR_FORCE=1 gave no colour");
    let piped = check_p001(&args);
    assert!(!has_ansi(&piped), "{}", stdout(&piped));
    let no_color = run(doctor()
        .env("NO_COLOR", "1")
        .env("CLICOLOR_FORCE", "1")
        .arg("check")
        .arg("--response")
        .arg(p001("response.txt"))
        .args(args));
    assert!(!has_ansi(&no_color), "{}", stdout(&no_color));
    assert_eq!(
        stdout(&no_color),
        stdout(&run(doctor()
            .arg("check")
            .arg("--response")
            .arg(p001("response.txt"))
            .args(args)))
    );
    for output in [&piped, &no_color] {
        assert!(!output.stderr.contains(&0x1b));
    }
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("apd-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Exit 2 and exactly one stderr line that names the file and says why.
fn assert_refused(output: &Output, file: &Path, why: &str) {
    assert_eq!(output.status.code(), Some(2), "{}", stderr(output));
    let message = stderr(output);
    assert_eq!(message.trim_end().lines().count(), 1, "{message}");
    assert!(message.contains(&file.display().to_string()), "{message}");
    assert!(message.contains(why), "{message}");
    assert!(output.stdout.is_empty());
}

#[test]
fn a_fifo_is_refused_instead_of_blocking() {
    let dir = scratch("fifo");
    let fifo = dir.join("key.fifo");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let output = run(doctor()
        .arg("check")
        .arg("--response")
        .arg(p001("response.txt"))
        .arg("--alipay-public-key")
        .arg(&fifo));
    assert_refused(&output, &fifo, "not a regular file");
}

#[test]
fn a_binary_aes_key_file_is_refused() {
    let dir = scratch("binary-aes");
    let key = dir.join("aes_key.bin");
    std::fs::write(&key, [0xff, 0xfe, 0x00, 0x80, 0x81]).unwrap();
    let output = run(doctor()
        .arg("check")
        .arg("--response")
        .arg(p001("response.txt"))
        .arg("--aes-key")
        .arg(&key));
    assert_refused(&output, &key, "is not text");
}

#[test]
fn a_binary_public_key_is_a_finding_not_an_error() {
    // A DER certificate is binary and legitimate; random bytes are reported, not refused.
    let dir = scratch("binary-pub");
    let key = dir.join("key.der");
    std::fs::write(&key, [0x30, 0x03, 0x02, 0x01, 0xff, 0x00]).unwrap();
    let output = run(doctor()
        .arg("check")
        .arg("--response")
        .arg(p001("response.txt"))
        .arg("--alipay-public-key")
        .arg(&key)
        .arg("--aes-key")
        .arg(p001("aes_key.txt"))
        .arg("--format")
        .arg("json"));
    assert_eq!(output.status.code(), Some(1));
    let report = json(&output);
    assert_eq!(report["category"], "public_key_missing");
    assert!(stdout(&output).contains("public_key_unparsable"));
}
