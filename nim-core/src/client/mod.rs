//! The async HTTP client: validate, encode, sign, send, decode.

mod builder;
mod options;
mod pager;
mod rate_limit;
mod region;
mod retry;
mod transport;

use std::fmt;
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::time::Duration;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

pub use builder::{ClientBuilder, ENV_APP_KEY, ENV_APP_SECRET, ENV_BASE_URL, ENV_REGION};
pub use options::{CallOptions, Called};
pub use pager::Pager;
pub use region::Region;
pub use retry::RetryPolicy;

use bytes::Bytes;
use tracing::Instrument;

use crate::decode;
use crate::dynamic::EncodedCall;
use crate::endpoint::{Encoded, Endpoint, Method};
use crate::error::{Error, ErrorKind};
use crate::paging::Paged;
use crate::rate::RateLimit;
use crate::sign::{
    HEADER_APP_KEY, HEADER_CHECK_SUM, HEADER_CUR_TIME, HEADER_NONCE, SignedHeaders, Signer,
};
use rate_limit::{ActionLimiters, RateLimiter};
use retry::{Verdict, verdict};

/// A client for the IM server API.
///
/// Cheap to clone: clones share one connection pool and configuration. Build one per
/// application and pass it around.
///
/// ```no_run
/// # extern crate nim_core as nim_api;
/// use nim_api::Client;
///
/// # async fn run() -> Result<(), nim_api::Error> {
/// let client = Client::from_env()?; // NIM_APP_KEY, NIM_APP_SECRET, optional NIM_BASE_URL
/// # let _ = client; Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    base_url: String,
    backup_url: Option<String>,
    signer: Signer,
    max_body_bytes: usize,
    retry: RetryPolicy,
    limiter: Option<RateLimiter>,
    /// Each action's own limiter, used while `limiter` is on.
    action_limiters: ActionLimiters,
    /// Seconds to add to the local clock when signing, learnt from a `CurTime is expired`
    /// answer's `Date` header.
    clock_offset: AtomicI64,
    /// When (Unix seconds) calls moved to the backup host because the primary could not be
    /// reached; 0 while the primary is in use.
    on_backup_since: AtomicU64,
}

/// How long calls stay on the backup host before trying the primary again.
const PRIMARY_RETRY_AFTER: Duration = Duration::from_secs(60);

/// A request ready to send: what [`Client::call`] puts on the wire. Useful to send it with
/// another HTTP stack, or to inspect it in tests.
///
/// Its `Debug` shows the body's length only: a body can carry a token.
#[derive(Clone)]
pub struct PreparedRequest {
    /// The HTTP method.
    pub method: Method,
    /// The full URL: base URL + `/` + the endpoint's path (parameters substituted) and the
    /// query string, if any.
    pub url: String,
    /// The four authentication headers.
    pub headers: SignedHeaders,
    /// The trace header's name (`RequestId` or `X-custom-traceid`) and the call's id.
    pub trace: (&'static str, String),
    /// The body's `Content-Type`, when there is a body.
    pub content_type: Option<&'static str>,
    /// The body: form-urlencoded (v1), JSON (v2), or empty.
    pub body: String,
}

impl fmt::Debug for PreparedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PreparedRequest")
            .field("method", &self.method)
            .field("url", &self.url)
            .field("headers", &self.headers)
            .field("trace", &self.trace)
            .field("content_type", &self.content_type)
            .field("body_len", &self.body.len())
            .finish()
    }
}

/// What every attempt of one call sends: the encoded request and its trace id.
struct Outgoing {
    method: reqwest::Method,
    path: String,
    trace_header: &'static str,
    trace_id: String,
    content_type: Option<&'static str>,
    body: Bytes,
}

impl Outgoing {
    fn new(encoded: Encoded, trace_id: String) -> Outgoing {
        let (content_type, body) = match encoded.body {
            Some((content_type, body)) => (Some(content_type), Bytes::from(body)),
            None => (None, Bytes::new()),
        };
        Outgoing {
            method: http_method(encoded.method),
            path: encoded.path,
            trace_header: encoded.version.trace_header(),
            trace_id,
            content_type,
            body,
        }
    }
}

