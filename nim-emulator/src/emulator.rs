//! The handle a test holds: start, address, shutdown, and the inspection API.

use std::collections::BTreeMap;
use std::fmt;
use std::io;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use nim_core::{Clock, Credentials, SystemClock};
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::accounts::Account;
use crate::actions::new_token;
use crate::core::Core;
use crate::faults::Fault;
use crate::lock;
use crate::reply::Reply;
use crate::server::{self, ServerConfig};

/// A running emulator: an HTTP server on a local port plus the state behind it.
///
/// Each instance has its own accounts, nonce cache, counters and fault queue, so tests
/// running in parallel do not see each other. Dropping the handle stops the server (without
/// waiting); [`shutdown`](Emulator::shutdown) stops it and waits.
///
/// ```
/// use nim_emulator::Emulator;
///
/// #[tokio::main]
/// async fn main() -> std::io::Result<()> {
///     let emu = Emulator::start("my-app-key", "my-app-secret").await?;
///     assert!(emu.base_url().starts_with("http://127.0.0.1:"));
///     assert!(emu.base_url().ends_with("/nimserver"));
///     emu.shutdown().await;
///     Ok(())
/// }
/// ```
pub struct Emulator {
    core: Arc<Core>,
    local_addr: SocketAddr,
    base_url: String,
    stop: watch::Sender<bool>,
    task: Option<JoinHandle<()>>,
}

impl Emulator {
    /// Starts an emulator for `app_key`/`app_secret` on 127.0.0.1 on a free port, with the
    /// system clock. Must be called inside a Tokio runtime.
    pub async fn start(
        app_key: impl Into<String>,
        app_secret: impl Into<String>,
    ) -> io::Result<Emulator> {
        Emulator::builder(app_key, app_secret).start().await
    }

    /// A builder, to choose the clock, host, port or server limits before starting.
    ///
    /// ```
    /// use nim_emulator::{Emulator, ManualClock};
    ///
    /// # #[tokio::main] async fn main() -> std::io::Result<()> {
    /// let clock = ManualClock::new(1_700_000_000);
    /// let emu = Emulator::builder("key", "secret").clock(clock.clone()).start().await?;
    /// clock.advance(60); // the emulator now reads 1_700_000_060
    /// # Ok(()) }
    /// ```
    pub fn builder(app_key: impl Into<String>, app_secret: impl Into<String>) -> EmulatorBuilder {
        EmulatorBuilder {
            credentials: Credentials::new(app_key, app_secret),
            clock: Arc::new(SystemClock),
            addr: SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 0),
            server: ServerConfig::default(),
        }
    }

    /// The base URL to give a client, e.g. `http://127.0.0.1:38617/nimserver` (no trailing
    /// slash; actions live below it, e.g. `/nimserver/user/create.action`).
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The address the server listens on.
    pub fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }

    /// The AppKey the emulator accepts.
    pub fn app_key(&self) -> &str {
        self.core.app_key()
    }

    /// The emulator's current time (Unix seconds), from its clock.
    pub fn now_unix(&self) -> u64 {
        self.core.now()
    }

    /// Stops accepting connections, lets requests in flight finish (delayed answers are
    /// cut short and their connections closed; anything else gets at most 5 s), and waits
    /// until the server has stopped.
    pub async fn shutdown(mut self) {
        self.stop.send_replace(true);
        if let Some(task) = self.task.take() {
            // A panic in the server task would be a bug; the emulator is stopped either way.
            let _ = task.await;
        }
    }

    /// Answers one request in-process, exactly as the HTTP server would but without any
    /// I/O: counting, faults, authentication, the nonce cache and the actions all apply.
    /// `path` is the URL path (`/nimserver/user/create.action`); header names match
    /// case-insensitively. A delay or dropped connection is reported in the [`Reply`], not
    /// carried out.
    ///
    /// ```
    /// use nim_emulator::Emulator;
    ///
    /// # #[tokio::main] async fn main() -> std::io::Result<()> {
    /// let emu = Emulator::start("key", "secret").await?;
    /// let now = emu.now_unix();
    /// let sum = nim_core::checksum("secret", "nonce-1", now);
    /// let reply = emu.handle(
    ///     "POST",
    ///     "/nimserver/user/create.action",
    ///     &[
    ///         ("AppKey", "key"),
    ///         ("Nonce", "nonce-1"),
    ///         ("CurTime", &now.to_string()),
    ///         ("CheckSum", &sum),
    ///         ("Content-Type", "application/x-www-form-urlencoded;charset=utf-8"),
    ///     ],
    ///     b"accid=ZhangSan",
    /// );
    /// assert_eq!(reply.code(), Some(200));
    /// assert!(emu.account("zhangsan").is_some());
    /// # Ok(()) }
    /// ```
    pub fn handle(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
        self.core.handle(method, path, headers, Ok(body))
    }

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
        let account = Account::new(accid.to_ascii_lowercase(), token);
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
}

