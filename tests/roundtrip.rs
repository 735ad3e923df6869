//! Round trips through the mock: every response `domain::mock::build_response` makes is verified
//! and decrypted by `domain::diagnose` to exactly the payload it was built from; any single flipped
//! byte of the ciphertext or the signature is caught; and every harmless or repaired transport form
//! of a response (README "What it tells you", rules 9 and 12) gives the same signature verdict and
//! the same payload as the clean response, with the category the rules name.
//!
//! The private keys come from a small pool read once (RSA keys are never generated per case).

#![expect(clippy::unwrap_used, reason = "test helpers panic on broken fixtures")]

use std::path::Path;
use std::sync::LazyLock;

use alipay_phone_doctor::domain::signature::HashAlg;
use alipay_phone_doctor::domain::{self, Inputs, Report, SignatureStatus, b64};
use alipay_phone_doctor::features::mock::{self, MockOptions};
use alipay_phone_doctor::features::scenarios::demo as demo_keys;
use proptest::prelude::*;
use serde_json::{Map, Value};

/// A signing key and its public half as bare base64 (the console's 支付宝公钥 format).
struct SigningKey {
    private: rsa::PrivateKey,
    public_base64: String,
}

/// Throwaway keys: two from `tests/fixtures/extra_keys/` (2048 and 1024 bits) and the demo key.
static KEYS: LazyLock<Vec<SigningKey>> = LazyLock::new(|| {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/extra_keys");
    let texts = [
        std::fs::read_to_string(dir.join("alipay_2048.pem")).unwrap(),
        std::fs::read_to_string(dir.join("alipay_1024.pem")).unwrap(),
        demo_keys::DEMO.alipay_private_key_pem.to_owned(),
    ];
    texts
        .iter()
        .map(|text| {
            let private = mock::parse_private_key(text).unwrap();
            let public_base64 = mock::public_key_base64(&private).unwrap();
            SigningKey {
                private,
                public_base64,
            }
        })
        .collect()
});

/// One generated response with everything needed to check it.
#[derive(Debug, Clone)]
struct Case {
    /// The business payload as built.
    payload: Value,
    /// The expected category of the clean response.
    category: String,
    /// Index into [`KEYS`].
    key: usize,
    /// The raw AES key (16, 24 or 32 bytes).
    aes_key: Vec<u8>,
    /// RSA2 or RSA.
    alg: HashAlg,
    /// `encrypt_type` and `charset` present.
    full_envelope: bool,
}

impl Case {
    fn key(&self) -> &'static SigningKey {
        KEYS.get(self.key).unwrap()
    }

    fn response(&self) -> String {
        let options = MockOptions {
            full_envelope: self.full_envelope,
            ..MockOptions::signed(self.alg)
        };
        mock::build_response(
            &self.payload.to_string(),
            &self.key().private,
            &self.aes_key,
            &options,
        )
        .unwrap()
    }

    fn diagnose(&self, response: impl Into<Vec<u8>>) -> Report {
        let mut inputs = Inputs::default();
        inputs.response = response.into();
        inputs.alipay_public_key = Some(self.key().public_base64.clone().into_bytes());
        inputs.aes_key = Some(b64::encode(&self.aes_key).into_bytes());
        domain::diagnose(&inputs)
    }
}

/// Random text of ASCII (quotes, backslashes and slashes included) and CJK characters.
fn message() -> impl Strategy<Value = String> {
    "[ -~\u{4e00}-\u{9fa5}]{0,24}"
}

fn success_payload() -> impl Strategy<Value = (Value, String)> {
    ("[0-9]{1,15}", any::<bool>()).prop_map(|(mobile, overseas)| {
        let mobile = if overseas {
            format!("1-{mobile}")
        } else {
            mobile
        };
        let payload = serde_json::json!({ "code": "10000", "msg": "Success", "mobile": mobile });
        (payload, "ok".to_owned())
    })
}

