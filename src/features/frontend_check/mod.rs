//! The front-end check: reads the mini program's AXML and JS and reports what the FAQ's 使用注意
//! and 故障排查 sections require: a `getAuthorize` button with `scope="phoneNumber"`,
//! `onGetAuthorize` and `onError` handlers, a `canIUse` guard, `my.getPhoneNumber` called inside
//! the authorize handler, and `res.response` sent unchanged (no form encoding, no second
//! stringify). Also classifies a pasted `fail` result or `onError` detail.

use crate::domain::codes::{FindingCode, Group};
use axml::Attributes;

use crate::domain::report::{Finding, Severity};
use crate::domain::terms::FormEncoding;
use crate::domain::{Inputs, diagnose};

mod axml;
mod js;

/// Classifies a pasted `fail` result (`{error, errorMessage}`) or a button `onError` detail, in
/// any form the response editor accepts (JSON, console dump, log line). `None` when it is not one.
/// A console dump of a JavaScript object (`{error: 4, errorMessage: '无权调用'}`) is accepted too.
pub fn classify_result(text: &str) -> Option<Finding> {
    let classify = |text: &str| {
        let report = diagnose(&Inputs {
            response: text.as_bytes().to_vec(),
            alipay_public_key: None,
            aes_key: None,
            now_unix_secs: None,
        });
        report
            .findings
            .into_iter()
            .find(|finding| finding.code.group() == Group::FrontendResult)
    };
    classify(text).or_else(|| classify(&crate::domain::input::js_object_to_json(text)))
}

/// Checks the page's AXML and JS. Always returns at least one finding: the problems found, or
/// [`FindingCode::FrontendCheckPassed`].
pub fn check_frontend(axml: &str, js: &str) -> Vec<Finding> {
    let js = js::strip_comments(js);
    let mut findings = Vec::new();
    let buttons = axml::buttons(axml);
    let button = auth_button(&buttons);
    let handlers = match button {
        Some(button) => check_button(button, &mut findings),
        None => {
            findings.push(Finding::new(FindingCode::FrontendButtonMissing));
            Handlers::default()
        }
    };
    if !js::calls(&js, "canIUse") {
        findings.push(Finding::new(FindingCode::FrontendCanIUseMissing));
    }
    check_handlers(&js, &handlers, &mut findings);
    check_sending(&js, &mut findings);
    if findings
        .iter()
        .all(|finding| finding.severity() < Severity::Warning)
    {
        findings.push(Finding::new(FindingCode::FrontendCheckPassed));
    }
    findings
}

/// The handler names found on the button.
#[derive(Debug, Default)]
struct Handlers {
    /// `onGetAuthorize` (or uni-app `@getAuthorize`).
    authorize: Option<String>,
    /// `onGetPhoneNumber` (base library ≥ 2.8.0 variant: the data arrives in the event).
    phone_event: Option<String>,
    /// `onError` (or uni-app `@error`).
    error: Option<String>,
}

fn auth_button(buttons: &[Attributes]) -> Option<&Attributes> {
    let is_auth = |button: &&Attributes| {
        axml::attribute(button, &["open-type"])
            .is_some_and(|kind| kind.eq_ignore_ascii_case("getAuthorize"))
    };
    let phone_scope =
        |button: &&Attributes| axml::attribute(button, &["scope"]) == Some("phoneNumber");
    buttons
        .iter()
        .filter(is_auth)
        .find(phone_scope)
        .or_else(|| buttons.iter().find(is_auth))
}

fn check_button(button: &Attributes, findings: &mut Vec<Finding>) -> Handlers {
    let scope = axml::attribute(button, &["scope"]);
    if scope != Some("phoneNumber") {
        let found = scope.filter(|scope| !scope.is_empty()).unwrap_or("-");
        findings.push(Finding::new(FindingCode::FrontendScopeWrong).with("found", found));
    }
    let named = |names: &[&str]| {
        axml::attribute(button, names)
            .filter(|name| !name.is_empty())
            .map(str::to_owned)
    };
    let handlers = Handlers {
        authorize: named(&["ongetauthorize", "@getauthorize", "v-on:getauthorize"]),
        phone_event: named(&["ongetphonenumber", "@getphonenumber"]),
        error: named(&["onerror", "@error", "v-on:error"]),
    };
    if handlers.authorize.is_none() && handlers.phone_event.is_none() {
        findings.push(Finding::new(FindingCode::FrontendOnGetAuthorizeMissing));
    }
    if handlers.error.is_none() {
        findings.push(Finding::new(FindingCode::FrontendOnErrorMissing));
    }
    handlers
}

