//! The inspection and control API of the friend store on a running [`Emulator`]. The admin
//! routes `/_emulator/state/friends` and `/_emulator/state/friend_limit` offer the same to
//! other languages.

use crate::emulator::Emulator;
use crate::friends::{FriendRecord, FriendRequestRecord};
use crate::lock;

impl Emulator {
    /// The friends of `accid` (any case), ordered by friend account id, whichever protocol
    /// made them; empty for an unknown account.
    ///
    /// ```
    /// # #[tokio::main] async fn main() -> std::io::Result<()> {
    /// let emu = nim_emulator::Emulator::start("key", "secret").await?;
    /// assert!(emu.friends("alice").is_empty());
    /// # Ok(()) }
    /// ```
    pub fn friends(&self, accid: &str) -> Vec<FriendRecord> {
        lock(&self.core.friends).records(&accid.to_ascii_lowercase())
    }

    /// The friend requests pending **to** `accid` (any case), ordered by requester.
    pub fn friend_requests(&self, accid: &str) -> Vec<FriendRequestRecord> {
        lock(&self.core.friends).requests_to(&accid.to_ascii_lowercase())
    }

    /// For tests: sets how many friends one account may have (default 3000, the documented
    /// cap) until [`reset`](Emulator::reset), so the over-the-cap refusal (v1 419, v2 104419)
    /// can be reached with a few accounts.
    ///
    /// ```
    /// # #[tokio::main] async fn main() -> std::io::Result<()> {
    /// let emu = nim_emulator::Emulator::start("key", "secret").await?;
    /// emu.set_friend_limit(2);
    /// # Ok(()) }
    /// ```
    pub fn set_friend_limit(&self, limit: usize) {
        lock(&self.core.friends).set_limit(limit);
    }
}
