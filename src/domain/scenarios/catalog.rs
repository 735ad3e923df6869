//! The scenario table: payloads and recipes of the gallery, in menu order.

use super::{Checker, Scenario, Signing, Transport};
use crate::domain::bilingual::Bilingual;

/// The success payload of the demo (the documentation's sample number).
const SUCCESS: &str = r#"{"code":"10000","msg":"Success","mobile":"15976719050"}"#;
const EMPTY_MOBILE: &str = r#"{"code":"10000","msg":"Success","mobile":""}"#;
const ERROR_20000: &str = r#"{"code":"20000","msg":"Service Currently Unavailable","subCode":"aop.unknow-error","subMsg":"系统繁忙"}"#;
const ERROR_40001: &str = r#"{"code":"40001","msg":"Missing Required Arguments","subCode":"isv.missing-encrypt-key","subMsg":"缺少加密配置"}"#;
const ERROR_40003: &str = r#"{"code":"40003","msg":"Insufficient Conditions","subCode":"isv.invalid-auth-relations","subMsg":"无效的授权关系"}"#;
const ERROR_40006: &str = r#"{"code":"40006","msg":"Insufficient Permissions","subCode":"isv.insufficient-isv-permissions","subMsg":"ISV权限不足，建议在开发者中心检查对应功能是否已经添加，解决办法详见：https://docs.open.alipay.com/common/isverror"}"#;

const fn scenario(
    id: &'static str,
    title: Bilingual,
    shows: Bilingual,
    expected_category: &'static str,
    (payload, signing, transport, checker): (&'static str, Signing, Transport, Checker),
) -> Scenario {
    Scenario {
        id,
        title,
        shows,
        expected_category,
        payload,
        signing,
        transport,
        checker,
    }
}

const fn t(zh: &'static str, en: &'static str) -> Bilingual {
    Bilingual::new(zh, en)
}

use Checker as K;
use Signing as S;
use Transport as X;

/// Every scenario, in menu order.
pub static SCENARIOS: &[Scenario] = &[
    scenario(
        "success",
        t("成功", "Success"),
        t(
            "配置正确时：验签通过、解密得到手机号（code 10000）。",
            "A correct setup: the signature verifies and the payload decrypts to a mobile (code 10000).",
        ),
        "ok",
        (SUCCESS, S::Rsa2, X::Intact, K::RightKeys),
    ),
    scenario(
        "sign_missing",
        t("缺少 sign", "Missing sign"),
        t(
            "未配置接口加签方式时报文不带 sign，内容无法验证真伪。",
            "Without a signing setup the response has no sign, so its content cannot be authenticated.",
        ),
        "sign_missing",
        (SUCCESS, S::Unsigned, X::Intact, K::RightKeys),
    ),
    scenario(
        "app_public_key",
        t("误用应用公钥", "App public key loaded"),
        t(
            "用自己的应用公钥验签：签名打开后不是 PKCS#1 结构，说明公钥不对。",
            "Verifying with your own app public key: the opened signature is not a PKCS#1 block, so the key is wrong.",
        ),
        "signature_key_mismatch",
        (SUCCESS, S::Rsa2, X::Intact, K::AppPublicKey),
    ),
    scenario(
        "plus_to_space",
        t("+ 变成空格", "`+` turned into spaces"),
        t(
            "表单编码或 URL 参数把 Base64 中的 + 变成了空格；修复后才能验签。",
            "Form or query-string encoding turned the base64 `+` into spaces; it verifies only after repair.",
        ),
        "base64_plus_mangled",
        (SUCCESS, S::Rsa2, X::PlusToSpace, K::RightKeys),
    ),
    scenario(
        "double_encoded",
        t("重复 JSON 编码", "Double JSON encoding"),
        t(
            "res.response 被再次 JSON.stringify，服务端收到的是字符串里的 JSON。",
            "res.response was JSON.stringify'd again, so the server receives JSON inside a string.",
        ),
        "double_json_encoded",
        (SUCCESS, S::Rsa2, X::DoubleEncoded, K::RightKeys),
    ),
    scenario(
        "aes_key_wrong",
        t("AES 密钥错误", "Wrong AES key"),
        t(
            "验签通过但解密失败：AES 密钥属于别的应用或已被重新生成。",
            "The signature verifies but decryption fails: the AES key is another app's or was regenerated.",
        ),
        "aes_key_mismatch",
        (SUCCESS, S::Rsa2, X::Intact, K::WrongAesKey),
    ),
    scenario(
        "aes_key_hex",
        t("AES 密钥是十六进制", "Hex AES key"),
        t(
            "AES 密钥被写成十六进制，只有按 hex 读取才能解密；控制台给出的是 Base64。",
            "The AES key was written as hex and only decrypts when read as hex; the console gives base64.",
        ),
        "aes_key_hex_encoded",
        (SUCCESS, S::Rsa2, X::Intact, K::HexAesKey),
    ),
    scenario(
        "sign_type_mismatch",
        t("RSA/RSA2 不一致", "RSA/RSA2 mismatch"),
        t(
            "签名是 SHA1withRSA（RSA），却按 RSA2 验签：打开签名可看出摘要算法。",
            "Signed with SHA1withRSA (RSA) but checked as RSA2: opening the signature reveals the digest.",
        ),
        "sign_type_mismatch",
        (SUCCESS, S::Sha1DeclaredRsa2, X::Intact, K::RightKeys),
    ),
    scenario(
        "plain_40001",
        t("明文 40001", "Plain 40001"),
        t(
            "未配置 AES 密钥时平台不加密，直接返回明文 40001 isv.missing-encrypt-key。",
            "Without an AES key the platform cannot encrypt and answers a plain 40001 isv.missing-encrypt-key.",
        ),
        "alipay_error_40001",
        (ERROR_40001, S::Plain, X::Intact, K::RightKeys),
    ),
    scenario(
        "error_40003",
        t("加密的 40003", "Encrypted 40003"),
        t(
            "未通过按钮授权就调用：解密后是 40003 无效的授权关系。",
            "Called without the authorization button: it decrypts to 40003 invalid authorization.",
        ),
        "alipay_error_40003",
        (ERROR_40003, S::Rsa2, X::Intact, K::RightKeys),
    ),
    scenario(
        "error_40006",
        t("40006 产品未开通", "40006 not approved"),
        t(
            "未添加获取会员手机号或用户信息申请未通过：解密后是 40006。",
            "The phone-number product is not added or the user-information application not approved: 40006.",
        ),
        "alipay_error_40006",
        (ERROR_40006, S::Rsa2, X::Intact, K::RightKeys),
    ),
    scenario(
        "error_20000",
        t("20000 系统繁忙", "20000 busy"),
        t(
            "支付宝系统繁忙（20000），稍后重试即可。",
            "Alipay was busy (20000); retry later.",
        ),
        "alipay_error_20000",
        (ERROR_20000, S::Rsa2, X::Intact, K::RightKeys),
    ),
    scenario(
        "mobile_empty",
        t("手机号为空", "Empty mobile"),
        t(
            "成功但 mobile 为空：该支付宝账号未绑定手机号，需要手动填写兜底。",
            "Success with an empty mobile: the account has no bound phone; offer manual entry.",
        ),
        "mobile_empty",
        (EMPTY_MOBILE, S::Rsa2, X::Intact, K::RightKeys),
    ),
];
