//! The chatroom families over HTTP, one file per area; the helpers every area uses are
//! here.
#![allow(clippy::unwrap_used)]

#[path = "../common/mod.rs"]
mod common;

mod lifecycle;
mod members;
mod messages;
mod queue;
mod robots;
mod roles;
mod v2_rooms;

use common::{Answer, Harness};
use serde_json::{Value, json};

/// `owner`, `other` and `guest` exist.
pub(crate) async fn harness() -> Harness {
    let h = Harness::start().await;
    for a in ["owner", "other", "guest"] {
        h.emu.insert_account(a, Some("t"));
    }
    h
}

/// Asserts `{"code":200,...}` and answers the JSON.
pub(crate) fn ok(answer: Answer) -> Value {
    assert_eq!(answer.code(), 200, "{}", answer.body);
    answer.json()
}

/// `chatroom/create.action` by `owner` with `extra` parameters; the new room's id.
pub(crate) async fn create(h: &Harness, extra: &[(&str, &str)]) -> String {
    let mut params = vec![("creator", "owner")];
    if !extra.iter().any(|(k, _)| *k == "name") {
        params.push(("name", "Lobby"));
    }
    params.extend_from_slice(extra);
    let answer = ok(h.call("chatroom/create.action", &params).await);
    answer["chatroom"]["roomid"].as_u64().unwrap().to_string()
}

/// The room as `chatroom/get.action` answers it (with the online count).
pub(crate) async fn get(h: &Harness, id: &str) -> Value {
    let params = [("roomid", id), ("needOnlineUserCount", "true")];
    ok(h.call("chatroom/get.action", &params).await)["chatroom"].clone()
}

/// `chatroom/toggleCloseStat.action` by `operator`.
pub(crate) async fn toggle(h: &Harness, id: &str, operator: &str, valid: &str) -> Answer {
    let params = [("roomid", id), ("operator", operator), ("valid", valid)];
    h.call("chatroom/toggleCloseStat.action", &params).await
}

/// The URL of admin route `path` (below the server's root, not `/nimserver`).
pub(crate) fn admin_url(h: &Harness, path: &str) -> String {
    format!("http://{}/{path}", h.emu.local_addr())
}

/// A POST of `body` to admin route `path`: the HTTP status and the JSON.
pub(crate) async fn admin(h: &Harness, path: &str, body: Value) -> (u16, Value) {
    let response = h
        .http
        .post(admin_url(h, path))
        .header("Content-Type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (
        status,
        serde_json::from_str(&response.text().await.unwrap()).unwrap(),
    )
}

/// A GET of admin route `path`: the JSON.
pub(crate) async fn admin_get(h: &Harness, path: &str) -> Value {
    let response = h.http.get(admin_url(h, path)).send().await.unwrap();
    serde_json::from_str(&response.text().await.unwrap()).unwrap()
}

/// `accid`'s client enters room `id` with `tags`.
pub(crate) async fn enter(h: &Harness, id: &str, accid: &str, tags: &[&str]) -> (u16, Value) {
    let body = json!({"roomid": id.parse::<u64>().unwrap(), "accid": accid, "tags": tags});
    admin(h, "_emulator/state/chatroom_enter", body).await
}
