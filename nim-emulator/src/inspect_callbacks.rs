//! Callbacks on a running [`Emulator`]: the URL they go to, the deliveries made, waiting for
//! them, and the address check and tampered redeliveries that test an app's receiver. The
//! admin routes `/_emulator/callbacks...` offer the same to other languages.

use std::time::Duration;

use crate::callbacks::{CallbacksError, Delivery, Tamper};
use crate::emulator::Emulator;

impl Emulator {
    /// The URL callbacks are POSTed to, if one is configured.
    pub fn callback_url(&self) -> Option<String> {
        self.core.callbacks.url()
    }

    /// Sets where callbacks go from now on (`None`: nowhere, nothing is queued or recorded).
    /// Only plain `http://` URLs are accepted; an `https://` URL or anything that is not a
    /// URL is refused with [`CallbacksError::InvalidUrl`] and the old setting kept. Kept by
    /// [`reset`](Emulator::reset).
    ///
    /// ```
    /// use nim_emulator::{CallbacksError, Emulator};
    ///
    /// # #[tokio::main] async fn main() -> std::io::Result<()> {
    /// let emu = Emulator::start("key", "secret").await?;
    /// emu.set_callback_url(Some("http://127.0.0.1:8080/nim/copy"))?;
    /// let refused = emu.set_callback_url(Some("https://app.test/nim/copy"));
    /// assert!(matches!(refused, Err(CallbacksError::InvalidUrl(_))));
    /// assert_eq!(emu.callback_url().as_deref(), Some("http://127.0.0.1:8080/nim/copy"));
    /// emu.set_callback_url(None)?;
    /// # Ok(()) }
    /// ```
    pub fn set_callback_url(&self, url: Option<&str>) -> Result<(), CallbacksError> {
        self.core.callbacks.set_url(url)
    }

    /// Every recorded callback delivery, oldest first (at most the last 10,000). Deliveries
    /// are made by a background task after the request that caused them has been answered:
    /// use [`wait_for_deliveries`](Emulator::wait_for_deliveries) to see them in a test.
    pub fn deliveries(&self) -> Vec<Delivery> {
        self.core.callbacks.deliveries()
    }

    /// Empties the delivery log (deliveries still queued are made and recorded later).
    pub fn clear_deliveries(&self) {
        self.core.callbacks.clear();
    }

    /// Waits until at least `n` deliveries are recorded, then answers all of them (oldest
    /// first); after `timeout` it fails with [`CallbacksError::TimedOut`], which carries the
    /// deliveries recorded by then.
    ///
    /// ```
    /// use std::time::Duration;
    /// use nim_emulator::Emulator;
    ///
    /// # #[tokio::main] async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// // Nothing listens on port 9 (discard), so the delivery records a connection error.
    /// let emu = Emulator::builder("key", "secret")
    ///     .callback_url("http://127.0.0.1:9/")
    ///     .start()
    ///     .await?;
    /// emu.check_callback_url().await?;
    /// let all = emu.wait_for_deliveries(1, Duration::from_secs(10)).await?;
    /// assert_eq!(all[0].body, "{}");
    /// assert!(all[0].status.is_none() && all[0].error.is_some());
    /// # Ok(()) }
    /// ```
    pub async fn wait_for_deliveries(
        &self,
        n: usize,
        timeout: Duration,
    ) -> Result<Vec<Delivery>, CallbacksError> {
        self.core.callbacks.wait_for(n, timeout).await
    }

    /// Sends the address check the console sends when an app saves its URL: body `{}`,
    /// signed. Answers its record once made (the app is given 5 s).
    pub async fn check_callback_url(&self) -> Result<Delivery, CallbacksError> {
        let answer = self.core.callbacks.check()?;
        answer.await.map_err(|_| CallbacksError::Cancelled)
    }

    /// Sends recorded delivery `seq` again, changed as `tamper` says (an exact replay, a
    /// changed body, a wrong MD5 or CheckSum, a CurTime an hour off), to check that the
    /// app's receiver refuses what it must. Answers the new delivery's record, whose
    /// `status` is what the app answered.
    ///
    /// ```no_run
    /// use nim_emulator::{Emulator, Tamper};
    ///
    /// # async fn demo(emu: &Emulator) -> Result<(), nim_emulator::CallbacksError> {
    /// let first = emu.deliveries()[0].seq;
    /// let replay = emu.redeliver(first, Tamper::CheckSum).await?;
    /// assert_eq!(replay.status, Some(401)); // what your receiver should answer
    /// # Ok(()) }
    /// ```
    pub async fn redeliver(&self, seq: u64, tamper: Tamper) -> Result<Delivery, CallbacksError> {
        let answer = self.core.callbacks.redeliver(seq, tamper)?;
        answer.await.map_err(|_| CallbacksError::Cancelled)
    }
}
