use super::*;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("apd-browse-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("keys")).unwrap();
    std::fs::create_dir_all(dir.join("other")).unwrap();
    std::fs::write(dir.join("keys/alipay_public_key.pem"), "x").unwrap();
    std::fs::write(dir.join("keys/aes_key.txt"), "x").unwrap();
    std::fs::write(dir.join("keys/readme.md"), "x").unwrap();
    std::fs::write(dir.join("old-report.md"), "x").unwrap();
    dir
}

fn opener(dir: &Path) -> FileBrowser {
    FileBrowser::new(
        Mode::Open,
        dir,
        vec![Filter::KeyFiles, Filter::AllFiles],
        "",
    )
}

fn index_of(browser: &FileBrowser, name: &str) -> usize {
    browser
        .entries
        .iter()
        .position(|entry| entry.name == name)
        .unwrap()
}

#[test]
fn opening_walks_folders_and_chooses_a_key_file() {
    let dir = scratch("open");
    let mut browser = opener(&dir);
    assert_eq!(browser.dir, dir);
    assert_eq!(browser.location, dir.display().to_string());
    assert_eq!(browser.activate(index_of(&browser, "keys")), Step::Stay);
    assert_eq!(browser.dir, dir.join("keys"));
    let names: Vec<&str> = browser.entries.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["..", "aes_key.txt", "alipay_public_key.pem"]);
    browser.select(1);
    assert_eq!(
        browser.location,
        dir.join("keys/aes_key.txt").display().to_string()
    );
    assert_eq!(
        browser.confirm(),
        Step::Chosen(dir.join("keys/aes_key.txt"))
    );
    browser.set_filter(Filter::AllFiles);
    assert!(
        browser
            .entries
            .iter()
            .any(|entry| entry.name == "readme.md")
    );
    assert_eq!(browser.selected_entry().unwrap().name, "aes_key.txt");
}

#[test]
fn up_selects_the_folder_we_came_from() {
    let dir = scratch("up");
    let mut browser = opener(&dir.join("other"));
    browser.up();
    assert_eq!(browser.dir, dir);
    assert_eq!(browser.selected_entry().unwrap().name, "other");
    let parent = index_of(&browser, "..");
    browser.activate(parent);
    assert_eq!(Some(browser.dir.as_path()), dir.parent());
}

#[test]
fn a_typed_location_is_entered_or_chosen_or_reported() {
    let dir = scratch("typed");
    let mut browser = opener(&dir.join("other"));
    browser.location = "../keys".to_owned();
    assert_eq!(browser.go_to_location(), Step::Stay);
    assert_eq!(browser.dir, dir.join("other/../keys"));
    browser.location = dir.join("keys/alipay_public_key.pem").display().to_string();
    assert_eq!(
        browser.go_to_location(),
        Step::Chosen(dir.join("keys/alipay_public_key.pem"))
    );
    browser.location = dir.join("nothing-here").display().to_string();
    assert_eq!(browser.go_to_location(), Step::Stay);
    assert!(matches!(browser.error, Some(BrowseError::NotFound { .. })));
    browser.enter(&dir);
    assert!(
        browser.error.is_none(),
        "a successful step clears the error"
    );
}

#[test]
fn saving_adds_the_extension_and_asks_before_replacing() {
    let dir = scratch("save");
    let mut browser = FileBrowser::new(Mode::Save, &dir, vec![Filter::Markdown], "summary.md");
    let names: Vec<&str> = browser.entries.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["..", "keys", "other", "old-report.md"]);
    browser.file_name = "  ".to_owned();
    assert_eq!(browser.confirm(), Step::Stay);
    assert!(matches!(browser.error, Some(BrowseError::NoName)));
    browser.file_name = "new".to_owned();
    assert_eq!(browser.confirm(), Step::Chosen(dir.join("new.md")));
    browser.select(index_of(&browser, "old-report.md"));
    assert_eq!(browser.file_name, "old-report.md");
    assert_eq!(browser.confirm(), Step::Stay, "the first Save asks");
    assert_eq!(browser.replace, Some(dir.join("old-report.md")));
    assert_eq!(browser.confirm(), Step::Chosen(dir.join("old-report.md")));
    browser.file_name = "other".to_owned();
    browser.filter = Filter::AllFiles;
    assert_eq!(browser.confirm(), Step::Stay, "a folder's name enters it");
    assert_eq!(browser.dir, dir.join("other"));
}

#[test]
fn a_typed_save_path_names_folder_and_file() {
    let dir = scratch("save-path");
    let mut browser = FileBrowser::new(Mode::Save, &dir, vec![Filter::Markdown], "r.md");
    browser.file_name = dir.join("keys/out").display().to_string();
    assert_eq!(browser.confirm(), Step::Chosen(dir.join("keys/out.md")));
    assert_eq!(browser.dir, dir.join("keys"));
}

#[test]
fn choosing_a_folder() {
    let dir = scratch("folder");
    let mut browser = FileBrowser::new(Mode::Folder, &dir, vec![Filter::FoldersOnly], "");
    assert!(browser.entries.iter().all(|e| e.kind != EntryKind::File));
    assert_eq!(browser.confirm(), Step::Chosen(dir.clone()));
    browser.select(index_of(&browser, "keys"));
    assert_eq!(browser.confirm(), Step::Chosen(dir.join("keys")));
}

#[test]
fn an_unreadable_start_falls_back_and_start_dir_skips_missing_folders() {
    let dir = scratch("fallback");
    let browser = opener(&dir.join("missing"));
    assert_ne!(browser.dir, dir.join("missing"));
    assert!(browser.dir.is_dir());
    let missing = dir.join("missing");
    assert_eq!(
        start_dir(&[Some(missing.as_path()), None, Some(dir.as_path())]),
        dir
    );
}
