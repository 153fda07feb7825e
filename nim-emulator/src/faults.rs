//! Fault injection: the next requests fail the way a real network or gateway fails.

use std::collections::VecDeque;
use std::time::Duration;

/// A failure to apply to a request instead of (or on top of) its normal answer.
///
/// Queue faults with [`Emulator::inject`](crate::Emulator::inject). Faults that model a
/// failure *in front of* the API ([`BadGateway`](Fault::BadGateway),
/// [`ServiceUnavailable`](Fault::ServiceUnavailable), [`Busy`](Fault::Busy)) answer without
/// running the action. Faults that model a failure *after* the API answered
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
}

impl Fault {
    /// Whether the request still reaches the API (its action runs) under this fault.
    pub(crate) fn runs_action(&self) -> bool {
        matches!(
            self,
            Fault::Delay(_) | Fault::DropConnection | Fault::TruncatedJson
        )
    }
}

/// The faults waiting for the next requests, in the order they were injected.
#[derive(Debug, Default)]
pub(crate) struct FaultQueue {
    queue: VecDeque<(Fault, u32)>,
    applied: u64,
}

impl FaultQueue {
    /// Queues `fault` for the next `times` requests after those already queued.
    pub(crate) fn push(&mut self, fault: Fault, times: u32) {
        if times > 0 {
            self.queue.push_back((fault, times));
        }
    }

    /// The fault for the request arriving now, if any.
    pub(crate) fn take(&mut self) -> Option<Fault> {
        let (fault, left) = self.queue.front_mut()?;
        let fault = fault.clone();
        *left -= 1;
        if *left == 0 {
            self.queue.pop_front();
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
        self.queue.iter().map(|&(_, n)| u64::from(n)).sum()
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
        assert_eq!(q.take(), Some(Fault::BadGateway));
        assert_eq!(q.take(), Some(Fault::BadGateway));
        assert_eq!(q.take(), Some(Fault::TruncatedJson));
        assert_eq!(q.take(), None);
        assert_eq!(q.applied(), 3);
    }
}
