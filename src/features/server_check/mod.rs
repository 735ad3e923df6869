//! The server-code check: token rules over server code that verifies and decrypts the
//! `res.response` of `my.getPhoneNumber` (Java, PHP, JavaScript/TypeScript, Python, Go, C#).
//! The rules are data (`assets/server_code_rules.toml`, read once); this module masks
//! comments, finds functions and runs them. Pure: text in, typed findings out.

mod codes;
mod data;
mod engine;
mod functions;
mod lines;
mod mask;
mod rules;
mod template;

use std::sync::OnceLock;

pub use codes::{Language, ServerCode};
pub use rules::{RuleSet, RulesError};

use crate::domain::Severity;

/// The rule data built into the program.
pub const BUILTIN_RULES: &str = include_str!("../../../assets/server_code_rules.toml");

/// One finding: which mistake, how serious, where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerFinding {
    /// The mistake.
    pub code: ServerCode,
    /// `Error` for a token that is wrong wherever it appears in this flow; `Warning` and `Info`
    /// for hints that depend on data flow the rules only approximate.
    pub severity: Severity,
    /// The file as the caller named it.
    pub file: String,
    /// 1-based line.
    pub line: usize,
}

/// A finding and the code of its line, for showing where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// The finding.
    pub finding: ServerFinding,
    /// The line's text, trimmed and shortened to [`SOURCE_LINE_CHARS`] characters.
    pub source_line: String,
}

/// How much of a finding's line [`Located`] keeps.
pub const SOURCE_LINE_CHARS: usize = 160;

/// The built-in rules, compiled on first use.
pub fn builtin() -> Result<&'static RuleSet, &'static RulesError> {
    static RULES: OnceLock<Result<RuleSet, RulesError>> = OnceLock::new();
    RULES
        .get_or_init(|| RuleSet::from_toml(BUILTIN_RULES))
        .as_ref()
}

impl RuleSet {
    /// Checks `text` as `language`; `file` is only copied into the findings. Any text is
    /// accepted.
    pub fn check_source(&self, file: &str, language: Language, text: &str) -> Vec<ServerFinding> {
        engine::evaluate(self, language, text)
            .into_iter()
            .map(|hit| ServerFinding {
                code: hit.code,
                severity: hit.severity,
                file: file.to_owned(),
                line: hit.line,
            })
            .collect()
    }

    /// Like [`RuleSet::check_source`], with the code of each finding's line.
    pub fn check_located(&self, file: &str, language: Language, text: &str) -> Vec<Located> {
        self.check_source(file, language, text)
            .into_iter()
            .map(|finding| Located {
                source_line: source_line(text, finding.line),
                finding,
            })
            .collect()
    }

    /// Checks file contents as `language`: any bytes, invalid UTF-8 replaced.
    pub fn check_bytes(&self, file: &str, language: Language, bytes: &[u8]) -> Vec<ServerFinding> {
        self.check_source(file, language, &String::from_utf8_lossy(bytes))
    }
}

/// True when any finding is an error (the command line then exits 1).
pub fn has_error<'a>(findings: impl IntoIterator<Item = &'a ServerFinding>) -> bool {
    findings
        .into_iter()
        .any(|finding| finding.severity == Severity::Error)
}

/// The 1-based `line` of `text`, trimmed and cut to [`SOURCE_LINE_CHARS`] characters (with `…`);
/// empty past the end.
pub fn source_line(text: &str, line: usize) -> String {
    let whole = text
        .split('\n')
        .nth(line.saturating_sub(1))
        .unwrap_or_default()
        .trim();
    if whole.chars().count() <= SOURCE_LINE_CHARS {
        return whole.to_owned();
    }
    let mut cut: String = whole.chars().take(SOURCE_LINE_CHARS).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> &'static RuleSet {
        builtin().unwrap()
    }

    fn codes(language: Language, text: &str) -> Vec<(&'static str, usize)> {
        rules()
            .check_source("x", language, text)
            .into_iter()
            .map(|finding| (finding.code.as_str(), finding.line))
            .collect()
    }

    #[test]
    fn the_builtin_rules_load_and_cover_every_code_and_language() {
        let loaded: Vec<ServerCode> = rules().codes().map(|(code, _)| code).collect();
        let mut sorted = loaded.clone();
        sorted.sort_unstable();
        let mut all = ServerCode::ALL.to_vec();
        all.sort_unstable();
        assert_eq!(sorted, all);
        for language in Language::ALL {
            assert!(!rules().extensions(*language).is_empty(), "{language:?}");
        }
    }

    #[test]
    fn languages_come_from_the_extension() {
        assert_eq!(rules().language_of("a/B.JAVA"), Some(Language::Java));
        assert_eq!(rules().language_of("x.tsx"), Some(Language::Js));
        assert_eq!(
            rules().language_of(r"c:\src\Phone.cs"),
            Some(Language::CSharp)
        );
        assert_eq!(rules().language_of("notes.txt"), None);
        assert_eq!(rules().language_of("go"), None);
    }

    #[test]
    fn a_token_in_a_comment_is_not_a_finding() {
        let code = "class A {\n  void f() throws Exception {\n    Cipher c = Cipher.getInstance(\"AES/ECB/PKCS5Padding\");\n    c.init(Cipher.DECRYPT_MODE, k);\n  }\n}\n";
        assert_eq!(codes(Language::Java, code), vec![("code_aes_ecb", 3)]);
        let commented = code.replace("    Cipher c =", "    // Cipher c =");
        assert_eq!(codes(Language::Java, &commented), vec![]);
    }

    #[test]
    fn one_finding_per_code_and_line_and_the_per_file_limit() {
        let php = "<?php\n$a = mcrypt_decrypt(MCRYPT_RIJNDAEL_128, $k, $c, MCRYPT_MODE_CBC, $iv); mcrypt_module_open();\nmcrypt_generic_init();\n";
        assert_eq!(codes(Language::Php, php), vec![("code_mcrypt", 2)]);
    }

    #[test]
    fn a_group_condition_uses_the_same_variable() {
        let js = "function decrypt(c) {\n  const decipher = crypto.createDecipheriv('aes-128-cbc', key, Buffer.alloc(16));\n  return decipher.update(c, 'base64', 'utf8') + other.final('utf8');\n}\n";
        let found = codes(Language::Js, js);
        assert!(
            found.contains(&("code_decipher_without_final", 2)),
            "{found:?}"
        );
        let fixed = js.replace("other.final", "decipher.final");
        assert!(
            !codes(Language::Js, &fixed)
                .iter()
                .any(|(code, _)| *code == "code_decipher_without_final")
        );
    }

    #[test]
    fn findings_carry_their_line() {
        let code = "<?php\n  $a = mcrypt_decrypt($x);  \n";
        let located = rules().check_located("a.php", Language::Php, code);
        assert_eq!(located.len(), 1);
        assert_eq!(located[0].source_line, "$a = mcrypt_decrypt($x);");
        let long = format!("  {}  ", "é".repeat(SOURCE_LINE_CHARS + 5));
        assert_eq!(source_line(&long, 1).chars().count(), SOURCE_LINE_CHARS + 1);
        assert_eq!(source_line("a", 9), "");
    }

    #[test]
    fn errors_decide_the_exit_status() {
        let finding = |severity| ServerFinding {
            code: ServerCode::AesEcb,
            severity,
            file: String::new(),
            line: 1,
        };
        assert!(!has_error(&[
            finding(Severity::Warning),
            finding(Severity::Info)
        ]));
        assert!(has_error(&[
            finding(Severity::Info),
            finding(Severity::Error)
        ]));
    }
}
