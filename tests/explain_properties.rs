//! `features::explain::explain` is total: any printed bytes with any response and any keys give
//! an explanation whose causes are unique, ordered (exact before likely) and each backed by
//! evidence that words in both languages. And the replays follow the rules, not the fixtures:
//! with fresh random keys and payloads, each wrong implementation's output, printed in several
//! ways, is named.

#![expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "test helpers panic on broken fixtures"
)]

use aes::cipher::block_padding::{NoPadding, Pkcs7};
use aes::cipher::{BlockCipherDecrypt as _, BlockModeDecrypt as _, BlockModeEncrypt as _};
use aes::cipher::{KeyInit as _, KeyIvInit as _};
use alipay_phone_doctor::features::explain::{
    CauseCode, Confidence, ExplainInputs, Explanation, explain,
};
use alipay_phone_doctor::i18n::Lang;
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use proptest::prelude::*;

const DEMO_PUBLIC_KEY: &str = include_str!("../assets/demo/demo_alipay_public_key.txt");

/// Pieces of real server output, so random text often reaches the rules and the replays.
fn fragment() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..64),
        Just(br#"{"code":"10000","#.to_vec()),
        Just(b"\"msg\":\"Success\",".to_vec()),
        Just(b"Invalid AES key length: ".to_vec()),
        Just(b"Bad signature length: got 249 but was expecting 256".to_vec()),
        Just(b"slice bounds out of range [:-".to_vec()),
        Just(b"Illegal base64 character 20".to_vec()),
        Just(b"b'\\x80\\t".to_vec()),
        Just(b"<Buffer 7b 22 ".to_vec()),
        Just(b"[123, 34, -1, 0, 1, 2, 3, 4]".to_vec()),
        Just(b"00000000: 7b22 636f 6465 223a 2231 3030 3030 222c  ".to_vec()),
        Just(b"Given final block not properly padded".to_vec()),
        Just(b"Malformed UTF-8 data\ndecrypted: \"\"".to_vec()),
        Just("无效的授权关系 鏃犳晥 æ— æ•ˆ".as_bytes().to_vec()),
        "[0-9a-f]{32,80}".prop_map(String::into_bytes),
        "[A-Za-z0-9+/]{24,90}={0,2}".prop_map(String::into_bytes),
        "[0-9]{1,5}".prop_map(String::into_bytes),
    ]
}

fn printed() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(fragment(), 0..12).prop_map(|pieces| pieces.concat())
}

