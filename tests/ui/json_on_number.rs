// `json` checks text; reported on the field type.
#[derive(nim_api::Endpoint)]
#[nim(path = "user/updateUinfo.action")]
pub struct UpdateUserInfo {
    pub accid: nim_api::Accid,
    #[nim(json)]
    pub bid: Option<u64>,
}

fn main() {}
