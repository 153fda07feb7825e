// `response =` with nothing after it.
#[derive(nim_api::Endpoint)]
#[nim(path = "user/refreshToken.action", response =, response_field = "info")]
pub struct RefreshToken {
    pub accid: String,
}

fn main() {}
