//! What the window holds while it runs and never persists: the paste, the keys, the report.

use std::path::PathBuf;
use std::sync::mpsc;

use zeroize::Zeroizing;

use crate::domain::KeySlot;
use crate::domain::{self, Inputs, Report};

/// Inputs at least this large are diagnosed on a worker thread.
pub const BACKGROUND_THRESHOLD_BYTES: usize = 1024 * 1024;

use crate::features::scenarios::demo::{self, DEMO};
use crate::ui::Notice;

/// Where a key came from. Shown instead of the key itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeySource {
    /// Read from a file (dialog, drop or the remembered path).
    File(PathBuf),
    /// Pasted from the clipboard.
    Pasted,
    /// The built-in demo key.
    Demo,
}

/// A loaded key: where it came from and its bytes (wiped on drop, never displayed).
#[derive(Debug)]
pub struct KeyInput {
    /// Origin.
    pub source: KeySource,
    bytes: Zeroizing<Vec<u8>>,
}

impl KeyInput {
    /// Wraps key bytes.
    pub fn new(source: KeySource, bytes: Vec<u8>) -> Self {
        Self {
            source,
            bytes: Zeroizing::new(bytes),
        }
    }
}

/// Runtime state.
#[derive(Debug, Default)]
pub struct Session {
    /// The response editor's text.
    pub response: String,
    /// The Alipay public key slot.
    pub public_key: Option<KeyInput>,
    /// The AES key slot.
    pub aes_key: Option<KeyInput>,
    /// True while the built-in demo data is shown.
    pub demo: bool,
    /// Show the mobile in full.
    pub show_mobile: bool,
    /// Messages about recent actions.
    pub notices: Vec<Notice>,
    /// The current diagnosis.
    pub report: Option<Report>,
    /// A safe description of the AES key, refreshed with the diagnosis.
    pub aes_summary: Option<AesSummary>,
    /// How many times the diagnosis ran (it runs only when an input changes).
    pub diagnoses: u64,
    /// True while a large input is being diagnosed in the background.
    pub working: bool,
    /// Increases every time a new report is installed.
    pub report_serial: u64,
    /// The built-in scenario on show, if any.
    pub scenario: Option<&'static crate::features::scenarios::Scenario>,
    /// What the developer's server printed, and its explanation.
    pub server_output: super::server_output::ServerOutput,
    /// An input changed since the last diagnosis.
    dirty: bool,
    /// Increases with every input change; a background result for an older one is dropped.
    generation: u64,
    pending: Option<mpsc::Receiver<(u64, Report)>>,
}

impl Session {
    /// A session showing the demo.
    pub fn with_demo() -> Self {
        let mut session = Self::default();
        session.load_demo();
        session
    }

    /// Fills every input with the demo data.
    pub fn load_demo(&mut self) {
        self.scenario = None;
        self.response = demo::RESPONSE.to_owned();
        self.public_key = Some(KeyInput::new(
            KeySource::Demo,
            DEMO.alipay_public_key.as_bytes().to_vec(),
        ));
        self.aes_key = Some(KeyInput::new(
            KeySource::Demo,
            DEMO.aes_key.as_bytes().to_vec(),
        ));
        self.demo = true;
        self.dirty = true;
    }

    /// Removes whatever demo data is still shown: demo keys never fit the user's own data.
    pub fn end_demo(&mut self) {
        if !self.demo {
            return;
        }
        self.demo = false;
        if self.response == demo::RESPONSE || self.scenario.is_some() {
            self.response.clear();
        }
        self.scenario = None;
        for slot in [&mut self.public_key, &mut self.aes_key] {
            if slot
                .as_ref()
                .is_some_and(|key| key.source == KeySource::Demo)
            {
                *slot = None;
            }
        }
        self.dirty = true;
    }

    /// Replaces the response with the user's own text.
    pub fn set_response(&mut self, text: String) {
        self.end_demo();
        self.response = text;
        self.dirty = true;
    }

    /// The editor changed the response in place.
    pub fn response_edited(&mut self) {
        if self.demo {
            let typed = std::mem::take(&mut self.response);
            self.end_demo();
            self.response = typed;
        }
        self.dirty = true;
    }

    /// Fills every input with a built-in scenario (demo keys, tagged as demo data).
    pub fn load_scenario(
        &mut self,
        scenario: &'static crate::features::scenarios::Scenario,
        inputs: crate::features::scenarios::ScenarioInputs,
    ) {
        let crate::features::scenarios::ScenarioInputs {
            response,
            public_key,
            aes_key,
        } = inputs;
        self.response = response;
        self.public_key = Some(KeyInput::new(KeySource::Demo, public_key));
        self.aes_key = Some(KeyInput::new(KeySource::Demo, aes_key));
        self.demo = true;
        self.scenario = Some(scenario);
        self.dirty = true;
    }

    /// The bytes of a slot's key, for building derived views (never displayed).
    pub fn key_bytes(&self, slot: KeySlot) -> Option<&[u8]> {
        self.key(slot).map(|key| key.bytes.as_slice())
    }

    /// The slot's key.
    pub fn key(&self, slot: KeySlot) -> Option<&KeyInput> {
        match slot {
            KeySlot::AlipayPublicKey => self.public_key.as_ref(),
            KeySlot::AesKey => self.aes_key.as_ref(),
        }
    }

    /// Puts a key in a slot (or clears it); the user's own input ends the demo.
    pub fn set_key(&mut self, slot: KeySlot, key: Option<KeyInput>) {
        if key.as_ref().is_none_or(|key| key.source != KeySource::Demo) {
            self.end_demo();
        }
        match slot {
            KeySlot::AlipayPublicKey => self.public_key = key,
            KeySlot::AesKey => self.aes_key = key,
        }
        self.dirty = true;
    }