fn error_payload() -> impl Strategy<Value = (Value, String)> {
    let code = prop_oneof![
        prop::sample::select(vec!["20000", "40001", "40002", "40003", "40006"])
            .prop_map(str::to_owned),
        "[1-9][0-9]{4}".prop_filter("not success", |code| code != "10000"),
    ];
    (
        code,
        message(),
        proptest::option::of("[a-z]{1,8}\\.[a-z-]{1,20}"),
        proptest::option::of(message()),
    )
        .prop_map(|(code, msg, sub_code, sub_msg)| {
            let mut payload = Map::new();
            payload.insert("code".to_owned(), Value::String(code.clone()));
            payload.insert("msg".to_owned(), Value::String(msg));
            if let Some(sub_code) = sub_code {
                payload.insert("subCode".to_owned(), Value::String(sub_code));
            }
            if let Some(sub_msg) = sub_msg {
                payload.insert("subMsg".to_owned(), Value::String(sub_msg));
            }
            (Value::Object(payload), format!("alipay_error_{code}"))
        })
}

fn aes_key() -> impl Strategy<Value = Vec<u8>> {
    prop::sample::select(vec![16usize, 24, 32])
        .prop_flat_map(|len| prop::collection::vec(any::<u8>(), len))
}

fn alg() -> impl Strategy<Value = HashAlg> {
    prop::sample::select(vec![HashAlg::Sha256, HashAlg::Sha1])
}

fn case_with(payload: impl Strategy<Value = (Value, String)>) -> impl Strategy<Value = Case> {
    (payload, 0..KEYS.len(), aes_key(), alg(), any::<bool>()).prop_map(
        |((payload, category), key, aes_key, alg, full_envelope)| Case {
            payload,
            category,
            key,
            aes_key,
            alg,
            full_envelope,
        },
    )
}

fn any_case() -> impl Strategy<Value = Case> {
    case_with(prop_oneof![success_payload(), error_payload()])
}

/// Replaces the base64 value of `field` in `response` after flipping one byte of its decoding.
fn flip_byte(response: &str, field: &str, index: prop::sample::Index, mask: u8) -> String {
    let mut map: Map<String, Value> = serde_json::from_str(response).unwrap();
    let mut bytes = b64::decode(map.get(field).and_then(Value::as_str).unwrap()).unwrap();
    let at = index.index(bytes.len());
    *bytes.get_mut(at).unwrap() ^= mask;
    map.insert(field.to_owned(), Value::String(b64::encode(&bytes)));
    serde_json::to_string(&map).unwrap()
}

/// The transport forms of README "What it tells you": each with the category it must reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    PlusToSpace,
    DoubleJson,
    TripleJson,
    PercentEncoded,
    StringifiedRes,
    UtilInspect,
    UtilInspectMultiline,
    LogLine,
    PrettyPrinted,
    BomAndWhitespace,
    Reordered,
    PaddingLost,
    LineBreaks,
    PythonRepr,
    JavaMap,
    PhpPrintR,
    GoMap,
    RubyInspect,
    WrapperField,
    PlainPairs,
    RequestDump,
    CurlCommand,
}

/// The forms of the real-world family: lost padding, line breaks, printouts, wrappers, requests.
const REAL_WORLD_FORMS: &[Form] = &[
    Form::PaddingLost,
    Form::LineBreaks,
    Form::PythonRepr,
    Form::JavaMap,
    Form::PhpPrintR,
    Form::GoMap,
    Form::RubyInspect,
    Form::WrapperField,
    Form::PlainPairs,
    Form::RequestDump,
    Form::CurlCommand,
];

/// The forms a paste took before the real-world family.
const EARLIER_FORMS: &[Form] = &[
    Form::PlusToSpace,
    Form::DoubleJson,
    Form::TripleJson,
    Form::PercentEncoded,
    Form::StringifiedRes,
    Form::UtilInspect,
    Form::UtilInspectMultiline,
    Form::LogLine,
    Form::PrettyPrinted,
    Form::BomAndWhitespace,
    Form::Reordered,
];

/// Every form.
static FORMS: LazyLock<Vec<Form>> = LazyLock::new(|| [EARLIER_FORMS, REAL_WORLD_FORMS].concat());

