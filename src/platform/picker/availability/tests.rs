use super::*;
use log::Log as _;

/// A logger that drops everything.
struct Silent;

impl log::Log for Silent {
    fn enabled(&self, _: &log::Metadata<'_>) -> bool {
        false
    }
    fn log(&self, _: &log::Record<'_>) {}
    fn flush(&self) {}
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("apd-probe-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[cfg(unix)]
fn fake_program(dir: &Path, name: &str) {
    use std::os::unix::fs::PermissionsExt as _;
    let path = dir.join(name);
    std::fs::write(&path, "#!/bin/sh\n").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn nothing_to_ask_without_a_bus_or_zenity() {
    let empty = scratch("empty");
    let probe = Probe {
        path: Some(empty.clone().into_os_string()),
        x_display: true,
        runtime_dir: Some(empty),
        ..Probe::default()
    };
    assert_eq!(probe.decide(), Err(NoNativeDialog::NothingToAsk));
    assert_eq!(Probe::default().decide(), Err(NoNativeDialog::NothingToAsk));
}

#[test]
fn a_bus_address_or_a_user_bus_may_carry_a_portal() {
    let with_address = Probe {
        bus_address: Some("unix:path=/run/user/1000/bus".into()),
        ..Probe::default()
    };
    assert_eq!(with_address.decide(), Ok(()));
    let runtime = scratch("runtime");
    std::fs::write(runtime.join("bus"), "").unwrap();
    let with_user_bus = Probe {
        runtime_dir: Some(runtime),
        ..Probe::default()
    };
    assert_eq!(with_user_bus.decide(), Ok(()));
}

#[cfg(unix)]
#[test]
fn zenity_or_autolaunch_on_path_counts_only_when_executable() {
    let bin = scratch("bin");
    std::fs::write(bin.join("zenity"), "not executable").unwrap();
    let probe = Probe {
        path: Some(bin.clone().into_os_string()),
        ..Probe::default()
    };
    assert_eq!(probe.decide(), Err(NoNativeDialog::NothingToAsk));
    fake_program(&bin, "zenity");
    assert_eq!(probe.decide(), Ok(()));

    let launcher = scratch("launcher");
    fake_program(&launcher, "dbus-launch");
    let mut autolaunch = Probe {
        path: Some(launcher.into_os_string()),
        ..Probe::default()
    };
    assert!(
        autolaunch.decide().is_err(),
        "autolaunch needs an X display"
    );
    autolaunch.x_display = true;
    assert_eq!(autolaunch.decide(), Ok(()));
}

fn rfd_record(target: &str, level: log::Level, text: &str, logger: &impl log::Log) {
    logger.log(
        &log::Record::builder()
            .target(target)
            .level(level)
            .args(format_args!("{text}"))
            .build(),
    );
}

/// The records are rfd 0.17.2's own (`src/backend/xdg_desktop_portal.rs`, `libdbus.rs`).
#[test]
fn the_zenity_failure_is_caught_for_the_asking_thread_only() {
    let logger = WatchingLogger::new(Silent);
    let target = "rfd::backend::xdg_desktop_portal";
    let ((), failure) = watch(|| {
        rfd_record(target, log::Level::Error, "OpenFile failed: x", &logger);
        rfd_record(target, log::Level::Warn, "Using zenity fallback", &logger);
        rfd_record(
            target,
            log::Level::Error,
            "Failed to pick file with zenity: No such file or directory (os error 2)",
            &logger,
        );
    });
    assert_eq!(
        failure.as_deref(),
        Some("Failed to pick file with zenity: No such file or directory (os error 2)")
    );
    let ((), on_another_thread) = watch(|| {
        std::thread::scope(|scope| {
            scope.spawn(|| {
                let text = "Failed to save file with zenity: gone";
                rfd_record(target, log::Level::Error, text, &logger);
            });
        });
    });
    assert_eq!(on_another_thread, None);
}

#[test]
fn other_records_are_not_failures() {
    let logger = WatchingLogger::new(Silent);
    let ((), failure) = watch(|| {
        rfd_record(
            "rfd::backend::xdg_desktop_portal",
            log::Level::Warn,
            "Using zenity fallback",
            &logger,
        );
        rfd_record(
            "my_app",
            log::Level::Error,
            "Failed to pick file with zenity: lookalike",
            &logger,
        );
    });
    assert_eq!(failure, None);
    assert!(
        logger.enabled(
            &log::Metadata::builder()
                .target("rfd::backend")
                .level(log::Level::Error)
                .build()
        )
    );
}
