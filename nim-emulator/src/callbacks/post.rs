//! One HTTP/1.1 POST to the app: a fresh connection per delivery (callbacks are rare, and a
//! kept connection would hide an app that closes them), one attempt, no retry — what the
//! real service's docs describe.

use std::pin::Pin;
use std::time::Duration;

use axum::body::{Body, HttpBody};
use axum::http::{Request, header};
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

use super::delivery::SignedHeaders;
use super::url::CallbackUrl;

/// How long the app has to answer: the address check's documented 5 s, used for every
/// delivery.
pub(crate) const TIMEOUT: Duration = Duration::from_secs(5);

/// How much of the app's answer is kept.
pub(crate) const ANSWER_MAX: usize = 4096;

/// What the app answered: its status and the start of its body.
pub(crate) struct Answer {
    pub(crate) status: u16,
    pub(crate) body: String,
}

/// POSTs `body` to `url` with the signing headers; an error text when no answer came
/// within [`TIMEOUT`].
pub(crate) async fn post(
    url: &CallbackUrl,
    headers: &SignedHeaders,
    body: String,
) -> Result<Answer, String> {
    match tokio::time::timeout(TIMEOUT, exchange(url, headers, body)).await {
        Ok(result) => result,
        Err(_) => Err(format!("no answer within {} s", TIMEOUT.as_secs())),
    }
}

async fn exchange(
    url: &CallbackUrl,
    headers: &SignedHeaders,
    body: String,
) -> Result<Answer, String> {
    let stream = TcpStream::connect((url.host.as_str(), url.port))
        .await
        .map_err(|e| format!("cannot connect to {}:{}: {e}", url.host, url.port))?;
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .map_err(|e| format!("HTTP handshake failed: {e}"))?;
    // The connection runs beside the exchange and is dropped (closed) with this task.
    let driver = tokio::spawn(connection);
    let mut request = Request::post(url.target.as_str())
        .header(header::HOST, url.authority.as_str())
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::CONNECTION, "close");
    for (name, value) in headers.pairs() {
        request = request.header(name, value);
    }
    let result = match request.body(Body::from(body)) {
        Ok(request) => match sender.send_request(request).await {
            Ok(response) => {
                let status = response.status().as_u16();
                let body = read_start(response.into_body()).await;
                Ok(Answer { status, body })
            }
            Err(e) => Err(format!("the request failed: {e}")),
        },
        // Only a header value that is not valid could fail here; the URL was checked.
        Err(e) => Err(format!("cannot build the request: {e}")),
    };
    driver.abort();
    result
}

/// The first [`ANSWER_MAX`] bytes of `body` as text (lossy), cut on a character boundary;
/// the rest is not read.
async fn read_start(mut body: Incoming) -> String {
    let mut kept = Vec::new();
    while kept.len() < ANSWER_MAX {
        let Some(Ok(frame)) = std::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await
        else {
            break;
        };
        if let Ok(data) = frame.into_data() {
            kept.extend_from_slice(&data);
        }
    }
    let mut text = String::from_utf8_lossy(&kept).into_owned();
    if text.len() > ANSWER_MAX {
        let mut cut = ANSWER_MAX;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
    }
    text
}