/// Random choices the forms use: whitespace around the paste, a field order, a line width and
/// a line break.
#[derive(Debug, Clone)]
struct Noise {
    before: String,
    after: String,
    order: Vec<usize>,
    width: usize,
    crlf: bool,
}

fn noise() -> impl Strategy<Value = Noise> {
    (
        "[ \t\r\n]{0,6}",
        "[ \t\r\n]{0,6}",
        Just((0..6).collect::<Vec<usize>>()).prop_shuffle(),
        prop::sample::select(vec![64usize, 76, 80]),
        any::<bool>(),
    )
        .prop_map(|(before, after, order, width, crlf)| Noise {
            before,
            after,
            order,
            width,
            crlf,
        })
}

/// The fields of a JSON object whose values are all strings (a direct envelope), in order.
fn string_fields(text: &str) -> Option<Vec<(String, String)>> {
    let map: Map<String, Value> = serde_json::from_str(text).ok()?;
    let response = map.get("response")?.as_str()?;
    if response.trim_start().starts_with(['{', '"']) {
        return None;
    }
    map.into_iter()
        .map(|(name, value)| Some((name, value.as_str()?.to_owned())))
        .collect()
}

/// A direct envelope as a server language prints it once parsed.
fn printout(form: Form, text: &str) -> String {
    let fields = string_fields(text).unwrap();
    let pairs = |render: &dyn Fn(&str, &str) -> String, joiner: &str| {
        fields
            .iter()
            .map(|(name, value)| render(name, value))
            .collect::<Vec<_>>()
            .join(joiner)
    };
    match form {
        Form::PythonRepr => format!("{{{}}}", pairs(&|k, v| format!("'{k}': '{v}'"), ", ")),
        Form::JavaMap => format!("{{{}}}", pairs(&|k, v| format!("{k}={v}"), ", ")),
        Form::PhpPrintR => format!(
            "Array\n(\n{}\n)\n",
            pairs(&|k, v| format!("    [{k}] => {v}"), "\n")
        ),
        Form::GoMap => format!("map[{}]", pairs(&|k, v| format!("{k}:{v}"), " ")),
        Form::RubyInspect => format!("{{{}}}", pairs(&|k, v| format!("\"{k}\"=>\"{v}\""), ", ")),
        Form::PlainPairs => pairs(&|k, v| format!("{k}={v}"), "&"),
        _ => unreachable!("not a printout"),
    }
}

/// The whole text hard-wrapped at `width` columns, as a mail client or a terminal does.
fn hard_wrap(text: &str, noise: &Noise) -> String {
    let chars: Vec<char> = text.chars().collect();
    let lines: Vec<String> = chars
        .chunks(noise.width)
        .map(|chunk| chunk.iter().collect())
        .collect();
    lines.join(if noise.crlf { "\r\n" } else { "\n" })
}

/// The envelope with the `=` padding of `response` and `sign` cut off, as `split('=')` does.
fn strip_padding(text: &str) -> (String, bool) {
    let mut map: Map<String, Value> = serde_json::from_str(text).unwrap();
    let mut stripped = false;
    for field in ["response", "sign"] {
        if let Some(Value::String(value)) = map.get_mut(field) {
            let cut = value.trim_end_matches('=').to_owned();
            stripped |= cut.len() != value.len();
            *value = cut;
        }
    }
    (serde_json::to_string(&map).unwrap(), stripped)
}

fn json_string(text: &str) -> String {
    Value::String(text.to_owned()).to_string()
}

