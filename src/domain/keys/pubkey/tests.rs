//! Unit tests of the public-key reader.
use super::*;

#[test]
fn converts_serials_to_decimal() {
    assert_eq!(decimal_from_be_bytes(&[0x00]), "0");
    assert_eq!(decimal_from_be_bytes(&[0x01, 0x00]), "256");
    assert_eq!(
        decimal_from_be_bytes(&[0xff; 17]),
        "87112285931760246646623899502532662132735"
    );
}

#[test]
fn refuses_private_key_pem_without_reading_it() {
    let mut findings = Vec::new();
    let outcome = parse(
        b"-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n",
        None,
        &mut findings,
    );
    assert!(matches!(outcome, PublicKeyOutcome::Private));
    assert_eq!(findings[0].code, FindingCode::PublicKeyIsPrivateKey);
}

/// A 1024-bit throwaway SPKI, for the armour tests.
const SPKI_1024: &str = "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQCqB6HEXablhbV88GHWzUN2SOtLJV8WjxKSSubhIN0HpXcdc5pu9q5oxMOOR2fKTqGj3YaPJZFLp0pU+FMUnP8zvQ8cY5IBwUTiwWqMi3MAU17Yeab7/xxNzgYDQVc0Sdptct8Dta42H1OXFQiihxEVqaEtAC62zq+ZLHKM9/+CkQIDAQAB";

fn loads(text: &str) -> (bool, Vec<FindingCode>) {
    let mut findings = Vec::new();
    let usable = matches!(
        parse(text.as_bytes(), None, &mut findings),
        PublicKeyOutcome::Usable(_)
    );
    (
        usable,
        findings.iter().map(|finding| finding.code).collect(),
    )
}

#[test]
fn reads_pem_whatever_the_line_breaks() {
    let lines: Vec<&str> = SPKI_1024
        .as_bytes()
        .chunks(64)
        .filter_map(|chunk| std::str::from_utf8(chunk).ok())
        .collect();
    let pem = format!(
        "-----BEGIN PUBLIC KEY-----\n{}\n-----END PUBLIC KEY-----\n",
        lines.join("\n")
    );
    assert_eq!(loads(&pem), (true, vec![FindingCode::PublicKeyLoaded]));
    let one_line = format!("-----BEGIN PUBLIC KEY-----{SPKI_1024}-----END PUBLIC KEY-----");
    assert_eq!(
        loads(&one_line),
        (
            true,
            vec![FindingCode::KeyNormalized, FindingCode::PublicKeyLoaded]
        )
    );
    let spaced = format!(
        "-----BEGIN PUBLIC KEY----- {} -----END PUBLIC KEY-----",
        lines.join(" ")
    );
    assert!(loads(&spaced).0);
    let four_dashes = format!("----BEGIN PUBLIC KEY----\n{SPKI_1024}\n----END PUBLIC KEY----");
    assert!(loads(&four_dashes).0);
    let no_end = format!("-----BEGIN PUBLIC KEY-----\n{SPKI_1024}\n");
    assert!(loads(&no_end).0);
    let private_one_line =
        format!("-----BEGIN RSA PRIVATE KEY-----{SPKI_1024}-----END RSA PRIVATE KEY-----");
    let mut findings = Vec::new();
    assert!(matches!(
        parse(private_one_line.as_bytes(), None, &mut findings),
        PublicKeyOutcome::Private
    ));
}

#[test]
fn strips_a_byte_order_mark() {
    assert_eq!(
        loads(&format!("\u{feff}{SPKI_1024}")),
        (
            true,
            vec![FindingCode::KeyNormalized, FindingCode::PublicKeyLoaded]
        )
    );
    let pem = format!("\u{feff}-----BEGIN PUBLIC KEY-----\n{SPKI_1024}\n-----END PUBLIC KEY-----");
    assert!(loads(&pem).0);
}

#[test]
fn recognises_swapped_aes_key() {
    let mut findings = Vec::new();
    let outcome = parse(b"m/PeLPvnlt9qff8XjFwp1g==", None, &mut findings);
    assert!(matches!(outcome, PublicKeyOutcome::Unusable));
    assert_eq!(findings[0].code, FindingCode::PublicKeyIsAesKey);
}

#[test]
fn empty_is_missing_and_garbage_is_unusable() {
    let mut findings = Vec::new();
    assert!(matches!(
        parse(b" \n", None, &mut findings),
        PublicKeyOutcome::Missing
    ));
    assert!(matches!(
        parse(b"not a key!", None, &mut findings),
        PublicKeyOutcome::Unusable
    ));
    assert_eq!(
        findings.last().unwrap().code,
        FindingCode::PublicKeyUnparsable
    );
}
