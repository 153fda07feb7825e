//! v1 files: upload one as base64 in a form field (`msg/upload`), schedule the deletion of
//! uploaded files (`job/nos/del`).

use std::fmt;

use serde::Deserialize;
use serde_json::{Map, Value};

use crate::validate::ValidationError;
use crate::{Form, FormValue};

/// The most bytes an uploaded file may have (15 MiB, before base64).
pub const MAX_UPLOAD_BYTES: usize = 15 * 1024 * 1024;

/// A file's bytes, sent base64-encoded (`content`). Its `Debug` shows the size, not the
/// bytes.
///
/// ```
/// use nim_api::msg::FileContent;
/// use nim_api::{Form, FormValue};
///
/// let mut form = Form::new();
/// FileContent::from(b"hello").write_form("content", &mut form);
/// assert_eq!(form.finish(), "content=aGVsbG8%3D");
/// assert_eq!(format!("{:?}", FileContent::from(vec![0u8; 3])), "FileContent(3 bytes)");
///
/// // Read from the base64 text the form carries (an action called by name).
/// let read: FileContent = serde_json::from_str(r#""aGVsbG8=""#).unwrap();
/// assert_eq!(read.as_bytes(), b"hello");
/// assert!(serde_json::from_str::<FileContent>(r#""not base64!""#).is_err());
/// ```
#[derive(Clone, Default, PartialEq, Eq)]
pub struct FileContent(pub Vec<u8>);

impl FileContent {
    /// The bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }
}

impl fmt::Debug for FileContent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FileContent({} bytes)", self.0.len())
    }
}

impl From<Vec<u8>> for FileContent {
    fn from(bytes: Vec<u8>) -> Self {
        FileContent(bytes)
    }
}

impl From<&[u8]> for FileContent {
    fn from(bytes: &[u8]) -> Self {
        FileContent(bytes.to_vec())
    }
}

impl<const N: usize> From<&[u8; N]> for FileContent {
    fn from(bytes: &[u8; N]) -> Self {
        FileContent(bytes.to_vec())
    }
}

/// The base64 text of the bytes, as sent.
impl<'de> Deserialize<'de> for FileContent {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use base64::Engine as _;
        let text = std::borrow::Cow::<str>::deserialize(deserializer)?;
        base64::engine::general_purpose::STANDARD
            .decode(text.trim())
            .map(FileContent)
            .map_err(|_| serde::de::Error::custom("`content` is not base64 text"))
    }
}

impl FormValue for FileContent {
    fn write_form(&self, name: &str, form: &mut Form) {
        form.append(name, &base64(&self.0));
    }
}

/// Standard base64 (RFC 4648 alphabet, `=` padding), as the server decodes `content`.
fn base64(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// A file to upload: not empty, at most [`MAX_UPLOAD_BYTES`].
fn file_size(content: &FileContent) -> Result<(), ValidationError> {
    match content.0.len() {
        0 => Err(ValidationError::custom("", "the file is empty")),
        n if n > MAX_UPLOAD_BYTES => Err(ValidationError::custom(
            "",
            format!("the file has {n} bytes, at most 15 MiB ({MAX_UPLOAD_BYTES}) allowed"),
        )),
        _ => Ok(()),
    }
}

/// `msg/upload.action`: uploads a file (at most 15 MiB) and answers its URL, e.g. for an
/// image message.
///
/// The bytes travel base64-encoded inside the form (`content`), which makes the body about
/// a third larger than the file. Rate limit: 100 calls per second per app. Not idempotent.
///
/// ```
/// use nim_api::msg::Upload;
/// # use nim_api::Endpoint as _;
///
/// let request = Upload::new(b"hello".to_vec()).content_type("text/plain").is_https(true).tag("notes");
/// assert_eq!(
///     request.encode().unwrap().body.unwrap().1,
///     "content=aGVsbG8%3D&type=text%2Fplain&ishttps=true&tag=notes"
/// );
/// assert!(Upload::new(Vec::new()).validate().is_err());
/// assert!(request.expire_sec(3600u64).validate().is_err()); // at least one day
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "msg/upload.action", setters, response = UploadResponse)]
pub struct Upload {
    /// The file's bytes, sent base64-encoded: 1 byte to 15 MiB.
    #[nim(custom = file_size)]
    pub content: FileContent,
    /// The file's content type, e.g. `image/png` (`type`), at most 128 characters; the
    /// `contentType` filter of [`DeleteFiles`] matches it.
    #[nim(rename = "type", max_len = 128)]
    pub content_type: Option<String>,
    /// Answer an `https` URL (`ishttps`; default `false`).
    #[nim(rename = "ishttps")]
    pub is_https: Option<bool>,
    /// How long the file is kept, in seconds, at least 86400 (one day) (`expireSec`).
    #[nim(rename = "expireSec", min = 86400)]
    pub expire_sec: Option<u64>,
    /// A usage tag, at most 32 characters; the `tag` filter of [`DeleteFiles`] matches it.
    #[nim(max_len = 32)]
    pub tag: Option<String>,
}

