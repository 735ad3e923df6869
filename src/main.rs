//! Entry point: with arguments, the command line; without, the desktop window.

use std::process::ExitCode;

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    let args = alipay_phone_doctor::platform::env::args();
    if args.len() > 1 {
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
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => alipay_phone_doctor::cli::window_failed(&error),
    }
}
