// A `bool` or a `u32` is always present: `required` cannot mean anything for them.
#[derive(nim_api::Endpoint)]
#[nim(path = "user/block.action")]
pub struct BlockUser {
    #[nim(required)]
    pub need_kick: bool,
    #[nim(required)]
    pub level: u32,
}

fn main() {}
