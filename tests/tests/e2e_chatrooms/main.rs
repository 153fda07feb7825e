//! Chatrooms end to end against the emulator, through the real client. One file per area
//! of the chatroom families; the helpers every area uses are here.

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

#[path = "../support/mod.rs"]
mod support;

mod lifecycle;
mod messages;

use nim_api::Client;
use nim_api::chatroom::CreateChatroom;
use nim_emulator::Emulator;
use support::{code, with_accounts};

/// An emulator with accounts `owner`, `other` and `guest`, and a client of it.
pub(crate) async fn setup() -> (Emulator, Client) {
    with_accounts("room-key", "room-secret", &["owner", "other", "guest"]).await
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
