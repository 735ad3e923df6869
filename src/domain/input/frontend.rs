//! Recognises front-end results pasted instead of a response: a `fail` result or an `onError` detail.

use serde_json::{Map, Value};

use crate::domain::codes::FindingCode;
use crate::domain::report::Finding;

/// Classifies `{error, errorMessage}` and `{type: "getAuthorize", errorMessage}` objects.
pub fn classify(map: &Map<String, Value>) -> Option<Finding> {
    let object = match map.get("detail") {
        Some(Value::Object(detail)) => detail,
        _ => map,
    };
    let message = object
        .get("errorMessage")
        .or_else(|| object.get("errMsg"))
        .map(display_value)
        .unwrap_or_default();
    let error = object.get("error").map(display_value);
    if object.get("type").and_then(Value::as_str) == Some("getAuthorize") {
        return Some(Finding::new(FindingCode::FrontendAuthFailed).with("message", message));
    }
    let error = error?;
    if error == "1" || message.contains("暂不支持") {
        return Some(Finding::new(FindingCode::FrontendIdeUnsupported));
    }
    // Generic JSAPI codes (domain.md 1.8): 4 无权调用, 11 用户取消.
    let specific = match error.as_str() {
        "4" => Some(FindingCode::FrontendNoPermission),
        "11" => Some(FindingCode::FrontendUserCancelled),
        _ => None,
    };
    if let Some(code) = specific {
        return Some(Finding::new(code).with("message", message));
    }
    Some(
        Finding::new(FindingCode::FrontendCallFailed)
            .with("error", error)
            .with("message", message),
    )
}

fn display_value(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn object(text: &str) -> Map<String, Value> {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn recognises_each_front_end_failure() {
        let ide = classify(&object(r#"{"error":1,"errorMessage":"该接口暂不支持"}"#)).unwrap();
        assert_eq!(ide.code, FindingCode::FrontendIdeUnsupported);
        let refused = classify(&object(
            r#"{"detail":{"type":"getAuthorize","errorMessage":"用户拒绝"}}"#,
        ))
        .unwrap();
        assert_eq!(refused.code, FindingCode::FrontendAuthFailed);
        let cancelled = classify(&object(r#"{"error":11,"errorMessage":"用户取消"}"#)).unwrap();
        assert_eq!(cancelled.code, FindingCode::FrontendUserCancelled);
        let denied = classify(&object(r#"{"error":"4","errorMessage":"无权调用"}"#)).unwrap();
        assert_eq!(denied.code, FindingCode::FrontendNoPermission);
        let other = classify(&object(r#"{"error":2,"errorMessage":"参数错误"}"#)).unwrap();
        assert_eq!(other.code, FindingCode::FrontendCallFailed);
        assert_eq!(other.param_token("error").as_deref(), Some("2"));
        assert!(classify(&object(r#"{"foo":1}"#)).is_none());
    }
}
