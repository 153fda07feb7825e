//! `nim-emulator`: serves the in-memory CommsEase API emulator over HTTP until SIGINT or
//! SIGTERM.
//!
//! ```text
//! nim-emulator [--port P] --app-key K [--app-secret S] [--host 127.0.0.1]
//! ```
//!
//! The AppSecret comes from `--app-secret` or, when that is absent, from the environment
//! variable `NIM_EMULATOR_APP_SECRET` (which keeps it out of `/proc/PID/cmdline` and `ps`).
//!
//! The first line on stdout is the base URL (`http://127.0.0.1:PORT/nimserver`), so a script
//! or another language's test can start it with `--port 0` and read where it listens.

use std::ffi::OsString;
use std::io::Write;
use std::net::IpAddr;
use std::process::ExitCode;

use nim_emulator::Emulator;

/// The environment variable the AppSecret is read from when `--app-secret` is absent.
const SECRET_ENV: &str = "NIM_EMULATOR_APP_SECRET";

const USAGE: &str = "usage: nim-emulator [--port P] --app-key K [--app-secret S] [--host 127.0.0.1]

Serves an in-memory CommsEase IM server API (the five user account actions) at
http://HOST:PORT/nimserver and prints that URL on the first line of stdout.

  --port P         port to listen on; 0 (the default) picks a free one
  --app-key K      the AppKey clients must send
  --app-secret S   the AppSecret their CheckSum must be computed with; when absent, it is
                   read from the environment variable NIM_EMULATOR_APP_SECRET (an empty
                   value counts as absent), which keeps it out of the process list
  --host H         IP address to listen on (default 127.0.0.1)
  --help           print this text";

/// The command line, parsed.
#[derive(Debug, PartialEq, Eq)]
struct Args {
    port: u16,
    host: IpAddr,
    app_key: String,
    app_secret: String,
}

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
enum Command {
    Serve(Args),
    Help,
}

/// Parses `--name value` and `--name=value` options by hand: four options do not need an
/// argument-parsing dependency. `env_secret` is the value of [`SECRET_ENV`], used only when
/// `--app-secret` is absent.
///
/// Arguments that are not valid UTF-8 are a usage error; the message names the argument by
/// position, never by content, since it may be the secret.
fn parse(
    args: impl IntoIterator<Item = OsString>,
    env_secret: Option<OsString>,
) -> Result<Command, String> {
    let args = args
        .into_iter()
        .enumerate()
        .map(|(i, arg)| {
            arg.into_string()
                .map_err(|_| format!("argument {} is not valid UTF-8", i + 1))
        })
        .collect::<Result<Vec<String>, String>>()?;
    let mut port = 0;
    let mut host = IpAddr::from([127, 0, 0, 1]);
    let mut app_key = None;
    let mut app_secret = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "--help" || arg == "-h" {
            return Ok(Command::Help);
        }
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) => (name.to_owned(), Some(value.to_owned())),
            None => (arg, None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match name.as_str() {
            "--port" => {
                let text = value()?;
                port = text
                    .parse()
                    .map_err(|_| format!("--port: {text:?} is not a port number (0-65535)"))?;
            }
            "--host" => {
                let text = value()?;
                host = text
                    .parse()
                    .map_err(|_| format!("--host: {text:?} is not an IP address"))?;
            }
            "--app-key" => app_key = Some(value()?),
            "--app-secret" => app_secret = Some(value()?),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    let app_key = app_key.ok_or("--app-key is required")?;
    let app_secret = match app_secret {
        Some(secret) => secret,
        None => match env_secret.map(OsString::into_string) {
            Some(Ok(secret)) if !secret.is_empty() => secret,
            Some(Err(_)) => return Err(format!("{SECRET_ENV} is not valid UTF-8")),
            _ => return Err(format!("--app-secret is required (or set {SECRET_ENV})")),
        },
    };
    Ok(Command::Serve(Args {
        port,
        host,
        app_key,
        app_secret,
    }))
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args = match parse(std::env::args_os().skip(1), std::env::var_os(SECRET_ENV)) {
        Ok(Command::Serve(args)) => args,
        Ok(Command::Help) => {
            eprintln!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("nim-emulator: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(args).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("nim-emulator: {err}");
            ExitCode::FAILURE
        }
    }
}

async fn run(args: Args) -> std::io::Result<()> {
    // Listen for signals before announcing the URL: a caller that reads the URL and signals
    // at once must get a clean stop, not the default action of the signal.
    let signals = Signals::new()?;
    let emu = Emulator::builder(args.app_key, args.app_secret)
        .host(args.host)
        .port(args.port)
        .start()
        .await?;
    announce(emu.base_url())?;
    let name = signals.recv().await;
    eprintln!("nim-emulator: {name}, stopping");
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

    fn args(list: &[&str]) -> Result<Command, String> {
        args_env(list, None)
    }

    fn args_env(list: &[&str], env_secret: Option<&str>) -> Result<Command, String> {
        parse(
            list.iter().map(OsString::from),
            env_secret.map(OsString::from),
        )
    }

    fn serve(app_secret: &str) -> Result<Command, String> {
        Ok(Command::Serve(Args {
            port: 0,
            host: IpAddr::from([127, 0, 0, 1]),
            app_key: "k".into(),
            app_secret: app_secret.into(),
        }))
    }

    #[test]
    fn parses_both_spellings() {
        let parsed = args(&[
            "--port",
            "0",
            "--app-key=k",
            "--app-secret",
            "s=x",
            "--host",
            "::1",
        ]);
        assert_eq!(
            parsed,
            Ok(Command::Serve(Args {
                port: 0,
                host: "::1".parse().unwrap(),
                app_key: "k".into(),
                app_secret: "s=x".into(),
            }))
        );
    }

    #[test]
    fn rejects_mistakes() {
        assert!(
            args(&["--app-key", "k"])
                .unwrap_err()
                .contains("--app-secret")
        );
        assert!(args(&["--port", "70000", "--app-key", "k", "--app-secret", "s"]).is_err());
        assert!(args(&["--port"]).unwrap_err().contains("needs a value"));
        assert!(args(&["--verbose"]).is_err());
        assert_eq!(args(&["--help"]), Ok(Command::Help));
    }

    #[test]
    fn the_secret_comes_from_the_environment_when_the_option_is_absent() {
        assert_eq!(args_env(&["--app-key", "k"], Some("env")), serve("env"));
        // The option wins.
        assert_eq!(
            args_env(&["--app-key", "k", "--app-secret", "opt"], Some("env")),
            serve("opt")
        );
        // Empty counts as absent.
        let err = args_env(&["--app-key", "k"], Some("")).unwrap_err();
        assert!(err.contains("--app-secret is required"), "{err}");
        assert!(err.contains(SECRET_ENV), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn non_utf8_is_a_usage_error_that_does_not_echo_the_value() {
        use std::os::unix::ffi::OsStringExt;
        let bad = || OsString::from_vec(b"sec\xffret".to_vec());

        let list = ["--app-key", "k", "--app-secret"].map(OsString::from);
        let err = parse(list.into_iter().chain([bad()]), None).unwrap_err();
        assert_eq!(err, "argument 4 is not valid UTF-8");

        let list = ["--app-key", "k"].map(OsString::from);
        let err = parse(list.clone(), Some(bad())).unwrap_err();
        assert_eq!(err, format!("{SECRET_ENV} is not valid UTF-8"));
        // Not read at all when the option gives the secret.
        let with_option = ["--app-key", "k", "--app-secret", "s"].map(OsString::from);
        assert_eq!(parse(with_option, Some(bad())), serve("s"));
    }
}
