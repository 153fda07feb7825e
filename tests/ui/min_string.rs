// Range bounds are integer literals, not strings.
#[derive(nim_api::Endpoint)]
#[nim(path = "friend/add.action")]
pub struct AddFriend {
    pub accid: nim_api::Accid,
    #[nim(min = "1", max = 4)]
    pub r#type: u8,
}

fn main() {}
