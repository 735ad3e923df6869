//! `domain::diagnose` is total: whatever is pasted or loaded, it returns a report whose verdict
//! respects the contract, and the harmless variations of README rule 12 never change a verdict.
//! Plus deterministic hostile inputs (huge, deeply nested, binary), each of which must come back
//! as a report.

#![expect(clippy::unwrap_used, reason = "test helpers panic on broken fixtures")]

use std::path::Path;

use alipay_phone_doctor::domain::{self, Inputs, Report, SignatureStatus};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

/// The fixed category vocabulary of `shared/cases/README.md`, besides `alipay_error_<code>`.
const CATEGORIES: &[&str] = &[
    "empty_input",
    "binary_input",
    "truncated_input",
    "not_json",
    "already_decrypted_payload",
    "public_key_is_private_key",
    "signature_key_mismatch",
    "content_tampered",
    "sign_type_mismatch",
    "aes_key_missing",
    "aes_key_invalid",
    "aes_key_mismatch",
    "aes_key_hex_encoded",
    "public_key_missing",
    "ciphertext_only",
    "sign_missing",
    "base64_plus_mangled",
    "base64_padding_lost",
    "base64_line_breaks",
    "url_encoded_input",
    "double_json_encoded",
    "response_not_encrypted",
    "mobile_empty",
    "ok",
];

/// Categories for input that cannot be read as a payload.
const UNUSABLE: &[&str] = &[
    "empty_input",
    "binary_input",
    "truncated_input",
    "not_json",
    "already_decrypted_payload",
];

fn case_file(case: &str, file: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/cases")
        .join(case)
        .join(file);
    std::fs::read(path).unwrap()
}

/// `p001_ok_success`: a valid, decryptable response and its keys.
struct Fixture {
    response: String,
    public_key: Vec<u8>,
    aes_key: Vec<u8>,
}

fn p001() -> Fixture {
    Fixture {
        response: String::from_utf8(case_file("p001_ok_success", "response.txt")).unwrap(),
        public_key: case_file("p001_ok_success", "alipay_public_key.txt"),
        aes_key: case_file("p001_ok_success", "aes_key.txt"),
    }
}

impl Fixture {
    fn inputs(&self, response: impl Into<Vec<u8>>) -> Inputs {
        Inputs {
            response: response.into(),
            alipay_public_key: Some(self.public_key.clone()),
            aes_key: Some(self.aes_key.clone()),
            now_unix_secs: None,
        }
    }

    /// The byte range of a JSON string value, e.g. of `"response":"…"`.
    fn value_range(&self, field: &str) -> std::ops::Range<usize> {
        let marker = format!("\"{field}\":\"");
        let start = self.response.find(&marker).unwrap() + marker.len();
        let len = self.response[start..].find('"').unwrap();
        start..start + len
    }
}

/// Diagnoses and checks the contract every report must keep, whatever the input.
fn diagnose_checked(inputs: &Inputs) -> Result<Report, TestCaseError> {
    let report = domain::diagnose(inputs);
    let category = report.category.to_string();
    let category = category.as_str();
    let known = CATEGORIES.contains(&category)
        || category.strip_prefix("alipay_error_").is_some_and(|code| {
            !code.is_empty()
                && code
                    .chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_')
        });
    prop_assert!(known, "category {category:?} is not in the vocabulary");
    if UNUSABLE.contains(&category) {
        prop_assert_eq!(report.signature.status, SignatureStatus::NotChecked);
        prop_assert!(report.payload.is_none(), "{category} with a payload");
    }
    if category == "public_key_is_private_key" {
        prop_assert_eq!(report.signature.status, SignatureStatus::NotChecked);
    }
    if let Some(payload) = &report.payload {
        prop_assert!(payload.json.is_object(), "payload is not an object");
        prop_assert_eq!(
            payload.trusted,
            report.signature.status == SignatureStatus::Valid
        );
    }
    if category == "ok" {
        prop_assert_eq!(report.signature.status, SignatureStatus::Valid);
        prop_assert!(
            report
                .payload
                .as_ref()
                .is_some_and(|payload| payload.trusted)
        );
    }
    Ok(report)
}

