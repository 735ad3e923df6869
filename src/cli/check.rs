//! `check`: one response, with keys from files, a profile (`--profile NAME`) or the best of all
//! profiles (`--try-all-profiles`), in text, JSON or Markdown, optionally with the checklist.

use std::io::Write as _;

use clap::ValueEnum;
use thiserror::Error;

use super::CheckArgs;
use crate::domain::{Inputs, Report};
use crate::features::checklist::Checklist;
use crate::features::profiles::{ProfileKeys, ProfileMatch, match_profiles};
use crate::i18n::Lang;
use crate::platform::clock::now_unix_secs;
use crate::platform::files::{InputName, ReadError, read_input, read_text_input};
use crate::platform::profiles::{self, ProfileError};
use crate::render::errors::{Context, profile_error, read_error};
use crate::render::{json, markdown, text};

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// A readable report.
    Text,
    /// One JSON object.
    Json,
    /// A shareable Markdown report (mobile masked, no key material).
    Markdown,
}

/// Why `check` could not start.
#[derive(Debug, Error)]
pub enum CheckError {
    /// An input file could not be read.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// The profiles could not be used.
    #[error(transparent)]
    Profile(#[from] ProfileError),
}

impl CheckError {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Self::Read(error) => read_error(error, lang, Context::Cli),
            Self::Profile(error) => profile_error(error, lang, Context::Cli),
        }
    }
}

/// The inputs, and what the profiles said.
#[derive(Debug)]
pub struct Prepared {
    /// What to diagnose.
    pub inputs: Inputs,
    /// The profile whose keys were used.
    pub profile_used: Option<String>,
    /// Every profile tried (`--try-all-profiles`).
    pub profiles: Option<ProfileMatch>,
}

/// Reads the response and the keys: explicit key files win over the profile's.
pub fn prepare(args: &CheckArgs) -> Result<Prepared, CheckError> {
    let response = read_input(InputName::Flag("--response"), &args.response)?;
    let alipay_public_key = args
        .alipay_public_key
        .as_ref()
        .map(|path| read_input(InputName::Flag("--alipay-public-key"), path))
        .transpose()?;
    let aes_key = args
        .aes_key
        .as_ref()
        .map(|path| read_text_input(InputName::Flag("--aes-key"), path))
        .transpose()?;
    let now_unix_secs = now_unix_secs();
    let mut prepared = Prepared {
        inputs: Inputs {
            response,
            alipay_public_key,
            aes_key,
            now_unix_secs,
        },
        profile_used: None,
        profiles: None,
    };
    if args.profile.is_none() && !args.try_all_profiles {
        return Ok(prepared);
    }
    let path = profiles::location(args.profiles.as_deref())?;
    let file = profiles::load(&path)?;
    let loaded = profiles::load_keys(&path, &file, args.profile.as_deref())?;
    let chosen = if args.try_all_profiles {
        let keys: Vec<ProfileKeys<'_>> = loaded.iter().map(profiles::LoadedProfile::keys).collect();
        let matched = match_profiles(&prepared.inputs.response, &keys, now_unix_secs);
        let best = matched.best().map(|result| result.name.clone());
        prepared.profiles = Some(matched);
        best.and_then(|name| loaded.iter().find(|profile| profile.name == name))
            .or(loaded.first())
    } else {
        loaded.first()
    };
    if let Some(profile) = chosen {
        let inputs = &mut prepared.inputs;
        inputs.alipay_public_key = inputs
            .alipay_public_key
            .take()
            .or_else(|| profile.alipay_public_key.as_deref().cloned());
        inputs.aes_key = inputs
            .aes_key
            .take()
            .or_else(|| profile.aes_key.as_deref().cloned());
        prepared.profile_used = Some(profile.name.clone());
    }
    Ok(prepared)
}

/// Writes the report in the chosen format, with the extras asked for.
pub fn write_report(
    report: &Report,
    lang: Lang,
    args: &CheckArgs,
    prepared: &Prepared,
) -> std::io::Result<()> {
    let checklist = args.checklist.then(|| Checklist::from_report(report));
    match args.format {
        ReportFormat::Json => {
            let extras = json::Extras {
                checklist: checklist.as_ref(),
                profiles: prepared.profiles.as_ref(),
                profile_used: prepared.profile_used.as_deref(),
            };
            let value = json::report_json(report, lang, json::Detail::Full, extras);
            writeln!(std::io::stdout().lock(), "{value}")
        }
        ReportFormat::Markdown => {
            let text = markdown::render_markdown(
                report,
                lang,
                checklist.as_ref(),
                prepared.profiles.as_ref(),
            );
            write!(std::io::stdout().lock(), "{text}")
        }
        ReportFormat::Text => {
            let mut out = anstream::stdout().lock();
            text::render(&mut out, report, lang, args.show_mobile)?;
            text::render_extras(
                &mut out,
                lang,
                (prepared.profile_used.as_deref(), prepared.profiles.as_ref()),
                checklist.as_ref(),
            )
        }
    }
}
