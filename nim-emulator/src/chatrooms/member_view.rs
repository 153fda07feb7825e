//! One member as the answers show it: the v1 member record and the v2 member object are
//! both written from a [`MemberView`], so the two protocols never disagree on a member.

use serde_json::{Map, Value, json};

use super::Room;
use super::model::{Connection, Member, Role, SessionProfile};
use super::roster::present;

/// A member of a room at a moment, or one of its connections (tag queries list one record
/// per connection).
#[derive(Debug, Clone, Copy)]
pub(crate) struct MemberView<'a> {
    room: u64,
    /// Its time in lists (Unix ms): see [`enter_time`](Self::enter_time).
    time: u64,
    accid: &'a str,
    member: &'a Member,
    connection: Option<&'a Connection>,
    /// Unix ms: temporary bans are read against it.
    now: u64,
}

impl<'a> MemberView<'a> {
    /// Member `accid` of `room`, seen at `now`.
    pub(crate) fn of(room: &Room, accid: &'a str, member: &'a Member, now: u64) -> MemberView<'a> {
        MemberView {
            room: room.id,
            time: member.last_enter.unwrap_or(room.create_time),
            accid,
            member,
            connection: None,
            now,
        }
    }

    /// The same member seen through one of its connections.
    pub(crate) fn on(self, connection: &'a Connection) -> MemberView<'a> {
        MemberView {
            connection: Some(connection),
            time: connection.enter_time,
            ..self
        }
    }

    /// The account id.
    pub(crate) fn accid(&self) -> &'a str {
        self.accid
    }

    /// Its time (Unix ms): the connection's entry, else its latest entry, else the room's
    /// creation (a fixed member that never entered); in a list, possibly moved a few ms
    /// earlier so that no two members share one (see the roster's rules).
    pub(crate) fn enter_time(&self) -> u64 {
        self.time
    }

    /// Moves its time to `time` (a list spreading equal times apart).
    pub(crate) fn at(self, time: u64) -> MemberView<'a> {
        MemberView { time, ..self }
    }

    /// Whether it is in the room now (online, or a virtual member).
    pub(crate) fn online(&self) -> bool {
        present(self.member)
    }

    /// The session value `pick` names while the member is present, else `own`.
    fn session_or<'s>(
        &'s self,
        pick: fn(&SessionProfile) -> &Option<String>,
        own: &'s Option<String>,
    ) -> Option<&'s str> {
        let session = self
            .member
            .session
            .as_ref()
            .filter(|_| present(self.member))
            .and_then(|s| pick(s).as_deref());
        session.or(own.as_deref())
    }

    /// The nickname it shows: the current connections' if a change set one, else its own.
    pub(crate) fn nick(&self) -> Option<&str> {
        self.session_or(|s| &s.nick, &self.member.nick)
    }

    /// The avatar it shows (as [`nick`](Self::nick)).
    pub(crate) fn avatar(&self) -> Option<&str> {
        self.session_or(|s| &s.avatar, &self.member.avatar)
    }

    /// The extension it shows (as [`nick`](Self::nick)).
    pub(crate) fn ext(&self) -> Option<&str> {
        self.session_or(|s| &s.ext, &self.member.ext)
    }

    /// The seconds left of a temporary chat ban, if one runs.
    pub(crate) fn temp_mute_left(&self) -> Option<u64> {
        Some(self.member.temp_mute_left(self.now)).filter(|&left| left > 0)
    }

    /// The tags as JSON text (`["a","b"]`), as both protocols carry them.
    fn tags_text(&self) -> String {
        serde_json::to_string(&self.member.tags).unwrap_or_else(|_| "[]".to_owned())
    }

    /// The v1 `type`: the role's name, or `LIMITED` for a normal member or guest that is
    /// blacklisted or permanently chat-banned.
    fn v1_type(&self) -> &'static str {
        let m = self.member;
        let limited = (m.blocked || m.chat_banned)
            && matches!(m.role, Role::Normal | Role::Guest | Role::Anonymous);
        if limited { "LIMITED" } else { m.role.v1() }
    }

    /// The v1 member record (`membersByPage`, `queryMembersByRole`, `queryMembers`):
    /// `roomid`, `accid`, `type`, `onlineStat`, `enterTime` always; `nick`, `avator` (sic),
    /// `ext`, `level` and the ban and robot members only when set (the legacy official
    /// table: absent when unset). With `tags`, the tag queries' `tags` (JSON text) and
    /// `notifyTargetTags`.
    pub(crate) fn v1(&self, tags: bool) -> Value {
        let m = self.member;
        let mut out = Map::new();
        out.insert("roomid".into(), json!(self.room));
        out.insert("accid".into(), json!(self.accid));
        for (key, value) in [
            ("nick", self.nick()),
            ("avator", self.avatar()),
            ("ext", self.ext()),
        ] {
            if let Some(value) = value {
                out.insert(key.into(), json!(value));
            }
        }
        out.insert("type".into(), json!(self.v1_type()));
        if m.level != 0 {
            out.insert("level".into(), json!(m.level));
        }
        out.insert("onlineStat".into(), json!(self.online()));
        out.insert("enterTime".into(), json!(self.enter_time()));
        if m.blocked {
            out.insert("blacklisted".into(), json!(true));
        }
        if m.chat_banned {
            out.insert("muted".into(), json!(true));
        }
        if let Some(left) = self.temp_mute_left() {
            out.insert("tempMuted".into(), json!(true));
            out.insert("tempMuteTtl".into(), json!(left));
        }
        if let Some(until) = m.robot_until {
            out.insert("isRobot".into(), json!(true));
            // "How long until the robot expires, in seconds" (the Go SDK's field notes).
            let left = until.saturating_sub(self.now).div_ceil(1000);
            out.insert("robotExpirAt".into(), json!(left));
        }
        if tags {
            out.insert("tags".into(), json!(self.tags_text()));
            if let Some(expression) = &m.notify_target_tags {
                out.insert("notifyTargetTags".into(), json!(expression));
            }
        }
        Value::Object(out)
    }

    /// The v2 member object, every member present (`false`, `0` and `""` included, as the
    /// official list-members example shows): `account_id`, `room_id`, `room_nick`,
    /// `room_avatar`, `extension`, `member_role`, `member_level`, `is_online`, `enter_time`,
    /// `blocked`, `chat_banned`, `temp_chat_banned`, `temp_chat_banned_time` (seconds left),
    /// `tags` (JSON text), `notify_target_tags`, `online_info_list` (one entry per
    /// connection) and `online_count`.
    pub(crate) fn v2(&self) -> Value {
        let m = self.member;
        let connections: Vec<&Connection> = match self.connection {
            Some(c) => vec![c],
            None => m.connections.iter().collect(),
        };
        let nick = self.nick().unwrap_or_default();
        let avatar = self.avatar().unwrap_or_default();
        let online_info: Vec<Value> = connections
            .iter()
            .map(|c| {
                json!({
                    "room_nick": nick, "room_avatar": avatar, "enter_time": c.enter_time,
                    "client_type": c.client_type, "robot": false,
                })
            })
            .collect();
        let temp_left = self.temp_mute_left();
        json!({
            "account_id": self.accid,
            "room_id": self.room,
            "room_nick": nick,
            "room_avatar": avatar,
            "extension": self.ext().unwrap_or_default(),
            "member_role": m.role.v2(),
            "member_level": m.level,
            "is_online": self.online(),
            "enter_time": self.enter_time(),
            "blocked": m.blocked,
            "chat_banned": m.chat_banned,
            "temp_chat_banned": temp_left.is_some(),
            "temp_chat_banned_time": temp_left.unwrap_or(0),
            "tags": self.tags_text(),
            "notify_target_tags": m.notify_target_tags.as_deref().unwrap_or_default(),
            "online_count": online_info.len(),
            "online_info_list": online_info,
        })
    }
}
