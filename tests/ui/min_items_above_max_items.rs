// An item-count range no list could satisfy.
#[derive(nim_api::Endpoint)]
#[nim(path = "user/getUinfos.action")]
pub struct GetUserInfos {
    #[nim(min_items = 10, max_items = 5)]
    pub accids: Vec<nim_api::Accid>,
}

fn main() {}
