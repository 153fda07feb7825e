//! Property tests of validation and form encoding over the account actions: any value within
//! the limits round-trips through the form exactly; any value over a limit is rejected,
//! naming the right field, its limit and its length.

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

use nim_api::Endpoint;
use nim_api::user::{BlockUser, CreateUser, UpdateToken};
use nim_core::validate::Rule;
use proptest::prelude::*;

/// Any Unicode text of `0..=max` characters, control characters and all.
fn text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(any::<char>(), 0..=max).prop_map(String::from_iter)
}

/// A valid accid: 1..=32 characters of the accid alphabet, any case.
fn accid() -> impl Strategy<Value = String> {
    "[A-Za-z0-9_@.-]{1,32}"
}

fn decode(form: &str) -> Vec<(String, String)> {
    serde_urlencoded::from_str(form).unwrap()
}

fn get<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// The documented text fields of `user/create.action` with their limits.
const CREATE_LIMITS: &[(&str, usize)] = &[
    ("name", 64),
    ("props", 1024),
    ("icon", 1024),
    ("token", 128),
    ("sign", 256),
    ("email", 64),
    ("birth", 16),
    ("mobile", 32),
    ("ex", 1024),
];

fn set(request: &mut CreateUser, field: &str, value: String) {
    let slot = match field {
        "name" => &mut request.name,
        "props" => &mut request.props,
        "icon" => &mut request.icon,
        "token" => &mut request.token,
        "sign" => &mut request.sign,
        "email" => &mut request.email,
        "birth" => &mut request.birth,
        "mobile" => &mut request.mobile,
        "ex" => &mut request.ex,
        other => panic!("no field {other}"),
    };
    *slot = Some(value);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn create_within_limits_round_trips(
        accid in accid(),
        name in text(64),
        token in text(128),
        sign in text(256),
        email in text(64),
        birth in text(16),
        mobile in text(32),
        ex in text(1024),
    ) {
        let mut request = CreateUser::new(accid.clone());
        for (field, value) in [("name", &name), ("token", &token), ("sign", &sign), ("email", &email),
                               ("birth", &birth), ("mobile", &mobile), ("ex", &ex)] {
            set(&mut request, field, value.clone());
        }
        let form = request.to_form().unwrap();
        let pairs = decode(&form);
        let lowered = accid.to_ascii_lowercase();
        prop_assert_eq!(get(&pairs, "accid"), Some(lowered.as_str()));
        prop_assert_eq!(get(&pairs, "name"), Some(name.as_str()));
        prop_assert_eq!(get(&pairs, "token"), Some(token.as_str()));
        prop_assert_eq!(get(&pairs, "sign"), Some(sign.as_str()));
        prop_assert_eq!(get(&pairs, "email"), Some(email.as_str()));
        prop_assert_eq!(get(&pairs, "birth"), Some(birth.as_str()));
        prop_assert_eq!(get(&pairs, "mobile"), Some(mobile.as_str()));
        prop_assert_eq!(get(&pairs, "ex"), Some(ex.as_str()));
        // Nothing else is sent: unset options are absent.
        prop_assert_eq!(pairs.len(), 8);
    }

    #[test]
    fn create_over_a_limit_names_the_field(
        which in 0..CREATE_LIMITS.len(),
        extra in 1usize..40,
        fill in any::<char>(),
    ) {
        let (field, limit) = CREATE_LIMITS[which];
        let mut request = CreateUser::new("zhangsan");
        let value: String = std::iter::repeat_n(fill, limit + extra).collect();
        set(&mut request, field, value);
        let err = request.validate().unwrap_err();
        prop_assert_eq!(err.field(), field);
        prop_assert_eq!(err.rule(), &Rule::MaxLen { limit, actual: limit + extra });
        let message = nim_api::Error::from(err).to_string();
        prop_assert!(message.contains(&format!("`{field}` has {} characters, at most {limit} allowed", limit + extra)), "{}", message);
    }

    #[test]
    fn accid_outside_the_alphabet_is_rejected(
        prefix in "[a-z0-9]{0,10}",
        bad in any::<char>().prop_filter("outside the alphabet", |c| !nim_core::validate::is_accid_char(*c)),
        suffix in "[a-z0-9]{0,10}",
    ) {
        let accid = format!("{prefix}{bad}{suffix}");
        let err = BlockUser::new(accid.clone()).validate().unwrap_err();
        prop_assert_eq!(err.field(), "accid");
        prop_assert_eq!(err.rule(), &Rule::AccidAlphabet { found: bad, position: prefix.len() });
    }

    #[test]
    fn accid_over_32_characters_is_rejected(accid in "[a-z0-9]{33,64}") {
        let err = UpdateToken::new(accid.clone()).validate().unwrap_err();
        prop_assert_eq!(err.field(), "accid");
        prop_assert_eq!(err.rule(), &Rule::MaxLen { limit: 32, actual: accid.len() });
    }

    #[test]
    fn block_round_trips_its_renamed_fields(accid in accid(), kick in any::<Option<bool>>(), ext in proptest::option::of(text(200))) {
        let mut request = BlockUser::new(accid.clone());
        request.need_kick = kick;
        request.kick_notify_ext = ext.clone();
        let pairs = decode(&request.to_form().unwrap());
        let lowered = accid.to_ascii_lowercase();
        prop_assert_eq!(get(&pairs, "accid"), Some(lowered.as_str()));
        let kick_text = kick.map(|k| k.to_string());
        prop_assert_eq!(get(&pairs, "needkick"), kick_text.as_deref());
        prop_assert_eq!(get(&pairs, "kickNotifyExt"), ext.as_deref());
    }
}
