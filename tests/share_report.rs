//! The shareable report (Markdown and JSON): it masks the mobile and never holds key material,
//! the AES key, or the full ciphertext or signature. Asserted on the rendered text.

#![expect(clippy::unwrap_used, reason = "test helpers panic on broken fixtures")]

use std::path::Path;

use alipay_phone_doctor::domain::signature::HashAlg;
use alipay_phone_doctor::domain::{Inputs, diagnose};
use alipay_phone_doctor::features::checklist::Checklist;
use alipay_phone_doctor::features::mock::{self, MockOptions};
use alipay_phone_doctor::features::profiles::{ProfileKeys, match_profiles};
use alipay_phone_doctor::features::scenarios;
use alipay_phone_doctor::features::scenarios::demo::DEMO;
use alipay_phone_doctor::i18n::Lang;
use alipay_phone_doctor::render::json::{Detail, Extras, report_json};
use alipay_phone_doctor::render::markdown::render_markdown;

const MOBILE: &str = "15976719050";
const MASKED: &str = "159****9050";

/// Every secret or long value that must not appear: key bodies, the AES key, the ciphertext and
/// the signature (and 16-character pieces of the long ones).
fn forbidden(response: &str, public_key: &str, aes_key: &str) -> Vec<String> {
    let envelope: serde_json::Value = serde_json::from_str(response).unwrap();
    let mut long = vec![public_key.trim().to_owned()];
    long.extend(
        DEMO.alipay_private_key_pem
            .lines()
            .filter(|line| !line.starts_with("-----"))
            .map(str::to_owned),
    );
    for field in ["response", "sign"] {
        if let Some(text) = envelope.get(field).and_then(serde_json::Value::as_str) {
            long.push(text.to_owned());
        }
    }
    let mut pieces: Vec<String> = long
        .iter()
        .flat_map(|text| {
            text.as_bytes()
                .chunks(16)
                .filter(|chunk| chunk.len() == 16)
                .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
                .collect::<Vec<_>>()
        })
        .collect();
    pieces.extend(long);
    pieces.push(aes_key.trim().to_owned());
    pieces.push(MOBILE.to_owned());
    pieces
}

fn assert_clean(text: &str, forbidden: &[String]) {
    for secret in forbidden {
        assert!(
            !text.contains(secret.as_str()),
            "the report leaks {secret:?}"
        );
    }
}

#[test]
fn markdown_and_json_mask_the_mobile_and_hold_no_secrets() {
    let inputs = scenarios::build("success", &DEMO).unwrap();
    let report = diagnose(&inputs.to_inputs(None));
    assert_eq!(report.mobile(), Some(MOBILE));
    let secrets = forbidden(&inputs.response, DEMO.alipay_public_key, DEMO.aes_key);
    let checklist = Checklist::from_report(&report);
    let key = DEMO.alipay_public_key.as_bytes();
    let aes = DEMO.aes_key.as_bytes();
    let profiles = match_profiles(
        inputs.response.as_bytes(),
        &[ProfileKeys {
            name: "prod",
            alipay_public_key: Some(key),
            aes_key: Some(aes),
        }],
        None,
    );
    for lang in [Lang::Zh, Lang::En] {
        let markdown = render_markdown(&report, lang, Some(&checklist), Some(&profiles));
        assert!(markdown.contains(MASKED));
        assert!(
            markdown.contains("`ok`")
                && markdown.contains("signature_valid")
                && markdown.contains("result_success")
        );
        assert!(markdown.contains(&report.public_key.as_ref().unwrap().fingerprint_sha256));
        assert_clean(&markdown, &secrets);
        let json = report_json(
            &report,
            lang,
            Detail::Shareable,
            Extras {
                checklist: Some(&checklist),
                profiles: Some(&profiles),
                profile_used: None,
            },
        )
        .to_string();
        assert!(json.contains(MASKED));
        assert_clean(&json, &secrets);
    }
}

