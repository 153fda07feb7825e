//! What the signalling store keeps: rooms, their members, and how each protocol shows them.

use serde_json::{Value, json};

use super::{Invitation, MEMBERS_MAX, code};
use crate::reply::ApiError;

/// What a room is for: v1 `type` and v2 `channel_type` send the number, v1 answers the
/// name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RoomType {
    Audio = 1,
    Video = 2,
    Custom = 3,
}

impl RoomType {
    /// The numbers both protocols send.
    pub(crate) const NUMBERS: &'static [i64] = &[1, 2, 3];

    /// The type number `n` names.
    pub(crate) fn from_number(n: i64) -> Option<RoomType> {
        match n {
            1 => Some(RoomType::Audio),
            2 => Some(RoomType::Video),
            3 => Some(RoomType::Custom),
            _ => None,
        }
    }

    /// The name v1 answers use.
    pub(crate) fn name(self) -> &'static str {
        match self {
            RoomType::Audio => "AUDIO",
            RoomType::Video => "VIDEO",
            RoomType::Custom => "CUSTOM",
        }
    }
}

/// What a create asks for; the store adds the id and the times.
#[derive(Debug, Clone)]
pub(crate) struct NewRoom {
    pub(crate) name: Option<String>,
    pub(crate) kind: RoomType,
    /// Lowercased.
    pub(crate) creator: String,
    pub(crate) ext: Option<String>,
}

/// One member of a room.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Member {
    pub(crate) accid: String,
    /// Given by the store when it joins, unique in the store.
    pub(crate) uid: u64,
    pub(crate) device_id: String,
    /// Unix ms.
    pub(crate) join_time: u64,
}

/// An open room.
#[derive(Debug, Clone)]
pub(crate) struct Room {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) kind: RoomType,
    pub(crate) creator: String,
    pub(crate) ext: Option<String>,
    /// Unix ms.
    pub(crate) create_time: u64,
    /// When it closes unless delayed (Unix ms).
    pub(crate) expire_time: u64,
    pub(crate) members: Vec<Member>,
    pub(crate) invitations: Vec<Invitation>,
}

impl Room {
    /// Member `accid`, if it is one.
    pub(crate) fn member(&self, accid: &str) -> Option<&Member> {
        self.members.iter().find(|m| m.accid == accid)
    }

    /// 10406 unless `accid` is the creator or a member.
    pub(crate) fn check_inside(&self, accid: &str) -> Result<(), ApiError> {
        if self.creator == accid {
            return Ok(());
        }
        self.check_member(accid)
    }

    /// 10406 unless `accid` is a member.
    pub(crate) fn check_member(&self, accid: &str) -> Result<(), ApiError> {
        match self.member(accid) {
            Some(_) => Ok(()),
            None => Err(ApiError::with_code(
                code::NOT_IN_ROOM,
                format!("{accid} is not in channel {}", self.id),
            )),
        }
    }

    /// 10419 when the room has [`MEMBERS_MAX`] members.
    pub(crate) fn check_room_left(&self) -> Result<(), ApiError> {
        if self.members.len() >= MEMBERS_MAX {
            return Err(ApiError::with_code(
                code::ROOM_FULL,
                format!("channel {} is full ({MEMBERS_MAX} members)", self.id),
            ));
        }
        Ok(())
    }

    /// The room as v1 answers it (`data`): camelCase, the type by name. A member's
    /// `expireTime` is the room's end (a member stays while the room does).
    pub(crate) fn v1(&self) -> Value {
        let members: Vec<Value> = self
            .members
            .iter()
            .map(|m| {
                json!({
                    "accid": m.accid, "uid": m.uid, "deviceId": m.device_id,
                    "createTime": m.join_time, "expireTime": self.expire_time,
                })
            })
            .collect();
        json!({
            "channelName": self.name, "type": self.kind.name(), "channelId": self.id,
            "channelCreateTime": self.create_time, "channelExpireTime": self.expire_time,
            "creator": self.creator, "ext": self.ext.as_deref().unwrap_or(""),
            "members": members,
        })
    }

    /// The room as v2 answers it (`data`): snake_case, the type as its number.
    pub(crate) fn v2(&self) -> Value {
        let members: Vec<Value> = self
            .members
            .iter()
            .map(|m| {
                json!({
                    "account_id": m.accid, "uid": m.uid, "device_id": m.device_id,
                    "join_time": m.join_time, "expire_time": self.expire_time,
                })
            })
            .collect();
        json!({
            "channel_name": self.name, "channel_type": self.kind as u8, "channel_id": self.id,
            "create_time": self.create_time, "expire_time": self.expire_time,
            "creator_account_id": self.creator,
            "channel_extension": self.ext.as_deref().unwrap_or(""),
            "member_list": members,
        })
    }

    /// The room as the admin view shows it: the v2 record plus the pending invitations.
    pub(crate) fn admin(&self) -> Value {
        let mut view = self.v2();
        let invitations: Vec<Value> = self
            .invitations
            .iter()
            .map(|i| {
                json!({
                    "request_id": i.request_id, "inviter": i.inviter,
                    "invitee": i.invitee, "expire_time": i.expire_time,
                })
            })
            .collect();
        if let Some(object) = view.as_object_mut() {
            object.insert("invitations".to_owned(), Value::Array(invitations));
        }
        view
    }
}
