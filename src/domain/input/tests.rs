//! Unit tests of the paste reader.
use super::*;

fn codes(parsed: &Parsed) -> Vec<FindingCode> {
    parsed.findings.iter().map(|finding| finding.code).collect()
}

#[test]
fn reads_a_plain_envelope() {
    let parsed = parse(br#"{"response":"QUJDREVGR0hJSktMTU5PUA==","sign":"c2ln"}"#);
    let envelope = parsed.outcome.unwrap();
    assert_eq!(
        envelope.content,
        Content::Ciphertext("QUJDREVGR0hJSktMTU5PUA==".to_owned())
    );
    assert_eq!(envelope.sign.as_deref(), Some("c2ln"));
}

#[test]
fn empty_sign_is_missing() {
    let parsed = parse(br#"{"response":"QUJDREVGR0hJSktMTU5PUA==","sign":""}"#);
    assert_eq!(parsed.outcome.unwrap().sign, None);
}

#[test]
fn classifies_unusable_input() {
    assert_eq!(parse(b"  \n").outcome, Err(Unusable::Empty));
    assert_eq!(parse(&[0xff, 0xfe, 0x00]).outcome, Err(Unusable::Binary));
    assert_eq!(
        parse(br#"{"response":"abc"#).outcome,
        Err(Unusable::Truncated)
    );
    assert_eq!(parse(b"hello world").outcome, Err(Unusable::NotJson));
    assert_eq!(
        parse(br#"{"code":"10000","msg":"Success","mobile":"1"}"#).outcome,
        Err(Unusable::AlreadyDecrypted)
    );
}

#[test]
fn keeps_the_raw_plain_object_text() {
    let parsed = parse(br#"{"response":{"code":"10000", "msg":"OK\/x"},"sign":"c2ln"}"#);
    let Content::Plain { signed_text, .. } = parsed.outcome.unwrap().content else {
        panic!("expected plain content");
    };
    assert_eq!(signed_text, r#"{"code":"10000", "msg":"OK\/x"}"#);
}

#[test]
fn unwraps_double_encoding_and_res_objects() {
    let inner = r#"{"response":"QUJDREVGR0hJSktMTU5PUA==","sign":"c2ln"}"#;
    let double = serde_json::to_string(inner).unwrap();
    let parsed = parse(double.as_bytes());
    assert!(parsed.outcome.is_ok());
    assert_eq!(codes(&parsed), vec![FindingCode::DoubleJsonEncoded]);
    let res = serde_json::json!({ "response": inner }).to_string();
    let parsed = parse(res.as_bytes());
    assert!(parsed.outcome.is_ok());
    assert_eq!(codes(&parsed), vec![FindingCode::InputResObject]);
}

#[test]
fn unwraps_a_res_object_whose_response_was_stringified_again() {
    // JSON.stringify(res) after res.response = JSON.stringify(res.response).
    let inner = r#"{"response":"QUJDREVGR0hJSktMTU5PUA==","sign":"c2ln"}"#;
    let once = serde_json::to_string(inner).unwrap();
    let res = serde_json::json!({ "response": once }).to_string();
    let parsed = parse(res.as_bytes());
    let envelope = parsed.outcome.as_ref().unwrap();
    assert_eq!(
        envelope.content,
        Content::Ciphertext("QUJDREVGR0hJSktMTU5PUA==".to_owned())
    );
    assert_eq!(envelope.sign.as_deref(), Some("c2ln"));
    assert_eq!(
        codes(&parsed),
        vec![FindingCode::DoubleJsonEncoded, FindingCode::InputResObject]
    );
    // A quoted value that is not JSON text stays a (broken) ciphertext.
    let parsed = parse(br#"{"response":"\"QUJD\"","sign":"c2ln"}"#);
    assert!(matches!(
        parsed.outcome.unwrap().content,
        Content::Ciphertext(_)
    ));
}

#[test]
fn unwraps_a_res_object_whose_response_was_already_parsed() {
    // JSON.stringify(res) after res.response = JSON.parse(res.response).
    let text = r#"{"response":{"response":"QUJDREVGR0hJSktMTU5PUA==","sign":"c2ln"}}"#;
    let parsed = parse(text.as_bytes());
    let envelope = parsed.outcome.as_ref().unwrap();
    assert_eq!(
        envelope.content,
        Content::Ciphertext("QUJDREVGR0hJSktMTU5PUA==".to_owned())
    );
    assert_eq!(envelope.sign.as_deref(), Some("c2ln"));
    assert_eq!(codes(&parsed), vec![FindingCode::InputResObject]);
}

#[test]
fn repairs_spaces_and_reports_them() {
    let parsed = parse(br#"{"response":"QUJD REVGR0hJSktMTU5PUA==","sign":"c2 l"}"#);
    let envelope = parsed.outcome.unwrap();
    assert_eq!(
        envelope.content,
        Content::Ciphertext("QUJD+REVGR0hJSktMTU5PUA==".to_owned())
    );
    assert_eq!(envelope.sign.as_deref(), Some("c2+l"));
    let finding = &parsed.findings[0];
    assert_eq!(finding.code, FindingCode::Base64PlusMangled);
    assert_eq!(
        finding.param_token("fields").as_deref(),
        Some("response, sign")
    );
    assert_eq!(finding.param_token("count").as_deref(), Some("2"));
}

#[test]
fn restores_a_plus_turned_into_a_space_at_either_end() {
    // A ciphertext that begins with `+`, and one of 48 bytes (no padding) that ends with it.
    let parsed = parse(br#"{"response":" 0JDREVGR0hJSktMTU5PUA==","sign":"c2ln "}"#);
    let envelope = parsed.outcome.unwrap();
    assert_eq!(
        envelope.content,
        Content::Ciphertext("+0JDREVGR0hJSktMTU5PUA==".to_owned())
    );
    // Stray whitespace after the padding is not a `+`: "c2ln+" is not base64.
    assert_eq!(envelope.sign.as_deref(), Some("c2ln"));
    let finding = &parsed.findings[0];
    assert_eq!(finding.code, FindingCode::Base64PlusMangled);
    assert_eq!(finding.param_token("fields").as_deref(), Some("response"));
    assert_eq!(finding.param_token("count").as_deref(), Some("1"));
    let unpadded = format!("{}/", "A".repeat(62));
    let text = format!(r#"{{"response":"{unpadded} ","sign":"c2ln"}}"#);
    let parsed = parse(text.as_bytes());
    assert_eq!(
        parsed.outcome.unwrap().content,
        Content::Ciphertext(format!("{unpadded}+"))
    );
    // Whitespace around a value that is base64 as it stands is only trimmed.
    let parsed = parse(br#"{"response":"  QUJDREVGR0hJSktMTU5PUA== ","sign":"c2ln"}"#);
    assert_eq!(
        parsed.outcome.unwrap().content,
        Content::Ciphertext("QUJDREVGR0hJSktMTU5PUA==".to_owned())
    );
    assert!(parsed.findings.is_empty());
}

#[test]
fn extracts_from_console_output() {
    let text = r#"{ response: '{"response":"QUJDREVGR0hJSktMTU5PUA==","sign":"c2ln"}' }"#;
    let parsed = parse(text.as_bytes());
    assert!(parsed.outcome.is_ok());
    assert_eq!(codes(&parsed), vec![FindingCode::InputExtracted]);
}

#[test]
fn a_sentence_that_decodes_as_base64_is_not_a_ciphertext() {
    // "user+denied+auth+2024+ok" decodes to 18 bytes: not an AES-CBC ciphertext.
    let parsed = parse(b"user denied auth 2024 ok");
    assert_eq!(parsed.outcome, Err(Unusable::NotJson));
    assert_eq!(codes(&parsed), vec![FindingCode::NotJson]);
    // 20 base64 characters without padding problems, 15 bytes: not a ciphertext either.
    assert_eq!(
        parse(b"abcdefghijklmnop1234").outcome,
        Err(Unusable::NotJson)
    );
    // A real (space-damaged) bare ciphertext is still read, and its repair reported.
    let parsed = parse(
        b"igATcyTqqgv1AFpBiHJyVf94zn4d80DWhHrnUhty 8RANJYRclz7h18/tips8L5UTuMmNV7rHGCs h7uZSZZQQ==",
    );
    assert!(
        parsed
            .outcome
            .as_ref()
            .is_ok_and(|envelope| envelope.bare_ciphertext)
    );
    assert_eq!(
        codes(&parsed),
        vec![FindingCode::Base64PlusMangled, FindingCode::CiphertextOnly]
    );
}

#[test]
fn reads_a_front_end_result_printed_by_the_console() {
    let parsed = parse("{error: 4, errorMessage: '无权调用'}".as_bytes());
    assert_eq!(parsed.outcome, Err(Unusable::NotJson));
    assert_eq!(codes(&parsed), vec![FindingCode::FrontendNoPermission]);
    assert_eq!(
        parsed.findings[0].param_token("message").as_deref(),
        Some("无权调用")
    );
    let parsed = parse(b"{ detail: { type: 'getAuthorize', errorMessage: 'denied' } }\n");
    assert_eq!(codes(&parsed), vec![FindingCode::FrontendAuthFailed]);
    // Any other console object is still just not JSON.
    let parsed = parse(b"{ foo: 'bar' }");
    assert_eq!(codes(&parsed), vec![FindingCode::NotJson]);
}

#[test]
fn decodes_url_encoding() {
    let text =
        "%7B%22response%22%3A%22QUJDREVGR0hJSktMTU5PUA%3D%3D%22%2C%22sign%22%3A%22c2ln%2B%22%7D";
    let parsed = parse(text.as_bytes());
    assert_eq!(
        parsed.outcome.as_ref().unwrap().sign.as_deref(),
        Some("c2ln+")
    );
    assert_eq!(codes(&parsed), vec![FindingCode::UrlEncodedInput]);
}
