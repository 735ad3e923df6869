//! Typed errors of the domain stages. Each keeps its source; the pipeline turns them into findings.

use thiserror::Error;

use super::report::Finding;
use super::terms::{DecryptProblem, KeyProblem};

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

impl KeyError {
    /// The term that names the problem in a finding.
    pub fn problem(&self) -> KeyProblem {
        match self {
            Self::PrivateKeyPem | Self::Spki { .. } => KeyProblem::NotEncodable,
            Self::EmptyBody => KeyProblem::EmptyBody,
            Self::Base64 { source } => base64_problem(source),
            Self::UnknownDer { .. } => KeyProblem::UnknownDer,
            Self::Certificate { .. } => KeyProblem::CertificateUnreadable,
            Self::CertificateKey { .. } => KeyProblem::CertificateNotRsa,
        }
    }

    /// Adds the numbers and tokens the problem's wording refers to.
    pub fn problem_params(&self, finding: Finding) -> Finding {
        match self {
            Self::Base64 { source } => base64_params(source, finding),
            Self::UnknownDer { bytes } => finding.with("bytes", *bytes),
            _ => finding,
        }
    }
}

/// The term for a base64 decoding error.
pub fn base64_problem(error: &super::b64::DecodeError) -> KeyProblem {
    use super::b64::DecodeError as E;
    match error {
        E::InvalidByte(..) | E::InvalidLastSymbol { .. } => KeyProblem::InvalidCharacter,
        E::InvalidLength(_) => KeyProblem::InvalidLength,
        E::InvalidPadding => KeyProblem::InvalidPadding,
    }
}

/// Adds the position, character or length of a base64 decoding error to `finding`.
pub fn base64_params(error: &super::b64::DecodeError, finding: Finding) -> Finding {
    use super::b64::DecodeError as E;
    match error {
        E::InvalidByte(offset, byte)
        | E::InvalidLastSymbol {
            offset,
            symbol: byte,
            ..
        } => finding
            .with("offset", *offset)
            .with("symbol", char::from(*byte).escape_default().to_string()),
        E::InvalidLength(length) => finding.with("length", *length),
        E::InvalidPadding => finding,
    }
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
    /// The term that names the problem in a finding.
    pub fn problem(self) -> DecryptProblem {
        match self {
            Self::CiphertextBase64 => DecryptProblem::CiphertextNotBase64,
            Self::CiphertextLength { .. } => DecryptProblem::CiphertextLength,
            Self::Padding => DecryptProblem::BadPadding,
            Self::NotText => DecryptProblem::NotUtf8,
            Self::NotJson => DecryptProblem::NotJson,
        }
    }
}
