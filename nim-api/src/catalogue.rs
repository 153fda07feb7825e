//! The list of every action this crate declares, for tools and coverage checks.
//!
//! Each family module lists its actions once, with [`family!`], next to their declarations;
//! [`catalogue`] joins the families. A test reads the sources and fails when a declared
//! action is missing here or listed twice.

use std::sync::OnceLock;

/// One declared action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
}

impl ActionInfo {
    /// The facts of action `E`, named `name`.
    pub const fn of<E: crate::Endpoint>(name: &'static str) -> ActionInfo {
        ActionInfo {
            method: E::METHOD.as_str(),
            path: E::PATH,
            idempotent: E::IDEMPOTENT,
            name,
        }
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
        ]
        .concat()
    })
}
