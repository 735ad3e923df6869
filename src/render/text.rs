//! The readable report of `check --format text`: verdict first, then signature, decryption and
//! findings with remediation. Colours follow the terminal (none when piped or with `NO_COLOR`).

use anstyle::{AnsiColor, Style};

use super::mask::masked_payload;
use crate::domain::{Report, Severity};
use crate::features::checklist::{Checklist, ItemState};
use crate::features::profiles::ProfileMatch;
use crate::i18n::Lang;
use crate::i18n::findings::{remediation, title};
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

/// Writes the report to `out` with terminal styles (the caller's stream strips them when it is
/// not a terminal).
pub fn render(
    out: &mut impl std::io::Write,
    report: &Report,
    lang: Lang,
    show_mobile: bool,
) -> std::io::Result<()> {
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
    render_signature(out, report, lang)?;
    render_payload(out, report, lang, show_mobile)?;
    writeln!(out)?;
    writeln!(out, "{bold}{}{bold:#}:", tr("report.findings", lang))?;
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
            writeln!(out, "      {}: {fix}", tr("report.fix", lang))?;
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
        tr("report.signature", lang),
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
            "  {}: {preview}{}",
            tr("report.signed_content", lang),
            super::parenthesized(&super::byte_count(signature.signed_content_len, lang), lang)
        )?;
    }
    if let Some(key) = &report.public_key {
        let short = key.short_fingerprint();
        write!(
            out,
            "  {}: {}{}{} {short}",
            tr("report.public_key", lang),
            super::key_kind_and_size(key, lang),
            tr("report.list_separator", lang),
            tr("report.fingerprint", lang)
        )?;
        if let Some(cert) = &key.certificate {
            write!(
                out,
                "{}{} {} ({} – {})",
                tr("report.list_separator", lang),
                tr("report.certificate", lang),
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
            tr("report.decryption", lang),
            tr("report.no_payload", lang)
        );
    };
    let masked = !show_mobile && report.mobile().is_some_and(|mobile| !mobile.is_empty());
    let json = if masked {
        masked_payload(report)
    } else {
        payload.json.clone()
    };
    let trust = if payload.trusted {
        tr("report.trusted", lang)
    } else {
        tr("report.untrusted", lang)
    };
    let plain = if payload.plain {
        format!(
            "{}{}",
            tr("report.list_separator", lang),
            tr("report.plain_payload", lang)
        )
    } else {
        String::new()
    };
    writeln!(
        out,
        "{bold}{}{bold:#}: {json} [{trust}{plain}]",
        tr("report.decryption", lang)
    )?;
    if masked {
        writeln!(out, "  {}", tr("report.mobile_masked_note", lang))?;
    }
    Ok(())
}

/// Writes what `check` adds after the report: the profile used, every profile tried, the
/// checklist.
pub fn render_extras(
    out: &mut impl std::io::Write,
    lang: Lang,
    (profile_used, profiles): (Option<&str>, Option<&ProfileMatch>),
    checklist: Option<&Checklist>,
) -> std::io::Result<()> {
    let bold = Style::new().bold();
    if let Some(name) = profile_used {
        writeln!(
            out,
            "\n{bold}{}{bold:#}: {name}",
            tr("cli.profile_used", lang)
        )?;
    }
    if let Some(matched) = profiles {
        writeln!(
            out,
            "\n{bold}{}{bold:#}: {}",
            tr("cli.profiles_heading", lang),
            super::profiles::summary(matched, lang)
        )?;
        let word = |value: Option<bool>| match value {
            Some(true) => tr("cli.profile_yes", lang),
            Some(false) => tr("cli.profile_no", lang),
            None => tr("cli.profile_not_applicable", lang),
        };
        for result in &matched.results {
            writeln!(
                out,
                "  {}: {} {}, {} {}  ({})",
                result.name,
                tr("cli.profile_verifies", lang),
                word(result.verifies),
                tr("cli.profile_decrypts", lang),
                word(result.decrypts),
                result.category
            )?;
        }
    }
    if let Some(list) = checklist {
        writeln!(out, "\n{bold}{}{bold:#}:", tr("checklist.heading", lang))?;
        for item in &list.items {
            let (mark, state) = match item.state {
                ItemState::Done => ("[x]", tr("checklist.state.done", lang)),
                ItemState::NotDone => ("[ ]", tr("checklist.state.not_done", lang)),
                ItemState::Unknown => ("[?]", tr("checklist.state.unknown", lang)),
            };
            let reason = item
                .reason
                .map(|reason| format!(" — {}", tr(reason.key(), lang)))
                .unwrap_or_default();
            writeln!(
                out,
                "  {mark} {}{}{reason}",
                tr(&item.label_key(), lang),
                super::parenthesized(state, lang)
            )?;
        }
    }
    Ok(())
}