/// Applies `form` to a clean response; returns the text and the category README's rules give it.
fn apply(form: Form, clean: &str, noise: &Noise) -> (String, &'static str) {
    match form {
        Form::PlusToSpace => {
            let damaged = clean.replace('+', " ");
            let category = if damaged == clean {
                "ok"
            } else {
                "base64_plus_mangled"
            };
            (damaged, category)
        }
        Form::DoubleJson => (json_string(clean), "double_json_encoded"),
        Form::TripleJson => (json_string(&json_string(clean)), "double_json_encoded"),
        Form::PercentEncoded => (
            percent_encoding::utf8_percent_encode(clean, percent_encoding::NON_ALPHANUMERIC)
                .to_string(),
            "url_encoded_input",
        ),
        Form::StringifiedRes => (serde_json::json!({ "response": clean }).to_string(), "ok"),
        Form::UtilInspect => (format!("{{ response: '{clean}' }}"), "ok"),
        Form::UtilInspectMultiline => {
            // Node < 12 split long strings: `'abc' +\n    'def'`.
            let chars: Vec<char> = clean.chars().collect();
            let parts: Vec<String> = chars
                .chunks(60)
                .map(|chunk| chunk.iter().collect())
                .collect();
            (
                format!("{{ response:\n   '{}' }}", parts.join("' +\n    '")),
                "ok",
            )
        }
        Form::LogLine => (
            format!("2026-01-05 10:00:00 INFO res={{\"response\":\"{clean}\"}} done"),
            "ok",
        ),
        Form::PrettyPrinted => {
            let value: Value = serde_json::from_str(clean).unwrap();
            (serde_json::to_string_pretty(&value).unwrap(), "ok")
        }
        Form::BomAndWhitespace => (
            format!("\u{feff}{}{clean}{}", noise.before, noise.after),
            "ok",
        ),
        Form::Reordered => {
            let map: Map<String, Value> = serde_json::from_str(clean).unwrap();
            let fields: Vec<(String, Value)> = map.into_iter().collect();
            let mut reordered = Map::new();
            for index in &noise.order {
                if let Some((name, value)) = fields.get(*index) {
                    reordered.insert(name.clone(), value.clone());
                }
            }
            (serde_json::to_string(&reordered).unwrap(), "ok")
        }
        _ => apply_real_world(form, clean, noise),
    }
}

/// [`apply`] for the real-world forms: lost padding, line breaks, printouts, a wrapper field,
/// a form body, a request dump and a curl command.
fn apply_real_world(form: Form, clean: &str, noise: &Noise) -> (String, &'static str) {
    match form {
        Form::PaddingLost => {
            let (text, stripped) = strip_padding(clean);
            (
                text,
                if stripped {
                    "base64_padding_lost"
                } else {
                    "ok"
                },
            )
        }
        Form::LineBreaks => (hard_wrap(clean, noise), "base64_line_breaks"),
        Form::PythonRepr
        | Form::JavaMap
        | Form::PhpPrintR
        | Form::GoMap
        | Form::RubyInspect
        | Form::PlainPairs => (printout(form, clean), "ok"),
        Form::WrapperField => (
            serde_json::json!({ "appId": "2021000000000000", "encryptedData": clean }).to_string(),
            "ok",
        ),
        Form::RequestDump => (
            format!(
                "POST /api/phone HTTP/1.1\r\nHost: api.example.com\r\nContent-Type: application/json\r\n\r\n{clean}"
            ),
            "ok",
        ),
        Form::CurlCommand => (
            format!(
                "curl -X POST 'https://api.example.com/api/phone' \\\n  -H 'Content-Type: application/json' \\\n  -d '{}'",
                clean.replace('\'', "'\\''")
            ),
            "ok",
        ),
        _ => unreachable!("{form:?} is applied by apply"),
    }
}

/// README's category rules 9 and 12, in priority order, for the categories the forms reach.
const PRIORITY: &[&str] = &[
    "base64_plus_mangled",
    "base64_padding_lost",
    "base64_line_breaks",
    "url_encoded_input",
    "double_json_encoded",
    "ok",
];

fn priority(category: &str) -> usize {
    PRIORITY
        .iter()
        .position(|known| *known == category)
        .unwrap_or(PRIORITY.len())
}

