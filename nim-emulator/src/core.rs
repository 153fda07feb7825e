//! The request pipeline, without any I/O, written once for every family:
//! count → fault (gateway kinds answer here) → authentication and replay check → body limit →
//! stub → route → handler → fault (delivery kinds) → log.
//!
//! The signature is checked before routing, so an unsigned request to an unknown path gets
//! the authentication error, as on the real server. `/_emulator/...` admin requests skip all
//! of it (see [`admin`](crate::admin)).
//!
//! # Locks
//!
//! Every piece of state sits behind its own `Mutex`, taken for one short synchronous step.
//! The pipeline's own locks (stats, faults, nonces, stubs, log) are never held while a
//! handler runs, and never two at a time. A handler locks the state it borrowed (the shared
//! account store, or its family's own state), one at a time; a family needing two must take
//! the account store first. Handlers are synchronous, so no lock is ever held across an await.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use nim_core::{Clock, Code, Credentials};

use crate::accounts::Accounts;
use crate::auth::{self, Headers};
use crate::broadcasts::Broadcasts;
use crate::call::Call;
use crate::callbacks::Callbacks;
use crate::chatrooms::Chatrooms;
use crate::faults::{Fault, FaultQueue};
use crate::friends::Friends;
use crate::lock;
use crate::log::{RecordedRequest, RequestLog, bounded};
use crate::messages::Messages;
use crate::nonce_cache::NonceCache;
use crate::notifications::Notifications;
use crate::reply::{ApiError, Flavor, Reply};
use crate::router::{Lookup, Registry};
use crate::stats::Stats;
use crate::stubs::Stubs;
use crate::subscriptions::Subscriptions;
use crate::teams::Teams;

/// The largest request body read, in bytes. The longest valid create request is about
/// 3,600 characters, under 45 KiB even percent-encoded from 4-byte UTF-8.
pub(crate) const MAX_BODY_BYTES: usize = 256 * 1024;

/// Why a request's body could not be read; each is answered 414 with a desc naming the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BodyError {
    /// Longer than [`MAX_BODY_BYTES`].
    TooLarge,
    /// Not complete within the server's body timeout.
    TimedOut(Duration),
    /// The connection failed mid-body, or the body was malformed (e.g. bad chunking).
    Unreadable,
}

impl BodyError {
    fn into_api_error(self) -> ApiError {
        ApiError::param(match self {
            BodyError::TooLarge => {
                format!("request body is too large: at most {MAX_BODY_BYTES} bytes")
            }
            BodyError::TimedOut(limit) => {
                format!("request body was not received within {limit:?}")
            }
            BodyError::Unreadable => "request body is unreadable".to_owned(),
        })
    }
}

/// The headers that carry a client's trace id: v1 `RequestId`, v2 `X-custom-traceid`.
const TRACE_HEADERS: [&str; 2] = ["RequestId", "X-custom-traceid"];

/// How a request was answered, for the log.
struct Outcome {
    reply: Reply,
    code: Option<u32>,
    stubbed: bool,
}

/// The state of one emulator instance and the logic that answers requests.
pub(crate) struct Core {
    credentials: Credentials,
    /// Checks CurTime and expires nonces: real time unless a test set a clock.
    auth_clock: Arc<dyn Clock>,
    /// What state depends on (login times, creation times, future expiries).
    state_clock: Arc<dyn Clock>,
    /// Seconds added to the state clock by `POST /_emulator/clock` or `advance_clock`.
    clock_offset: AtomicU64,
    pub(crate) registry: Registry,
    pub(crate) accounts: Arc<Mutex<Accounts>>,
    pub(crate) messages: Arc<Mutex<Messages>>,
    pub(crate) broadcasts: Arc<Mutex<Broadcasts>>,
    pub(crate) notes: Arc<Mutex<Notifications>>,
    pub(crate) friends: Arc<Mutex<Friends>>,
    pub(crate) subscriptions: Arc<Mutex<Subscriptions>>,
    pub(crate) teams: Arc<Mutex<Teams>>,
    pub(crate) chatrooms: Arc<Mutex<Chatrooms>>,
    pub(crate) callbacks: Arc<Callbacks>,
    pub(crate) nonces: Mutex<NonceCache>,
    pub(crate) stats: Mutex<Stats>,
    pub(crate) faults: Mutex<FaultQueue>,
    pub(crate) stubs: Mutex<Stubs>,
    pub(crate) log: Mutex<RequestLog>,
}

