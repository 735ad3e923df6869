//! Fresh test keys: a 2048-bit RSA key pair that plays Alipay's and an AES-128 key, from any
//! cryptographic RNG (the operating system's by default).

use rsa::PrivateKey;
use rsa::pkcs8::{EncodePrivateKey as _, LineEnding};
use rsa::rand_core::{TryCryptoRng, TryRng};
use thiserror::Error;
use zeroize::Zeroizing;

use super::{MockError, public_key_base64};
use crate::domain::b64;

/// A fresh set of test keys, as text ready to be written to files.
#[derive(Debug, Clone)]
pub struct TestKeys {
    /// The RSA private key that plays Alipay's signing key (PKCS#8 PEM).
    pub private_key_pem: Zeroizing<String>,
    /// Its public key as bare base64 SPKI: what to load as the "Alipay public key".
    pub public_key_base64: String,
    /// A random AES-128 key, base64: what to load as the AES key.
    pub aes_key_base64: Zeroizing<String>,
}

/// One file of a set of test keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TestKeyFile<'a> {
    /// The file name, the same in the window and on the command line.
    pub name: &'static str,
    /// The text to write.
    pub content: &'a str,
    /// True for the private key and the AES key: readable by the owner only.
    pub secret: bool,
}

impl TestKeys {
    /// The private key, the public key and the AES key, as files.
    pub fn files(&self) -> [TestKeyFile<'_>; 3] {
        [
            TestKeyFile {
                name: PRIVATE_KEY_FILE,
                content: self.private_key_pem.as_str(),
                secret: true,
            },
            TestKeyFile {
                name: PUBLIC_KEY_FILE,
                content: self.public_key_base64.as_str(),
                secret: false,
            },
            TestKeyFile {
                name: AES_KEY_FILE,
                content: self.aes_key_base64.as_str(),
                secret: true,
            },
        ]
    }
}

/// The private key's file name (PKCS#8 PEM).
pub const PRIVATE_KEY_FILE: &str = "alipay_private_key.pem";
/// The public key's file name (bare base64, as the console shows Alipay's public key).
pub const PUBLIC_KEY_FILE: &str = "alipay_public_key.txt";
/// The AES key's file name (base64).
pub const AES_KEY_FILE: &str = "aes_key.txt";

/// The size of generated RSA keys: what Alipay uses for `RSA2`.
pub const TEST_KEY_BITS: usize = 2048;

/// Generates a 2048-bit RSA key pair and an AES-128 key from `rng`.
pub fn generate_test_keys<R: TryCryptoRng + ?Sized>(rng: &mut R) -> Result<TestKeys, MockError> {
    let key = PrivateKey::new(rng, TEST_KEY_BITS)
        .map_err(|error| MockError::KeyGeneration(error.to_string()))?;
    let mut aes = Zeroizing::new([0u8; 16]);
    rng.try_fill_bytes(aes.as_mut_slice())
        .map_err(|error| MockError::KeyGeneration(error.to_string()))?;
    let private_key_pem = key
        .to_pkcs8_pem(LineEnding::LF)
        .map_err(|error| MockError::KeyGeneration(error.to_string()))?;
    Ok(TestKeys {
        private_key_pem,
        public_key_base64: public_key_base64(&key)?,
        aes_key_base64: Zeroizing::new(b64::encode(aes.as_slice())),
    })
}

/// The operating system's random number generator.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemRng;

/// The operating system's random number generator failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[error("the system random number generator failed")]
pub struct RngError;

impl TryRng for SystemRng {
    type Error = RngError;

    fn try_next_u32(&mut self) -> Result<u32, RngError> {
        let mut bytes = [0u8; 4];
        self.try_fill_bytes(&mut bytes)?;
        Ok(u32::from_le_bytes(bytes))
    }

    fn try_next_u64(&mut self) -> Result<u64, RngError> {
        let mut bytes = [0u8; 8];
        self.try_fill_bytes(&mut bytes)?;
        Ok(u64::from_le_bytes(bytes))
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), RngError> {
        for chunk in dst.chunks_mut(32) {
            let random =
                Zeroizing::new(<[u8; 32] as rsa::Generate>::try_generate().map_err(|_| RngError)?);
            for (slot, byte) in chunk.iter_mut().zip(random.iter()) {
                *slot = *byte;
            }
        }
        Ok(())
    }
}

impl TryCryptoRng for SystemRng {}
