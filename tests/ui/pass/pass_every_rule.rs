// Every attribute at once, from a crate that names only `nim_api`.
#![deny(warnings)]

use std::borrow::Cow;

use nim_api::Endpoint;

#[derive(Debug, serde::Deserialize)]
pub struct Created {
    pub accid: String,
    pub token: String,
}

#[derive(Debug, Clone, Default, nim_api::Endpoint)]
#[nim(path = "user/create.action", response = Created, response_field = "info")]
#[nim(idempotent, crate = nim_api)]
pub struct CreateUser<'a> {
    #[nim(required, max_len = 32, accid)]
    pub accid: &'a str,
    #[nim(max_len = 64)]
    pub name: Option<Cow<'a, str>>,
    #[nim(rename = "props", max_len = 1024)]
    pub properties: Option<Box<str>>,
    #[nim(rename = "needkick")]
    pub need_kick: Option<bool>,
    #[nim(required)]
    pub ex: Option<u64>,
    #[nim(skip)]
    pub note: Vec<String>,
}

fn main() {
    let request = CreateUser {
        accid: "Zhang.San",
        name: Some(Cow::Borrowed("张三")),
        need_kick: Some(true),
        ex: Some(7),
        ..CreateUser::default()
    };
    assert_eq!(<CreateUser<'_> as Endpoint>::PATH, "user/create.action");
    assert!(<CreateUser<'_> as Endpoint>::IDEMPOTENT);
    assert_eq!(<CreateUser<'_> as Endpoint>::RESPONSE_FIELD, Some("info"));
    assert_eq!(
        request.to_form().unwrap(),
        "accid=zhang.san&name=%E5%BC%A0%E4%B8%89&needkick=true&ex=7"
    );
    answers_created(&request);
}

fn answers_created<E: Endpoint<Response = Created>>(_: &E) {}
