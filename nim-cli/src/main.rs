//! The `nim` command; see the `nim_cli` crate for what it does.

use std::process::ExitCode;

fn main() -> ExitCode {
    nim_cli::run(std::env::args_os())
}
