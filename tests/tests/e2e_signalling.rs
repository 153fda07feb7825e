//! Signalling rooms end to end against the emulator, through the real client: a room made
//! through v1 is read, delayed and closed through v2 and the reverse; every action of both
//! versions called and its effect read back; expiry of rooms and invitations on a manual
//! state clock; the documented codes; bad requests refused before anything is sent.

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

mod support;

use nim_api::Client;
use nim_api::signal::{
    CancelSignalRoomInvite, ChannelType, CloseSignalRoom, ControlSignalRoom, CreateSignalRoom,
    DelaySignalRoom, GetSignalRoomInfo, InviteToSignalRoom, KickFromSignalRoom, SignalPush,
    SignalRoom,
};
use nim_api::v2::signal::{
    CancelInvite, CloseRoom, CreateRoom, DelayRoom, Invite, KickMember, PushConfig, QueryRoom,
    RouteConfig, SendControl,
};
use nim_emulator::{Emulator, ManualClock};
use serde_json::{Value, json};
use support::{client_of, code};

const KEY: &str = "signal-key";
const SECRET: &str = "signal-secret";
const T0: u64 = 1_800_000_000;
const TWO_HOURS: u64 = 2 * 60 * 60;

/// An emulator whose state runs on a manual clock at `T0` (CurTime is still checked in
/// real time), a client, and the accounts `owner`, `bob`, `carol`.
async fn setup() -> (Emulator, Client, ManualClock) {
    let clock = ManualClock::new(T0);
    let emu = Emulator::builder(KEY, SECRET)
        .state_clock(clock.clone())
        .start()
        .await
        .unwrap();
    let client = client_of(&emu, KEY, SECRET);
    for accid in ["owner", "bob", "carol"] {
        client
            .call(&nim_api::user::CreateUser::new(accid))
            .await
            .unwrap();
    }
    (emu, client, clock)
}

