//! v2 `ai` family: the chat assistant (AI 助聊), `POST /ai/chat_assistant/v1/chat_assist`.
//!
//! The path is not below `/im/v2`, but the call is signed and answered like every v2 one
//! (`{code, msg, data}`). Facts from the official page (jk4Mzg4OTA) and both SDKs, which
//! agree; the Go SDK checks `sender_id`, `receiver_id` and `style_list` before sending, as
//! this client does.
//!
//! **Length limits.** The page gives "at most 2000 characters" for each tag list and "at
//! most 1500 characters" for `history` without saying how a list is counted. This client
//! counts the characters of the list's texts added up (tags; history `text`s), a guess:
//! the server may count its JSON text instead.

use serde::Deserialize;

use crate::Accid;
use crate::validate::ValidationError;

/// The most characters of a tag list (`sender_tag_list`, `receiver_tag_list`), all tags
/// added up.
pub const TAG_LIST_MAX_CHARS: usize = 2000;

/// The most characters of `history`, all its texts added up.
pub const HISTORY_MAX_CHARS: usize = 1500;

crate::callback::lenient::text_enum! {
    /// A style of reply (`style_list` item). The page lists these four and says more will
    /// come: any other is [`Other`](ChatStyle::Other).
    ///
    /// ```
    /// use nim_api::v2::ai::ChatStyle;
    ///
    /// assert_eq!(serde_json::to_string(&ChatStyle::Hot).unwrap(), r#""hot""#);
    /// let later = serde_json::from_str::<ChatStyle>(r#""calm""#).unwrap();
    /// assert_eq!(later, ChatStyle::Other("calm".into()));
    /// ```
    pub enum ChatStyle {
        /// Warm (温暖, `"warm"`).
        Warm = "warm",
        /// Passionate (热情, `"hot"`).
        Hot = "hot",
        /// Witty (机智, `"smart"`).
        Smart = "smart",
        /// Any of them (随机, `"stochastic"`).
        Stochastic = "stochastic",
    }
}

/// One earlier message of the conversation (`history` item): text only.
///
/// ```
/// use nim_api::v2::ai::HistoryItem;
///
/// let item = HistoryItem::new("yx2", "我买了一件新衣服");
/// assert_eq!(serde_json::to_string(&item).unwrap(), r#"{"sender_id":"yx2","text":"我买了一件新衣服"}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct HistoryItem {
    /// Who sent it.
    pub sender_id: Accid,
    /// What it said.
    #[nim(required)]
    pub text: String,
}

/// `POST /ai/chat_assistant/v1/chat_assist` (chatAssist): suggested replies from
/// `sender_id` to `receiver_id`, one per asked style. Answers `{items: [{style,
/// style_name, answer}]}`.
///
/// `receiver_last_message` (at most 256 characters) is what the reply mainly answers;
/// `history` gives context (the page suggests the latest messages first, without the
/// receiver's last one); the tag lists describe both people, so replies sound more like
/// them. `style_list` names 1 to 3 styles (the page: "at most 3 by default"). Not
/// idempotent: the model may answer differently each time.
///
/// ```
/// use nim_api::v2::ai::{ChatAssist, ChatStyle, HistoryItem};
/// # use nim_api::Endpoint as _;
///
/// let request = ChatAssist::new("yx1", "yx2", [ChatStyle::Hot, ChatStyle::Warm])
///     .receiver_last_message("我今天的衣服漂亮吗?")
///     .receiver_tag_list(["漂亮"])
///     .history([HistoryItem::new("yx2", "我买了一件新衣服")]);
/// let encoded = request.encode().unwrap();
/// assert_eq!(encoded.path, "/ai/chat_assistant/v1/chat_assist");
/// assert_eq!(
///     encoded.body.unwrap().1,
///     r#"{"sender_id":"yx1","receiver_id":"yx2","receiver_tag_list":["漂亮"],"receiver_last_message":"我今天的衣服漂亮吗?","style_list":["hot","warm"],"history":[{"sender_id":"yx2","text":"我买了一件新衣服"}]}"#,
/// );
/// let none = ChatAssist::new("yx1", "yx2", Vec::<ChatStyle>::new());
/// assert_eq!(none.validate().unwrap_err().field(), "style_list");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "/ai/chat_assistant/v1/chat_assist", setters, response = ChatAssistAnswer)]
pub struct ChatAssist {
    /// Who will send the reply.
    pub sender_id: Accid,
    /// Tags describing the sender (`["热情", "开朗"]`), at most 2,000 characters in all.
    #[nim(custom = tag_list)]
    pub sender_tag_list: Option<Vec<String>>,
    /// Who the reply goes to.
    pub receiver_id: Accid,
    /// Tags describing the receiver, at most 2,000 characters in all.
    #[nim(custom = tag_list)]
    pub receiver_tag_list: Option<Vec<String>>,
    /// The receiver's last message, at most 256 characters.
    #[nim(max_len = 256)]
    pub receiver_last_message: Option<String>,
    /// The styles wanted: 1 to 3 (the docs' default quota: "最多默认可指定 3 种风格"). No
    /// source forbids naming one twice, so that is left to the server.
    #[nim(min_items = 1, max_items = 3, custom = named_styles)]
    pub style_list: Vec<ChatStyle>,
    /// Earlier text messages, at most 1,500 characters in all.
    #[nim(custom = history)]
    pub history: Option<Vec<HistoryItem>>,
}

