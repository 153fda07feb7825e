//! The HTTP side: one hyper HTTP/1 connection per accepted socket, routed through axum to
//! the request pipeline.
//!
//! Connections are served by hand rather than with `axum::serve` so that a fault can really
//! drop one: each connection task listens for a kill signal and, when it comes, drops the
//! connection, which closes the socket without writing a byte of answer.
//!
//! Limits, so that a misbehaving client cannot tie the server up:
//!
//! - At most [`ServerConfig::max_connections`] connections are served at once (default
//!   1,024). When all are taken the server stops accepting; new connections wait in the
//!   operating system's accept queue until one closes.
//! - A request's headers must arrive within [`HEADER_TIMEOUT`] (also the longest an idle
//!   keep-alive connection stays open), its body within [`ServerConfig::body_timeout`]
//!   (default 10 s) after that. A late body is answered `{"code":414}` naming the body and
//!   the connection is closed.
//! - A body over [`MAX_BODY_BYTES`] is read to its end and thrown away (up to
//!   [`DRAIN_LIMIT`]) before it is answered `{"code":414}`, so a client still writing it gets
//!   the answer rather than a reset. A body declared or sent beyond [`DRAIN_LIMIT`] is answered
//!   at once and its connection closed.
//! - More than [`MAX_HEADERS`] header fields (or a header section over hyper's ~400 KB read
//!   buffer) are refused by hyper before the emulator sees the request: a plain
//!   `HTTP/1.1 431 Request Header Fields Too Large` with an empty body, not the API's JSON,
//!   and the connection closed. Such a request is not counted. (The API's own code 431,
//!   "duplicate request", is always HTTP 200 with JSON.)

use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::{Body, HttpBody};
use axum::extract::{Request, State};
use axum::http::{Extensions, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio::sync::{Notify, Semaphore, watch};
use tokio::task::JoinSet;
use tower_service::Service;

use crate::core::{BodyError, Core, MAX_BODY_BYTES};

/// How long a shutdown waits for in-flight requests before closing their connections.
const GRACE: Duration = Duration::from_secs(5);

/// How long a request's headers may take to arrive; also how long an idle keep-alive
/// connection is kept. (hyper's default, set here so the documented limit is ours.)
pub(crate) const HEADER_TIMEOUT: Duration = Duration::from_secs(30);

/// The most header fields a request may have; hyper answers more with a plain HTTP 431.
/// (hyper's default, set here so the documented limit is ours.)
pub(crate) const MAX_HEADERS: usize = 100;

/// How much of a body over [`MAX_BODY_BYTES`] is read and thrown away before answering.
pub(crate) const DRAIN_LIMIT: usize = 4 * 1024 * 1024;

/// How long a request body may take to arrive, by default.
pub(crate) const BODY_TIMEOUT: Duration = Duration::from_secs(10);
/// How many connections are served at once, by default.
pub(crate) const MAX_CONNECTIONS: usize = 1024;

/// The server's limits, set on [`EmulatorBuilder`](crate::EmulatorBuilder).
#[derive(Debug, Clone, Copy)]
pub(crate) struct ServerConfig {
    /// How long a request's body may take to arrive once its headers have.
    pub(crate) body_timeout: Duration,
    /// How many connections are served at once; 0 counts as 1.
    pub(crate) max_connections: usize,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            body_timeout: BODY_TIMEOUT,
            max_connections: MAX_CONNECTIONS,
        }
    }
}

/// What the axum handler needs.
#[derive(Clone)]
struct Ctx {
    core: Arc<Core>,
    /// Becomes `true` (or closes) when the emulator stops; ends delayed answers early.
    stop: watch::Receiver<bool>,
    body_timeout: Duration,
}

/// Closes the connection a request arrived on; put in every request's extensions.
#[derive(Clone)]
struct ConnKill(Arc<Notify>);

/// Accepts and serves connections until `stop` turns `true` or its sender is dropped, then
/// lets in-flight requests finish (for at most [`GRACE`]) and returns.
pub(crate) async fn serve(
    listener: TcpListener,
    core: Arc<Core>,
    mut stop: watch::Receiver<bool>,
    config: ServerConfig,
) {
    let router = Router::new().fallback(answer).with_state(Ctx {
        core,
        stop: stop.clone(),
        body_timeout: config.body_timeout,
    });
    let slots = Arc::new(Semaphore::new(
        config.max_connections.clamp(1, Semaphore::MAX_PERMITS),
    ));
    let graceful = GracefulShutdown::new();
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            () = stopped(&mut stop) => break,
            // Reap finished connection tasks so the set does not grow.
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
            // A connection is accepted only once a slot is free; until then new ones wait in
            // the OS's accept queue. (Both steps are cancel-safe: a slot taken by a future that
            // another branch cancels is given back.)
            (slot, accepted) = async {
                (Arc::clone(&slots).acquire_owned().await, listener.accept().await)
            } => {
                // The semaphore is never closed, so a slot is always granted.
                let Ok(slot) = slot else { break };
                match accepted {
                    Ok((stream, _)) => {
                        let kill = Arc::new(Notify::new());
                        let ext = ConnKill(Arc::clone(&kill));
                        let router = router.clone();
                        let service =
                            hyper::service::service_fn(move |mut request: Request<Incoming>| {
                                request.extensions_mut().insert(ext.clone());
                                // A Router is always ready, so calling it without poll_ready
                                // is fine.
                                router.clone().call(request)
                            });
                        let connection = http1::Builder::new()
                            .timer(TokioTimer::new())
                            .header_read_timeout(HEADER_TIMEOUT)
                            .max_headers(MAX_HEADERS)
                            .serve_connection(TokioIo::new(stream), service);
                        let connection = graceful.watch(connection);
                        connections.spawn(async move {
                            // The slot is freed when the connection ends, however it ends.
                            let _slot = slot;
                            tokio::select! {
                                result = connection => {
                                    if let Err(err) = result {
                                        tracing::debug!(%err, "connection ended with an error");
                                    }
                                }
                                // Dropping the connection closes the socket unanswered.
                                () = kill.notified() => {}
                            }
                        });
                    }
                    Err(err) => {
                        // E.g. out of file descriptors: wait instead of spinning on the error.
                        tracing::debug!(%err, "accept failed");
                        tokio::time::sleep(Duration::from_millis(50)).await;
                    }
                }
            }
        }
    }
    drop(listener);
    // Idle keep-alive connections close at once; busy ones finish their answer first.
    let _ = tokio::time::timeout(GRACE, graceful.shutdown()).await;
    connections.shutdown().await;
}

