// One build reports all three mistakes, not only the first.
#[derive(nim_api::Endpoint)]
#[nim(path = "user/create.action", idempotant)]
pub struct CreateUser {
    #[nim(required, max_len = "32")]
    pub accid: String,
    #[nim(skip, accid)]
    pub note: String,
}

fn main() {}
