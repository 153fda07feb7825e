//! Mapping transport failures and reading bounded bodies.

use crate::error::{Error, ErrorKind};

/// Classifies a reqwest failure. A connect failure means the request never left; anything
/// else after that point means it may have reached the server.
pub(crate) fn classify(err: reqwest::Error) -> Error {
    // Keep the URL out: it is not secret, but the error text is shorter without repeating it.
    let kind = if err.is_builder() {
        // Nothing was sent: the request could not even be built (e.g. a header value that
        // HTTP forbids). That is a configuration problem, not a network one.
        ErrorKind::Config {
            message: "the request could not be built".to_owned(),
        }
    } else if err.is_connect() {
        ErrorKind::Connect
    } else if err.is_timeout() {
        ErrorKind::Timeout
    } else {
        ErrorKind::Transport
    };
    Error::with_source(kind, err.without_url())
}

/// Reads the body of `response`, refusing to hold more than `limit` bytes.
pub(crate) async fn read_bounded(
    mut response: reqwest::Response,
    limit: usize,
) -> Result<Vec<u8>, Error> {
    let too_large = || Error::new(ErrorKind::ResponseTooLarge { limit });
    if response
        .content_length()
        .is_some_and(|len| len > limit as u64)
    {
        return Err(too_large());
    }
    let mut body =
        Vec::with_capacity(response.content_length().unwrap_or(512).min(64 * 1024) as usize);
    while let Some(chunk) = response.chunk().await.map_err(classify)? {
        if body.len() + chunk.len() > limit {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}
