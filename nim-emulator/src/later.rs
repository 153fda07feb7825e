//! An answer that a background task completes: the callback redelivery and address check
//! admin routes answer the delivery's record, which exists only once the callback worker
//! has POSTed it. Handlers are synchronous, so they hand the server a future to await.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};

use crate::lock;
use crate::reply::Reply;

type Pending = Pin<Box<dyn Future<Output = Reply> + Send>>;

/// The rest of an answer, awaited by the HTTP server in place of the placeholder body.
///
/// Shared behind a mutex only so that [`Reply`] stays `Clone`: the first taker gets the
/// future, a clone finds it gone.
#[derive(Clone)]
pub(crate) struct Later(Arc<Mutex<Option<Pending>>>);

impl Later {
    /// Wraps the future that produces the final answer.
    pub(crate) fn new(answer: impl Future<Output = Reply> + Send + 'static) -> Later {
        Later(Arc::new(Mutex::new(Some(Box::pin(answer)))))
    }

    /// The final answer; `placeholder` when the future was already taken.
    pub(crate) async fn answer(self, placeholder: Reply) -> Reply {
        let pending = lock(&self.0).take();
        match pending {
            Some(pending) => pending.await,
            None => placeholder,
        }
    }
}

impl PartialEq for Later {
    fn eq(&self, other: &Later) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for Later {}

impl fmt::Debug for Later {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Later(..)")
    }
}
