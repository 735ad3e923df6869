//! Certificate files with more than one certificate (a chain or bundle in any order, several
//! roots as in `alipayRootCert.crt`), each certificate's place in a chain, read from its
//! structure (CA flag, self-issued), and the choice of the one to verify with: the certificate
//! whose Alipay cert SN the response names, else the end-entity certificate.

use x509_cert::Certificate;
use x509_cert::der::{Decode as _, Reader as _, SliceReader};
use x509_cert::ext::pkix::BasicConstraints;

use super::keytext;
use super::pubkey::LoadedKey;
use crate::domain::terms::CertChoice;

/// How many certificates of one file are read.
const MAX_CERTIFICATES: usize = 16;

/// A certificate's place in a chain, from its structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CertRole {
    /// Not a CA (`CA:FALSE` or no basic constraints): the certificate of a key that signs.
    EndEntity,
    /// A self-issued CA certificate: a root.
    Root,
    /// A CA certificate issued by another: an intermediate.
    Intermediate,
}

impl CertRole {
    /// The role of `cert`: a CA when its basic constraints say `CA:TRUE`.
    pub fn of(cert: &Certificate) -> Self {
        let tbs = cert.tbs_certificate();
        let is_ca = matches!(
            tbs.get_extension::<BasicConstraints>(),
            Ok(Some((_, constraints))) if constraints.ca
        );
        match (is_ca, tbs.subject() == tbs.issuer()) {
            (false, _) => Self::EndEntity,
            (true, true) => Self::Root,
            (true, false) => Self::Intermediate,
        }
    }
}

/// The keys of a key file: one key, or every certificate of a bundle with the one used when the
/// response names none first.
#[derive(Debug, Clone)]
pub struct KeySet {
    primary: LoadedKey,
    others: Vec<LoadedKey>,
}

/// The key chosen for one response.
#[derive(Debug, Clone, Copy)]
pub struct Chosen<'set> {
    /// The key.
    pub key: &'set LoadedKey,
    /// Its index in [`KeySet::keys`] order (0 is the one used when nothing else is named).
    pub index: usize,
    /// Why it was chosen, when the file holds several certificates.
    pub reason: Option<CertChoice>,
}

impl KeySet {
    /// A file with one key or certificate.
    pub fn single(key: LoadedKey) -> Self {
        Self {
            primary: key,
            others: Vec::new(),
        }
    }

    /// A bundle, in file order: the first end-entity certificate that is not the app's own
    /// (by its `CN=<PID>-<APPID>`) becomes the one used by default, else the first end-entity
    /// certificate, else the first certificate. `None` when empty.
    pub fn bundle(mut keys: Vec<LoadedKey>) -> Option<Self> {
        let end_entity = |key: &LoadedKey| key.role == Some(CertRole::EndEntity);
        let position = keys
            .iter()
            .position(|key| end_entity(key) && !key.is_app_certificate())
            .or_else(|| keys.iter().position(end_entity))
            .unwrap_or(0);
        if position >= keys.len() {
            return None;
        }
        let primary = keys.remove(position);
        Some(Self {
            primary,
            others: keys,
        })
    }

    /// Every key: the default one first, then the others in file order.
    pub fn keys(&self) -> impl Iterator<Item = &LoadedKey> {
        std::iter::once(&self.primary).chain(&self.others)
    }

    /// The key used when the response names no certificate.
    pub fn primary(&self) -> &LoadedKey {
        &self.primary
    }

    /// How many keys or certificates the file holds.
    pub fn len(&self) -> usize {
        1 + self.others.len()
    }

    /// Always false: a set holds at least one key.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// True when every certificate of the file is a CA certificate.
    pub fn only_ca(&self) -> bool {
        self.keys()
            .all(|key| matches!(key.role, Some(CertRole::Root | CertRole::Intermediate)))
    }

    /// True when the file holds several roots and nothing else (as `alipayRootCert.crt` does).
    pub fn several_roots(&self) -> bool {
        self.len() > 1 && self.keys().all(|key| key.role == Some(CertRole::Root))
    }

    /// The certificate whose Alipay cert SN is `cert_sn`, else the default one.
    pub fn choose(&self, cert_sn: Option<&str>) -> Chosen<'_> {
        if self.others.is_empty() {
            return Chosen {
                key: &self.primary,
                index: 0,
                reason: None,
            };
        }
        let wanted = cert_sn.map(str::trim).filter(|sn| !sn.is_empty());
        let named = wanted.and_then(|sn| {
            self.keys().enumerate().find(|(_, key)| {
                key.description
                    .certificate
                    .as_ref()
                    .is_some_and(|cert| cert.alipay_cert_sn.eq_ignore_ascii_case(sn))
            })
        });
        if let Some((index, key)) = named {
            return Chosen {
                key,
                index,
                reason: Some(CertChoice::MatchesCertSn),
            };
        }
        let reason = if self.primary.role == Some(CertRole::EndEntity) {
            CertChoice::EndEntity
        } else {
            CertChoice::FirstCertificate
        };
        Chosen {
            key: &self.primary,
            index: 0,
            reason: Some(reason),
        }
    }
}

/// The certificates of a file that holds more than one: every PEM block labelled as a
/// certificate, or DER certificates one after another. `None` for a file with one or none.
///
/// Each PEM block goes through the one key-text cleanup ([`keytext::read`]) rather than
/// `Certificate::load_pem_chain`, which refuses any text between or around the blocks (the
/// `subject=` lines `openssl` writes, comments, quotes).
pub fn several(bytes: &[u8]) -> Option<Vec<Certificate>> {
    let certificates = match std::str::from_utf8(bytes) {
        Ok(text) => pem_certificates(text),
        Err(_) => der_certificates(bytes),
    };
    (certificates.len() > 1).then_some(certificates)
}

fn pem_certificates(text: &str) -> Vec<Certificate> {
    let starts: Vec<usize> = text
        .match_indices("-BEGIN")
        .map(|(at, _)| at)
        .take(MAX_CERTIFICATES + 1)
        .collect();
    if starts.len() < 2 {
        return Vec::new();
    }
    let ends = starts.iter().skip(1).copied().chain([text.len()]);
    starts
        .iter()
        .zip(ends)
        .filter_map(|(start, end)| {
            let block = keytext::read(text.get(*start..end)?);
            if !block
                .label
                .as_deref()
                .is_some_and(|label| label.contains("CERTIFICATE"))
            {
                return None;
            }
            let der = crate::domain::b64::decode_lenient(&block.body).ok()?;
            Certificate::from_der(&der).ok()
        })
        .take(MAX_CERTIFICATES)
        .collect()
}

fn der_certificates(bytes: &[u8]) -> Vec<Certificate> {
    let Ok(mut reader) = SliceReader::new(bytes) else {
        return Vec::new();
    };
    let mut certificates = Vec::new();
    while !reader.is_finished() && certificates.len() < MAX_CERTIFICATES {
        match reader.decode::<Certificate>() {
            Ok(cert) => certificates.push(cert),
            Err(_) => return Vec::new(),
        }
    }
    certificates
}
