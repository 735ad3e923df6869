//! Key profiles: named key sets ("prod", "sandbox", "ISV template"), stored as file paths only.
//! Given a pasted response, tells which profile's public key verifies it and which profile's AES
//! key decrypts it ("signed for profile sandbox, not prod"). The profiles file format is parsed
//! and written here; reading the files it names is the caller's job.

use serde::Serialize;

use super::bilingual::Bilingual;
use super::codes::FindingCode;
use super::hints::Lang;
use super::report::SignatureStatus;
use super::{Inputs, diagnose};

mod file;

/// The wording of one clause of [`ProfileMatch::summary`].
struct ClauseWords {
    hit: Bilingual,
    miss: Bilingual,
    none: Bilingual,
}

const SIGNATURE_WORDS: ClauseWords = ClauseWords {
    hit: Bilingual::new("签名属于配置", "Signed for profile"),
    miss: Bilingual::new(
        "没有配置的公钥能验签",
        "No profile's public key verifies the signature",
    ),
    none: Bilingual::new(
        "无法验签（没有 sign 或没有可用公钥）",
        "The signature could not be checked (no sign or no usable public key)",
    ),
};

const ENCRYPTION_WORDS: ClauseWords = ClauseWords {
    hit: Bilingual::new("加密属于配置", "encrypted for profile"),
    miss: Bilingual::new(
        "没有配置的 AES 密钥能解密",
        "no profile's AES key decrypts it",
    ),
    none: Bilingual::new("无需或无法用 AES 密钥解密", "no AES key applies"),
};

const SPLIT: Bilingual = Bilingual::new(
    "；公钥和 AES 密钥来自不同的应用或环境（仅服务商代调用时属正常）",
    "; the public key and the AES key come from different apps or environments (normal only for ISV calls)",
);

const NO_PROFILES: Bilingual = Bilingual::new("没有密钥配置。", "No key profiles.");

pub use file::{ProfilePaths, ProfilesError, ProfilesFile};

/// One profile's keys, as loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProfileKeys<'a> {
    /// The profile's name.
    pub name: &'a str,
    /// The Alipay public key or certificate bytes.
    pub alipay_public_key: Option<&'a [u8]>,
    /// The AES key text.
    pub aes_key: Option<&'a [u8]>,
}

/// What one profile does with the response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProfileResult {
    /// The profile's name.
    pub name: String,
    /// `Some(true)` when its public key verifies the signature; `None` when it could not be
    /// checked (no `sign`, no usable key).
    pub verifies: Option<bool>,
    /// `Some(true)` when its AES key decrypts the content; `None` when there was nothing to
    /// decrypt or no AES key.
    pub decrypts: Option<bool>,
    /// The category of the diagnosis with this profile's keys.
    pub category: String,
}

/// The result of trying every profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProfileMatch {
    /// One entry per profile, in the order given.
    pub results: Vec<ProfileResult>,
}

/// Tries every profile's keys on the response.
pub fn match_profiles(
    response: &[u8],
    profiles: &[ProfileKeys<'_>],
    now_unix_secs: Option<u64>,
) -> ProfileMatch {
    let results = profiles
        .iter()
        .map(|profile| {
            let report = diagnose(&Inputs {
                response: response.to_vec(),
                alipay_public_key: profile.alipay_public_key.map(<[u8]>::to_vec),
                aes_key: profile.aes_key.map(<[u8]>::to_vec),
                now_unix_secs,
            });
            let verifies = match report.signature.status {
                SignatureStatus::Valid => Some(true),
                SignatureStatus::Invalid => Some(false),
                SignatureStatus::Missing | SignatureStatus::NotChecked => None,
            };
            let decrypts = match &report.payload {
                Some(payload) if !payload.plain => Some(true),
                _ if report.has(FindingCode::AesKeyMismatch)
                    || report.has(FindingCode::AesKeyInvalid)
                    || report.has(FindingCode::AesKeyNotBase64) =>
                {
                    Some(false)
                }
                _ => None,
            };
            ProfileResult {
                name: profile.name.to_owned(),
                verifies,
                decrypts,
                category: report.category,
            }
        })
        .collect();
    ProfileMatch { results }
}

impl ProfileMatch {
    /// Names of the profiles whose public key verifies the signature.
    pub fn verified_by(&self) -> Vec<&str> {
        self.names(|result| result.verifies == Some(true))
    }

    /// Names of the profiles whose AES key decrypts the content.
    pub fn decrypted_by(&self) -> Vec<&str> {
        self.names(|result| result.decrypts == Some(true))
    }

    fn names(&self, keep: impl Fn(&ProfileResult) -> bool) -> Vec<&str> {
        self.results
            .iter()
            .filter(|result| keep(result))
            .map(|result| result.name.as_str())
            .collect()
    }

    /// The profile to diagnose with: one that both verifies and decrypts, else one that
    /// verifies, else one that decrypts.
    pub fn best(&self) -> Option<&ProfileResult> {
        let score = |result: &ProfileResult| {
            u8::from(result.verifies == Some(true)) * 2 + u8::from(result.decrypts == Some(true))
        };
        self.results
            .iter()
            .enumerate()
            .filter(|(_, result)| score(result) > 0)
            .max_by_key(|(index, result)| (score(result), std::cmp::Reverse(*index)))
            .map(|(_, result)| result)
    }

    /// One line: which profile signed and which encrypted the response.
    pub fn summary(&self, lang: Lang) -> String {
        if self.results.is_empty() {
            return NO_PROFILES.get(lang).to_owned();
        }
        let signature = self.clause(|result| result.verifies, &SIGNATURE_WORDS, lang);
        let encryption = self.clause(|result| result.decrypts, &ENCRYPTION_WORDS, lang);
        let (verified, decrypted) = (self.verified_by(), self.decrypted_by());
        let split = !verified.is_empty()
            && !decrypted.is_empty()
            && !verified.iter().any(|name| decrypted.contains(name));
        let note = if split { SPLIT.get(lang) } else { "" };
        match lang {
            Lang::Zh => format!("{signature}；{encryption}{note}。"),
            Lang::En => format!("{signature}; {encryption}{note}."),
        }
    }

    fn clause(
        &self,
        pick: fn(&ProfileResult) -> Option<bool>,
        words: &ClauseWords,
        lang: Lang,
    ) -> String {
        let matched = self.names(|result| pick(result) == Some(true)).join(", ");
        let others = self.names(|result| pick(result) == Some(false)).join(", ");
        let zh = lang == Lang::Zh;
        if matched.is_empty() {
            if self.results.iter().all(|result| pick(result).is_none()) {
                return words.none.get(lang).to_owned();
            }
            return if zh {
                format!("{}（{others}）", words.miss.zh)
            } else {
                format!("{} ({others})", words.miss.en)
            };
        }
        let not = match (others.is_empty(), zh) {
            (true, _) => String::new(),
            (false, true) => format!("（不是 {others}）"),
            (false, false) => format!(" (not {others})"),
        };
        format!("{} {matched}{not}", words.hit.get(lang))
    }
}
