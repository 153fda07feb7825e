// Item counts apply to lists; reported on the field type.
#[derive(nim_api::Endpoint)]
#[nim(path = "user/getUinfos.action")]
pub struct GetUserInfos {
    #[nim(max_items = 200)]
    pub accids: String,
}

fn main() {}
