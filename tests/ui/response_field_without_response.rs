// Without a response type there is nothing to read from `info`.
#[derive(nim_api::Endpoint)]
#[nim(path = "user/update.action", response_field = "info")]
pub struct UpdateUser {
    pub accid: String,
}

fn main() {}
