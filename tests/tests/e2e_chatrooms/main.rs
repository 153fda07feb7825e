//! Chatrooms end to end against the emulator, through the real client. One file per area
//! of the chatroom families; the helpers every area uses are here.

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

#[path = "../support/mod.rs"]
mod support;

mod journey;
mod lifecycle;
mod members;
mod messages;
mod queue;
mod roles;
mod v2_rooms;

use nim_api::chatroom::CreateChatroom;
use nim_api::{Client, Clock, SystemClock};
use nim_emulator::{Emulator, ManualClock};
use support::{client_of, code};

/// An emulator with accounts `owner`, `other` and `guest`, and a client of it. The state
/// clock stands still (at the time of the call) and moves only by `advance_clock`: expiry
/// and delay-close tests would be flaky if the wall clock ticked a second between two
/// reads. Signing still runs on the system clock.
pub(crate) async fn setup() -> (Emulator, Client) {
    let (key, secret) = ("room-key", "room-secret");
    let emu = Emulator::builder(key, secret)
        .state_clock(ManualClock::new(SystemClock.now_unix()))
        .start()
        .await
        .unwrap();
    let client = client_of(&emu, key, secret);
    for accid in ["owner", "other", "guest"] {
        client
            .call(&nim_api::user::CreateUser::new(accid))
            .await
            .unwrap();
    }
    (emu, client)
}

/// The code a call that must fail answers.
pub(crate) async fn refused<E: nim_api::Endpoint>(client: &Client, request: &E) -> u32 {
    match client.call(request).await {
        Ok(_) => panic!("{} went through", std::any::type_name::<E>()),
        Err(err) => code(&err),
    }
}

/// A new room of `owner` named `name`; its id.
pub(crate) async fn room(client: &Client, name: &str) -> u64 {
    client
        .call(&CreateChatroom::new("owner", name))
        .await
        .unwrap()
        .roomid
}
