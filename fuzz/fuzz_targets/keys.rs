//! The key readers: any bytes as a public key or certificate, any text as an AES key.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut findings = Vec::new();
    let _ = alipay_phone_doctor::domain::pubkey::parse(data, Some(1_800_000_000), &mut findings);
    let text = String::from_utf8_lossy(data);
    let _ = alipay_phone_doctor::domain::aeskey::parse(&text, &mut findings);
});
