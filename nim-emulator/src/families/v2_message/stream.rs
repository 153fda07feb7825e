//! `streamMessage`: a text message that arrives in chunks. The first chunk (no
//! `message_server_id`) creates the message; later ones name it; a chunk with `finish=1`
//! completes it. The stored text is the chunks joined in index order; all chunks together
//! are at most 5000 characters. A chunk for a finished stream, or more than 30 s after the
//! previous one, is refused: the stream is over.

use serde_json::json;

use super::send::speak_checks;
use super::{State, path_conversation};
use crate::call::Call;
use crate::callbacks::copies;
use crate::families::message_common::{V2_MESSAGE_NOT_FOUND, friend_check, may_send_with};
use crate::lock;
use crate::message_content::{CLIENT_ID_MAX, TEXT_MAX, v2_view};
use crate::messages::{CLIENT_TYPE_REST, Message, Stream};
use crate::reply::{ApiError, Reply};
use crate::teams::SpeakChecks;

/// The longest gap between chunks, in ms.
const CHUNK_GAP_MS: u64 = 30_000;

/// `POST /im/v2/conversations/{sender|type|receiver}/messages/actions/stream_message`: data is
/// the message, its `attachment` `{text, index, finish}` (the chunks so far).
pub(super) fn stream_message(call: &Call<'_>, state: &State) -> Result<Reply, ApiError> {
    let c = path_conversation(call)?;
    let body = call.json()?;
    let message = body
        .object("message")?
        .ok_or_else(|| body.missing("message"))?;
    message.int("message_type", &[0])?;
    let client_id = message.string("message_client_id", CLIENT_ID_MAX)?;
    let server_id = message.uint("message_server_id")?;
    let chunk = message
        .object("attachment")?
        .ok_or_else(|| message.missing("attachment"))?;
    let text = chunk.string("text", TEXT_MAX)?.unwrap_or_default();
    let index = chunk.uint("index")?.unwrap_or(0);
    let finish = chunk.int("finish", &[0, 1])?.unwrap_or(0) == 1;
    body.string("extension", 1024)?;
    let check_friend = match body.object("p2p_option")? {
        Some(p2p) => p2p.bool("check_friend")?.unwrap_or(false),
        None => false,
    };
    // The same team checks as a send, skipped as its options say (`mark_as_read` does not
    // apply: a stream message has no read receipts).
    let checks = match c.kind {
        2 => speak_checks(body.object("team_option")?.as_ref())?,
        3 => speak_checks(body.object("superteam_option")?.as_ref())?,
        _ => SpeakChecks::ALL,
    };
    {
        let accounts = lock(&state.accounts);
        let friends = lock(&state.friends);
        let teams = lock(&state.teams);
        may_send_with(
            &accounts,
            &teams,
            ("sender", &c.owner),
            c.kind,
            ("receiver", &c.peer),
            checks,
        )
        .and_then(|()| friend_check(&friends, check_friend, &c.owner, c.kind, &c.peer))
        .map_err(|r| r.v2())?;
    }
    let mut messages = lock(&state.messages);
    let now = messages.tick(call.now);
    let id = match server_id {
        None => {
            let m = Message {
                sender: c.owner.clone(),
                receiver: c.peer.clone(),
                conversation_type: c.kind,
                client_id: client_id.unwrap_or_default(),
                sender_client_type: CLIENT_TYPE_REST,
                stream: Some(Stream::default()),
                ..Message::default()
            };
            messages.insert(m, call.now).server_id
        }
        Some(id) => id,
    };
    let m = messages
        .get_mut(id)
        .filter(|m| c.contains(m) && m.sender == c.owner)
        .ok_or_else(|| {
            ApiError::with_code(V2_MESSAGE_NOT_FOUND, format!("message not found: {id}"))
        })?;
    let Some(stream) = m.stream.as_mut() else {
        return Err(ApiError::param(format!(
            "message {id} is not a stream message"
        )));
    };
    if stream.finished {
        return Err(ApiError::param(format!(
            "stream {id} is finished: no more chunks"
        )));
    }
    if server_id.is_some() && now.saturating_sub(stream.last_chunk) > CHUNK_GAP_MS {
        stream.finished = true;
        return Err(ApiError::param(format!(
            "stream {id} was terminated: more than 30 s since the previous chunk"
        )));
    }
    stream.chunks.insert(index, text);
    stream.last_chunk = now;
    let joined: String = stream.chunks.values().map(String::as_str).collect();
    if joined.chars().count() > TEXT_MAX {
        stream.finished = true;
        return Err(ApiError::param(format!(
            "stream {id} was terminated: its chunks exceed {TEXT_MAX} characters"
        )));
    }
    stream.finished = finish;
    let last = stream.chunks.keys().next_back().copied().unwrap_or(0);
    m.message_type = 0;
    m.text = Some(joined.clone());
    m.attachment = Some(json!({ "text": joined, "index": last, "finish": u8::from(finish) }));
    // A stream message is copied once, complete: when its last chunk arrives.
    if finish {
        state.callbacks.enqueue(|| copies::conversation(m));
    }
    Ok(Reply::ok_data(v2_view(m)))
}
