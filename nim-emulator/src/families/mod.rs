//! The families: each module registers its routes and borrows the state it needs. Adding a
//! family is one module here and one line in [`register_all`].

mod callback_admin;
mod chatroom_admin;
mod contact_list;
mod friend_admin;
mod message_admin;
mod message_common;
mod signal_admin;
mod signal_common;
mod state_admin;
mod team_admin;
mod tools;
mod v1_chatroom;
mod v1_event_subscribe;
mod v1_friend;
mod v1_message;
mod v1_signal;
mod v1_superteam;
mod v1_team;
mod v1_team_params;
mod v1_user;
mod v2_account;
mod v2_block;
mod v2_broadcast;
mod v2_chatroom;
mod v2_chatroom_member;
mod v2_chatroom_message;
mod v2_chatroom_queue;
mod v2_chatroom_roster;
mod v2_common;
mod v2_conversation;
mod v2_friend;
mod v2_message;
mod v2_mute;
mod v2_notify;
mod v2_signal;
mod v2_subscription;
mod v2_team;
mod v2_user;

use crate::router::Registry;

/// Registers every family's routes (API and admin) on `registry`.
pub(crate) fn register_all(registry: &mut Registry) {
    v1_user::register(registry);
    v2_account::register(registry);
    v2_user::register(registry);
    v1_message::register(registry);
    v2_message::register(registry);
    v2_notify::register(registry);
    v2_broadcast::register(registry);
    v2_block::register(registry);
    v2_mute::register(registry);
    v1_event_subscribe::register(registry);
    v2_subscription::register(registry);
    state_admin::register(registry);
    message_admin::register(registry);
    v1_friend::register(registry);
    v1_superteam::register(registry);
    v2_friend::register(registry);
    v2_team::register(registry);
    v2_chatroom_member::register(registry);
    v2_chatroom_message::register(registry);
    friend_admin::register(registry);
    team_admin::register(registry);
    callback_admin::register(registry);
    v1_team::register(registry);
    v1_chatroom::register(registry);
    chatroom_admin::register(registry);
    v2_chatroom::register(registry);
    v2_chatroom_queue::register(registry);
    v1_signal::register(registry);
    v2_signal::register(registry);
    signal_admin::register(registry);
    tools::register(registry);
    v2_conversation::register(registry);
}
