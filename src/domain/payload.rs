//! Interprets the business JSON: result codes, sub-codes and the mobile.

use serde_json::Value;

use super::codes::FindingCode;
use super::report::Finding;

/// What the business payload says, for the category rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// 10000 with a mobile (or no mobile field at all).
    Success,
    /// 10000 with `mobile: ""`.
    MobileEmpty,
    /// Any other code, verbatim.
    Error(String),
    /// No `code`.
    CodeMissing,
}

/// Reads `code`, `msg`, `subCode`/`sub_code`, `subMsg`/`sub_msg` and `mobile`.
pub fn interpret(json: &Value, findings: &mut Vec<Finding>) -> Outcome {
    let field = |names: &[&str]| names.iter().find_map(|name| json.get(*name)).map(text_of);
    let Some(code) = field(&["code"]) else {
        findings.push(Finding::new(FindingCode::ResultCodeMissing));
        return Outcome::CodeMissing;
    };
    let sub_code = field(&["subCode", "sub_code"]).unwrap_or_default();
    if code == "10000" {
        return match json.get("mobile").map(text_of) {
            Some(mobile) if mobile.trim().is_empty() => {
                findings.push(Finding::new(FindingCode::MobileEmpty));
                Outcome::MobileEmpty
            }
            Some(mobile) => {
                findings.push(Finding::new(FindingCode::ResultSuccess));
                if mobile.contains('-') {
                    findings.push(Finding::new(FindingCode::MobileOverseas));
                }
                Outcome::Success
            }
            None => {
                findings.push(Finding::new(FindingCode::ResultSuccess));
                Outcome::Success
            }
        };
    }
    let specific = match (code.as_str(), sub_code.as_str()) {
        ("20000", _) => Some(FindingCode::AlipayError20000),
        ("40001", "isv.missing-encrypt-key") => {
            Some(FindingCode::AlipayError40001MissingEncryptKey)
        }
        ("40001", "isv.missing-default-signature-type") => {
            Some(FindingCode::AlipayError40001MissingDefaultSignatureType)
        }
        ("40002", _) => Some(FindingCode::AlipayError40002),
        ("40003", _) => Some(FindingCode::AlipayError40003),
        ("40006", _) => Some(FindingCode::AlipayError40006),
        _ => None,
    };
    let finding = match specific {
        Some(code) => Finding::new(code),
        None => Finding::new(FindingCode::AlipayErrorOther)
            .with("code", &code)
            .with("sub_code", &sub_code)
            .with("msg", field(&["msg"]).unwrap_or_default())
            .with("sub_msg", field(&["subMsg", "sub_msg"]).unwrap_or_default()),
    };
    findings.push(finding);
    if code.starts_with('4') {
        findings.push(Finding::new(FindingCode::HintReauthorize));
    }
    Outcome::Error(code)
}

fn text_of(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(json: &str) -> (Outcome, Vec<FindingCode>) {
        let mut findings = Vec::new();
        let outcome = interpret(&serde_json::from_str(json).unwrap(), &mut findings);
        (
            outcome,
            findings.iter().map(|finding| finding.code).collect(),
        )
    }

    #[test]
    fn interprets_success_and_empty_mobile() {
        assert_eq!(
            run(r#"{"code":"10000","mobile":"1-123"}"#),
            (
                Outcome::Success,
                vec![FindingCode::ResultSuccess, FindingCode::MobileOverseas]
            )
        );
        assert_eq!(
            run(r#"{"code":"10000","mobile":""}"#).0,
            Outcome::MobileEmpty
        );
    }

    #[test]
    fn names_documented_errors_and_keeps_others_verbatim() {
        let (outcome, codes) = run(r#"{"code":"40001","subCode":"isv.missing-encrypt-key"}"#);
        assert_eq!(outcome, Outcome::Error("40001".to_owned()));
        assert_eq!(
            codes,
            vec![
                FindingCode::AlipayError40001MissingEncryptKey,
                FindingCode::HintReauthorize
            ]
        );
        let (outcome, codes) = run(r#"{"code":40004,"sub_code":"x"}"#);
        assert_eq!(outcome, Outcome::Error("40004".to_owned()));
        assert_eq!(codes[0], FindingCode::AlipayErrorOther);
        assert_eq!(run(r#"{"msg":"x"}"#).0, Outcome::CodeMissing);
    }
}
