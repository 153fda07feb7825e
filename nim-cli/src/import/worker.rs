//! One account's import: create it, and when the create's outcome is unknown, find out
//! before doing anything that could create it twice or lose its token.
//!
//! A create is not idempotent. Per row:
//!
//! 1. **Create** (after writing `sending` to the journal). Success: the token is recorded.
//!    416: the server refused it without acting, so everyone pauses `--block-secs` and it is
//!    sent again. "Already registered": the account existed before the import; it is
//!    refreshed or skipped as `--existing` says. Not sent at all (no connection): sent again
//!    after a pause. Any other refusal: the row fails, nothing was created.
//!    Outcome unknown (reset, timeout, 5xx, a gateway's HTML page, a cut answer): step 2.
//! 2. **Resolve**: `user/getUinfos` for the accid. It exists: its token is unknown (the answer
//!    was lost), so step 3. It does not: step 1 again. An accid that was in flight when an
//!    earlier run stopped starts here.
//! 3. **Refresh**: `user/refreshToken` gives it a new token, which is recorded. Sent again
//!    while its outcome is unknown: each answer is the newest token, so the last one wins.
//!
//! A create answered "already registered" after the import already sent one for that accid
//! (its outcome unknown) is taken as ours and refreshed even with `--existing skip`: its token
//! would be lost otherwise.
//!
//! Every call waits its turn at the shared [`Limiter`]. The create
//! carries a trace id (`RequestId`) derived from the accid, the same on every attempt and in
//! every run: the official SDKs' docs say the server de-duplicates requests by it.

use std::sync::Mutex;
use std::time::Duration;

use md5::{Digest, Md5};
use nim_api::user::{CreateUser, GetUserInfos, RefreshToken};
use nim_api::{CallOptions, Client, Error, ErrorKind};
use tokio::sync::watch;

use super::input::Row;
use super::journal::{Record, RefreshReason};
use super::limiter::Limiter;
use super::output::Outputs;
use super::progress::{Counters, bump};

/// How many times a step is tried when its calls fail without a verdict.
pub const TRIES: u32 = 6;

/// What `--existing` says to do with an account that exists before the import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Existing {
    /// Give it a new token with `user/refreshToken` and record it.
    Refresh,
    /// Leave it alone and list it in the skipped file.
    Skip,
}

/// One row to import.
#[derive(Debug)]
pub struct Job {
    /// The row.
    pub row: Row,
    /// Whether the journal says its create was in flight when a run stopped.
    pub in_flight: bool,
    /// Whether its row is no longer in the input (it was in flight in an earlier run): it is
    /// resolved (its token recovered if it exists) but never created.
    pub orphan: bool,
}

/// What the workers share.
pub struct Shared {
    /// The API client (no retries of its own: the worker decides).
    pub client: Client,
    /// The rate limit.
    pub limiter: Limiter,
    /// The output files.
    pub outputs: Mutex<Outputs>,
    /// What happened.
    pub counters: std::sync::Arc<Counters>,
    /// What to do with existing accounts.
    pub existing: Existing,
    /// Becomes `true` when the import must stop starting creates (Ctrl-C, a fatal error).
    pub stop: watch::Sender<bool>,
    /// Why the import stopped on its own, when it did.
    pub fatal: Mutex<Option<String>>,
}

impl Shared {
    /// Stops the import for `reason` (the first reason is kept).
    pub fn fail_all(&self, reason: String) {
        let mut fatal = self.fatal.lock().unwrap_or_else(|p| p.into_inner());
        fatal.get_or_insert(reason);
        self.stop.send_replace(true);
    }

    /// Whether the import is stopping.
    pub fn stopping(&self) -> bool {
        *self.stop.borrow()
    }

    fn record(&self, record: &Record) -> Result<(), String> {
        let mut outputs = self.outputs.lock().unwrap_or_else(|p| p.into_inner());
        outputs
            .record(record)
            .map_err(|err| format!("cannot write the journal or the tokens: {err}"))
    }

    /// Adds a row to the failures file and counts it.
    pub fn failure(&self, line: u64, accid: Option<&str>, reason: &str) {
        bump(&self.counters.failed);
        let mut outputs = self.outputs.lock().unwrap_or_else(|p| p.into_inner());
        if let Err(err) = outputs.failure(line, accid, reason) {
            drop(outputs);
            self.fail_all(format!("cannot write the failures file: {err}"));
        }
    }
}

/// The trace id of every create of `accid`: 32 hex digits, the same in every run.
pub fn create_trace_id(accid: &str) -> String {
    let digest = Md5::digest(format!("nim import create {}", accid.to_ascii_lowercase()));
    hex::encode(digest)
}

