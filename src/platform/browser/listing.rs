//! One folder's entries as the built-in browser lists them: the parent first, then folders, then
//! the files the filter lets through, each group sorted by name.

use std::cmp::Ordering;
use std::path::{Path, PathBuf};

use thiserror::Error;

/// Which files are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    /// Keys and certificates: `.txt .pem .crt .cer .key`.
    KeyFiles,
    /// Every file.
    AllFiles,
    /// Markdown reports: `.md`.
    Markdown,
    /// No files: folders only.
    FoldersOnly,
}

impl Filter {
    /// The extensions it lets through (lower case, without the dot); empty for all or none.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::KeyFiles => &["txt", "pem", "crt", "cer", "key"],
            Self::Markdown => &["md"],
            Self::AllFiles | Self::FoldersOnly => &[],
        }
    }

    /// True when a file called `name` is shown.
    pub fn accepts(self, name: &str) -> bool {
        match self {
            Self::AllFiles => true,
            Self::FoldersOnly => false,
            Self::KeyFiles | Self::Markdown => extension(name).is_some_and(|ext| {
                self.extensions()
                    .iter()
                    .any(|allowed| ext.eq_ignore_ascii_case(allowed))
            }),
        }
    }
}

/// The extension of a file name (`None` for `key`, `.hidden` or `name.`).
pub fn extension(name: &str) -> Option<&str> {
    let (stem, ext) = name.rsplit_once('.')?;
    (!stem.is_empty() && !ext.is_empty()).then_some(ext)
}

/// What an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum EntryKind {
    /// The folder above.
    Parent,
    /// A folder (or a link to one).
    Folder,
    /// Anything else.
    File,
}

/// One row of the listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The name as shown (lossy for names that are not UTF-8); `..` for the parent.
    pub name: String,
    /// The full path (exact, also for names that are not UTF-8).
    pub path: PathBuf,
    /// Folder or file.
    pub kind: EntryKind,
}

/// A folder that could not be listed.
#[derive(Debug, Error)]
#[error("cannot list {}", path.display())]
pub struct ListError {
    /// The folder.
    pub path: PathBuf,
    /// The operating system's reason.
    #[source]
    pub source: std::io::Error,
}

/// The entries of `dir`: the parent (when there is one), folders, then the files `filter`
/// accepts; names starting with a dot only when `show_hidden`. Entries that vanish or cannot be
/// inspected while listing are left out.
pub fn list(dir: &Path, filter: Filter, show_hidden: bool) -> Result<Vec<Entry>, ListError> {
    let error = |source| ListError {
        path: dir.to_owned(),
        source,
    };
    let mut entries: Vec<Entry> = Vec::new();
    for item in std::fs::read_dir(dir).map_err(error)?.flatten() {
        let name = item.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') && !show_hidden {
            continue;
        }
        let path = item.path();
        // Follows links, so a link to a folder is a folder; a broken link is a file.
        let is_dir = std::fs::metadata(&path).is_ok_and(|meta| meta.is_dir());
        let kind = if is_dir {
            EntryKind::Folder
        } else if filter.accepts(&name) {
            EntryKind::File
        } else {
            continue;
        };
        entries.push(Entry { name, path, kind });
    }
    entries.sort_by(|a, b| a.kind.cmp(&b.kind).then_with(|| by_name(&a.name, &b.name)));
    if let Some(parent) = dir.parent() {
        entries.insert(
            0,
            Entry {
                name: "..".to_owned(),
                path: parent.to_owned(),
                kind: EntryKind::Parent,
            },
        );
    }
    Ok(entries)
}

/// Case-insensitive, then exact, so `a.txt`, `B.txt`, `c.txt` and no flip-flopping on ties.
fn by_name(a: &str, b: &str) -> Ordering {
    a.to_lowercase()
        .cmp(&b.to_lowercase())
        .then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("apd-list-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn names(entries: &[Entry]) -> Vec<&str> {
        entries.iter().map(|entry| entry.name.as_str()).collect()
    }

    fn tree(name: &str) -> PathBuf {
        let dir = scratch(name);
        for folder in ["zeta", "Alpha", ".config"] {
            std::fs::create_dir(dir.join(folder)).unwrap();
        }
        for file in [
            "b.PEM",
            "a.txt",
            "C.key",
            "cert.crt",
            "root.cer",
            "notes.md",
            "photo.jpg",
            "key",
            ".env.key",
        ] {
            std::fs::write(dir.join(file), "x").unwrap();
        }
        dir
    }

    #[test]
    fn parent_then_folders_then_key_files_sorted() {
        let dir = tree("keys");
        let entries = list(&dir, Filter::KeyFiles, false).unwrap();
        assert_eq!(
            names(&entries),
            [
                "..", "Alpha", "zeta", "a.txt", "b.PEM", "C.key", "cert.crt", "root.cer"
            ]
        );
        assert_eq!(entries[0].kind, EntryKind::Parent);
        assert_eq!(entries[0].path, dir.parent().unwrap());
        assert_eq!(entries[1].kind, EntryKind::Folder);
        assert_eq!(entries[3].path, dir.join("a.txt"));
    }

    #[test]
    fn all_files_markdown_folders_and_hidden() {
        let dir = tree("filters");
        let all = list(&dir, Filter::AllFiles, false).unwrap();
        assert!(names(&all).contains(&"photo.jpg"));
        assert!(names(&all).contains(&"key"));
        assert!(!names(&all).contains(&".env.key"));
        let markdown = list(&dir, Filter::Markdown, false).unwrap();
        assert_eq!(names(&markdown), ["..", "Alpha", "zeta", "notes.md"]);
        let folders = list(&dir, Filter::FoldersOnly, true).unwrap();
        assert_eq!(names(&folders), ["..", ".config", "Alpha", "zeta"]);
        let hidden = list(&dir, Filter::KeyFiles, true).unwrap();
        assert!(names(&hidden).contains(&".env.key"));
    }

    #[test]
    fn the_root_has_no_parent_and_a_missing_folder_is_an_error() {
        let root = list(Path::new("/"), Filter::FoldersOnly, false).unwrap();
        assert!(root.iter().all(|entry| entry.kind != EntryKind::Parent));
        let missing = scratch("missing").join("gone");
        let error = list(&missing, Filter::AllFiles, false).unwrap_err();
        assert_eq!(error.path, missing);
        assert_eq!(error.source.kind(), std::io::ErrorKind::NotFound);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_a_folder_is_a_folder() {
        let dir = tree("links");
        std::os::unix::fs::symlink(dir.join("Alpha"), dir.join("to-alpha")).unwrap();
        std::os::unix::fs::symlink(dir.join("nowhere"), dir.join("broken.pem")).unwrap();
        let entries = list(&dir, Filter::KeyFiles, false).unwrap();
        let kind = |name: &str| {
            entries
                .iter()
                .find(|entry| entry.name == name)
                .unwrap()
                .kind
        };
        assert_eq!(kind("to-alpha"), EntryKind::Folder);
        assert_eq!(kind("broken.pem"), EntryKind::File);
    }

    #[test]
    fn extensions() {
        assert_eq!(extension("a.tar.gz"), Some("gz"));
        assert_eq!(extension(".hidden"), None);
        assert_eq!(extension("name."), None);
        assert_eq!(extension("key"), None);
        assert!(Filter::KeyFiles.accepts("A.PEM"));
        assert!(!Filter::KeyFiles.accepts("pem"));
        assert!(!Filter::FoldersOnly.accepts("a.txt"));
    }
}
