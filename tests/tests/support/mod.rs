//! What the end-to-end tests share: an emulator and a client pointed at it.

use nim_api::{Client, RetryPolicy};
use nim_emulator::Emulator;

/// A fresh emulator for `key`/`secret` and a client without retries pointed at it.
pub async fn emulator_and_client(key: &str, secret: &str) -> (Emulator, Client) {
    let emu = Emulator::start(key, secret).await.unwrap();
    let client = client_of(&emu, key, secret);
    (emu, client)
}

/// A client without retries pointed at `emu`, whose credentials are `key`/`secret`. Not
/// every test file uses it, hence the allowance.
#[allow(dead_code)]
pub fn client_of(emu: &Emulator, key: &str, secret: &str) -> Client {
    Client::builder()
        .app_key(key)
        .app_secret(secret)
        .base_url(emu.base_url())
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap()
}

/// [`emulator_and_client`] with `accounts` already created through the API (v1
/// `user/create`). Not every test file uses it, hence the allowance.
#[allow(dead_code)]
pub async fn with_accounts(key: &str, secret: &str, accounts: &[&str]) -> (Emulator, Client) {
    let (emu, client) = emulator_and_client(key, secret).await;
    for accid in accounts {
        client
            .call(&nim_api::user::CreateUser::new(*accid))
            .await
            .unwrap();
    }
    (emu, client)
}

/// The server's code of a failed call (panics on any other kind of failure). Not every
/// test file uses it, hence the allowance.
#[allow(dead_code)]
pub fn code(err: &nim_api::Error) -> u32 {
    err.api_code()
        .unwrap_or_else(|| panic!("not an API error: {err}"))
}
