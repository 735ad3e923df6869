//! "Explain what the server printed": from a server's printed output (an exception, `false`,
//! garbled text or a dump), and optionally the response and the keys, the mistakes in the
//! server's code that produce exactly that output.
//!
//! The output is read every way it can be read ([`dump`]); the error-text patterns of
//! `assets/server_output_patterns.toml` ([`rules`], [`matcher`]) name candidate causes; with the
//! response and the keys, [`replay`] runs the known wrong implementations and compares their
//! output with what was printed, byte for byte; [`rank`] puts the answer together. Pure: typed
//! causes and evidence, no wording (that is `crate::i18n::explain`).

pub mod cause;
pub mod dump;
mod escapes;
pub mod facts;
pub mod matcher;
pub mod rank;
pub mod replay;
pub mod rules;

pub use cause::{CauseCode, Side};
pub use replay::charset::Charset;

use crate::domain::terms::KeyKind;

/// How much of a printed output is read: the last 1 MiB (the end of a log holds the failure).
pub const MAX_PRINTED_BYTES: usize = 1024 * 1024;

/// How sure the tool is of a cause.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Deserialize, serde::Serialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// It fits, but other causes fit too.
    Likely,
    /// A replay reproduces the output, or the text and its number identify the mistake.
    Exact,
}

impl Confidence {
    /// `exact` or `likely`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Exact => "exact",
            Self::Likely => "likely",
        }
    }
}

/// What an `explain` run reads. Key material is only borrowed.
#[derive(Debug, Clone, Copy, Default)]
pub struct ExplainInputs<'a> {
    /// What the server printed, as bytes (it may not be UTF-8).
    pub printed: &'a [u8],
    /// `res.response` as the mini program received it.
    pub response: Option<&'a [u8]>,
    /// The Alipay public key file the server uses.
    pub alipay_public_key: Option<&'a [u8]>,
    /// The console's AES key text.
    pub aes_key: Option<&'a [u8]>,
}

/// The IV a server used, recovered from the first block it printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IvKind {
    /// The AES key itself.
    Key,
    /// The first 16 characters of the key text.
    KeyText,
    /// The text `0000000000000000`.
    AsciiZeros,
    /// Bytes of no recognisable origin: a random IV.
    Random,
    /// Not recoverable: the first block was printed through a lossy text decoding.
    Unrecoverable,
}

/// A wrong implementation a replay ran.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Variant {
    /// AES-ECB.
    Ecb,
    /// The key text as an AES key.
    KeyText,
    /// The key text as an AES-128 key (Node `aes-128-cbc` with `Buffer.from(text)`).
    KeyTextAes128,
    /// The key text cut to its first 16 characters (PHP's `openssl_decrypt` with a longer key).
    KeyTextCut,
    /// The whole key file, line break included.
    KeyFileText,
    /// The base64 text of the ciphertext decrypted as if it were the bytes.
    CiphertextText,
    /// `sign` after its `+` became spaces, through a strict base64 decoder.
    SignSpacesStrict,
    /// `sign` after its `+` became spaces, through a decoder that skips them.
    SignSpacesSkipped,
    /// The public key file's text through a strict base64 decoder.
    PublicKeyTextDecoded,
}

/// Why a cause is named: a matched text or a replay, with its typed values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Evidence {
    /// A rule of the data file matched.
    Text {
        /// The wording key named by the rule.
        key: &'static str,
        /// The matched text, one line.
        matched: String,
        /// The numbers it captured.
        numbers: Vec<(String, u64)>,
    },
    /// A replay reproduced or explained the output.
    Replay(Replayed),
}

