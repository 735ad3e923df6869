//! What `check` adds around the diagnosis: keys from a profile (`--profile NAME`) or the best of
//! all profiles (`--try-all-profiles`), the Markdown format, and the pre-filled checklist.

use std::io::Write as _;

use clap::ValueEnum;
use thiserror::Error;

use super::profiles::{self, ProfileError};
use super::{
    CheckArgs, LangArg, ReadError, json, now_unix_secs, read_input, read_text_input, text,
};
use crate::domain::checklist::{Checklist, ItemState};
use crate::domain::profiles::{ProfileKeys, ProfileMatch, match_profiles};
use crate::domain::{Inputs, Lang, Report, markdown};
use crate::i18n::tr;

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

/// The language asked for, else the system locale's.
pub fn lang_or_locale(lang: Option<LangArg>) -> Lang {
    match lang {
        Some(LangArg::Zh) => Lang::Zh,
        Some(LangArg::En) => Lang::En,
        None => sys_locale::get_locale().map_or(Lang::En, |locale| Lang::from_locale(&locale)),
    }
}

/// Reads the response and the keys: explicit key files win over the profile's.
pub fn prepare(args: &CheckArgs) -> Result<Prepared, CheckError> {
    let response = read_input("--response", &args.response)?;
    let alipay_public_key = args
        .alipay_public_key
        .as_ref()
        .map(|path| read_input("--alipay-public-key", path))
        .transpose()?;
    let aes_key = args
        .aes_key
        .as_ref()
        .map(|path| read_text_input("--aes-key", path))
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
    let file = profiles::load_file(&path)?;
    let loaded = profiles::load_keys(&path, &file, args.profile.as_deref())?;
    let chosen = if args.try_all_profiles {
        let keys: Vec<ProfileKeys<'_>> = loaded
            .iter()
            .map(|profile| ProfileKeys {
                name: &profile.name,
                alipay_public_key: profile.alipay_public_key.as_deref(),
                aes_key: profile.aes_key.as_deref(),
            })
            .collect();
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
            .or_else(|| profile.alipay_public_key.clone());
        inputs.aes_key = inputs.aes_key.take().or_else(|| profile.aes_key.clone());
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
            let mut value = json::render(report, lang);
            if let Some(object) = value.as_object_mut() {
                if let Some(name) = &prepared.profile_used {
                    object.insert(
                        "profile".to_owned(),
                        serde_json::Value::String(name.clone()),
                    );
                }
                if let Some(matched) = &prepared.profiles {
                    object.insert("profiles".to_owned(), serde_json::json!({ "summary": matched.summary(lang), "results": matched.results }));
                }
                if let Some(list) = &checklist {
                    let shared = crate::domain::share::render_json(report, lang, Some(list), None);
                    object.insert(
                        "checklist".to_owned(),
                        shared.get("checklist").cloned().unwrap_or_default(),
                    );
                }
            }
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
            text::render(report, lang, args.show_mobile)?;
            write_text_extras(lang, prepared, checklist.as_ref())
        }
    }
}

fn write_text_extras(
    lang: Lang,
    prepared: &Prepared,
    checklist: Option<&Checklist>,
) -> std::io::Result<()> {
    let mut out = anstream::stdout().lock();
    let bold = anstyle::Style::new().bold();
    if let Some(name) = &prepared.profile_used {
        writeln!(out, "\n{bold}{}{bold:#}: {name}", tr("profile_used", lang))?;
    }
    if let Some(matched) = &prepared.profiles {
        writeln!(
            out,
            "\n{bold}{}{bold:#}: {}",
            tr("profiles_heading", lang),
            matched.summary(lang)
        )?;
        let word = |value: Option<bool>| match value {
            Some(true) => tr("profile_yes", lang),
            Some(false) => tr("profile_no", lang),
            None => tr("profile_not_applicable", lang),
        };
        for result in &matched.results {
            writeln!(
                out,
                "  {}: {} {}, {} {}  ({})",
                result.name,
                tr("profile_verifies", lang),
                word(result.verifies),
                tr("profile_decrypts", lang),
                word(result.decrypts),
                result.category
            )?;
        }
    }
    if let Some(list) = checklist {
        writeln!(out, "\n{bold}{}{bold:#}:", tr("checklist_heading", lang))?;
        for item in &list.items {
            let (mark, state) = match item.state {
                ItemState::Done => ("[x]", tr("checklist_done", lang)),
                ItemState::NotDone => ("[ ]", tr("checklist_not_done", lang)),
                ItemState::Unknown => ("[?]", tr("checklist_unknown", lang)),
            };
            let reason = item
                .reason
                .map(|reason| format!(" — {}", reason.get(lang)))
                .unwrap_or_default();
            writeln!(out, "  {mark} {} ({state}){reason}", item.label.get(lang))?;
        }
    }
    Ok(())
}
