//! The list of every action this crate declares, for tools and coverage checks.
//!
//! Each family module lists its actions once, with [`family!`], next to their declarations;
//! [`catalogue`] joins the families. A test reads the sources and fails when a declared
//! action is missing here or listed twice.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::OnceLock;

use serde_json::Value;

use crate::dynamic::{EncodedCall, FromWire, ParamInfo};
use crate::{Endpoint, Error};

/// One declared action: what it is, its parameters, and how to build it from them by name.
///
/// ```
/// use serde_json::json;
///
/// let create = nim_api::find_action("user::CreateUser").unwrap();
/// assert_eq!((create.method, create.path), ("POST", "user/create.action"));
/// assert!(create.params.iter().any(|p| p.name == "accid" && p.required));
///
/// // Validated and encoded without I/O (a dry run):
/// let call = create.build(json!({"accid": "ZhangSan", "gender": "1"})).unwrap();
/// assert_eq!(call.into_encoded().body.unwrap().1, "accid=zhangsan&gender=1");
/// let err = create.build(json!({"acid": "zhangsan"})).unwrap_err();
/// assert_eq!(err.validation().unwrap().field(), "acid");
/// ```
#[derive(Clone, Copy)]
#[non_exhaustive]
pub struct ActionInfo {
    /// The HTTP method, e.g. `"POST"` or `"PATCH"`.
    pub method: &'static str,
    /// The path as declared: `"user/create.action"` or `"/im/v2/accounts/{account_id}"`.
    pub path: &'static str,
    /// Whether the client may retry it when an attempt's outcome is unknown.
    pub idempotent: bool,
    /// The type's path below `nim_api`, e.g. `"v2::account::CreateAccount"`.
    pub name: &'static str,
    /// Its parameters in declaration order, by wire name (path and query parameters
    /// included; a flattened object's members under [`ParamInfo::members`]).
    pub params: &'static [ParamInfo],
    build: fn(Value) -> Result<EncodedCall, Error>,
}

impl ActionInfo {
    /// The facts of action `E`, named `name`.
    pub const fn of<E: Endpoint + FromWire>(name: &'static str) -> ActionInfo {
        ActionInfo {
            method: E::METHOD.as_str(),
            path: E::PATH,
            idempotent: E::IDEMPOTENT,
            name,
            params: E::PARAMS,
            build: build::<E>,
        }
    }

    /// Reads the action from a JSON object of its parameters by wire name (see
    /// [`dynamic`](crate::dynamic) for the values accepted), validates it and encodes it,
    /// without I/O. A key the action does not have, a required parameter absent, a value of
    /// the wrong type and a broken field rule are each an [`ErrorKind::Validation`](crate::ErrorKind::Validation)
    /// naming the parameter.
    pub fn build(&self, params: Value) -> Result<EncodedCall, Error> {
        (self.build)(params)
    }

    /// Builds the action from `params` (as [`build`](Self::build)) and sends it with `client`,
    /// answering the whole answer object as JSON once its code is 200 and its response fits
    /// the action's typed response ([`Client::call_encoded`](crate::Client::call_encoded)).
    /// An invalid request fails before any I/O, with no trace id (none was made: nothing was
    /// sent); every other error is the one [`Client::call`](crate::Client::call) would
    /// return.
    ///
    /// ```no_run
    /// # async fn run(client: nim_api::Client) -> Result<(), nim_api::Error> {
    /// let action = nim_api::find_action("user/getUinfos.action").unwrap();
    /// let answer = action.call(&client, serde_json::json!({"accids": ["zhangsan"]})).await?;
    /// println!("{answer}");
    /// # Ok(()) }
    /// ```
    #[cfg(feature = "client")]
    pub fn call(
        &self,
        client: &crate::Client,
        params: Value,
    ) -> impl Future<Output = Result<Value, Error>> + Send + 'static {
        let sent = self.build(params).map(|call| client.call_encoded(call));
        async move { sent?.await }
    }

    /// The v2 operation's name in the official SDKs (`createAccount` for
    /// `v2::account::CreateAccount`); `None` for a v1 action.
    ///
    /// ```
    /// let create = nim_api::find_action("v2::account::CreateAccount").unwrap();
    /// assert_eq!(create.operation().as_deref(), Some("createAccount"));
    /// ```
    pub fn operation(&self) -> Option<String> {
        let rest = self.name.strip_prefix("v2::")?;
        let type_name = rest.rsplit("::").next()?;
        let mut chars = type_name.chars();
        let first = chars.next()?;
        Some(first.to_ascii_lowercase().to_string() + chars.as_str())
    }
}

/// Reads, validates and encodes action `E`.
fn build<E: Endpoint + FromWire>(params: Value) -> Result<EncodedCall, Error> {
    let request = E::from_wire(params)?;
    Ok(EncodedCall::of(&request)?)
}

/// Two entries are equal when they describe the same action (same name, method and path).
impl PartialEq for ActionInfo {
    fn eq(&self, other: &Self) -> bool {
        (self.name, self.method, self.path, self.idempotent)
            == (other.name, other.method, other.path, other.idempotent)
    }
}

impl Eq for ActionInfo {}

