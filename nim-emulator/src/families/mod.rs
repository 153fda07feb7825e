//! The families: each module registers its routes and borrows the state it needs. Adding a
//! family is one module here and one line in [`register_all`].

mod state_admin;
mod v1_user;
mod v2_account;
mod v2_common;
mod v2_user;

use crate::router::Registry;

/// Registers every family's routes (API and admin) on `registry`.
pub(crate) fn register_all(registry: &mut Registry) {
    v1_user::register(registry);
    v2_account::register(registry);
    v2_user::register(registry);
    state_admin::register(registry);
}
