//! The readable report of `check --format text`: verdict first, then signature, decryption and
//! findings with remediation. Colours follow the terminal (none when piped or with `NO_COLOR`).

use std::io::Write as _;

use anstyle::{AnsiColor, Style};

use crate::domain::hints::{remediation, title};
use crate::domain::{Lang, Report, Severity, mask_mobile};
use crate::i18n::{opening_key, severity_label, status_key, tr};

fn style(severity: Severity) -> Style {
    let color = match severity {
        Severity::Ok => AnsiColor::Green,
        Severity::Info => AnsiColor::Cyan,
        Severity::Warning => AnsiColor::Yellow,
        Severity::Error => AnsiColor::Red,
    };
    Style::new().fg_color(Some(color.into())).bold()
}

/// Writes the report to standard output.
pub fn render(report: &Report, lang: Lang, show_mobile: bool) -> std::io::Result<()> {
    let mut out = anstream::stdout().lock();
    let verdict = report.verdict_severity();
    let sentence = report
        .primary_finding()
        .map(|finding| title(finding, lang))
        .unwrap_or_default();
    let bold = Style::new().bold();
    writeln!(
        out,
        "{s}[{}] {sentence}{s:#}  ({})",
        severity_label(verdict, lang),
        report.category,
        s = style(verdict)
    )?;
    writeln!(out)?;
    render_signature(&mut out, report, lang)?;
    render_payload(&mut out, report, lang, show_mobile)?;
    writeln!(out)?;
    writeln!(out, "{bold}{}{bold:#}:", tr("findings", lang))?;
    for finding in &report.findings {
        let severity = finding.severity();
        writeln!(
            out,
            "  {s}[{}]{s:#} {}  ({})",
            severity_label(severity, lang),
            title(finding, lang),
            finding.code.as_str(),
            s = style(severity)
        )?;
        let fix = remediation(finding, lang);
        if !fix.is_empty() && severity >= Severity::Warning {
            writeln!(out, "      {}: {fix}", tr("fix", lang))?;
        }
    }
    Ok(())
}

fn render_signature(
    out: &mut impl std::io::Write,
    report: &Report,
    lang: Lang,
) -> std::io::Result<()> {
    let bold = Style::new().bold();
    let signature = &report.signature;
    let sig_severity = signature.status.severity();
    write!(
        out,
        "{bold}{}{bold:#}: {s}{}{s:#}",
        tr("signature", lang),
        tr(status_key(signature.status), lang),
        s = style(sig_severity)
    )?;
    if let Some(algorithm) = signature.algorithm {
        write!(out, " ({algorithm})")?;
    }
    writeln!(out)?;
    if let Some(opening) = signature.opening {
        let key = opening_key(opening);
        writeln!(out, "  {}", tr(key, lang))?;
    }
    if let Some(preview) = &signature.signed_content_preview {
        writeln!(
            out,
            "  {}: {preview} ({} {})",
            tr("signed_content", lang),
            signature.signed_content_len,
            tr("bytes", lang)
        )?;
    }
    if let Some(key) = &report.public_key {
        let short = crate::domain::pubkey::short_fingerprint(&key.fingerprint_sha256);
        write!(
            out,
            "  {}: {}, {} {}, {} {short}",
            tr("public_key", lang),
            key.kind,
            key.bits,
            tr("key_bits", lang),
            tr("fingerprint", lang)
        )?;
        if let Some(cert) = &key.certificate {
            write!(
                out,
                ", {} {} ({} – {})",
                tr("certificate", lang),
                cert.subject,
                cert.not_before,
                cert.not_after
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn render_payload(
    out: &mut impl std::io::Write,
    report: &Report,
    lang: Lang,
    show_mobile: bool,
) -> std::io::Result<()> {
    let bold = Style::new().bold();
    let Some(payload) = &report.payload else {
        return writeln!(
            out,
            "{bold}{}{bold:#}: {}",
            tr("decryption", lang),
            tr("no_payload", lang)
        );
    };
    let mut json = payload.json.clone();
    let masked = !show_mobile && report.mobile().is_some_and(|mobile| !mobile.is_empty());
    if masked
        && let Some(mobile) = report.mobile().map(mask_mobile)
        && let Some(slot) = json.get_mut("mobile")
    {
        *slot = serde_json::Value::String(mobile);
    }
    let trust = if payload.trusted {
        tr("trusted", lang)
    } else {
        tr("untrusted", lang)
    };
    let plain = if payload.plain {
        format!(", {}", tr("plain_payload", lang))
    } else {
        String::new()
    };
    writeln!(
        out,
        "{bold}{}{bold:#}: {json} [{trust}{plain}]",
        tr("decryption", lang)
    )?;
    if masked {
        writeln!(out, "  {}", tr("mobile_masked_note", lang))?;
    }
    Ok(())
}
