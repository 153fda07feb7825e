//! The admin API below `/_emulator/`, on the API's port, for tests in any language: request
//! log, stubs, faults, the state clock, reset, and the state views families register.
//!
//! Admin requests are not signed, not counted and not logged, and faults never apply to them.
//! Bodies are JSON whatever their Content-Type (curl's `-d` labels them as a form). Answers
//! are JSON: 200 on success, 400 `{"error":"..."}` for a bad request, 404 for an unknown route.

use serde_json::{Value, json};

use crate::auth::Headers;
use crate::call::Call;
use crate::core::{BodyError, Core, MAX_BODY_BYTES};
use crate::faults::{Fault, Target};
use crate::json_body::JsonBody;
use crate::lock;
use crate::reply::{ApiError, Flavor, Reply};
use crate::router::Lookup;

/// The longest `delay_ms` a fault may ask for: ten minutes.
const MAX_DELAY_MS: u64 = 600_000;

/// Whether `path` is an admin route's.
pub(crate) fn is_admin(path: &str) -> bool {
    path == "/_emulator" || path.starts_with("/_emulator/")
}

/// Answers one admin request.
pub(crate) fn handle(
    core: &Core,
    method: &str,
    path: &str,
    query: &str,
    headers: Headers<'_>,
    body: Result<&[u8], BodyError>,
) -> Reply {
    let body = match body {
        Ok(body) if body.len() <= MAX_BODY_BYTES => body,
        _ => return bad("request body is too large or unreadable"),
    };
    let read = || JsonBody::parse_or_empty(body);
    let result = match (method, path) {
        ("GET", "/_emulator/requests") => Ok(requests(core)),
        ("DELETE", "/_emulator/requests") => {
            lock(&core.log).clear();
            Ok(json!({ "ok": true }))
        }
        ("POST", "/_emulator/stubs") => read().and_then(|b| add_stub(core, &b)),
        ("DELETE", "/_emulator/stubs") => {
            lock(&core.stubs).clear();
            Ok(json!({ "ok": true }))
        }
        ("POST", "/_emulator/faults") => read().and_then(|b| add_fault(core, &b)),
        ("GET", "/_emulator/faults") => Ok(faults(core)),
        ("DELETE", "/_emulator/faults") => {
            lock(&core.faults).clear();
            Ok(faults(core))
        }
        ("POST", "/_emulator/clock") => read().and_then(|b| advance(core, &b)),
        ("GET", "/_emulator/clock") => Ok(clock(core)),
        ("POST", "/_emulator/reset") => {
            core.reset();
            Ok(json!({ "ok": true }))
        }
        _ => return family_route(core, method, path, query, headers, body),
    };
    match result {
        Ok(value) => Reply::json(&value),
        Err(err) => err.into_reply(Flavor::Admin),
    }
}

/// A route a family registered below `/_emulator/` (state views and setters).
fn family_route(
    core: &Core,
    method: &str,
    path: &str,
    query: &str,
    headers: Headers<'_>,
    body: &[u8],
) -> Reply {
    let err = match core.registry.find(method, path) {
        Lookup::Found(entry, path_params) => {
            let call = Call {
                path_params,
                query,
                headers,
                body,
                now: core.state_now(),
            };
            match entry.run(&call) {
                Ok(reply) => return reply,
                Err(err) => err,
            }
        }
        Lookup::WrongMethod { allowed, .. } => {
            ApiError::param(format!("use {} on this route", allowed.join(" or ")))
        }
        Lookup::NotFound => {
            let shown: String = path.chars().take(100).collect();
            ApiError::with_code(404, format!("no such admin route: {shown}"))
        }
    };
    err.into_reply(Flavor::Admin)
}

fn bad(message: &str) -> Reply {
    ApiError::param(message).into_reply(Flavor::Admin)
}

fn requests(core: &Core) -> Value {
    let entries = lock(&core.log).all();
    Value::Array(entries.iter().map(|e| e.to_json()).collect())
}

/// `{"method","path","response","times"?}`.
fn add_stub(core: &Core, body: &JsonBody) -> Result<Value, ApiError> {
    let method = body.required_string("method", 16)?;
    let path = body.required_string("path", 1024)?;
    let response = body
        .value("response")
        .ok_or_else(|| body.missing("response"))?;
    let times = count(body, "times")?;
    lock(&core.stubs).add(&method, &path, response.to_string(), times);
    let stubs = lock(&core.stubs).len();
    Ok(json!({ "ok": true, "stubs": stubs }))
}

/// `times` as a `u32`, if given.
fn count(body: &JsonBody, name: &str) -> Result<Option<u32>, ApiError> {
    match body.uint(name)? {
        None => Ok(None),
        Some(n) => u32::try_from(n)
            .map(Some)
            .map_err(|_| ApiError::param(format!("{name} must be at most {}", u32::MAX))),
    }
}

/// `{"path","method"?,"kind","times"?,"code"?,"delay_ms"?}`.
fn add_fault(core: &Core, body: &JsonBody) -> Result<Value, ApiError> {
    let path = body.required_string("path", 1024)?;
    let method = body.string("method", 16)?.filter(|m| !m.is_empty());
    let kind = body.required_string("kind", 32)?;
    let times = count(body, "times")?.unwrap_or(1);
    let fault = match kind.as_str() {
        "status_502" => Fault::BadGateway,
        "status_503" => Fault::ServiceUnavailable,
        "reset" => Fault::DropConnection,
        "truncated" => Fault::TruncatedJson,
        "api_code" => {
            let code = body.uint("code")?.ok_or_else(|| body.missing("code"))?;
            let code =
                u32::try_from(code).map_err(|_| ApiError::param("code must fit in 32 bits"))?;
            Fault::ApiCode(code)
        }
        "delay" => {
            let ms = body
                .uint("delay_ms")?
                .ok_or_else(|| body.missing("delay_ms"))?;
            if ms > MAX_DELAY_MS {
                return Err(ApiError::param(format!(
                    "delay_ms is {ms}, at most {MAX_DELAY_MS} allowed"
                )));
            }
            Fault::Delay(std::time::Duration::from_millis(ms))
        }
        other => {
            let shown: String = other.chars().take(32).collect();
            return Err(ApiError::param(format!(
                "kind {shown:?} is unknown: use status_502, status_503, api_code, reset, \
                 delay or truncated"
            )));
        }
    };
    let target = Target {
        path: Some(path),
        method,
    };
    lock(&core.faults).push_for(fault, times, target);
    Ok(faults(core))
}

fn faults(core: &Core) -> Value {
    let queue = lock(&core.faults);
    json!({ "pending": queue.pending(), "applied": queue.applied() })
}

/// `{"advance_secs": N}`.
fn advance(core: &Core, body: &JsonBody) -> Result<Value, ApiError> {
    let secs = body
        .uint("advance_secs")?
        .ok_or_else(|| body.missing("advance_secs"))?;
    core.advance_clock(secs);
    Ok(clock(core))
}

/// The state clock, and the CurTime clock for comparison.
fn clock(core: &Core) -> Value {
    json!({ "now": core.state_now(), "curtime_now": core.now() })
}
