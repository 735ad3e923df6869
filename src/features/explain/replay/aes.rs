//! The wrong AES procedures, block by block: ECB, CBC with any IV, encryption instead of
//! decryption, any key length, and the ways code finishes (strict PKCS#7, none, Go's unchecked
//! `b[:n-int(b[n-1])]`, CryptoJS's unchecked unpadding and UTF-8 reading). Built on the `aes`
//! crate's single-block calls, because the replays need the raw blocks that the `cbc` crate's
//! padded API (used by [`crate::domain::aes_cbc`]) never shows.

use aes::cipher::{BlockCipherDecrypt as _, BlockCipherEncrypt as _, KeyInit as _};
use zeroize::Zeroizing;

/// An AES key of any valid length.
pub enum Cipher {
    /// AES-128.
    A128(aes::Aes128),
    /// AES-192.
    A192(aes::Aes192),
    /// AES-256.
    A256(aes::Aes256),
}

impl Cipher {
    /// The cipher for `key`; `None` unless it is 16, 24 or 32 bytes.
    pub fn new(key: &[u8]) -> Option<Self> {
        match key.len() {
            16 => aes::Aes128::new_from_slice(key).ok().map(Self::A128),
            24 => aes::Aes192::new_from_slice(key).ok().map(Self::A192),
            32 => aes::Aes256::new_from_slice(key).ok().map(Self::A256),
            _ => None,
        }
    }

    fn decrypt_block(&self, block: &mut aes::Block) {
        match self {
            Self::A128(cipher) => cipher.decrypt_block(block),
            Self::A192(cipher) => cipher.decrypt_block(block),
            Self::A256(cipher) => cipher.decrypt_block(block),
        }
    }

    fn encrypt_block(&self, block: &mut aes::Block) {
        match self {
            Self::A128(cipher) => cipher.encrypt_block(block),
            Self::A192(cipher) => cipher.encrypt_block(block),
            Self::A256(cipher) => cipher.encrypt_block(block),
        }
    }

    /// Decrypts whole blocks: ECB when `iv` is `None`, else CBC. `None` when the input is empty or
    /// not a whole number of blocks.
    pub fn decrypt_raw(&self, data: &[u8], iv: Option<&[u8; 16]>) -> Option<Zeroizing<Vec<u8>>> {
        if data.is_empty() || !data.len().is_multiple_of(16) {
            return None;
        }
        let mut out = Zeroizing::new(Vec::with_capacity(data.len()));
        let mut previous: Option<[u8; 16]> = iv.copied();
        for chunk in data.chunks_exact(16) {
            let input: [u8; 16] = chunk.try_into().ok()?;
            let mut block = aes::Block::from(input);
            self.decrypt_block(&mut block);
            let mut plain: [u8; 16] = block.into();
            if let Some(chain) = previous {
                for (byte, mask) in plain.iter_mut().zip(chain) {
                    *byte ^= mask;
                }
                previous = Some(input);
            }
            out.extend_from_slice(&plain);
        }
        Some(out)
    }

    /// CBC-encrypts `data` with a zero IV, with PKCS#7 padding (`pad`) or over whole blocks only
    /// (Go's `CryptBlocks`; `None` when `data` is not whole blocks).
    pub fn encrypt_cbc(&self, data: &[u8], pad: bool) -> Option<Vec<u8>> {
        let mut input = data.to_vec();
        if pad {
            let fill = 16 - data.len() % 16;
            input.extend(std::iter::repeat_n(u8::try_from(fill).ok()?, fill));
        } else if data.is_empty() || !data.len().is_multiple_of(16) {
            return None;
        }
        let mut out = Vec::with_capacity(input.len());
        let mut chain = [0u8; 16];
        for chunk in input.chunks_exact(16) {
            let mut block: [u8; 16] = chunk.try_into().ok()?;
            for (byte, mask) in block.iter_mut().zip(chain) {
                *byte ^= mask;
            }
            let mut cipher_block = aes::Block::from(block);
            self.encrypt_block(&mut cipher_block);
            chain = cipher_block.into();
            out.extend_from_slice(&chain);
        }
        Some(out)
    }
}