#[test]
fn every_scenario_report_is_clean() {
    for scenario in scenarios::all() {
        let inputs = scenarios::build(scenario.id, &DEMO).unwrap();
        let report = diagnose(&inputs.to_inputs(None));
        let once = if inputs.response.starts_with('"') {
            serde_json::from_str::<String>(&inputs.response).unwrap()
        } else {
            inputs.response.clone()
        };
        let mut secrets = forbidden(
            &once.replace(' ', "+"),
            DEMO.alipay_public_key,
            DEMO.aes_key,
        );
        secrets.push(String::from_utf8(inputs.aes_key.clone()).unwrap());
        secrets.push(String::from_utf8(inputs.public_key.clone()).unwrap());
        let markdown = render_markdown(
            &report,
            Lang::En,
            Some(&Checklist::from_report(&report)),
            None,
        );
        assert!(
            markdown.contains(&format!("`{}`", scenario.expected_category)),
            "{}",
            scenario.id
        );
        assert_clean(&markdown, &secrets);
        assert_clean(
            &report_json(&report, Lang::Zh, Detail::Shareable, Extras::default()).to_string(),
            &secrets,
        );
    }
}

#[test]
fn a_plain_payload_does_not_leak_the_mobile_through_the_signed_content() {
    let key = mock::parse_private_key(DEMO.alipay_private_key_pem).unwrap();
    let payload = format!(r#"{{"mobile":"{MOBILE}","code":"10000","msg":"Success"}}"#);
    let options = MockOptions {
        sign_with: Some(HashAlg::Sha256),
        ..MockOptions::plain()
    };
    let response = mock::build_response(&payload, &key, &[], &options).unwrap();
    let report = diagnose(&Inputs {
        response: response.into_bytes(),
        alipay_public_key: Some(DEMO.alipay_public_key.as_bytes().to_vec()),
        aes_key: None,
        now_unix_secs: None,
    });
    assert_eq!(report.category, "response_not_encrypted");
    let markdown = render_markdown(&report, Lang::Zh, None, None);
    assert!(markdown.contains(MASKED) && !markdown.contains(MOBILE));
    assert!(
        !report_json(&report, Lang::En, Detail::Shareable, Extras::default())
            .to_string()
            .contains(MOBILE)
    );
}

#[test]
fn certificate_details_are_described() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/cases/p025_key_x509_certificate");
    let key_file = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|entry| entry.path())
        .find(|path| {
            path.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("alipay_public_key")
        })
        .unwrap();
    let report = diagnose(&Inputs {
        response: std::fs::read(dir.join("response.txt")).unwrap(),
        alipay_public_key: Some(std::fs::read(key_file).unwrap()),
        aes_key: Some(std::fs::read(dir.join("aes_key.txt")).unwrap()),
        now_unix_secs: None,
    });
    let cert = report
        .public_key
        .as_ref()
        .unwrap()
        .certificate
        .as_ref()
        .unwrap();
    let markdown = render_markdown(&report, Lang::En, None, None);
    for fact in [
        &cert.subject,
        &cert.serial,
        &cert.alipay_cert_sn,
        &cert.not_after,
    ] {
        assert!(markdown.contains(fact.as_str()), "{fact}");
    }
    assert!(!markdown.contains("BEGIN CERTIFICATE"));
}

#[test]
fn the_command_line_prints_markdown() {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_alipay-phone-doctor"))
        .args([
            "check",
            "--format",
            "markdown",
            "--lang",
            "en",
            "--checklist",
            "--show-mobile",
            "--response",
        ])
        .arg(demo.join("demo_response.json"))
        .arg("--alipay-public-key")
        .arg(demo.join("demo_alipay_public_key.txt"))
        .arg("--aes-key")
        .arg(demo.join("demo_aes_key.txt"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("# ") && text.contains(MASKED) && !text.contains(MOBILE));
    assert!(text.contains("- [x]"));
}
