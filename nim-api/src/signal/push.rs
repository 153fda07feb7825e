//! The push options of a v1 invitation and its cancellation.

/// How the invitee's device is notified when it is offline (`invite` and `cancelInvite`
/// share them); each set member is sent as a form parameter of its own. Whether the push
/// happens at all also needs the invitation stored offline (`isSave=1`).
///
/// Limits: no v1 source states any; the v2 SDKs' comments give 32 characters for the
/// title, 500 for the content and 4096 for the payload (which must be JSON), and they are
/// applied here too (a guess: the same server behind both).
///
/// ```
/// use nim_api::signal::SignalPush;
/// use nim_api::validate::Validate;
/// use nim_api::{Form, FormMembers};
///
/// let push = SignalPush::new().need_push(1u8).push_title("Call").need_badge(0u8);
/// let mut form = Form::new();
/// push.write_form_members(&mut form);
/// assert_eq!(form.finish(), "needPush=1&pushTitle=Call&needBadge=0");
/// assert_eq!(push.clone().push_payload("{oops").validate().unwrap_err().field(), "pushPayload");
/// assert_eq!(push.need_push(2u8).validate().unwrap_err().field(), "needPush");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, crate::Params)]
#[nim(setters, form_members)]
#[non_exhaustive]
pub struct SignalPush {
    /// `1`: push to the invitee's offline devices; `0`: do not (`needPush`; the server's
    /// default is not documented).
    #[nim(rename = "needPush", one_of = [0, 1])]
    pub need_push: Option<u8>,
    /// The push's title, at most 32 characters (`pushTitle`; v2's limit).
    #[nim(rename = "pushTitle", max_len = 32)]
    pub push_title: Option<String>,
    /// The push's text, at most 500 characters (`pushContent`; v2's limit).
    #[nim(rename = "pushContent", max_len = 500)]
    pub push_content: Option<String>,
    /// The push's payload: JSON text, at most 4096 characters (`pushPayload`; v2's limit).
    #[nim(rename = "pushPayload", json, max_len = 4096)]
    pub push_payload: Option<String>,
    /// `1`: the push counts in the app's badge; `0`: it does not (`needBadge`).
    #[nim(rename = "needBadge", one_of = [0, 1])]
    pub need_badge: Option<u8>,
}
