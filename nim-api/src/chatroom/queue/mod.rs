//! The room's queue actions; their facts and rules are in the [module docs](super).

mod actions;
mod answers;
mod shapes;

pub use actions::*;
pub use answers::{
    BatchOffered, BatchUpdated, PolledElement, QueueChanged, QueueEntries, QueueEntry,
};
pub(crate) use shapes::optional_keys_fit;
pub use shapes::{HighPriorityPolicy, QueueOfferElement, QueuePriority, QueueValues};
