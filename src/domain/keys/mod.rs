//! Reading the keys: the Alipay public key or certificate, and the AES key, through one cleanup
//! of key text ([`keytext`]).

pub mod aeskey;
pub mod certs;
pub mod keytext;
pub mod pubkey;
