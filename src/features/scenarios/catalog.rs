//! The scenario table: payloads and recipes of the gallery, in menu order.

use std::borrow::Cow;

use super::{Checker, Scenario, Transport};
use crate::domain::Category;
use crate::features::mock::SigningMode;

/// The success payload of the demo (the documentation's sample number).
const SUCCESS: &str = r#"{"code":"10000","msg":"Success","mobile":"15976719050"}"#;
const EMPTY_MOBILE: &str = r#"{"code":"10000","msg":"Success","mobile":""}"#;
const ERROR_20000: &str = r#"{"code":"20000","msg":"Service Currently Unavailable","subCode":"aop.unknow-error","subMsg":"系统繁忙"}"#;
const ERROR_40001: &str = r#"{"code":"40001","msg":"Missing Required Arguments","subCode":"isv.missing-encrypt-key","subMsg":"缺少加密配置"}"#;
const ERROR_40003: &str = r#"{"code":"40003","msg":"Insufficient Conditions","subCode":"isv.invalid-auth-relations","subMsg":"无效的授权关系"}"#;
const ERROR_40006: &str = r#"{"code":"40006","msg":"Insufficient Permissions","subCode":"isv.insufficient-isv-permissions","subMsg":"ISV权限不足，建议在开发者中心检查对应功能是否已经添加，解决办法详见：https://docs.open.alipay.com/common/isverror"}"#;

const fn scenario(
    id: &'static str,
    expected_category: Category,
    (payload, signing, transport, checker): (&'static str, SigningMode, Transport, Checker),
) -> Scenario {
    Scenario {
        id,
        expected_category,
        payload,
        signing,
        transport,
        checker,
    }
}

use Checker as K;
use SigningMode as S;
use Transport as X;

/// Every scenario, in menu order.
pub static SCENARIOS: &[Scenario] = &[
    scenario(
        "success",
        Category::Ok,
        (SUCCESS, S::Rsa2, X::Intact, K::RightKeys),
    ),
    scenario(
        "sign_missing",
        Category::SignMissing,
        (SUCCESS, S::Unsigned, X::Intact, K::RightKeys),
    ),
    scenario(
        "app_public_key",
        Category::SignatureKeyMismatch,
        (SUCCESS, S::Rsa2, X::Intact, K::AppPublicKey),
    ),
    scenario(
        "plus_to_space",
        Category::Base64PlusMangled,
        (SUCCESS, S::Rsa2, X::PlusToSpace, K::RightKeys),
    ),
    scenario(
        "double_encoded",
        Category::DoubleJsonEncoded,
        (SUCCESS, S::Rsa2, X::DoubleEncoded, K::RightKeys),
    ),
    scenario(
        "aes_key_wrong",
        Category::AesKeyMismatch,
        (SUCCESS, S::Rsa2, X::Intact, K::WrongAesKey),
    ),
    scenario(
        "aes_key_hex",
        Category::AesKeyHexEncoded,
        (SUCCESS, S::Rsa2, X::Intact, K::HexAesKey),
    ),
    scenario(
        "sign_type_mismatch",
        Category::SignTypeMismatch,
        (SUCCESS, S::Sha1DeclaredRsa2, X::Intact, K::RightKeys),
    ),
    scenario(
        "plain_40001",
        Category::AlipayError(Cow::Borrowed("40001")),
        (ERROR_40001, S::Plain, X::Intact, K::RightKeys),
    ),
    scenario(
        "error_40003",
        Category::AlipayError(Cow::Borrowed("40003")),
        (ERROR_40003, S::Rsa2, X::Intact, K::RightKeys),
    ),
    scenario(
        "error_40006",
        Category::AlipayError(Cow::Borrowed("40006")),
        (ERROR_40006, S::Rsa2, X::Intact, K::RightKeys),
    ),
    scenario(
        "error_20000",
        Category::AlipayError(Cow::Borrowed("20000")),
        (ERROR_20000, S::Rsa2, X::Intact, K::RightKeys),
    ),
    scenario(
        "mobile_empty",
        Category::MobileEmpty,
        (EMPTY_MOBILE, S::Rsa2, X::Intact, K::RightKeys),
    ),
];
