//! The `nim-emulator` command line, shared by the `nim-emulator` binary and `nim emulator`
//! (the `nim-cli` crate), so both take exactly the same flags.
//!
//! ```text
//! nim-emulator [--port P] --app-key K [--app-secret S] [--host 127.0.0.1] [--request-log N]
//!              [--callback-url http://HOST:PORT/PATH]
//! ```
//!
//! The AppSecret comes from `--app-secret` or, when that is absent, from the environment
//! variable [`SECRET_ENV`] (`NIM_EMULATOR_APP_SECRET`), which keeps it out of
//! `/proc/PID/cmdline` and `ps`. The first line on stdout is the base URL
//! (`http://127.0.0.1:PORT/nimserver`); the server runs until SIGINT or SIGTERM.
//!
//! ```no_run
//! use std::process::ExitCode;
//!
//! // What a binary of your own that serves the emulator looks like:
//! fn main() -> ExitCode {
//!     nim_emulator::cli::run("my-emulator", std::env::args_os().skip(1))
//! }
//! ```

use std::ffi::OsString;
use std::io::Write;
use std::net::IpAddr;
use std::process::ExitCode;

use crate::Emulator;
use clap::Parser;

/// The environment variable the AppSecret is read from when `--app-secret` is absent.
pub const SECRET_ENV: &str = "NIM_EMULATOR_APP_SECRET";

/// The command line.
#[derive(Debug, Parser, PartialEq, Eq)]
#[command(
    name = "nim-emulator",
    version,
    about = "Serves an in-memory CommsEase (NetEase Yunxin) IM server API at \
             http://HOST:PORT/nimserver and prints that URL on the first line of stdout.",
    after_help = "Admin routes (unsigned) live on the same port below /_emulator/: requests, \
                  stubs, faults, clock, reset, state/accounts, callbacks. See the crate's README."
)]
struct Args {
    /// Port to listen on; 0 picks a free one.
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// IP address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    host: IpAddr,
    /// The AppKey clients must send.
    #[arg(long)]
    app_key: String,
    /// The AppSecret their CheckSum must be computed with; when absent, it is read from the
    /// environment variable NIM_EMULATOR_APP_SECRET (an empty value counts as absent), which
    /// keeps it out of the process list.
    #[arg(long)]
    app_secret: Option<String>,
    /// How many API requests GET /_emulator/requests keeps (the oldest are forgotten first).
    #[arg(long, value_name = "N", default_value_t = 100_000)]
    request_log: usize,
    /// Where to POST signed callbacks (message copies, recalls, logins): a plain http:// URL
    /// of the app's receiver. Without it no callbacks are sent; PUT /_emulator/callbacks
    /// changes it later.
    #[arg(long, value_name = "URL")]
    callback_url: Option<String>,
}

/// What to serve: the arguments with the secret resolved.
#[derive(Debug, PartialEq, Eq)]
struct Config {
    args: Args,
    app_secret: String,
}

/// Parses the command line (`args` without the program name) of the program called `program`
/// (shown in usage and errors). `env_secret` is the value of [`SECRET_ENV`], used only when
/// `--app-secret` is absent. Errors (help and version included) come back as clap's, to print
/// and exit with.
fn parse(
    program: &str,
    args: impl IntoIterator<Item = OsString>,
    env_secret: Option<OsString>,
) -> Result<Config, clap::Error> {
    use clap::{CommandFactory, FromArgMatches};
    let mut command = Args::command().bin_name(program.to_owned());
    let matches =
        command.try_get_matches_from_mut(std::iter::once(OsString::from(program)).chain(args))?;
    let mut args = Args::from_arg_matches(&matches).map_err(|e| e.format(&mut command))?;
    let app_secret = match args.app_secret.take() {
        Some(secret) => secret,
        None => match env_secret.map(OsString::into_string) {
            Some(Ok(secret)) if !secret.is_empty() => secret,
            Some(Err(_)) => {
                return Err(usage_error(
                    &mut command,
                    format!("{SECRET_ENV} is not valid UTF-8"),
                ));
            }
            _ => {
                return Err(usage_error(
                    &mut command,
                    format!("--app-secret is required (or set {SECRET_ENV})"),
                ));
            }
        },
    };
    Ok(Config { args, app_secret })
}

