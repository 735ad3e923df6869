//! Windows: the executable is built for the GUI subsystem (`main.rs`), so Explorer starts the
//! window without a console window. A command-line run from a shell then has no standard output;
//! [`attach_parent_console`] attaches to the shell's console so the reports are printed there.
//! A run whose output is piped or redirected already has handles and is left as it is.

use windows_sys::Win32::Foundation::INVALID_HANDLE_VALUE;
use windows_sys::Win32::System::Console::{
    ATTACH_PARENT_PROCESS, AttachConsole, GetStdHandle, STD_OUTPUT_HANDLE,
};

/// Attaches to the console of the process that started this one when standard output goes
/// nowhere; does nothing when started from Explorer (no parent console) or with redirected output.
#[expect(
    unsafe_code,
    reason = "two Win32 calls that take and return plain integers and handles, no pointers into Rust memory"
)]
pub fn attach_parent_console() {
    // SAFETY: GetStdHandle only reads the process's standard handle table.
    let output = unsafe { GetStdHandle(STD_OUTPUT_HANDLE) };
    if output.is_null() || output == INVALID_HANDLE_VALUE {
        // SAFETY: AttachConsole takes a process id (here the "parent" constant) and only
        // changes which console this process uses; failure (no parent console) is harmless.
        let _attached = unsafe { AttachConsole(ATTACH_PARENT_PROCESS) };
    }
}