impl Core {
    pub(crate) fn new(
        credentials: Credentials,
        auth_clock: Arc<dyn Clock>,
        state_clock: Arc<dyn Clock>,
        log_capacity: usize,
    ) -> Core {
        let mut registry = Registry::default();
        crate::families::register_all(&mut registry);
        let accounts = registry.shared::<Accounts>();
        let messages = registry.shared::<Messages>();
        let broadcasts = registry.shared::<Broadcasts>();
        let notes = registry.shared::<Notifications>();
        let friends = registry.shared::<Friends>();
        let subscriptions = registry.shared::<Subscriptions>();
        let teams = registry.shared::<Teams>();
        let chatrooms = registry.shared::<Chatrooms>();
        let callbacks = registry.kept::<Callbacks>();
        Core {
            credentials,
            auth_clock,
            state_clock,
            clock_offset: AtomicU64::new(0),
            registry,
            accounts,
            messages,
            broadcasts,
            notes,
            friends,
            subscriptions,
            teams,
            chatrooms,
            callbacks,
            nonces: Mutex::default(),
            stats: Mutex::default(),
            faults: Mutex::default(),
            stubs: Mutex::default(),
            log: Mutex::new(RequestLog::new(log_capacity)),
        }
    }

    pub(crate) fn app_key(&self) -> &str {
        self.credentials.app_key()
    }

    /// The time CurTime is checked against (Unix seconds).
    pub(crate) fn now(&self) -> u64 {
        self.auth_clock.now_unix()
    }

    /// The state clock's time (Unix seconds): the state clock plus every advance.
    pub(crate) fn state_now(&self) -> u64 {
        let offset = self.clock_offset.load(Ordering::Relaxed);
        self.state_clock.now_unix().saturating_add(offset)
    }