/// A usage error in clap's format (printed to stderr, exit status 2).
fn usage_error(command: &mut clap::Command, message: String) -> clap::Error {
    command.error(clap::error::ErrorKind::MissingRequiredArgument, message)
}

/// Runs the emulator as a command-line program called `program` (shown in usage and
/// messages, e.g. `"nim-emulator"` or `"nim emulator"`) with `args` (without the program
/// name): parses them, serves until SIGINT or SIGTERM, and answers the process's exit code.
///
/// `--help` and `--version` print to stdout and answer success; a usage mistake (a missing
/// secret, an unknown option, an argument that is not UTF-8) prints the usage to stderr and
/// answers 2; a failure to start (port in use, an `https://` callback URL) prints the reason
/// and answers 1. It blocks the calling thread on its own single-threaded tokio runtime, so
/// call it from `main`, not from inside a runtime.
pub fn run(program: &str, args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let config = match parse(program, args, std::env::var_os(SECRET_ENV)) {
        Ok(config) => config,
        // --help and --version print to stdout and exit 0; mistakes print the usage to
        // stderr and exit 2.
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(2));
        }
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("{program}: cannot start the runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(serve(program, config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("{program}: {err}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(program: &str, config: Config) -> std::io::Result<()> {
    let Config { args, app_secret } = config;
    // Listen for signals before announcing the URL: a caller that reads the URL and signals
    // at once must get a clean stop, not the default action of the signal.
    let signals = Signals::new()?;
    let mut builder = Emulator::builder(args.app_key, app_secret)
        .host(args.host)
        .port(args.port)
        .request_log(args.request_log);
    if let Some(url) = args.callback_url {
        builder = builder.callback_url(url);
    }
    let emu = builder.start().await?;
    announce(emu.base_url())?;
    let name = signals.recv().await;
    eprintln!("{program}: {name}, stopping");
    emu.shutdown().await;
    Ok(())
}

/// Prints the base URL as the first line of stdout and flushes it, so a reader blocked on
/// the pipe sees it at once even though stdout is not a terminal.
#[allow(clippy::print_stdout)] // printing the URL is this binary's interface
fn announce(base_url: &str) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "{base_url}")?;
    stdout.flush()
}

/// The signals that stop the server.
struct Signals {
    #[cfg(unix)]
    interrupt: tokio::signal::unix::Signal,
    #[cfg(unix)]
    terminate: tokio::signal::unix::Signal,
}

