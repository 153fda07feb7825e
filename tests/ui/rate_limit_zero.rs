// A limit of no calls at all would block the action forever.
#[derive(nim_api::Endpoint)]
#[nim(path = "msg/broadcastMsg.action", rate_limit = "0/min")]
pub struct Broadcast {
    pub body: String,
}

fn main() {}
