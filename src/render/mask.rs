//! What a shareable report may show of the user's data: the mobile masked (`159****9050`), the
//! signed content as a short prefix, long texts shortened. The one masking function of the tool.

use serde_json::Value;

use crate::domain::Report;

/// How many characters of the ciphertext a shareable report may show.
pub const CIPHERTEXT_PREFIX_CHARS: usize = 12;

/// Masks a mobile number for display: `159****9050`. Short values are fully masked; the `-` of
/// an overseas number stays.
pub fn mask_mobile(mobile: &str) -> String {
    let chars: Vec<char> = mobile.chars().collect();
    if chars.len() < 7 {
        return "*".repeat(chars.len());
    }
    let keep_head = 3;
    let keep_tail = 4;
    chars
        .iter()
        .enumerate()
        .map(|(index, ch)| {
            if index < keep_head || index >= chars.len() - keep_tail || *ch == '-' {
                *ch
            } else {
                '*'
            }
        })
        .collect()
}

/// The business payload with the mobile masked (`Null` when there is none).
pub fn masked_payload(report: &Report) -> Value {
    let Some(payload) = &report.payload else {
        return Value::Null;
    };
    let mut json = payload.json.clone();
    if let Some(slot) = json.get_mut("mobile")
        && let Value::String(mobile) = slot
        && !mobile.is_empty()
    {
        *slot = Value::String(mask_mobile(mobile));
    }
    json
}

/// The first `max` characters of `text`, with `…` when cut.
pub fn short(text: &str, max: usize) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(max).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// The signed content as a shareable report shows it: `"` and the first characters of the
/// ciphertext, or `{…}` for plain content (which may hold the mobile).
pub fn signed_content_prefix(report: &Report) -> Option<String> {
    let preview = report.signature.signed_content_preview.as_deref()?;
    Some(match preview.strip_prefix('"') {
        Some(quoted) => {
            let cipher_head = quoted
                .split('…')
                .next()
                .unwrap_or_default()
                .trim_end_matches('"');
            format!("\"{}", short(cipher_head, CIPHERTEXT_PREFIX_CHARS))
        }
        None => "{…}".to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_mainland_numbers() {
        assert_eq!(mask_mobile("15976719050"), "159****9050");
    }

    #[test]
    fn masks_short_and_overseas_numbers() {
        assert_eq!(mask_mobile("123"), "***");
        assert_eq!(mask_mobile("1-1234432112"), "1-1*****2112");
    }

    #[test]
    fn shortens_by_characters() {
        assert_eq!(short("abc", 5), "abc");
        assert_eq!(short("手机号码诊断", 2), "手机…");
    }
}
