// A rate limit is calls per `s`, `min` or `day`.
#[derive(nim_api::Endpoint)]
#[nim(path = "msg/sendBatchMsg.action", rate_limit = "120/hour")]
pub struct SendBatch {
    pub from_accid: nim_api::Accid,
}

fn main() {}
