// From a crate using nim-core and nim-macros directly, with no `nim_api` anywhere.
#![deny(warnings)]

use nim_core::{Endpoint, NoContent};

#[derive(nim_macros::Endpoint)]
#[nim(path = "user/unblock.action", idempotent, crate = nim_core)]
pub struct UnblockUser {
    #[nim(required, max_len = 32, accid)]
    pub accid: String,
}

fn main() {
    let request = UnblockUser { accid: "LiSi".into() };
    assert_eq!(request.to_form().unwrap(), "accid=lisi");
    answers_nothing(&request);
}

fn answers_nothing<E: Endpoint<Response = NoContent>>(_: &E) {}
