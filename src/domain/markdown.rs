//! The shareable report for tickets and chat (Markdown). It holds the verdict, every finding with
//! its remediation, the signature analysis, the key description and the payload with the mobile
//! masked, and never key material, the AES key, or the full ciphertext or signature.

use std::fmt::Write as _;

use super::bilingual::Bilingual;
use super::checklist::{Checklist, ItemState};
use super::hints::{self, Lang};
use super::profiles::ProfileMatch;
use super::report::{Opening, Report, Severity, SignatureStatus};
use super::share;

const fn t(zh: &'static str, en: &'static str) -> Bilingual {
    Bilingual::new(zh, en)
}

const TITLE: Bilingual = t("支付宝手机号诊断报告", "Alipay getPhoneNumber diagnosis");
const VERDICT: Bilingual = t("结论", "Verdict");
const SIGNATURE: Bilingual = t("签名", "Signature");
const STATUS: Bilingual = t("状态", "Status");
const DECLARED: Bilingual = t("声明的 sign_type", "Declared sign_type");
const SIGNED_CONTENT: Bilingual = t("签名内容", "Signed content");
const SIGNATURE_LENGTH: Bilingual = t("签名长度", "Signature length");
const OPENING: Bilingual = t("签名打开结果", "Opening");
const DIGEST: Bilingual = t("签名中的摘要算法", "Digest inside the signature");
const KEY: Bilingual = t("支付宝公钥", "Alipay public key");
const NO_KEY: Bilingual = t("未加载", "not loaded");
const BITS: Bilingual = t("位", "bits");
const BYTES: Bilingual = t("字节", "bytes");
const FINGERPRINT: Bilingual = t("SHA-256 指纹", "SHA-256 fingerprint");
const CERTIFICATE: Bilingual = t("证书", "Certificate");
const SUBJECT: Bilingual = t("主体", "Subject");
const ISSUER: Bilingual = t("颁发者", "Issuer");
const SERIAL: Bilingual = t("序列号", "Serial");
const VALIDITY: Bilingual = t("有效期", "Validity");
const CERT_SN: Bilingual = t("支付宝证书 SN", "Alipay cert SN");
const PAYLOAD: Bilingual = t("解密结果", "Decrypted payload");
const NO_PAYLOAD: Bilingual = t("没有可读的业务数据", "No business payload could be read");
const TRUSTED: Bilingual = t("已验签", "verified");
const UNTRUSTED: Bilingual = t(
    "不可信（签名未通过或缺失）",
    "untrusted (signature not valid or missing)",
);
const PLAIN: Bilingual = t("明文（未加密）", "plain (not encrypted)");
const MASKED: Bilingual = t("手机号已打码", "mobile masked");
const FINDINGS: Bilingual = t("诊断详情", "Findings");
const FIX: Bilingual = t("处理", "Fix");
const CHECKLIST: Bilingual = t("配置检查清单", "Troubleshooting checklist");
const NOT_DONE: Bilingual = t("未完成", "not done");
const UNKNOWN: Bilingual = t("待确认", "to check");
const PROFILES: Bilingual = t("密钥配置匹配", "Key profiles");
const PROFILE_HEADER: Bilingual = t(
    "| 配置 | 验签 | 解密 | 诊断 |",
    "| Profile | Verifies | Decrypts | Diagnosis |",
);
const FOOTER: Bilingual = t(
    "本报告不含任何密钥、AES 密钥或完整的密文和签名；手机号已打码。",
    "This report holds no key material, no AES key and no full ciphertext or signature; the mobile is masked.",
);

/// The words and mark of a severity (never colour alone).
pub fn severity_label(severity: Severity, lang: Lang) -> String {
    let (mark, text) = match severity {
        Severity::Ok => ("✓", t("通过", "OK")),
        Severity::Info => ("i", t("提示", "Info")),
        Severity::Warning => ("!", t("警告", "Warning")),
        Severity::Error => ("×", t("错误", "Error")),
    };
    format!("{mark} {}", text.get(lang))
}

