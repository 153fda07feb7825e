//! The application's key and secret.

use std::fmt;

use secrecy::{ExposeSecret, SecretString};

/// An application's `AppKey` and `AppSecret`.
///
/// The secret is held in a [`SecretString`]: it is redacted in `Debug`, zeroised when the last
/// copy is dropped, and only read to compute a checksum. There is deliberately no accessor
/// that hands it back.
///
/// ```
/// # extern crate nim_core as nim_api;
/// use nim_api::Credentials;
///
/// let creds = Credentials::new("my-app-key", "hunter2-secret");
/// assert_eq!(creds.app_key(), "my-app-key");
/// assert!(!format!("{creds:?}").contains("hunter2-secret"));
/// ```
#[derive(Clone)]
pub struct Credentials {
    app_key: String,
    app_secret: SecretString,
}

impl Credentials {
    /// Builds credentials from an app key and its secret.
    pub fn new(app_key: impl Into<String>, app_secret: impl Into<String>) -> Self {
        Credentials {
            app_key: app_key.into(),
            app_secret: SecretString::from(app_secret.into()),
        }
    }

    /// Credentials from a key and an already wrapped secret.
    #[cfg(feature = "client")]
    pub(crate) fn from_secret(app_key: String, app_secret: SecretString) -> Self {
        Credentials {
            app_key,
            app_secret,
        }
    }

    /// The `AppKey`.
    pub fn app_key(&self) -> &str {
        &self.app_key
    }

    /// The checksum of `nonce` and `cur_time` under this secret (see [`crate::checksum`]).
    pub fn checksum(&self, nonce: &str, cur_time: u64) -> String {
        crate::digest::checksum(self.app_secret.expose_secret(), nonce, cur_time)
    }

    /// The callback checksum `sha1_hex(AppSecret + md5 + cur_time)` (see [`crate::callback`]).
    pub fn callback_checksum(&self, md5_hex: &str, cur_time: &str) -> String {
        crate::digest::callback_checksum(self.app_secret.expose_secret(), md5_hex, cur_time)
    }

    /// A copy of the secret, still wrapped (for building clients from credentials).
    #[cfg(feature = "client")]
    pub(crate) fn secret_clone(&self) -> SecretString {
        self.app_secret.clone()
    }

    /// Whether the secret is empty (a configuration mistake worth reporting early).
    pub fn secret_is_empty(&self) -> bool {
        self.app_secret.expose_secret().is_empty()
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("app_key", &self.app_key)
            .field("app_secret", &"[redacted]")
            .finish()
    }
}
