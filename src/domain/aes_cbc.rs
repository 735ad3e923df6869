//! Alipay's content encryption: AES-CBC, IV of 16 zero bytes, PKCS#7 padding (validated),
//! UTF-8 JSON plaintext.

use aes::cipher::block_padding::Pkcs7;
use aes::cipher::{BlockModeDecrypt as _, BlockModeEncrypt as _, KeyIvInit as _};
use serde_json::Value;
use zeroize::Zeroizing;

use super::error::DecryptError;

const ZERO_IV: [u8; 16] = [0; 16];

/// A decrypted business object and the AES key size used.
#[derive(Debug, Clone, PartialEq)]
pub struct Decrypted {
    /// The plaintext JSON object.
    pub json: Value,
    /// 128, 192 or 256.
    pub bits: usize,
}

/// Decodes the base64 ciphertext, decrypts and parses it.
pub fn decrypt(ciphertext_b64: &str, key: &[u8]) -> Result<Decrypted, DecryptError> {
    let ciphertext =
        super::b64::decode(ciphertext_b64).map_err(|_| DecryptError::CiphertextBase64)?;
    let plaintext = decrypt_bytes(&ciphertext, key)?;
    let json = json_object(&plaintext)?;
    Ok(Decrypted {
        json,
        bits: key.len() * 8,
    })
}

/// True when the plaintext past the first block is a JSON object's tail: the payload carries
/// its IV in front (`AES_V2`-style) or was encrypted with a non-zero IV.
pub fn only_first_block_garbled(ciphertext_b64: &str, key: &[u8]) -> bool {
    let Ok(ciphertext) = super::b64::decode(ciphertext_b64) else {
        return false;
    };
    let Some(rest) = ciphertext.get(16..).filter(|rest| !rest.is_empty()) else {
        return false;
    };
    let Some(iv) = ciphertext.get(..16) else {
        return false;
    };
    decrypt_with_iv(rest, key, iv).is_ok_and(|plain| json_object(&plain).is_ok())
}

/// Decrypts raw bytes with the zero IV and removes validated PKCS#7 padding.
pub fn decrypt_bytes(ciphertext: &[u8], key: &[u8]) -> Result<Zeroizing<Vec<u8>>, DecryptError> {
    decrypt_with_iv(ciphertext, key, &ZERO_IV)
}

fn decrypt_with_iv(
    ciphertext: &[u8],
    key: &[u8],
    iv: &[u8],
) -> Result<Zeroizing<Vec<u8>>, DecryptError> {
    if ciphertext.is_empty() || !ciphertext.len().is_multiple_of(16) {
        return Err(DecryptError::CiphertextLength {
            bytes: ciphertext.len(),
        });
    }
    let result = match key.len() {
        16 => cbc::Decryptor::<aes::Aes128>::new_from_slices(key, iv)
            .map(|cipher| cipher.decrypt_padded_vec::<Pkcs7>(ciphertext)),
        24 => cbc::Decryptor::<aes::Aes192>::new_from_slices(key, iv)
            .map(|cipher| cipher.decrypt_padded_vec::<Pkcs7>(ciphertext)),
        32 => cbc::Decryptor::<aes::Aes256>::new_from_slices(key, iv)
            .map(|cipher| cipher.decrypt_padded_vec::<Pkcs7>(ciphertext)),
        _ => return Err(DecryptError::Padding),
    };
    match result {
        Ok(Ok(plain)) => Ok(Zeroizing::new(plain)),
        Ok(Err(_)) | Err(_) => Err(DecryptError::Padding),
    }
}

fn json_object(plaintext: &[u8]) -> Result<Value, DecryptError> {
    let text = std::str::from_utf8(plaintext).map_err(|_| DecryptError::NotText)?;
    match serde_json::from_str::<Value>(text) {
        Ok(json @ Value::Object(_)) => Ok(json),
        _ => Err(DecryptError::NotJson),
    }
}

/// Encrypts a plaintext as Alipay does and returns base64. Used to build mock responses.
pub fn encrypt_to_base64(plaintext: &[u8], key: &[u8]) -> Option<String> {
    let ciphertext = match key.len() {
        16 => cbc::Encryptor::<aes::Aes128>::new_from_slices(key, &ZERO_IV)
            .ok()?
            .encrypt_padded_vec::<Pkcs7>(plaintext),
        24 => cbc::Encryptor::<aes::Aes192>::new_from_slices(key, &ZERO_IV)
            .ok()?
            .encrypt_padded_vec::<Pkcs7>(plaintext),
        32 => cbc::Encryptor::<aes::Aes256>::new_from_slices(key, &ZERO_IV)
            .ok()?
            .encrypt_padded_vec::<Pkcs7>(plaintext),
        _ => return None,
    };
    Some(super::b64::encode(&ciphertext))
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: [u8; 16] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];

    #[test]
    fn decrypts_the_reference_vector() {
        // domain.md 6.6 V1, checked there against the OpenSSL command line.
        let ct = "igATcyTqqgv1AFpBiHJyVf94zn4d80DWhHrnUhty+8RANJYRclz7h18/tips8L5UTuMmNV7rHGCs+h7uZSZZQQ==";
        let decrypted = decrypt(ct, &KEY).unwrap();
        assert_eq!(decrypted.json["mobile"], "13800138000");
        assert_eq!(decrypted.bits, 128);
    }

    #[test]
    fn round_trips_every_key_size() {
        for size in [16, 24, 32] {
            let key = vec![7u8; size];
            let ct = encrypt_to_base64(br#"{"code":"10000"}"#, &key).unwrap();
            assert_eq!(decrypt(&ct, &key).unwrap().bits, size * 8);
        }
    }

    #[test]
    fn names_each_failure() {
        let ct = encrypt_to_base64(br#"{"code":"10000"}"#, &KEY).unwrap();
        let mut wrong = KEY;
        wrong[15] ^= 1;
        assert!(matches!(
            decrypt(&ct, &wrong),
            Err(DecryptError::Padding | DecryptError::NotText | DecryptError::NotJson)
        ));
        assert_eq!(
            decrypt("QUJD", &KEY),
            Err(DecryptError::CiphertextLength { bytes: 3 })
        );
        assert_eq!(
            decrypt("not base64", &KEY),
            Err(DecryptError::CiphertextBase64)
        );
        let not_json = encrypt_to_base64(b"hello", &KEY).unwrap();
        assert_eq!(decrypt(&not_json, &KEY), Err(DecryptError::NotJson));
    }

    #[test]
    fn detects_a_prepended_iv() {
        let iv = [9u8; 16];
        let body = cbc::Encryptor::<aes::Aes128>::new_from_slices(&KEY, &iv)
            .unwrap()
            .encrypt_padded_vec::<Pkcs7>(br#"{"code":"10000","msg":"Success"}"#);
        let mut framed = iv.to_vec();
        framed.extend_from_slice(&body);
        assert!(only_first_block_garbled(
            &super::super::b64::encode(&framed),
            &KEY
        ));
    }
}
