//! Alipay Phone Doctor: diagnoses the response of the Alipay mini-program API
//! `my.getPhoneNumber` — signature, decryption, result codes — and explains every failure with
//! the remediation from Alipay's FAQ, in Chinese and English. Fully offline.
//!
//! [`domain`] is the pure pipeline ([`domain::diagnose`]); [`features`] are built on it; [`i18n`]
//! chooses every word and [`render`] turns reports into text; [`platform`] owns every I/O edge;
//! the window ([`app`], [`ui`]) and the command line (`cli`) sit on top. The web build
//! (`wasm32-unknown-unknown`) has the window only: no command line.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod app;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod domain;
pub mod features;
pub mod i18n;
pub mod platform;
pub mod render;
pub mod ui;
