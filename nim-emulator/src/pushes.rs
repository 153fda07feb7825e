//! The system-push store (v2 `system_push`: `/im/v2/push_notification`): every push sent,
//! by id, as it was sent. A push is a record of something delivered, so it stays listed and
//! readable after its roaming period (`roam_expire_time`) ends: that time only says how long
//! offline users would still receive it. Times come from the state clock.

use serde_json::{Value, json};

/// The first push id: large numbers, as the API's other ids (the Java SDK reads a `Long`).
const FIRST_ID: u64 = 20_000_000_000_000;

/// One push as stored.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Push {
    pub(crate) id: u64,
    pub(crate) sender: Option<String>,
    pub(crate) content: String,
    pub(crate) target_type: i64,
    /// Target platforms; empty for all.
    pub(crate) target_os: Vec<String>,
    pub(crate) roam_enabled: bool,
    /// Unix ms; `None` when not roamed.
    pub(crate) roam_expire_time: Option<u64>,
    /// Unix ms.
    pub(crate) create_time: u64,
    /// The `push_config` object as sent (only its known members), or `None`.
    pub(crate) push_config: Option<Value>,
}

impl Push {
    /// The push under its v2 keys (the Java SDK's response classes).
    pub(crate) fn view(&self) -> Value {
        json!({
            "push_id": self.id,
            "sender_account_id": self.sender,
            "content": self.content,
            "target_type": self.target_type,
            "target_os": self.target_os,
            "roam_enabled": self.roam_enabled,
            "roam_expire_time": self.roam_expire_time,
            "create_time": self.create_time,
            "push_config": self.push_config,
        })
    }
}

/// Every push, oldest first.
#[derive(Debug, Default)]
pub(crate) struct Pushes {
    items: Vec<Push>,
}

impl Pushes {
    /// Stores `push` under a new id; answers the stored copy.
    pub(crate) fn insert(&mut self, mut push: Push) -> Push {
        push.id = FIRST_ID + self.items.len() as u64;
        self.items.push(push.clone());
        push
    }

    /// Push `id`.
    pub(crate) fn get(&self, id: u64) -> Option<&Push> {
        self.items.iter().find(|p| p.id == id)
    }

    /// The pushes of `target_type` (all when `None`), newest first, with ids below `before`
    /// (all when `None`).
    pub(crate) fn newest_first(&self, target_type: Option<i64>, before: Option<u64>) -> Vec<&Push> {
        self.items
            .iter()
            .rev()
            .filter(|p| target_type.is_none_or(|t| p.target_type == t))
            .filter(|p| before.is_none_or(|b| p.id < b))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_grow_and_lists_run_newest_first() {
        let mut pushes = Pushes::default();
        let a = pushes.insert(Push {
            content: "a".into(),
            target_type: 1,
            ..Push::default()
        });
        let b = pushes.insert(Push {
            content: "b".into(),
            target_type: 1,
            ..Push::default()
        });
        assert_eq!(b.id, a.id + 1);
        assert_eq!(pushes.get(a.id).map(|p| p.content.as_str()), Some("a"));
        assert_eq!(pushes.get(a.id + 5), None);
        let ids: Vec<u64> = pushes
            .newest_first(Some(1), None)
            .iter()
            .map(|p| p.id)
            .collect();
        assert_eq!(ids, [b.id, a.id]);
        assert_eq!(pushes.newest_first(None, Some(b.id)).len(), 1);
        assert!(pushes.newest_first(Some(2), None).is_empty());
    }
}
