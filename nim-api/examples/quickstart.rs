//! The five account actions, end to end.
//!
//! ```text
//! cargo run -p nim-api --example quickstart
//! ```
//!
//! With `NIM_APP_KEY` and `NIM_APP_SECRET` set (and optionally `NIM_BASE_URL` or
//! `NIM_REGION`), it talks to that server; with neither set, it starts the built-in emulator
//! in-process and runs there. Either way it creates a fresh account, sets its token, has the
//! server reset it, bans the account (logging it out) and lifts the ban.

#![allow(clippy::print_stdout)]

use std::process::ExitCode;

use nim_api::Client;
use nim_api::user::{BlockUser, CreateUser, Gender, RefreshToken, UnblockUser, UpdateToken};
use nim_emulator::Emulator;

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("quickstart failed: {err}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), Box<dyn std::error::Error>> {
    // Keep the emulator alive for the whole run when we use it.
    let (client, _emulator) = connect().await?;
    println!("server: {}", client.base_url());

    let accid = fresh_accid();

    let request = CreateUser::new(&accid)
        .name("Quickstart 用户")
        .gender(Gender::Female);
    println!("-> create {accid}");
    let created = client.call(&request).await?;
    println!(
        "   accid={} token={} name={:?}",
        created.accid, created.token, created.name
    );

    println!("-> update token");
    client
        .call(&UpdateToken::new(&accid).token("quickstart-token-2"))
        .await?;
    println!("   ok");

    println!("-> refresh token");
    let refreshed = client.call(&RefreshToken::new(&accid)).await?;
    println!("   accid={} token={}", refreshed.accid, refreshed.token);

    println!("-> block (need_kick = true)");
    client.call(&BlockUser::new(&accid).need_kick(true)).await?;
    println!("   ok");

    println!("-> unblock");
    client.call(&UnblockUser::new(&accid)).await?;
    println!("   ok");

    println!("all five account actions succeeded");
    Ok(())
}

/// A client for the server named in the environment, or for a fresh in-process emulator.
async fn connect() -> Result<(Client, Option<Emulator>), Box<dyn std::error::Error>> {
    let has_key = std::env::var_os("NIM_APP_KEY").is_some();
    let has_secret = std::env::var_os("NIM_APP_SECRET").is_some();
    match (has_key, has_secret) {
        (true, true) => {
            println!("using the server from the environment");
            Ok((Client::from_env()?, None))
        }
        (false, false) => {
            let emulator = Emulator::start("quickstart-app-key", "quickstart-app-secret").await?;
            println!("NIM_APP_KEY/NIM_APP_SECRET not set: using the built-in emulator");
            let client = Client::builder()
                .app_key("quickstart-app-key")
                .app_secret("quickstart-app-secret")
                .base_url(emulator.base_url())
                .build()?;
            Ok((client, Some(emulator)))
        }
        _ => Err("set both NIM_APP_KEY and NIM_APP_SECRET, or neither to use the emulator".into()),
    }
}

/// An accid no earlier run has used: `qs` + Unix seconds + 8 random hex digits.
fn fresh_accid() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let nonce = nim_api::NonceSource::next_nonce(&nim_api::RandomNonce);
    format!("qs{secs}{}", &nonce[..8])
}
