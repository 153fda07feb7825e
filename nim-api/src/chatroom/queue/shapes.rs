//! The parameter groups several queue actions share.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::validate::{Rule, Validate, ValidationError};
use crate::wire::int_enum;
use crate::{Accid, Form, FormMembers, FormValue};

/// `key`: at most 128 characters (the official queue page).
pub(crate) const KEY_MAX: usize = 128;
/// `value`: at most 4096 characters (the official queue page).
pub(crate) const VALUE_MAX: usize = 4096;

int_enum! {
    /// What the server does with a high-priority queue notification over the room's
    /// high-priority rate (`highPriorityPolicy`, v2 `high_priority_policy`).
    pub enum HighPriorityPolicy: u8 {
        /// Send it as a normal notification (`0`, the default).
        Downgrade = 0,
        /// Refuse the call with 416 (`1`).
        Refuse = 1,
    }
}

/// Whether the notification of a queue change goes out as high priority (`highPriority`,
/// sent as `1` or `0`, the wire's integer) and what happens over the rate. Written into the
/// form as the action's own parameters; unset members are not sent.
///
/// ```
/// use nim_api::chatroom::{HighPriorityPolicy, QueuePriority};
/// use nim_api::{Form, FormMembers};
///
/// let priority = QueuePriority::new().high_priority(true).high_priority_policy(HighPriorityPolicy::Refuse);
/// let mut form = Form::new();
/// priority.write_form_members(&mut form);
/// assert_eq!(form.finish(), "highPriority=1&highPriorityPolicy=1");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, crate::Params)]
#[nim(setters)]
#[non_exhaustive]
pub struct QueuePriority {
    /// Send the notification as high priority (default: no).
    #[nim(rename = "highPriority")]
    pub high_priority: Option<bool>,
    /// What happens over the high-priority rate.
    #[nim(rename = "highPriorityPolicy")]
    pub high_priority_policy: Option<HighPriorityPolicy>,
}

impl FormMembers for QueuePriority {
    fn write_form_members(&self, form: &mut Form) {
        // The wire takes 0/1 here, not the true/false of the other switches.
        self.high_priority
            .map(u8::from)
            .write_form("highPriority", form);
        self.high_priority_policy
            .write_form("highPriorityPolicy", form);
    }
}

/// One element of [`BatchOfferChatroomQueue`](super::BatchOfferChatroomQueue): `key` (1 to
/// 128 characters), `value` (1 to 4096), its owner `accid` (default: the operator) and
/// whether it is transient (default: the request's `transient`).
///
/// ```
/// use nim_api::chatroom::QueueOfferElement;
/// use nim_api::validate::Validate;
///
/// let element = QueueOfferElement::new("mic-1", "on").accid("LiSi").transient(true);
/// assert_eq!(
///     serde_json::to_string(&element).unwrap(),
///     r#"{"key":"mic-1","value":"on","accid":"lisi","transient":true}"#
/// );
/// assert_eq!(QueueOfferElement::new("", "on").validate().unwrap_err().field(), "key");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, crate::Params)]
#[nim(setters)]
pub struct QueueOfferElement {
    /// The key, 1 to 128 characters.
    #[nim(required, max_len = 128)]
    pub key: String,
    /// The value, 1 to 4096 characters.
    #[nim(required, max_len = 4096)]
    pub value: String,
    /// The owner (default: the operator).
    pub accid: Option<Accid>,
    /// Deleted when its owner leaves the room.
    pub transient: Option<bool>,
}

/// Written into the `elements` array as a JSON object.
impl crate::ListItem for QueueOfferElement {
    fn write_json(&self, out: &mut String) {
        if let Ok(text) = serde_json::to_string(self) {
            out.push_str(&text);
        }
    }

    fn write_text(&self, out: &mut String) {
        self.write_json(out);
    }
}

/// The new values of a batch update, key to value: one JSON object in the form
/// (`{"k1":"v1","k2":"v2"}`), 1 to 200 keys (the legacy official tables; the client SDK's
/// own batch update takes 100), each key 1 to 128 characters, each value at most 4096.
///
/// ```
/// use nim_api::chatroom::QueueValues;
/// use nim_api::validate::Validate;
/// use nim_api::{Form, FormValue};
///
/// let values: QueueValues = [("mic-1", "off"), ("mic-2", "on")].into_iter().collect();
/// let mut form = Form::new();
/// values.write_form("elements", &mut form);
/// assert_eq!(form.finish(), "elements=%7B%22mic-1%22%3A%22off%22%2C%22mic-2%22%3A%22on%22%7D");
/// assert!(values.validate().is_ok());
/// assert!(QueueValues::default().validate().is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct QueueValues(pub BTreeMap<String, String>);

impl<K: Into<String>, V: Into<String>> FromIterator<(K, V)> for QueueValues {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        QueueValues(
            iter.into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        )
    }
}

impl FormValue for QueueValues {
    fn write_form(&self, name: &str, form: &mut Form) {
        // A map of strings always serialises.
        if let Ok(text) = serde_json::to_string(&self.0) {
            form.append(name, &text);
        }
    }
}

impl Validate for QueueValues {
    fn validate(&self) -> Result<(), ValidationError> {
        let actual = self.0.len();
        if actual == 0 {
            return Err(ValidationError::new(
                "",
                Rule::TooFewItems { limit: 1, actual },
            ));
        }
        if actual > 200 {
            return Err(ValidationError::new(
                "",
                Rule::TooManyItems { limit: 200, actual },
            ));
        }
        for (key, value) in &self.0 {
            let chars = key.chars().count();
            if chars == 0 || chars > KEY_MAX {
                return Err(ValidationError::custom(
                    "",
                    format!("key {key:?} has {chars} characters, 1 to {KEY_MAX} allowed"),
                ));
            }
            let actual = value.chars().count();
            if actual > VALUE_MAX {
                return Err(ValidationError::new(
                    key.clone(),
                    Rule::MaxLen {
                        limit: VALUE_MAX,
                        actual,
                    },
                ));
            }
        }
        Ok(())
    }
}

/// Each key of a list (`keys`, `element_key_list`) is 1 to 128 characters; an error names
/// the item (`keys[2]`).
pub(crate) fn keys_fit(keys: &[String]) -> Result<(), ValidationError> {
    for (i, key) in keys.iter().enumerate() {
        let actual = key.chars().count();
        if actual == 0 {
            return Err(ValidationError::new("", Rule::Required).at_index(i));
        }
        if actual > KEY_MAX {
            return Err(ValidationError::new(
                "",
                Rule::MaxLen {
                    limit: KEY_MAX,
                    actual,
                },
            )
            .at_index(i));
        }
    }
    Ok(())
}

/// [`keys_fit`] for an optional list.
pub(crate) fn optional_keys_fit(keys: &Option<Vec<String>>) -> Result<(), ValidationError> {
    keys.as_deref().map_or(Ok(()), keys_fit)
}
