//! Reads the Alipay public key in every form it is found in: bare base64 (as the console shows
//! it), PEM, PKCS#1, X.509 certificates (PEM or DER, alone or in a bundle: [`certs`]), with
//! quotes, whitespace, CRLF or literal `\n`. Private keys are refused and never kept.

use rsa::PublicKey;
use rsa::pkcs1::DecodeRsaPublicKey as _;
use rsa::pkcs8::{DecodePublicKey as _, EncodePublicKey as _};
use rsa::traits::PublicKeyParts as _;
use sha2::{Digest as _, Sha256};
use x509_cert::Certificate;
use x509_cert::der::{Decode as _, Encode as _};
use zeroize::Zeroizing;

use super::certs::{self, CertRole, KeySet};
use super::keytext;
use crate::domain::codes::FindingCode;
use crate::domain::error::KeyError;
use crate::domain::report::{CertificateDescription, Finding, KeyDescription};
use crate::domain::terms::{CaCertificate, KeyKind, KeySlot};

/// A usable verification key and its description.
#[derive(Debug, Clone)]
pub struct LoadedKey {
    /// The RSA public key.
    pub key: PublicKey,
    /// What to show the user.
    pub description: KeyDescription,
    /// What reading this key found (it loaded; its certificate, validity and kind), reported
    /// when it is the key used.
    pub findings: Vec<Finding>,
    /// The certificate's place in a chain; `None` for a bare key.
    pub role: Option<CertRole>,
}

impl LoadedKey {
    /// True for the app's own certificate (`CN=<2088 PID>-<APPID>`).
    pub fn is_app_certificate(&self) -> bool {
        self.findings
            .iter()
            .any(|finding| finding.code == FindingCode::CertificateIsAppCert)
    }
}

/// The outcome of reading the public-key input.
#[derive(Debug, Clone)]
pub enum PublicKeyOutcome {
    /// Nothing given.
    Missing,
    /// Keys to verify with: one, or the certificates of a bundle.
    Usable(Box<KeySet>),
    /// A private key: refused.
    Private,
    /// Cannot be used.
    Unusable,
}

/// Reads key bytes. `findings` describe the file (its normalisation, or why it cannot be used);
/// what each key or certificate is, is kept with it ([`LoadedKey::findings`]) and reported when
/// it is the one used.
pub fn parse(
    bytes: &[u8],
    now_unix_secs: Option<u64>,
    findings: &mut Vec<Finding>,
) -> PublicKeyOutcome {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return PublicKeyOutcome::Missing;
    }
    if let Some(certificates) = certs::several(bytes) {
        let keys = certificates
            .iter()
            .filter_map(|cert| load_certificate(cert, now_unix_secs).ok())
            .collect();
        return match KeySet::bundle(keys) {
            Some(set) => PublicKeyOutcome::Usable(Box::new(set)),
            None => unparsable(findings, &KeyError::EmptyBody),
        };
    }
    let der = match std::str::from_utf8(bytes) {
        Ok(text) => match der_from_text(text, findings) {
            Ok(der) => der,
            Err(KeyError::PrivateKeyPem) => {
                findings.push(
                    Finding::new(FindingCode::PublicKeyIsPrivateKey)
                        .with("kind", KeyKind::PemPrivateKey),
                );
                return PublicKeyOutcome::Private;
            }
            Err(error) => return unparsable(findings, &error),
        },
        Err(_) => Zeroizing::new(bytes.to_vec()),
    };
    from_der(&der, now_unix_secs, findings)
}

/// Normalises key text to DER ([`keytext::read`]); a normalisation is reported.
fn der_from_text(text: &str, findings: &mut Vec<Finding>) -> Result<Zeroizing<Vec<u8>>, KeyError> {
    let read = keytext::read(text);
    if read
        .label
        .as_deref()
        .is_some_and(|label| label.contains("PRIVATE"))
    {
        return Err(KeyError::PrivateKeyPem);
    }
    if read.normalized {
        findings
            .push(Finding::new(FindingCode::KeyNormalized).with("slot", KeySlot::AlipayPublicKey));
    }
    if read.body.is_empty() {
        return Err(KeyError::EmptyBody);
    }
    crate::domain::b64::decode_lenient(&read.body)
        .map(Zeroizing::new)
        .map_err(|source| KeyError::Base64 { source })
}