/// Writes the front-end check's findings: each with its severity, title and, for warnings and
/// errors, the fix.
pub fn render_frontend_check(
    out: &mut impl std::io::Write,
    findings: &[crate::domain::Finding],
    lang: Lang,
) -> std::io::Result<()> {
    writeln!(out, "{}:", tr("report.frontend_check_heading", lang))?;
    for finding in findings {
        writeln!(
            out,
            "  [{}] {}  ({})",
            severity_label(finding.severity(), lang),
            title(finding, lang),
            finding.code.as_str()
        )?;
        if finding.severity() >= Severity::Warning {
            writeln!(
                out,
                "      {}: {}",
                tr("report.fix", lang),
                remediation(finding, lang)
            )?;
        }
    }
    Ok(())
}

/// Writes the summary of `scan`: the counts, then one row per category with its first line
/// numbers, then the decrypted result codes.
pub fn render_scan_summary(
    out: &mut impl std::io::Write,
    summary: &crate::features::scan::Summary,
    lang: Lang,
) -> std::io::Result<()> {
    let tally = &summary.tally;
    let line = crate::i18n::fill(
        tr("scan.summary", lang),
        &[
            ("lines", &tally.lines.to_string()),
            ("payloads", &tally.payloads.to_string()),
            ("blank", &tally.blank_lines.to_string()),
            ("threads", &summary.threads.to_string()),
            ("secs", &format!("{:.2}", summary.elapsed_secs)),
            ("rate", &format!("{:.0}", summary.payloads_per_sec)),
        ],
    );
    writeln!(out, "{line}")?;
    writeln!(
        out,
        "\n{} {}  {}",
        pad_end(tr("scan.category", lang), 36),
        pad_start(tr("scan.count", lang), 10),
        tr("scan.first_lines", lang)
    )?;
    for (category, counted) in &tally.categories {
        let first: Vec<String> = counted.first_lines.iter().map(u64::to_string).collect();
        writeln!(
            out,
            "{category:<36} {:>10}  {}",
            counted.count,
            first.join(", ")
        )?;
    }
    if !tally.result_codes.is_empty() {
        writeln!(
            out,
            "\n{} {}",
            pad_end(tr("scan.result_code", lang), 36),
            pad_start(tr("scan.count", lang), 10)
        )?;
        for (code, count) in &tally.result_codes {
            writeln!(out, "{code:<36} {count:>10}")?;
        }
    }
    Ok(())
}

/// `text` padded with spaces to `columns` terminal columns (a Chinese character takes two).
fn pad_end(text: &str, columns: usize) -> String {
    let width = unicode_width::UnicodeWidthStr::width(text);
    format!("{text}{}", " ".repeat(columns.saturating_sub(width)))
}

/// `text` right-aligned in `columns` terminal columns.
fn pad_start(text: &str, columns: usize) -> String {
    let width = unicode_width::UnicodeWidthStr::width(text);
    format!("{}{text}", " ".repeat(columns.saturating_sub(width)))
}
