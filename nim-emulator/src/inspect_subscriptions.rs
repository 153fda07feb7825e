//! The inspection and control API of the online-status subscriptions on a running
//! [`Emulator`] (v1 `event/subscribe/*`, v2 `subscription`). The admin route
//! `GET /_emulator/state/subscriptions?accid=` reads the same to other languages (the limit
//! has no admin route). Block and
//! mute lists need no method of their own: they are [`Account::blacklist`] and
//! [`Account::mutelist`] of [`Emulator::account`].
//!
//! [`Account::blacklist`]: crate::Account::blacklist
//! [`Account::mutelist`]: crate::Account::mutelist

use crate::emulator::Emulator;
use crate::lock;
use crate::subscriptions::SubscriptionRecord;

impl Emulator {
    /// The active online-status subscriptions of `subscriber` (any case), sorted by
    /// publisher; expired ones (by the state clock) are left out.
    ///
    /// ```
    /// # #[tokio::main] async fn main() -> std::io::Result<()> {
    /// let emu = nim_emulator::Emulator::start("key", "secret").await?;
    /// assert!(emu.subscriptions("alice").is_empty());
    /// # Ok(()) }
    /// ```
    pub fn subscriptions(&self, subscriber: &str) -> Vec<SubscriptionRecord> {
        let now_ms = self.core.state_now().saturating_mul(1000);
        lock(&self.core.subscriptions).all(&subscriber.to_ascii_lowercase(), now_ms)
    }

    /// Sets how many active publishers one subscriber may have (default 3000, the documented
    /// cap) until [`reset`](Emulator::reset). A subscribe that would go beyond it is refused
    /// as a whole with 419 (v1 and v2). Lowering it below what an account already has
    /// removes nothing; that account just cannot add more.
    ///
    /// ```
    /// # #[tokio::main] async fn main() -> std::io::Result<()> {
    /// let emu = nim_emulator::Emulator::start("key", "secret").await?;
    /// emu.set_subscription_limit(2);
    /// # Ok(()) }
    /// ```
    pub fn set_subscription_limit(&self, limit: usize) {
        lock(&self.core.subscriptions).set_limit(limit);
    }
}
