//! The request log: the last N API requests (admin requests are not logged), for tests in any
//! language to see what a client sent and what it got.

use std::collections::VecDeque;

use serde_json::{Value, json};

/// The default number of requests kept.
pub(crate) const DEFAULT_CAPACITY: usize = 100_000;

/// The longest path, query or trace id kept, in bytes; longer ones are cut (on a character
/// boundary), so a hostile client cannot make one entry large.
const MAX_TEXT: usize = 512;

/// One API request as the emulator received and answered it, from
/// [`Emulator::requests`](crate::Emulator::requests) (or `GET /_emulator/requests`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RecordedRequest {
    /// The HTTP method as sent.
    pub method: String,
    /// The URL path as received, still percent-encoded, without the query.
    pub path: String,
    /// The raw query string, if the URL had one.
    pub query: Option<String>,
    /// The `RequestId` (v1) or `X-custom-traceid` (v2) header, if sent.
    pub trace_id: Option<String>,
    /// The `code` of the JSON answer; `None` when no JSON answer was sent (a dropped
    /// connection, a truncated body, a gateway page).
    pub code: Option<u32>,
    /// The kind of fault applied (`status_502`, `status_503`, `api_code`, `reset`, `delay`,
    /// `truncated`), if any.
    pub fault: Option<&'static str>,
    /// Whether a stub answered it.
    pub stubbed: bool,
    /// The state clock's time (Unix seconds) when it arrived.
    pub time: u64,
}

impl RecordedRequest {
    /// The admin API's JSON for this request.
    pub(crate) fn to_json(&self) -> Value {
        json!({
            "method": self.method,
            "path": self.path,
            "query": self.query,
            "trace_id": self.trace_id,
            "code": self.code,
            "fault": self.fault,
            "stubbed": self.stubbed,
            "time": self.time,
        })
    }
}

/// Cuts `text` to [`MAX_TEXT`] bytes on a character boundary.
pub(crate) fn bounded(text: &str) -> String {
    let mut end = text.len().min(MAX_TEXT);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].to_owned()
}

/// The last `capacity` requests, oldest first.
#[derive(Debug)]
pub(crate) struct RequestLog {
    entries: VecDeque<RecordedRequest>,
    capacity: usize,
}

impl Default for RequestLog {
    fn default() -> Self {
        RequestLog::new(DEFAULT_CAPACITY)
    }
}

impl RequestLog {
    /// An empty log keeping the last `capacity` requests (0 keeps none).
    pub(crate) fn new(capacity: usize) -> RequestLog {
        RequestLog {
            entries: VecDeque::new(),
            capacity,
        }
    }

    /// Appends `entry`, forgetting the oldest beyond the capacity.
    pub(crate) fn push(&mut self, entry: RecordedRequest) {
        if self.capacity == 0 {
            return;
        }
        while self.entries.len() >= self.capacity {
            self.entries.pop_front();
        }
        self.entries.push_back(entry);
    }

    /// Copies of the entries, oldest first.
    pub(crate) fn all(&self) -> Vec<RecordedRequest> {
        self.entries.iter().cloned().collect()
    }

    /// Forgets every entry.
    pub(crate) fn clear(&mut self) {
        self.entries.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(path: &str) -> RecordedRequest {
        RecordedRequest {
            method: "POST".into(),
            path: path.into(),
            query: None,
            trace_id: None,
            code: Some(200),
            fault: None,
            stubbed: false,
            time: 0,
        }
    }

    #[test]
    fn keeps_the_last_n() {
        let mut log = RequestLog::new(2);
        for p in ["a", "b", "c"] {
            log.push(entry(p));
        }
        let paths: Vec<String> = log.all().into_iter().map(|e| e.path).collect();
        assert_eq!(paths, ["b", "c"]);
        let mut none = RequestLog::new(0);
        none.push(entry("a"));
        assert!(none.all().is_empty());
    }

    #[test]
    fn bounds_text_on_char_boundaries() {
        assert_eq!(bounded(&"网".repeat(400)).len(), 510);
        assert_eq!(bounded("abc"), "abc");
    }
}
