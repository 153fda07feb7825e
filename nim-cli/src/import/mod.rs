//! `nim import`: creates the accounts of a CSV or JSON Lines file through v1
//! `user/create.action`, at a bounded rate, resumably, and writes `accid,token` of each.
//!
//! The pieces, one file each: [`input`] reads and checks rows, [`journal`] records what
//! happened to each accid, [`output`] writes the tokens, failures and skipped files,
//! [`limiter`] keeps the rate, [`worker`] imports one row (and is where the rules for unknown
//! outcomes live), [`progress`] shows and sums it up. This file wires them together: a reader
//! thread streams rows into a bounded channel, `--concurrency` workers take them, Ctrl-C stops
//! the reader and lets the workers finish what they sent.

pub mod input;
pub mod journal;
pub mod limiter;
pub mod output;
pub mod progress;
pub mod worker;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use clap::Args;
use nim_api::{Client, RetryPolicy};
use tokio::sync::{mpsc, watch};

use input::{Format, Rows};
use journal::AccidKey;
use output::{Outputs, Paths};
use progress::{Counters, Display, Reporter, bump};
use worker::{Existing, Job, Shared};

/// The exit code after Ctrl-C (128 + SIGINT).
pub const EXIT_INTERRUPTED: u8 = 130;

/// The exit code after SIGTERM (128 + SIGTERM).
pub const EXIT_TERMINATED: u8 = 143;

/// `nim import`'s arguments.
#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// The accounts: CSV with a header row (accid, and any of name, icon, token, sign, email,
    /// birth, mobile, gender, ex), or JSON Lines with the same keys.
    pub input: PathBuf,
    /// Where to write `accid,token` of every account done. Next to it go OUT.journal (what
    /// a rerun resumes from), OUT.failures and OUT.skipped.
    #[arg(long, value_name = "OUT")]
    pub out: PathBuf,
    /// The input's format; by default `.jsonl`, `.ndjson` and `.json` files are JSON Lines and
    /// anything else CSV.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// How many calls may be in flight at once.
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..=1024))]
    pub concurrency: u16,
    /// Calls per second at most, all actions together (0: no limit). The API allows 100 per
    /// second per action by default.
    #[arg(long, default_value_t = 80)]
    pub rate: u32,
    /// How long every call pauses after the server answers 416 (rate limited).
    #[arg(long, default_value_t = 10.0, value_name = "SECONDS")]
    pub block_secs: f64,
    /// What to do with an account that existed before the import: give it a new token
    /// (`refresh`, recorded in OUT) or leave it alone (`skip`, listed in OUT.skipped).
    #[arg(long, value_enum, default_value_t = Existing::Refresh)]
    pub existing: Existing,
    /// The API's base URL (e.g. the emulator's `http://127.0.0.1:8080/nimserver`); overrides
    /// NIM_BASE_URL.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// How long one call may take.
    #[arg(long, default_value_t = 10.0, value_name = "SECONDS")]
    pub timeout_secs: f64,
    /// After Ctrl-C, how long to wait for the calls in flight before leaving them to the next
    /// run.
    #[arg(long, default_value_t = 30.0, value_name = "SECONDS")]
    pub grace_secs: f64,
    /// Read and check every row (format, accid, limits, duplicates) and write OUT.failures;
    /// send nothing and write no journal or tokens.
    #[arg(long)]
    pub dry_run: bool,
    /// No progress display and no summary (failures still go to OUT.failures).
    #[arg(long)]
    pub quiet: bool,
}

/// Runs `nim import`: answers 0 when every row is done, 1 when a row failed or the import
/// could not finish, 2 for a usage mistake (a missing credential, a bad header), 130 after
/// Ctrl-C.
pub fn run(args: ImportArgs) -> ExitCode {
    match prepare(&args) {
        Ok(prepared) => {
            let runtime = match tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()
            {
                Ok(runtime) => runtime,
                Err(err) => {
                    eprintln!("nim import: cannot start the runtime: {err}");
                    return ExitCode::FAILURE;
                }
            };
            ExitCode::from(runtime.block_on(execute(args, prepared)))
        }
        Err((code, message)) => {
            eprintln!("nim import: {message}");
            ExitCode::from(code)
        }
    }
}

/// What is checked before anything runs.
struct Prepared {
    client: Option<Client>,
    format: Format,
}

fn prepare(args: &ImportArgs) -> Result<Prepared, (u8, String)> {
    let usage = |message: String| (2u8, message);
    crate::seconds_flag("block-secs", args.block_secs).map_err(usage)?;
    crate::seconds_flag("timeout-secs", args.timeout_secs).map_err(usage)?;
    crate::seconds_flag("grace-secs", args.grace_secs).map_err(usage)?;
    let format = args
        .format
        .unwrap_or_else(|| Format::from_path(&args.input));
    let client = if args.dry_run {
        None
    } else {
        Some(client(args).map_err(usage)?)
    };
    Ok(Prepared { client, format })
}

