//! Actions called by name: each catalogue action built from a JSON object of its parameters
//! by wire name (`ActionInfo::build`), validated as usual before any I/O, and sent with
//! `ActionInfo::call`, which answers JSON.

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

mod support;

use std::collections::BTreeMap;

use nim_api::dynamic::{ParamInfo, ParamPlace};
use nim_api::validate::Rule;
use nim_api::{ActionInfo, ApiVersion, Encoded, Endpoint, ErrorKind};
use serde_json::{Map, Value, json};

use support::emulator_and_client;

fn action(name: &str) -> &'static ActionInfo {
    nim_api::find_action(name).unwrap_or_else(|| panic!("no action {name}"))
}

fn built(name: &str, params: Value) -> Encoded {
    action(name)
        .build(params)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .into_encoded()
}

#[test]
fn a_v1_action_from_json_is_the_action_built_in_rust() {
    use nim_api::user::{BlockUser, CreateUser, Gender, GetUserInfos};

    let rust = CreateUser::new("ZhangSan")
        .name("张三")
        .gender(Gender::Male)
        .token("t0");
    let want = rust.encode().unwrap();
    // As typed in a shell (numbers as text) and as JSON.
    for params in [
        json!({"accid": "ZhangSan", "name": "张三", "gender": 1, "token": "t0"}),
        json!({"accid": "ZhangSan", "name": "张三", "gender": "1", "token": "t0"}),
        json!({"token": "t0", "gender": "1", "name": "张三", "accid": "ZhangSan"}),
    ] {
        assert_eq!(built("user::CreateUser", params), want);
    }

    // A v1 list: a JSON array, the JSON text the form carries, or comma-separated.
    let want = GetUserInfos::new(["a", "B"]).encode().unwrap();
    for accids in [json!(["a", "B"]), json!(r#"["a","B"]"#), json!("a,B")] {
        assert_eq!(
            built("user/getUinfos.action", json!({"accids": accids})),
            want
        );
    }

    // A v1 flag: true/false, as text, or 0/1.
    let want = BlockUser::new("zhangsan").need_kick(true).encode().unwrap();
    for flag in [json!(true), json!("true"), json!(1)] {
        assert_eq!(
            built(
                "user/block.action",
                json!({"accid": "zhangsan", "needkick": flag})
            ),
            want
        );
    }
}

#[test]
fn a_v1_send_reads_its_flattened_message_from_the_form_parameters() {
    use nim_api::message::Message;
    use nim_api::msg::{MsgOption, Ope, SendMsg};

    let want = SendMsg::new("ZhangSan", Ope::P2p, "lisi", Message::text("hi"))
        .option(MsgOption::new().push(false))
        .encode()
        .unwrap();
    // The body and the nested `option` as objects, or as the JSON text the form carries.
    for (body, option) in [
        (json!({"msg": "hi"}), json!({"push": false})),
        (json!(r#"{"msg":"hi"}"#), json!(r#"{"push":false}"#)),
    ] {
        let params = json!({
            "from": "ZhangSan", "ope": "0", "to": "lisi", "type": 0, "body": body,
            "option": option,
        });
        assert_eq!(built("msg::SendMsg", params), want);
    }
}

#[test]
fn a_v2_action_with_path_query_and_body_from_json_is_the_action_built_in_rust() {
    use nim_api::v2::subscription::SubscribeUserStatus;

    let want = SubscribeUserStatus::new("ZhangSan", ["lisi", "WangWu"], 3600u64)
        .encode()
        .unwrap();
    assert_eq!(want.path, "/im/v2/subscription/zhangsan?duration=3600");
    for params in [
        json!({"account_id": "ZhangSan", "account_ids": ["lisi", "WangWu"], "duration": 3600}),
        json!({"account_id": "ZhangSan", "account_ids": "lisi,WangWu", "duration": "3600"}),
    ] {
        assert_eq!(built("v2::subscription::SubscribeUserStatus", params), want);
    }

    // A nested object and a v2 message.
    use nim_api::message::{ConversationId, Message};
    use nim_api::v2::message::SendMessage;
    let rust = SendMessage::new(ConversationId::p2p("zhangsan", "lisi"), Message::text("hi"))
        .encode()
        .unwrap();
    let from_json = built(
        "sendMessage",
        json!({
            "conversation_id": "zhangsan|1|lisi",
            "message": {"message_type": 0, "text": "hi"},
        }),
    );
    // The client id is fresh per encoding when unset: compare the rest.
    let strip = |e: &Encoded| {
        let mut body: Value = serde_json::from_str(&e.body.as_ref().unwrap().1).unwrap();
        body["message"]
            .as_object_mut()
            .unwrap()
            .remove("message_client_id");
        (e.method, e.path.clone(), body)
    };
    assert_eq!(strip(&from_json), strip(&rust));
}

#[tokio::test]
async fn bad_params_are_errors_naming_the_field_before_any_io() {
    let (emu, client) = emulator_and_client("dyn-key", "dyn-secret").await;
    let create = action("user::CreateUser");
    let subscribe = action("v2::subscription::SubscribeUserStatus");
    let cases = [
        // A typo is never dropped: the key and the known ones are named.
        (create, json!({"accid": "zhangsan", "nmae": "x"}), "nmae"),
        // A typo of a required one is the typo, not the absence.
        (create, json!({"acid": "zhangsan"}), "acid"),
        // A wrong type.
        (
            create,
            json!({"accid": "zhangsan", "gender": "male"}),
            "gender",
        ),
        (create, json!({"accid": "zhangsan", "gender": 7}), "gender"),
        (
            subscribe,
            json!({"account_id": "a", "account_ids": ["b"], "duration": "soon"}),
            "duration",
        ),
        // Missing required ones: the path parameter, the query parameter.
        (
            subscribe,
            json!({"account_ids": ["b"], "duration": 60}),
            "account_id",
        ),
        (
            subscribe,
            json!({"account_id": "a", "account_ids": ["b"]}),
            "duration",
        ),
        // The usual rules.
        (create, json!({"accid": "zhang san"}), "accid"),
        (
            subscribe,
            json!({"account_id": "a", "account_ids": [], "duration": 60}),
            "account_ids",
        ),
        (
            subscribe,
            json!({"account_id": "a", "account_ids": ["b"], "duration": 59}),
            "duration",
        ),
        // Not an object.
        (create, json!(["zhangsan"]), ""),
    ];
    for (action, params, field) in cases {
        let err = action.call(&client, params.clone()).await.unwrap_err();
        let validation = err
            .validation()
            .unwrap_or_else(|| panic!("{params}: not a validation error: {err}"));
        assert_eq!(validation.field(), field, "{params}: {err}");
        assert!(err.to_string().contains(field), "{err}");
        assert_eq!(emu.total_requests(), 0, "{params} reached the server");
    }

    let err = create
        .build(json!({"accid": "zhangsan", "nmae": "x"}))
        .unwrap_err();
    let Rule::UnknownParameter { known } = err.validation().unwrap().rule() else {
        panic!("{err}");
    };
    assert!(
        known.contains(&"name") && known.contains(&"accid"),
        "{known:?}"
    );
    assert!(err.to_string().contains("`name`"), "{err}");

    // A wrong type does not echo the value (it may be a token).
    let err = create
        .build(json!({"accid": "zhangsan", "gender": "s3cr3t-token"}))
        .unwrap_err();
    assert!(
        matches!(err.validation().unwrap().rule(), Rule::WrongType { .. }),
        "{err}"
    );
    assert!(!err.to_string().contains("s3cr3t"), "{err}");
    // Nor do the id types' own messages (a token pasted into an id).
    for (name, params) in [
        (
            "sendMessage",
            json!({"conversation_id": "s3cr3t", "message": {"message_type": 0, "text": "hi"}}),
        ),
        (
            "msg/recall.action",
            json!({"deleteMsgid": "s3cr3t", "timetag": 1, "type": 7, "from": "a", "to": "b"}),
        ),
    ] {
        let err = action(name).build(params).unwrap_err();
        assert!(err.is_validation(), "{name}: {err}");
        assert!(!err.to_string().contains("s3cr3t"), "{name}: {err}");
    }

    // A nested object's error names its path.
    let err = action("sendMessage")
        .build(json!({"conversation_id": "a|1|b", "message": {"message_type": 0, "txt": "hi"}}))
        .unwrap_err();
    assert_eq!(err.validation().unwrap().field(), "message.txt", "{err}");
}

#[tokio::test]
async fn a_call_by_name_answers_the_servers_json() {
    let (emu, client) = emulator_and_client("dyn-key", "dyn-secret").await;
    let create = action("user/create.action");
    let answer = create
        .call(&client, json!({"accid": "ZhangSan", "token": "t0"}))
        .await
        .unwrap();
    assert_eq!(answer["code"], 200);
    assert_eq!(answer["info"]["accid"], "zhangsan");
    assert_eq!(answer["info"]["token"], "t0");
    assert!(emu.account("zhangsan").is_some());

    // The usual typed error for a code other than 200.
    let err = create
        .call(&client, json!({"accid": "zhangsan"}))
        .await
        .unwrap_err();
    assert!(err.is_already_registered(), "{err}");

    // An answer that does not fit the action's typed response is an error, as with `call`.
    emu.stub(
        "POST",
        "/nimserver/user/create.action",
        json!({"code": 200, "info": {"accid": 7}}),
        Some(1),
    );
    let err = create
        .call(&client, json!({"accid": "lisi"}))
        .await
        .unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::UnexpectedResponse { .. }),
        "{err}"
    );

    // A v2 action: the answer's `data` is in the JSON.
    let answer = action("getAccountDetails")
        .call(&client, json!({"account_id": "zhangsan"}))
        .await
        .unwrap();
    assert_eq!(answer["data"]["account_id"], "zhangsan");
}

#[test]
fn every_action_is_found_by_each_of_its_names() {
    let mut by_type: BTreeMap<&str, u32> = BTreeMap::new();
    // Two families may share an SDK operation name (chatroom_member and signal both have
    // kickMember): such a name finds neither, as `find_action` documents.
    let mut by_op: BTreeMap<String, u32> = BTreeMap::new();
    for action in nim_api::catalogue() {
        *by_type
            .entry(action.name.rsplit("::").next().unwrap())
            .or_default() += 1;
        if let Some(op) = action.operation() {
            *by_op.entry(op).or_default() += 1;
        }
    }
    for action in nim_api::catalogue() {
        assert_eq!(nim_api::find_action(action.name), Some(action));
        let by_route = match ApiVersion::of_path(action.path) {
            ApiVersion::V1 => action.path.to_owned(),
            ApiVersion::V2 => format!("{} {}", action.method, action.path),
        };
        assert_eq!(nim_api::find_action(&by_route), Some(action), "{by_route}");
        if let Some(op) = action.operation() {
            let want = (by_op[&op] == 1).then_some(action);
            assert_eq!(nim_api::find_action(&op), want, "{op}");
        }
        let type_name = action.name.rsplit("::").next().unwrap();
        let found = nim_api::find_action(type_name);
        if by_type[type_name] == 1 {
            assert_eq!(found, Some(action), "{type_name}");
        }
    }
}

#[test]
fn every_parameter_is_listed_and_readable() {
    let mut unreadable = Vec::new();
    for action in nim_api::catalogue() {
        let names: Vec<&str> = wire_names(action.params);
        let mut seen = names.clone();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(
            seen.len(),
            names.len(),
            "{}: a name twice: {names:?}",
            action.name
        );
        for param in flat(action.params) {
            // The required ones too: fields are read in order, and a missing required one
            // would end the reading before an unreadable one after it is reached.
            let mut params = params_for(action);
            params.insert(param.name.to_owned(), sample(param, &mut 0));
            if let Err(err) = action.build(Value::Object(params))
                && err.to_string().contains("cannot be read from JSON")
            {
                unreadable.push(format!("{}: {err}", action.name));
            }
        }
    }
    assert!(unreadable.is_empty(), "{unreadable:#?}");
}

/// The parameters as given by name: a flattened object's members in its place.
fn flat(params: &'static [ParamInfo]) -> Vec<&'static ParamInfo> {
    let mut out = Vec::new();
    for param in params {
        match param.place {
            ParamPlace::Flattened => out.extend(flat(param.members())),
            _ => out.push(param),
        }
    }
    out
}

fn wire_names(params: &'static [ParamInfo]) -> Vec<&'static str> {
    flat(params).iter().map(|p| p.name).collect()
}

/// The type inside `Option<..>`.
fn bare(ty: &str) -> &str {
    ty.strip_prefix("Option<")
        .and_then(|t| t.strip_suffix('>'))
        .unwrap_or(ty)
}

/// A number a rule asks for (`min = 60`, `one_of = [1, 2]`), if any.
fn rule_number(rules: &str, name: &str) -> Option<i64> {
    let start = rules.find(&format!("{name} = "))? + name.len() + 3;
    let rest = rules[start..].trim_start_matches('[');
    let end = rest.find([',', ']']).unwrap_or(rest.len());
    rest[..end].trim().parse().ok()
}

/// A plausible value of `param`, from its type, name and rules; accounts are numbered by
/// `n` so that two fields name different ones.
fn sample(param: &ParamInfo, n: &mut u32) -> Value {
    sample_of(bare(param.ty), param, n)
}

fn sample_of(ty: &str, param: &ParamInfo, n: &mut u32) -> Value {
    let rules = param.rules;
    let mut account = || {
        *n += 1;
        json!(format!("walker{n}"))
    };
    if let Some(item) = ty.strip_prefix("Vec<").and_then(|t| t.strip_suffix('>')) {
        let count = rule_number(rules, "min_items").unwrap_or(1).max(1);
        return Value::Array((0..count).map(|_| sample_of(item, param, n)).collect());
    }
    match ty {
        "Accid" => account(),
        "String" | "&'static str" if rules.contains("json") => json!("{}"),
        "String" if rules.contains("accid") => account(),
        "String" => {
            let name = param.name.to_ascii_lowercase();
            if [
                "account", "accid", "owner", "from", "to", "operator", "sender", "receiver",
            ]
            .iter()
            .any(|k| name.contains(k))
            {
                account()
            } else if name.contains("tid") || name.contains("team_id") || name.ends_with("id") {
                json!("1")
            } else {
                json!("walk")
            }
        }
        "bool" => json!(true),
        "f32" | "f64" => json!(1.0),
        "Value" => json!({}),
        "ConversationId" => {
            let (a, b) = (account(), account());
            json!(format!("{}|1|{}", a.as_str().unwrap(), b.as_str().unwrap()))
        }
        "MessageServerId" => json!(1),
        "MessageClientId" => json!("client-1"),
        "FileContent" => json!("aGVsbG8="),
        "TeamIds" => json!([1]),
        "QueueValues" => json!({"walk": "walk"}),
        "Message" => json!({"message_type": 0, "text": "hi"}),
        "ChatroomMessageBody" => json!({"message_type": 0, "text": "hi"}),
        "AudioFormat" => json!("mp3"),
        "ChatStyle" => json!("warm"),
        "u8" | "u16" | "u32" | "u64" | "i8" | "i16" | "i32" | "i64" | "usize" => {
            let value = rule_number(rules, "one_of")
                .or_else(|| rule_number(rules, "min"))
                .unwrap_or(1);
            json!(value)
        }
        _ if !param.members().is_empty() => {
            let mut members = Map::new();
            for member in flat(param.members()).into_iter().filter(|m| m.required) {
                members.insert(member.name.to_owned(), sample(member, n));
            }
            Value::Object(members)
        }
        // An enum sent as a number: the first is often 0 or 1; `fix` tries others.
        _ => json!(1),
    }
}

/// The parameters to try first for `action`: its required ones.
fn params_for(action: &ActionInfo) -> Map<String, Value> {
    let mut n = 0;
    let mut params = Map::new();
    for param in action.params {
        if param.place == ParamPlace::Flattened {
            for member in param.members().iter().filter(|m| m.required) {
                params.insert(member.name.to_owned(), sample(member, &mut n));
            }
            if param.members().iter().any(|m| m.name == "body") {
                // A v1 message: `type` and `body`.
                params.insert("type".to_owned(), json!(0));
                params.insert("body".to_owned(), json!({"msg": "hi"}));
            }
        } else if param.required {
            params.insert(param.name.to_owned(), sample(param, &mut n));
        }
    }
    params
}

/// Adjusts `params` after a validation error on `field`; `false` when there is nothing left
/// to try.
fn fix(
    action: &ActionInfo,
    params: &mut Map<String, Value>,
    err: &nim_api::ValidationError,
    tries: &mut BTreeMap<String, usize>,
) -> bool {
    let path = err.field();
    let top = path.split(['.', '[']).next().unwrap_or_default().to_owned();
    let Some(param) = flat(action.params).into_iter().find(|p| p.name == top) else {
        return false;
    };
    let nested = path.split_once('.').map(|(_, rest)| rest.to_owned());
    let target: &mut Value = match &nested {
        Some(member) => {
            let object = params.entry(top.clone()).or_insert_with(|| json!({}));
            let Some(object) = object.as_object_mut() else {
                return false;
            };
            object.entry(member.clone()).or_insert(Value::Null)
        }
        None => params.entry(top.clone()).or_insert(Value::Null),
    };
    match err.rule() {
        Rule::Required if target.is_null() => {
            *target = match &nested {
                Some(member) => param
                    .members()
                    .iter()
                    .find(|m| m.name == member)
                    .map_or(json!("walk"), |m| sample(m, &mut 7)),
                None => sample(param, &mut 7),
            };
        }
        Rule::OutOfRange { min, max, .. } => *target = json!(min.or(*max).unwrap_or(1)),
        Rule::NotOneOf { allowed, .. } => *target = json!(allowed[0]),
        Rule::TooFewItems { limit, .. } => {
            let item = target
                .as_array()
                .and_then(|a| a.first())
                .cloned()
                .unwrap_or(json!("walker9"));
            *target = Value::Array(
                (0..*limit)
                    .map(|i| match &item {
                        Value::String(s) => json!(format!("{s}x{i}")),
                        Value::Number(_) => json!(i + 1),
                        other => other.clone(),
                    })
                    .collect(),
            );
        }
        _ => {
            // Try the next of a few values of other shapes.
            const CANDIDATES: [&str; 17] = [
                "0", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "\"walk\"",
                "true", "{}", "100",
            ];
            let tried = tries.entry(path.to_owned()).or_default();
            let Some(next) = CANDIDATES.get(*tried) else {
                return false;
            };
            *tried += 1;
            *target = serde_json::from_str(next).unwrap();
        }
    }
    true
}

/// The JSON parameters a request carries on the wire: v1 form fields; v2 path parameters
/// (by the template), query parameters and body members. Every value is given as the wire
/// has it (text in forms and queries).
fn wire_params(action: &ActionInfo, encoded: &Encoded) -> Value {
    let mut params = Map::new();
    let (path, query) = encoded
        .path
        .split_once('?')
        .unwrap_or((encoded.path.as_str(), ""));
    let decode =
        |text: &str| -> Vec<(String, String)> { serde_urlencoded::from_str(text).unwrap() };
    if action.path.starts_with('/') {
        for (template, actual) in action.path.split('/').zip(path.split('/')) {
            if let Some(name) = template.strip_prefix('{').and_then(|t| t.strip_suffix('}')) {
                let value = decode(&format!("v={actual}")).remove(0).1;
                params.insert(name.to_owned(), json!(value));
            }
        }
        for (k, v) in decode(query) {
            params.insert(k, json!(v));
        }
        if let Some((_, body)) = &encoded.body {
            let body: Map<String, Value> = serde_json::from_str(body).unwrap();
            params.extend(body);
        }
    } else if let Some((_, body)) = &encoded.body {
        for (k, v) in decode(body) {
            params.insert(k, json!(v));
        }
    }
    Value::Object(params)
}

#[tokio::test]
async fn the_whole_catalogue_is_built_from_json_and_called_by_name() {
    let (emu, client) = emulator_and_client("walk-key", "walk-secret").await;
    for i in 1..=12 {
        emu.insert_account(&format!("walker{i}"), None);
    }
    let (mut ok, mut refused, mut unbuilt) = (0, 0, Vec::new());
    for action in nim_api::catalogue() {
        let mut params = params_for(action);
        let mut tries = BTreeMap::new();
        let call = loop {
            match action.build(Value::Object(params.clone())) {
                Ok(call) => break Some(call),
                Err(err) => {
                    let validation = err.validation().unwrap_or_else(|| panic!("{err}"));
                    if tries.values().sum::<usize>() > 60
                        || !fix(action, &mut params, validation, &mut tries)
                    {
                        unbuilt.push(format!(
                            "{}: {err} (params {})",
                            action.name,
                            Value::Object(params.clone())
                        ));
                        break None;
                    }
                }
            }
        };
        let Some(call) = call else { continue };

        // What the wire carries reads back as the same request.
        let wire = wire_params(action, call.encoded());
        let again = action.build(wire.clone()).unwrap_or_else(|e| {
            panic!(
                "{}: the wire form {wire} does not read back: {e}",
                action.name
            )
        });
        assert_eq!(again.encoded(), call.encoded(), "{}: {wire}", action.name);

        let before = emu.total_requests();
        match action.call(&client, Value::Object(params.clone())).await {
            Ok(answer) => {
                assert_eq!(answer["code"], 200, "{}", action.name);
                ok += 1;
            }
            Err(err) => {
                let desc = err
                    .api_desc()
                    .unwrap_or_else(|| panic!("{}: {err}", action.name));
                assert!(
                    !desc.starts_with("no such"),
                    "{} is not served: {err}",
                    action.name
                );
                refused += 1;
            }
        }
        assert_eq!(emu.total_requests(), before + 1, "{}", action.name);
    }
    println!("called by name: {ok} answered 200, {refused} refused by the emulator's state");
    assert!(
        unbuilt.is_empty(),
        "not built from JSON:\n{}",
        unbuilt.join("\n")
    );
}

/// A field type with neither `FromWire` nor `Deserialize`, and a borrowed one.
#[derive(Debug, nim_api::Endpoint)]
#[nim(path = "user/odd.action")]
struct Odd<'a> {
    plain: Option<String>,
    borrowed: Option<&'a str>,
    opaque: Option<Opaque>,
}

#[derive(Debug)]
struct Opaque;

impl nim_api::FormValue for Opaque {
    fn write_form(&self, _name: &str, _form: &mut nim_api::Form) {}
}

#[test]
fn unreadable_fields_keep_compiling_and_fail_only_when_given() {
    use nim_api::dynamic::FromWire;

    let read = Odd::from_wire(json!({"plain": "x"})).unwrap();
    assert_eq!(read.to_form().unwrap(), "plain=x");
    for name in ["borrowed", "opaque"] {
        let err = Odd::from_wire(json!({ name: "x" })).unwrap_err();
        assert_eq!(err.field(), name);
        assert!(
            err.to_string().contains("cannot be read from JSON"),
            "{err}"
        );
    }
    let names: Vec<&str> = Odd::PARAMS.iter().map(|p| p.name).collect();
    assert_eq!(names, ["plain", "borrowed", "opaque"]);
    assert_eq!(Odd::PARAMS[1].ty, "Option<&'a str>");
}