/// The wording of a signature status.
pub fn status_text(status: SignatureStatus) -> Bilingual {
    match status {
        SignatureStatus::Valid => t("验签通过", "valid"),
        SignatureStatus::Invalid => t("验签失败", "invalid"),
        SignatureStatus::Missing => t("无签名", "missing"),
        SignatureStatus::NotChecked => t("未验签", "not checked"),
    }
}

fn opening_text(opening: Opening) -> Bilingual {
    match opening {
        Opening::NotWellFormed => t(
            "不是 PKCS#1 结构：不是这把公钥签的（或签名已损坏）",
            "not a PKCS#1 block: this key did not sign it (or the signature is damaged)",
        ),
        Opening::DigestMismatch => t(
            "公钥和算法正确，但摘要与内容不符：内容被改动",
            "right key and algorithm, but the digest does not match: the content was changed",
        ),
        Opening::OtherAlgorithm => t(
            "摘要在另一种算法下匹配：sign_type 不一致",
            "the digest matches under the other algorithm: sign_type mismatch",
        ),
    }
}

/// Escapes what would turn remediation text into HTML or break a table.
fn escape(text: &str) -> String {
    text.replace('<', "\\<").replace('|', "\\|")
}

/// Renders the shareable Markdown report in `lang`, with the optional checklist and profile match.
pub fn render_markdown(
    report: &Report,
    lang: Lang,
    checklist: Option<&Checklist>,
    profiles: Option<&ProfileMatch>,
) -> String {
    let l = |text: Bilingual| text.get(lang);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", l(TITLE));
    let verdict = report
        .primary_finding()
        .map(|finding| hints::title(finding, lang))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "**{}**: {} — {} (`{}`)\n",
        l(VERDICT),
        severity_label(report.verdict_severity(), lang),
        escape(&verdict),
        report.category
    );
    if let Some(profiles) = profiles {
        let _ = writeln!(out, "> {}\n", escape(&profiles.summary(lang)));
    }
    signature_section(&mut out, report, lang);
    key_section(&mut out, report, lang);
    payload_section(&mut out, report, lang);
    findings_section(&mut out, report, lang);
    if let Some(checklist) = checklist {
        checklist_section(&mut out, checklist, lang);
    }
    if let Some(profiles) = profiles {
        profiles_section(&mut out, profiles, lang);
    }
    let _ = writeln!(
        out,
        "\n---\n_Alipay Phone Doctor {} · {}_",
        env!("CARGO_PKG_VERSION"),
        l(FOOTER)
    );
    out
}

fn signature_section(out: &mut String, report: &Report, lang: Lang) {
    let l = |text: Bilingual| text.get(lang);
    let signature = &report.signature;
    let _ = writeln!(out, "## {}\n", l(SIGNATURE));
    let algorithm = signature
        .algorithm
        .map(|name| format!(" ({name})"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "- {}: {}{algorithm}",
        l(STATUS),
        l(status_text(signature.status))
    );
    if let Some(declared) = &signature.declared_sign_type {
        let _ = writeln!(out, "- {}: `{}`", l(DECLARED), share::short(declared, 12));
    }
    if let Some(prefix) = share::signed_content_prefix(report) {
        let _ = writeln!(
            out,
            "- {}: `{prefix}` ({} {})",
            l(SIGNED_CONTENT),
            signature.signed_content_len,
            l(BYTES)
        );
    }
    if let Some(length) = signature.signature_len {
        let _ = writeln!(out, "- {}: {length} {}", l(SIGNATURE_LENGTH), l(BYTES));
    }
    if let Some(opening) = signature.opening {
        let _ = writeln!(out, "- {}: {}", l(OPENING), l(opening_text(opening)));
    }
    if let Some(digest) = signature.opened_digest_algorithm {
        let _ = writeln!(out, "- {}: {digest}", l(DIGEST));
    }
}

fn findings_section(out: &mut String, report: &Report, lang: Lang) {
    let l = |text: Bilingual| text.get(lang);
    let _ = writeln!(out, "\n## {}\n", l(FINDINGS));
    for (index, finding) in report.findings.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}. **[{}]** {} (`{}`)",
            index + 1,
            severity_label(finding.severity(), lang),
            escape(&hints::title(finding, lang)),
            finding.code.as_str()
        );
        let fix = hints::remediation(finding, lang);
        if finding.severity() >= Severity::Warning && !fix.is_empty() {
            let _ = writeln!(out, "   - {}: {}", l(FIX), escape(&fix));
        }
    }
}

