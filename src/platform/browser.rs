//! The built-in file browser's state, used when the system has no file dialog: the folder on
//! show and its listing, the typed location and file name, the filter, the selection. Every
//! step that reads the file system is here; the window draws the state (`ui::file_browser`) and
//! the app feeds the user's actions back.
//!
//! Hand-written rather than a crate: egui-file-dialog, the well-kept egui file dialog, still
//! targets egui 0.36 in its newest release (0.15.0 requires `egui ^0.36`) and two eguis cannot
//! share widgets (`tests/architecture.rs` allows one). What is needed is small: one folder
//! listing, a typed path, the filters, a file name and the keyboard.

pub mod listing;

use std::path::{Path, PathBuf};

use thiserror::Error;

pub use listing::{Entry, EntryKind, Filter, ListError};

/// What the browser chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// An existing file.
    Open,
    /// A file to write (which may exist: then it asks before replacing).
    Save,
    /// A folder.
    Folder,
}

/// What the browser cannot do with the user's input.
#[derive(Debug, Error)]
pub enum BrowseError {
    /// The folder could not be listed.
    #[error(transparent)]
    List(#[from] ListError),
    /// The typed location does not exist.
    #[error("{} does not exist", path.display())]
    NotFound {
        /// The location as resolved.
        path: PathBuf,
    },
    /// Save was asked without a file name.
    #[error("no file name")]
    NoName,
}

/// Where a step left the browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Still browsing.
    Stay,
    /// The user chose this path.
    Chosen(PathBuf),
}

/// The browser's state.
#[derive(Debug)]
pub struct FileBrowser {
    /// What it chooses.
    pub mode: Mode,
    /// The folder on show.
    pub dir: PathBuf,
    /// Its entries.
    pub entries: Vec<Entry>,
    /// The filters offered; the first is the default.
    pub filters: Vec<Filter>,
    /// The filter in use.
    pub filter: Filter,
    /// Names starting with a dot are listed.
    pub show_hidden: bool,
    /// The selected entry.
    pub selected: Option<usize>,
    /// The location field: the folder on show, a selected file, or what the user typed.
    pub location: String,
    /// The file name field (saving).
    pub file_name: String,
    /// The last problem, shown until the next step.
    pub error: Option<BrowseError>,
    /// The existing file a second Save replaces.
    pub replace: Option<PathBuf>,
}

impl FileBrowser {
    /// A browser showing `start` (or, when it cannot be listed, the home folder or the root).
    pub fn new(mode: Mode, start: &Path, filters: Vec<Filter>, file_name: &str) -> Self {
        let filter = filters.first().copied().unwrap_or(Filter::AllFiles);
        let mut browser = Self {
            mode,
            dir: PathBuf::new(),
            entries: Vec::new(),
            filters,
            filter,
            show_hidden: false,
            selected: None,
            location: String::new(),
            file_name: file_name.to_owned(),
            error: None,
            replace: None,
        };
        let fallbacks = [Some(start.to_owned()), dirs::home_dir(), Some(root())];
        for dir in fallbacks.into_iter().flatten() {
            browser.enter(&dir);
            if browser.dir == dir {
                break;
            }
        }
        browser
    }

    /// Shows `dir`; on failure the folder on show stays and the error is kept.
    pub fn enter(&mut self, dir: &Path) {
        match listing::list(dir, self.filter, self.show_hidden) {
            Ok(entries) => {
                self.dir = dir.to_owned();
                self.entries = entries;
                self.selected = None;
                self.location = dir.display().to_string();
                self.error = None;
                self.replace = None;
            }
            Err(error) => self.error = Some(error.into()),
        }
    }

    /// Shows the parent folder with the folder we came from selected.
    pub fn up(&mut self) {
        let Some(parent) = self.dir.parent().map(Path::to_owned) else {
            return;
        };
        let came_from = self.dir.clone();
        self.enter(&parent);
        if self.dir == parent {
            self.selected = self
                .entries
                .iter()
                .position(|entry| entry.path == came_from);
        }
    }

    /// Lists the folder on show again (after a filter or hidden-files change).
    pub fn refresh(&mut self) {
        let dir = self.dir.clone();
        let selected = self.selected_entry().map(|entry| entry.path.clone());
        self.enter(&dir);
        self.selected = selected.and_then(|path| self.entries.iter().position(|e| e.path == path));
    }

    /// Uses `filter` (one of [`Self::filters`]).
    pub fn set_filter(&mut self, filter: Filter) {
        self.filter = filter;
        self.refresh();
    }

