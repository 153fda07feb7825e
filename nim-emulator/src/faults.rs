//! Fault injection: the next requests fail the way a real network or gateway fails.

use std::collections::VecDeque;
use std::time::Duration;

/// A failure to apply to a request instead of (or on top of) its normal answer.
///
/// Queue faults with [`Emulator::inject`](crate::Emulator::inject) (any request) or
/// [`Emulator::inject_at`](crate::Emulator::inject_at) (one method and path). Faults that model a
/// failure *in front of* the API ([`BadGateway`](Fault::BadGateway),
/// [`ServiceUnavailable`](Fault::ServiceUnavailable), [`Busy`](Fault::Busy),
/// [`ApiCode`](Fault::ApiCode)) answer without running the action (and before the signature
/// is checked). Faults that model a failure *after* the API answered
/// ([`Delay`](Fault::Delay), [`TruncatedJson`](Fault::TruncatedJson),
/// [`DropConnection`](Fault::DropConnection)) run the action first, with its authentication
/// and state change, and then spoil the delivery: the outcome is unknown to the client, which
/// is the case a client's retry policy has to get right.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Fault {
    /// Wait this long before answering normally (for client timeout tests). An emulator
    /// shutting down ends the wait by closing the connection.
    Delay(Duration),
    /// HTTP 502 with an HTML page, as a reverse proxy answers when the API is down.
    BadGateway,
    /// HTTP 503 with an HTML page.
    ServiceUnavailable,
    /// HTTP 200 with `{"code":503,"desc":"server busy"}`: the API itself says it is busy.
    Busy,
    /// Close the TCP connection without writing any answer.
    DropConnection,
    /// HTTP 200 with the first half of the JSON answer, e.g. `{"code":200,"info":{"tok`.
    TruncatedJson,
    /// HTTP 200 with `{"code":N,...}` (e.g. 416 rate limited), the action not run.
    ApiCode(u32),
}

impl Fault {
    /// The kind's name in the admin API and the request log.
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Fault::Delay(_) => "delay",
            Fault::BadGateway => "status_502",
            Fault::ServiceUnavailable => "status_503",
            Fault::Busy | Fault::ApiCode(_) => "api_code",
            Fault::DropConnection => "reset",
            Fault::TruncatedJson => "truncated",
        }
    }
}

/// The most queued fault entries; pushing one more drops the oldest.
const MAX_ENTRIES: usize = 1024;

/// Which requests a queued fault applies to.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Target {
    /// The URL path as sent (no query); `None` for any path.
    pub(crate) path: Option<String>,
    /// The method (case-insensitive); `None` for any method.
    pub(crate) method: Option<String>,
}

impl Target {
    fn matches(&self, method: &str, path: &str) -> bool {
        self.path.as_deref().is_none_or(|p| p == path)
            && self
                .method
                .as_deref()
                .is_none_or(|m| m.eq_ignore_ascii_case(method))
    }
}

/// The faults waiting for the next requests, in the order they were injected.
#[derive(Debug, Default)]
pub(crate) struct FaultQueue {
    queue: VecDeque<(Fault, u32, Target)>,
    applied: u64,
}

impl FaultQueue {
    /// Queues `fault` for the next `times` requests after those already queued.
    pub(crate) fn push(&mut self, fault: Fault, times: u32) {
        self.push_for(fault, times, Target::default());
    }

    /// Queues `fault` for the next `times` requests that `target` matches.
    pub(crate) fn push_for(&mut self, fault: Fault, times: u32, target: Target) {
        if times > 0 {
            if self.queue.len() >= MAX_ENTRIES {
                self.queue.pop_front();
            }
            self.queue.push_back((fault, times, target));
        }
    }

    /// The fault for the request arriving now (`method`, URL `path`), if any: the oldest
    /// queued one that matches it.
    pub(crate) fn take(&mut self, method: &str, path: &str) -> Option<Fault> {
        let index = self
            .queue
            .iter()
            .position(|(_, _, target)| target.matches(method, path))?;
        let (fault, left, _) = self.queue.get_mut(index)?;
        let fault = fault.clone();
        *left -= 1;
        if *left == 0 {
            self.queue.remove(index);
        }
        self.applied += 1;
        Some(fault)
    }

    /// Drops every queued fault.
    pub(crate) fn clear(&mut self) {
        self.queue.clear();
    }

    /// How many requests the queued faults will still spoil.
    pub(crate) fn pending(&self) -> u64 {
        self.queue.iter().map(|&(_, n, _)| u64::from(n)).sum()
    }

    /// How many requests a fault has been applied to so far.
    pub(crate) fn applied(&self) -> u64 {
        self.applied
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faults_apply_in_order_and_are_counted() {
        let mut q = FaultQueue::default();
        q.push(Fault::BadGateway, 2);
        q.push(Fault::Busy, 0);
        q.push(Fault::TruncatedJson, 1);
        assert_eq!(q.pending(), 3);
        assert_eq!(q.take("POST", "/a"), Some(Fault::BadGateway));
        assert_eq!(q.take("POST", "/a"), Some(Fault::BadGateway));
        assert_eq!(q.take("POST", "/a"), Some(Fault::TruncatedJson));
        assert_eq!(q.take("POST", "/a"), None);
        assert_eq!(q.applied(), 3);
    }

    #[test]
    fn targeted_faults_wait_for_their_request() {
        let mut q = FaultQueue::default();
        let target = Target {
            path: Some("/b".into()),
            method: Some("get".into()),
        };
        q.push_for(Fault::ApiCode(416), 1, target);
        assert_eq!(q.take("POST", "/b"), None);
        assert_eq!(q.take("GET", "/a"), None);
        assert_eq!(q.take("GET", "/b"), Some(Fault::ApiCode(416)));
        assert_eq!(q.pending(), 0);
    }
}
