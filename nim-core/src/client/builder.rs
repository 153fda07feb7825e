//! Configuring a [`Client`].

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};
use url::{Host, Url};

use super::rate_limit::{ActionLimiters, RateLimiter};
use super::{Client, Inner, Region, RetryPolicy};
use crate::credentials::Credentials;
use crate::decode::MAX_BODY_BYTES;
use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::rate::RateLimit;
use crate::sign::{Clock, NonceSource, Signer};

/// Environment variable holding the AppKey, read by [`Client::from_env`].
pub const ENV_APP_KEY: &str = "NIM_APP_KEY";
/// Environment variable holding the AppSecret, read by [`Client::from_env`].
pub const ENV_APP_SECRET: &str = "NIM_APP_SECRET";
/// Optional environment variable overriding the base URL, read by [`Client::from_env`].
pub const ENV_BASE_URL: &str = "NIM_BASE_URL";
/// Optional environment variable choosing the region (`china`/`cn`, `singapore`/`sg`).
pub const ENV_REGION: &str = "NIM_REGION";

/// Builds a [`Client`]. Obtain one with [`Client::builder`].
///
/// ```
/// # extern crate nim_core as nim_api;
/// use std::time::Duration;
/// use nim_api::{Client, Region};
///
/// let client = Client::builder()
///     .app_key("my-app-key")
///     .app_secret("my-app-secret")
///     .region(Region::Singapore)
///     .timeout(Duration::from_secs(5))
///     .build()?;
/// assert_eq!(client.base_url(), "https://api-sg.yunxinapi.com/nimserver");
/// # Ok::<(), nim_api::Error>(())
/// ```
#[must_use]
pub struct ClientBuilder {
    app_key: Option<String>,
    app_secret: Option<SecretString>,
    region: Region,
    base_url: Option<String>,
    backup_base_url: Option<String>,
    retry: RetryPolicy,
    rate_limit: Option<u32>,
    action_limits: std::collections::HashMap<&'static str, RateLimit>,
    connect_timeout: Duration,
    timeout: Duration,
    proxy: Option<String>,
    allow_insecure_http: bool,
    max_body_bytes: usize,
    clock: Option<Arc<dyn Clock>>,
    nonces: Option<Arc<dyn NonceSource>>,
}

impl Default for ClientBuilder {
    fn default() -> Self {
        ClientBuilder {
            app_key: None,
            app_secret: None,
            region: Region::default(),
            base_url: None,
            backup_base_url: None,
            retry: RetryPolicy::default(),
            rate_limit: None,
            action_limits: std::collections::HashMap::new(),
            connect_timeout: ClientBuilder::DEFAULT_CONNECT_TIMEOUT,
            timeout: ClientBuilder::DEFAULT_TIMEOUT,
            proxy: None,
            allow_insecure_http: false,
            max_body_bytes: MAX_BODY_BYTES,
            clock: None,
            nonces: None,
        }
    }
}

impl ClientBuilder {
    /// Default time allowed to establish a connection: 5 s.
    pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
    /// Default time allowed for a whole request, answer included: 10 s.
    pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

    /// A builder with the defaults: region China, 5 s connect and 10 s request timeouts.
    pub fn new() -> Self {
        ClientBuilder::default()
    }

    /// Fills key, secret, base URL and region from `NIM_APP_KEY`, `NIM_APP_SECRET` and the
    /// optional `NIM_BASE_URL` and `NIM_REGION`, keeping the rest of this builder.
    pub fn from_env(mut self) -> Result<Self, Error> {
        let required = |name: &str| match std::env::var(name) {
            Ok(v) if !v.trim().is_empty() => Ok(v),
            _ => Err(Error::config(format!(
                "environment variable {name} is not set"
            ))),
        };
        self.app_key = Some(required(ENV_APP_KEY)?);
        self.app_secret = Some(SecretString::from(required(ENV_APP_SECRET)?));
        if let Ok(url) = std::env::var(ENV_BASE_URL)
            && !url.trim().is_empty()
        {
            self.base_url = Some(url);
        }
        if let Ok(region) = std::env::var(ENV_REGION)
            && !region.trim().is_empty()
        {
            self.region = region.parse()?;
        }
        Ok(self)
    }

