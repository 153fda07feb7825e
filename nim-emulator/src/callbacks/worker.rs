//! The background task that POSTs queued callbacks, one at a time in queue order, and
//! records each outcome. Spawned when the emulator starts; ends when it stops.

use std::sync::Arc;

use tokio::sync::watch;

use super::post::post;
use super::{Callbacks, Delivery, Signer, What};
use crate::server::stopped;

/// Sends every queued job until `stop` turns `true` (a delivery in flight is abandoned).
pub(crate) async fn run(
    callbacks: Arc<Callbacks>,
    signer: Signer,
    mut stop: watch::Receiver<bool>,
) {
    loop {
        let job = tokio::select! {
            job = callbacks.next_job() => job,
            () = stopped(&mut stop) => return,
        };
        let (body, headers, replay_of, tamper) = match &job.what {
            What::Fresh(body) => {
                let headers = signer.sign(body.as_bytes(), signer.next_cur_time_ms());
                (body.clone(), headers, None, None)
            }
            What::Replay(original, tamper) => {
                let (body, headers) = signer.replay(original, *tamper);
                (body, headers, Some(original.seq), Some(*tamper))
            }
        };
        let at_ms = signer.now_ms();
        let outcome = tokio::select! {
            outcome = post(&job.url, &headers, body.clone()) => outcome,
            () = stopped(&mut stop) => return,
        };
        let (status, answer, error) = match outcome {
            Ok(answer) => (Some(answer.status), Some(answer.body), None),
            Err(error) => (None, None, Some(error)),
        };
        let delivery = Delivery {
            seq: 0,
            url: job.url.to_string(),
            event_type: job.event_type.clone(),
            headers,
            body,
            status,
            answer,
            error,
            at_ms,
            replay_of,
            tamper,
        };
        callbacks.record(job, delivery);
    }
}
