//! The process environment: command-line arguments and the measurement switches read at start.

use std::ffi::OsString;

/// The command-line arguments, the program name first.
pub fn args() -> Vec<OsString> {
    std::env::args_os().collect()
}

/// True when the variable `name` is set (to anything).
pub fn is_set(name: &str) -> bool {
    std::env::var_os(name).is_some()
}

/// The variable `name` read as a whole number; `None` when unset or not a number.
pub fn number(name: &str) -> Option<u64> {
    std::env::var(name).ok()?.trim().parse().ok()
}
