//! The checklist's wording: the FAQ items and the reasons a state was pre-filled.

use super::ItemState;
use crate::domain::bilingual::Bilingual;
use crate::domain::codes::FindingCode;

const fn t(zh: &'static str, en: &'static str) -> Bilingual {
    Bilingual::new(zh, en)
}

pub(super) const ITEMS: &[(&str, Bilingual, Bilingual)] = &[
    (
        "product_added",
        t(
            "已添加「获取会员手机号」功能包",
            "The 获取会员手机号 (member phone number) package is added",
        ),
        t(
            "开放平台控制台 > 小程序 > 产品绑定 / 能力列表",
            "Open Platform console > mini program > product binding / capabilities",
        ),
    ),
    (
        "info_approved",
        t(
            "已用主账号提交「用户信息申请」且手机号字段审核通过",
            "用户信息申请 (user information application) for the phone number is approved, submitted with the main account",
        ),
        t(
            "开放平台控制台 > 开发设置 > 用户信息申请",
            "Open Platform console > development settings > user information application",
        ),
    ),
    (
        "jsapi_base",
        t("已添加「JSAPI 基础包」", "The JSAPI base package is added"),
        t(
            "开放平台控制台 > 产品绑定",
            "Open Platform console > product binding",
        ),
    ),
    (
        "public_key_set",
        t(
            "已设置接口加签方式（公钥或公钥证书）",
            "The signing method (public key or certificate) is set",
        ),
        t(
            "开发设置 > 接口加签方式",
            "Development settings > signing method (接口加签方式)",
        ),
    ),
    (
        "aes_key_set",
        t(
            "已设置接口内容加密方式（AES 密钥）",
            "Content encryption (the AES key) is set",
        ),
        t(
            "开发设置 > 接口内容加密方式",
            "Development settings > content encryption (接口内容加密方式)",
        ),
    ),
    (
        "gateway_set",
        t("已设置应用网关", "The application gateway is set"),
        t(
            "开发设置 > 应用网关（先设置公钥和 AES 密钥）",
            "Development settings > application gateway (set the keys first)",
        ),
    ),
    (
        "versions",
        t(
            "基础库 ≥ 1.16.4，支付宝客户端 ≥ 10.1.35",
            "Base library >= 1.16.4 and Alipay client >= 10.1.35",
        ),
        t(
            "用 my.canIUse 判断；开发者工具中设置最低基础库版本",
            "Guard with my.canIUse; set the minimum base library in the developer tool",
        ),
    ),
    (
        "enterprise",
        t(
            "小程序为企业主体",
            "The mini program belongs to an enterprise account",
        ),
        t(
            "个人主体小程序无法获取手机号",
            "Mini programs of individuals cannot get the phone number",
        ),
    ),
    (
        "button",
        t(
            "通过 getAuthorize 按钮（scope=phoneNumber）在 onGetAuthorize 中调用",
            "Called in onGetAuthorize of a getAuthorize button with scope=phoneNumber",
        ),
        t(
            "前端代码：<button open-type=\"getAuthorize\" scope=\"phoneNumber\">",
            "Front-end code: <button open-type=\"getAuthorize\" scope=\"phoneNumber\">",
        ),
    ),
    (
        "real_device",
        t(
            "在真机上测试（模拟器不支持）",
            "Tested on a real device (the simulator does not support it)",
        ),
        t(
            "开发者工具 > 真机调试 / 预览",
            "Developer tool > real-device debugging / preview",
        ),
    ),
];

pub(super) const RECEIVED: Bilingual = t(
    "前端已收到 res.response，说明接口在该客户端可用",
    "A res.response arrived, so the API works on this client",
);
pub(super) const SIGNED: Bilingual = t(
    "报文带 sign：只有加签方式、AES 密钥和应用网关都配置后才会签名",
    "The response is signed, which happens only when signing, the AES key and the gateway are all set",
);
pub(super) const UNSIGNED: Bilingual = t(
    "报文没有 sign 但已加密：通常是未设置接口加签方式",
    "The response is encrypted but has no sign: usually the signing method is not set",
);
pub(super) const ENCRYPTED: Bilingual = t(
    "报文已加密，说明 AES 密钥已配置",
    "The response is encrypted, so an AES key is configured",
);
const NO_AES: Bilingual = t(
    "明文 40001 isv.missing-encrypt-key：未配置 AES 密钥",
    "Plain 40001 isv.missing-encrypt-key: no AES key configured",
);
const NO_SIGN_TYPE: Bilingual = t(
    "40001 isv.missing-default-signature-type：重新保存密钥并设置应用网关",
    "40001 isv.missing-default-signature-type: re-save the keys and set the gateway",
);
const BAD_AES: Bilingual = t(
    "40002 加密异常：重新设置 AES 密钥",
    "40002 encryption error: set the AES key again",
);
const NO_BUTTON: Bilingual = t(
    "40003 无效的授权关系：未通过授权按钮调用",
    "40003 invalid authorization: not called through the authorization button",
);
const NO_PRODUCT: Bilingual = t(
    "40006 权限不足：功能包未添加或用户信息申请未通过",
    "40006 insufficient permissions: the package is not added or the application not approved",
);
const SUCCESS: Bilingual = t(
    "返回 10000：产品、审核和授权按钮都已就绪",
    "Code 10000: product, approval and button are all in place",
);
const SIMULATOR: Bilingual = t(
    "error 1 该接口暂不支持：在模拟器中调用",
    "error 1 该接口暂不支持: called in the simulator",
);
const NO_PERMISSION: Bilingual = t(
    "error 4 无权调用：功能包、审核或主体不满足",
    "error 4 no permission: package, approval or account type missing",
);
pub(super) const FRONTEND_BAD: Bilingual = t(
    "前端代码检查发现授权按钮或调用位置有问题",
    "The front-end check found a problem with the button or where the call is made",
);
pub(super) const FRONTEND_OK: Bilingual = t("前端代码检查通过", "The front-end check passed");

/// Result codes that settle items: `(code, items, state, reason)`, applied in order.
pub(super) const RULES: &[(FindingCode, &[&str], ItemState, Bilingual)] = &[
    (
        FindingCode::ResultSuccess,
        &["product_added", "info_approved", "button"],
        ItemState::Done,
        SUCCESS,
    ),
    (
        FindingCode::MobileEmpty,
        &["product_added", "info_approved", "button"],
        ItemState::Done,
        SUCCESS,
    ),
    (
        FindingCode::AlipayError40001MissingEncryptKey,
        &["aes_key_set"],
        ItemState::NotDone,
        NO_AES,
    ),
    (
        FindingCode::AlipayError40001MissingDefaultSignatureType,
        &["gateway_set"],
        ItemState::NotDone,
        NO_SIGN_TYPE,
    ),
    (
        FindingCode::AlipayError40002,
        &["aes_key_set"],
        ItemState::NotDone,
        BAD_AES,
    ),
    (
        FindingCode::AlipayError40003,
        &["button"],
        ItemState::NotDone,
        NO_BUTTON,
    ),
    (
        FindingCode::AlipayError40006,
        &["product_added", "info_approved"],
        ItemState::NotDone,
        NO_PRODUCT,
    ),
    (
        FindingCode::FrontendIdeUnsupported,
        &["real_device"],
        ItemState::NotDone,
        SIMULATOR,
    ),
    (
        FindingCode::FrontendNoPermission,
        &["product_added", "info_approved", "enterprise"],
        ItemState::NotDone,
        NO_PERMISSION,
    ),
];
