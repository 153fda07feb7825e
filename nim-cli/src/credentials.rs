//! The client of every subcommand that talks to the API: credentials from the environment
//! variables the library reads ([`Client::from_env`](nim_api::ClientBuilder::from_env)),
//! `--base-url` over `NIM_BASE_URL`, and a message naming the variable that is missing.

use std::time::Duration;

use nim_api::{Client, ENV_APP_KEY, ENV_APP_SECRET, RetryPolicy};

/// The first credential variable that is unset or blank.
///
/// ```
/// // Whatever the environment holds, the answer is one of the two names or none.
/// let missing = nim_cli::credentials::missing();
/// assert!(matches!(missing, None | Some("NIM_APP_KEY" | "NIM_APP_SECRET")));
/// ```
pub fn missing() -> Option<&'static str> {
    [ENV_APP_KEY, ENV_APP_SECRET]
        .into_iter()
        .find(|name| std::env::var(name).map_or(true, |value| value.trim().is_empty()))
}

/// What to say when `name` is missing.
pub fn missing_message(name: &str) -> String {
    format!(
        "{name} is not set: export {ENV_APP_KEY} and {ENV_APP_SECRET} (the app's credentials), \
         and NIM_BASE_URL or --base-url for a server other than the default (e.g. the emulator)"
    )
}

/// The client from the environment, `base_url` (when given) over `NIM_BASE_URL`, each call
/// limited to `timeout`, failed attempts retried by `retry`. The error is a sentence for the
/// user, naming a missing variable.
pub fn client(
    base_url: Option<&str>,
    timeout: Duration,
    retry: RetryPolicy,
) -> Result<Client, String> {
    if let Some(name) = missing() {
        return Err(missing_message(name));
    }
    let mut builder = Client::builder()
        .from_env()
        .map_err(|err| err.to_string())?
        .retry_policy(retry)
        .timeout(timeout);
    if let Some(url) = base_url {
        builder = builder.base_url(url);
    }
    builder.build().map_err(|err| err.to_string())
}