/// Applies the forms one after another where the combination is one a developer can meet, and
/// returns the text, the forms applied and the category of the highest-priority rule among them.
/// `+` damage, pretty-printing and reordering happen to `res.response` itself (first only); JSON
/// wrappers wrap JSON text; log lines print an object as it is; `util.inspect` an object whose
/// text has no backslash, `'` or line break (the simple quoting here is Node's only then);
/// percent-encoding happens once and the BOM with whitespace comes last.
fn combine(forms: &[Form], clean: &str, noise: &Noise) -> (String, Vec<Form>, &'static str) {
    let mut text = clean.to_owned();
    let mut applied = Vec::new();
    let mut expected = "ok";
    for (step, form) in forms.iter().enumerate() {
        let parsed = serde_json::from_str::<Value>(&text);
        // A printout, a form or a request is the last thing that happens to the text.
        let presented = applied.iter().any(|done| {
            matches!(
                done,
                Form::PythonRepr
                    | Form::JavaMap
                    | Form::PhpPrintR
                    | Form::GoMap
                    | Form::RubyInspect
                    | Form::PlainPairs
                    | Form::RequestDump
                    | Form::CurlCommand
                    | Form::LineBreaks
            )
        });
        if presented && *form != Form::BomAndWhitespace {
            continue;
        }
        let allowed = match form {
            Form::PlusToSpace | Form::PrettyPrinted | Form::Reordered | Form::PaddingLost => {
                step == 0
            }
            // A printout shows a direct envelope; `+` damage survives every printout but the
            // form body (whose pairs cannot hold spaces) and Go's space-separated map.
            Form::PythonRepr | Form::JavaMap | Form::PhpPrintR | Form::RubyInspect => {
                string_fields(&text).is_some()
            }
            Form::GoMap | Form::PlainPairs => {
                string_fields(&text).is_some() && !applied.contains(&Form::PlusToSpace)
            }
            Form::WrapperField | Form::RequestDump | Form::LineBreaks => parsed.is_ok(),
            Form::CurlCommand => parsed.is_ok() && !text.contains('\n'),
            Form::DoubleJson | Form::TripleJson | Form::StringifiedRes => parsed.is_ok(),
            Form::UtilInspect | Form::UtilInspectMultiline => {
                parsed.is_ok_and(|value| value.is_object()) && !text.contains(['\\', '\'', '\n'])
            }
            Form::LogLine => parsed.is_ok_and(|value| value.is_object()),
            Form::PercentEncoded => !applied.contains(form),
            Form::BomAndWhitespace => step + 1 == forms.len(),
        };
        if !allowed {
            continue;
        }
        let (next, category) = apply(*form, &text, noise);
        if priority(category) < priority(expected) {
            expected = category;
        }
        text = next;
        applied.push(*form);
    }
    (text, applied, expected)
}

