//! The `nim` command for the CommsEase (NetEase Yunxin) IM server API, built on
//! [`nim_api`]: bulk account import that survives crashes, any action of the catalogue from
//! the shell, and the offline emulator.
//!
//! ```console
//! $ cargo install nim-cli
//! $ nim --help
//! ```
//!
//! # `nim import`
//!
//! Creates the accounts of a CSV file (a header row: `accid`, and any of `name`, `icon`,
//! `token`, `sign`, `email`, `birth`, `mobile`, `gender`, `ex`) or a JSON Lines file (one
//! object per line, the same keys) through v1 `user/create.action`, and writes `accid,token`
//! of each to `--out` as it succeeds:
//!
//! ```console
//! $ cat accounts.csv
//! accid,name,gender
//! zhangsan,张三,1
//! lisi,李四,2
//! $ export NIM_APP_KEY=... NIM_APP_SECRET=...
//! $ nim import accounts.csv --out tokens.csv --rate 80 --concurrency 8
//! nim import: 2 rows in 0.1 s: 2 created, 0 refreshed (already registered), ...
//! $ cat tokens.csv
//! accid,token
//! zhangsan,6eaa6b760ef2e03200924ca9d786af42
//! lisi,0c1d4f0c2f1e4a9b8e7d6c5b4a392817
//! ```
//!
//! - The input is streamed: a million rows run in bounded memory (16 bytes and a line number
//!   per accid are kept, to find duplicates).
//! - Bad rows (malformed CSV or JSON, an invalid accid or parameter, an accid repeated in the
//!   file) go to `tokens.csv.failures` with their line number and the reason; the rest goes
//!   on, and the exit status is 1.
//! - Calls are spaced at `--rate` per second (default 80, under the API's 100); a 416 answer
//!   pauses every call for `--block-secs` (default 10) and the refused create is sent again.
//! - An account that existed before the import gets a new token with
//!   `user/refreshToken` (`--existing refresh`, the default) or is listed in
//!   `tokens.csv.skipped` (`--existing skip`): never lost, never silently dropped.
//! - A create whose outcome is unknown (reset, timeout, a 5xx answer or gateway page) is never
//!   sent again blindly: `user/getUinfos` tells whether the account exists; if it does, its
//!   token is unknown, so `user/refreshToken` gives it a new one.
//! - `tokens.csv.journal` records each accid's outcome and, before each create is sent, that
//!   it is in flight (format and durability: [`import::journal`]). Rerunning the same command
//!   after a crash, `kill -9` or Ctrl-C skips what is done and resolves what was in flight:
//!   no account is created twice and no token is lost.
//! - Ctrl-C (or SIGTERM) stops sending new creates, waits for those in flight (`--grace-secs`, default 30),
//!   and exits with status 130 (143 after SIGTERM) saying how to resume.
//! - Credentials come from `NIM_APP_KEY` and `NIM_APP_SECRET` (and the optional
//!   `NIM_BASE_URL`), as for [`nim_api::Client::from_env`]; `--base-url` overrides the URL.
//!   A missing one is named, with exit status 2.
//!
//! # `nim call` and `nim actions`
//!
//! `nim call ACTION` sends any action of [`nim_api::catalogue()`] and prints the answer as
//! JSON. The action is found by [`nim_api::find_action`] (catalogue name, v1 path, v2 route,
//! v2 operation, or a unique type name); its parameters, by wire name, come from
//! `-p name=value` flags (a repeated name makes a list) and `--json '{...}'` or `--json -`
//! (stdin); [`nim_api::ActionInfo::build`] reads and validates them before anything is sent.
//! `--dry-run` prints the request instead. `nim actions [FILTER] [--verbose] [--json]` lists
//! the catalogue with each parameter's type, place and rules.
//!
//! ```console
//! $ nim call user/getUinfos.action -p accids=zhangsan -p accids=lisi --compact
//! {"code":200,"uinfos":[{"accid":"zhangsan",...},{"accid":"lisi",...}]}
//! $ nim call createAccount --json '{"account_id": "wangwu"}' --dry-run
//! ```
//!
//! Exit status: 0 answered, 1 the server answered an error or the call failed, 2 a usage
//! mistake (an unknown action, a bad parameter, a missing credential).
//!
//! # `nim emulator`
//!
//! Runs the [`nim_emulator`] server with exactly the flags of the `nim-emulator` binary, so
//! one install gives both:
//!
//! ```console
//! $ NIM_EMULATOR_APP_SECRET=demo-secret nim emulator --port 8080 --app-key demo
//! http://127.0.0.1:8080/nimserver
//! ```
//!
//! # Calling it from Rust
//!
//! [`run`] is the whole program; the import's parts are public for reuse and testing:
//!
//! ```
//! use nim_cli::import::input::{Format, Rows};
//!
//! let csv = "accid,name\nzhangsan,张三\nbad accid!,x\nZhangSan,again\n";
//! let mut rows = Rows::new(csv.as_bytes(), Format::Csv)?;
//! let mut report = Vec::new();
//! while let Some(row) = rows.next_row()? {
//!     match row {
//!         Ok(row) => report.push(format!("line {}: create {}", row.line, row.request.accid)),
//!         Err(bad) => report.push(bad.to_string()),
//!     }
//! }
//! assert_eq!(report[0], "line 2: create zhangsan");
//! assert!(report[1].starts_with("line 3: invalid: "));
//! assert_eq!(report[2], "line 4: duplicate accid (first on line 2)");
//! # Ok::<(), nim_cli::import::input::InputError>(())
//! ```
#![forbid(unsafe_code)]

