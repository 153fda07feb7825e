//! The inspection and control API of a running [`Emulator`]: accounts, request counts and
//! log, faults, stubs, the state clock and reset. The admin HTTP routes offer the same to
//! other languages.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::accounts::{Account, Session, new_token};
use crate::emulator::Emulator;
use crate::faults::{Fault, Target};
use crate::lock;
use crate::log::RecordedRequest;

impl Emulator {
    /// A copy of the account `accid` (matched case-insensitively), or `None` if it was never
    /// created.
    pub fn account(&self, accid: &str) -> Option<Account> {
        lock(&self.core.accounts).get(accid)
    }

    /// Copies of every account, sorted by accid.
    pub fn accounts(&self) -> Vec<Account> {
        lock(&self.core.accounts).all()
    }

    /// Creates an account directly, as if `user/create.action` had been called with `accid`
    /// and `token` (a random token when `None`), for tests that start from existing users.
    /// Returns the stored account, or `None` if `accid` already exists. The accid is
    /// lowercased but not otherwise checked.
    ///
    /// ```
    /// # #[tokio::main] async fn main() -> std::io::Result<()> {
    /// let emu = nim_emulator::Emulator::start("key", "secret").await?;
    /// let alice = emu.insert_account("Alice", Some("pw")).unwrap();
    /// assert_eq!(alice.accid, "alice");
    /// assert!(emu.insert_account("alice", None).is_none());
    /// # Ok(()) }
    /// ```
    pub fn insert_account(&self, accid: &str, token: Option<&str>) -> Option<Account> {
        let token = match token {
            Some(token) => token.to_owned(),
            None => new_token().ok()?,
        };
        let account = Account {
            created_at: self.core.state_now(),
            ..Account::new(accid.to_ascii_lowercase(), token)
        };
        lock(&self.core.accounts).create(account.clone()).ok()?;
        Some(account)
    }

    /// How many requests arrived for `path`, faulted and rejected ones included. An action
    /// is named by its path below the base URL (`"user/create.action"`, as in
    /// `Endpoint::PATH`); the full URL path works too.
    ///
    /// ```
    /// # #[tokio::main] async fn main() -> std::io::Result<()> {
    /// let emu = nim_emulator::Emulator::start("key", "secret").await?;
    /// emu.handle("POST", "/nimserver/user/block.action", &[], b"");
    /// assert_eq!(emu.request_count("user/block.action"), 1);
    /// assert_eq!(emu.request_count("/nimserver/user/block.action"), 1);
    /// assert_eq!(emu.total_requests(), 1);
    /// # Ok(()) }
    /// ```
    pub fn request_count(&self, path: &str) -> u64 {
        lock(&self.core.stats).count(path)
    }

    /// Every path's request count, sorted by path. Paths outside `/nimserver/` keep their
    /// leading `/`; beyond 1,024 distinct paths, further ones are counted under `"(other)"`.
    pub fn request_counts(&self) -> BTreeMap<String, u64> {
        lock(&self.core.stats).all()
    }

    /// How many requests arrived in all.
    pub fn total_requests(&self) -> u64 {
        lock(&self.core.stats).total()
    }

    /// Applies `fault` to the next `times` requests, after any faults already queued.
    ///
    /// ```
    /// use nim_emulator::{Emulator, Fault};
    ///
    /// # #[tokio::main] async fn main() -> std::io::Result<()> {
    /// let emu = Emulator::start("key", "secret").await?;
    /// emu.inject(Fault::BadGateway, 2);
    /// assert_eq!(emu.pending_faults(), 2);
    /// let reply = emu.handle("POST", "/nimserver/user/create.action", &[], b"");
    /// assert_eq!(reply.status, 502);
    /// assert_eq!(emu.faults_injected(), 1);
    /// # Ok(()) }
    /// ```
    pub fn inject(&self, fault: Fault, times: u32) {
        lock(&self.core.faults).push(fault, times);
    }

    /// Drops every queued fault.
    pub fn clear_faults(&self) {
        lock(&self.core.faults).clear();
    }

    /// How many more requests the queued faults will spoil.
    pub fn pending_faults(&self) -> u64 {
        lock(&self.core.faults).pending()
    }

    /// How many requests a fault has been applied to so far.
    pub fn faults_injected(&self) -> u64 {
        lock(&self.core.faults).applied()
    }