/// The client, from the environment (and `--base-url`), with no retries of its own: the
/// worker decides what is sent again.
fn client(args: &ImportArgs) -> Result<Client, String> {
    crate::credentials::client(
        args.base_url.as_deref(),
        Duration::from_secs_f64(args.timeout_secs.max(0.1)),
        RetryPolicy::none(),
    )
}

async fn execute(args: ImportArgs, prepared: Prepared) -> u8 {
    let started = Instant::now();
    let paths = Paths::new(&args.out);
    // The input first: a missing file or a bad header is a usage mistake, and leaves no
    // output files behind.
    let file = match std::fs::File::open(&args.input) {
        Ok(file) => file,
        Err(err) => {
            eprintln!("nim import: {}: {err}", args.input.display());
            return 2;
        }
    };
    let rows = match Rows::new(file, prepared.format) {
        Ok(rows) => rows,
        Err(err) => {
            eprintln!("nim import: {}: {err}", args.input.display());
            return 2;
        }
    };
    let opened = if args.dry_run {
        Outputs::failures_only(&paths).map(|o| (o, journal::Replayed::default()))
    } else {
        Outputs::open(&paths)
    };
    let (outputs, replayed) = match opened {
        Ok(opened) => opened,
        Err(err) => {
            eprintln!("nim import: {err}");
            return err.exit_code();
        }
    };
    if replayed.records > 0 && !args.quiet {
        eprintln!(
            "nim import: resuming from {}: {} accounts done, {} in flight (checked first)",
            paths.journal.display(),
            replayed.done.len(),
            replayed.in_flight.len()
        );
    }
    let counters = Arc::new(Counters::default());
    let display = Display::detect(args.quiet);
    let total = match display {
        Display::Quiet => None,
        _ => input::estimate_rows(&args.input, prepared.format).ok(),
    };
    let (stop, _) = watch::channel(false);
    let shared = Arc::new(Shared {
        client: match prepared.client {
            Some(client) => client,
            None => match Client::builder().app_key("-").app_secret("-").build() {
                Ok(client) => client,
                Err(err) => {
                    eprintln!("nim import: {err}");
                    return 1;
                }
            },
        },
        limiter: limiter::Limiter::new(args.rate, Duration::from_secs_f64(args.block_secs)),
        outputs: Mutex::new(outputs),
        counters: Arc::clone(&counters),
        existing: args.existing,
        stop,
        fatal: Mutex::new(None),
    });
    let reporter = Reporter::start(display, Arc::clone(&counters), total);

    let concurrency = usize::from(args.concurrency);
    let (tx, rx) = mpsc::channel::<Job>(concurrency * 4);
    let reader_stop = Arc::new(AtomicBool::new(false));
    let reader = {
        let shared = Arc::clone(&shared);
        let reader_stop = Arc::clone(&reader_stop);
        let dry_run = args.dry_run;
        std::thread::spawn(move || read_rows(rows, replayed, tx, &shared, &reader_stop, dry_run))
    };
    let rx = Arc::new(tokio::sync::Mutex::new(rx));
    let mut workers = tokio::task::JoinSet::new();
    for _ in 0..concurrency {
        let shared = Arc::clone(&shared);
        let rx = Arc::clone(&rx);
        workers.spawn(async move {
            loop {
                let job = rx.lock().await.recv().await;
                let Some(job) = job else { break };
                if shared.stopping() {
                    break;
                }
                if let Err(reason) = worker::import(&shared, job).await {
                    shared.fail_all(reason);
                    break;
                }
            }
        });
    }

    // The journal reaches the disk at least once a second even when no record is written
    // (a pause after a 416): what a power loss can cost stays within that second.
    let syncer = {
        let shared = Arc::clone(&shared);
        tokio::spawn(async move {
            let mut every = tokio::time::interval(journal::SYNC_INTERVAL);
            loop {
                every.tick().await;
                let synced = shared
                    .outputs
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .sync();
                if let Err(err) = synced {
                    shared.fail_all(format!("cannot write the journal: {err}"));
                    return;
                }
            }
        })
    };

    // Wait for the workers, or for Ctrl-C (or SIGTERM, as from a service manager).
    // The exit code the signal asks for, once one came.
    let mut interrupted: Option<u8> = None;
    let all_done = async { while workers.join_next().await.is_some() {} };
    tokio::pin!(all_done);
    tokio::select! {
        () = &mut all_done => {}
        code = interrupt() => {
            interrupted = Some(code);
            reader_stop.store(true, Ordering::Relaxed);
            shared.stop.send_replace(true);
            eprintln!(
                "\nnim import: interrupted; finishing the calls in flight (at most {} s, \
                 Ctrl-C again to leave them to the next run)",
                args.grace_secs
            );
            tokio::select! {
                () = &mut all_done => {}
                () = tokio::time::sleep(Duration::from_secs_f64(args.grace_secs)) => {
                    eprintln!("nim import: calls still in flight are left to the next run");
                }
                _ = interrupt() => {
                    eprintln!("nim import: calls still in flight are left to the next run");
                }
            }
        }
    }
    syncer.abort();
    // Nothing else is sent from here on; the reader stops at its next row.
    reader_stop.store(true, Ordering::Relaxed);
    shared.stop.send_replace(true);
    drop(rx);
    // The reader has returned unless the workers stopped early (then dropping the channel
    // wakes it, and what it still reads is not needed).
    drop(reader);
    reporter.finish();

    let finish = {
        let mut outputs = shared.outputs.lock().unwrap_or_else(|p| p.into_inner());
        outputs.finish()
    };
    let fatal = shared
        .fatal
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone();
    let mut code = 0u8;
    if !args.quiet {
        eprintln!(
            "nim import: {}",
            counters.summary(started.elapsed(), args.dry_run)
        );
    }
    let orphans = counters
        .not_in_input
        .load(std::sync::atomic::Ordering::Relaxed);
    if orphans > 0 && !args.quiet {
        eprintln!(
            "nim import: {orphans} accids in flight in an earlier run are no longer in the \
             input; each was checked: any that exists is in {} with a new token, any still \
             unknown is in the failures file (from the journal's line numbers)",
            paths.tokens.display()
        );
    }
    if counters.failures() > 0 {
        code = 1;
        eprintln!(
            "nim import: {} rows failed; they are listed with their line and the reason in {}",
            counters.failures(),
            paths.failures.display()
        );
    }
    if let Err(err) = finish {
        code = 1;
        eprintln!("nim import: cannot flush the outputs: {err}");
    }
    if let Some(reason) = fatal {
        code = 1;
        eprintln!("nim import: stopped: {reason}");
    }
    let resume = format!(
        "nim import {} --out {}",
        shell_word(&args.input.display().to_string()),
        shell_word(&args.out.display().to_string())
    );
    if let Some(signal_code) = interrupted {
        code = signal_code;
        eprintln!(
            "nim import: interrupted. Nothing is lost: run the same command again to resume \
             (`{resume}` with the same options); it skips what is done and checks what was in flight."
        );
    } else if code != 0 && !args.dry_run {
        eprintln!(
            "nim import: to retry what failed or is unresolved, run the same command again (`{resume}`)."
        );
    }
    code
}