    /// Moves the state clock forward by `secs` (never the CurTime clock).
    pub(crate) fn advance_clock(&self, secs: u64) {
        // fetch_update cannot fail with a closure that always answers Some.
        let _ = self
            .clock_offset
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |t| {
                Some(t.saturating_add(secs))
            });
    }

    /// Empties state, stubs, faults, request counts and the log; the clock offset goes back
    /// to zero. The nonce cache is kept, so a replay stays a replay; so is the callback URL
    /// (configuration), while the callback deliveries log is emptied.
    pub(crate) fn reset(&self) {
        self.registry.reset();
        lock(&self.stubs).clear();
        lock(&self.faults).clear();
        lock(&self.log).clear();
        *lock(&self.stats) = Stats::default();
        self.clock_offset.store(0, Ordering::Relaxed);
    }

    /// Answers one request, whose body could be read or not. `target` is the URL path with
    /// its query, if any. A body longer than [`MAX_BODY_BYTES`] is refused however it arrives.
    pub(crate) fn handle(
        &self,
        method: &str,
        target: &str,
        headers: &[(&str, &str)],
        body: Result<&[u8], BodyError>,
    ) -> Reply {
        let (path, query) = target.split_once('?').unwrap_or((target, ""));
        let headers = Headers(headers);
        if crate::admin::is_admin(path) {
            return crate::admin::handle(self, method, path, query, headers, body);
        }
        // Faulted requests are counted too: a test asserting "the client tried twice" must
        // see the attempt that hit the fault.
        lock(&self.stats).record(path);
        let fault = lock(&self.faults).take(method, path);
        let flavor = Flavor::of_path(path);
        let mut outcome = match &fault {
            Some(Fault::BadGateway) => gateway(Reply::gateway_page(502, "Bad Gateway")),
            Some(Fault::ServiceUnavailable) => {
                gateway(Reply::gateway_page(503, "Service Temporarily Unavailable"))
            }
            Some(Fault::Busy) => error(ApiError::new(Code::ServerBusy, "server busy"), flavor),
            Some(Fault::ApiCode(code)) => {
                error(ApiError::with_code(*code, "injected fault"), flavor)
            }
            _ => self.answer(method, path, query, headers, body),
        };
        match &fault {
            Some(Fault::Delay(delay)) => outcome.reply.delay = *delay,
            Some(Fault::TruncatedJson) => {
                outcome.reply.truncate();
                outcome.code = None;
            }
            Some(Fault::DropConnection) => {
                outcome.reply.drop_connection = true;
                outcome.code = None;
            }
            _ => {}
        }
        let trace_id = TRACE_HEADERS
            .iter()
            .find_map(|name| headers.get(name))
            .map(bounded);
        lock(&self.log).push(RecordedRequest {
            method: bounded(method),
            path: bounded(path),
            query: (!query.is_empty()).then(|| bounded(query)),
            trace_id,
            code: outcome.code,
            fault: fault.as_ref().map(Fault::kind),
            stubbed: outcome.stubbed,
            time: self.state_now(),
        });
        outcome.reply
    }

    /// Authenticates, then answers with a stub or the route's handler.
    fn answer(
        &self,
        method: &str,
        path: &str,
        query: &str,
        headers: Headers<'_>,
        body: Result<&[u8], BodyError>,
    ) -> Outcome {
        let flavor = Flavor::of_path(path);
        if let Err(err) = self.authenticate(headers) {
            return error(err, flavor);
        }
        let body = match body.and_then(|b| {
            if b.len() <= MAX_BODY_BYTES {
                Ok(b)
            } else {
                Err(BodyError::TooLarge)
            }
        }) {
            Ok(body) => body,
            Err(err) => return error(err.into_api_error(), flavor),
        };
        let stub = lock(&self.stubs).take(method, path);
        if let Some(stub) = stub {
            let reply = Reply::raw_json(stub);
            return Outcome {
                code: reply.api_code(),
                reply,
                stubbed: true,
            };
        }
        match self.registry.find(method, path) {
            Lookup::Found(entry, path_params) => {
                let call = Call {
                    path_params,
                    query,
                    headers,
                    body,
                    now: self.state_now(),
                };
                match entry.run(&call) {
                    Ok(reply) => Outcome {
                        reply,
                        code: Some(200),
                        stubbed: false,
                    },
                    Err(err) => error(err, entry.flavor),
                }
            }
            Lookup::WrongMethod { flavor, allowed } => {
                let err = match flavor {
                    Flavor::V1 => ApiError::param("only POST is allowed"),
                    _ => ApiError::param(format!(
                        "method {} is not allowed here; use {}",
                        bounded(method),
                        allowed.join(" or ")
                    )),
                };
                error(err, flavor)
            }
            Lookup::NotFound => {
                // A path can be long and arbitrary; the desc quotes only its start.
                let shown: String = path.chars().take(100).collect();
                let what = if flavor == Flavor::V2 {
                    "operation"
                } else {
                    "action"
                };
                error(
                    ApiError::new(Code::NotFound, format!("no such {what}: {shown}")),
                    flavor,
                )
            }
        }
    }

    /// The four signed headers, then the nonce: a replay within 5 minutes is 431.
    fn authenticate(&self, headers: Headers<'_>) -> Result<(), ApiError> {
        let now = self.now();
        let signed = auth::verify(&self.credentials, headers, now)?;
        if !lock(&self.nonces).insert(signed.nonce, signed.cur_time, now) {
            return Err(ApiError::new(
                Code::DuplicateRequest,
                "duplicate request: this Nonce was used within the last 5 minutes",
            ));
        }
        Ok(())
    }
}

/// A gateway page: no JSON, so no code.
fn gateway(reply: Reply) -> Outcome {
    Outcome {
        reply,
        code: None,
        stubbed: false,
    }
}

/// An API error in the shape of `flavor`.
fn error(err: ApiError, flavor: Flavor) -> Outcome {
    Outcome {
        code: Some(err.code()),
        reply: err.into_reply(flavor),
        stubbed: false,
    }
}
