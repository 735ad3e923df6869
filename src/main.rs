//! Entry point: with arguments, the command line; without, the desktop window. In the web build
//! (`wasm32`), the window on the page's canvas.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let started = std::time::Instant::now();
    let args = alipay_phone_doctor::platform::env::args();
    if args.len() > 1 {
        return alipay_phone_doctor::cli::main_with_args(args);
    }
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn")).init();
    match alipay_phone_doctor::app::run_window(started) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => alipay_phone_doctor::cli::window_failed(&error),
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    alipay_phone_doctor::platform::web::start();
}
