//! `nim-emulator`: serves the in-memory CommsEase API emulator over HTTP until SIGINT or
//! SIGTERM.
//!
//! ```text
//! nim-emulator [--port P] --app-key K [--app-secret S] [--host 127.0.0.1] [--request-log N]
//!              [--callback-url http://HOST:PORT/PATH]
//! ```
//!
//! The AppSecret comes from `--app-secret` or, when that is absent, from the environment
//! variable `NIM_EMULATOR_APP_SECRET` (which keeps it out of `/proc/PID/cmdline` and `ps`).
//!
//! The first line on stdout is the base URL (`http://127.0.0.1:PORT/nimserver`), so a script
//! or another language's test can start it with `--port 0` and read where it listens.
//!
//! The argument parsing and the run loop live in [`nim_emulator::cli`], shared with
//! `nim emulator`.

use std::process::ExitCode;

fn main() -> ExitCode {
    nim_emulator::cli::run("nim-emulator", std::env::args_os().skip(1))
}
