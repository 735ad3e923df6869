//! Replays: with the response and the keys, run the known wrong implementations and compare what
//! each would print with what the server printed. Every replay gives a [`Verdict`] on a cause:
//! reproduced (with how specific the reproduction is), consistent (the output fits a cause no
//! replay can reproduce, such as another key on the server), or refuted.
//!
//! The inputs are read with the pipeline's own readers ([`crate::domain::input::parse`],
//! [`crate::domain::aeskey`], [`crate::domain::pubkey`]) and the right plaintext comes from the
//! right procedure; a replay that needs a missing input does not run.

pub mod aes;
pub mod b64sim;
pub mod charset;
pub mod compare;
mod decrypt;
mod sign;

use zeroize::Zeroizing;

use super::dump::Views;
use super::facts::Facts;
use super::{CauseCode, Confidence, ExplainInputs, Replayed};
use crate::domain::aeskey::{self, AesKeyOutcome};
use crate::domain::input::{self, Content, Envelope};
use crate::domain::keys::keytext;
use crate::domain::pubkey::{self, PublicKeyOutcome};
use crate::domain::report::Finding;
use compare::Printed;

/// What one replay says about one cause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The wrong implementation gives what was printed.
    Reproduced {
        /// `exact` when the reproduced output is specific (bytes, a number), `likely` when it is
        /// a common one (a padding error, an empty string).
        confidence: Confidence,
        /// What was found.
        evidence: Replayed,
    },
    /// The output fits the cause, which no replay can reproduce.
    Consistent {
        /// What supports it, if anything beyond the text.
        evidence: Option<Replayed>,
    },
    /// The wrong implementation gives something else.
    Refuted,
}

/// Every verdict of one run, in the order found.
pub type Verdicts = Vec<(CauseCode, Verdict)>;

/// The AES key as the server was given it.
pub struct AesMaterial {
    /// The key text, cleaned (quotes, whitespace and armour removed).
    pub text: Zeroizing<String>,
    /// The file as it was read, line break included.
    pub raw: Zeroizing<Vec<u8>>,
    /// The decoded key, when it is a valid AES key.
    pub key: Option<Zeroizing<Vec<u8>>>,
}

/// The right plaintext: the right procedure with the supplied key.
pub struct Right {
    /// With its PKCS#7 padding.
    pub padded: Zeroizing<Vec<u8>>,
    /// Length without the padding.
    pub plain_len: usize,
}

impl Right {
    /// Without the padding.
    pub fn plain(&self) -> &[u8] {
        self.padded.get(..self.plain_len).unwrap_or_default()
    }
}

/// The response and the keys, read once for every replay.
#[derive(Default)]
pub struct Material {
    /// The parsed `res.response`.
    pub envelope: Option<Envelope>,
    /// The base64 ciphertext, when the content is encrypted.
    pub ciphertext_b64: Option<String>,
    /// The ciphertext bytes.
    pub ciphertext: Option<Vec<u8>>,
    /// The AES key.
    pub aes: Option<AesMaterial>,
    /// The public key file as read.
    pub public_key_raw: Option<Zeroizing<Vec<u8>>>,
    /// What the public key file holds.
    pub public_key: Option<PublicKeyOutcome>,
    /// The findings of reading it.
    pub public_key_findings: Vec<Finding>,
    /// The right plaintext.
    pub right: Option<Right>,
}

impl std::fmt::Debug for Material {
    /// Never prints key material or the plaintext.
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("Material")
            .field("envelope", &self.envelope.is_some())
            .field("aes_key", &self.aes.is_some())
            .field("public_key", &self.public_key.is_some())
            .field("right", &self.right.is_some())
            .finish()
    }
}

impl Material {
    /// Reads the inputs. Total: what cannot be read is simply absent.
    pub fn new(inputs: &ExplainInputs<'_>) -> Self {
        let mut material = Self::default();
        if let Some(response) = inputs.response {
            material.envelope = input::parse(response).outcome.ok();
        }
        if let Some(Content::Ciphertext(b64)) = material.envelope.as_ref().map(|env| &env.content) {
            material.ciphertext = crate::domain::b64::decode(b64).ok();
            material.ciphertext_b64 = Some(b64.clone());
        }
        if let Some(raw) = inputs.aes_key {
            let text = String::from_utf8_lossy(raw);
            let key = match aeskey::parse(&text, &mut Vec::new()) {
                AesKeyOutcome::Usable { key, .. } => Some(key),
                _ => None,
            };
            material.aes = Some(AesMaterial {
                text: keytext::read(&text).body,
                raw: Zeroizing::new(raw.to_vec()),
                key,
            });
        }
        if let Some(raw) = inputs.alipay_public_key {
            let mut findings = Vec::new();
            material.public_key = Some(pubkey::parse(raw, None, &mut findings));
            material.public_key_findings = findings;
            material.public_key_raw = Some(Zeroizing::new(raw.to_vec()));
        }
        material.right = material.right_plaintext();
        material
    }

    fn right_plaintext(&self) -> Option<Right> {
        let key = self.aes.as_ref()?.key.as_ref()?;
        let cipher = aes::Cipher::new(key)?;
        let padded = cipher.decrypt_raw(self.ciphertext.as_ref()?, Some(&[0; 16]))?;
        let plain_len = aes::unpad_strict(&padded)?.len();
        Some(Right { padded, plain_len })
    }

    /// True when the decryption side can be replayed.
    pub fn decryption_replays(&self) -> bool {
        self.ciphertext.is_some() && self.aes.is_some()
    }

    /// True when the signature side can be replayed.
    pub fn signature_replays(&self) -> bool {
        self.envelope.is_some() && self.public_key.is_some()
    }
}

/// Runs every replay the inputs allow.
pub fn run(material: &Material, views: &Views, facts: &Facts) -> Verdicts {
    let right = material.right.as_ref().map(Right::plain);
    let printed = Printed::new(views).with_right(right);
    let mut verdicts = Verdicts::new();
    decrypt::run(material, &printed, facts, &mut verdicts);
    sign::run(material, &printed, facts, &mut verdicts);
    verdicts
}

/// Adds a reproduction.
fn reproduced(
    verdicts: &mut Verdicts,
    code: CauseCode,
    confidence: Confidence,
    evidence: Replayed,
) {
    verdicts.push((
        code,
        Verdict::Reproduced {
            confidence,
            evidence,
        },
    ));
}
