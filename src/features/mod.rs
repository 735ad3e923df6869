//! Features built on the pipeline, one module each: they call [`crate::domain`] and return data;
//! no wording, no rendering, no I/O.

pub mod checklist;
pub mod explain;
pub mod frontend_check;
pub mod mock;
pub mod profiles;
pub mod scan;
pub mod scenarios;
pub mod server_check;
pub mod sniff;