    /// Lists or hides dot files.
    pub fn set_show_hidden(&mut self, show: bool) {
        self.show_hidden = show;
        self.refresh();
    }

    /// The selected entry.
    pub fn selected_entry(&self) -> Option<&Entry> {
        self.entries.get(self.selected?)
    }

    /// Selects entry `index`; a file fills the location (opening) or the file name (saving).
    pub fn select(&mut self, index: usize) {
        let Some(entry) = self.entries.get(index) else {
            return;
        };
        self.selected = Some(index);
        self.replace = None;
        if entry.kind == EntryKind::File {
            match self.mode {
                Mode::Save => self.file_name.clone_from(&entry.name),
                Mode::Open | Mode::Folder => self.location = entry.path.display().to_string(),
            }
        }
    }

    /// Double click or Enter on entry `index`: folders are entered, a file is chosen.
    pub fn activate(&mut self, index: usize) -> Step {
        let Some(entry) = self.entries.get(index).cloned() else {
            return Step::Stay;
        };
        match entry.kind {
            EntryKind::Parent => self.up(),
            EntryKind::Folder => self.enter(&entry.path),
            EntryKind::File => {
                self.select(index);
                return self.confirm();
            }
        }
        Step::Stay
    }

    /// The Open, Save or Choose button.
    pub fn confirm(&mut self) -> Step {
        match self.mode {
            Mode::Open => match self.selected_entry() {
                Some(entry) if entry.kind == EntryKind::File => Step::Chosen(entry.path.clone()),
                Some(entry) => {
                    let dir = entry.path.clone();
                    self.enter(&dir);
                    Step::Stay
                }
                None => self.go_to_location(),
            },
            Mode::Folder => match self.selected_entry() {
                Some(entry) if entry.kind == EntryKind::Folder => Step::Chosen(entry.path.clone()),
                _ => Step::Chosen(self.dir.clone()),
            },
            Mode::Save => self.save_as(),
        }
    }

    /// Enter in the location field: a folder is shown, a file is chosen (opening) or named
    /// (saving); `~` is the home folder and a relative path starts at the folder on show.
    pub fn go_to_location(&mut self) -> Step {
        let target = self.resolve(self.location.trim());
        if target.is_dir() {
            self.enter(&target);
            return Step::Stay;
        }
        match self.mode {
            Mode::Open if target.is_file() => Step::Chosen(target),
            Mode::Save => match (target.parent(), target.file_name()) {
                (Some(dir), Some(name)) if dir.is_dir() => {
                    let name = name.to_string_lossy().into_owned();
                    self.enter(dir);
                    self.file_name = name;
                    self.save_as()
                }
                _ => self.not_found(target),
            },
            Mode::Open | Mode::Folder => self.not_found(target),
        }
    }

    /// Saving under the typed file name in the folder on show; asks once before replacing.
    fn save_as(&mut self) -> Step {
        let mut name = self.file_name.trim().to_owned();
        if name.is_empty() {
            self.error = Some(BrowseError::NoName);
            return Step::Stay;
        }
        if name.contains(['/', std::path::MAIN_SEPARATOR]) {
            self.location = name;
            return self.go_to_location();
        }
        if self.filter == Filter::Markdown && listing::extension(&name).is_none() {
            name.push_str(".md");
        }
        let target = self.dir.join(&name);
        self.file_name = name;
        if target.is_dir() {
            self.enter(&target);
            self.file_name.clear();
            return Step::Stay;
        }
        if target.exists() && self.replace.as_ref() != Some(&target) {
            self.replace = Some(target);
            return Step::Stay;
        }
        Step::Chosen(target)
    }

    fn not_found(&mut self, path: PathBuf) -> Step {
        self.error = Some(BrowseError::NotFound { path });
        Step::Stay
    }

    fn resolve(&self, typed: &str) -> PathBuf {
        let home = || dirs::home_dir().unwrap_or_else(root);
        let path = if typed == "~" {
            home()
        } else if let Some(rest) = typed.strip_prefix("~/") {
            home().join(rest)
        } else {
            PathBuf::from(typed)
        };
        if path.is_absolute() {
            path
        } else {
            self.dir.join(path)
        }
    }
}

/// The first folder of `candidates` that exists, else the home folder, else the current one.
pub fn start_dir(candidates: &[Option<&Path>]) -> PathBuf {
    candidates
        .iter()
        .flatten()
        .find(|dir| dir.is_dir())
        .map(|dir| dir.to_path_buf())
        .or_else(dirs::home_dir)
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_else(root)
}

fn root() -> PathBuf {
    PathBuf::from(std::path::MAIN_SEPARATOR_STR)
}

#[cfg(test)]
mod tests;