fn from_der(
    der: &[u8],
    now_unix_secs: Option<u64>,
    findings: &mut Vec<Finding>,
) -> PublicKeyOutcome {
    if let Ok(cert) = Certificate::from_der(der) {
        return match load_certificate(&cert, now_unix_secs) {
            Ok(loaded) => single(loaded),
            Err(error) => unparsable(findings, &error),
        };
    }
    if let Ok(key) = PublicKey::from_public_key_der(der) {
        return single(loaded(key, der, KeyKind::SpkiPublicKey, None, Vec::new()));
    }
    if let Ok(key) = PublicKey::from_pkcs1_der(der) {
        findings.push(Finding::new(FindingCode::PublicKeyPkcs1));
        return match key.to_public_key_der() {
            Ok(spki) => single(loaded(
                key,
                spki.as_bytes(),
                KeyKind::Pkcs1PublicKey,
                None,
                Vec::new(),
            )),
            Err(error) => unparsable(findings, &KeyError::Spki { source: error }),
        };
    }
    if let Some(kind) = private_key_kind(der) {
        findings.push(Finding::new(FindingCode::PublicKeyIsPrivateKey).with("kind", kind));
        return PublicKeyOutcome::Private;
    }
    if matches!(der.len(), 16 | 24 | 32) {
        findings.push(Finding::new(FindingCode::PublicKeyIsAesKey).with("bytes", der.len()));
        return PublicKeyOutcome::Unusable;
    }
    unparsable(findings, &KeyError::UnknownDer { bytes: der.len() })
}

fn unparsable(findings: &mut Vec<Finding>, error: &KeyError) -> PublicKeyOutcome {
    let finding = Finding::new(FindingCode::PublicKeyUnparsable).with("detail", error.problem());
    findings.push(error.problem_params(finding));
    PublicKeyOutcome::Unusable
}

fn private_key_kind(der: &[u8]) -> Option<KeyKind> {
    if rsa::pkcs8::PrivateKeyInfoRef::from_der(der).is_ok() {
        return Some(KeyKind::Pkcs8PrivateKey);
    }
    if rsa::pkcs1::RsaPrivateKeyRef::from_der(der).is_ok() {
        return Some(KeyKind::Pkcs1PrivateKey);
    }
    None
}

fn single(key: LoadedKey) -> PublicKeyOutcome {
    PublicKeyOutcome::Usable(Box::new(KeySet::single(key)))
}

/// A key ready to verify with; `findings` (about its certificate) come before its "loaded".
fn loaded(
    key: PublicKey,
    spki_der: &[u8],
    kind: KeyKind,
    certificate: Option<(CertificateDescription, CertRole)>,
    mut findings: Vec<Finding>,
) -> LoadedKey {
    let bits = usize::try_from(key.n().bit_width()).unwrap_or(0);
    let fingerprint_sha256 = hex(&Sha256::digest(spki_der));
    findings.push(
        Finding::new(FindingCode::PublicKeyLoaded)
            .with("kind", kind)
            .with("bits", bits)
            .with("fingerprint", short_fingerprint(&fingerprint_sha256)),
    );
    let (certificate, role) = certificate.unzip();
    LoadedKey {
        key,
        description: KeyDescription {
            kind,
            bits,
            fingerprint_sha256,
            certificate,
        },
        findings,
        role,
    }
}

/// The first 16 hex digits, grouped by 4, for display.
pub fn short_fingerprint(hex: &str) -> String {
    let head: Vec<String> = hex
        .as_bytes()
        .chunks(4)
        .take(4)
        .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
        .collect();
    head.join(":")
}

