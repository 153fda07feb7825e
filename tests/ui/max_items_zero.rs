// `max_items = 0` would refuse every list.
#[derive(nim_api::Endpoint)]
#[nim(path = "user/getUinfos.action")]
pub struct GetUserInfos {
    #[nim(max_items = 0)]
    pub accids: Vec<nim_api::Accid>,
}

fn main() {}
