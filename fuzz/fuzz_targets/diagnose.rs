//! The whole pipeline. The input is split into response, public key and AES key at the first two
//! `0xFF` bytes, so the fuzzer can vary each; with fewer separators the fixture keys are used.
#![no_main]

use alipay_phone_doctor::domain::{Inputs, diagnose};
use libfuzzer_sys::fuzz_target;

const PUBLIC_KEY: &[u8] = include_bytes!("../../tests/fixtures/cases/p001_ok_success/alipay_public_key.txt");
const AES_KEY: &[u8] = include_bytes!("../../tests/fixtures/cases/p001_ok_success/aes_key.txt");

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(3, |byte| *byte == 0xff);
    let response = parts.next().unwrap_or_default().to_vec();
    let alipay_public_key = Some(parts.next().map_or_else(|| PUBLIC_KEY.to_vec(), <[u8]>::to_vec));
    let aes_key = Some(parts.next().map_or_else(|| AES_KEY.to_vec(), <[u8]>::to_vec));
    let report = diagnose(&Inputs { response, alipay_public_key, aes_key, now_unix_secs: Some(1_800_000_000) });
    assert!(!report.category.is_empty());
});