/// A certificate's key, description and findings (what it is, its validity, its kind).
fn load_certificate(cert: &Certificate, now_unix_secs: Option<u64>) -> Result<LoadedKey, KeyError> {
    let tbs = cert.tbs_certificate();
    let spki_der = tbs
        .subject_public_key_info()
        .to_der()
        .map_err(|source| KeyError::Certificate { source })?;
    let key = PublicKey::from_public_key_der(&spki_der)
        .map_err(|source| KeyError::CertificateKey { source })?;
    let mut findings = Vec::new();
    let validity = tbs.validity();
    let serial = decimal_from_be_bytes(tbs.serial_number().as_bytes());
    let issuer = tbs.issuer().to_string();
    let subject = tbs.subject().to_string();
    let description = CertificateDescription {
        alipay_cert_sn: hex(&md5::Md5::digest(format!("{issuer}{serial}").as_bytes())),
        subject,
        issuer,
        serial,
        not_before: validity.not_before.to_string(),
        not_after: validity.not_after.to_string(),
    };
    findings.push(
        Finding::new(FindingCode::PublicKeyFromCertificate)
            .with("subject", &description.subject)
            .with("issuer", &description.issuer)
            .with("serial", &description.serial)
            .with("not_before", &description.not_before)
            .with("not_after", &description.not_after)
            .with("cert_sn", &description.alipay_cert_sn),
    );
    if let Some(now) = now_unix_secs {
        if validity.not_after.to_unix_duration().as_secs() < now {
            findings.push(
                Finding::new(FindingCode::CertificateExpired)
                    .with("not_after", &description.not_after),
            );
        } else if validity.not_before.to_unix_duration().as_secs() > now {
            findings.push(
                Finding::new(FindingCode::CertificateNotYetValid)
                    .with("not_before", &description.not_before),
            );
        }
    }
    classify_certificate(&description, &mut findings);
    Ok(loaded(
        key,
        &spki_der,
        KeyKind::X509Certificate,
        Some((description, CertRole::of(cert))),
        findings,
    ))
}

/// Alipay's app certificates have `CN=<2088 PID>-<APPID>`; root certificates are self-issued
/// Ant Financial / NRCAC roots.
fn classify_certificate(description: &CertificateDescription, findings: &mut Vec<Finding>) {
    let cn = description
        .subject
        .split(',')
        .find_map(|part| part.trim().strip_prefix("CN="))
        .unwrap_or_default();
    let looks_app = cn.split_once('-').is_some_and(|(pid, appid)| {
        pid.starts_with("2088")
            && pid.len() == 16
            && appid.len() >= 16
            && appid.chars().all(|ch| ch.is_ascii_digit())
    });
    let looks_root = description.subject == description.issuer
        && (description.subject.contains("Root") || description.subject.contains("ROOT"))
        && (description.subject.contains("Ant Financial")
            || description.subject.contains("NRCAC")
            || description.subject.contains("Alipay"));
    if looks_app {
        findings.push(
            Finding::new(FindingCode::CertificateIsAppCert).with("subject", &description.subject),
        );
    } else if looks_root {
        findings.push(
            Finding::new(FindingCode::CertificateIsRootCert)
                .with("subject", &description.subject)
                .with("kind", CaCertificate::NamedRoot),
        );
    }
}

/// Lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// Big-endian unsigned bytes to a decimal string (certificate serials exceed `u128`).
fn decimal_from_be_bytes(bytes: &[u8]) -> String {
    let mut number: Vec<u8> = bytes
        .iter()
        .copied()
        .skip_while(|byte| *byte == 0)
        .collect();
    if number.is_empty() {
        return "0".to_owned();
    }
    let mut digits = Vec::new();
    while !number.is_empty() {
        let mut remainder: u32 = 0;
        let mut quotient = Vec::with_capacity(number.len());
        for byte in &number {
            let accumulator = (remainder << 8) | u32::from(*byte);
            let digit = accumulator / 10;
            remainder = accumulator % 10;
            if !(quotient.is_empty() && digit == 0) {
                quotient.push(u8::try_from(digit).unwrap_or(0));
            }
        }
        digits.push(char::from(b'0' + u8::try_from(remainder).unwrap_or(0)));
        number = quotient;
    }
    digits.iter().rev().collect()
}

#[cfg(test)]
mod tests;