fn must_report(inputs: &Inputs) -> Report {
    diagnose_checked(inputs).unwrap()
}

/// Fragments that steer random text into the parser's interesting branches.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("{".to_owned()),
        Just("}".to_owned()),
        Just("[".to_owned()),
        Just("\"response\":".to_owned()),
        Just("\"sign\":".to_owned()),
        Just("\"sign_type\":\"RSA\"".to_owned()),
        Just("\"code\":\"10000\"".to_owned()),
        Just("\"mobile\":\"\"".to_owned()),
        Just("\"detail\":{\"type\":\"getAuthorize\"}".to_owned()),
        Just("\"error\":1".to_owned()),
        Just(",".to_owned()),
        Just("\"".to_owned()),
        Just("\\\"".to_owned()),
        Just("\\/".to_owned()),
        Just("'".to_owned()),
        Just("' +\n  '".to_owned()),
        Just("{ response: '".to_owned()),
        Just("%7B%22response%22%3A%22".to_owned()),
        Just("%2B".to_owned()),
        Just(" ".to_owned()),
        Just("\n".to_owned()),
        Just("\u{feff}".to_owned()),
        "[A-Za-z0-9+/]{0,48}={0,2}",
        "[0-9a-f]{32}",
        ".{0,8}",
    ]
}

fn structured_text() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..48).prop_map(|parts| parts.concat())
}

/// A public or AES key input: missing, bytes, text, PEM-like, or a damaged real key.
fn key_input(real: Vec<u8>) -> impl Strategy<Value = Option<Vec<u8>>> {
    let pem_like = ("[A-Z ]{0,20}", "[A-Za-z0-9+/=\\n ]{0,400}", any::<bool>()).prop_map(
        |(label, body, end)| {
            let mut text = format!("-----BEGIN {label}-----\n{body}");
            if end {
                text.push_str(&format!("\n-----END {label}-----\n"));
            }
            text.into_bytes()
        },
    );
    let damaged = (
        Just(real),
        any::<prop::sample::Index>(),
        any::<u8>(),
        0usize..3,
    )
        .prop_map(|(mut bytes, index, byte, kind)| {
            if !bytes.is_empty() {
                let at = index.index(bytes.len());
                match (kind, bytes.get_mut(at)) {
                    (0, Some(slot)) => *slot = byte,
                    (1, _) => bytes.truncate(at),
                    _ => bytes.insert(at, byte),
                }
            }
            bytes
        });
    prop_oneof![
        Just(None),
        prop::collection::vec(any::<u8>(), 0..600).prop_map(Some),
        ".{0,200}".prop_map(|text| Some(text.into_bytes())),
        pem_like.prop_map(Some),
        damaged.prop_map(Some),
    ]
}

/// The p001 response with random edits: replaced, deleted or inserted bytes.
fn damaged_response() -> impl Strategy<Value = Vec<u8>> {
    let edit = (any::<prop::sample::Index>(), any::<u8>(), 0usize..3);
    prop::collection::vec(edit, 1..6).prop_map(|edits| {
        let mut bytes = p001().response.into_bytes();
        for (index, byte, kind) in edits {
            let at = index.index(bytes.len().max(1));
            match (kind, bytes.get_mut(at)) {
                (0, Some(slot)) => *slot = byte,
                (1, Some(_)) => {
                    bytes.remove(at);
                }
                _ => bytes.insert(at.min(bytes.len()), byte),
            }
        }
        bytes
    })
}