/// How a failed call ended, as far as the import is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// 416: refused without acting; pause and send again.
    RateLimited,
    /// The account exists.
    AlreadyRegistered,
    /// The account does not exist.
    NotRegistered,
    /// Never reached the server (or refused before acting, like a CurTime check).
    NotSent,
    /// May or may not have been acted on.
    Unknown,
    /// Refused: nothing was done, and sending it again would be refused again.
    Refused,
    /// Every call would fail the same way (credentials, configuration): stop the import.
    Fatal,
}

fn classify(err: &Error) -> Class {
    if err.is_rate_limited() {
        return Class::RateLimited;
    }
    if err.is_already_registered() {
        return Class::AlreadyRegistered;
    }
    if err.is_not_registered() {
        return Class::NotRegistered;
    }
    if err.is_checksum_failure() || err.is_appkey_failure() {
        return Class::Fatal;
    }
    if err.is_curtime_expired() {
        return Class::NotSent;
    }
    match err.kind() {
        ErrorKind::Connect => Class::NotSent,
        ErrorKind::Api { .. } => match err.api_code() {
            Some(code) if code >= 500 => Class::Unknown,
            _ => Class::Refused,
        },
        ErrorKind::Validation(_) => Class::Refused,
        ErrorKind::Config { .. } => Class::Fatal,
        _ => Class::Unknown,
    }
}

/// The wait before try `n` (1 for the first retry): 200 ms doubling, at most 5 s.
fn backoff(n: u32) -> Duration {
    Duration::from_millis(200)
        .saturating_mul(1 << n.min(5))
        .min(Duration::from_secs(5))
}

/// Where a row is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Create,
    Resolve,
    Refresh(RefreshReason),
}

/// How a row ended.
#[derive(Debug, PartialEq, Eq)]
enum End {
    Done(Record),
    /// Refused: nothing was created.
    Failed(String),
    /// Still unknown: stays in flight for the next run.
    Unresolved(String),
    /// The import is stopping and this row's create was never sent.
    NotStarted,
    /// An orphan (see [`Job::orphan`]) that does not exist: nothing to recover.
    NeverCreated,
}

/// Imports one row. Answers `Err` when the import must stop (an output cannot be written,
/// the credentials are refused).
pub async fn import(shared: &Shared, job: Job) -> Result<(), String> {
    let Job {
        row,
        in_flight,
        orphan,
    } = job;
    let accid = row.request.accid.wire().into_owned();
    let line = row.line;
    if orphan {
        bump(&shared.counters.not_in_input);
    }
    let end = run(
        shared,
        &row.request,
        &accid,
        line,
        in_flight || orphan,
        orphan,
    )
    .await?;
    match end {
        End::Done(record) => {
            shared.record(&record)?;
            bump(match &record {
                Record::Created { .. } => &shared.counters.created,
                Record::Refreshed {
                    why: RefreshReason::Existing,
                    ..
                } => &shared.counters.refreshed,
                Record::Refreshed { .. } => &shared.counters.recovered,
                _ => &shared.counters.skipped,
            });
        }
        End::Failed(reason) => {
            shared.record(&Record::Failed {
                accid: accid.clone(),
                reason: reason.clone(),
            })?;
            shared.failure(line, Some(&accid), &reason);
        }
        End::Unresolved(reason) => {
            let reason = format!("{reason}; still in flight: the next run resolves it");
            shared.failure(line, Some(&accid), &reason);
        }
        End::NeverCreated => {
            shared.record(&Record::Failed {
                accid,
                reason: "no longer in the input, and never created".into(),
            })?;
        }
        End::NotStarted => {}
    }
    Ok(())
}

