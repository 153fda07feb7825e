//! The parameter groups the v1 chatroom sends share: the copy to the app server and
//! moderation ([`ChatroomSendCommon`], every send), and delivery ([`ChatroomDelivery`],
//! `sendMsg` and `batchSendMsg`). Each is written into the form as the action's own
//! parameters (`#[nim(flatten)]`); unset members are not sent.

use crate::{Form, FormMembers};

/// What every v1 chatroom send takes besides the message: the copy (抄送) to the app server
/// and the moderation switches. `broadcast` has no `yidunAntiSpamExt` (both SDKs): it refuses
/// one before sending.
///
/// ```
/// use nim_api::chatroom::ChatroomSendCommon;
/// use nim_api::validate::Validate;
/// use nim_api::{Form, FormMembers};
///
/// let common = ChatroomSendCommon::new().route(0u8).bid("b-1");
/// let mut form = Form::new();
/// common.write_form_members(&mut form);
/// assert_eq!(form.finish(), "route=0&bid=b-1");
/// assert_eq!(common.route(2u8).validate().unwrap_err().field(), "route");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Params)]
#[nim(setters, form_members)]
#[non_exhaustive]
pub struct ChatroomSendCommon {
    /// `0`: no copy to the app server's message callback; `1` (the default): copy.
    #[nim(one_of = [0, 1])]
    pub route: Option<u8>,
    /// The copy environment configured in the console (which callback address).
    pub env: Option<String>,
    /// `0`: with GuardEase (易盾) enabled, use the generic filter for this message instead
    /// (`useYidun`; `0` is the only documented value).
    #[nim(rename = "useYidun", one_of = [0])]
    pub use_yidun: Option<u8>,
    /// Anti-cheat fields passed to GuardEase: JSON text, at most 1024 characters.
    #[nim(rename = "yidunAntiCheating", json, max_len = 1024)]
    pub yidun_anti_cheating: Option<String>,
    /// Extra moderation fields passed to GuardEase: JSON text, at most 1024 characters.
    #[nim(rename = "yidunAntiSpamExt", json, max_len = 1024)]
    pub yidun_anti_spam_ext: Option<String>,
    /// The moderation business id for this message (absent: the app's default).
    pub bid: Option<String>,
    /// For a custom message (type 100): moderate `antispamCustom` instead of the body
    /// (default `false`).
    pub antispam: Option<bool>,
    /// What to moderate when `antispam` is `true`: JSON `{"type":1|2,"data":"…"}` (1 text,
    /// 2 image URL), at most 5000 characters.
    #[nim(rename = "antispamCustom", json, max_len = 5000)]
    pub antispam_custom: Option<String>,
}

/// How `sendMsg` and `batchSendMsg` deliver and keep their messages. The directed sends
/// (`sendMsgToSomeone`, ...) have none of these: their messages are never kept.
///
/// ```
/// use nim_api::chatroom::ChatroomDelivery;
/// use nim_api::validate::Validate;
/// use nim_api::{Form, FormMembers};
///
/// let delivery = ChatroomDelivery::new().skip_history(1u8).high_priority(true);
/// let mut form = Form::new();
/// delivery.write_form_members(&mut form);
/// assert_eq!(form.finish(), "skipHistory=1&highPriority=true");
/// assert_eq!(delivery.abandon_ratio(10_000u16).validate().unwrap_err().field(), "abandonRatio");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Params)]
#[nim(setters, form_members)]
#[non_exhaustive]
pub struct ChatroomDelivery {
    /// Send although the sender is temporarily muted (`ignoreMute`; a permanent chat ban
    /// still refuses; default `false`).
    #[nim(rename = "ignoreMute")]
    pub ignore_mute: Option<bool>,
    /// `1`: not kept in the cloud history; `0` (the default): kept.
    #[nim(rename = "skipHistory", one_of = [0, 1])]
    pub skip_history: Option<u8>,
    /// The chance, in ten-thousandths (0 to 9999), that the server drops the message; when
    /// set, `highPriority` is ignored (`abandonRatio`).
    #[nim(rename = "abandonRatio", max = 9999)]
    pub abandon_ratio: Option<u16>,
    /// High-priority delivery: at most 10 per second and room, the excess sent as normal
    /// (`highPriority`; default `false`).
    #[nim(rename = "highPriority")]
    pub high_priority: Option<bool>,
    /// Deliver a high-priority message again to members entering within its validity
    /// (`needHighPriorityMsgResend`; default `true`).
    #[nim(rename = "needHighPriorityMsgResend")]
    pub need_high_priority_msg_resend: Option<bool>,
    /// Only online members whose tags match this expression receive it, e.g.
    /// `{"tag":"abc"} or {"tag":"def"}`; at most 128 characters (`notifyTargetTags`).
    #[nim(rename = "notifyTargetTags", max_len = 128)]
    pub notify_target_tags: Option<String>,
    /// The message's priority on the CDN message channel, 0 to 3 (`chatMsgPriority`).
    #[nim(rename = "chatMsgPriority", max = 3)]
    pub chat_msg_priority: Option<u8>,
    /// `1`: a high-priority message over the rate is refused (403) instead of sent as normal
    /// (`forbiddenIfHighPriorityMsgFreq`; default `0`).
    #[nim(rename = "forbiddenIfHighPriorityMsgFreq", one_of = [0, 1])]
    pub forbidden_if_high_priority_msg_freq: Option<u8>,
}

/// Where in a spatial (3D audio) room a message is said: `locX`, `locY`, `locZ` (the Java
/// SDK and the newer sendMsg page; the Go SDK declares them but never sends them). Unset
/// coordinates are not sent; each must be a finite number.
///
/// ```
/// use nim_api::chatroom::SpatialPosition;
/// use nim_api::validate::Validate;
/// use nim_api::{Form, FormMembers};
///
/// let here = SpatialPosition::new().loc_x(1.5).loc_y(-2.0);
/// let mut form = Form::new();
/// here.write_form_members(&mut form);
/// assert_eq!(form.finish(), "locX=1.5&locY=-2");
/// assert_eq!(here.loc_z(f64::NAN).validate().unwrap_err().field(), "locZ");
/// ```
#[derive(Debug, Clone, Default, PartialEq, crate::Params)]
#[nim(setters, custom = finite_coordinates)]
#[non_exhaustive]
pub struct SpatialPosition {
    /// The x coordinate (`locX`).
    #[nim(rename = "locX")]
    pub loc_x: Option<f64>,
    /// The y coordinate (`locY`).
    #[nim(rename = "locY")]
    pub loc_y: Option<f64>,
    /// The z coordinate (`locZ`).
    #[nim(rename = "locZ")]
    pub loc_z: Option<f64>,
}

/// A NaN or an infinity has no form spelling the server reads.
fn finite_coordinates(position: &SpatialPosition) -> Result<(), crate::ValidationError> {
    for (name, value) in [
        ("locX", position.loc_x),
        ("locY", position.loc_y),
        ("locZ", position.loc_z),
    ] {
        if value.is_some_and(|v| !v.is_finite()) {
            return Err(crate::ValidationError::custom(
                name,
                "must be a finite number",
            ));
        }
    }
    Ok(())
}

impl FormMembers for SpatialPosition {
    fn write_form_members(&self, form: &mut Form) {
        for (name, value) in [
            ("locX", self.loc_x),
            ("locY", self.loc_y),
            ("locZ", self.loc_z),
        ] {
            if let Some(value) = value {
                form.append(name, &value.to_string());
            }
        }
    }
}