fn check_handlers(js: &str, handlers: &Handlers, findings: &mut Vec<Finding>) {
    let calls_api = |text: &str| js::calls(text, "getPhoneNumber");
    for name in [&handlers.authorize, &handlers.phone_event, &handlers.error]
        .into_iter()
        .flatten()
    {
        if js::function_body(js, name).is_none() {
            findings.push(Finding::new(FindingCode::FrontendHandlerNotFound).with("handler", name));
        }
    }
    if handlers.phone_event.is_some() && handlers.authorize.is_none() {
        // The event variant delivers the data without a call.
        return;
    }
    if !calls_api(js) {
        findings.push(Finding::new(FindingCode::FrontendGetPhoneNumberMissing));
        return;
    }
    let Some(name) = &handlers.authorize else {
        return;
    };
    let Some(body) = js::function_body(js, name) else {
        return;
    };
    let inside = calls_api(body)
        || js::this_calls(body)
            .into_iter()
            .filter_map(|callee| js::function_body(js, callee))
            .any(calls_api);
    if !inside {
        findings
            .push(Finding::new(FindingCode::FrontendCalledOutsideHandler).with("handler", name));
    }
}

fn check_sending(js: &str, findings: &mut Vec<Finding>) {
    let form = if js.contains("x-www-form-urlencoded") {
        Some(FormEncoding::FormUrlencoded)
    } else if js::calls(js, "my.httpRequest") && !js.contains("application/json") {
        Some(FormEncoding::HttpRequestWithoutJson)
    } else if js::calls(js, "qs.stringify") || js::calls(js, "querystring.stringify") {
        Some(FormEncoding::QueryString)
    } else if (js.contains("?response=") || js.contains("&response="))
        && !js.contains("encodeURIComponent")
    {
        Some(FormEncoding::QueryParameter)
    } else {
        None
    };
    if let Some(detail) = form {
        findings.push(Finding::new(FindingCode::FrontendFormEncoded).with("detail", detail));
    }
    let stringified = js::call_arguments(js, "JSON.stringify")
        .into_iter()
        .any(|argument| argument.trim().ends_with(".response"));
    if stringified {
        findings.push(Finding::new(FindingCode::FrontendResponseStringified));
    }
    let reads_sign = ["res.sign", ".response.sign"].iter().any(|pattern| {
        js.match_indices(pattern).any(|(index, _)| {
            js.get(index + pattern.len()..)
                .and_then(|rest| rest.chars().next())
                .is_none_or(|ch| !(ch.is_alphanumeric() || ch == '_'))
        })
    });
    if reads_sign {
        findings.push(Finding::new(FindingCode::FrontendResSignUsed));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_pasted_results() {
        let finding = classify_result(r#"{"error":4,"errorMessage":"无权调用"}"#).unwrap();
        assert_eq!(finding.code, FindingCode::FrontendNoPermission);
        assert!(classify_result(r#"{"response":"abc"}"#).is_none());
    }

    #[test]
    fn a_minimal_correct_page_passes() {
        let axml = r#"<button open-type="getAuthorize" scope="phoneNumber" onGetAuthorize="onAuth" onError="onErr">x</button>"#;
        let js = "Page({ onLoad() { my.canIUse('getPhoneNumber'); }, onAuth() { my.getPhoneNumber({ success: (res) => { my.request({ data: { response: res.response } }); } }); }, onErr() {} })";
        let codes: Vec<FindingCode> = check_frontend(axml, js)
            .iter()
            .map(|finding| finding.code)
            .collect();
        assert_eq!(codes, vec![FindingCode::FrontendCheckPassed]);
    }
}
