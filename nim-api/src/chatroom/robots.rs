//! Robots (virtual members): `chatroom/addRobot`, `chatroom/removeRobot`,
//! `chatroom/cleanRobot`.
//!
//! A robot is an account present in a room without a client connection (the v2
//! [`virtual members`](crate::v2::chatroom_member)): it counts as online, and leaves by
//! itself 24 hours after it was added (the official "Manage chatbots" page). The creator
//! or a manager added as a robot keeps its role.

use serde::{Deserialize, Deserializer};

use crate::Accid;
use crate::callback::lenient::number;
use crate::wire::lenient_list;

/// `chatroom/addRobot.action`: makes `accids` (1 to 100 existing accounts, each once)
/// robots of open room `roomid` for 24 hours (the official "Manage chatbots" page).
///
/// `roleExt` (JSON, at most 4096 characters) is each robot's member extension; `notifyExt`
/// (JSON, at most 2048) is carried by the "entered" notification. Answers [`RobotResult`]
/// under `desc`: the accounts added, those that already were robots (their 24 hours start
/// again, the v2 Javadoc's rule) and those refused (no such account, blacklisted). A
/// closed room is 13002. Idempotent.
///
/// ```
/// use nim_api::chatroom::AddChatroomRobots;
/// # use nim_api::Endpoint as _;
///
/// let request = AddChatroomRobots::new(3000000001u64, ["Bot1", "bot2"]).role_ext(r#"{"k":1}"#);
/// assert_eq!(
///     request.to_form().unwrap(),
///     "roomid=3000000001&accids=%5B%22bot1%22%2C%22bot2%22%5D&roleExt=%7B%22k%22%3A1%7D"
/// );
/// let many = AddChatroomRobots::new(1u64, (0..101).map(|i| format!("a{i}")));
/// assert_eq!(many.validate().unwrap_err().field(), "accids");
/// assert_eq!(AddChatroomRobots::new(1u64, ["a", "A"]).validate().unwrap_err().field(), "accids");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "chatroom/addRobot.action", idempotent, setters, response = RobotResult,
      response_field = "desc")]
pub struct AddChatroomRobots {
    /// The room.
    pub roomid: u64,
    /// The accounts, 1 to 100.
    #[nim(min_items = 1, max_items = 100, unique)]
    pub accids: Vec<Accid>,
    /// The robots' member extension (JSON), at most 4096 characters.
    #[nim(rename = "roleExt", max_len = 4096)]
    pub role_ext: Option<String>,
    /// Carried in the notification (JSON), at most 2048 characters.
    #[nim(rename = "notifyExt", max_len = 2048)]
    pub notify_ext: Option<String>,
}

/// `chatroom/removeRobot.action`: ends the presence of robots `accids` (1 to 100, each
/// once) in room `roomid`. Accounts that were not robots come back in `failAccids`
/// (unconfirmed). Answers [`RobotResult`] under `desc`. Idempotent.
///
/// ```
/// use nim_api::chatroom::RemoveChatroomRobots;
/// # use nim_api::Endpoint as _;
///
/// let request = RemoveChatroomRobots::new(3000000001u64, ["bot1"]);
/// assert_eq!(request.to_form().unwrap(), "roomid=3000000001&accids=%5B%22bot1%22%5D");
/// assert_eq!(RemoveChatroomRobots::new(1u64, Vec::<String>::new()).validate().unwrap_err().field(), "accids");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "chatroom/removeRobot.action", idempotent, setters, response = RobotResult,
      response_field = "desc")]
pub struct RemoveChatroomRobots {
    /// The room.
    pub roomid: u64,
    /// The robots, 1 to 100.
    #[nim(min_items = 1, max_items = 100, unique)]
    pub accids: Vec<Accid>,
}

/// `chatroom/cleanRobot.action`: ends the presence of every robot of room `roomid`;
/// `notify` (default false, the legacy table) sends the "left" notifications. Answers how
/// many there were ([`RobotsCleaned`] under `desc`). Idempotent.
///
/// ```
/// use nim_api::chatroom::ClearChatroomRobots;
/// # use nim_api::Endpoint as _;
///
/// let request = ClearChatroomRobots::new(3000000001u64).notify(true);
/// assert_eq!(request.to_form().unwrap(), "roomid=3000000001&notify=true");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "chatroom/cleanRobot.action", idempotent, setters, response = RobotsCleaned,
      response_field = "desc")]
pub struct ClearChatroomRobots {
    /// The room.
    pub roomid: u64,
    /// Whether to send the "left" notifications (default: no).
    pub notify: Option<bool>,
}

/// The answer of [`AddChatroomRobots`] and [`RemoveChatroomRobots`] (`desc`). Production
/// sends each list as **text holding a JSON array** (`"[\"a\"]"`, the docs' example and a
/// production sample); real arrays are read too.
///
/// ```
/// use nim_api::chatroom::RobotResult;
///
/// let result: RobotResult = serde_json::from_str(
///     r#"{"successAccids":"[\"bot1\"]","failAccids":"[]","oldAccids":["bot2"]}"#,
/// ).unwrap();
/// assert_eq!(result.success_accids, ["bot1"]);
/// assert!(result.fail_accids.is_empty());
/// assert_eq!(result.old_accids, ["bot2"]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct RobotResult {
    /// The accounts added (or removed).
    #[serde(default, rename = "successAccids", deserialize_with = "lenient_list")]
    pub success_accids: Vec<String>,
    /// The accounts refused.
    #[serde(default, rename = "failAccids", deserialize_with = "lenient_list")]
    pub fail_accids: Vec<String>,
    /// The accounts that already were robots (add only).
    #[serde(default, rename = "oldAccids", deserialize_with = "lenient_list")]
    pub old_accids: Vec<String>,
}

/// [`ClearChatroomRobots`]'s answer (`desc`).
///
/// ```
/// use nim_api::chatroom::RobotsCleaned;
///
/// let cleaned: RobotsCleaned = serde_json::from_str(r#"{"size":"2"}"#).unwrap();
/// assert_eq!(cleaned.size, 2);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct RobotsCleaned {
    /// How many robots were removed.
    #[serde(default, deserialize_with = "size")]
    pub size: u64,
}

fn size<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    number(d).map(Option::unwrap_or_default)
}
