// Without `path` the action has nowhere to go: the error is on the struct's name.
#[derive(nim_api::Endpoint)]
#[nim(idempotent)]
pub struct BlockUser {
    pub accid: String,
}

fn main() {}
