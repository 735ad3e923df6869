//! The scenario gallery: built-in cases for demos and training, each produced at run time from a
//! set of keys by the mock generator ([`crate::features::mock`]) and then diagnosed like any paste.

use thiserror::Error;

use crate::domain::{Category, Inputs, b64, pubkey};
use crate::features::mock::{self, MockError, SigningMode};
use demo::DemoKeys;

mod catalog;
pub mod demo;

pub use catalog::SCENARIOS;

/// What happens to the response on its way to the developer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Transport {
    Intact,
    PlusToSpace,
    DoubleEncoded,
}

/// Which keys the developer loads to check it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Checker {
    RightKeys,
    AppPublicKey,
    WrongAesKey,
    HexAesKey,
}

/// One built-in case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scenario {
    /// Stable identifier (`generate --scenario ID`); its words are `scenario.<id>.title` (the menu
    /// name) and `scenario.<id>.shows` (one line: what this scenario shows).
    pub id: &'static str,
    /// The category the diagnosis must reach.
    pub expected_category: Category,
    payload: &'static str,
    signing: SigningMode,
    transport: Transport,
    checker: Checker,
}

impl Scenario {
    /// The wording key of the menu name.
    pub fn title_key(&self) -> String {
        format!("scenario.{}.title", self.id)
    }

    /// The wording key of the line that says what the scenario shows.
    pub fn shows_key(&self) -> String {
        format!("scenario.{}.shows", self.id)
    }

    /// True when the response itself is a normal one and the scenario lies in the keys loaded to
    /// check it (so `generate --scenario` alone cannot reproduce it).
    pub fn lies_in_checker_keys(&self) -> bool {
        self.checker != Checker::RightKeys
    }
}

/// Every scenario, in menu order.
pub fn all() -> &'static [Scenario] {
    SCENARIOS
}

/// The scenario with this id.
pub fn find(id: &str) -> Option<&'static Scenario> {
    all().iter().find(|scenario| scenario.id == id)
}

/// Why a scenario could not be built.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ScenarioError {
    /// No scenario has this id.
    #[error("unknown scenario {0:?}")]
    Unknown(String),
    /// The keys could not be used.
    #[error(transparent)]
    Mock(#[from] MockError),
}

/// What a scenario fills into the window's inputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioInputs {
    /// The pasted response.
    pub response: String,
    /// The public-key slot.
    pub public_key: Vec<u8>,
    /// The AES-key slot.
    pub aes_key: Vec<u8>,
}

impl ScenarioInputs {
    /// The diagnosis inputs.
    pub fn to_inputs(&self, now_unix_secs: Option<u64>) -> Inputs {
        Inputs {
            response: self.response.clone().into_bytes(),
            alipay_public_key: Some(self.public_key.clone()),
            aes_key: Some(self.aes_key.clone()),
            now_unix_secs,
        }
    }
}

/// The response of `scenario` signed with `key` and encrypted with the raw `aes_key`, as it
/// reaches the developer (after the scenario's transport damage).
pub fn response_for(
    scenario: &Scenario,
    key: &rsa::PrivateKey,
    aes_key: &[u8],
) -> Result<String, MockError> {
    let options = scenario.signing.options();
    let response = mock::build_response(scenario.payload, key, aes_key, &options)?;
    Ok(match scenario.transport {
        Transport::Intact => response,
        Transport::PlusToSpace => response.replace('+', " "),
        Transport::DoubleEncoded => serde_json::Value::String(response).to_string(),
    })
}

/// Builds the inputs of scenario `id` from `keys`.
pub fn build(id: &str, keys: &DemoKeys<'_>) -> Result<ScenarioInputs, ScenarioError> {
    let scenario = find(id).ok_or_else(|| ScenarioError::Unknown(id.to_owned()))?;
    let private_key = mock::parse_private_key(keys.alipay_private_key_pem)?;
    let aes = mock::parse_aes_key(keys.aes_key)?;
    let response = response_for(scenario, &private_key, &aes)?;
    let public_key = match scenario.checker {
        Checker::AppPublicKey => keys.app_public_key,
        _ => keys.alipay_public_key,
    };
    let aes_key = match scenario.checker {
        Checker::WrongAesKey => {
            b64::encode(&aes.iter().map(|byte| byte ^ 0x5a).collect::<Vec<u8>>())
        }
        Checker::HexAesKey => pubkey::hex(&aes),
        _ => keys.aes_key.trim().to_owned(),
    };
    Ok(ScenarioInputs {
        response,
        public_key: public_key.trim().as_bytes().to_vec(),
        aes_key: aes_key.into_bytes(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::diagnose;
    use demo::DEMO;

    #[test]
    fn every_scenario_reaches_its_category() {
        for scenario in all() {
            let inputs = build(scenario.id, &DEMO).unwrap();
            let report = diagnose(&inputs.to_inputs(None));
            assert_eq!(
                report.category, scenario.expected_category,
                "scenario {}",
                scenario.id
            );
        }
    }

    #[test]
    fn ids_are_unique_and_texts_present() {
        let mut ids: Vec<&str> = all().iter().map(|scenario| scenario.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), all().len());
        assert_eq!(
            build("nope", &DEMO),
            Err(ScenarioError::Unknown("nope".to_owned()))
        );
    }
}
