//! What `#[derive(Endpoint)]` generates for form encoding, checked against a standard form
//! decoder.

use std::borrow::Cow;

use nim_api::Endpoint;
use nim_core::{Form, FormValue};

/// An integer-backed enum, sent as its number (as `Gender` is).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(try_from = "u8")]
enum Level {
    #[default]
    Low = 1,
    High = 2,
}

impl FormValue for Level {
    fn write_form(&self, name: &str, form: &mut Form) {
        (*self as u8).write_form(name, form);
    }
}

impl TryFrom<u8> for Level {
    type Error = String;
    fn try_from(n: u8) -> Result<Self, String> {
        match n {
            1 => Ok(Level::Low),
            2 => Ok(Level::High),
            _ => Err(format!("no level {n}")),
        }
    }
}

/// Every kind of field the derive sends.
#[derive(Debug, Clone, Default, PartialEq, nim_api::Endpoint, serde::Deserialize)]
#[nim(path = "user/updateUinfo.action")]
struct UpdateUser {
    #[nim(required, max_len = 32, accid)]
    accid: String,
    #[nim(max_len = 64)]
    name: Option<String>,
    #[nim(rename = "needkick")]
    #[serde(rename = "needkick")]
    need_kick: Option<bool>,
    level: Option<Level>,
    #[nim(rename = "ex")]
    #[serde(rename = "ex")]
    extension: Option<String>,
    count: u32,
    offset: i64,
    on: bool,
    #[nim(skip)]
    #[serde(skip)]
    note: String,
}

#[test]
fn accid_is_sent_lowercased() {
    let request = UpdateUser {
        accid: "ZhangSan".into(),
        ..UpdateUser::default()
    };
    let form = request.to_form().unwrap();
    assert!(form.starts_with("accid=zhangsan&"), "{form}");
}

#[test]
fn none_is_absent_and_some_empty_is_present_and_empty() {
    let request = UpdateUser {
        accid: "lisi".into(),
        name: None,
        extension: Some(String::new()),
        note: "never sent".into(),
        ..UpdateUser::default()
    };
    assert_eq!(
        request.to_form().unwrap(),
        "accid=lisi&ex=&count=0&offset=0&on=false"
    );
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(&request.to_form().unwrap()).unwrap();
    assert!(
        !pairs
            .iter()
            .any(|(name, _)| name == "name" || name == "needkick")
    );
    assert!(pairs.contains(&("ex".to_owned(), String::new())));
}

#[test]
fn bools_enums_and_integers_are_sent_as_text() {
    let request = UpdateUser {
        accid: "a".into(),
        need_kick: Some(true),
        level: Some(Level::High),
        count: 7,
        offset: -3,
        on: true,
        ..UpdateUser::default()
    };
    assert_eq!(
        request.to_form().unwrap(),
        "accid=a&needkick=true&level=2&count=7&offset=-3&on=true"
    );
}

#[test]
fn form_round_trips_through_a_standard_decoder() {
    let request = UpdateUser {
        accid: "zhang.san@x".into(),
        name: Some("张 三 & 李四 = ?%+/#".into()),
        need_kick: Some(false),
        level: Some(Level::Low),
        extension: Some("{\"k\":[1,2]}\n".into()),
        count: u32::MAX,
        offset: i64::MIN,
        on: true,
        note: String::new(),
    };
    let body = request.to_form().unwrap();
    let decoded: UpdateUser = serde_urlencoded::from_str(&body).unwrap();
    assert_eq!(decoded, request);
}

#[test]
fn write_form_appends_to_what_is_there() {
    let request = UpdateUser {
        accid: "A".into(),
        ..UpdateUser::default()
    };
    let mut form = Form::new();
    form.append("first", "1");
    request.write_form(&mut form);
    assert_eq!(form.finish(), "first=1&accid=a&count=0&offset=0&on=false");
}

/// Borrowed fields and a raw identifier: no copies, `r#type` sent as `type`.
#[derive(nim_api::Endpoint)]
#[nim(path = "msg/sendMsg.action")]
struct SendMessage<'a> {
    #[nim(required, accid)]
    from: &'a str,
    #[nim(required)]
    r#type: &'a str,
    body: Cow<'a, str>,
}

#[test]
fn borrowed_fields_and_raw_identifiers() {
    let request = SendMessage {
        from: "Alice",
        r#type: "0",
        body: Cow::Borrowed("hi"),
    };
    assert_eq!(request.to_form().unwrap(), "from=alice&type=0&body=hi");
    let request = SendMessage {
        r#type: "",
        ..request
    };
    assert_eq!(request.validate().unwrap_err().field(), "type");
}
