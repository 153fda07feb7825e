//! The five account actions against the real NetEase server. Runs only when `NIM_APP_KEY` and
//! `NIM_APP_SECRET` are set (with `NIM_BASE_URL` or `NIM_REGION` to choose the host); without
//! them it prints why it skips and passes, so a plain `cargo test` needs no credentials.
//!
//! Each run creates one fresh account and leaves it banned-then-unbanned: accounts cannot be
//! deleted, so a live run always adds one to the app.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write as _;

use nim_api::Client;
use nim_api::user::{BlockUser, CreateUser, RefreshToken, UnblockUser, UpdateToken};

fn live_client() -> Option<Client> {
    let key = std::env::var("NIM_APP_KEY").ok().filter(|v| !v.is_empty());
    let secret = std::env::var("NIM_APP_SECRET")
        .ok()
        .filter(|v| !v.is_empty());
    if key.is_none() || secret.is_none() {
        // Written to the stream directly: libtest captures `eprintln!` of passing tests, and
        // the reason for skipping should be visible in every run.
        let _ = writeln!(
            std::io::stderr(),
            "skipping live test: NIM_APP_KEY and NIM_APP_SECRET are not both set \
             (set them to run the account actions against the real server)"
        );
        return None;
    }
    Some(Client::from_env().expect("a client from the environment"))
}

#[tokio::test]
async fn live_account_lifecycle() {
    let Some(client) = live_client() else {
        return;
    };
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let accid = format!("nimrs_live_{stamp}");

    let created = client
        .call(&CreateUser::new(&accid).name("nim-rs live test"))
        .await
        .unwrap();
    assert_eq!(created.accid, accid);
    assert!(!created.token.is_empty());

    let err = client.call(&CreateUser::new(&accid)).await.unwrap_err();
    assert!(err.is_already_registered(), "{err}");

    client
        .call(&UpdateToken::new(&accid).token("nimrs-live-token"))
        .await
        .unwrap();
    let refreshed = client.call(&RefreshToken::new(&accid)).await.unwrap();
    assert_eq!(refreshed.accid, accid);
    assert_ne!(refreshed.token, "nimrs-live-token");

    client
        .call(&BlockUser::new(&accid).need_kick(true))
        .await
        .unwrap();
    client.call(&UnblockUser::new(&accid)).await.unwrap();
}

#[tokio::test]
async fn live_unknown_accid_is_an_api_error() {
    let Some(client) = live_client() else {
        return;
    };
    let err = client
        .call(&RefreshToken::new("nimrs_surely_absent_0000"))
        .await
        .unwrap_err();
    assert_eq!(err.api_code(), Some(414), "{err}");
}