/// `accid`'s client joins room `id` (what a client SDK does; the server API cannot), via
/// the emulator's admin route.
fn join(emu: &Emulator, id: &str, accid: &str) {
    let body = json!({"channel_id": id, "accid": accid, "device_id": "phone"}).to_string();
    let reply = emu.handle(
        "POST",
        "/_emulator/state/signalling_join",
        &[("Content-Type", "application/json")],
        body.as_bytes(),
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
}

/// The pending invitations of room `id`, from the admin view.
fn invitations(emu: &Emulator, id: &str) -> Value {
    let path = format!("/_emulator/state/signalling?channel_id={id}");
    let reply = emu.handle("GET", &path, &[], b"");
    let view: Value = serde_json::from_str(&reply.body).unwrap();
    view["invitations"].clone()
}

/// The code a call that must fail answers.
async fn refused<E: nim_api::Endpoint>(client: &Client, request: &E) -> u32 {
    match client.call(request).await {
        Ok(_) => panic!("{} went through", std::any::type_name::<E>()),
        Err(err) => code(&err),
    }
}

#[tokio::test]
async fn a_room_made_in_v1_is_read_delayed_and_closed_in_v2() {
    let (emu, client, clock) = setup().await;
    let made = client
        .call(
            &CreateSignalRoom::new(ChannelType::Video, "Owner")
                .channel_name("call-1")
                .ext("e")
                .is_route(0u8),
        )
        .await
        .unwrap();
    assert_eq!(made.channel_name, "call-1");
    assert_eq!(made.channel_type, Some(ChannelType::Video));
    assert_eq!(made.creator, "owner");
    assert_eq!(made.extension.as_deref(), Some("e"));
    assert_eq!(made.create_time, T0 * 1000);
    assert_eq!(made.expire_time, (T0 + TWO_HOURS) * 1000);
    assert!(made.members.is_empty());
    join(&emu, &made.channel_id, "bob");

    let by_name: SignalRoom = client
        .call(&QueryRoom::new().channel_name("call-1"))
        .await
        .unwrap();
    assert_eq!(by_name.channel_id, made.channel_id);
    assert_eq!(by_name.channel_type, Some(ChannelType::Video));
    assert_eq!(by_name.members.len(), 1);
    let bob = &by_name.members[0];
    assert_eq!(bob.account_id, "bob");
    assert_eq!(bob.device_id.as_deref(), Some("phone"));
    assert_eq!(bob.join_time, Some(T0 * 1000));
    assert!(bob.uid.is_some());

    clock.advance(600);
    let delayed = client
        .call(&DelayRoom::new(&made.channel_id))
        .await
        .unwrap();
    assert_eq!(delayed.expire_time, (T0 + 600 + TWO_HOURS) * 1000);

    client
        .call(&CloseRoom::new(&made.channel_id, "bob").offline_enabled(true))
        .await
        .unwrap();
    let gone = GetSignalRoomInfo::new().channel_id(made.channel_id.clone());
    assert_eq!(refused(&client, &gone).await, 10404);
}

#[tokio::test]
async fn a_room_made_in_v2_is_read_delayed_and_closed_in_v1() {
    let (_emu, client, clock) = setup().await;
    let made = client
        .call(
            &CreateRoom::new("owner", ChannelType::Audio)
                .channel_name("talk")
                .channel_extension("x")
                .route_config(RouteConfig::new().route_enabled(true)),
        )
        .await
        .unwrap();
    assert_eq!(made.channel_type, Some(ChannelType::Audio));

    // Read by id through v1; the id wins over a wrong name.
    let info = client
        .call(
            &GetSignalRoomInfo::new()
                .channel_id(made.channel_id.clone())
                .channel_name("other"),
        )
        .await
        .unwrap();
    assert_eq!(info, made);

    clock.advance(60);
    let delayed = client
        .call(&DelaySignalRoom::new(&made.channel_id))
        .await
        .unwrap();
    assert_eq!(delayed.expire_time, (T0 + 60 + TWO_HOURS) * 1000);

    // Only the creator or a member closes it.
    let stranger = CloseSignalRoom::new(&made.channel_id, "bob");
    assert_eq!(refused(&client, &stranger).await, 10406);
    client
        .call(
            &CloseSignalRoom::new(&made.channel_id, "owner")
                .is_save(1u8)
                .attach_ext("bye"),
        )
        .await
        .unwrap();
    let gone = QueryRoom::new().channel_id(made.channel_id.clone());
    assert_eq!(refused(&client, &gone).await, 10404);
    // The name is free again.
    client
        .call(&CreateRoom::new("bob", ChannelType::Custom).channel_name("talk"))
        .await
        .unwrap();
}

#[tokio::test]
async fn rooms_end_two_hours_after_their_creation_or_delay() {
    let (_emu, client, clock) = setup().await;
    let a = client
        .call(&CreateSignalRoom::new(ChannelType::Audio, "owner").channel_name("a"))
        .await
        .unwrap();
    let b = client
        .call(&CreateRoom::new("owner", ChannelType::Audio).channel_name("b"))
        .await
        .unwrap();
    clock.advance(TWO_HOURS - 1);
    client.call(&DelayRoom::new(&a.channel_id)).await.unwrap();
    clock.advance(1);
    assert_eq!(
        refused(&client, &DelaySignalRoom::new(&b.channel_id)).await,
        10404
    );
    assert_eq!(
        refused(&client, &QueryRoom::new().channel_name("b")).await,
        10404
    );
    let taken = CreateSignalRoom::new(ChannelType::Audio, "bob").channel_name("a");
    assert_eq!(refused(&client, &taken).await, 10405);
    // `a` was delayed at T0 + 2 h - 1 s: it ends 2 h after that.
    clock.advance(TWO_HOURS - 2);
    assert!(
        client
            .call(&QueryRoom::new().channel_name("a"))
            .await
            .is_ok()
    );
    clock.advance(1);
    assert_eq!(
        refused(&client, &QueryRoom::new().channel_name("a")).await,
        10404
    );
}

#[tokio::test]
async fn invitations_in_both_versions_and_their_90_seconds() {
    let (emu, client, clock) = setup().await;
    let room = client
        .call(&CreateSignalRoom::new(ChannelType::Video, "owner"))
        .await
        .unwrap();
    let id = room.channel_id.as_str();
    client
        .call(
            &InviteToSignalRoom::new(id, "owner", "bob", "r1")
                .is_save(1u8)
                .push(
                    SignalPush::new()
                        .need_push(1u8)
                        .push_title("Call")
                        .need_badge(1u8),
                ),
        )
        .await
        .unwrap();
    client
        .call(
            &Invite::new(id, "owner", "carol", "r2")
                .offline_enabled(true)
                .unread_enabled(false)
                .push_config(PushConfig::new().push_enabled(true).push_content("hi")),
        )
        .await
        .unwrap();
    let pending = invitations(&emu, id);
    assert_eq!(pending.as_array().unwrap().len(), 2, "{pending}");
    assert_eq!(pending[0]["invitee"], "bob");
    assert_eq!(pending[1]["request_id"], "r2");

    // Cancelled through v2 and v1 (each the other's invitation).
    client
        .call(&CancelInvite::new(id, "owner", "bob", "r1"))
        .await
        .unwrap();
    let wrong_id = CancelSignalRoomInvite::new(id, "owner", "carol", "r1");
    assert_eq!(refused(&client, &wrong_id).await, 10408);
    client
        .call(&CancelSignalRoomInvite::new(id, "owner", "carol", "r2"))
        .await
        .unwrap();
    assert_eq!(invitations(&emu, id), json!([]));

    // An invitation past its 90 seconds can no longer be cancelled.
    client
        .call(&Invite::new(id, "owner", "bob", "r3"))
        .await
        .unwrap();
    clock.advance(90);
    assert_eq!(
        refused(&client, &CancelInvite::new(id, "owner", "bob", "r3")).await,
        10408
    );

    // Who may invite whom.
    let outsider = InviteToSignalRoom::new(id, "bob", "carol", "r4");
    assert_eq!(refused(&client, &outsider).await, 10406);
    join(&emu, id, "bob");
    let member = Invite::new(id, "owner", "bob", "r5");
    assert_eq!(refused(&client, &member).await, 10407);
    let ghost = Invite::new(id, "owner", "ghost", "r6");
    assert_eq!(refused(&client, &ghost).await, 102404);
    let ghost_v1 = InviteToSignalRoom::new(id, "owner", "ghost", "r6");
    assert_eq!(refused(&client, &ghost_v1).await, 414);
}

#[tokio::test]
async fn kicks_and_control_signals_in_both_versions() {
    let (emu, client, _clock) = setup().await;
    let room = client
        .call(&CreateRoom::new("owner", ChannelType::Custom))
        .await
        .unwrap();
    let id = room.channel_id.as_str();
    join(&emu, id, "bob");
    join(&emu, id, "carol");

    client
        .call(
            &ControlSignalRoom::new(id, "owner")
                .attach_ext("{}")
                .is_route(1u8),
        )
        .await
        .unwrap();
    client
        .call(
            &SendControl::new(id, "bob")
                .target_account_id("carol")
                .server_extension("mute"),
        )
        .await
        .unwrap();
    let to_stranger = ControlSignalRoom::new(id, "owner").to("owner");
    assert_eq!(refused(&client, &to_stranger).await, 10406);

    let by_member = KickFromSignalRoom::new(id, "bob", "carol");
    assert_eq!(refused(&client, &by_member).await, 403);
    client
        .call(&KickFromSignalRoom::new(id, "owner", "carol").is_save(0u8))
        .await
        .unwrap();
    client
        .call(&KickMember::new(id, "owner", "bob").offline_enabled(true))
        .await
        .unwrap();
    assert_eq!(
        refused(&client, &KickMember::new(id, "owner", "bob")).await,
        10406
    );
    let left = client
        .call(&GetSignalRoomInfo::new().channel_id(id.to_owned()))
        .await
        .unwrap();
    assert!(left.members.is_empty());
    // A kicked member no longer sends control signals.
    assert_eq!(refused(&client, &SendControl::new(id, "bob")).await, 10406);
}

#[tokio::test]
async fn bad_requests_are_refused_before_anything_is_sent() {
    let (emu, client, _clock) = setup().await;
    let before = emu.handle("GET", "/_emulator/requests", &[], b"").body;
    let long_name =
        CreateSignalRoom::new(ChannelType::Audio, "owner").channel_name("n".repeat(129));
    let mut no_request_id = Invite::new("c", "owner", "bob", "r");
    no_request_id.request_id.clear();
    let bad_push = InviteToSignalRoom::new("c", "owner", "bob", "r")
        .push(SignalPush::new().push_payload("{oops"));
    for err in [
        client.call(&long_name).await.unwrap_err(),
        client.call(&no_request_id).await.unwrap_err(),
        client.call(&bad_push).await.unwrap_err(),
        client.call(&QueryRoom::new()).await.unwrap_err(),
        client.call(&GetSignalRoomInfo::new()).await.unwrap_err(),
    ] {
        assert!(err.is_validation(), "{err}");
    }
    assert_eq!(
        emu.handle("GET", "/_emulator/requests", &[], b"").body,
        before
    );
}
