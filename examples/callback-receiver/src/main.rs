//! Serves the callback endpoints on `PORT` (default 8080) of `HOST` (default 127.0.0.1) for the
//! application named by `NIM_APP_KEY` and `NIM_APP_SECRET`; logs each event to stderr.
//!
//! ```text
//! NIM_APP_KEY=... NIM_APP_SECRET=... cargo run -p nim-callback-receiver-example
//! ```
#![forbid(unsafe_code)]

use std::net::SocketAddr;

use nim_api::Credentials;
use nim_api::callback::CallbackReceiver;
use nim_callback_receiver_example::{Received, app};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .init();
    let var = |name: &str| std::env::var(name).map_err(|_| format!("set {name}"));
    let credentials = Credentials::new(var("NIM_APP_KEY")?, var("NIM_APP_SECRET")?);
    let host = std::env::var("HOST").unwrap_or_else(|_| "127.0.0.1".into());
    let port = std::env::var("PORT").unwrap_or_else(|_| "8080".into());
    let addr: SocketAddr = format!("{host}:{port}").parse()?;
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!(address = %listener.local_addr()?, "receiving callbacks at /nim/copies and /nim/intercepts");
    let router = app(CallbackReceiver::new(credentials), Received::default());
    axum::serve(listener, router)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
