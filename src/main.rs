//! Entry point: with arguments, the command line; without, the desktop window.

use std::process::ExitCode;

fn main() -> ExitCode {
    if std::env::args_os().len() > 1 {
        return alipay_phone_doctor::cli::main_with_args(std::env::args_os());
    }
    alipay_phone_doctor::cli::main_with_args(["alipay-phone-doctor", "--help"].map(Into::into))
}
