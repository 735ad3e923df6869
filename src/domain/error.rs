//! Typed errors of the domain stages. Each keeps its source; the pipeline turns them into findings.

use thiserror::Error;

/// Why a public key could not be read.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum KeyError {
    /// A PEM block labelled as a private key.
    #[error("PEM private key")]
    PrivateKeyPem,
    /// Nothing left after removing armour and whitespace.
    #[error("no key data")]
    EmptyBody,
    /// The body is not base64.
    #[error("key text is not base64: {source}")]
    Base64 {
        /// The decoder's error.
        #[source]
        source: super::b64::DecodeError,
    },
    /// The DER is neither a key nor a certificate.
    #[error("{bytes} bytes that are neither an RSA public key nor an X.509 certificate")]
    UnknownDer {
        /// Decoded length.
        bytes: usize,
    },
    /// A PKCS#1 key could not be re-encoded as SPKI.
    #[error("cannot encode the key as SPKI: {source}")]
    Spki {
        /// The encoder's error.
        #[source]
        source: rsa::pkcs8::spki::Error,
    },
    /// The certificate's key info could not be encoded.
    #[error("unreadable certificate: {source}")]
    Certificate {
        /// The DER error.
        #[source]
        source: x509_cert::der::Error,
    },
    /// The certificate holds no RSA key.
    #[error("the certificate does not hold an RSA public key: {source}")]
    CertificateKey {
        /// The SPKI error.
        #[source]
        source: rsa::pkcs8::spki::Error,
    },
}

/// Why AES decryption failed.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DecryptError {
    /// The ciphertext is not base64.
    #[error("ciphertext is not base64")]
    CiphertextBase64,
    /// The ciphertext length is not a positive multiple of 16.
    #[error("ciphertext length {bytes} is not a multiple of 16")]
    CiphertextLength {
        /// Decoded length.
        bytes: usize,
    },
    /// PKCS#7 padding did not validate.
    #[error("bad padding")]
    Padding,
    /// The plaintext is not UTF-8.
    #[error("not text")]
    NotText,
    /// The plaintext is not a JSON object.
    #[error("not JSON")]
    NotJson,
}

impl DecryptError {
    /// A short description for the `reason` hint parameter.
    pub fn reason(self) -> &'static str {
        match self {
            Self::CiphertextBase64 => "ciphertext is not base64",
            Self::CiphertextLength { .. } => "ciphertext length",
            Self::Padding => "bad padding",
            Self::NotText => "not UTF-8 text",
            Self::NotJson => "not JSON",
        }
    }
}
