//! Unit tests of the printout reader: one printout of each language, and what it must not read.
use super::*;

const R: &str = "QUJDREVGR0hJSktMTU5PUA==";
const S: &str = "c2lnbmF0dXJl+/8=";

fn read_json(text: &str) -> (String, PrintoutForm) {
    let found = read(text).unwrap_or_else(|| panic!("not read: {text}"));
    let form = match found
        .findings
        .first()
        .and_then(|finding| finding.param("form"))
    {
        Some(crate::domain::report::Param::Term(crate::domain::Term::PrintoutForm(form))) => *form,
        _ => panic!("no form"),
    };
    (found.json, form)
}

/// One printout of the same envelope in each language, with the form it must be named.
fn printouts() -> Vec<(String, PrintoutForm)> {
    vec![
        (
            format!("{{'response': '{R}', 'sign': '{S}', 'sign_type': 'RSA2'}}"),
            PrintoutForm::PythonRepr,
        ),
        (
            format!("{{u'sign_type': u'RSA2', u'sign': u'{S}', u'response': u'{R}'}}"),
            PrintoutForm::PythonRepr,
        ),
        (
            format!("P(response='{R}', sign='{S}', sign_type='RSA2')"),
            PrintoutForm::PythonRepr,
        ),
        (
            format!("M([('response', '{R}'), ('sign', '{S}'), ('sign_type', 'RSA2')])"),
            PrintoutForm::PythonRepr,
        ),
        (
            format!("<QueryDict: {{'response': ['{R}'], 'sign': ['{S}'], 'sign_type': ['RSA2']}}>"),
            PrintoutForm::PythonRepr,
        ),
        (
            format!("{{charset=UTF-8, response={R}, sign={S}, sign_type=RSA2}}"),
            PrintoutForm::JavaToString,
        ),
        (
            format!("R[response={R}, sign={S}, signType=RSA2]"),
            PrintoutForm::JavaToString,
        ),
        (
            format!("{{response=[{R}], sign=[{S}], sign_type=[RSA2]}}"),
            PrintoutForm::JavaToString,
        ),
        (
            format!("{{ response = {R}, sign = {S}, sign_type = RSA2 }}"),
            PrintoutForm::CsharpToString,
        ),
        (
            format!(
                "Array\n(\n    [response] => {R}\n    [sign] => {S}\n    [sign_type] => RSA2\n)\n"
            ),
            PrintoutForm::PhpPrintR,
        ),
        (
            format!(
                "array(3) {{\n  [\"response\"]=>\n  string(24) \"{R}\"\n  [\"sign\"]=>\n  string(16) \"{S}\"\n  [\"sign_type\"]=>\n  string(4) \"RSA2\"\n}}\n"
            ),
            PrintoutForm::PhpVarDump,
        ),
        (
            format!(
                "array (\n  'response' => '{R}',\n  'sign' => '{S}',\n  'sign_type' => 'RSA2',\n)"
            ),
            PrintoutForm::PhpVarExport,
        ),
        (
            format!("map[charset:UTF-8 response:{R} sign:{S} sign_type:RSA2]"),
            PrintoutForm::GoFmt,
        ),
        (
            format!("main.T{{Response:\"{R}\", Sign:\"{S}\", SignType:\"RSA2\"}}"),
            PrintoutForm::GoFmt,
        ),
        (
            format!("{{\"response\"=>\"{R}\", \"sign\"=>\"{S}\", \"sign_type\"=>\"RSA2\"}}"),
            PrintoutForm::RubyInspect,
        ),
        (
            format!("{{:response=>\"{R}\", :sign=>\"{S}\", :sign_type=>\"RSA2\"}}"),
            PrintoutForm::RubyInspect,
        ),
    ]
}

#[test]
fn reads_each_language() {
    let expected = format!(r#"{{"response":"{R}","sign":"{S}","sign_type":"RSA2"}}"#);
    for (text, form) in printouts() {
        let (json, found) = read_json(&text);
        let keep: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&json).unwrap();
        let mut keep: serde_json::Map<String, serde_json::Value> = keep
            .into_iter()
            .map(|(name, value)| (name, value.as_str().unwrap().trim().into()))
            .collect();
        keep.remove("charset");
        assert_eq!(serde_json::to_string(&keep).unwrap(), expected, "{text}");
        assert_eq!(found, form, "{text}");
    }
}

#[test]
fn keeps_damage_for_the_repairs_and_rebuilds_plain_objects() {
    // `+` turned into spaces stays in the value, for the base64 repair to see and report.
    let (json, _) = read_json("map[response:QUJD REVGR0hJSktMTU5PUA== sign:c2ln]");
    assert_eq!(
        json,
        r#"{"response":"QUJD REVGR0hJSktMTU5PUA==","sign":"c2ln"}"#
    );
    let found =
        read("{'response': {'code': '40001', 'n': 1, 'msg': '缺少'}, 'sign': 'c2ln'}").unwrap();
    assert_eq!(
        found.json,
        r#"{"response":{"code":"40001","n":1,"msg":"缺少"},"sign":"c2ln"}"#
    );
    assert_eq!(
        found.findings.get(1).map(|finding| finding.code),
        Some(FindingCode::PrintoutPlainRebuilt)
    );
}

#[test]
fn does_not_read_ordinary_text() {
    assert!(read("the response was empty").is_none());
    assert!(read("response: ok").is_none());
    assert!(read(&format!("x+response={R}")).is_none());
}
