//! The one-line summary of a profile match: which saved profile signed and which encrypted the
//! paste ("Signed for profile sandbox (not prod); encrypted for profile sandbox.").

use crate::features::profiles::{ProfileMatch, ProfileResult};
use crate::i18n::{Lang, fill, tr};

/// One line: which profile signed and which encrypted the response.
pub fn summary(matched: &ProfileMatch, lang: Lang) -> String {
    if matched.results.is_empty() {
        return tr("profile.none", lang).to_owned();
    }
    let signature = clause(
        matched,
        |result| result.verifies,
        [
            "profile.signed_for",
            "profile.signed_for_not",
            "profile.signed_by_none",
            "profile.signature_not_checked",
        ],
        lang,
    );
    let encryption = clause(
        matched,
        |result| result.decrypts,
        [
            "profile.encrypted_for",
            "profile.encrypted_for_not",
            "profile.encrypted_by_none",
            "profile.encryption_not_applicable",
        ],
        lang,
    );
    let (verified, decrypted) = (matched.verified_by(), matched.decrypted_by());
    let split = !verified.is_empty()
        && !decrypted.is_empty()
        && !verified.iter().any(|name| decrypted.contains(name));
    let template = if split {
        "profile.summary_split"
    } else {
        "profile.summary"
    };
    fill(
        tr(template, lang),
        &[
            ("signature", &signature),
            ("encryption", &encryption),
            ("split", tr("profile.split", lang)),
        ],
    )
}

/// One clause; `keys` are the wording for: matched, matched but not others, none matched, none
/// applicable.
fn clause(
    matched: &ProfileMatch,
    pick: fn(&ProfileResult) -> Option<bool>,
    [hit, hit_not, miss, none]: [&'static str; 4],
    lang: Lang,
) -> String {
    let names = matched
        .names(|result| pick(result) == Some(true))
        .join(", ");
    let others = matched
        .names(|result| pick(result) == Some(false))
        .join(", ");
    let key = if !names.is_empty() {
        if others.is_empty() { hit } else { hit_not }
    } else if matched.results.iter().all(|result| pick(result).is_none()) {
        none
    } else {
        miss
    };
    fill(tr(key, lang), &[("names", &names), ("others", &others)])
}
