//! The troubleshooting checklist of the FAQ (功能包, 用户信息申请, keys and gateway, versions,
//! enterprise account, button), pre-filled from what a diagnosis already proves.

use serde::Serialize;

use super::bilingual::Bilingual;
use super::codes::FindingCode;
use super::report::{Finding, Report, SignatureStatus};

mod texts;

use texts::{ENCRYPTED, FRONTEND_BAD, FRONTEND_OK, ITEMS, RECEIVED, RULES, SIGNED, UNSIGNED};

/// What is known about one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemState {
    /// Proven done by the diagnosis (or ticked by the user).
    Done,
    /// Proven (or very likely) not done: fix this first.
    NotDone,
    /// Nothing in the diagnosis says; check it by hand.
    Unknown,
}

impl ItemState {
    /// `done`, `not_done` or `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Done => "done",
            Self::NotDone => "not_done",
            Self::Unknown => "unknown",
        }
    }
}

/// One line of the checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChecklistItem {
    /// Stable identifier.
    pub id: &'static str,
    /// What must be true.
    pub label: Bilingual,
    /// Where to do it.
    pub how: Bilingual,
    /// What is known.
    pub state: ItemState,
    /// Why the state was pre-filled, when it was.
    pub reason: Option<Bilingual>,
}

/// The whole checklist, in the FAQ's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Checklist {
    /// The items.
    pub items: Vec<ChecklistItem>,
}

impl Checklist {
    /// Every item, unknown.
    pub fn blank() -> Self {
        let items = ITEMS
            .iter()
            .map(|&(id, label, how)| ChecklistItem {
                id,
                label,
                how,
                state: ItemState::Unknown,
                reason: None,
            })
            .collect();
        Self { items }
    }

    /// The checklist pre-filled from a diagnosis.
    pub fn from_report(report: &Report) -> Self {
        let mut list = Self::blank();
        let has = |code| report.has(code);
        let received = !matches!(
            report.category.as_str(),
            "empty_input"
                | "binary_input"
                | "truncated_input"
                | "not_json"
                | "already_decrypted_payload"
        ) && !has(FindingCode::CiphertextOnly);
        let encrypted = received && !has(FindingCode::ResponseNotEncrypted);
        if received {
            list.set_all(
                &["jsapi_base", "versions", "enterprise", "real_device"],
                ItemState::Done,
                RECEIVED,
            );
        }
        if encrypted {
            list.set("aes_key_set", ItemState::Done, Some(ENCRYPTED));
        }
        if received && report.signature.status != SignatureStatus::Missing {
            list.set_all(
                &["public_key_set", "aes_key_set", "gateway_set"],
                ItemState::Done,
                SIGNED,
            );
        } else if encrypted && has(FindingCode::SignMissing) {
            list.set("public_key_set", ItemState::NotDone, Some(UNSIGNED));
        }
        for (code, ids, state, reason) in RULES {
            if has(*code) {
                list.set_all(ids, *state, *reason);
            }
        }
        list
    }

    /// Adds what the front-end check found ([`super::frontend_check::check_frontend`]).
    pub fn apply_frontend(&mut self, findings: &[Finding]) {
        use FindingCode as C;
        let bad = [
            C::FrontendButtonMissing,
            C::FrontendScopeWrong,
            C::FrontendOnGetAuthorizeMissing,
            C::FrontendCalledOutsideHandler,
            C::FrontendGetPhoneNumberMissing,
        ];
        if findings.iter().any(|finding| bad.contains(&finding.code)) {
            self.set("button", ItemState::NotDone, Some(FRONTEND_BAD));
        } else if findings
            .iter()
            .any(|finding| finding.code == C::FrontendCheckPassed)
            && self.state("button") == Some(ItemState::Unknown)
        {
            self.set("button", ItemState::Done, Some(FRONTEND_OK));
        }
    }

    /// Sets one item (for example when the user ticks it); unknown ids are ignored.
    pub fn set(&mut self, id: &str, state: ItemState, reason: Option<Bilingual>) {
        if let Some(item) = self.items.iter_mut().find(|item| item.id == id) {
            item.state = state;
            item.reason = reason;
        }
    }

    fn set_all(&mut self, ids: &[&str], state: ItemState, reason: Bilingual) {
        for id in ids {
            self.set(id, state, Some(reason));
        }
    }

    /// The state of one item.
    pub fn state(&self, id: &str) -> Option<ItemState> {
        self.items
            .iter()
            .find(|item| item.id == id)
            .map(|item| item.state)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{demo_keys::DEMO, diagnose, scenarios};

    fn for_scenario(id: &str) -> Checklist {
        Checklist::from_report(&diagnose(
            &scenarios::build(id, &DEMO).unwrap().to_inputs(None),
        ))
    }

    #[test]
    fn prefills_from_the_diagnosis() {
        let ok = for_scenario("success");
        assert!(ok.items.iter().all(|item| item.state == ItemState::Done));
        assert_eq!(
            for_scenario("error_40006").state("product_added"),
            Some(ItemState::NotDone)
        );
        assert_eq!(
            for_scenario("error_40003").state("button"),
            Some(ItemState::NotDone)
        );
        let plain = for_scenario("plain_40001");
        assert_eq!(plain.state("aes_key_set"), Some(ItemState::NotDone));
        assert_eq!(plain.state("product_added"), Some(ItemState::Unknown));
        let unsigned = for_scenario("sign_missing");
        assert_eq!(unsigned.state("public_key_set"), Some(ItemState::NotDone));
        assert_eq!(unsigned.state("aes_key_set"), Some(ItemState::Done));
        assert!(
            Checklist::blank()
                .items
                .iter()
                .all(|item| item.state == ItemState::Unknown)
        );
    }

    #[test]
    fn takes_the_front_end_check_into_account() {
        let mut list = Checklist::blank();
        list.apply_frontend(&[Finding::new(FindingCode::FrontendScopeWrong)]);
        assert_eq!(list.state("button"), Some(ItemState::NotDone));
    }
}
