//! Entry point: with arguments, the command line; without, the desktop window.

use std::process::ExitCode;

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    if std::env::args_os().len() > 1 {
        return alipay_phone_doctor::cli::main_with_args(std::env::args_os());
    }
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    match alipay_phone_doctor::run_window(started) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("alipay-phone-doctor: cannot open the window: {error}");
            ExitCode::from(2)
        }
    }
}