/// The answer to [`Upload`] (a top-level member of the answer).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct UploadResponse {
    /// The file's URL.
    pub url: String,
}

/// `job/nos/del.action`: schedules the deletion of the files uploaded in a time window,
/// optionally only those of a content type or tag; answers the id of the asynchronous task.
///
/// **Rate limit: 5 calls per day** per app (then 416 and a one-day block). nim-rs refuses a
/// window whose start is after its end, which would spend one of the five on nothing. Not
/// idempotent.
///
/// ```
/// use nim_api::msg::DeleteFiles;
/// # use nim_api::Endpoint as _;
///
/// let request = DeleteFiles::new(1700000000000u64, 1700086400000u64).content_type("image").tag("avatars");
/// assert_eq!(
///     request.encode().unwrap().body.unwrap().1,
///     "startTime=1700000000000&endTime=1700086400000&contentType=image&tag=avatars"
/// );
/// assert!(DeleteFiles::new(2u64, 1u64).validate().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Endpoint)]
#[nim(path = "job/nos/del.action", rate_limit = "5/day", setters, response = DeleteFilesResponse, custom = window)]
pub struct DeleteFiles {
    /// The start of the upload-time window, in milliseconds (`startTime`).
    #[nim(rename = "startTime")]
    pub start_time: u64,
    /// The end of the window, in milliseconds (`endTime`).
    #[nim(rename = "endTime")]
    pub end_time: u64,
    /// Only files whose content type **contains** this text, e.g. `image` matches
    /// `image/png` (`contentType`).
    #[nim(rename = "contentType")]
    pub content_type: Option<String>,
    /// Only files uploaded with exactly this tag.
    pub tag: Option<String>,
}

fn window(request: &DeleteFiles) -> Result<(), ValidationError> {
    if request.start_time > request.end_time {
        return Err(ValidationError::custom(
            "startTime",
            "must not be after `endTime`",
        ));
    }
    Ok(())
}

/// The answer to [`DeleteFiles`]: the task id, read from `data.taskid` (as both SDKs read
/// it) or from a top-level `taskid`.
///
/// ```
/// use nim_api::msg::DeleteFilesResponse;
///
/// let nested: DeleteFilesResponse = serde_json::from_str(r#"{"data":{"taskid":"t1"}}"#).unwrap();
/// let top: DeleteFilesResponse = serde_json::from_str(r#"{"taskid":"t1"}"#).unwrap();
/// assert_eq!(nested, top);
/// assert_eq!(nested.task_id.as_deref(), Some("t1"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(from = "Map<String, Value>")]
#[non_exhaustive]
pub struct DeleteFilesResponse {
    /// The id of the deletion task, when the server gave one.
    pub task_id: Option<String>,
}

impl From<Map<String, Value>> for DeleteFilesResponse {
    fn from(answer: Map<String, Value>) -> Self {
        let text = |value: &Value| match value {
            Value::String(text) => Some(text.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        };
        let task_id = answer
            .get("data")
            .and_then(|data| data.get("taskid"))
            .and_then(text)
            .or_else(|| answer.get("taskid").and_then(text));
        DeleteFilesResponse { task_id }
    }
}

#[cfg(test)]
mod tests {
    use super::base64;

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in cases {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
        assert_eq!(base64(&[0xff, 0xfe, 0xfd]), "//79");
    }
}