/// Resolves at Ctrl-C (SIGINT) or, on Unix, SIGTERM, with the exit code each asks for
/// ([`EXIT_INTERRUPTED`], [`EXIT_TERMINATED`]); never when neither can be listened to.
async fn interrupt() -> u8 {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            return tokio::select! {
                _ = tokio::signal::ctrl_c() => EXIT_INTERRUPTED,
                _ = term.recv() => EXIT_TERMINATED,
            };
        }
    }
    if tokio::signal::ctrl_c().await.is_err() {
        std::future::pending::<()>().await;
    }
    EXIT_INTERRUPTED
}

/// Quotes `word` for a POSIX shell when it needs it.
fn shell_word(word: &str) -> String {
    let plain = word
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-_./=:,@+%".contains(&b));
    if plain && !word.is_empty() {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

/// The reader thread: streams rows, reports bad ones, skips done ones, and hands the rest to
/// the workers until the input ends or the import stops.
fn read_rows(
    mut rows: Rows<std::fs::File>,
    replayed: journal::Replayed,
    tx: mpsc::Sender<Job>,
    shared: &Shared,
    stop: &AtomicBool,
    dry_run: bool,
) {
    let journal::Replayed {
        done,
        mut in_flight,
        ..
    } = replayed;
    loop {
        if stop.load(Ordering::Relaxed) || shared.stopping() {
            return;
        }
        let row = match rows.next_row() {
            Ok(Some(row)) => row,
            Ok(None) => break,
            Err(err) => {
                shared.fail_all(format!("the input could not be read to its end: {err}"));
                return;
            }
        };
        let row = match row {
            Ok(row) => row,
            Err(bad) => {
                shared.failure(bad.line, bad.accid.as_deref(), &bad.reason);
                continue;
            }
        };
        if dry_run {
            bump(&shared.counters.valid);
            continue;
        }
        let key: AccidKey = row.key;
        if done.contains(&key) {
            bump(&shared.counters.already_done);
            continue;
        }
        let job = Job {
            in_flight: in_flight.remove(&key).is_some(),
            orphan: false,
            row,
        };
        if tx.blocking_send(job).is_err() {
            return;
        }
    }
    // What was in flight in an earlier run and is no longer in the input (its row fixed or
    // dropped since): its account may exist with a token nobody has, so it is resolved too.
    for (key, (accid, line)) in in_flight {
        if stop.load(Ordering::Relaxed) || shared.stopping() {
            return;
        }
        let job = Job {
            row: input::Row {
                line,
                request: nim_api::user::CreateUser::new(accid.as_str()),
                key,
            },
            in_flight: true,
            orphan: true,
        };
        if tx.blocking_send(job).is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resume_commands_quote_what_a_shell_would_split() {
        assert_eq!(shell_word("accounts.csv"), "accounts.csv");
        assert_eq!(shell_word("my accounts.csv"), "'my accounts.csv'");
        assert_eq!(shell_word("it's.csv"), r"'it'\''s.csv'");
    }
}
