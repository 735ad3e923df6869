//! The paste parser: any bytes give a parse outcome, never a panic or a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = alipay_phone_doctor::domain::input::parse(data);
});
