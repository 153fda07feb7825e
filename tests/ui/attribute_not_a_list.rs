// `#[nim]` and `#[nim = ...]` are not the attribute's form.
#[derive(nim_api::Endpoint)]
#[nim(path = "user/block.action")]
pub struct BlockUser {
    #[nim]
    pub accid: String,
    #[nim = "required"]
    pub token: String,
}

fn main() {}
