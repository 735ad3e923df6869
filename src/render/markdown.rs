//! The shareable report for tickets and chat (Markdown). It holds the verdict, every finding with
//! its remediation, the signature analysis, the key description and the payload with the mobile
//! masked, and never key material, the AES key, or the full ciphertext or signature.

use std::fmt::Write as _;

use super::mask;
use crate::domain::report::{Report, Severity};
use crate::features::checklist::{Checklist, ItemState};
use crate::features::profiles::ProfileMatch;
use crate::i18n::Lang;
use crate::i18n::findings;
use crate::i18n::{opening_key, severity_label, status_key, tr};

/// Escapes what would turn remediation text into HTML or break a table.
fn escape(text: &str) -> String {
    text.replace('<', "\\<").replace('|', "\\|")
}

/// Renders the shareable Markdown report in `lang`, with the optional checklist and profile match.
pub fn render_markdown(
    report: &Report,
    lang: Lang,
    checklist: Option<&Checklist>,
    profiles: Option<&ProfileMatch>,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", tr("report.report_title", lang));
    let verdict = report
        .primary_finding()
        .map(|finding| findings::title(finding, lang))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "**{}**: {} — {} (`{}`)\n",
        tr("report.verdict", lang),
        severity_label(report.verdict_severity(), lang),
        escape(&verdict),
        report.category
    );
    if let Some(profiles) = profiles {
        let _ = writeln!(
            out,
            "> {}\n",
            escape(&super::profiles::summary(profiles, lang))
        );
    }
    signature_section(&mut out, report, lang);
    key_section(&mut out, report, lang);
    payload_section(&mut out, report, lang);
    findings_section(&mut out, report, lang);
    if let Some(checklist) = checklist {
        checklist_section(&mut out, checklist, lang);
    }
    if let Some(profiles) = profiles {
        profiles_section(&mut out, profiles, lang);
    }
    let _ = writeln!(
        out,
        "\n---\n_Alipay Phone Doctor {} · {}_",
        env!("CARGO_PKG_VERSION"),
        tr("report.report_footer", lang)
    );
    out
}

fn signature_section(out: &mut String, report: &Report, lang: Lang) {
    let signature = &report.signature;
    let _ = writeln!(out, "## {}\n", tr("report.signature", lang));
    let algorithm = signature
        .algorithm
        .map(|name| format!(" ({name})"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "- {}: {}{algorithm}",
        tr("report.status", lang),
        tr(status_key(signature.status), lang)
    );
    if let Some(declared) = &signature.declared_sign_type {
        let _ = writeln!(
            out,
            "- {}: `{}`",
            tr("report.declared_sign_type", lang),
            mask::short(declared, 12)
        );
    }
    if let Some(prefix) = mask::signed_content_prefix(report) {
        let _ = writeln!(
            out,
            "- {}: `{prefix}`{}",
            tr("report.signed_content", lang),
            super::parenthesized(&super::byte_count(signature.signed_content_len, lang), lang)
        );
    }
    if let Some(length) = signature.signature_len {
        let _ = writeln!(
            out,
            "- {}: {}",
            tr("report.signature_length", lang),
            super::byte_count(length, lang)
        );
    }
    if let Some(opening) = signature.opening {
        let _ = writeln!(
            out,
            "- {}: {}",
            tr("report.opening", lang),
            tr(opening_key(opening), lang)
        );
    }
    if let Some(digest) = signature.opened_digest_algorithm {
        let _ = writeln!(out, "- {}: {digest}", tr("report.opened_digest", lang));
    }
}

fn findings_section(out: &mut String, report: &Report, lang: Lang) {
    let _ = writeln!(out, "\n## {}\n", tr("report.findings", lang));
    for (index, finding) in report.findings.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}. **[{}]** {} (`{}`)",
            index + 1,
            severity_label(finding.severity(), lang),
            escape(&findings::title(finding, lang)),
            finding.code.as_str()
        );
        let fix = findings::remediation(finding, lang);
        if finding.severity() >= Severity::Warning && !fix.is_empty() {
            let _ = writeln!(out, "   - {}: {}", tr("report.fix", lang), escape(&fix));
        }
    }
}

