//! Entry point: with arguments, the command line; without, the desktop window. In the web build
//! (`wasm32`), the window on the page's canvas.

// Windows: a GUI-subsystem executable, so no console window opens beside the app when it is
// started from Explorer; command-line runs attach to the shell's console instead.
#![cfg_attr(windows, windows_subsystem = "windows")]

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let started = std::time::Instant::now();
    let args = alipay_phone_doctor::platform::env::args();
    if args.len() > 1 {
        #[cfg(windows)]
        alipay_phone_doctor::platform::windows::attach_parent_console();
        return alipay_phone_doctor::cli::main_with_args(args);
    }
    let logger =
        env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).build();
    let max = logger.filter();
    // Wrapped so that a file dialog that fails (no portal, no zenity) is noticed, not silent.
    if let Err(error) =
        alipay_phone_doctor::platform::picker::availability::install_logger(logger, max)
    {
        eprintln!("{error}");
    }
    match alipay_phone_doctor::app::run_window(started) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => alipay_phone_doctor::cli::window_failed(&error),
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    alipay_phone_doctor::platform::web::start();
}
