//! Property tests of the list, range and nested rules: every value inside a limit passes and
//! is sent as given; every value outside names its field path, the rule and the limit.

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

use nim_api::v2::UserInformation;
use nim_api::validate::{Rule, Validate};
use nim_api::{Accid, Endpoint, Params};
use proptest::prelude::*;

#[derive(Debug, Clone, nim_api::Endpoint)]
#[nim(path = "/im/v2/things/{account_id}", method = "POST", setters)]
struct Thing {
    #[nim(path)]
    account_id: Accid,
    #[nim(min_items = 1, max_items = 5)]
    ids: Vec<Accid>,
    #[nim(min = 1, max = 4)]
    kind: Option<u8>,
    #[nim(one_of = [1, 2, 4, 16])]
    client: Option<u32>,
    inner: Option<Inner>,
}

#[derive(Debug, Clone, Default, Params)]
struct Inner {
    #[nim(max_len = 8)]
    name: Option<String>,
    #[nim(max_items = 2)]
    tags: Option<Vec<String>>,
}

fn accid() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9_@.-]{1,32}"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn lists_within_their_count_pass_and_are_sent_lowercased(ids in prop::collection::vec(accid(), 1..=5)) {
        let request = Thing::new("owner", ids.clone());
        let body: serde_json::Value = serde_json::from_str(&request.encode().unwrap().body.unwrap().1).unwrap();
        let sent: Vec<String> = ids.iter().map(|i| i.to_ascii_lowercase()).collect();
        prop_assert_eq!(body["ids"].clone(), serde_json::json!(sent));
    }

    #[test]
    fn lists_over_their_count_name_the_limit(extra in 1usize..50) {
        let err = Thing::new("owner", vec!["a"; 5 + extra]).validate().unwrap_err();
        prop_assert_eq!(err.field(), "ids");
        prop_assert_eq!(err.rule(), &Rule::TooManyItems { limit: 5, actual: 5 + extra });
    }

    #[test]
    fn a_bad_item_is_named_by_its_index(at in 0usize..5, bad in "[ #$%^&*()]") {
        let mut ids = vec!["ok".to_owned(); 5];
        ids[at] = format!("x{bad}");
        let err = Thing::new("owner", ids).validate().unwrap_err();
        prop_assert_eq!(err.field(), format!("ids[{at}]"));
        let is_alphabet = matches!(err.rule(), Rule::AccidAlphabet { position: 1, .. });
        prop_assert!(is_alphabet);
    }

    #[test]
    fn ranges_accept_inside_and_refuse_outside(kind: u8) {
        let result = Thing::new("owner", ["a"]).kind(kind).validate();
        if (1..=4).contains(&kind) {
            prop_assert!(result.is_ok());
        } else {
            let err = result.unwrap_err();
            prop_assert_eq!(err.rule(), &Rule::OutOfRange { min: Some(1), max: Some(4), actual: i128::from(kind) });
            prop_assert_eq!(err.to_string(), format!("`kind` is {kind}, allowed 1 to 4"));
        }
    }

    #[test]
    fn enumerations_accept_only_their_values(client: u32) {
        let result = Thing::new("owner", ["a"]).client(client).validate();
        prop_assert_eq!(result.is_ok(), [1, 2, 4, 16].contains(&client));
    }

    #[test]
    fn nested_errors_carry_the_path(name in "\\PC{0,20}", tags in prop::collection::vec("[a-z]{1,3}", 0..5)) {
        let inner = Inner { name: Some(name.clone()), tags: Some(tags.clone()) };
        let result = Thing::new("owner", ["a"]).inner(inner).validate();
        let chars = name.chars().count();
        match result {
            Ok(()) => prop_assert!(chars <= 8 && tags.len() <= 2),
            Err(err) if chars > 8 => {
                prop_assert_eq!(err.field(), "inner.name");
                prop_assert_eq!(err.limit(), Some(8));
            }
            Err(err) => prop_assert_eq!(err.field(), "inner.tags"),
        }
    }

    #[test]
    fn profiles_validate_like_the_docs(len in 0usize..100) {
        let profile = UserInformation::new().name("名".repeat(len));
        prop_assert_eq!(profile.validate().is_ok(), len <= 64);
    }
}
