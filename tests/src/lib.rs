//! End-to-end and compile-fail tests of nim-rs; nothing public lives here.
#![forbid(unsafe_code)]