impl Drop for Emulator {
    fn drop(&mut self) {
        // Signals the server task, which stops on its own; Drop cannot wait for it.
        self.stop.send_replace(true);
    }
}

impl fmt::Debug for Emulator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Emulator")
            .field("base_url", &self.base_url)
            .field("app_key", &self.app_key())
            .finish_non_exhaustive()
    }
}

/// Configures an [`Emulator`] before it starts; made by [`Emulator::builder`].
pub struct EmulatorBuilder {
    credentials: Credentials,
    clock: Arc<dyn Clock>,
    addr: SocketAddr,
    server: ServerConfig,
}

impl EmulatorBuilder {
    /// The clock the emulator checks `CurTime` and expires nonces against (default: the
    /// system clock). Pass a [`ManualClock`](crate::ManualClock) clone to move time in a test.
    pub fn clock(mut self, clock: impl Clock) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// The address to listen on (default 127.0.0.1).
    pub fn host(mut self, host: IpAddr) -> Self {
        self.addr.set_ip(host);
        self
    }

    /// The port to listen on (default 0: a free port chosen by the OS).
    pub fn port(mut self, port: u16) -> Self {
        self.addr.set_port(port);
        self
    }

    /// How long a request's body may take to arrive, once its headers have (default 10 s).
    /// A request whose body is late is answered `{"code":414,"desc":"request body ..."}`
    /// (HTTP 200) and its connection is closed, so a client that declares more bytes than it
    /// sends cannot hold a connection forever.
    ///
    /// ```
    /// use std::time::Duration;
    ///
    /// # #[tokio::main] async fn main() -> std::io::Result<()> {
    /// let emu = nim_emulator::Emulator::builder("key", "secret")
    ///     .body_timeout(Duration::from_millis(200))
    ///     .start()
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub fn body_timeout(mut self, timeout: Duration) -> Self {
        self.server.body_timeout = timeout;
        self
    }

    /// How many connections are served at once (default 1,024; 0 counts as 1). While that
    /// many are open, new connections wait in the operating system's accept queue and are
    /// served as soon as one closes.
    pub fn max_connections(mut self, max: usize) -> Self {
        self.server.max_connections = max;
        self
    }

    /// Binds the address and starts serving. Must be called inside a Tokio runtime.
    pub async fn start(self) -> io::Result<Emulator> {
        if tokio::runtime::Handle::try_current().is_err() {
            return Err(io::Error::other(
                "nim-emulator must be started inside a Tokio runtime",
            ));
        }
        let listener = TcpListener::bind(self.addr).await?;
        let local_addr = listener.local_addr()?;
        let core = Arc::new(Core::new(self.credentials, self.clock));
        let (stop, stopped) = watch::channel(false);
        let task = tokio::spawn(server::serve(
            listener,
            Arc::clone(&core),
            stopped,
            self.server,
        ));
        Ok(Emulator {
            core,
            local_addr,
            // SocketAddr's Display brackets IPv6 hosts, as a URL needs.
            base_url: format!("http://{local_addr}/nimserver"),
            stop,
            task: Some(task),
        })
    }
}

impl fmt::Debug for EmulatorBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EmulatorBuilder")
            .field("credentials", &self.credentials)
            .field("addr", &self.addr)
            .field("body_timeout", &self.server.body_timeout)
            .field("max_connections", &self.server.max_connections)
            .finish_non_exhaustive()
    }
}
