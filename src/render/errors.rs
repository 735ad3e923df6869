//! What could not be read, written or built, in the user's language: the one sentence the command
//! line prints on standard error and the window shows as a notice. The file is named, the
//! operating system's reason is worded where it is a common one, and each program adds its own
//! hint (the command line's options, for instance) after the sentence.

use crate::features::mock::{MockError, PrivateKeyProblem};
use crate::i18n::{Lang, fill, tr};
use crate::platform::browser::BrowseError;
use crate::platform::files::{InputName, ReadError, WriteError};
use crate::platform::profiles::ProfileError;

/// Where the message is shown: hints differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Standard error of the command line.
    Cli,
    /// A notice in the window.
    Window,
}

/// The name of an input in `lang`.
pub fn input_name(name: InputName, lang: Lang) -> String {
    use crate::domain::KeySlot;
    let key = match name {
        InputName::Flag(flag) => return flag.to_owned(),
        InputName::Slot(KeySlot::AlipayPublicKey) => "error.input.slot.alipay_public_key",
        InputName::Slot(KeySlot::AesKey) => "error.input.slot.aes_key",
        InputName::ProfileKey(KeySlot::AlipayPublicKey) => {
            "error.input.profile_key.alipay_public_key"
        }
        InputName::ProfileKey(KeySlot::AesKey) => "error.input.profile_key.aes_key",
        InputName::ProfilesFile => "error.input.profiles_file",
        InputName::MockPrivateKey => "error.input.mock_private_key",
        InputName::SourceFile => "error.input.source_file",
        InputName::ServerOutput => "error.input.server_output",
    };
    tr(key, lang).to_owned()
}

/// The operating system's reason, worded when it is a common one.
pub fn io_reason(error: &std::io::Error, lang: Lang) -> String {
    let key = match error.kind() {
        std::io::ErrorKind::NotFound => "error.io.not_found",
        std::io::ErrorKind::PermissionDenied => "error.io.permission_denied",
        std::io::ErrorKind::AlreadyExists => "error.io.already_exists",
        _ => {
            return fill(
                tr("error.io.other", lang),
                &[("detail", &error.to_string())],
            );
        }
    };
    tr(key, lang).to_owned()
}

/// A file that could not be read.
pub fn read_error(error: &ReadError, lang: Lang, context: Context) -> String {
    let input = input_name(error.name(), lang);
    let path = error.path().display().to_string();
    let limit = (crate::domain::MAX_INPUT_BYTES / 1024 / 1024).to_string();
    let (key, reason) = match error {
        ReadError::Io { source, .. } => ("error.read.io", io_reason(source, lang)),
        ReadError::Directory { .. } => ("error.read.directory", String::new()),
        ReadError::NotRegular { .. } => ("error.read.not_regular", String::new()),
        ReadError::NotText { .. } => ("error.read.not_text", String::new()),
        ReadError::TooLarge { .. } => ("error.read.too_large", String::new()),
    };
    let mut message = fill(
        tr(key, lang),
        &[
            ("input", &input),
            ("path", &path),
            ("reason", &reason),
            ("limit", &limit),
        ],
    );
    if context == Context::Cli && matches!(error, ReadError::NotRegular { .. }) {
        message.push_str(tr("error.hint.use_stdin", lang));
    }
    message
}

/// A file that could not be written.
pub fn write_error(error: &WriteError, lang: Lang) -> String {
    fill(
        tr("error.write", lang),
        &[
            ("path", &error.path.display().to_string()),
            ("reason", &io_reason(&error.source, lang)),
        ],
    )
}

/// What the built-in file browser could not do.
pub fn browse_error(error: &BrowseError, lang: Lang) -> String {
    match error {
        BrowseError::List(error) => fill(
            tr("error.browse.list", lang),
            &[
                ("path", &error.path.display().to_string()),
                ("reason", &io_reason(&error.source, lang)),
            ],
        ),
        BrowseError::NotFound { path } => fill(
            tr("error.browse.not_found", lang),
            &[("path", &path.display().to_string())],
        ),
        BrowseError::NoName => tr("error.browse.no_name", lang).to_owned(),
    }
}

/// Profiles that could not be used.
pub fn profile_error(error: &ProfileError, lang: Lang, context: Context) -> String {
    let cli = context == Context::Cli;
    match error {
        ProfileError::NoLocation => {
            let mut message = tr("error.profile.no_location", lang).to_owned();
            if cli {
                message.push_str(tr("error.profile.no_location_cli_hint", lang));
            }
            message
        }
        ProfileError::Read(error) => read_error(error, lang, context),
        ProfileError::Invalid { path, source } => fill(
            tr("error.profile.invalid", lang),
            &[
                ("path", &path.display().to_string()),
                ("detail", &source.to_string()),
            ],
        ),
        ProfileError::Unknown {
            name,
            path,
            available,
        } => fill(
            tr("error.profile.unknown", lang),
            &[
                ("name", name),
                ("path", &path.display().to_string()),
                ("available", &available.join(", ")),
            ],
        ),
        ProfileError::Empty { path } => {
            let mut message = fill(
                tr("error.profile.empty", lang),
                &[("path", &path.display().to_string())],
            );
            if cli {
                message.push_str(tr("error.profile.empty_cli_hint", lang));
            }
            message
        }
        ProfileError::Write { path, source } => fill(
            tr("error.write", lang),
            &[
                ("path", &path.display().to_string()),
                ("reason", &io_reason(source, lang)),
            ],
        ),
    }
}

/// A mock response or key that could not be built.
pub fn mock_error(error: &MockError, lang: Lang) -> String {
    match error {
        MockError::PayloadNotJson(detail) => fill(
            tr("error.mock.payload_not_json", lang),
            &[("detail", detail)],
        ),
        MockError::PayloadNotObject => tr("error.mock.payload_not_object", lang).to_owned(),
        MockError::AesKeyLength { bytes } => fill(
            tr("error.mock.aes_key_length", lang),
            &[("bytes", &bytes.to_string())],
        ),
        MockError::AesKeyUnreadable => tr("error.mock.aes_key_unreadable", lang).to_owned(),
        MockError::PrivateKey(problem) => tr(
            match problem {
                PrivateKeyProblem::Encrypted => "error.mock.private_key.encrypted",
                PrivateKeyProblem::NotPrivate => "error.mock.private_key.not_private",
                PrivateKeyProblem::NotBase64 => "error.mock.private_key.not_base64",
                PrivateKeyProblem::NotRsa => "error.mock.private_key.not_rsa",
                PrivateKeyProblem::Missing => "error.mock.no_private_key",
            },
            lang,
        )
        .to_owned(),
        MockError::Signing => tr("error.mock.signing", lang).to_owned(),
        MockError::KeyGeneration(detail) => {
            fill(tr("error.mock.key_generation", lang), &[("detail", detail)])
        }
    }
}