impl Hash for ActionInfo {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (self.name, self.method, self.path, self.idempotent).hash(state);
    }
}

impl fmt::Debug for ActionInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ActionInfo")
            .field("method", &self.method)
            .field("path", &self.path)
            .field("idempotent", &self.idempotent)
            .field("name", &self.name)
            .field("params", &self.params)
            .finish_non_exhaustive()
    }
}

/// Lists a family's actions as its `ACTIONS`: `family! { "user::"; CreateUser, ... }`.
macro_rules! family {
    ($prefix:literal; $($action:ident),* $(,)?) => {
        /// The actions of this family, as listed in [`catalogue`](crate::catalogue()).
        pub(crate) const ACTIONS: &[$crate::ActionInfo] = &[
            $( $crate::ActionInfo::of::<$action>(concat!($prefix, stringify!($action))), )*
        ];
    };
}

pub(crate) use family;

/// The action called `name`, which may be written as
///
/// - its catalogue name: `user::CreateUser`, `v2::account::CreateAccount`;
/// - a v1 path: `user/create.action` (a leading `/` is ignored);
/// - a v2 method and path template: `POST /im/v2/accounts`;
/// - a v2 operation's name in the official SDKs: `createAccount`;
/// - the type's name alone: `CreateAccount`, when no other action has it.
///
/// `None` when no action, or more than one, answers to the name.
///
/// ```
/// let by_name = nim_api::find_action("user::CreateUser").unwrap();
/// assert_eq!(nim_api::find_action("user/create.action"), Some(by_name));
/// assert_eq!(nim_api::find_action("/user/create.action"), Some(by_name));
/// assert_eq!(nim_api::find_action("CreateUser"), Some(by_name));
///
/// let v2 = nim_api::find_action("createAccount").unwrap();
/// assert_eq!(v2.name, "v2::account::CreateAccount");
/// assert_eq!(nim_api::find_action("POST /im/v2/accounts"), Some(v2));
/// assert_eq!(nim_api::find_action("RefreshToken"), None); // v1 user:: and v2 account:: both
/// assert_eq!(nim_api::find_action("user/nothing.action"), None);
/// ```
pub fn find_action(name: &str) -> Option<&'static ActionInfo> {
    let all = catalogue();
    let name = name.trim();
    if let Some(action) = all.iter().find(|a| a.name == name) {
        return Some(action);
    }
    if let Some((method, path)) = name.split_once(' ') {
        let (method, path) = (method.trim(), path.trim());
        return all
            .iter()
            .find(|a| a.method.eq_ignore_ascii_case(method) && a.path == path);
    }
    let v1 = name.trim_start_matches('/');
    if let Some(action) = all.iter().find(|a| a.path == v1) {
        return Some(action);
    }
    only(
        all.iter()
            .filter(|a| a.operation().is_some_and(|op| op == name)),
    )
    .or_else(|| {
        only(
            all.iter()
                .filter(|a| a.name.rsplit("::").next() == Some(name)),
        )
    })
}

/// The one item of `found`, if it has exactly one.
fn only<'a>(mut found: impl Iterator<Item = &'a ActionInfo>) -> Option<&'a ActionInfo> {
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

/// Every action this crate declares, v1 first, each family in declaration order.
///
/// ```
/// let catalogue = nim_api::catalogue();
/// let create = catalogue.iter().find(|a| a.name == "v2::account::CreateAccount").unwrap();
/// assert_eq!((create.method, create.path), ("POST", "/im/v2/accounts"));
/// assert!(!create.idempotent);
/// ```
pub fn catalogue() -> &'static [ActionInfo] {
    static ALL: OnceLock<Vec<ActionInfo>> = OnceLock::new();
    ALL.get_or_init(|| {
        [
            crate::user::ACTIONS,
            crate::friend::ACTIONS,
            crate::event::ACTIONS,
            crate::msg::ACTIONS,
            crate::history::ACTIONS,
            crate::team::ACTIONS,
            crate::superteam::ACTIONS,
            crate::chatroom::ACTIONS,
            crate::signal::ACTIONS,
            crate::translator::ACTIONS,
            crate::v2::account::ACTIONS,
            crate::v2::user::ACTIONS,
            crate::v2::message::ACTIONS,
            crate::v2::custom_notification::ACTIONS,
            crate::v2::broadcast::ACTIONS,
            crate::v2::friend::ACTIONS,
            crate::v2::mute::ACTIONS,
            crate::v2::block::ACTIONS,
            crate::v2::subscription::ACTIONS,
            crate::v2::team::ACTIONS,
            crate::v2::team_member::ACTIONS,
            crate::v2::chatroom::ACTIONS,
            crate::v2::chatroom_member::ACTIONS,
            crate::v2::chatroom_queue::ACTIONS,
            crate::v2::chatroom_message::ACTIONS,
            crate::v2::signal::ACTIONS,
            crate::v2::tool::ACTIONS,
            crate::v2::ai::ACTIONS,
            crate::v2::system_push::ACTIONS,
            crate::v2::conversation::ACTIONS,
            crate::v2::conversation_group::ACTIONS,
            crate::v2::conversation_unread::ACTIONS,
        ]
        .concat()
    })
}