/// A response: random bytes, or a real one made with `key` (and a random signature).
fn response(key: [u8; 16]) -> impl Strategy<Value = Option<Vec<u8>>> {
    let real = ("[0-9]{0,14}", prop::collection::vec(any::<u8>(), 1..300)).prop_map(
        move |(mobile, sign)| {
            let payload = format!(r#"{{"code":"10000","msg":"Success","mobile":"{mobile}"}}"#);
            let ciphertext = cbc::Encryptor::<aes::Aes128>::new_from_slices(&key, &[0; 16])
                .unwrap()
                .encrypt_padded_vec::<Pkcs7>(payload.as_bytes());
            let envelope = serde_json::json!({
                "response": STANDARD.encode(ciphertext),
                "sign": STANDARD.encode(sign),
                "sign_type": "RSA2",
            });
            Some(envelope.to_string().into_bytes())
        },
    );
    prop_oneof![
        Just(None),
        prop::collection::vec(any::<u8>(), 0..400).prop_map(Some),
        real,
    ]
}

fn aes_key(key: [u8; 16]) -> impl Strategy<Value = Option<Vec<u8>>> {
    prop_oneof![
        Just(None),
        Just(Some(STANDARD.encode(key).into_bytes())),
        Just(Some(format!("{}\n", STANDARD.encode(key)).into_bytes())),
        prop::collection::vec(any::<u8>(), 0..48).prop_map(Some),
    ]
}

fn public_key() -> impl Strategy<Value = Option<Vec<u8>>> {
    prop_oneof![
        Just(None),
        Just(Some(DEMO_PUBLIC_KEY.as_bytes().to_vec())),
        prop::collection::vec(any::<u8>(), 0..600).prop_map(Some),
    ]
}

/// The contract every explanation keeps.
fn check(explanation: &Explanation) -> Result<(), TestCaseError> {
    let codes: Vec<CauseCode> = explanation.causes.iter().map(|cause| cause.code).collect();
    let mut unique = codes.clone();
    unique.sort();
    unique.dedup();
    prop_assert_eq!(
        unique.len(),
        codes.len(),
        "a cause named twice: {:?}",
        codes
    );
    let first_likely = explanation
        .causes
        .iter()
        .position(|cause| cause.confidence == Confidence::Likely)
        .unwrap_or(explanation.causes.len());
    prop_assert!(
        explanation.causes[first_likely..]
            .iter()
            .all(|cause| cause.confidence == Confidence::Likely),
        "exact after likely"
    );
    for cause in &explanation.causes {
        prop_assert!(
            !cause.evidence.is_empty(),
            "{:?} without evidence",
            cause.code
        );
        for item in &cause.evidence {
            for lang in [Lang::Zh, Lang::En] {
                let sentence = alipay_phone_doctor::i18n::explain::evidence(item, lang);
                prop_assert!(
                    !sentence.is_empty() && !sentence.contains("{"),
                    "{}",
                    sentence
                );
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn explain_is_total(
        key in any::<[u8; 16]>(),
        printed in printed(),
        (response, aes_key, public_key) in any::<[u8; 16]>()
            .prop_flat_map(|key| (response(key), aes_key(key), public_key())),
    ) {
        let _ = key;
        let explanation = explain(&ExplainInputs {
            printed: &printed,
            response: response.as_deref(),
            alipay_public_key: public_key.as_deref(),
            aes_key: aes_key.as_deref(),
        });
        check(&explanation)?;
    }

    #[test]
    fn random_bytes_with_matching_keys_are_total(
        key in any::<[u8; 16]>(),
        printed in prop::collection::vec(any::<u8>(), 0..4096),
    ) {
        let response = serde_json::json!({
            "response": STANDARD.encode(
                cbc::Encryptor::<aes::Aes128>::new_from_slices(&key, &[0; 16])
                    .unwrap()
                    .encrypt_padded_vec::<Pkcs7>(br#"{"code":"10000","msg":"Success","mobile":"13800138000"}"#),
            ),
            "sign": "AAAA",
        })
        .to_string();
        let aes_key = STANDARD.encode(key);
        let explanation = explain(&ExplainInputs {
            printed: &printed,
            response: Some(response.as_bytes()),
            alipay_public_key: Some(DEMO_PUBLIC_KEY.as_bytes()),
            aes_key: Some(aes_key.as_bytes()),
        });
        check(&explanation)?;
    }

    #[test]
    fn each_wrong_decryption_is_named_with_fresh_keys(
        key in any::<[u8; 16]>(),
        mobile in "[0-9-]{0,14}",
        style in 0usize..5,
    ) {
        let payload = format!(r#"{{"code":"10000","msg":"Success","mobile":"{mobile}"}}"#);
        let ciphertext = cbc::Encryptor::<aes::Aes128>::new_from_slices(&key, &[0; 16])
            .unwrap()
            .encrypt_padded_vec::<Pkcs7>(payload.as_bytes());
        let key_text = STANDARD.encode(key);
        let response = serde_json::json!({ "response": STANDARD.encode(&ciphertext) }).to_string();
        let mut ecb = ciphertext.clone();
        let cipher = aes::Aes128::new_from_slice(&key).unwrap();
        for block in ecb.chunks_exact_mut(16) {
            let mut array = aes::Block::try_from(&*block).unwrap();
            cipher.decrypt_block(&mut array);
            block.copy_from_slice(&array);
        }
        let key_as_iv = cbc::Decryptor::<aes::Aes128>::new_from_slices(&key, &key)
            .unwrap()
            .decrypt_padded_vec::<Pkcs7>(&ciphertext)
            .unwrap();
        let padded = cbc::Decryptor::<aes::Aes128>::new_from_slices(&key, &[0; 16])
            .unwrap()
            .decrypt_padded_vec::<NoPadding>(&ciphertext)
            .unwrap();
        let encrypted = cbc::Encryptor::<aes::Aes128>::new_from_slices(&key, &[0; 16])
            .unwrap()
            .encrypt_padded_vec::<Pkcs7>(&ciphertext);
        let key_text_raw = cbc::Decryptor::<aes::Aes192>::new_from_slices(key_text.as_bytes(), &[0; 16])
            .unwrap()
            .decrypt_padded_vec::<NoPadding>(&ciphertext)
            .unwrap();
        let cases = [
            (CauseCode::AesEcbMode, ecb),
            (CauseCode::AesWrongIv, key_as_iv),
            (CauseCode::AesPaddingNotRemoved, padded),
            (CauseCode::AesEncryptInsteadOfDecrypt, encrypted),
            (CauseCode::AesKeyNotBase64Decoded, key_text_raw),
        ];
        for (code, output) in cases {
            let shown = match style {
                0 => output.iter().map(|byte| format!("{byte:02x}")).collect::<String>(),
                1 => STANDARD.encode(&output),
                2 => format!("{output:?}"),
                3 => String::from_utf8_lossy(&output).into_owned(),
                _ => format!(
                    "b'{}'",
                    output.iter().map(|byte| format!("\\x{byte:02x}")).collect::<String>()
                ),
            };
            let explanation = explain(&ExplainInputs {
                printed: format!("result: {shown}\n").as_bytes(),
                response: Some(response.as_bytes()),
                alipay_public_key: None,
                aes_key: Some(key_text.as_bytes()),
            });
            check(&explanation)?;
            let top = explanation.top().map(|cause| (cause.code, cause.confidence));
            prop_assert_eq!(top, Some((code, Confidence::Exact)), "style {}", style);
        }
    }
}