    /// How many nonces the replay cache holds now, after forgetting those whose 5-minute
    /// window has passed.
    pub fn nonce_cache_len(&self) -> usize {
        let now = self.core.now();
        let mut nonces = lock(&self.core.nonces);
        nonces.forget_expired(now);
        nonces.len()
    }

    /// Applies `fault` to the next `times` requests for `method` (any method when `None`)
    /// and the URL `path` as sent (`"/nimserver/user/create.action"`), after any faults
    /// already queued for it. Other requests pass untouched.
    ///
    /// ```
    /// use nim_emulator::{Emulator, Fault};
    ///
    /// # #[tokio::main] async fn main() -> std::io::Result<()> {
    /// let emu = Emulator::start("key", "secret").await?;
    /// emu.inject_at("/nimserver/user/block.action", None, Fault::ApiCode(416), 1);
    /// let other = emu.handle("POST", "/nimserver/user/create.action", &[], b"");
    /// assert_eq!(other.code(), Some(414)); // not faulted: unsigned
    /// let hit = emu.handle("POST", "/nimserver/user/block.action", &[], b"");
    /// assert_eq!(hit.code(), Some(416));
    /// # Ok(()) }
    /// ```
    pub fn inject_at(&self, path: &str, method: Option<&str>, fault: Fault, times: u32) {
        let target = Target {
            path: Some(path.to_owned()),
            method: method.map(str::to_owned),
        };
        lock(&self.core.faults).push_for(fault, times, target);
    }

    /// Answers `method path` (the URL path as sent, e.g. `"/nimserver/user/create.action"`
    /// or `"/nimserver/im/v2/accounts/alice"`) with `response` (HTTP 200, as JSON) for the
    /// next `times` requests, or until [`clear_stubs`](Emulator::clear_stubs) or
    /// [`reset`](Emulator::reset) when `times` is `None`. It overrides the built-in handler,
    /// if there is one; the request must still be correctly signed and is still logged. The
    /// newest stub for a method and path wins.
    ///
    /// ```
    /// # #[tokio::main] async fn main() -> std::io::Result<()> {
    /// let emu = nim_emulator::Emulator::start("key", "secret").await?;
    /// emu.stub("POST", "/nimserver/demo/thing.action",
    ///     serde_json::json!({"code": 200, "thing": 1}), Some(1));
    /// # Ok(()) }
    /// ```
    pub fn stub(&self, method: &str, path: &str, response: Value, times: Option<u32>) {
        lock(&self.core.stubs).add(method, path, response.to_string(), times);
    }

    /// Removes every stub.
    pub fn clear_stubs(&self) {
        lock(&self.core.stubs).clear();
    }

    /// The API requests received (the last 100,000 by default, see
    /// [`EmulatorBuilder::request_log`](crate::EmulatorBuilder::request_log)), oldest first.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        lock(&self.core.log).all()
    }

    /// Moves the state clock (what mutes, login times and expiries read) forward by `secs`.
    /// The clock that checks CurTime does not move, so signed requests keep working.
    pub fn advance_clock(&self, secs: u64) {
        self.core.advance_clock(secs);
    }

    /// The state clock's time (Unix seconds).
    pub fn state_now(&self) -> u64 {
        self.core.state_now()
    }

    /// Empties every family's state (accounts included), stubs, faults, request counts and
    /// the request log, and takes back clock advances. The nonce cache is kept. The callback
    /// deliveries log is emptied and queued deliveries dropped, but the callback URL stays
    /// (it is configuration, like the console's setting).
    pub fn reset(&self) {
        self.core.reset();
    }

    /// Replaces the online sessions of `accid` (what the online-status queries answer and
    /// v2 kickAccount ends). Returns `false` if there is no such account.
    ///
    /// ```
    /// use nim_emulator::Session;
    ///
    /// # #[tokio::main] async fn main() -> std::io::Result<()> {
    /// let emu = nim_emulator::Emulator::start("key", "secret").await?;
    /// emu.insert_account("alice", None);
    /// assert!(emu.set_sessions("alice", vec![Session::new(1, "phone", 1_700_000_000_000)]));
    /// assert_eq!(emu.account("alice").unwrap().sessions.len(), 1);
    /// # Ok(()) }
    /// ```
    pub fn set_sessions(&self, accid: &str, sessions: Vec<Session>) -> bool {
        match lock(&self.core.accounts).find_mut(accid) {
            Some(account) => {
                account.sessions = sessions;
                true
            }
            None => false,
        }
    }
}
