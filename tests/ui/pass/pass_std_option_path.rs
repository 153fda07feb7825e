// `Option` written with its full path: the rules are checked on the type, not its spelling.
#![deny(warnings)]

use nim_api::Endpoint;

#[derive(nim_api::Endpoint)]
#[nim(path = "user/update.action", idempotent)]
pub struct UpdateUser {
    #[nim(required, accid)]
    pub accid: std::option::Option<std::string::String>,
    #[nim(max_len = 4)]
    pub name: core::option::Option<String>,
}

fn main() {
    let mut request = UpdateUser { accid: Some("ZhangSan".into()), name: None };
    assert_eq!(request.to_form().unwrap(), "accid=zhangsan");
    request.name = Some("12345".into());
    assert!(request.validate().is_err());
    request.accid = None;
    assert_eq!(request.validate().unwrap_err().field(), "accid");
}
