//! Callbacks (抄送 copies) to the app's server, as the real service sends them after
//! processing a message: a signed JSON POST to the URL the app configured.
//!
//! Handlers are synchronous, so they only [`enqueue`](Callbacks::enqueue) a copy (built by
//! [`copies`]); one background task per emulator ([`worker`]) POSTs them in order, one
//! attempt each, and records every delivery in a bounded log that tests read and wait on.
//! With no URL configured nothing is built, queued or recorded.
//!
//! A reset clears the log and the queue (a delivery in flight is not recorded) but keeps
//! the URL: the URL is configuration, like the app's console setting.

pub(crate) mod copies;
mod delivery;
mod error;
mod post;
mod sign;
mod url;
pub(crate) mod worker;

use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::Duration;

use serde_json::Value;
use tokio::sync::{Notify, oneshot, watch};

use crate::lock;
use crate::router::Kept;

pub use delivery::{Delivery, SignedHeaders, Tamper};
pub use error::CallbacksError;
pub(crate) use sign::Signer;
use url::CallbackUrl;

/// How many deliveries the log keeps, the oldest forgotten first.
pub(crate) const LOG_MAX: usize = 10_000;

/// How many deliveries may wait to be sent; more are recorded at once as not sent, so an
/// app that never answers cannot make the emulator's memory grow without bound.
const QUEUE_MAX: usize = 10_000;

/// What a job sends.
enum What {
    /// A new copy (or the `{}` address check), signed when it is sent.
    Fresh(String),
    /// A recorded delivery again, changed as `Tamper` says.
    Replay(Box<Delivery>, Tamper),
}

/// One delivery waiting for the worker.
pub(crate) struct Job {
    url: CallbackUrl,
    event_type: Option<String>,
    what: What,
    /// The reset generation it was queued in; a reset drops it.
    generation: u64,
    /// Who waits for its record (redelivery and check routes).
    answer: Option<oneshot::Sender<Delivery>>,
}

#[derive(Default)]
struct Inner {
    url: Option<CallbackUrl>,
    queue: VecDeque<Job>,
    log: VecDeque<Delivery>,
    next_seq: u64,
    generation: u64,
    /// Deliveries recorded since the log was last emptied (the log keeps only the last
    /// `LOG_MAX`).
    recorded: usize,
}

/// The callback sink of one emulator: configuration, queue and delivery log.
pub(crate) struct Callbacks {
    inner: Mutex<Inner>,
    /// Wakes the worker when a job is queued (a permit is stored if it is busy).
    wake: Notify,
    /// How many deliveries were recorded since the log was last emptied, for waiters.
    recorded: watch::Sender<usize>,
}

impl Default for Callbacks {
    fn default() -> Self {
        Callbacks {
            inner: Mutex::default(),
            wake: Notify::new(),
            recorded: watch::Sender::new(0),
        }
    }
}

impl Kept for Callbacks {
    /// Clears the log and the queue; the URL stays.
    fn reset(&self) {
        let mut inner = lock(&self.inner);
        inner.log.clear();
        // Dropping the jobs drops their answer senders: waiters learn they were cancelled.
        inner.queue.clear();
        inner.generation += 1;
        inner.recorded = 0;
        self.recorded.send_replace(0);
    }
}

impl Callbacks {
    /// The configured URL.
    pub(crate) fn url(&self) -> Option<String> {
        lock(&self.inner).url.as_ref().map(ToString::to_string)
    }

    /// Sets (or with `None` removes) the URL; a URL that is not plain `http://` is refused
    /// and the old one kept.
    pub(crate) fn set_url(&self, url: Option<&str>) -> Result<(), CallbacksError> {
        let url = url
            .map(CallbackUrl::parse)
            .transpose()
            .map_err(CallbacksError::InvalidUrl)?;
        lock(&self.inner).url = url;
        Ok(())
    }

    /// Queues the copy `build` makes, if a URL is configured (otherwise `build` is not even
    /// called). The one entry point of every family that produces callbacks. Answers
    /// whether it was queued.
    pub(crate) fn enqueue(&self, build: impl FnOnce() -> Value) -> bool {
        let mut inner = lock(&self.inner);
        let Some(url) = inner.url.clone() else {
            return false;
        };
        let copy = build();
        let event_type = copy.get("eventType").and_then(event_type_text);
        self.push(
            &mut inner,
            url,
            event_type,
            What::Fresh(copy.to_string()),
            None,
        );
        true
    }

