//! The one cleanup of key text, for every key the tool reads (the Alipay public key, the AES key,
//! the mock's private key): literal `\n` escapes, a byte-order mark, surrounding quotes and
//! commas, whitespace, and PEM armour of any label (read by its dashes, so a PEM joined onto one
//! line, with four dashes or without its END line is still read).

use zeroize::Zeroizing;

/// Key text, cleaned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyText {
    /// The PEM label (`PUBLIC KEY`, `CERTIFICATE`, `RSA PRIVATE KEY`…), when there was armour.
    pub label: Option<String>,
    /// The base64 body, with every whitespace character removed. Wiped on drop.
    pub body: Zeroizing<String>,
    /// True when anything besides a trailing line break had to be removed or rewritten: the
    /// caller reports it, so a key is never silently altered.
    pub normalized: bool,
}

/// Cleans key text. Total: any text gives a (possibly empty) body.
pub fn read(text: &str) -> KeyText {
    let unescaped = text.replace("\\r", "").replace("\\n", "\n");
    let trimmed = unescaped
        .trim_start_matches('\u{feff}')
        .trim()
        .trim_matches(|ch| ch == '"' || ch == '\'' || ch == ',')
        .trim();
    let (label, body, canonical_pem) = match armour(trimmed) {
        Some(armoured) => (
            Some(armoured.label.to_owned()),
            armoured.body,
            armoured.canonical,
        ),
        None => (None, trimmed.to_owned(), false),
    };
    let compact: String = body.chars().filter(|ch| !ch.is_whitespace()).collect();
    let without_final_break = text.trim_end_matches(['\n', '\r']);
    let plain_file = without_final_break == text.trim()
        && !without_final_break.contains('\r')
        && !text.contains("\\n")
        && !text.contains(['"', '\''])
        && !text.starts_with('\u{feff}');
    let normalized = !(plain_file && (canonical_pem || compact == trimmed));
    KeyText {
        label,
        body: Zeroizing::new(compact),
        normalized,
    }
}

/// A PEM block found in key text.
struct Armour<'text> {
    label: &'text str,
    /// The base64 body, header lines (`Name: value`) removed.
    body: String,
    /// The usual layout: five dashes, label and body on their own lines.
    canonical: bool,
}

/// Finds the first PEM block: `-----BEGIN <label>-----`, body, `-----END …`.
fn armour(text: &str) -> Option<Armour<'_>> {
    let begin = text.find("-BEGIN")?;
    let after_begin = text.get(begin + "-BEGIN".len()..)?;
    let label_end = after_begin.find(['-', '\n']).unwrap_or(after_begin.len());
    let label = after_begin.get(..label_end)?.trim();
    let after_label = after_begin.get(label_end..)?;
    let rest = after_label.trim_start_matches('-');
    let dashes_after = after_label.len() - rest.len();
    let body = rest
        .find("-END")
        .and_then(|end| rest.get(..end))
        .unwrap_or(rest);
    let body: Vec<&str> = body
        .trim_end_matches('-')
        .lines()
        .filter(|line| !line.contains(':'))
        .collect();
    let canonical =
        text.starts_with("-----BEGIN") && dashes_after == 5 && rest.starts_with(['\n', '\r']);
    Some(Armour {
        label,
        body: body.join("\n"),
        canonical,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_key_is_not_normalized() {
        let read = read("QUJDRA==\n");
        assert_eq!(read.body.as_str(), "QUJDRA==");
        assert!(!read.normalized);
        assert_eq!(read.label, None);
    }

    #[test]
    fn reads_quoted_escaped_and_one_line_pem() {
        let read = read("\"-----BEGIN PUBLIC KEY-----\\nQUJD\\nRA==\\n-----END PUBLIC KEY-----\"");
        assert_eq!(read.label.as_deref(), Some("PUBLIC KEY"));
        assert_eq!(read.body.as_str(), "QUJDRA==");
        assert!(read.normalized);
        let one_line = read_pem("-----BEGIN PUBLIC KEY----- QUJD RA== -----END PUBLIC KEY-----");
        assert_eq!(one_line, "QUJDRA==");
        let four = read_pem("----BEGIN RSA PRIVATE KEY----\nQUJD\n----END RSA PRIVATE KEY----");
        assert_eq!(four, "QUJD");
    }

    fn read_pem(text: &str) -> String {
        read(text).body.to_string()
    }

    #[test]
    fn a_canonical_pem_file_is_not_normalized() {
        let read = read("-----BEGIN PUBLIC KEY-----\nQUJD\nRA==\n-----END PUBLIC KEY-----\n");
        assert!(!read.normalized);
        assert!(super::read("\u{feff}QUJD").normalized);
        assert!(super::read("QUJD\r\nRA==").normalized);
        assert!(!super::read("QUJD\r\n").normalized);
    }
}