    /// The application's `AppKey`.
    pub fn app_key(mut self, app_key: impl Into<String>) -> Self {
        self.app_key = Some(app_key.into());
        self
    }

    /// The application's `AppSecret`. Kept in a secret type; never logged or printed.
    pub fn app_secret(mut self, app_secret: impl Into<String>) -> Self {
        self.app_secret = Some(SecretString::from(app_secret.into()));
        self
    }

    /// Key and secret at once.
    pub fn credentials(mut self, credentials: &Credentials) -> Self {
        self.app_key = Some(credentials.app_key().to_owned());
        self.app_secret = Some(credentials.secret_clone());
        self
    }

    /// The region whose hosts to use (default [`Region::China`]); ignored when a
    /// [`base_url`](Self::base_url) is set.
    pub fn region(mut self, region: Region) -> Self {
        self.region = region;
        self
    }

    /// A custom base URL, e.g. `http://127.0.0.1:8080/nimserver` for the emulator. Must be
    /// `https`, except for loopback hosts or after
    /// [`allow_insecure_http`](Self::allow_insecure_http).
    pub fn base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = Some(base_url.into());
        self
    }

    /// A second base URL to fail over to when the primary cannot be reached. Regions set
    /// theirs; use this with a custom [`base_url`](Self::base_url).
    pub fn backup_base_url(mut self, base_url: impl Into<String>) -> Self {
        self.backup_base_url = Some(base_url.into());
        self
    }

    /// How failed attempts are retried (default: [`RetryPolicy::default`]).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Limits this client (and its clones) to `per_second` calls per second, so a bulk job
    /// stays under the request rate of the app's plan instead of collecting 416 answers.
    /// Calls over the limit wait their turn; up to one second's worth may go at once after an
    /// idle period. Off by default; `build()` refuses 0.
    ///
    /// With the limiter on, each action with a stricter documented limit
    /// ([`Endpoint::RATE_LIMIT`](crate::Endpoint::RATE_LIMIT), e.g. batch sends 120 per
    /// minute, broadcasts 10 per minute) is also kept under it, up to one period's worth at
    /// once; [`action_rate_limit`](Self::action_rate_limit) changes an action's limit.
    pub fn rate_limit(mut self, per_second: u32) -> Self {
        self.rate_limit = Some(per_second);
        self
    }

    /// Sets the limit of the action `E` (when the console raised it, say), in place of its
    /// documented one. Applies while [`rate_limit`](Self::rate_limit) is on.
    ///
    /// ```
    /// # extern crate nim_core as nim_api;
    /// # use nim_api::{Endpoint, NoContent, ValidationError};
    /// # struct SendBatchMsg;
    /// # impl Endpoint for SendBatchMsg {
    /// #     const PATH: &'static str = "msg/sendBatchMsg.action";
    /// #     type Response = NoContent;
    /// #     fn validate(&self) -> Result<(), ValidationError> { Ok(()) }
    /// # }
    /// use nim_api::{Client, RateLimit};
    ///
    /// // The console raised this app's batch-send limit from 120 to 600 a minute.
    /// let client = Client::builder()
    ///     .app_key("app-key")
    ///     .app_secret("app-secret")
    ///     .rate_limit(100)
    ///     .action_rate_limit::<SendBatchMsg>(RateLimit::per_minute(600))
    ///     .build()?;
    /// # Ok::<(), nim_api::Error>(())
    /// ```
    pub fn action_rate_limit<E: Endpoint>(mut self, limit: RateLimit) -> Self {
        self.action_limits.insert(E::PATH, limit);
        self
    }

    /// Time allowed to establish a connection (default 5 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Time allowed for a whole request, answer included (default 10 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Sends every request through this proxy (an `http://` or `https://` URL). Without it,
    /// the `HTTP_PROXY`/`HTTPS_PROXY`/`NO_PROXY` environment variables apply, except for
    /// loopback base URLs, which are always reached directly.
    pub fn proxy(mut self, proxy_url: impl Into<String>) -> Self {
        self.proxy = Some(proxy_url.into());
        self
    }

    /// Allows a plain `http` base URL on a non-loopback host. The AppKey, CheckSum and request
    /// bodies (tokens included) then cross the network in clear text: use it only inside a
    /// trusted network, e.g. behind a TLS-terminating egress proxy.
    pub fn allow_insecure_http(mut self) -> Self {
        self.allow_insecure_http = true;
        self
    }

    /// The most bytes of an answer read before giving up (default 1 MiB).
    pub fn max_response_bytes(mut self, bytes: usize) -> Self {
        self.max_body_bytes = bytes;
        self
    }

    /// Replaces the clock used for `CurTime` (tests, simulated skew).
    pub fn clock(mut self, clock: impl Clock) -> Self {
        self.clock = Some(Arc::new(clock));
        self
    }

    /// Replaces the nonce source (tests only: nonces must never repeat).
    pub fn nonce_source(mut self, nonces: impl NonceSource) -> Self {
        self.nonces = Some(Arc::new(nonces));
        self
    }

    /// Builds the client: checks the configuration and creates the connection pool.
    pub fn build(self) -> Result<Client, Error> {
        let app_key = self
            .app_key
            .filter(|k| !k.trim().is_empty())
            .ok_or_else(|| Error::config("app_key is not set"))?;
        if reqwest::header::HeaderValue::from_str(&app_key).is_err() {
            return Err(Error::config(
                "app_key contains characters an HTTP header cannot carry",
            ));
        }
        if self.rate_limit == Some(0) {
            return Err(Error::config(
                "rate_limit must be at least 1 call per second",
            ));
        }
        let app_secret = self
            .app_secret
            .filter(|s| !s.expose_secret().is_empty())
            .ok_or_else(|| Error::config("app_secret is not set"))?;
        let (base_url, region_backup) = match &self.base_url {
            Some(url) => (check_base_url(url, self.allow_insecure_http)?, None),
            None => (
                self.region.base_url().to_owned(),
                Some(self.region.backup_base_url().to_owned()),
            ),
        };
        let backup_url = match &self.backup_base_url {
            Some(url) => Some(check_base_url(url, self.allow_insecure_http)?),
            None => region_backup,
        };

        // reqwest is built without a default TLS provider (see Cargo.toml); install ring once.
        // An error only means a provider is already installed, which is what we want.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let mut http = reqwest::Client::builder()
            .connect_timeout(self.connect_timeout)
            .timeout(self.timeout)
            .user_agent(concat!("nim-rs/", env!("CARGO_PKG_VERSION")))
            .pool_idle_timeout(Duration::from_secs(60));
        if let Some(proxy) = &self.proxy {
            let scheme_ok = Url::parse(proxy)
                .is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.has_host());
            if !scheme_ok {
                return Err(Error::config(
                    "proxy must be an http:// or https:// URL with a host",
                ));
            }
            let proxy = reqwest::Proxy::all(proxy.as_str())
                .map_err(|e| Error::config(format!("invalid proxy URL: {}", e.without_url())))?;
            http = http.proxy(proxy);
        } else if is_loopback_url(&base_url) && backup_url.as_deref().is_none_or(is_loopback_url) {
            // A local emulator must not be reached through a proxy from the environment.
            http = http.no_proxy();
        }
        let http = http
            .build()
            .map_err(|e| Error::config(format!("cannot build the HTTP client: {e}")))?;

        let mut signer = Signer::new(Credentials::from_secret(app_key, app_secret));
        if let Some(clock) = self.clock {
            signer = signer.with_shared_clock(clock);
        }
        if let Some(nonces) = self.nonces {
            signer = signer.with_shared_nonce_source(nonces);
        }
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                base_url,
                backup_url,
                signer,
                max_body_bytes: self.max_body_bytes,
                retry: self.retry,
                limiter: self
                    .rate_limit
                    .map(|n| RateLimiter::new(RateLimit::per_second(n))),
                action_limiters: ActionLimiters::new(self.action_limits),
                clock_offset: std::sync::atomic::AtomicI64::new(0),
                on_backup_since: std::sync::atomic::AtomicU64::new(0),
            }),
        })
    }
}

