//! Where clients connect: `chatroom/requestAddr`.

use serde::Deserialize;

use crate::Accid;
use crate::wire::{int_enum, lenient_list};

int_enum! {
    /// The kind of link a client will open (`clienttype` of `requestAddr`).
    pub enum AddressClientType: u8 {
        /// A web link (`1`, the default).
        Web = 1,
        /// A common (non-web) link (`2`).
        Common = 2,
        /// A WeChat mini program link (`3`).
        WeChat = 3,
    }
}

/// `chatroom/requestAddr.action`: the addresses `accid`'s client uses to enter room
/// `roomid`, near `clientip` when given. Nothing changes on the server: entering is the
/// client's step. Answers [`ChatroomAddresses`]. Idempotent.
///
/// ```
/// use nim_api::chatroom::{AddressClientType, RequestChatroomAddress};
/// # use nim_api::Endpoint as _;
///
/// let request = RequestChatroomAddress::new(3000000001u64, "ZhangSan")
///     .clienttype(AddressClientType::Common)
///     .clientip("203.0.113.7");
/// assert_eq!(
///     request.to_form().unwrap(),
///     "roomid=3000000001&accid=zhangsan&clienttype=2&clientip=203.0.113.7"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "chatroom/requestAddr.action", idempotent, setters, response = ChatroomAddresses)]
pub struct RequestChatroomAddress {
    /// The room.
    pub roomid: u64,
    /// The account that will enter.
    pub accid: Accid,
    /// The kind of link (default: web).
    pub clienttype: Option<AddressClientType>,
    /// The client's IP address, to pick addresses near it.
    pub clientip: Option<String>,
}

/// [`RequestChatroomAddress`]'s answer: `addr`, `"host:port"` strings (an array; the Go SDK
/// expects JSON text, and both are read).
///
/// ```
/// use nim_api::chatroom::ChatroomAddresses;
///
/// let answer: ChatroomAddresses =
///     serde_json::from_str(r#"{"code":200,"addr":["chatweblink03.netease.im:443"]}"#).unwrap();
/// assert_eq!(answer.addr, ["chatweblink03.netease.im:443"]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ChatroomAddresses {
    /// The addresses.
    #[serde(default, deserialize_with = "lenient_list")]
    pub addr: Vec<String>,
}
