// A length rule on a number: reported on the field's type, not on the derive.
#[derive(nim_api::Endpoint)]
#[nim(path = "user/create.action")]
pub struct CreateUser {
    #[nim(max_len = 10)]
    pub count: u64,
}

fn main() {}
