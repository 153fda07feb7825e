//! The handle a test holds: start, address, shutdown, and the inspection API.

use std::fmt;
use std::io;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use nim_core::{Clock, Credentials, SystemClock};
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::callbacks::{Signer, worker};
use crate::core::Core;
use crate::log::DEFAULT_CAPACITY;
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
    pub(crate) core: Arc<Core>,
    local_addr: SocketAddr,
    base_url: String,
    stop: watch::Sender<bool>,
    task: Option<JoinHandle<()>>,
    /// The callback worker, stopped by the same signal.
    worker: Option<JoinHandle<()>>,
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
            state_clock: None,
            request_log: DEFAULT_CAPACITY,
            addr: SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 0),
            server: ServerConfig::default(),
            callback_url: None,
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

    /// The emulator's current time (Unix seconds) by the clock that checks CurTime.
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
        if let Some(worker) = self.worker.take() {
            let _ = worker.await;
        }
    }

    /// Answers one request in-process, exactly as the HTTP server would but without any
    /// I/O: counting, faults, authentication, the nonce cache, stubs, the log and the
    /// handlers all apply. `path` is the URL path (`/nimserver/user/create.action`), with a
    /// query if any (`/nimserver/im/v2/accounts?account_ids=a,b`); admin routes
    /// (`/_emulator/...`) answer too; header names match
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
    state_clock: Option<Arc<dyn Clock>>,
    request_log: usize,
    addr: SocketAddr,
    server: ServerConfig,
    callback_url: Option<String>,
}

impl EmulatorBuilder {
    /// The clock the emulator checks `CurTime` and expires nonces against (default: the
    /// system clock). Pass a [`ManualClock`](crate::ManualClock) clone to move time in a test.
    /// Unless [`state_clock`](EmulatorBuilder::state_clock) is also set, state reads this
    /// clock too.
    pub fn clock(mut self, clock: impl Clock) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// The clock state depends on (login times, creation times, mutes and expiries),
    /// separately from the one that checks CurTime: moving it never breaks signatures.
    /// Default: the [`clock`](EmulatorBuilder::clock). Either way,
    /// [`Emulator::advance_clock`](crate::Emulator::advance_clock) moves only state time.
    ///
    /// ```
    /// use nim_emulator::{Emulator, ManualClock};
    ///
    /// # #[tokio::main] async fn main() -> std::io::Result<()> {
    /// let state = ManualClock::new(1_700_000_000);
    /// let emu = Emulator::builder("key", "secret").state_clock(state.clone()).start().await?;
    /// state.advance(86_400); // a day later for state; CurTime is still checked in real time
    /// assert_eq!(emu.state_now(), 1_700_086_400);
    /// # Ok(()) }
    /// ```
    pub fn state_clock(mut self, clock: impl Clock) -> Self {
        self.state_clock = Some(Arc::new(clock));
        self
    }

    /// How many API requests the request log keeps, the oldest forgotten first (default
    /// 100,000; 0 keeps none).
    pub fn request_log(mut self, capacity: usize) -> Self {
        self.request_log = capacity;
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

    /// Where the emulator POSTs callbacks (message copies, recalls, logins...): a plain
    /// `http://` URL, e.g. your receiver on `http://127.0.0.1:PORT/nim/copy`. An `https://`
    /// URL or one that does not parse makes [`start`](EmulatorBuilder::start) fail with
    /// [`io::ErrorKind::InvalidInput`]. Default: none, so no callbacks are sent. Change it
    /// later with [`Emulator::set_callback_url`].
    ///
    /// ```
    /// # #[tokio::main] async fn main() -> std::io::Result<()> {
    /// let emu = nim_emulator::Emulator::builder("key", "secret")
    ///     .callback_url("http://127.0.0.1:9/nim/copy")
    ///     .start()
    ///     .await?;
    /// assert_eq!(emu.callback_url().as_deref(), Some("http://127.0.0.1:9/nim/copy"));
    /// # Ok(()) }
    /// ```
    pub fn callback_url(mut self, url: impl Into<String>) -> Self {
        self.callback_url = Some(url.into());
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
        let state_clock = self.state_clock.unwrap_or_else(|| Arc::clone(&self.clock));
        // Callbacks are signed by the clock that checks CurTime: the same time base.
        let signer = Signer::new(self.credentials.clone(), Arc::clone(&self.clock));
        let core = Arc::new(Core::new(
            self.credentials,
            self.clock,
            state_clock,
            self.request_log,
        ));
        core.callbacks.set_url(self.callback_url.as_deref())?;
        let (stop, stopped) = watch::channel(false);
        let worker = tokio::spawn(worker::run(
            Arc::clone(&core.callbacks),
            signer,
            stopped.clone(),
        ));
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
            worker: Some(worker),
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
            .field("request_log", &self.request_log)
            .field("callback_url", &self.callback_url)
            .finish_non_exhaustive()
    }
}
