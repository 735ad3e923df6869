//! The wall clock.

/// Seconds since the Unix epoch, for certificate validity; `None` when the clock is before 1970.
pub fn now_unix_secs() -> Option<u64> {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()
        .map(|elapsed| elapsed.as_secs())
}
