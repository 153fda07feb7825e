// v1 actions send every parameter in the form body.
#[derive(nim_api::Endpoint)]
#[nim(path = "user/getUinfos.action")]
pub struct GetUserInfos {
    #[nim(query)]
    pub accids: Vec<nim_api::Accid>,
}

fn main() {}
