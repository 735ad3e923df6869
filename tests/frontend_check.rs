//! The front-end check on small AXML/JS fixtures (`tests/fixtures/frontend/`): each missing piece
//! is flagged by its code, a correct page passes, and the command line exits accordingly.

#![expect(clippy::unwrap_used, reason = "test helpers panic on broken fixtures")]

use std::path::{Path, PathBuf};
use std::process::Command;

use alipay_phone_doctor::domain::FindingCode as C;
use alipay_phone_doctor::features::frontend_check::{check_frontend, classify_result};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/frontend")
        .join(name)
}

fn codes(axml: &str, js: &str) -> Vec<C> {
    let read = |name| std::fs::read_to_string(fixture(name)).unwrap();
    check_frontend(&read(axml), &read(js))
        .iter()
        .map(|finding| finding.code)
        .collect()
}

#[test]
fn a_correct_page_passes() {
    assert_eq!(codes("good.axml", "good.js"), vec![C::FrontendCheckPassed]);
    assert_eq!(
        codes("uniapp.vue", "uniapp.js"),
        vec![C::FrontendCheckPassed]
    );
}

#[test]
fn flags_each_missing_piece_of_the_button() {
    assert_eq!(
        codes("no_button.axml", "good.js"),
        vec![C::FrontendButtonMissing]
    );
    assert_eq!(
        codes("wrong_scope.axml", "good.js"),
        vec![C::FrontendScopeWrong]
    );
    assert_eq!(
        codes("no_handlers.axml", "good.js"),
        vec![C::FrontendOnGetAuthorizeMissing, C::FrontendOnErrorMissing]
    );
    assert_eq!(
        codes("good.axml", "uniapp.js"),
        vec![C::FrontendHandlerNotFound]
    );
}

#[test]
fn flags_the_call_site_and_the_way_the_response_is_sent() {
    assert_eq!(
        codes("good.axml", "bad.js"),
        vec![
            C::FrontendCanIUseMissing,
            C::FrontendCalledOutsideHandler,
            C::FrontendFormEncoded,
            C::FrontendResponseStringified,
            C::FrontendResSignUsed,
        ]
    );
    assert_eq!(
        codes("good.axml", "query_string.js"),
        vec![C::FrontendFormEncoded]
    );
}

#[test]
fn a_page_without_any_call_is_flagged() {
    let found: Vec<C> = check_frontend("", "")
        .iter()
        .map(|finding| finding.code)
        .collect();
    assert_eq!(
        found,
        vec![
            C::FrontendButtonMissing,
            C::FrontendCanIUseMissing,
            C::FrontendGetPhoneNumberMissing
        ]
    );
}

#[test]
fn classifies_pasted_front_end_results() {
    let code = |text: &str| classify_result(text).map(|finding| finding.code);
    assert_eq!(
        code(r#"{"error":1,"errorMessage":"该接口暂不支持"}"#),
        Some(C::FrontendIdeUnsupported)
    );
    assert_eq!(
        code(r#"{"error":4,"errorMessage":"无权调用"}"#),
        Some(C::FrontendNoPermission)
    );
    assert_eq!(
        code(r#"{"error":11,"errorMessage":"用户取消"}"#),
        Some(C::FrontendUserCancelled)
    );
    assert_eq!(
        code(r#"{"type":"getAuthorize","errorMessage":"用户拒绝"}"#),
        Some(C::FrontendAuthFailed)
    );
    assert_eq!(
        code(r#"{"error":3,"errorMessage":"未知错误"}"#),
        Some(C::FrontendCallFailed)
    );
    assert_eq!(
        code("{error: 4, errorMessage: '无权调用'}"),
        Some(C::FrontendNoPermission)
    );
    assert_eq!(
        code("{ detail: { type: 'getAuthorize', errorMessage: '用户拒绝' } }"),
        Some(C::FrontendAuthFailed)
    );
    assert_eq!(code("not a result"), None);
}

#[test]
fn the_command_line_exits_by_the_result() {
    let run = |axml: &str, js: &str| {
        Command::new(env!("CARGO_BIN_EXE_alipay-phone-doctor"))
            .args([
                "frontend-check",
                "--format",
                "json",
                "--lang",
                "en",
                "--axml",
            ])
            .arg(fixture(axml))
            .arg("--js")
            .arg(fixture(js))
            .output()
            .unwrap()
    };
    let good = run("good.axml", "good.js");
    assert_eq!(good.status.code(), Some(0));
    let bad = run("wrong_scope.axml", "good.js");
    assert_eq!(bad.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&bad.stdout).unwrap();
    assert_eq!(json["findings"][0]["code"], "frontend_scope_wrong");
    assert_eq!(json["findings"][0]["params"]["found"], "userInfo");
    assert_eq!(run("missing.axml", "good.js").status.code(), Some(2));
}
