//! The inspection and control API of the message families on a running [`Emulator`]: the
//! message store, the notification log, broadcasts, the recall window and login events. The
//! admin routes `/_emulator/state/messages` and friends offer the same to other languages.

use std::time::Duration;

use crate::broadcasts::Broadcast;
use crate::emulator::Emulator;
use crate::lock;
use crate::messages::{Conversation, Message};
use crate::notifications::{Notification, UserEvent};

impl Emulator {
    /// Every stored message, oldest first, recalled and deleted ones included (see their
    /// flags).
    pub fn messages(&self) -> Vec<Message> {
        lock(&self.core.messages).all()
    }

    /// The messages of the conversation `owner|type|peer` (`"alice|1|bob"`: both directions
    /// of a 1:1 chat), oldest first, whatever their flags; empty for a malformed id.
    ///
    /// ```
    /// # #[tokio::main] async fn main() -> std::io::Result<()> {
    /// let emu = nim_emulator::Emulator::start("key", "secret").await?;
    /// assert!(emu.conversation_messages("alice|1|bob").is_empty());
    /// # Ok(()) }
    /// ```
    pub fn conversation_messages(&self, conversation_id: &str) -> Vec<Message> {
        let Ok(c) = Conversation::parse("conversation_id", conversation_id) else {
            return Vec::new();
        };
        lock(&self.core.messages)
            .select(|m| c.contains(m))
            .into_iter()
            .cloned()
            .collect()
    }

    /// The custom notifications sent (v1 `sendAttachMsg`/`sendBatchAttachMsg`, v2
    /// `custom_notification`), one entry per receiver, oldest first.
    pub fn notifications(&self) -> Vec<Notification> {
        lock(&self.core.notes).log.clone()
    }

    /// Every broadcast (v1 `broadcastMsg`, v2 `broadcast_notification`), expired ones
    /// included, oldest first.
    pub fn broadcasts(&self) -> Vec<Broadcast> {
        lock(&self.core.broadcasts).all()
    }

    /// Sets how long after sending a message can be recalled both ways (v1 `msg/recall`, v2
    /// withdraw type 2) without `ignoreTime` / `ignore_revoke_time`; default 2 minutes, until
    /// [`reset`](Emulator::reset).
    ///
    /// ```
    /// # #[tokio::main] async fn main() -> std::io::Result<()> {
    /// let emu = nim_emulator::Emulator::start("key", "secret").await?;
    /// emu.set_recall_window(std::time::Duration::from_secs(600));
    /// # Ok(()) }
    /// ```
    pub fn set_recall_window(&self, window: Duration) {
        lock(&self.core.messages).set_recall_window(window);
    }

    /// Records a login or logout (`history/queryUserEvents.action` lists them; the emulator
    /// has no IM clients to produce them).
    pub fn add_user_event(&self, event: UserEvent) {
        lock(&self.core.notes).events.push(event);
    }
}
