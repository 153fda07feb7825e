//! Unknown events, bodies that are not JSON objects, and malformed known events.

use serde_json::json;

use crate::callback::*;

#[test]
fn unknown_or_missing_event_types_are_unknown() {
    for (body, expected) in [
        (r#"{"eventType":"13","channelId":"1"}"#, Some(13)),
        (r#"{"eventType":999}"#, Some(999)),
        (r#"{"eventType":5,"duration":"3"}"#, Some(5)),
        (r#"{"eventType":"6","fileinfo":"[]"}"#, Some(6)),
        (r#"{"accid":"a"}"#, None),
        (r#"{"eventType":"login"}"#, None),
        (r#"{"eventType":-1}"#, None),
        ("{}", None),
    ] {
        let copy = parse_copy(body.as_bytes()).unwrap();
        assert!(matches!(copy, CopyEvent::Unknown { .. }), "{body}");
        assert_eq!(copy.event_type(), expected, "{body}");
        let intercept = parse_intercept(body.as_bytes()).unwrap();
        assert!(
            matches!(intercept, InterceptEvent::Unknown { .. }),
            "{body}"
        );
        assert_eq!(intercept.event_type(), expected, "{body}");
    }
    let CopyEvent::Unknown { raw, .. } = parse_copy(br#"{"eventType":999,"x":[1]}"#).unwrap()
    else {
        panic!("unknown")
    };
    assert_eq!(raw, json!({"eventType": 999, "x": [1]}));
}

#[test]
fn bodies_that_are_not_objects_are_invalid_json() {
    for body in [
        &b""[..],
        b"{",
        b"not json",
        b"[1,2]",
        b"\"a secret\"",
        b"null",
        b"\xff",
    ] {
        for result in [
            parse_copy(body).map(|_| ()),
            parse_intercept(body).map(|_| ()),
        ] {
            let Err(CallbackError::InvalidJson { reason }) = result else {
                panic!("{body:?}: {result:?}")
            };
            assert!(!reason.contains("secret"), "{reason}");
        }
    }
}

#[test]
fn malformed_required_members_are_named_without_their_value() {
    let cases: [(&[u8], u64, &str); 4] = [
        (br#"{"eventType":"1","convType":"PERSON","to":"b","fromAccount":"a","msgTimestamp":"1","msgType":"TEXT","msgidServer":"secret1"}"#, 1,
         "`msgidServer`: expected a u64 number, or a string holding one"),
        // The search for the culprit is serde's path, not a guess: the first missing member
        // in declaration order would be `convType` if it were.
        (br#"{"eventType":"1","convType":"PERSON","to":"b","fromAccount":"a","msgTimestamp":"1","msgType":"TEXT"}"#, 1,
         "missing field `msgidServer`"),
        (br#"{"eventType":"3","accid":{"secret":1}}"#, 3, "`accid`: expected text, found an object"),
        (br#"{"eventType":"7","from":"a","to":"b","msgId":["secret"]}"#, 7,
         "`msgId`: expected a u64 number, or a string holding one"),
    ];
    for (body, event_type, expected) in cases {
        let Err(CallbackError::InvalidEvent {
            event_type: got,
            reason,
        }) = parse_copy(body)
        else {
            panic!("{}", String::from_utf8_lossy(body))
        };
        assert_eq!((got, reason.as_str()), (event_type, expected));
    }
    let Err(CallbackError::InvalidEvent { event_type, reason }) =
        parse_intercept(br#"{"eventType":23,"tid":"secret","fromAccount":"a"}"#)
    else {
        panic!("malformed")
    };
    assert_eq!(event_type, 23);
    assert_eq!(
        reason,
        "`tid`: expected a u64 number, or a string holding one"
    );
}

#[test]
fn malformed_optional_members_are_dropped_not_the_event() {
    let CopyEvent::Login(login) = parse_copy(
        br#"{"eventType":"2","accid":"a","timestamp":"soon","port":"70000","code":[1]}"#,
    )
    .unwrap() else {
        panic!("a login")
    };
    assert_eq!(
        (login.accid.as_str(), login.timestamp, login.code),
        ("a", None, None)
    );
    let CopyEvent::Logout(logout) =
        parse_copy(br#"{"eventType":"3","accid":"a","logOutReason":""}"#).unwrap()
    else {
        panic!("a logout")
    };
    assert_eq!(logout.log_out_reason, None);
    let CopyEvent::Recall(recall) =
        parse_copy(br#"{"eventType":"7","from":"a","to":"b","msgId":"1","sendTime":[1]}"#).unwrap()
    else {
        panic!("a recall")
    };
    assert_eq!(recall.send_time, None);
    let CopyEvent::Conversation(message) = parse_copy(
        br#"{"eventType":"1","convType":"TEAM","to":"1","fromAccount":"a","msgTimestamp":"1","msgType":"TEXT","msgidServer":"2","tMembers":{"a":1},"resendFlag":"maybe"}"#,
    )
    .unwrap() else {
        panic!("a message")
    };
    assert!(message.t_members.is_empty());
    assert_eq!(message.resend_flag, None);
}

#[test]
fn yes_no_values_in_every_spelling() {
    for (value, expected) in [
        (json!("true"), Some(true)),
        (json!("1"), Some(true)),
        (json!(1), Some(true)),
        (json!(true), Some(true)),
        (json!("false"), Some(false)),
        (json!("0"), Some(false)),
        (json!(false), Some(false)),
        (json!(""), None),
        (json!(null), None),
    ] {
        let body = json!({"eventType": "14", "fromWebApi": value}).to_string();
        let CopyEvent::ChatroomQueue(queue) = parse_copy(body.as_bytes()).unwrap() else {
            panic!("a queue operation")
        };
        assert_eq!(queue.from_web_api, expected, "{body}");
    }
}
