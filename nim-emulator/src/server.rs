//! The HTTP side: one hyper HTTP/1 connection per accepted socket, routed through axum to
//! the request pipeline.
//!
//! Connections are served by hand rather than with `axum::serve` so that a fault can really
//! drop one: each connection task listens for a kill signal and, when it comes, drops the
//! connection, which closes the socket without writing a byte of answer.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{Extensions, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio::sync::{Notify, watch};
use tokio::task::JoinSet;
use tower_service::Service;

use crate::core::{Core, MAX_BODY_BYTES};

/// How long a shutdown waits for in-flight requests before closing their connections.
const GRACE: Duration = Duration::from_secs(5);

/// What the axum handler needs.
#[derive(Clone)]
struct Ctx {
    core: Arc<Core>,
    /// Becomes `true` (or closes) when the emulator stops; ends delayed answers early.
    stop: watch::Receiver<bool>,
}

/// Closes the connection a request arrived on; put in every request's extensions.
#[derive(Clone)]
struct ConnKill(Arc<Notify>);

/// Accepts and serves connections until `stop` turns `true` or its sender is dropped, then
/// lets in-flight requests finish (for at most [`GRACE`]) and returns.
pub(crate) async fn serve(listener: TcpListener, core: Arc<Core>, mut stop: watch::Receiver<bool>) {
    let router = Router::new().fallback(answer).with_state(Ctx {
        core,
        stop: stop.clone(),
    });
    let graceful = GracefulShutdown::new();
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            () = stopped(&mut stop) => break,
            // Reap finished connection tasks so the set does not grow.
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    let kill = Arc::new(Notify::new());
                    let ext = ConnKill(Arc::clone(&kill));
                    let router = router.clone();
                    let service = hyper::service::service_fn(move |mut request: Request<Incoming>| {
                        request.extensions_mut().insert(ext.clone());
                        // A Router is always ready, so calling it without poll_ready is fine.
                        router.clone().call(request)
                    });
                    let connection = http1::Builder::new()
                        .timer(TokioTimer::new())
                        .serve_connection(TokioIo::new(stream), service);
                    let connection = graceful.watch(connection);
                    connections.spawn(async move {
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
            },
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
    let body = axum::body::to_bytes(body, MAX_BODY_BYTES).await.ok();
    let reply = {
        // Header values that are not visible ASCII are left out: to the pipeline a header
        // it cannot read is a missing header, answered 414, never a panic.
        let headers: Vec<(&str, &str)> = parts
            .headers
            .iter()
            .filter_map(|(name, value)| Some((name.as_str(), value.to_str().ok()?)))
            .collect();
        ctx.core.handle(
            parts.method.as_str(),
            parts.uri.path(),
            &headers,
            body.as_deref(),
        )
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

/// Resolves once the emulator stops: the flag turns `true` or its sender is dropped.
async fn stopped(stop: &mut watch::Receiver<bool>) {
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
