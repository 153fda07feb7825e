// An empty member name: the whole answer is read without `response_field`.
#[derive(nim_api::Endpoint)]
#[nim(path = "user/refreshToken.action", response = String, response_field = "")]
pub struct RefreshToken {
    pub accid: String,
}

fn main() {}