    /// The inputs as they are now.
    pub fn inputs(&self, now_unix_secs: Option<u64>) -> Inputs {
        Inputs {
            response: self.response.as_bytes().to_vec(),
            alipay_public_key: self.public_key.as_ref().map(|key| key.bytes.to_vec()),
            aes_key: self.aes_key.as_ref().map(|key| key.bytes.to_vec()),
            now_unix_secs,
        }
    }

    /// Re-runs the diagnosis only when an input changed. Large inputs are diagnosed on a worker
    /// thread (the window keeps drawing and shows "working"); a newer input supersedes an older
    /// one and the stale result is dropped. A browser page has no threads: there they are
    /// diagnosed in the frame. `repaint` wakes the window when a result arrives.
    pub fn refresh(&mut self, now_unix_secs: Option<u64>, repaint: Option<&egui::Context>) {
        self.poll();
        if !self.dirty && (self.report.is_some() || self.working) {
            return;
        }
        self.dirty = false;
        self.generation += 1;
        let inputs = self.inputs(now_unix_secs);
        self.diagnoses += 1;
        if inputs.response.len() < BACKGROUND_THRESHOLD_BYTES || !crate::platform::HAS_THREADS {
            self.pending = None;
            self.working = false;
            self.install(domain::diagnose(&inputs));
            return;
        }
        let (sender, receiver) = mpsc::channel();
        let generation = self.generation;
        let repaint = repaint.cloned();
        let spawned = std::thread::Builder::new()
            .name("diagnose".to_owned())
            .spawn(move || {
                let report = domain::diagnose(&inputs);
                // The receiver is gone when a newer input replaced this one: nothing to do then.
                let _ = sender.send((generation, report));
                if let Some(ctx) = repaint {
                    ctx.request_repaint();
                }
            });
        match spawned {
            Ok(_) => {
                self.pending = Some(receiver);
                self.working = true;
            }
            Err(error) => {
                log::warn!("cannot start the diagnosis thread ({error}); diagnosing here");
                self.working = false;
                self.install(domain::diagnose(&self.inputs(now_unix_secs)));
            }
        }
    }

    fn poll(&mut self) {
        let Some(receiver) = &self.pending else {
            return;
        };
        match receiver.try_recv() {
            Ok((generation, report)) if generation == self.generation => {
                self.pending = None;
                self.working = false;
                self.install(report);
            }
            Ok(_) | Err(mpsc::TryRecvError::Disconnected) => {
                self.pending = None;
                self.working = false;
            }
            Err(mpsc::TryRecvError::Empty) => {}
        }
    }

    fn install(&mut self, report: Report) {
        self.report = Some(report);
        self.report_serial += 1;
        self.aes_summary = self.aes_key_summary();
    }

    /// Waits for a background diagnosis to finish (for tests and the command line).
    pub fn wait(&mut self) {
        if let Some(receiver) = self.pending.take() {
            if let Ok((generation, report)) = receiver.recv()
                && generation == self.generation
            {
                self.install(report);
            }
            self.working = false;
        }
    }

    /// A short, non-secret description of the AES key: size and encoding.
    fn aes_key_summary(&self) -> Option<AesSummary> {
        use domain::aeskey::AesKeyOutcome;
        let key = self.aes_key.as_ref()?;
        let text = String::from_utf8_lossy(&key.bytes);
        let mut findings = Vec::new();
        Some(match domain::aeskey::parse(&text, &mut findings) {
            AesKeyOutcome::Missing => AesSummary::Empty,
            AesKeyOutcome::Usable { key, hex: None } => AesSummary::Base64 { bytes: key.len() },
            AesKeyOutcome::Usable {
                key: _,
                hex: Some(key),
            }
            | AesKeyOutcome::Invalid { hex: Some(key), .. } => {
                AesSummary::HexLooking { bytes: key.len() }
            }
            AesKeyOutcome::Invalid {
                wrong_length: Some(bytes),
                ..
            } => AesSummary::WrongLength { bytes: bytes.len() },
            AesKeyOutcome::Invalid { .. } => AesSummary::NotBase64,
        })
    }
}

/// What the AES key slot holds, described without the key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AesSummary {
    /// Only whitespace.
    Empty,
    /// Base64 of a valid key length.
    Base64 {
        /// Decoded length.
        bytes: usize,
    },
    /// Text that also reads as hex.
    HexLooking {
        /// Length of the hex reading.
        bytes: usize,
    },
    /// Base64 of a wrong length.
    WrongLength {
        /// Decoded length.
        bytes: usize,
    },
    /// Not base64.
    NotBase64,
}

impl AesSummary {
    /// The description in `lang`.
    pub fn text(self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::tr;
        match self {
            Self::Empty => tr("ui.aes_summary_empty", lang).to_owned(),
            Self::Base64 { bytes } => {
                format!(
                    "AES-{} (base64, {})",
                    bytes * 8,
                    crate::render::byte_count(bytes, lang)
                )
            }
            Self::HexLooking { bytes } => format!(
                "{}{}",
                tr("ui.aes_summary_hex", lang),
                crate::render::parenthesized(&crate::render::byte_count(bytes, lang), lang)
            ),
            Self::WrongLength { bytes } => format!(
                "{}{}{}",
                tr("ui.aes_summary_invalid", lang),
                tr("ui.notice_separator", lang),
                crate::render::byte_count(bytes, lang)
            ),
            Self::NotBase64 => tr("ui.aes_summary_not_base64", lang).to_owned(),
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        use zeroize::Zeroize as _;
        self.response.zeroize();
    }
}
