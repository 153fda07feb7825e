// A v2 action with a path parameter, a query list, a JSON body with a nested object, a
// flattened object, ranges, enumerations, a custom hook, a page token and generated setters.
use nim_api::{Accid, Endpoint, Paged, Params, ValidationError};

#[derive(Debug, Clone, Default, PartialEq, Params)]
#[nim(setters)]
pub struct Profile {
    #[nim(max_len = 64)]
    pub name: Option<String>,
    #[nim(one_of = [0, 1, 2])]
    pub gender: Option<u8>,
}

#[derive(Debug, Clone, Default, PartialEq, Params)]
pub struct Options {
    pub enabled: Option<bool>,
}

#[derive(Debug, serde::Deserialize)]
pub struct Page {
    pub next_token: Option<String>,
}

impl nim_api::Page for Page {
    fn next_page_token(&self) -> Option<&str> {
        self.next_token.as_deref()
    }
}

fn check(request: &Thing) -> Result<(), ValidationError> {
    if request.limit == Some(13) {
        return Err(ValidationError::custom("limit", "unlucky"));
    }
    Ok(())
}

#[derive(Debug, Clone, Endpoint)]
#[nim(path = "/im/v2/things/{account_id}/items", method = "PATCH", idempotent, setters,
      custom = check, response = Page)]
pub struct Thing {
    #[nim(path)]
    pub account_id: Accid,
    #[nim(query, max_items = 3)]
    pub tags: Option<Vec<String>>,
    #[nim(query, page_token)]
    pub page_token: Option<String>,
    #[nim(min = 1, max = 100)]
    pub limit: Option<u32>,
    pub options: Option<Options>,
    #[nim(flatten)]
    pub profile: Profile,
    #[nim(json)]
    pub ex: Option<String>,
}

fn main() {
    let mut thing = Thing::new("ZhangSan", Profile::new().name("张三"))
        .tags(["a", "b"])
        .limit(5u32)
        .options(Options { enabled: Some(true) });
    let encoded = thing.encode().unwrap();
    assert_eq!(encoded.path, "/im/v2/things/zhangsan/items?tags=a%2Cb");
    assert_eq!(
        encoded.body.unwrap().1,
        r#"{"limit":5,"options":{"enabled":true},"name":"张三"}"#
    );
    thing.set_page_token("t1".into());
    assert!(thing.encode().unwrap().path.ends_with("&page_token=t1"));
    assert!(thing.clone().limit(13u32).validate().is_err());
    assert!(thing.clone().limit(0u32).validate().is_err());
    assert_eq!(
        Thing { profile: Profile::new().gender(7), ..thing.clone() }.validate().unwrap_err().field(),
        "gender"
    );
}
