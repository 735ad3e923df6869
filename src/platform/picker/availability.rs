//! Whether the system file dialog can answer at all.
//!
//! On Linux and the BSDs this project's rfd (0.17, default features `xdg-portal` and `wayland`,
//! no `gtk3`) asks the desktop portal's `org.freedesktop.portal.FileChooser` over the D-Bus
//! session bus (libdbus, loaded at run time) and, when that fails, runs `zenity` from `PATH`.
//! When both fail, `pick_file` and `save_file` return `None`, exactly as a cancel does; the
//! failure shows only in rfd's log. Two checks, because neither alone is reliable:
//!
//! 1. **Before asking** ([`probe`]): mirrors how libdbus finds the session bus
//!    (`DBUS_SESSION_BUS_ADDRESS`, then `$XDG_RUNTIME_DIR/bus`, then autolaunch through
//!    `dbus-launch` on an X display) and looks for `zenity` on `PATH`. When there is no bus to
//!    find and no zenity, the dialog cannot open (WSLg, bare X, minimal window managers without
//!    a session): rfd is not called at all. The probe reads only the environment and file
//!    metadata, so it is instant and depends on no rfd wording. It cannot tell whether a bus
//!    carries a portal with a FileChooser backend without speaking D-Bus itself, so when a bus
//!    may exist it answers "maybe".
//! 2. **While asking** ([`watch`] and [`WatchingLogger`]): every failed rfd chain ends with one
//!    error record, `Failed to pick file with zenity: …` (or `save file`, `pick folder`), from a
//!    `rfd::` target on the calling thread. The program's logger is wrapped so that this record
//!    is noted for the thread that asked. This catches everything the probe cannot see: a bus
//!    without a portal, a portal without a FileChooser backend, a missing libdbus, a stale bus
//!    address. It depends on rfd's wording, which the unit tests below pin for rfd 0.17.
//!
//! On Windows and macOS the native dialog is always there: the probe says so and rfd's failures
//! there are not expected.

use std::cell::RefCell;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use super::NoNativeDialog;

thread_local! {
    /// The last rfd failure seen on this thread during [`watch`].
    static FAILURE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// What the environment says about the dialog's backends (Linux and the BSDs).
#[derive(Debug, Clone, Default)]
pub struct Probe {
    /// `PATH`.
    pub path: Option<OsString>,
    /// `DBUS_SESSION_BUS_ADDRESS`.
    pub bus_address: Option<OsString>,
    /// `XDG_RUNTIME_DIR`.
    pub runtime_dir: Option<PathBuf>,
    /// `DISPLAY` is set (libdbus can autolaunch a bus on an X display).
    pub x_display: bool,
}

impl Probe {
    /// Reads the process environment.
    pub fn from_env() -> Self {
        let set = |name: &str| std::env::var_os(name).filter(|value| !value.is_empty());
        Self {
            path: set("PATH"),
            bus_address: set("DBUS_SESSION_BUS_ADDRESS"),
            runtime_dir: set("XDG_RUNTIME_DIR").map(PathBuf::from),
            x_display: set("DISPLAY").is_some(),
        }
    }

    /// `Ok` when a portal or zenity may answer; the error when neither can.
    pub fn decide(&self) -> Result<(), NoNativeDialog> {
        if self.on_path("zenity") || self.session_bus_may_exist() {
            Ok(())
        } else {
            Err(NoNativeDialog::NothingToAsk)
        }
    }

    /// As libdbus looks the session bus up: the variable, the user bus socket, autolaunch.
    fn session_bus_may_exist(&self) -> bool {
        self.bus_address.is_some()
            || self
                .runtime_dir
                .as_ref()
                .is_some_and(|dir| dir.join("bus").exists())
            || (self.x_display && self.on_path("dbus-launch"))
    }

    /// An executable called `program` in a folder of `PATH`.
    fn on_path(&self, program: &str) -> bool {
        self.path.as_ref().is_some_and(|path| {
            std::env::split_paths(path).any(|dir| is_executable(&dir.join(program)))
        })
    }
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::metadata(path)
        .is_ok_and(|meta| meta.is_file() && meta.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file()
}

/// Whether the native dialog can answer, judged from the environment (see the module docs).
pub fn probe() -> Result<(), NoNativeDialog> {
    if cfg!(any(
        target_os = "linux",
        target_os = "freebsd",
        target_os = "dragonfly",
        target_os = "netbsd",
        target_os = "openbsd"
    )) {
        Probe::from_env().decide()
    } else {
        Ok(())
    }
}

/// Runs `ask` (an rfd call) and returns its answer with the rfd failure it logged, if any.
pub fn watch<T>(ask: impl FnOnce() -> T) -> (T, Option<String>) {
    FAILURE.with(|failure| failure.borrow_mut().take());
    let answer = ask();
    let failure = FAILURE.with(|failure| failure.borrow_mut().take());
    (answer, failure)
}

/// True for the record rfd logs when its last backend (zenity) failed too.
pub fn is_dialog_failure(record: &log::Record<'_>) -> bool {
    record.level() == log::Level::Error
        && record.target().starts_with("rfd::")
        && record.args().to_string().contains(" with zenity: ")
}

/// The program's logger, which also notes rfd's dialog failures for [`watch`].
#[derive(Debug)]
pub struct WatchingLogger<L> {
    inner: L,
}

impl<L> WatchingLogger<L> {
    /// Wraps `inner`.
    pub fn new(inner: L) -> Self {
        Self { inner }
    }
}

impl<L: log::Log> log::Log for WatchingLogger<L> {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        (metadata.level() == log::Level::Error && metadata.target().starts_with("rfd::"))
            || self.inner.enabled(metadata)
    }

    fn log(&self, record: &log::Record<'_>) {
        if is_dialog_failure(record) {
            let text = record.args().to_string();
            FAILURE.with(|failure| *failure.borrow_mut() = Some(text));
        }
        if self.inner.enabled(record.metadata()) {
            self.inner.log(record);
        }
    }

    fn flush(&self) {
        self.inner.flush();
    }
}

/// Installs `inner` (the program's logger, letting through up to `max`) wrapped in a
/// [`WatchingLogger`]; errors always reach the wrapper, so a quiet `RUST_LOG` hides nothing
/// from [`watch`].
pub fn install_logger<L: log::Log + 'static>(
    inner: L,
    max: log::LevelFilter,
) -> Result<(), log::SetLoggerError> {
    log::set_boxed_logger(Box::new(WatchingLogger::new(inner)))?;
    log::set_max_level(max.max(log::LevelFilter::Error));
    Ok(())
}

#[cfg(test)]
mod tests;
