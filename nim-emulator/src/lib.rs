//! An in-memory server that answers like the CommsEase (NetEase Yunxin) IM server API, for
//! testing offline: no NetEase account, no network, no shared state between tests.
//!
//! It serves the v1 `user/*.action` family (13 actions) and the v2 account (8 operations)
//! and user (4 operations) families, all on one account store: an account made with v1
//! `user/create.action` is found by v2 `GET /im/v2/accounts/{account_id}`, a ban through either
//! is seen by both. The message families (v1 `msg/*`, `history/*`, `job/nos/del`: 20 actions;
//! v2 `message`, `custom_notification`, `broadcast`: 24 operations) share one message store,
//! one broadcast store and one notification log the same way; the friend families (v1
//! `friend/*`: 5 actions; v2 `friends`: 6 operations) share one friend store; v2 block and
//! mute contacts (6 operations) are the v1 `setSpecialRelation` lists; and online-status
//! subscriptions (v1 `event/subscribe/*`: 4 actions; v2 `subscription`: 3 operations) share
//! one store. Requests are authenticated as the real server does it (AppKey, Nonce,
//! CurTime in seconds, CheckSum; 5-minute window; 431 for a reused nonce), before routing.
//!
//! Tests can look at the accounts and the request log (with each request's trace id), stub
//! any action (implemented or not), make requests fail (gateway pages, API codes, dropped
//! connections, delays, truncated JSON), and move the clock state depends on without moving
//! the one that checks CurTime. The binary offers the same through unsigned admin routes
//! below `/_emulator/` on its port, for tests in any language.
//!
//! It can also POST signed callbacks (抄送 copies) to an app's `http://` receiver, as the real
//! service does: a copy of every message stored by a send (eventType 1, and the custom
//! notification copies), recalls (7, 8, 25), modifications (89, 90, 91), and logins and
//! logouts a test simulates (2, 3). Set the URL with
//! [`EmulatorBuilder::callback_url`] or [`Emulator::set_callback_url`]; deliveries are sent
//! by a background task, so wait for them with [`Emulator::wait_for_deliveries`]; test a
//! receiver's refusals with [`Emulator::redeliver`] and a [`Tamper`]. Intercepting
//! third-party callbacks are never sent: the real service sends none for server-API actions.
//!
//! Each family is a module that registers its routes (method + path template + handler) and
//! borrows the state it needs from a registry; routing, authentication, trace ids, faults,
//! stubs and the log are written once. See the crate's README for the routes and the admin API.
//!
//! It shares signing and status codes with `nim-core`, never its client: what it accepts and
//! answers is checked independently of how the SDK sends it.
//!
//! ```
//! use nim_emulator::{Emulator, Fault};
//!
//! #[tokio::main]
//! async fn main() -> std::io::Result<()> {
//!     let emu = Emulator::start("my-app-key", "my-app-secret").await?;
//!     // Point a client at it:
//!     //   Client::builder().app_key("my-app-key").app_secret("my-app-secret")
//!     //       .base_url(emu.base_url()).build()?
//!     println!("serving at {}", emu.base_url());
//!
//!     emu.inject(Fault::BadGateway, 1); // the next request gets an HTML 502
//!     assert_eq!(emu.account("zhangsan"), None);
//!     assert_eq!(emu.request_count("user/create.action"), 0);
//!     emu.shutdown().await;
//!     Ok(())
//! }
//! ```
//!
//! The `nim-emulator` binary serves the same over HTTP for tests in other languages or
//! manual use: `nim-emulator --port 0 --app-key K --app-secret S` prints its base URL on its
//! first line of stdout and stops cleanly on SIGINT or SIGTERM; `--request-log N` bounds the
//! request log (default 100,000); `--callback-url URL` sends callbacks there. Without
//! `--app-secret` it reads the secret from `NIM_EMULATOR_APP_SECRET`, keeping it out of the process list.
//! Its argument parsing and run loop are [`cli::run`], which `nim emulator` (the `nim-cli`
//! crate) calls too, so both take the same flags.
#![forbid(unsafe_code)]

mod accounts;
mod admin;
mod auth;
mod base64;
mod broadcasts;
mod call;
mod callbacks;
mod chatrooms;
pub mod cli;
mod clock;
mod conversations;
mod core;
mod emulator;
mod fake;
mod families;
mod faults;
mod friends;
mod inspect;
mod inspect_callbacks;
mod inspect_chatrooms;
mod inspect_friends;
mod inspect_messages;
mod inspect_subscriptions;
mod inspect_teams;
mod json_body;
mod later;
mod log;
mod message_content;
mod messages;
mod nonce_cache;
mod notifications;
mod params;
mod pushes;
mod reply;
mod router;
mod server;
mod signalling;
mod stats;
mod stubs;
mod subscriptions;
mod teams;
mod views;

use std::sync::{Mutex, MutexGuard, PoisonError};

pub use accounts::{Account, Session};
pub use broadcasts::{Broadcast, ChatroomBroadcast};
pub use callbacks::{CallbacksError, Delivery, SignedHeaders, Tamper};
pub use chatrooms::{ChatroomMemberRecord, ChatroomRecord, ChatroomRole};
pub use clock::{Clock, FixedClock, ManualClock, SystemClock};
pub use emulator::{Emulator, EmulatorBuilder};
pub use fake::FAKE_ANSWERS;
pub use faults::Fault;
pub use friends::{FriendRecord, FriendRequestRecord};
pub use log::RecordedRequest;
pub use messages::{Message, QuickComment, Stream};
pub use notifications::{Notification, UserEvent};
pub use reply::Reply;
pub use subscriptions::SubscriptionRecord;
pub use teams::{TeamKind, TeamMemberRecord, TeamRecord, TeamRole};

/// Locks `mutex`, ignoring poisoning: every critical section leaves its state consistent
/// (single map operations), so a panic elsewhere is no reason to stop answering.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
