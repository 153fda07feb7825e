// Deprecating an endpoint, or one of its fields, warns where it is used, not in the impl the
// derive generates.
#![deny(warnings)]

use nim_api::Endpoint;

#[deprecated = "use `user/block.action` with `needkick` instead"]
#[derive(nim_api::Endpoint)]
#[nim(path = "user/block.action", idempotent)]
pub struct BlockUser {
    #[nim(required, max_len = 32, accid)]
    pub accid: String,
    #[deprecated = "always sent as `false`"]
    #[nim(rename = "needkick")]
    pub need_kick: Option<bool>,
}

#[allow(deprecated)]
fn main() {
    let request = BlockUser { accid: "LiSi".into(), need_kick: Some(false) };
    assert_eq!(request.to_form().unwrap(), "accid=lisi&needkick=false");
}
