//! The async HTTP client: validate, encode, sign, send, decode.

mod builder;
mod region;
mod transport;

use std::fmt;
use std::sync::Arc;
use std::time::Instant;

pub use builder::{ClientBuilder, ENV_APP_KEY, ENV_APP_SECRET, ENV_BASE_URL, ENV_REGION};
pub use region::Region;

use crate::decode;
use crate::endpoint::Endpoint;
use crate::error::{Error, ErrorKind};
use crate::sign::{
    HEADER_APP_KEY, HEADER_CHECK_SUM, HEADER_CUR_TIME, HEADER_NONCE, SignedHeaders, Signer,
};

/// The `Content-Type` of every request.
pub const FORM_CONTENT_TYPE: &str = "application/x-www-form-urlencoded;charset=utf-8";

/// A client for the IM server API.
///
/// Cheap to clone: clones share one connection pool and configuration. Build one per
/// application and pass it around.
///
/// ```no_run
/// use nim_core::Client;
///
/// # async fn run() -> Result<(), nim_core::Error> {
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
    #[allow(dead_code)] // used by fail-over (reliability work)
    backup_url: Option<String>,
    signer: Signer,
    max_body_bytes: usize,
}

/// A request ready to send: what [`Client::call`] puts on the wire. Useful to send it with
/// another HTTP stack, or to inspect it in tests.
#[derive(Debug, Clone)]
pub struct PreparedRequest {
    /// The full URL: base URL + `/` + the endpoint's path.
    pub url: String,
    /// The four authentication headers.
    pub headers: SignedHeaders,
    /// The form-urlencoded body.
    pub body: String,
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

    /// The AppKey this client signs with.
    pub fn app_key(&self) -> &str {
        self.inner.signer.credentials().app_key()
    }

    /// Validates, encodes and signs `request` without sending it.
    pub fn prepare<E: Endpoint + ?Sized>(&self, request: &E) -> Result<PreparedRequest, Error> {
        let body = request.to_form()?;
        Ok(PreparedRequest {
            url: endpoint_url(&self.inner.base_url, E::PATH),
            headers: self.inner.signer.sign(),
            body,
        })
    }

    /// Sends `request` and returns its typed response.
    ///
    /// The request is validated first; an invalid one is rejected with
    /// [`ErrorKind::Validation`] and never reaches the network.
    pub async fn call<E: Endpoint + ?Sized>(&self, request: &E) -> Result<E::Response, Error> {
        let prepared = self.prepare(request)?;
        let started = Instant::now();
        let result = self.send::<E>(prepared).await;
        trace_outcome(E::PATH, started, &result);
        result
    }

    async fn send<E: Endpoint + ?Sized>(
        &self,
        prepared: PreparedRequest,
    ) -> Result<E::Response, Error> {
        let PreparedRequest { url, headers, body } = prepared;
        let response = self
            .inner
            .http
            .post(url)
            .header(reqwest::header::CONTENT_TYPE, FORM_CONTENT_TYPE)
            .header(HEADER_APP_KEY, headers.app_key)
            .header(HEADER_NONCE, headers.nonce)
            .header(HEADER_CUR_TIME, headers.cur_time.to_string())
            .header(HEADER_CHECK_SUM, headers.check_sum)
            .body(body)
            .send()
            .await
            .map_err(transport::classify)?;
        let status = response.status();
        let bytes = transport::read_bounded(response, self.inner.max_body_bytes).await?;
        if status != reqwest::StatusCode::OK {
            return Err(Error::new(ErrorKind::HttpStatus {
                status: status.as_u16(),
                snippet: crate::error::snippet(&bytes),
            }));
        }
        decode::decode::<E>(&bytes)
    }
}

fn endpoint_url(base: &str, path: &str) -> String {
    let mut url = String::with_capacity(base.len() + path.len() + 1);
    url.push_str(base);
    url.push('/');
    url.push_str(path.trim_start_matches('/'));
    url
}

fn trace_outcome<T>(path: &'static str, started: Instant, result: &Result<T, Error>) {
    let latency_ms = started.elapsed().as_millis() as u64;
    match result {
        Ok(_) => tracing::debug!(path, latency_ms, code = 200u16, "nim call succeeded"),
        Err(err) => tracing::debug!(
            path,
            latency_ms,
            code = err.api_code(),
            error = %err,
            "nim call failed"
        ),
    }
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
