// A user's `bool` and `str` in scope do not change the types the generated impl names.
#![deny(warnings)]
#![allow(non_camel_case_types)]

use nim_api::Endpoint;

struct bool;
struct str;

#[derive(nim_api::Endpoint)]
#[nim(path = "user/block.action", idempotent, response = String, response_field = "info")]
pub struct BlockUser {
    #[nim(required, max_len = 32, accid)]
    pub accid: String,
    #[nim(rename = "needkick")]
    pub need_kick: Option<core::primitive::bool>,
}

fn main() {
    let _ = (bool, str);
    assert!(BlockUser::IDEMPOTENT);
    assert_eq!(BlockUser::PATH, "user/block.action");
    assert_eq!(BlockUser::RESPONSE_FIELD, Some("info"));
    let request = BlockUser { accid: "LiSi".into(), need_kick: Some(false) };
    assert_eq!(request.to_form().unwrap(), "accid=lisi&needkick=false");
}