fn key_section(out: &mut String, report: &Report, lang: Lang) {
    let l = |text: Bilingual| text.get(lang);
    let _ = writeln!(out, "\n## {}\n", l(KEY));
    let Some(key) = &report.public_key else {
        let _ = writeln!(out, "- {}", l(NO_KEY));
        return;
    };
    let _ = writeln!(out, "- {}, {} {}", key.kind, key.bits, l(BITS));
    let _ = writeln!(out, "- {}: `{}`", l(FINGERPRINT), key.fingerprint_sha256);
    if let Some(cert) = &key.certificate {
        let _ = writeln!(out, "- {}:", l(CERTIFICATE));
        let _ = writeln!(out, "  - {}: {}", l(SUBJECT), escape(&cert.subject));
        let _ = writeln!(out, "  - {}: {}", l(ISSUER), escape(&cert.issuer));
        let _ = writeln!(out, "  - {}: {}", l(SERIAL), cert.serial);
        let _ = writeln!(
            out,
            "  - {}: {} – {}",
            l(VALIDITY),
            cert.not_before,
            cert.not_after
        );
        let _ = writeln!(out, "  - {}: `{}`", l(CERT_SN), cert.alipay_cert_sn);
    }
}

fn payload_section(out: &mut String, report: &Report, lang: Lang) {
    let l = |text: Bilingual| text.get(lang);
    let _ = writeln!(out, "\n## {}\n", l(PAYLOAD));
    let Some(payload) = &report.payload else {
        let _ = writeln!(out, "{}", l(NO_PAYLOAD));
        return;
    };
    let mut notes = vec![l(if payload.trusted { TRUSTED } else { UNTRUSTED })];
    if payload.plain {
        notes.push(l(PLAIN));
    }
    if report.mobile().is_some_and(|mobile| !mobile.is_empty()) {
        notes.push(l(MASKED));
    }
    let json = serde_json::to_string_pretty(&share::masked_payload(report)).unwrap_or_default();
    let _ = writeln!(out, "_{}_\n\n```json\n{json}\n```", notes.join(" · "));
}

fn checklist_section(out: &mut String, checklist: &Checklist, lang: Lang) {
    let l = |text: Bilingual| text.get(lang);
    let _ = writeln!(out, "\n## {}\n", l(CHECKLIST));
    for item in &checklist.items {
        let (mark, state) = match item.state {
            ItemState::Done => ("x", String::new()),
            ItemState::NotDone => (" ", format!(" **{}**", l(NOT_DONE))),
            ItemState::Unknown => (" ", format!(" _{}_", l(UNKNOWN))),
        };
        let reason = item
            .reason
            .map(|reason| format!(" — {}", escape(reason.get(lang))))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "- [{mark}]{state} {}{reason}",
            escape(item.label.get(lang))
        );
    }
}

fn profiles_section(out: &mut String, profiles: &ProfileMatch, lang: Lang) {
    let l = |text: Bilingual| text.get(lang);
    let _ = writeln!(
        out,
        "\n## {}\n\n{}\n|---|---|---|---|",
        l(PROFILES),
        l(PROFILE_HEADER)
    );
    let mark = |value: Option<bool>| match value {
        Some(true) => "✓",
        Some(false) => "×",
        None => "–",
    };
    for result in &profiles.results {
        let _ = writeln!(
            out,
            "| {} | {} | {} | `{}` |",
            escape(&result.name),
            mark(result.verifies),
            mark(result.decrypts),
            result.category
        );
    }
}
