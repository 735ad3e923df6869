//! The checklist's data: the FAQ items in order, and which finding settles which items. The
//! words of items and reasons are in `assets/i18n/checklist.toml`, keyed by id and reason.

use super::{ItemState, Reason};
use crate::domain::codes::FindingCode;

/// The items, in the FAQ's order.
pub(super) const ITEMS: &[&str] = &[
    "product_added",
    "info_approved",
    "jsapi_base",
    "public_key_set",
    "aes_key_set",
    "gateway_set",
    "versions",
    "enterprise",
    "button",
    "real_device",
];

/// Result codes that settle items: `(code, items, state, reason)`, applied in order.
pub(super) const RULES: &[(FindingCode, &[&str], ItemState, Reason)] = &[
    (
        FindingCode::ResultSuccess,
        &["product_added", "info_approved", "button"],
        ItemState::Done,
        Reason::Success,
    ),
    (
        FindingCode::MobileEmpty,
        &["product_added", "info_approved", "button"],
        ItemState::Done,
        Reason::Success,
    ),
    (
        FindingCode::AlipayError40001MissingEncryptKey,
        &["aes_key_set"],
        ItemState::NotDone,
        Reason::NoAes,
    ),
    (
        FindingCode::AlipayError40001MissingDefaultSignatureType,
        &["gateway_set"],
        ItemState::NotDone,
        Reason::NoSignType,
    ),
    (
        FindingCode::AlipayError40002,
        &["aes_key_set"],
        ItemState::NotDone,
        Reason::BadAes,
    ),
    (
        FindingCode::AlipayError40003,
        &["button"],
        ItemState::NotDone,
        Reason::NoButton,
    ),
    (
        FindingCode::AlipayError40006,
        &["product_added", "info_approved"],
        ItemState::NotDone,
        Reason::NoProduct,
    ),
    (
        FindingCode::FrontendIdeUnsupported,
        &["real_device"],
        ItemState::NotDone,
        Reason::Simulator,
    ),
    (
        FindingCode::FrontendNoPermission,
        &["product_added", "info_approved", "enterprise"],
        ItemState::NotDone,
        Reason::NoPermission,
    ),
];
