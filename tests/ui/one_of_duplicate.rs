// A value listed twice is a typo; both places are shown.
#[derive(nim_api::Endpoint)]
#[nim(path = "friend/add.action")]
pub struct AddFriend {
    pub accid: nim_api::Accid,
    #[nim(one_of = [1, 2, 2, 4])]
    pub r#type: u8,
}

fn main() {}