/// The one handler: every method and path goes through the request pipeline.
async fn answer(State(ctx): State<Ctx>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    // A body left unread (late, or too large to drain) makes hyper close the connection after
    // this answer: what remains of it cannot be told apart from a next request.
    let body = tokio::time::timeout(ctx.body_timeout, read_body(body))
        .await
        .unwrap_or(Err(BodyError::TimedOut(ctx.body_timeout)));
    let mut reply = {
        // Header values that are not visible ASCII are left out: to the pipeline a header
        // it cannot read is a missing header, answered 414, never a panic.
        let headers: Vec<(&str, &str)> = parts
            .headers
            .iter()
            .filter_map(|(name, value)| Some((name.as_str(), value.to_str().ok()?)))
            .collect();
        ctx.core.handle(
            parts.method.as_str(),
            parts
                .uri
                .path_and_query()
                .map_or(parts.uri.path(), |target| target.as_str()),
            &headers,
            body.as_deref().map_err(|&err| err),
        )
    };

    // Taken out of the placeholder, so the placeholder is what a stop leaves behind.
    let reply = match reply.later.take() {
        Some(later) => {
            let mut stop = ctx.stop.clone();
            tokio::select! {
                answer = later.answer(reply.clone()) => answer,
                () = stopped(&mut stop) => return close_connection(&parts.extensions).await,
            }
        }
        None => reply,
    };
    if reply.drop_connection {
        return close_connection(&parts.extensions).await;
    }
    if !reply.delay.is_zero() {
        let mut stop = ctx.stop.clone();
        tokio::select! {
            () = tokio::time::sleep(reply.delay) => {}
            // Shutting down: a delayed answer is lost, as it would be on a real server.
            () = stopped(&mut stop) => {
                return close_connection(&parts.extensions).await;
            }
        }
    }

    let status = StatusCode::from_u16(reply.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let content_type = HeaderValue::from_static(reply.content_type);
    (status, [(header::CONTENT_TYPE, content_type)], reply.body).into_response()
}

/// Reads a request body, keeping at most [`MAX_BODY_BYTES`] of it.
///
/// A longer body is still read to its end and thrown away, up to [`DRAIN_LIMIT`] bytes, so
/// that a client which writes its whole body before reading the answer sees the 414 instead
/// of a connection reset (whether it would otherwise depends on socket buffer sizes). A body
/// declared longer than that is refused without reading any of it; one that turns out longer
/// is refused once the limit is passed.
async fn read_body(mut body: Body) -> Result<Vec<u8>, BodyError> {
    match usize::try_from(body.size_hint().lower()) {
        Ok(declared) if declared <= DRAIN_LIMIT => {}
        _ => return Err(BodyError::TooLarge),
    }
    let mut kept = Vec::new();
    let mut received: usize = 0;
    while let Some(frame) = std::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await {
        let frame = frame.map_err(|_| BodyError::Unreadable)?;
        // Trailers (chunked bodies only) carry nothing the API reads.
        let Ok(data) = frame.into_data() else {
            continue;
        };
        received = received.saturating_add(data.len());
        if received > DRAIN_LIMIT {
            return Err(BodyError::TooLarge);
        }
        if received <= MAX_BODY_BYTES {
            kept.extend_from_slice(&data);
        }
    }
    if received > MAX_BODY_BYTES {
        return Err(BodyError::TooLarge);
    }
    Ok(kept)
}

/// Resolves once the emulator stops: the flag turns `true` or its sender is dropped.
pub(crate) async fn stopped(stop: &mut watch::Receiver<bool>) {
    // The guard `wait_for` returns is not `Send`; it is dropped here, never held by a caller.
    let _ = stop.wait_for(|stopped| *stopped).await.is_ok();
}

/// Asks the connection task to drop the connection, then waits to be dropped with it.
async fn close_connection(extensions: &Extensions) -> Response {
    if let Some(ConnKill(kill)) = extensions.get::<ConnKill>() {
        // notify_one stores the wake-up if the connection task is not waiting yet.
        kill.notify_one();
        std::future::pending::<()>().await;
    }
    // Only reachable if the router is served without `serve`'s connection wrapper.
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}