    /// Queues the address check: `{}`, signed, as the console sends it when a URL is saved.
    pub(crate) fn check(&self) -> Result<oneshot::Receiver<Delivery>, CallbacksError> {
        let mut inner = lock(&self.inner);
        let url = inner.url.clone().ok_or(CallbacksError::NoUrl)?;
        let (tx, rx) = oneshot::channel();
        self.push(&mut inner, url, None, What::Fresh("{}".into()), Some(tx));
        Ok(rx)
    }

    /// Queues delivery `seq` again, to the URL it went to, changed as `tamper` says.
    pub(crate) fn redeliver(
        &self,
        seq: u64,
        tamper: Tamper,
    ) -> Result<oneshot::Receiver<Delivery>, CallbacksError> {
        let mut inner = lock(&self.inner);
        let original = inner
            .log
            .iter()
            .find(|d| d.seq == seq)
            .cloned()
            .ok_or(CallbacksError::UnknownDelivery(seq))?;
        let url = CallbackUrl::parse(&original.url).map_err(CallbacksError::InvalidUrl)?;
        let (tx, rx) = oneshot::channel();
        let event_type = original.event_type.clone();
        let what = What::Replay(Box::new(original), tamper);
        self.push(&mut inner, url, event_type, what, Some(tx));
        Ok(rx)
    }

    fn push(
        &self,
        inner: &mut Inner,
        url: CallbackUrl,
        event_type: Option<String>,
        what: What,
        answer: Option<oneshot::Sender<Delivery>>,
    ) {
        let job = Job {
            url,
            event_type,
            what,
            generation: inner.generation,
            answer,
        };
        if inner.queue.len() >= QUEUE_MAX {
            let delivery = Delivery {
                url: job.url.to_string(),
                event_type: job.event_type.clone(),
                error: Some(format!(
                    "not sent: {QUEUE_MAX} deliveries were already waiting"
                )),
                ..Delivery::default()
            };
            self.record_locked(inner, job, delivery);
            return;
        }
        inner.queue.push_back(job);
        self.wake.notify_one();
    }

    /// The next job, waiting for one.
    pub(crate) async fn next_job(&self) -> Job {
        loop {
            if let Some(job) = lock(&self.inner).queue.pop_front() {
                return job;
            }
            self.wake.notified().await;
        }
    }

    /// Numbers and logs `delivery` (unless a reset came since `job` was queued) and hands it
    /// to whoever waits for it.
    pub(crate) fn record(&self, job: Job, delivery: Delivery) {
        let mut inner = lock(&self.inner);
        self.record_locked(&mut inner, job, delivery);
    }

    fn record_locked(&self, inner: &mut Inner, job: Job, mut delivery: Delivery) {
        if job.generation != inner.generation {
            return;
        }
        inner.next_seq += 1;
        delivery.seq = inner.next_seq;
        if inner.log.len() >= LOG_MAX {
            inner.log.pop_front();
        }
        inner.log.push_back(delivery.clone());
        // Counted apart from the log, which forgets its oldest: a wait for n deliveries must
        // not be met by a full log.
        inner.recorded += 1;
        self.recorded.send_replace(inner.recorded);
        if let Some(answer) = job.answer {
            // The waiter may have given up; the record is in the log either way.
            let _ = answer.send(delivery);
        }
    }

    /// Every recorded delivery, oldest first.
    pub(crate) fn deliveries(&self) -> Vec<Delivery> {
        lock(&self.inner).log.iter().cloned().collect()
    }

    /// Empties the log (queued deliveries are still made and recorded).
    pub(crate) fn clear(&self) {
        let mut inner = lock(&self.inner);
        inner.log.clear();
        inner.recorded = 0;
        self.recorded.send_replace(0);
    }

    /// Every logged delivery once at least `n` have been recorded since the log was last
    /// emptied, waiting at most `timeout`.
    pub(crate) async fn wait_for(
        &self,
        n: usize,
        timeout: Duration,
    ) -> Result<Vec<Delivery>, CallbacksError> {
        let mut count = self.recorded.subscribe();
        let reached = tokio::time::timeout(timeout, count.wait_for(|c| *c >= n)).await;
        // The sender lives as long as `self`, so only the timeout can end the wait early.
        match reached {
            Ok(Ok(_)) => Ok(self.deliveries()),
            _ => Err(CallbacksError::TimedOut {
                wanted: n,
                waited: timeout,
                deliveries: self.deliveries(),
            }),
        }
    }
}

/// `eventType` as text, whether the copy carries it as a string or a number.
fn event_type_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}
