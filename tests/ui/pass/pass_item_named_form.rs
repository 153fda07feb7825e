// A unit struct named `form` in scope does not capture the form the generated code writes
// into: mixed-site hygiene hides local variables, not items.
#![deny(warnings)]

use nim_api::Endpoint;

#[allow(non_camel_case_types)]
struct form;

#[derive(nim_api::Endpoint)]
#[nim(path = "user/block.action")]
pub struct BlockUser {
    #[nim(required, accid)]
    pub accid: String,
    #[nim(rename = "needkick")]
    pub need_kick: Option<bool>,
}

fn main() {
    let request = BlockUser { accid: "LiSi".into(), need_kick: Some(true) };
    assert_eq!(request.to_form().unwrap(), "accid=lisi&needkick=true");
    let _ = form;
}
