//! What the end-to-end tests share: an emulator and a client pointed at it.

use nim_api::{Client, RetryPolicy};
use nim_emulator::Emulator;

/// A fresh emulator for `key`/`secret` and a client without retries pointed at it.
pub async fn emulator_and_client(key: &str, secret: &str) -> (Emulator, Client) {
    let emu = Emulator::start(key, secret).await.unwrap();
    let client = Client::builder()
        .app_key(key)
        .app_secret(secret)
        .base_url(emu.base_url())
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    (emu, client)
}
