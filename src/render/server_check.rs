//! The readable report of `server-check --format text`: a summary line, then one entry per
//! finding (`file:line`, severity, title, code) with the code of its line and the fix. Colours
//! follow the terminal.

use anstyle::{AnsiColor, Style};

use crate::domain::Severity;
use crate::features::server_check::{Located, ServerFinding};
use crate::i18n::server_check::{remediation, title};
use crate::i18n::{Lang, fill, severity_label, tr};

/// How many findings of each severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Hints (info).
    pub infos: usize,
}

impl Counts {
    /// Counts `findings`.
    pub fn of<'a>(findings: impl IntoIterator<Item = &'a ServerFinding>) -> Self {
        let mut counts = Self::default();
        for finding in findings {
            match finding.severity {
                Severity::Error => counts.errors += 1,
                Severity::Warning => counts.warnings += 1,
                Severity::Info => counts.infos += 1,
                Severity::Ok => {}
            }
        }
        counts
    }
}

/// `2 file(s), 1 error(s), 0 warning(s), 3 hint(s)`.
pub fn summary(files: usize, counts: Counts, lang: Lang) -> String {
    fill(
        tr("server_check.report.summary", lang),
        &[
            ("files", &files.to_string()),
            ("errors", &counts.errors.to_string()),
            ("warnings", &counts.warnings.to_string()),
            ("infos", &counts.infos.to_string()),
        ],
    )
}

/// `line 12` in `lang`.
pub fn line_label(line: usize, lang: Lang) -> String {
    fill(
        tr("server_check.report.line", lang),
        &[("line", &line.to_string())],
    )
}

fn style(severity: Severity) -> Style {
    let color = match severity {
        Severity::Ok => AnsiColor::Green,
        Severity::Info => AnsiColor::Cyan,
        Severity::Warning => AnsiColor::Yellow,
        Severity::Error => AnsiColor::Red,
    };
    Style::new().fg_color(Some(color.into())).bold()
}

/// Writes the report of `files` checked files with their `findings` (in file order, then line).
pub fn render(
    out: &mut impl std::io::Write,
    files: usize,
    findings: &[Located],
    lang: Lang,
) -> std::io::Result<()> {
    let bold = Style::new().bold();
    let counts = Counts::of(findings.iter().map(|located| &located.finding));
    writeln!(
        out,
        "{bold}{}{bold:#}: {}",
        tr("server_check.report.heading", lang),
        summary(files, counts, lang)
    )?;
    if findings.is_empty() {
        return writeln!(out, "{}", tr("server_check.report.none", lang));
    }
    for Located {
        finding,
        source_line,
    } in findings
    {
        writeln!(out)?;
        writeln!(
            out,
            "{}:{}  {s}[{}]{s:#} {}  ({})",
            finding.file,
            finding.line,
            severity_label(finding.severity, lang),
            title(finding.code, lang),
            finding.code.as_str(),
            s = style(finding.severity)
        )?;
        if !source_line.is_empty() {
            writeln!(out, "    > {source_line}")?;
        }
        writeln!(
            out,
            "    {}: {}",
            tr("report.fix", lang),
            remediation(finding.code, lang)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::server_check::ServerCode;

    fn finding(code: ServerCode, severity: Severity) -> Located {
        Located {
            finding: ServerFinding {
                code,
                severity,
                file: "Phone.java".to_owned(),
                line: 7,
            },
            source_line: "Cipher.getInstance(\"AES\");".to_owned(),
        }
    }

    #[test]
    fn renders_each_finding_with_its_place_and_fix() {
        let findings = [
            finding(ServerCode::AesEcb, Severity::Error),
            finding(ServerCode::DecryptWithoutVerify, Severity::Info),
        ];
        let mut out = Vec::new();
        render(&mut out, 1, &findings, Lang::En).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains("1 error(s), 0 warning(s), 1 hint(s)"),
            "{text}"
        );
        assert!(text.contains("Phone.java:7"), "{text}");
        assert!(text.contains("(code_aes_ecb)"), "{text}");
        assert!(
            text.contains("    > Cipher.getInstance(\"AES\");"),
            "{text}"
        );
        assert!(
            text.contains(remediation(ServerCode::AesEcb, Lang::En)),
            "{text}"
        );
    }

    #[test]
    fn a_clean_result_says_what_it_does_not_prove() {
        let mut out = Vec::new();
        render(&mut out, 3, &[], Lang::Zh).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains(tr("server_check.report.none", Lang::Zh)),
            "{text}"
        );
        assert_eq!(line_label(4, Lang::En), "line 4");
    }
}