/// Strict PKCS#7 removal, as Java, Node, OpenSSL, PyCryptodome and .NET do it: `None` when the
/// padding is not valid.
pub fn unpad_strict(raw: &[u8]) -> Option<&[u8]> {
    let last = *raw.last()?;
    let count = usize::from(last);
    if count == 0 || count > 16 || count > raw.len() {
        return None;
    }
    let (body, padding) = raw.split_at(raw.len() - count);
    padding.iter().all(|byte| *byte == last).then_some(body)
}

/// Go's unchecked `b[:n-int(b[n-1])]`: the bytes kept, or the negative bound it panics with.
pub fn unpad_naive(raw: &[u8]) -> Result<&[u8], u64> {
    let last = usize::from(raw.last().copied().unwrap_or(0));
    match raw.len().checked_sub(last) {
        Some(keep) => Ok(raw.get(..keep).unwrap_or_default()),
        None => Err((last - raw.len()) as u64),
    }
}

/// What `CryptoJS.AES.decrypt(…).toString(CryptoJS.enc.Utf8)` returns for these raw blocks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CryptoJs {
    /// The empty string (the unchecked unpadding removed everything).
    Empty,
    /// `Error: Malformed UTF-8 data`.
    Malformed,
    /// A string.
    Text(String),
}

/// CryptoJS's unpadding (`sigBytes -= last byte`, unchecked) then its UTF-8 reading.
pub fn cryptojs_result(raw: &[u8]) -> CryptoJs {
    let last = usize::from(raw.last().copied().unwrap_or(0));
    match raw.len().checked_sub(last).filter(|keep| *keep > 0) {
        None => CryptoJs::Empty,
        Some(keep) => match std::str::from_utf8(raw.get(..keep).unwrap_or_default()) {
            Ok(text) => CryptoJs::Text(text.to_owned()),
            Err(_) => CryptoJs::Malformed,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: [u8; 16] = [7; 16];

    #[test]
    fn cbc_raw_agrees_with_the_pipeline() {
        let cipher = Cipher::new(&KEY).unwrap();
        let plain = br#"{"code":"10000","msg":"Success"}"#;
        let encrypted = cipher.encrypt_cbc(plain, true).unwrap();
        let b64 = crate::domain::b64::encode(&encrypted);
        assert_eq!(
            crate::domain::aes_cbc::encrypt_to_base64(plain, &KEY),
            Some(b64)
        );
        let raw = cipher.decrypt_raw(&encrypted, Some(&[0; 16])).unwrap();
        assert_eq!(unpad_strict(&raw), Some(&plain[..]));
        // ECB agrees with CBC on the first block only when the IV is zero.
        let ecb = cipher.decrypt_raw(&encrypted, None).unwrap();
        assert_eq!(ecb.get(..16), raw.get(..16));
        assert_ne!(ecb.get(16..), raw.get(16..));
    }

    #[test]
    fn finishes_like_the_runtimes() {
        assert_eq!(unpad_strict(b"ab\x02\x02"), Some(&b"ab"[..]));
        assert_eq!(unpad_strict(b"ab\x01\x02"), None);
        assert_eq!(unpad_strict(b"ab\x00"), None);
        assert_eq!(unpad_naive(b"abc\x02"), Ok(&b"ab"[..]));
        assert_eq!(unpad_naive(b"a\x09"), Err(7));
        assert_eq!(cryptojs_result(b"a\x09"), CryptoJs::Empty);
        assert_eq!(cryptojs_result(b"ab\xff\x01"), CryptoJs::Malformed);
        assert_eq!(cryptojs_result(b"ab\x01"), CryptoJs::Text("ab".to_owned()));
        assert!(Cipher::new(&[0; 5]).is_none());
        assert!(
            Cipher::new(&KEY)
                .unwrap()
                .decrypt_raw(&[0; 15], None)
                .is_none()
        );
    }
}