/// Checks a base URL: parseable, `https` (or `http` on loopback / with the opt-in), no query.
/// Returns it without a trailing slash.
fn check_base_url(raw: &str, allow_insecure_http: bool) -> Result<String, Error> {
    let url = Url::parse(raw.trim())
        .map_err(|e| Error::config(format!("base URL {raw:?} is not a URL: {e}")))?;
    match url.scheme() {
        "https" => {}
        "http" if allow_insecure_http || is_loopback(&url) => {}
        "http" => {
            return Err(Error::config(format!(
                "base URL {raw:?} uses plain http on a non-loopback host; use https, \
                 or call allow_insecure_http() to accept clear text"
            )));
        }
        other => {
            return Err(Error::config(format!(
                "base URL {raw:?} has scheme {other:?}; expected https"
            )));
        }
    }
    if url.query().is_some() || url.fragment().is_some() || url.cannot_be_a_base() {
        return Err(Error::config(format!(
            "base URL {raw:?} must be a plain URL like https://host/nimserver"
        )));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Error::config("base URL must not carry user credentials"));
    }
    Ok(url.as_str().trim_end_matches('/').to_owned())
}

/// Loopback IP literals and exactly `localhost` (which resolvers map to loopback; other
/// `*.localhost` names go through ordinary DNS and could resolve anywhere).
fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(Host::Ipv4(ip)) => ip.is_loopback(),
        Some(Host::Ipv6(ip)) => ip.is_loopback(),
        Some(Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

fn is_loopback_url(url: &str) -> bool {
    Url::parse(url).is_ok_and(|u| is_loopback(&u))
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("app_key", &self.app_key)
            .field(
                "app_secret",
                &self.app_secret.as_ref().map(|_| "[redacted]"),
            )
            .field("region", &self.region)
            .field("base_url", &self.base_url)
            .field("backup_base_url", &self.backup_base_url)
            .field("retry", &self.retry)
            .field("rate_limit", &self.rate_limit)
            .field("action_limits", &self.action_limits)
            .field("connect_timeout", &self.connect_timeout)
            .field("timeout", &self.timeout)
            .field("proxy", &self.proxy.as_ref().map(|_| "[set]"))
            .field("allow_insecure_http", &self.allow_insecure_http)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_rules() {
        assert!(check_base_url("http://example.com/nimserver", false).is_err());
        assert_eq!(
            check_base_url("http://example.com/nimserver/", true).unwrap(),
            "http://example.com/nimserver"
        );
        assert!(check_base_url("http://127.0.0.1:8080/nimserver", false).is_ok());
        assert!(check_base_url("http://127.8.0.1:8080/nimserver", false).is_ok());
        assert!(check_base_url("http://[::1]:8080/nimserver", false).is_ok());
        assert!(check_base_url("http://localhost:1/nimserver", false).is_ok());
        assert!(check_base_url("http://localhost.evil.com/nimserver", false).is_err());
        assert!(check_base_url("http://evil.localhost/nimserver", false).is_err());
        assert!(check_base_url("ftp://127.0.0.1/nimserver", false).is_err());
        assert!(check_base_url("https://u:p@host/nimserver", false).is_err());
        assert!(check_base_url("https://host/nimserver?x=1", false).is_err());
        assert!(check_base_url("not a url", false).is_err());
    }
}