fn payload_of(report: &Report) -> Option<&Value> {
    report.payload.as_ref().map(|payload| &payload.json)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// build_response → diagnose: valid, the same payload, `ok` or `alipay_error_<code>`.
    #[test]
    fn mock_responses_verify_and_decrypt(case in any_case()) {
        let report = case.diagnose(case.response());
        prop_assert_eq!(report.signature.status, SignatureStatus::Valid);
        prop_assert_eq!(report.signature.algorithm, Some(case.alg.sign_type()));
        prop_assert_eq!(payload_of(&report), Some(&case.payload));
        prop_assert!(report.payload.as_ref().is_some_and(|payload| payload.trusted && !payload.plain));
        prop_assert_eq!(report.category.to_string(), case.category.clone());
    }

    /// One flipped byte of the decoded ciphertext or signature is never `ok` nor `valid`.
    #[test]
    fn a_flipped_byte_is_never_accepted(
        case in any_case(),
        in_sign in any::<bool>(),
        index in any::<prop::sample::Index>(),
        mask in 1u8..=255,
    ) {
        let field = if in_sign { "sign" } else { "response" };
        let report = case.diagnose(flip_byte(&case.response(), field, index, mask));
        prop_assert_ne!(report.signature.status, SignatureStatus::Valid);
        prop_assert_ne!(report.category.as_str(), "ok");
        prop_assert!(report.payload.as_ref().is_none_or(|payload| !payload.trusted));
    }

    /// A flipped byte stays caught through every repair and presentation of the real-world
    /// family: no printout, lost padding, line break, wrapper or request turns it into `ok`.
    #[test]
    fn a_flipped_byte_is_never_accepted_through_a_repair(
        case in any_case(),
        in_sign in any::<bool>(),
        index in any::<prop::sample::Index>(),
        mask in 1u8..=255,
        form in prop::sample::select(REAL_WORLD_FORMS.to_vec()),
        noise in noise(),
    ) {
        let field = if in_sign { "sign" } else { "response" };
        let flipped = flip_byte(&case.response(), field, index, mask);
        let (text, _) = apply(form, &flipped, &noise);
        let report = case.diagnose(text.as_str());
        prop_assert_ne!(report.signature.status, SignatureStatus::Valid, "{:?}: {}", form, text);
        prop_assert_ne!(report.category.as_str(), "ok", "{:?}: {}", form, text);
        prop_assert!(report.payload.as_ref().is_none_or(|payload| !payload.trusted));
    }

    /// The new repairs are idempotent: a clean response needs none of them (no finding), and a
    /// response damaged twice reads as one damaged once.
    #[test]
    fn new_repairs_are_idempotent(case in case_with(success_payload()), noise in noise()) {
        use domain::FindingCode;
        let clean = case.response();
        let reference = case.diagnose(clean.as_str());
        for code in [FindingCode::Base64PaddingLost, FindingCode::Base64LineBreaks] {
            prop_assert!(!reference.has(code), "{:?} on a clean response", code);
        }
        let (once, _) = apply(Form::PaddingLost, &clean, &noise);
        let (twice, _) = apply(Form::PaddingLost, &once, &noise);
        let (once, twice) = (case.diagnose(once.as_str()), case.diagnose(twice.as_str()));
        prop_assert_eq!(&once.category, &twice.category);
        prop_assert_eq!(payload_of(&once), payload_of(&twice));
        let wrapped = hard_wrap(&clean, &noise);
        let narrower = Noise { width: noise.width / 2, ..noise.clone() };
        let rewrapped = hard_wrap(&wrapped, &narrower);
        let (once, twice) = (case.diagnose(wrapped.as_str()), case.diagnose(rewrapped.as_str()));
        prop_assert_eq!(once.category.as_str(), "base64_line_breaks");
        prop_assert_eq!(&once.category, &twice.category);
        prop_assert_eq!(once.signature.status, SignatureStatus::Valid);
        prop_assert_eq!(payload_of(&once), payload_of(&twice));
    }

    /// Every transport form of a success response: the clean verdict and payload, and the
    /// category README's rules give the form.
    #[test]
    fn repairs_give_the_clean_verdict(case in case_with(success_payload()), noise in noise()) {
        let clean = case.response();
        let reference = case.diagnose(clean.as_str());
        prop_assert_eq!(reference.category.as_str(), "ok");
        prop_assert_eq!(reference.signature.status, SignatureStatus::Valid);
        prop_assert_eq!(payload_of(&reference), Some(&case.payload));
        for form in FORMS.iter() {
            let (text, category) = apply(*form, &clean, &noise);
            let report = case.diagnose(text.as_str());
            prop_assert_eq!(
                report.signature.status,
                reference.signature.status,
                "{:?}: {}",
                form,
                text
            );
            prop_assert_eq!(payload_of(&report), payload_of(&reference), "{:?}: {}", form, text);
            prop_assert_eq!(report.category.as_str(), category, "{:?}: {}", form, text);
        }
    }

    /// Transport forms stacked (up to five): still the clean verdict and payload, and the
    /// category of the highest-priority rule among the damaged forms.
    #[test]
    fn stacked_repairs_give_the_clean_verdict(
        case in case_with(success_payload()),
        noise in noise(),
        forms in prop::collection::vec(prop::sample::select(FORMS.to_vec()), 1..6),
    ) {
        let clean = case.response();
        let (text, applied, category) = combine(&forms, &clean, &noise);
        let report = case.diagnose(text.as_str());
        prop_assert_eq!(report.signature.status, SignatureStatus::Valid, "{:?}: {}", applied, text);
        prop_assert_eq!(payload_of(&report), Some(&case.payload), "{:?}: {}", applied, text);
        prop_assert_eq!(report.category.as_str(), category, "{:?}: {}", applied, text);
    }
}
