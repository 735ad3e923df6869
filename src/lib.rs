//! Alipay Phone Doctor: diagnoses the response of the Alipay mini-program API
//! `my.getPhoneNumber` — signature, decryption, result codes — and explains every failure with
//! the remediation from Alipay's FAQ, in Chinese and English. Fully offline.
//!
//! [`domain`] is the pure pipeline ([`domain::diagnose`]); [`cli`] and the desktop app render
//! its [`domain::Report`].

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod cli;
pub mod domain;
pub mod i18n;
