// A type alias of `Option` behaves as `Option`.
#![deny(warnings)]

use nim_api::Endpoint;

type Maybe<T> = Option<T>;
type MaybeText = Option<String>;

#[derive(nim_api::Endpoint)]
#[nim(path = "user/update.action")]
pub struct UpdateUser {
    #[nim(required, max_len = 32, accid)]
    pub accid: MaybeText,
    #[nim(max_len = 3)]
    pub name: Maybe<String>,
    pub level: Maybe<u8>,
}

fn main() {
    let request = UpdateUser { accid: Some("a".into()), name: Some(String::new()), level: None };
    assert_eq!(request.to_form().unwrap(), "accid=a&name=");
    let request = UpdateUser { accid: None, name: None, level: Some(2) };
    assert_eq!(request.validate().unwrap_err().to_string(), "`accid` is required and must not be empty");
}