fn key_section(out: &mut String, report: &Report, lang: Lang) {
    let _ = writeln!(out, "\n## {}\n", tr("report.public_key", lang));
    let Some(key) = &report.public_key else {
        let _ = writeln!(out, "- {}", tr("report.not_loaded", lang));
        return;
    };
    let _ = writeln!(out, "- {}", super::key_kind_and_size(key, lang));
    let _ = writeln!(
        out,
        "- {}: `{}`",
        tr("report.sha256_fingerprint", lang),
        key.fingerprint_sha256
    );
    if let Some(cert) = &key.certificate {
        let _ = writeln!(out, "- {}:", tr("report.certificate", lang));
        let _ = writeln!(
            out,
            "  - {}: {}",
            tr("report.cert_subject", lang),
            escape(&cert.subject)
        );
        let _ = writeln!(
            out,
            "  - {}: {}",
            tr("report.cert_issuer", lang),
            escape(&cert.issuer)
        );
        let _ = writeln!(
            out,
            "  - {}: {}",
            tr("report.cert_serial", lang),
            cert.serial
        );
        let _ = writeln!(
            out,
            "  - {}: {} – {}",
            tr("report.cert_validity", lang),
            cert.not_before,
            cert.not_after
        );
        let _ = writeln!(
            out,
            "  - {}: `{}`",
            tr("report.cert_sn", lang),
            cert.alipay_cert_sn
        );
    }
}

fn payload_section(out: &mut String, report: &Report, lang: Lang) {
    let _ = writeln!(out, "\n## {}\n", tr("report.decrypted_payload", lang));
    let Some(payload) = &report.payload else {
        let _ = writeln!(out, "{}", tr("report.no_payload", lang));
        return;
    };
    let mut notes = vec![tr(
        if payload.trusted {
            "report.trusted"
        } else {
            "report.untrusted"
        },
        lang,
    )];
    if payload.plain {
        notes.push(tr("report.plain_payload", lang));
    }
    if report.mobile().is_some_and(|mobile| !mobile.is_empty()) {
        notes.push(tr("report.mobile_masked", lang));
    }
    let json = serde_json::to_string_pretty(&mask::masked_payload(report)).unwrap_or_default();
    let _ = writeln!(out, "_{}_\n\n```json\n{json}\n```", notes.join(" · "));
}

fn checklist_section(out: &mut String, checklist: &Checklist, lang: Lang) {
    let _ = writeln!(out, "\n## {}\n", tr("checklist.heading", lang));
    for item in &checklist.items {
        let (mark, state) = match item.state {
            ItemState::Done => ("x", String::new()),
            ItemState::NotDone => (
                " ",
                format!(" **{}**", tr("checklist.state.not_done", lang)),
            ),
            ItemState::Unknown => (" ", format!(" _{}_", tr("checklist.state.unknown", lang))),
        };
        let reason = item
            .reason
            .map(|reason| format!(" — {}", escape(tr(reason.key(), lang))))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "- [{mark}]{state} {}{reason}",
            escape(tr(&item.label_key(), lang))
        );
    }
}

fn profiles_section(out: &mut String, profiles: &ProfileMatch, lang: Lang) {
    let _ = writeln!(
        out,
        "\n## {}\n\n{}\n|---|---|---|---|",
        tr("report.profiles", lang),
        tr("report.profile_table_header", lang)
    );
    let mark = |value: Option<bool>| match value {
        Some(true) => "✓",
        Some(false) => "×",
        None => "–",
    };
    for result in &profiles.results {
        let _ = writeln!(
            out,
            "| {} | {} | {} | `{}` |",
            escape(&result.name),
            mark(result.verifies),
            mark(result.decrypts),
            result.category
        );
    }
}