fn any_response() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..1024),
        ".{0,512}".prop_map(String::into_bytes),
        structured_text().prop_map(String::into_bytes),
        damaged_response(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn diagnose_is_total(
        response in any_response(),
        public_key in key_input(p001().public_key),
        aes_key in key_input(p001().aes_key),
        now in proptest::option::of(any::<u64>()),
    ) {
        let inputs = Inputs { response, alipay_public_key: public_key, aes_key, now_unix_secs: now };
        let first = diagnose_checked(&inputs)?;
        // Pure: the same inputs give the same report.
        prop_assert_eq!(first, domain::diagnose(&inputs));
    }

    #[test]
    fn any_change_to_the_ciphertext_is_caught(index in any::<prop::sample::Index>(), replacement in "[A-Za-z0-9+/]") {
        let fixture = p001();
        let range = fixture.value_range("response");
        let at = range.start + index.index(range.len());
        let original = &fixture.response[at..=at];
        prop_assume!(original != replacement && original != "=");
        let mut response = fixture.response.clone();
        response.replace_range(at..=at, &replacement);
        let report = diagnose_checked(&fixture.inputs(response))?;
        prop_assert_eq!(report.signature.status, SignatureStatus::Invalid);
        prop_assert_eq!(report.category.as_str(), "content_tampered");
    }

    #[test]
    fn any_change_to_the_sign_is_caught(index in any::<prop::sample::Index>(), replacement in "[A-Za-z0-9+/]") {
        let fixture = p001();
        let range = fixture.value_range("sign");
        let at = range.start + index.index(range.len());
        let original = &fixture.response[at..=at];
        prop_assume!(original != replacement && original != "=");
        let mut response = fixture.response.clone();
        response.replace_range(at..=at, &replacement);
        let report = diagnose_checked(&fixture.inputs(response))?;
        prop_assert_eq!(report.signature.status, SignatureStatus::Invalid);
        prop_assert_eq!(report.category.as_str(), "signature_key_mismatch");
    }

    /// A changed character inside a server-language printout (Java `Map.toString()`, Python
    /// `repr`, PHP `print_r`) or with the padding cut off is caught like in the raw response:
    /// no printout reading or repair turns it into `ok`.
    #[test]
    fn any_change_inside_a_printout_is_caught(
        in_sign in any::<bool>(),
        index in any::<prop::sample::Index>(),
        replacement in "[A-Za-z0-9+/]",
        form in 0usize..4,
    ) {
        let fixture = p001();
        let field = if in_sign { "sign" } else { "response" };
        let range = fixture.value_range(field);
        let at = range.start + index.index(range.len());
        let original = &fixture.response[at..=at];
        prop_assume!(original != replacement && original != "=");
        let mut changed = fixture.response.clone();
        changed.replace_range(at..=at, &replacement);
        let map: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&changed).unwrap();
        let pairs: Vec<(String, String)> = map
            .iter()
            .map(|(name, value)| (name.clone(), value.as_str().unwrap_or_default().to_owned()))
            .collect();
        let join = |render: &dyn Fn(&(String, String)) -> String, sep: &str| {
            pairs.iter().map(render).collect::<Vec<_>>().join(sep)
        };
        let text = match form {
            0 => format!("{{{}}}", join(&|(k, v)| format!("{k}={v}"), ", ")),
            1 => format!("{{{}}}", join(&|(k, v)| format!("'{k}': '{v}'"), ", ")),
            2 => format!("Array\n(\n{}\n)\n", join(&|(k, v)| format!("    [{k}] => {v}"), "\n")),
            _ => changed.replace("==\"", "\""),
        };
        let report = diagnose_checked(&fixture.inputs(text.clone()))?;
        prop_assert_eq!(report.signature.status, SignatureStatus::Invalid, "{}", text);
        let expected = if in_sign { "signature_key_mismatch" } else { "content_tampered" };
        prop_assert_eq!(report.category.as_str(), expected, "{}", text);
    }

    /// README rule 12: whitespace padding is harmless.
    #[test]
    fn whitespace_padding_is_harmless(before in "[ \t\r\n]{0,64}", after in "[ \t\r\n]{0,64}") {
        let fixture = p001();
        let report = diagnose_checked(&fixture.inputs(format!("{before}{}{after}", fixture.response)))?;
        prop_assert_eq!(report.category.as_str(), "ok");
        prop_assert_eq!(report.mobile(), Some("15976719050"));
    }

    /// README rule 12: PEM with any line width, CRLF, spaces or literal `\n` for line breaks,
    /// quotes and a byte-order mark is still the same key.
    #[test]
    fn public_key_layout_is_harmless(
        width in 1usize..120,
        separator in prop::sample::select(vec!["\n", "\r\n", " ", "\\n", ""]),
        armour in any::<bool>(),
        quote in prop::sample::select(vec!["", "\"", "'"]),
        bom in any::<bool>(),
    ) {
        let fixture = p001();
        let body = String::from_utf8(fixture.public_key.clone()).unwrap();
        let chars: Vec<char> = body.trim().chars().collect();
        let lines: Vec<String> = chars.chunks(width).map(|chunk| chunk.iter().collect()).collect();
        let mut text = lines.join(separator);
        if armour {
            text = format!("-----BEGIN PUBLIC KEY-----{separator}{text}{separator}-----END PUBLIC KEY-----{separator}");
        }
        text = format!("{}{quote}{text}{quote}", if bom { "\u{feff}" } else { "" });
        let mut inputs = fixture.inputs(fixture.response.clone());
        inputs.alipay_public_key = Some(text.into_bytes());
        let report = diagnose_checked(&inputs)?;
        prop_assert_eq!(report.category.as_str(), "ok");
    }

    /// README rule 12: quotes, whitespace, CRLF and literal `\n` around the AES key are harmless.
    #[test]
    fn aes_key_wrapping_is_harmless(
        before in "[ \t\r\n]{0,8}",
        after in "[ \t\r\n]{0,8}",
        quote in prop::sample::select(vec!["", "\"", "'"]),
        literal_newline in any::<bool>(),
    ) {
        let fixture = p001();
        let key = String::from_utf8(fixture.aes_key.clone()).unwrap();
        let newline = if literal_newline { "\\n" } else { "" };
        let text = format!("{before}{quote}{}{quote}{newline}{after}", key.trim());
        let mut inputs = fixture.inputs(fixture.response.clone());
        inputs.aes_key = Some(text.into_bytes());
        let report = diagnose_checked(&inputs)?;
        prop_assert_eq!(report.category.as_str(), "ok");
    }
}

