//! Unit tests of the public-key reader.
use super::*;
use crate::domain::terms::CertChoice;

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

/// Whether the text loads, with the file's findings and those of the key used by default.
fn loads(text: &str) -> (bool, Vec<FindingCode>) {
    let mut findings = Vec::new();
    let outcome = parse(text.as_bytes(), None, &mut findings);
    if let PublicKeyOutcome::Usable(set) = &outcome {
        findings.extend(set.primary().findings.iter().cloned());
    }
    (
        matches!(outcome, PublicKeyOutcome::Usable(_)),
        findings.iter().map(|finding| finding.code).collect(),
    )
}

const LEAF: &str = include_str!("../../../../tests/fixtures/real_world_keys/leaf_a.crt");
const LEAF_B: &str = include_str!("../../../../tests/fixtures/real_world_keys/leaf_b.crt");
const CA: &str = include_str!("../../../../tests/fixtures/real_world_keys/issuing_ca.crt");
const ROOT: &str = include_str!("../../../../tests/fixtures/real_world_keys/root_one.crt");
const ROOT_TWO: &str = include_str!("../../../../tests/fixtures/real_world_keys/root_two.crt");

fn key_set(text: &str) -> Box<KeySet> {
    match parse(text.as_bytes(), None, &mut Vec::new()) {
        PublicKeyOutcome::Usable(set) => set,
        _ => panic!("not usable"),
    }
}

fn subject(key: &LoadedKey) -> String {
    key.description
        .certificate
        .as_ref()
        .unwrap()
        .subject
        .clone()
}

#[test]
fn a_bundle_in_any_order_uses_its_end_entity_certificate() {
    for bundle in [
        format!("{LEAF}{CA}{ROOT}"),
        format!("{ROOT}{CA}{LEAF}"),
        format!("{CA}\nsubject=x\n{ROOT}\n\n{LEAF}"),
    ] {
        let set = key_set(&bundle);
        assert_eq!(set.len(), 3);
        assert_eq!(set.primary().role, Some(CertRole::EndEntity));
        assert_eq!(subject(set.primary()), subject(key_set(LEAF).primary()));
        let chosen = set.choose(None);
        assert_eq!(chosen.reason, Some(CertChoice::EndEntity));
        assert!(!set.only_ca());
    }
}

#[test]
fn the_response_cert_sn_picks_its_certificate() {
    let set = key_set(&format!("{LEAF}{LEAF_B}{CA}"));
    let second = key_set(LEAF_B);
    let sn = second
        .primary()
        .description
        .certificate
        .as_ref()
        .unwrap()
        .alipay_cert_sn
        .clone();
    let chosen = set.choose(Some(&sn));
    assert_eq!(chosen.reason, Some(CertChoice::MatchesCertSn));
    assert_eq!(chosen.index, 1);
    assert_eq!(subject(chosen.key), subject(second.primary()));
    // An SN that names nothing in the file falls back to the end-entity certificate.
    assert_eq!(set.choose(Some("0000")).index, 0);
}

#[test]
fn ca_certificates_are_known_by_their_structure() {
    assert_eq!(key_set(ROOT).primary().role, Some(CertRole::Root));
    assert_eq!(key_set(CA).primary().role, Some(CertRole::Intermediate));
    let roots = key_set(&format!("{ROOT}{ROOT_TWO}"));
    assert!(roots.several_roots() && roots.only_ca());
    assert_eq!(
        roots.choose(None).reason,
        Some(CertChoice::FirstCertificate)
    );
    assert!(!key_set(&format!("{ROOT}{CA}")).several_roots());
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