/// The `data` of a [`ChatAssist`] answer.
///
/// ```
/// let answer: nim_api::v2::ai::ChatAssistAnswer = serde_json::from_str(
///     r#"{"items":[{"style":"hot","style_name":"热情","answer":"超级漂亮!"}]}"#,
/// ).unwrap();
/// assert_eq!(answer.items[0].answer, "超级漂亮!");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct ChatAssistAnswer {
    /// One suggestion per style.
    #[serde(default)]
    pub items: Vec<Suggestion>,
}

/// One suggested reply (`items` member).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct Suggestion {
    /// The style's code (`"hot"`); text, as the server may add styles.
    #[serde(default)]
    pub style: String,
    /// The style's display name (`"热情"`).
    #[serde(default)]
    pub style_name: String,
    /// The suggested reply.
    #[serde(default)]
    pub answer: String,
}

/// A tag list of at most [`TAG_LIST_MAX_CHARS`] characters in all.
fn tag_list(tags: &Option<Vec<String>>) -> Result<(), ValidationError> {
    let total: usize = tags.iter().flatten().map(|t| t.chars().count()).sum();
    total_within(total, TAG_LIST_MAX_CHARS, "tags")
}

/// A history of at most [`HISTORY_MAX_CHARS`] characters of text in all.
fn history(items: &Option<Vec<HistoryItem>>) -> Result<(), ValidationError> {
    let total: usize = items.iter().flatten().map(|i| i.text.chars().count()).sum();
    total_within(total, HISTORY_MAX_CHARS, "texts")
}

fn total_within(total: usize, max: usize, what: &str) -> Result<(), ValidationError> {
    if total > max {
        return Err(ValidationError::custom(
            "",
            format!("the {what} have {total} characters in all, at most {max} allowed"),
        ));
    }
    Ok(())
}

/// Each [`ChatStyle::Other`] must name a style.
fn named_styles(styles: &[ChatStyle]) -> Result<(), ValidationError> {
    match styles.iter().position(|s| s.as_str().trim().is_empty()) {
        Some(i) => Err(ValidationError::custom(
            format!("[{i}]"),
            "a ChatStyle::Other must name a style",
        )),
        None => Ok(()),
    }
}

crate::catalogue::family! {
    "v2::ai::";
    ChatAssist,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Endpoint as _;

    fn request() -> ChatAssist {
        ChatAssist::new("yx1", "yx2", [ChatStyle::Warm])
    }

    #[test]
    fn list_limits_count_characters_in_all() {
        let tags = vec!["标".repeat(1000), "签".repeat(1000)];
        assert!(request().sender_tag_list(tags.clone()).validate().is_ok());
        let over = [tags, vec!["x".to_owned()]].concat();
        let err = request().receiver_tag_list(over).validate().unwrap_err();
        assert_eq!(err.field(), "receiver_tag_list");
        assert!(err.to_string().contains("2001"), "{err}");

        let long = HistoryItem::new("yx2", "字".repeat(1501));
        let err = request().history([long]).validate().unwrap_err();
        assert_eq!(err.field(), "history");
        let err = request()
            .history([HistoryItem::new("yx2", "")])
            .validate()
            .unwrap_err();
        assert_eq!(err.field(), "history[0].text");
    }

    #[test]
    fn styles_are_one_to_three() {
        let four = [
            ChatStyle::Warm,
            ChatStyle::Hot,
            ChatStyle::Smart,
            ChatStyle::Stochastic,
        ];
        let err = ChatAssist::new("yx1", "yx2", four).validate().unwrap_err();
        assert_eq!(err.field(), "style_list");
        let none: [ChatStyle; 0] = [];
        let err = ChatAssist::new("yx1", "yx2", none).validate().unwrap_err();
        assert_eq!(err.field(), "style_list");
        let twice = [ChatStyle::Hot, ChatStyle::Hot];
        assert!(ChatAssist::new("yx1", "yx2", twice).validate().is_ok());
        let later = [ChatStyle::Other("calm".into())];
        assert!(ChatAssist::new("yx1", "yx2", later).validate().is_ok());
        let blank = [ChatStyle::Warm, ChatStyle::Other(" ".into())];
        let err = ChatAssist::new("yx1", "yx2", blank).validate().unwrap_err();
        assert_eq!(err.field(), "style_list[1]");
        let err = request().receiver_last_message("x".repeat(257)).validate();
        assert_eq!(err.unwrap_err().field(), "receiver_last_message");
    }
}