/// xorshift64*: deterministic filler for the hostile inputs.
struct Noise(u64);

impl Noise {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn bytes(&mut self, len: usize) -> Vec<u8> {
        (0..len).map(|_| self.next().to_le_bytes()[0]).collect()
    }

    fn base64(&mut self, bytes: usize) -> String {
        use base64::Engine as _;
        base64::engine::general_purpose::STANDARD.encode(self.bytes(bytes))
    }
}

const MIB: usize = 1024 * 1024;

fn no_keys(response: impl Into<Vec<u8>>) -> Inputs {
    Inputs {
        response: response.into(),
        alipay_public_key: None,
        aes_key: None,
        now_unix_secs: None,
    }
}

#[test]
fn four_mib_of_random_bytes() {
    let mut noise = Noise(0x9e37_79b9_7f4a_7c15);
    let bytes = noise.bytes(4 * MIB);
    let report = must_report(&p001().inputs(bytes.clone()));
    assert_eq!(report.category, "binary_input");
    must_report(&no_keys(bytes));
    // The same amount of printable text goes through the JSON and extraction paths instead.
    let text: Vec<u8> = noise
        .bytes(4 * MIB)
        .into_iter()
        .map(|byte| b' ' + byte % 95)
        .collect();
    let report = must_report(&p001().inputs(text));
    assert!(
        UNUSABLE.contains(&&*report.category.as_str()),
        "{}",
        report.category
    );
}

#[test]
fn deeply_nested_arrays() {
    let depth = 200_000;
    let open = "[".repeat(depth);
    let report = must_report(&p001().inputs(open.clone()));
    assert!(
        UNUSABLE.contains(&&*report.category.as_str()),
        "{}",
        report.category
    );
    let closed = format!("{open}{}", "]".repeat(depth));
    let report = must_report(&p001().inputs(closed));
    assert_eq!(report.category, "not_json");
}

