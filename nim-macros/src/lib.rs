//! `#[derive(Endpoint)]` for nim-rs. (Being built: see issue 3.)
#![forbid(unsafe_code)]
