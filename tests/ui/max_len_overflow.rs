// A limit that fits no length type (the most is u32::MAX).
#[derive(nim_api::Endpoint)]
#[nim(path = "user/create.action")]
pub struct CreateUser {
    #[nim(max_len = 100000000000000000000)]
    pub name: Option<String>,
}

fn main() {}