#[test]
fn deeply_nested_response_objects() {
    let depth = 200_000;
    let open = "{\"response\":".repeat(depth);
    let report = must_report(&p001().inputs(open.clone()));
    assert!(
        UNUSABLE.contains(&&*report.category.as_str()),
        "{}",
        report.category
    );
    let closed = format!("{open}\"QUJDREVGR0hJSktMTU5PUA==\"{}", "}".repeat(depth));
    let report = must_report(&p001().inputs(closed));
    assert!(
        UNUSABLE.contains(&&*report.category.as_str()),
        "{}",
        report.category
    );
    // Nesting inside strings: each layer a JSON-encoded res object (escapes double per layer).
    let mut nested = p001().response;
    for _ in 0..14 {
        nested = serde_json::json!({ "response": nested }).to_string();
    }
    must_report(&p001().inputs(nested));
}

#[test]
fn two_mib_base64_as_response_and_as_sign() {
    let mut noise = Noise(7);
    // 1.5 MiB of bytes is 2 MiB of base64, a whole number of AES blocks.
    let huge = noise.base64(3 * MIB / 2);
    assert_eq!(huge.len(), 2 * MIB);
    let envelope = format!("{{\"response\":\"{huge}\",\"sign\":\"{huge}\"}}");
    let report = must_report(&p001().inputs(envelope.clone()));
    assert_eq!(report.signature.status, SignatureStatus::Invalid);
    assert_eq!(report.category, "signature_key_mismatch");
    must_report(&no_keys(envelope));
    let report = must_report(&p001().inputs(huge.clone()));
    assert_eq!(report.category, "aes_key_mismatch");
    let report = must_report(&no_keys(huge));
    assert_eq!(report.category, "aes_key_missing");
    // A 2 MiB sign on the real content.
    let fixture = p001();
    let range = fixture.value_range("sign");
    let mut response = fixture.response.clone();
    response.replace_range(range, &noise.base64(3 * MIB / 2));
    let report = must_report(&fixture.inputs(response));
    assert_eq!(report.category, "signature_key_mismatch");
}

#[test]
fn binary_key_files() {
    let mut noise = Noise(42);
    let fixture = p001();
    for len in [1, 16, 294, 4096, 64 * 1024] {
        let mut key = noise.bytes(len);
        // A DER-looking start, so the key readers get past the first byte.
        key[0] = 0x30;
        let inputs = with_keys(
            fixture.inputs(fixture.response.clone()),
            Some(key.clone()),
            Some(key),
        );
        let report = must_report(&inputs);
        assert_eq!(report.signature.status, SignatureStatus::NotChecked);
        assert!(report.payload.is_none());
        assert_eq!(report.category, "aes_key_invalid", "{len} bytes");
    }
}

#[test]
fn one_mib_key_files_of_base64_garbage() {
    let mut noise = Noise(1234);
    let fixture = p001();
    let garbage = noise.base64(3 * MIB / 4);
    assert_eq!(garbage.len(), MIB);
    let public_only = with_keys(
        fixture.inputs(fixture.response.clone()),
        Some(garbage.clone().into_bytes()),
        fixture.inputs(Vec::new()).aes_key.clone(),
    );
    let report = must_report(&public_only);
    assert_eq!(report.signature.status, SignatureStatus::NotChecked);
    assert_eq!(report.category, "public_key_missing");
    let aes_only = with_keys(
        fixture.inputs(fixture.response.clone()),
        fixture.inputs(Vec::new()).alipay_public_key.clone(),
        Some(garbage.clone().into_bytes()),
    );
    let report = must_report(&aes_only);
    assert_eq!(report.signature.status, SignatureStatus::Valid);
    assert_eq!(report.category, "aes_key_invalid");
    let pem = format!("-----BEGIN CERTIFICATE-----\n{garbage}\n-----END CERTIFICATE-----\n");
    must_report(&with_keys(
        fixture.inputs(fixture.response.clone()),
        Some(pem.into_bytes()),
        Some(garbage.into_bytes()),
    ));
}

/// The fixture's inputs with the given keys in place of its own.
fn with_keys(
    mut inputs: Inputs,
    alipay_public_key: Option<Vec<u8>>,
    aes_key: Option<Vec<u8>>,
) -> Inputs {
    inputs.alipay_public_key = alipay_public_key;
    inputs.aes_key = aes_key;
    inputs
}