/// What a replay found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Replayed {
    /// AES-ECB gives the printed bytes.
    Ecb,
    /// A CBC IV gives the printed bytes; readable from byte `readable_from`.
    WrongIv {
        /// 1-based position of the first right byte.
        readable_from: usize,
        /// The IV recovered.
        iv: IvKind,
    },
    /// The right plaintext with its padding.
    PaddingLeft {
        /// The padding byte.
        pad_value: u8,
        /// How many.
        pad_count: usize,
    },
    /// The right plaintext without its last block.
    Truncated {
        /// Bytes printed.
        cut_length: usize,
    },
    /// Encrypting the ciphertext gives the printed bytes.
    Encrypt {
        /// Bytes printed.
        output_length: usize,
        /// Bytes of the ciphertext.
        input_length: usize,
    },
    /// The key text as key gives the printed bytes.
    KeyText,
    /// The key text cut to 16 characters as key gives the printed bytes.
    KeyTextCut,
    /// The key text plus a line break has the printed length.
    KeyNewline {
        /// The length printed.
        bytes: u64,
    },
    /// The ciphertext has the printed key length.
    ArgsSwapped {
        /// The length printed.
        bytes: u64,
    },
    /// The variant ends in the printed error, the right procedure works.
    SameError {
        /// The variant.
        variant: Variant,
    },
    /// The variant prints the printed message.
    SameMessage {
        /// The variant.
        variant: Variant,
    },
    /// Decoding the right plaintext with a charset gives the printed text.
    Charset {
        /// The charset.
        charset: Charset,
    },
    /// No wrong implementation with the supplied key reproduces the output.
    NoMatch,
    /// The CryptoJS replay with the key text gives the printed result.
    CryptojsDeterministic,
    /// The base64 text is not whole blocks.
    CiphertextNotDecoded {
        /// Its length.
        input_length: usize,
    },
    /// `sign` with spaces for `+`, leniently decoded, has the printed length.
    PlusToSpaceSign {
        /// `+` in `sign`.
        plus_count: usize,
        /// The decoded length.
        got: usize,
    },
    /// `response` with spaces for `+` was printed.
    PlusToSpaceResponse,
    /// The signature verifies over the quoted content; the logged content has no quotes.
    SignUnquoted,
    /// The signature holds a SHA-256 digest.
    SignSha1,
    /// The signature, key and quoted content agree.
    SignDataRight,
    /// The configured key does not open the signature.
    OpeningNoBlock,
    /// The configured public key file is a private key.
    KeyFilePrivate {
        /// What it is.
        key_kind: KeyKind,
    },
    /// The configured public key is PKCS#1.
    KeyFilePkcs1,
    /// The payload has no `sign`.
    SignAbsent,
}

/// One cause, with why it is named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cause {
    /// The mistake.
    pub code: CauseCode,
    /// How sure.
    pub confidence: Confidence,
    /// Why, the strongest first.
    pub evidence: Vec<Evidence>,
}

/// The answer: causes, most likely first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Explanation {
    /// The causes, most likely first; empty when nothing known explains the output.
    pub causes: Vec<Cause>,
    /// The output fits causes that only a replay can tell apart, and the inputs for it are
    /// missing (the response or a key).
    pub needs_keys: bool,
    /// Replays ran (the response and at least one key were given).
    pub replayed: bool,
}

impl Explanation {
    /// The most likely cause.
    pub fn top(&self) -> Option<&Cause> {
        self.causes.first()
    }
}

/// Explains what a server printed. Total: any bytes and any keys give an answer, never a panic.
pub fn explain(inputs: &ExplainInputs<'_>) -> Explanation {
    let printed = inputs
        .printed
        .get(inputs.printed.len().saturating_sub(MAX_PRINTED_BYTES)..)
        .unwrap_or_default();
    let views = dump::views(printed);
    let rules = rules::rules();
    let mut hits = matcher::scan(rules, &views);
    facts::void_garbage(rules, &mut hits, &views);
    let facts = facts::Facts::read(rules, &views, &hits);
    let material = replay::Material::new(inputs);
    let verdicts = replay::run(&material, &views, &facts);
    rank::combine(&hits, &verdicts, &material)
}