pub mod actions;
pub mod call;
pub mod credentials;
pub mod emulator;
pub mod import;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// The command line.
#[derive(Debug, Parser)]
#[command(
    name = "nim",
    version,
    about = "The CommsEase (NetEase Yunxin) IM server API from the shell: bulk account \
             import with resume, any action by name, and the offline emulator.",
    after_help = "Credentials: NIM_APP_KEY and NIM_APP_SECRET (and optionally NIM_BASE_URL) \
                  in the environment, as for the nim-api library."
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands, one module each.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create accounts from a CSV or JSON Lines file, writing accid,token of each; resumable.
    Import(import::ImportArgs),
    /// Send any action of the catalogue by name and print its answer as JSON.
    Call(call::CallArgs),
    /// List the actions `nim call` can send, with their parameters (--verbose).
    Actions(actions::ActionsArgs),
    /// Run the in-memory emulator of the API (the flags of the nim-emulator binary).
    Emulator(emulator::EmulatorArgs),
}

/// Runs the `nim` command with `args` (the program name first, as from
/// [`std::env::args_os`]), answering its exit status.
pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(2));
        }
    };
    match cli.command {
        Command::Import(args) => import::run(args),
        Command::Call(args) => call::run(args),
        Command::Actions(args) => actions::run(args),
        Command::Emulator(args) => emulator::run(args),
    }
}

/// Writes `text` to stdout. A closed pipe (`nim actions | head`) is not an error worth a
/// message; any other failure is said on stderr. Answers whether it was all written.
pub(crate) fn write_stdout(text: &str) -> bool {
    use std::io::Write as _;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => true,
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => false,
        Err(err) => {
            eprintln!("nim: cannot write to stdout: {err}");
            false
        }
    }
}

/// Reads a `--...-secs` flag: between 0 and a day, or a sentence naming `--flag`.
pub(crate) fn seconds_flag(flag: &str, value: f64) -> Result<std::time::Duration, String> {
    if (0.0..=86_400.0).contains(&value) {
        Ok(std::time::Duration::from_secs_f64(value))
    } else {
        Err(format!("--{flag} must be between 0 and 86400 seconds"))
    }
}
