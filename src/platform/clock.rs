//! The wall clock.

/// Seconds since the Unix epoch, for certificate validity; `None` when the clock is before 1970.
#[cfg(not(target_arch = "wasm32"))]
pub fn now_unix_secs() -> Option<u64> {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()
        .map(|elapsed| elapsed.as_secs())
}

/// Seconds since the Unix epoch from the browser's clock (`SystemTime::now()` panics on
/// `wasm32-unknown-unknown`); `None` when the clock is before 1970 or not a number.
#[cfg(target_arch = "wasm32")]
pub fn now_unix_secs() -> Option<u64> {
    let millis = js_sys::Date::now();
    // A float-to-integer `as` saturates; finite and non-negative are checked for clarity.
    (millis.is_finite() && millis >= 0.0).then(|| (millis / 1000.0) as u64)
}