async fn run(
    shared: &Shared,
    request: &CreateUser,
    accid: &str,
    line: u64,
    in_flight: bool,
    orphan: bool,
) -> Result<End, String> {
    let mut step = if in_flight {
        Step::Resolve
    } else {
        Step::Create
    };
    // Whether a create for this accid may have reached the server (an earlier run's, or one
    // of this run whose outcome was unknown).
    let mut ours_may_exist = in_flight;
    let mut sent = in_flight;
    let mut tries = 0u32;
    // Creates found not to exist after an unknown outcome: bounded, like tries.
    let mut rounds = 0u32;
    let mut last_error = String::new();
    let trace_id = create_trace_id(accid);
    loop {
        if tries >= TRIES {
            // In the create step only unsent attempts count: the server cannot be reached,
            // and no other row would fare better. The row stays for the next run (as in
            // flight when a create of it may have been sent before).
            if step == Step::Create {
                return Err(format!(
                    "the server could not be reached ({TRIES} tries): {last_error}"
                ));
            }
            return Ok(End::Unresolved(format!(
                "outcome unknown after {TRIES} tries: {last_error}"
            )));
        }
        if tries > 0 {
            tokio::time::sleep(backoff(tries)).await;
        }
        shared.limiter.acquire().await;
        match step {
            Step::Create => {
                if !sent {
                    if shared.stopping() {
                        return Ok(End::NotStarted);
                    }
                    shared.record(&Record::Sending {
                        accid: accid.to_owned(),
                        line,
                    })?;
                    sent = true;
                }
                let options = CallOptions::new().trace_id(trace_id.clone());
                let err = match shared.client.call_with(request, options).await {
                    Ok(called) => {
                        return Ok(End::Done(Record::Created {
                            accid: accid.to_owned(),
                            token: called.response.token,
                        }));
                    }
                    Err(err) => err,
                };
                bump(&shared.counters.errors);
                last_error = err.to_string();
                match classify(&err) {
                    Class::RateLimited => shared.limiter.rate_limited(),
                    Class::AlreadyRegistered if ours_may_exist => {
                        step = Step::Refresh(RefreshReason::Recovered);
                        tries = 0;
                    }
                    Class::AlreadyRegistered => match shared.existing {
                        Existing::Refresh => {
                            step = Step::Refresh(RefreshReason::Existing);
                            tries = 0;
                        }
                        Existing::Skip => {
                            return Ok(End::Done(Record::Skipped {
                                accid: accid.to_owned(),
                            }));
                        }
                    },
                    Class::NotSent => tries += 1,
                    Class::Unknown => {
                        ours_may_exist = true;
                        step = Step::Resolve;
                        tries = 0;
                    }
                    Class::Refused | Class::NotRegistered => {
                        return Ok(End::Failed(last_error));
                    }
                    Class::Fatal => return Err(last_error),
                }
            }
            Step::Resolve => {
                let query = GetUserInfos::new([accid]);
                match shared.client.call(&query).await {
                    Ok(infos) => {
                        if infos
                            .iter()
                            .any(|info| info.accid.eq_ignore_ascii_case(accid))
                        {
                            step = Step::Refresh(RefreshReason::Recovered);
                        } else if orphan {
                            return Ok(End::NeverCreated);
                        } else {
                            rounds += 1;
                            if rounds > TRIES {
                                return Ok(End::Unresolved(format!(
                                    "{TRIES} creates with unknown outcomes: {last_error}"
                                )));
                            }
                            step = Step::Create;
                        }
                        tries = 0;
                    }
                    Err(err) => {
                        bump(&shared.counters.errors);
                        last_error = err.to_string();
                        match classify(&err) {
                            Class::RateLimited => shared.limiter.rate_limited(),
                            Class::NotRegistered if orphan => return Ok(End::NeverCreated),
                            Class::NotRegistered => {
                                step = Step::Create;
                                tries = 0;
                            }
                            Class::Fatal => return Err(last_error),
                            _ => tries += 1,
                        }
                    }
                }
            }
            Step::Refresh(why) => match shared.client.call(&RefreshToken::new(accid)).await {
                Ok(answer) => {
                    return Ok(End::Done(Record::Refreshed {
                        accid: accid.to_owned(),
                        token: answer.token,
                        why,
                    }));
                }
                Err(err) => {
                    bump(&shared.counters.errors);
                    last_error = err.to_string();
                    match classify(&err) {
                        Class::RateLimited => shared.limiter.rate_limited(),
                        Class::Fatal => return Err(last_error),
                        Class::Refused if !ours_may_exist => {
                            return Ok(End::Failed(format!(
                                "already registered, and its token could not be refreshed: {last_error}"
                            )));
                        }
                        // Unknown outcomes included: sending it again answers the newest token.
                        _ => tries += 1,
                    }
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_classified_by_what_the_server_did() {
        assert_eq!(classify(&Error::api(416, "")), Class::RateLimited);
        assert_eq!(
            classify(&Error::api(414, "already register")),
            Class::AlreadyRegistered
        );
        assert_eq!(classify(&Error::api(414, "bad name")), Class::Refused);
        assert_eq!(classify(&Error::api(414, "checksum")), Class::Fatal);
        assert_eq!(classify(&Error::api(500, "")), Class::Unknown);
        assert_eq!(classify(&Error::api(503, "")), Class::Unknown);
        assert_eq!(classify(&Error::new(ErrorKind::Timeout)), Class::Unknown);
        assert_eq!(classify(&Error::new(ErrorKind::Transport)), Class::Unknown);
        assert_eq!(
            classify(&Error::new(ErrorKind::HttpStatus {
                status: 502,
                snippet: "<html>".into()
            })),
            Class::Unknown
        );
        assert_eq!(classify(&Error::new(ErrorKind::Connect)), Class::NotSent);
        assert_eq!(classify(&Error::config("no key")), Class::Fatal);
    }

    #[test]
    fn trace_ids_are_32_hex_digits_and_ignore_case() {
        let id = create_trace_id("ZhangSan");
        assert_eq!(id.len(), 32);
        assert!(id.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_eq!(id, create_trace_id("zhangsan"));
    }

    #[test]
    fn backoff_doubles_up_to_5_s() {
        assert_eq!(backoff(1), Duration::from_millis(400));
        assert_eq!(backoff(3), Duration::from_millis(1600));
        assert_eq!(backoff(9), Duration::from_secs(5));
    }
}