impl Signals {
    fn new() -> std::io::Result<Signals> {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            Ok(Signals {
                interrupt: signal(SignalKind::interrupt())?,
                terminate: signal(SignalKind::terminate())?,
            })
        }
        #[cfg(not(unix))]
        {
            Ok(Signals {})
        }
    }

    /// Waits for the first signal and names it.
    async fn recv(mut self) -> &'static str {
        #[cfg(unix)]
        {
            tokio::select! {
                _ = self.interrupt.recv() => "SIGINT",
                _ = self.terminate.recv() => "SIGTERM",
            }
        }
        #[cfg(not(unix))]
        {
            let _ = &mut self;
            // ctrl_c only fails if the handler cannot be installed; stop then as well.
            let _ = tokio::signal::ctrl_c().await;
            "Ctrl-C"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args_env(list: &[&str], env_secret: Option<&str>) -> Result<Config, clap::Error> {
        parse(
            "nim-emulator",
            list.iter().map(OsString::from),
            env_secret.map(OsString::from),
        )
    }

    fn args(list: &[&str]) -> Result<Config, clap::Error> {
        args_env(list, None)
    }

    fn secret(list: &[&str], env: Option<&str>) -> String {
        args_env(list, env).unwrap().app_secret
    }

    #[test]
    fn parses_both_spellings() {
        let config = args(&[
            "--port",
            "0",
            "--app-key=k",
            "--app-secret",
            "s=x",
            "--host",
            "::1",
            "--request-log=5",
        ])
        .unwrap();
        assert_eq!(config.app_secret, "s=x");
        assert_eq!(config.args.host, "::1".parse::<IpAddr>().unwrap());
        assert_eq!(config.args.app_key, "k");
        assert_eq!(config.args.request_log, 5);
        let defaults = args(&["--app-key", "k", "--app-secret", "s"]).unwrap();
        assert_eq!(defaults.args.port, 0);
        assert_eq!(defaults.args.request_log, 100_000);
        assert_eq!(defaults.args.callback_url, None);
        let with_url = args(&[
            "--app-key=k",
            "--app-secret=s",
            "--callback-url",
            "http://h/",
        ]);
        assert_eq!(
            with_url.unwrap().args.callback_url.as_deref(),
            Some("http://h/")
        );
    }

    #[test]
    fn rejects_mistakes() {
        let err = args(&["--app-key", "k"]).unwrap_err().to_string();
        assert!(err.contains("--app-secret"), "{err}");
        assert!(args(&["--port", "70000", "--app-key", "k", "--app-secret", "s"]).is_err());
        assert!(args(&["--port"]).is_err());
        assert!(args(&["--verbose"]).is_err());
        let help = args(&["--help"]).unwrap_err();
        assert_eq!(help.kind(), clap::error::ErrorKind::DisplayHelp);
        assert_eq!(help.exit_code(), 0);
        let version = args(&["--version"]).unwrap_err();
        assert_eq!(version.kind(), clap::error::ErrorKind::DisplayVersion);
    }

    #[test]
    fn usage_names_the_program_it_runs_as() {
        let err = parse("nim emulator", [OsString::from("--verbose")], None).unwrap_err();
        assert!(err.to_string().contains("Usage: nim emulator"), "{err}");
        let list = ["--app-key", "k"].map(OsString::from);
        let err = parse("nim emulator", list, Some(OsString::from("")))
            .unwrap_err()
            .to_string();
        assert!(err.contains("Usage: nim emulator"), "{err}");
        assert!(err.contains("--app-secret is required"), "{err}");
    }

    #[test]
    fn the_secret_comes_from_the_environment_when_the_option_is_absent() {
        assert_eq!(secret(&["--app-key", "k"], Some("env")), "env");
        // The option wins.
        assert_eq!(
            secret(&["--app-key", "k", "--app-secret", "opt"], Some("env")),
            "opt"
        );
        // Empty counts as absent.
        let err = args_env(&["--app-key", "k"], Some(""))
            .unwrap_err()
            .to_string();
        assert!(err.contains("--app-secret is required"), "{err}");
        assert!(err.contains(SECRET_ENV), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn non_utf8_is_a_usage_error_that_does_not_echo_the_value() {
        use std::os::unix::ffi::OsStringExt;
        let bad = || OsString::from_vec(b"sec\xffret".to_vec());

        let list = ["--app-key", "k", "--app-secret"].map(OsString::from);
        let err = parse("nim-emulator", list.into_iter().chain([bad()]), None).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(!err.to_string().contains("ret"), "{err}");

        let list = ["--app-key", "k"].map(OsString::from);
        let err = parse("nim-emulator", list.clone(), Some(bad()))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(&format!("{SECRET_ENV} is not valid UTF-8")),
            "{err}"
        );
        // Not read at all when the option gives the secret.
        let with_option = ["--app-key", "k", "--app-secret", "s"].map(OsString::from);
        assert_eq!(
            parse("nim-emulator", with_option, Some(bad()))
                .unwrap()
                .app_secret,
            "s"
        );
    }
}