fn http_method(method: Method) -> reqwest::Method {
    match method {
        Method::Get => reqwest::Method::GET,
        Method::Post => reqwest::Method::POST,
        Method::Put => reqwest::Method::PUT,
        Method::Patch => reqwest::Method::PATCH,
        Method::Delete => reqwest::Method::DELETE,
    }
}

/// What the client needs to know about the action of a call, besides its encoded request.
#[derive(Clone, Copy)]
struct ActionMeta {
    /// The declared path (v2: the template): the key of the action's rate limiter.
    path: &'static str,
    /// The HTTP method, for the call's span.
    method: &'static str,
    idempotent: bool,
    rate_limit: Option<RateLimit>,
}

impl ActionMeta {
    fn of<E: Endpoint>() -> ActionMeta {
        ActionMeta {
            path: E::PATH,
            method: E::METHOD.as_str(),
            idempotent: E::IDEMPOTENT,
            rate_limit: E::RATE_LIMIT,
        }
    }
}

/// Turns an answer's body into the call's result.
type Decoder<R> = fn(&[u8]) -> Result<R, Error>;

/// The result of one attempt, with the server's clock when it answered.
struct Attempt<R> {
    result: Result<R, Error>,
    server_time: Option<SystemTime>,
}

impl Client {
    /// A builder for a client.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::new()
    }

    /// A client configured from the environment: `NIM_APP_KEY`, `NIM_APP_SECRET`, and the
    /// optional `NIM_BASE_URL` and `NIM_REGION`.
    pub fn from_env() -> Result<Client, Error> {
        ClientBuilder::new().from_env()?.build()
    }

    /// The base URL requests go to (without a trailing slash).
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// The base URL used when the primary cannot be reached, if any.
    pub fn backup_base_url(&self) -> Option<&str> {
        self.inner.backup_url.as_deref()
    }

    /// The AppKey this client signs with.
    pub fn app_key(&self) -> &str {
        self.inner.signer.credentials().app_key()
    }

    /// The correction, in seconds, applied to the local clock when signing: non-zero after
    /// the server reported `CurTime is expired` and its `Date` header showed the skew.
    pub fn clock_offset_secs(&self) -> i64 {
        self.inner.clock_offset.load(Ordering::Relaxed)
    }

    /// The retry policy.
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.inner.retry
    }

    /// Validates, encodes and signs `request` without sending it, with a fresh trace id.
    pub fn prepare<E: Endpoint>(&self, request: &E) -> Result<PreparedRequest, Error> {
        Ok(self.sign(request.encode()?))
    }

    /// Signs an already encoded call without sending it, with a fresh trace id: what
    /// [`call_encoded`](Self::call_encoded) would put on the wire first (a `--dry-run`).
    ///
    /// ```
    /// # extern crate nim_core as nim_api;
    /// use nim_api::dynamic::EncodedCall;
    /// use nim_api::{ApiVersion, Client, Encoded, Method};
    ///
    /// let client = Client::builder().app_key("k").app_secret("s")
    ///     .base_url("http://127.0.0.1:1/nimserver").build().unwrap();
    /// let encoded = Encoded {
    ///     method: Method::Get,
    ///     version: ApiVersion::V2,
    ///     path: "/im/v2/accounts/zhangsan".to_owned(),
    ///     body: None,
    /// };
    /// let prepared = client.prepare_encoded(&EncodedCall::new(encoded, "/im/v2/accounts/{account_id}", false, None));
    /// assert_eq!(prepared.url, "http://127.0.0.1:1/nimserver/im/v2/accounts/zhangsan");
    /// assert_eq!(prepared.trace.0, "X-custom-traceid");
    /// ```
    pub fn prepare_encoded(&self, call: &EncodedCall) -> PreparedRequest {
        self.sign(call.encoded.clone())
    }

    fn sign(&self, encoded: Encoded) -> PreparedRequest {
        let (content_type, body) = match encoded.body {
            Some((content_type, body)) => (Some(content_type), body),
            None => (None, String::new()),
        };
        PreparedRequest {
            method: encoded.method,
            url: endpoint_url(&self.inner.base_url, &encoded.path),
            headers: self.inner.signer.sign_with_offset(self.clock_offset_secs()),
            trace: (encoded.version.trace_header(), options::new_trace_id()),
            content_type,
            body,
        }
    }

    /// Sends `request` and returns its typed response.
    ///
    /// The request is validated and encoded at once; an invalid one resolves to
    /// [`ErrorKind::Validation`] and never reaches the network. Failed attempts are retried
    /// per the [`RetryPolicy`], each signed afresh (new nonce) but with the call's one trace
    /// id; an action that is not [idempotent](Endpoint::IDEMPOTENT) is only sent again when
    /// the failed attempt never reached the server. Every error carries the trace id
    /// ([`Error::trace_id`]).
    ///
    /// The future borrows neither the client nor the request, and is `Send`: it can be
    /// spawned as it is.
    pub fn call<E: Endpoint>(
        &self,
        request: &E,
    ) -> impl Future<Output = Result<E::Response, Error>> + Send + use<E> {
        let call = self.call_with(request, CallOptions::new());
        async move { call.await.map(|called| called.response) }
    }

    /// [`call`](Self::call) with per-call options (your own trace id), answering the
    /// response together with the trace id it was sent with and the attempts it took.
    ///
    /// ```no_run
    /// # extern crate nim_core as nim_api;
    /// use nim_api::{CallOptions, Client};
    /// # async fn run<E: nim_api::Endpoint>(client: Client, request: E) -> Result<(), nim_api::Error> {
    /// let called = client
    ///     .call_with(&request, CallOptions::new().trace_id("0123456789abcdef0123456789abcdef"))
    ///     .await?;
    /// println!("done in {} attempt(s), trace id {}", called.attempts, called.trace_id);
    /// # Ok(()) }
    /// ```
    pub fn call_with<E: Endpoint>(
        &self,
        request: &E,
        options: CallOptions,
    ) -> impl Future<Output = Result<Called<E::Response>, Error>> + Send + use<E> {
        let prepared = options.into_trace_id().and_then(|trace_id| {
            request
                .encode()
                .map(|encoded| Outgoing::new(encoded, trace_id.clone()))
                .map_err(|e| Error::from(e).with_trace_id(&trace_id))
        });
        self.send(prepared, ActionMeta::of::<E>(), decode::decode::<E>)
    }

    /// Sends a call encoded beforehand, typically an action read by name from JSON
    /// parameters (`nim_api::ActionInfo::call` builds one), and returns the answer as JSON:
    /// the whole answer object once its code is 200 and its response fits the action's type.
    ///
    /// Everything else is [`call`](Self::call)'s: signing, the trace id, retries (only when
    /// [`EncodedCall::is_idempotent`] or the attempt provably never reached the server), rate
    /// limits, errors.
    ///
    /// ```no_run
    /// # extern crate nim_core as nim_api;
    /// use nim_api::dynamic::EncodedCall;
    /// # async fn run<E: nim_api::Endpoint>(client: nim_api::Client, request: E) -> Result<(), nim_api::Error> {
    /// let answer: serde_json::Value = client.call_encoded(EncodedCall::of(&request)?).await?;
    /// println!("{answer}");
    /// # Ok(()) }
    /// ```
    pub fn call_encoded(
        &self,
        call: EncodedCall,
    ) -> impl Future<Output = Result<serde_json::Value, Error>> + Send + use<> {
        let call = self.call_encoded_with(call, CallOptions::new());
        async move { call.await.map(|called| called.response) }
    }

    /// [`call_encoded`](Self::call_encoded) with per-call options, answering the trace id and
    /// the attempts too.
    ///
    /// ```no_run
    /// # extern crate nim_core as nim_api;
    /// use nim_api::CallOptions;
    /// use nim_api::dynamic::EncodedCall;
    /// # async fn run(client: nim_api::Client, call: EncodedCall) -> Result<(), nim_api::Error> {
    /// let called = client.call_encoded_with(call, CallOptions::new()).await?;
    /// println!("{} after {} attempt(s), trace id {}", called.response, called.attempts, called.trace_id);
    /// # Ok(()) }
    /// ```
    pub fn call_encoded_with(
        &self,
        call: EncodedCall,
        options: CallOptions,
    ) -> impl Future<Output = Result<Called<serde_json::Value>, Error>> + Send + use<> {
        let meta = ActionMeta {
            path: call.action_path,
            method: call.encoded.method.as_str(),
            idempotent: call.idempotent,
            rate_limit: call.rate_limit,
        };
        let check = call.check;
        let encoded = call.encoded;
        let prepared = options
            .into_trace_id()
            .map(|trace_id| Outgoing::new(encoded, trace_id));
        self.send(prepared, meta, check)
    }

    /// The one way every call is sent: in a span, attempt after attempt.
    fn send<R: Send + 'static>(
        &self,
        prepared: Result<Outgoing, Error>,
        meta: ActionMeta,
        decode: Decoder<R>,
    ) -> impl Future<Output = Result<Called<R>, Error>> + Send + use<R> {
        let client = self.clone();
        let span = tracing::info_span!(
            "nim_call",
            path = meta.path,
            method = meta.method,
            trace_id = tracing::field::Empty,
            attempts = tracing::field::Empty,
            code = tracing::field::Empty,
            latency_ms = tracing::field::Empty,
        );
        async move {
            let outgoing = prepared?;
            tracing::Span::current().record("trace_id", outgoing.trace_id.as_str());
            client.run(outgoing, meta, decode).await
        }
        .instrument(span)
    }

    /// Every page of a list action, one call per page: the pager sends `request`, then
    /// again with each answer's next-page token until an answer says it is the last.
    ///
    /// ```no_run
    /// # extern crate nim_core as nim_api;
    /// # async fn run<E: nim_api::Paged + Clone + Send + 'static>(client: nim_api::Client, request: E) -> Result<(), nim_api::Error> {
    /// let mut pages = client.pages(request);
    /// while let Some(page) = pages.next().await {
    ///     let page = page?;
    ///     # let _ = page;
    /// }
    /// # Ok(()) }
    /// ```
    pub fn pages<E: Paged>(&self, request: E) -> Pager<E> {
        Pager::new(self.clone(), request)
    }

    /// Whether calls currently start on the backup host.
    fn starts_on_backup(&self) -> bool {
        let since = self.inner.on_backup_since.load(Ordering::Relaxed);
        self.inner.backup_url.is_some()
            && since != 0
            && now_secs().saturating_sub(since) < PRIMARY_RETRY_AFTER.as_secs()
    }

    /// Remembers which host answered, so the next calls start there.
    fn remember_host(&self, on_backup: bool) {
        if self.inner.backup_url.is_none() {
            return;
        }
        let since = &self.inner.on_backup_since;
        if !on_backup {
            since.store(0, Ordering::Relaxed);
        } else if since.load(Ordering::Relaxed) == 0 {
            since.store(now_secs().max(1), Ordering::Relaxed);
        }
    }

    async fn run<R>(
        &self,
        outgoing: Outgoing,
        meta: ActionMeta,
        decode: Decoder<R>,
    ) -> Result<Called<R>, Error> {
        let inner = &*self.inner;
        let started = Instant::now();
        let mut attempts: u32 = 0;
        let mut on_backup = self.starts_on_backup();
        let mut skew_corrected = false;
        let result = loop {
            attempts += 1;
            if let Some(limiter) = &inner.limiter {
                if let Some(action) = inner.action_limiters.get(meta.path, meta.rate_limit) {
                    action.acquire().await;
                }
                limiter.acquire().await;
            }
            let base = match (&inner.backup_url, on_backup) {
                (Some(backup), true) => backup.as_str(),
                _ => inner.base_url.as_str(),
            };
            let attempt_started = Instant::now();
            let headers = inner.signer.sign_with_offset(self.clock_offset_secs());
            let Attempt {
                result,
                server_time,
            } = self
                .attempt(
                    endpoint_url(base, &outgoing.path),
                    headers,
                    &outgoing,
                    decode,
                )
                .await;
            tracing::debug!(
                attempt = attempts,
                backup = on_backup,
                code = result
                    .as_ref()
                    .err()
                    .and_then(Error::api_code)
                    .unwrap_or(200),
                outcome = result.as_ref().err().map_or("ok", |e| e.kind().name()),
                latency_ms = attempt_started.elapsed().as_millis() as u64,
                "nim attempt"
            );
            let err = match result {
                Ok(response) => {
                    self.remember_host(on_backup);
                    break Ok(response);
                }
                // The host answered, even if with an error: it is reachable.
                Err(err) if !err.is_connect() => {
                    self.remember_host(on_backup);
                    err
                }
                Err(err) => err,
            };
            // The server refused the signature's time, so it did nothing: correct the clock
            // from its Date header and sign again, once, whatever the action.
            if err.is_curtime_expired()
                && !skew_corrected
                && let Some(offset) = server_time.and_then(|t| self.skew_from(t))
            {
                skew_corrected = true;
                inner.clock_offset.store(offset, Ordering::Relaxed);
                tracing::warn!(
                    offset_secs = offset,
                    "local clock differs from the server's; signing with the corrected time"
                );
                continue;
            }
            if attempts >= inner.retry.attempts() || verdict(&err, meta.idempotent) == Verdict::Stop
            {
                break Err(err);
            }
            let wait = inner.retry.wait_before(attempts);
            if started.elapsed().saturating_add(wait) > inner.retry.overall_deadline() {
                break Err(err);
            }
            // A host that cannot be reached: try the region's other host next.
            if err.is_connect() && inner.backup_url.is_some() {
                on_backup = !on_backup;
            }
            tokio::time::sleep(wait).await;
        };
        let span = tracing::Span::current();
        span.record("attempts", attempts);
        span.record(
            "code",
            result
                .as_ref()
                .err()
                .and_then(Error::api_code)
                .unwrap_or(200),
        );
        span.record("latency_ms", started.elapsed().as_millis() as u64);
        let Outgoing { trace_id, .. } = outgoing;
        match result {
            Ok(response) => Ok(Called {
                response,
                trace_id,
                attempts,
            }),
            Err(err) => Err(err.with_trace_id(&trace_id)),
        }
    }

    /// The offset that makes the local clock agree with `server_time`, in whole seconds.
    fn skew_from(&self, server_time: SystemTime) -> Option<i64> {
        let server = server_time.duration_since(UNIX_EPOCH).ok()?.as_secs();
        let local = self.inner.signer.now_unix();
        let offset = i64::try_from(server).ok()? - i64::try_from(local).ok()?;
        (offset != 0).then_some(offset)
    }

    async fn attempt<R>(
        &self,
        url: String,
        headers: SignedHeaders,
        outgoing: &Outgoing,
        decode: Decoder<R>,
    ) -> Attempt<R> {
        let mut builder = self
            .inner
            .http
            .request(outgoing.method.clone(), url)
            .header(HEADER_APP_KEY, headers.app_key)
            .header(HEADER_NONCE, headers.nonce)
            .header(HEADER_CUR_TIME, headers.cur_time.to_string())
            .header(HEADER_CHECK_SUM, headers.check_sum)
            .header(outgoing.trace_header, outgoing.trace_id.as_str());
        if let Some(content_type) = outgoing.content_type {
            builder = builder
                .header(reqwest::header::CONTENT_TYPE, content_type)
                .body(outgoing.body.clone());
        }
        let sent = builder.send().await;
        let response = match sent {
            Ok(response) => response,
            Err(err) => {
                return Attempt {
                    result: Err(transport::classify(err)),
                    server_time: None,
                };
            }
        };
        let server_time = response
            .headers()
            .get(reqwest::header::DATE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| httpdate::parse_http_date(v).ok());
        let status = response.status();
        let result = match transport::read_bounded(response, self.inner.max_body_bytes).await {
            Err(err) => Err(err),
            Ok(bytes) if status != reqwest::StatusCode::OK => {
                Err(Error::new(ErrorKind::HttpStatus {
                    status: status.as_u16(),
                    snippet: crate::error::snippet(&bytes),
                }))
            }
            Ok(bytes) => decode(&bytes),
        };
        Attempt {
            result,
            server_time,
        }
    }
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

fn endpoint_url(base: &str, path: &str) -> String {
    let mut url = String::with_capacity(base.len() + path.len() + 1);
    url.push_str(base);
    url.push('/');
    url.push_str(path.trim_start_matches('/'));
    url
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base_url)
            .field("signer", &self.inner.signer)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_join_with_one_slash() {
        assert_eq!(
            endpoint_url("http://h/nimserver", "user/create.action"),
            "http://h/nimserver/user/create.action"
        );
        assert_eq!(
            endpoint_url("http://h/nimserver", "/user/create.action"),
            "http://h/nimserver/user/create.action"
        );
    }
}
