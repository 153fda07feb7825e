//! An in-memory CommsEase-compatible server. (Being built: see issue 4.)
#![forbid(unsafe_code)]
