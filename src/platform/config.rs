//! Where the tool keeps its settings: the user's configuration folder, per platform (Linux
//! `$XDG_CONFIG_HOME` or `~/.config`, macOS `~/Library/Application Support`, Windows
//! `%APPDATA%`), in `alipay-phone-doctor/`.

use std::path::PathBuf;

/// The folder name under the configuration directory.
const APP_DIR: &str = "alipay-phone-doctor";

/// The tool's configuration folder; `None` when the platform has no home directory.
pub fn config_dir() -> Option<PathBuf> {
    dirs::config_dir().map(|dir| dir.join(APP_DIR))
}

/// The default profiles file, shared by the window and the command line.
pub fn default_profiles_path() -> Option<PathBuf> {
    config_dir().map(|dir| dir.join("profiles.toml"))
}
