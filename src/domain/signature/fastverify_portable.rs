//! The fast path's stand-in where aws-lc-rs is not built (the web build, `wasm32`): no key is
//! ever made, so [`super::check_fast`] verifies and explains with the `rsa` crate alone. The
//! verdicts are the same (see `fastverify.rs`); only the speed of valid signatures differs.

use rsa::PublicKey;

use super::HashAlg;

/// A key parsed by the fast backend: never made in this build.
#[derive(Debug, Clone)]
pub struct FastKey {
    never: std::convert::Infallible,
}

impl FastKey {
    /// Always `None`: there is no fast backend in this build.
    pub fn new(_key: &PublicKey) -> Option<Self> {
        None
    }

    /// Never called (no `FastKey` exists).
    pub fn verifies(&self, _alg: HashAlg, _content: &[u8], _signature: &[u8]) -> bool {
        match self.never {}
    }
}
