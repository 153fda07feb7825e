// `#[nim()]` says nothing, on the struct or on a field.
#[derive(nim_api::Endpoint)]
#[nim()]
#[nim(path = "user/block.action")]
pub struct BlockUser {
    #[nim()]
    pub accid: String,
}

fn main() {}
