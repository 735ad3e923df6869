//! Rendering a report as text: the terminal report, the shareable Markdown, the one JSON shape,
//! and masking. No egui here; the window draws the same report in [`crate::ui`].

pub mod errors;
pub mod explain;
pub mod json;
pub mod markdown;
pub mod mask;
pub mod profiles;
pub mod server_check;
pub mod text;

use crate::domain::report::KeyDescription;
use crate::i18n::{Lang, fill, tr};

/// `text` in parentheses as the language writes them: ` (done)`, `（已完成）`.
pub fn parenthesized(text: &str, lang: Lang) -> String {
    fill(tr("report.parenthesized", lang), &[("text", text)])
}

/// A byte count: `90 bytes`, `90 字节`.
pub fn byte_count(bytes: usize, lang: Lang) -> String {
    fill(
        tr("report.byte_count", lang),
        &[("count", &bytes.to_string())],
    )
}

/// A key's kind and size: `SPKI 公钥，2048 位`, `SPKI public key, 2048 bits`.
pub fn key_kind_and_size(key: &KeyDescription, lang: Lang) -> String {
    fill(
        tr("report.key_kind_and_size", lang),
        &[
            ("kind", tr(key.kind.key(), lang)),
            ("bits", &key.bits.to_string()),
        ],
    )
}
