//! What `#[derive(Endpoint)]` generates for validation: each rule, named by wire name.

use nim_api::Endpoint;
use nim_core::validate::Rule;

/// The account actions' field rules, declared as users declare them.
#[derive(Debug, Clone, Default, nim_api::Endpoint)]
#[nim(path = "user/create.action")]
struct CreateUser {
    #[nim(required, max_len = 32, accid)]
    accid: String,
    #[nim(max_len = 64)]
    name: Option<String>,
    #[nim(rename = "props", max_len = 1024)]
    properties: Option<String>,
    #[nim(required, rename = "kickNotifyExt")]
    kick_notify_ext: Option<String>,
}

fn valid() -> CreateUser {
    CreateUser {
        accid: "zhangsan".into(),
        kick_notify_ext: Some("x".into()),
        ..CreateUser::default()
    }
}

#[test]
fn accid_of_32_characters_passes_and_33_fails() {
    let request = CreateUser {
        accid: "a".repeat(32),
        ..valid()
    };
    assert_eq!(request.validate(), Ok(()));

    let request = CreateUser {
        accid: "a".repeat(33),
        ..valid()
    };
    let err = request.validate().unwrap_err();
    assert_eq!(err.field(), "accid");
    assert_eq!(
        err.rule(),
        &Rule::MaxLen {
            limit: 32,
            actual: 33
        }
    );
    assert_eq!(
        err.to_string(),
        "`accid` has 33 characters, at most 32 allowed"
    );
}

#[test]
fn chinese_name_of_64_characters_passes_and_65_fails() {
    // 64 characters, 192 bytes: the limit counts characters.
    let request = CreateUser {
        name: Some("张".repeat(64)),
        ..valid()
    };
    assert_eq!(request.validate(), Ok(()));

    let request = CreateUser {
        name: Some("张".repeat(65)),
        ..valid()
    };
    let err = request.validate().unwrap_err();
    assert_eq!(err.field(), "name");
    assert_eq!(err.limit(), Some(64));
    assert_eq!(err.actual(), Some(65));
}

#[test]
fn accid_with_a_space_or_hash_fails() {
    for (accid, found, position) in [("zhang san", ' ', 5), ("zhang#san", '#', 5), ("#", '#', 0)] {
        let request = CreateUser {
            accid: accid.into(),
            ..valid()
        };
        let err = request.validate().unwrap_err();
        assert_eq!(err.field(), "accid");
        assert_eq!(err.rule(), &Rule::AccidAlphabet { found, position });
    }
}

#[test]
fn accid_alphabet_accepts_letters_digits_and_four_marks() {
    let request = CreateUser {
        accid: "Zhang.San-01@x_y".into(),
        ..valid()
    };
    assert_eq!(request.validate(), Ok(()));
}

#[test]
fn empty_required_field_fails() {
    let request = CreateUser {
        accid: String::new(),
        ..valid()
    };
    let err = request.validate().unwrap_err();
    assert_eq!(err.field(), "accid");
    assert_eq!(err.rule(), &Rule::Required);
    assert_eq!(err.to_string(), "`accid` is required and must not be empty");
}

#[test]
fn required_option_must_be_some_and_non_empty() {
    for absent in [None, Some(String::new())] {
        let request = CreateUser {
            kick_notify_ext: absent,
            ..valid()
        };
        let err = request.validate().unwrap_err();
        // Named by its wire name, not the Rust one.
        assert_eq!(err.field(), "kickNotifyExt");
        assert_eq!(err.rule(), &Rule::Required);
    }
}

#[test]
fn renamed_field_is_reported_by_wire_name() {
    let request = CreateUser {
        properties: Some("p".repeat(1025)),
        ..valid()
    };
    assert_eq!(request.validate().unwrap_err().field(), "props");
}

#[test]
fn rules_run_in_field_order_then_presence_length_alphabet() {
    // The accid breaks both the length and the alphabet rule: length is reported.
    let request = CreateUser {
        accid: "#".repeat(40),
        name: Some("n".repeat(65)),
        ..valid()
    };
    let err = request.validate().unwrap_err();
    assert_eq!(err.field(), "accid");
    assert!(matches!(err.rule(), Rule::MaxLen { .. }));
}

#[test]
fn to_form_validates_first() {
    let request = CreateUser {
        accid: "bad accid".into(),
        ..valid()
    };
    assert!(request.to_form().is_err());
}

#[test]
fn container_attributes_set_the_constants() {
    #[derive(nim_api::Endpoint)]
    #[nim(path = "user/block.action", idempotent)]
    struct BlockUser {
        #[nim(required, accid)]
        accid: String,
    }

    #[derive(Debug, serde::Deserialize, PartialEq)]
    struct Info {
        token: String,
    }

    #[derive(nim_api::Endpoint)]
    #[nim(path = "user/refreshToken.action", response = Info, response_field = "info")]
    struct RefreshToken {
        #[nim(required, accid)]
        accid: String,
    }

    assert_eq!(CreateUser::PATH, "user/create.action");
    const { assert!(!CreateUser::IDEMPOTENT) };
    assert_eq!(CreateUser::RESPONSE_FIELD, None);
    assert_eq!(BlockUser::PATH, "user/block.action");
    const { assert!(BlockUser::IDEMPOTENT) };
    assert_eq!(RefreshToken::RESPONSE_FIELD, Some("info"));
    const { assert!(!RefreshToken::IDEMPOTENT) };

    // The response types are what the attributes say.
    fn response_of<E: Endpoint>(_: &E) -> std::any::TypeId
    where
        E::Response: 'static,
    {
        std::any::TypeId::of::<E::Response>()
    }
    let block = BlockUser { accid: "a".into() };
    let refresh = RefreshToken { accid: "a".into() };
    assert_eq!(
        response_of(&block),
        std::any::TypeId::of::<nim_api::NoContent>()
    );
    assert_eq!(response_of(&refresh), std::any::TypeId::of::<Info>());
}
