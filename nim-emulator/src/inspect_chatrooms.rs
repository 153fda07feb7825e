//! The inspection and control API of the chatroom store on a running [`Emulator`]: read a
//! room, and stand in for a client entering or leaving one (the server API has no action
//! for it). The admin routes under `/_emulator/state/chatroom*` offer the same to other
//! languages.

use crate::chatrooms::{ChatroomRecord, Entry, entrant};
use crate::emulator::Emulator;
use crate::lock;

impl Emulator {
    /// Room `id` as the store keeps it, after closing it if its delay-close deadline passed
    /// on the state clock; `None` if there is none.
    ///
    /// ```
    /// # #[tokio::main] async fn main() -> std::io::Result<()> {
    /// let emu = nim_emulator::Emulator::start("key", "secret").await?;
    /// assert!(emu.chatroom(3_000_000_001).is_none());
    /// # Ok(()) }
    /// ```
    pub fn chatroom(&self, id: u64) -> Option<ChatroomRecord> {
        let now = self.core.state_now().saturating_mul(1000);
        let mut rooms = lock(&self.core.chatrooms);
        rooms.settle(now);
        rooms.get(id).ok().map(ChatroomRecord::from)
    }

    /// Stands in for `accid`'s client (any case) entering open room `id` with one more
    /// connection of `client_type` and the tags `tags` (replacing its tags): it becomes a
    /// guest unless it is a member already. Checked as the admin route
    /// `/_emulator/state/chatroom_enter` checks it; errors say why not: not a valid account
    /// id, an unregistered account, no room, the room is closed.
    ///
    /// ```
    /// # #[tokio::main] async fn main() -> std::io::Result<()> {
    /// let emu = nim_emulator::Emulator::start("key", "secret").await?;
    /// assert!(emu.enter_chatroom(3_000_000_001, "bob", 16, &["vip"]).is_err());
    /// # Ok(()) }
    /// ```
    pub fn enter_chatroom(
        &self,
        id: u64,
        accid: &str,
        client_type: u8,
        tags: &[&str],
    ) -> Result<(), String> {
        let entry = Entry {
            client_type,
            tags: Some(tags.iter().map(|t| (*t).to_owned()).collect()),
            ..Entry::default()
        };
        let accid =
            entrant(&lock(&self.core.accounts), accid, false).map_err(|e| e.desc().to_owned())?;
        let now = self.core.state_now().saturating_mul(1000);
        let mut rooms = lock(&self.core.chatrooms);
        rooms.settle(now);
        rooms
            .enter(id, &accid, entry, now)
            .map_err(|e| e.describe())
    }

    /// Stands in for every connection of `accid`'s client leaving room `id`. Errors say why
    /// not: no room, or the account is not online in it.
    ///
    /// ```
    /// # #[tokio::main] async fn main() -> std::io::Result<()> {
    /// let emu = nim_emulator::Emulator::start("key", "secret").await?;
    /// assert!(emu.leave_chatroom(3_000_000_001, "bob").is_err());
    /// # Ok(()) }
    /// ```
    pub fn leave_chatroom(&self, id: u64, accid: &str) -> Result<(), String> {
        let now = self.core.state_now().saturating_mul(1000);
        let mut rooms = lock(&self.core.chatrooms);
        rooms.settle(now);
        rooms
            .leave(id, &accid.to_ascii_lowercase(), None, now)
            .map_err(|e| e.describe())
    }
}
