//! The callback URL an app configures: plain `http://` only, checked when it is set so a
//! typo fails the test that set it, not a delivery much later.

use std::fmt;

use axum::http::Uri;

/// The longest URL accepted (the console's field is shorter; this only bounds memory).
const MAX_LEN: usize = 2048;

/// A checked `http://host[:port][/path][?query]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CallbackUrl {
    /// The URL as given (trimmed).
    pub(crate) text: String,
    /// The host to connect to, without IPv6 brackets.
    pub(crate) host: String,
    pub(crate) port: u16,
    /// The `Host` header: the authority as given.
    pub(crate) authority: String,
    /// The request target: path and query, `/` when empty.
    pub(crate) target: String,
}

impl CallbackUrl {
    /// Checks `text`. The emulator has no TLS client, so `https://` is refused with a
    /// message saying so, as is anything that is not an absolute `http://` URL.
    pub(crate) fn parse(text: &str) -> Result<CallbackUrl, String> {
        let text = text.trim();
        if text.len() > MAX_LEN {
            return Err(format!(
                "callback URL is too long: {} bytes, at most {MAX_LEN}",
                text.len()
            ));
        }
        let shown: String = text.chars().take(100).collect();
        let uri: Uri = text
            .parse()
            .map_err(|_| format!("callback URL {shown:?} is not a URL"))?;
        match uri.scheme_str() {
            Some("http") => {}
            Some(scheme) if scheme.eq_ignore_ascii_case("https") => {
                return Err(format!(
                    "callback URL {shown:?} uses https, which the emulator cannot send: \
                     give your receiver's plain http:// address (e.g. http://127.0.0.1:PORT/path)"
                ));
            }
            _ => {
                return Err(format!(
                    "callback URL {shown:?} must be an absolute http:// URL"
                ));
            }
        }
        let authority = uri
            .authority()
            .ok_or_else(|| format!("callback URL {shown:?} has no host"))?;
        if authority.as_str().contains('@') {
            return Err(format!(
                "callback URL {shown:?} has user information, which callbacks never carry"
            ));
        }
        let host = authority.host();
        let host = host
            .strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .unwrap_or(host);
        if host.is_empty() {
            return Err(format!("callback URL {shown:?} has no host"));
        }
        let target = uri
            .path_and_query()
            .map(|pq| pq.as_str())
            .filter(|t| !t.is_empty())
            .unwrap_or("/");
        Ok(CallbackUrl {
            text: text.to_owned(),
            host: host.to_owned(),
            port: authority.port_u16().unwrap_or(80),
            authority: authority.as_str().to_owned(),
            target: target.to_owned(),
        })
    }
}

impl fmt::Display for CallbackUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_urls_parse() {
        let u = CallbackUrl::parse(" http://127.0.0.1:8080/nim/copy?x=1 ").unwrap();
        assert_eq!((u.host.as_str(), u.port), ("127.0.0.1", 8080));
        assert_eq!(u.target, "/nim/copy?x=1");
        assert_eq!(u.authority, "127.0.0.1:8080");
        let u = CallbackUrl::parse("http://[::1]:9/").unwrap();
        assert_eq!(u.host, "::1");
        let u = CallbackUrl::parse("http://localhost").unwrap();
        assert_eq!((u.port, u.target.as_str()), (80, "/"));
    }

    #[test]
    fn others_are_refused_with_a_reason() {
        let err = CallbackUrl::parse("https://example.test/cb").unwrap_err();
        assert!(err.contains("https"), "{err}");
        for bad in [
            "",
            "not a url",
            "ftp://h/",
            "/relative",
            "http://u:p@h/",
            "http:///x",
        ] {
            assert!(CallbackUrl::parse(bad).is_err(), "{bad}");
        }
        assert!(CallbackUrl::parse(&format!("http://h/{}", "a".repeat(3000))).is_err());
    }
}
