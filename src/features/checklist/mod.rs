//! The troubleshooting checklist of the FAQ (功能包, 用户信息申请, keys and gateway, versions,
//! enterprise account, button), pre-filled from what a diagnosis already proves.

use serde::Serialize;

use crate::domain::codes::{FindingCode, Group};
use crate::domain::report::{Finding, Report, Severity, SignatureStatus};

mod texts;

use texts::{ITEMS, RULES};

/// Why an item's state was pre-filled (its words: `checklist.reason.<name>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// A `res.response` arrived.
    Received,
    /// The response is signed.
    Signed,
    /// Encrypted but not signed.
    Unsigned,
    /// The response is encrypted.
    Encrypted,
    /// Plain 40001 `isv.missing-encrypt-key`.
    NoAes,
    /// 40001 `isv.missing-default-signature-type`.
    NoSignType,
    /// 40002.
    BadAes,
    /// 40003.
    NoButton,
    /// 40006.
    NoProduct,
    /// Code 10000.
    Success,
    /// Front-end error 1 (simulator).
    Simulator,
    /// Front-end error 4 (no permission).
    NoPermission,
    /// The front-end check found a problem.
    FrontendBad,
    /// The front-end check passed.
    FrontendOk,
}

impl Reason {
    /// Every reason, for the wording tests.
    pub const ALL: &[Self] = &[
        Self::Received,
        Self::Signed,
        Self::Unsigned,
        Self::Encrypted,
        Self::NoAes,
        Self::NoSignType,
        Self::BadAes,
        Self::NoButton,
        Self::NoProduct,
        Self::Success,
        Self::Simulator,
        Self::NoPermission,
        Self::FrontendBad,
        Self::FrontendOk,
    ];

    /// The wording key of the reason.
    pub fn key(self) -> &'static str {
        match self {
            Self::Received => "checklist.reason.received",
            Self::Signed => "checklist.reason.signed",
            Self::Unsigned => "checklist.reason.unsigned",
            Self::Encrypted => "checklist.reason.encrypted",
            Self::NoAes => "checklist.reason.no_aes",
            Self::NoSignType => "checklist.reason.no_sign_type",
            Self::BadAes => "checklist.reason.bad_aes",
            Self::NoButton => "checklist.reason.no_button",
            Self::NoProduct => "checklist.reason.no_product",
            Self::Success => "checklist.reason.success",
            Self::Simulator => "checklist.reason.simulator",
            Self::NoPermission => "checklist.reason.no_permission",
            Self::FrontendBad => "checklist.reason.frontend_bad",
            Self::FrontendOk => "checklist.reason.frontend_ok",
        }
    }
}

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
    /// Stable identifier; its words are `checklist.item.<id>.label` (what must be true) and
    /// `checklist.item.<id>.how` (where to do it).
    pub id: &'static str,
    /// What is known.
    pub state: ItemState,
    /// Why the state was pre-filled, when it was.
    pub reason: Option<Reason>,
}

impl ChecklistItem {
    /// The wording key of what must be true.
    pub fn label_key(&self) -> String {
        format!("checklist.item.{}.label", self.id)
    }

    /// The wording key of where to do it.
    pub fn how_key(&self) -> String {
        format!("checklist.item.{}.how", self.id)
    }
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
            .map(|&id| ChecklistItem {
                id,
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
        let received = !report.category.is_unusable_input() && !has(FindingCode::CiphertextOnly);
        let encrypted = received && !has(FindingCode::ResponseNotEncrypted);
        if received {
            list.set_all(
                &["jsapi_base", "versions", "enterprise", "real_device"],
                ItemState::Done,
                Reason::Received,
            );
        }
        if encrypted {
            list.set("aes_key_set", ItemState::Done, Some(Reason::Encrypted));
        }
        if received && report.signature.status != SignatureStatus::Missing {
            list.set_all(
                &["public_key_set", "aes_key_set", "gateway_set"],
                ItemState::Done,
                Reason::Signed,
            );
        } else if encrypted && has(FindingCode::SignMissing) {
            list.set("public_key_set", ItemState::NotDone, Some(Reason::Unsigned));
        }
        for (code, ids, state, reason) in RULES {
            if has(*code) {
                list.set_all(ids, *state, *reason);
            }
        }
        list
    }

    /// Adds what the front-end check found ([`crate::features::frontend_check::check_frontend`]).
    pub fn apply_frontend(&mut self, findings: &[Finding]) {
        let blocking = |finding: &Finding| {
            finding.code.group() == Group::FrontendCheck && finding.severity() == Severity::Error
        };
        if findings.iter().any(blocking) {
            self.set("button", ItemState::NotDone, Some(Reason::FrontendBad));
        } else if findings
            .iter()
            .any(|finding| finding.code == FindingCode::FrontendCheckPassed)
            && self.state("button") == Some(ItemState::Unknown)
        {
            self.set("button", ItemState::Done, Some(Reason::FrontendOk));
        }
    }

    /// Sets one item (for example when the user ticks it); unknown ids are ignored.
    pub fn set(&mut self, id: &str, state: ItemState, reason: Option<Reason>) {
        if let Some(item) = self.items.iter_mut().find(|item| item.id == id) {
            item.state = state;
            item.reason = reason;
        }
    }

    fn set_all(&mut self, ids: &[&str], state: ItemState, reason: Reason) {
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
    use crate::domain::diagnose;
    use crate::features::scenarios::{self, demo::DEMO};

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
