//! The certificate used for one response, named when it is a CA certificate.

use crate::domain::codes::{FindingCode, Group};
use crate::domain::keys::certs::{CertRole, Chosen, KeySet};
use crate::domain::keys::pubkey::{LoadedKey, PublicKeyOutcome};
use crate::domain::report::{Finding, Severity, SignatureStatus};
use crate::domain::terms::CaCertificate;

/// The key used for a response that names `cert_sn` (or none), with its findings: which
/// certificate of a bundle was used and why, then what reading it found.
pub(super) fn choose<'set>(
    public_key: &'set PublicKeyOutcome,
    cert_sn: Option<&str>,
    findings: &mut Vec<Finding>,
) -> Option<(&'set KeySet, Chosen<'set>)> {
    let PublicKeyOutcome::Usable(set) = public_key else {
        return None;
    };
    let chosen = set.choose(cert_sn);
    if let (Some(reason), Some(cert)) = (chosen.reason, &chosen.key.description.certificate) {
        findings.push(
            Finding::new(FindingCode::CertificateSelected)
                .with("count", set.len())
                .with("subject", &cert.subject)
                .with("cert_sn", &cert.alipay_cert_sn)
                .with("reason", reason),
        );
    }
    findings.extend(chosen.key.findings.iter().cloned());
    Some((set, chosen))
}

/// A CA certificate loaded where the Alipay public-key certificate belongs, recognised by its
/// structure: several roots in one file always; a file of CA certificates only when its key did
/// not sign (a self-signed test certificate that verifies is left alone). Named before the
/// signature failure it explains, unless its name already gave it away.
pub(super) fn name_ca_certificate(
    set: &KeySet,
    used: &LoadedKey,
    status: SignatureStatus,
    findings: &mut Vec<Finding>,
) {
    if findings
        .iter()
        .any(|finding| finding.code == FindingCode::CertificateIsRootCert)
    {
        return;
    }
    let kind = if set.several_roots() {
        CaCertificate::SeveralRoots
    } else if set.only_ca() && status == SignatureStatus::Invalid {
        match used.role {
            Some(CertRole::Intermediate) => CaCertificate::IntermediateCa,
            _ => CaCertificate::SelfSignedRoot,
        }
    } else {
        return;
    };
    let subject = used
        .description
        .certificate
        .as_ref()
        .map_or_else(String::new, |cert| cert.subject.clone());
    // The response's cert SN names no CA certificate: that is not a rotation, drop that hint.
    findings.retain(|finding| finding.code != FindingCode::CertSnMismatch);
    let finding = Finding::new(FindingCode::CertificateIsRootCert)
        .with("subject", subject)
        .with("kind", kind);
    let at = findings
        .iter()
        .position(|finding| {
            finding.code.group() == Group::Signature && finding.severity() == Severity::Error
        })
        .unwrap_or(findings.len());
    findings.insert(at, finding);
}
