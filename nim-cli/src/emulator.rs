//! `nim emulator`: the nim-rs emulator, with exactly the flags of the `nim-emulator` binary
//! (both call [`nim_emulator::cli::run`]).

use std::ffi::OsString;
use std::process::ExitCode;

use clap::Args;

/// `nim emulator`'s arguments: passed as they are to the emulator's own parser, which
/// prints its own help (`nim emulator --help`).
#[derive(Debug, Clone, Args)]
#[command(disable_help_flag = true)]
pub struct EmulatorArgs {
    /// The emulator's flags: --port, --host, --app-key, --app-secret (or
    /// NIM_EMULATOR_APP_SECRET), --request-log, --callback-url; see `nim emulator --help`.
    #[arg(
        trailing_var_arg = true,
        allow_hyphen_values = true,
        value_name = "FLAGS"
    )]
    pub args: Vec<OsString>,
}

/// Runs the emulator until SIGINT or SIGTERM; answers its exit code.
pub fn run(args: EmulatorArgs) -> ExitCode {
    nim_emulator::cli::run("nim emulator", args.args)
}
