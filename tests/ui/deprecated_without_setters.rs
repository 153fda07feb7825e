// `deprecated` marks a generated setter, so it needs `setters`.
#[derive(nim_api::Endpoint)]
#[nim(path = "user/update.action")]
pub struct UpdateToken {
    pub accid: nim_api::Accid,
    #[nim(deprecated = "use ex")]
    pub props: Option<String>,
}

fn main() {}
