//! What can go wrong when a test configures or inspects callbacks.

use std::fmt;
use std::time::Duration;

use super::delivery::Delivery;

/// Why a callback configuration or inspection call failed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CallbacksError {
    /// The callback URL was refused (not `http://`, e.g. `https://`, or not a URL); the text
    /// says why.
    InvalidUrl(String),
    /// No callback URL is configured, so nothing can be sent.
    NoUrl,
    /// No recorded delivery has this `seq` (never made, or cleared).
    UnknownDelivery(u64),
    /// Fewer deliveries than wanted were recorded within the time allowed.
    TimedOut {
        /// How many were wanted.
        wanted: usize,
        /// How long was waited.
        waited: Duration,
        /// What was recorded by then.
        deliveries: Vec<Delivery>,
    },
    /// The delivery was dropped before it was made: the emulator stopped or was reset.
    Cancelled,
}

impl fmt::Display for CallbacksError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CallbacksError::InvalidUrl(why) => f.write_str(why),
            CallbacksError::NoUrl => f.write_str("no callback URL is configured"),
            CallbacksError::UnknownDelivery(seq) => write!(f, "no recorded delivery {seq}"),
            CallbacksError::TimedOut {
                wanted,
                waited,
                deliveries,
            } => write!(
                f,
                "{} of {wanted} callback deliveries recorded within {waited:?}",
                deliveries.len()
            ),
            CallbacksError::Cancelled => {
                f.write_str("the delivery was dropped: the emulator stopped or was reset")
            }
        }
    }
}

impl std::error::Error for CallbacksError {}

impl From<CallbacksError> for std::io::Error {
    fn from(err: CallbacksError) -> std::io::Error {
        std::io::Error::new(std::io::ErrorKind::InvalidInput, err.to_string())
    }
}
