//! Intercepting callbacks. Bodies are the examples of the official pages:
//! S11 https://doc.commsease.com/en/messaging/docs/TQ5NDQwNDQ?platform=server,
//! S12 https://doc.yunxin.163.com/messaging/server-apis/Tc5OTU0Nzk?platform=server,
//! S13 https://doc.yunxin.163.com/messaging/server-apis/DIyODEyNjc?platform=server,
//! S14 https://doc.yunxin.163.com/messaging/server-apis/DI1NDU2MjI?platform=server,
//! S15 https://doc.yunxin.163.com/messaging/docs/Tc2MzAxODA?platform=server,
//! S16 the markdown source of the official "登录回调" section.

use crate::callback::*;
use crate::message::{MessageBody, MessageClientId};

fn intercept(body: &str) -> InterceptEvent {
    super::signed(body)
}

/// S11, "1.1 HTTP example": an empty `msgidClient`.
#[test]
fn s11_p2p_message() {
    let event = intercept(
        r#"{"body":"123456","eventType":1,"fromAccount":"000266","fromClientType":"WEB","fromDeviceId":"617715aa8579db03f0cf054c199cc71b","fromNick":"yj000266","msgTimestamp":"1541560157286","msgType":"TEXT","msgidClient":"","to":"005877","fromClientIp":"115.211.51.45","fromClientPort":"56802"}"#,
    );
    assert_eq!(event.event_type(), Some(1));
    let InterceptEvent::P2pMessage(message) = event else {
        panic!("a message")
    };
    assert_eq!(message.from_account, "000266");
    assert_eq!(message.to.as_deref(), Some("005877"));
    assert_eq!(message.from_nick.as_deref(), Some("yj000266"));
    assert_eq!(message.msg_timestamp, Some(1541560157286));
    assert_eq!(message.msgid_client, None);
    assert_eq!(message.content, Some(MessageBody::Text("123456".into())));
    assert_eq!(message.origin.from_client_type, Some(ClientType::Web));
    assert_eq!(
        message.origin.from_client_ip.as_deref(),
        Some("115.211.51.45")
    );
    assert_eq!(message.origin.from_client_port, Some(56802));
}

/// The spec's V5 (modelled on S11).
#[test]
fn v5_p2p_message() {
    let InterceptEvent::P2pMessage(message) = intercept(
        r#"{"eventType":1,"fromAccount":"user_a","fromNick":"A","fromClientType":"WEB","fromDeviceId":"dev-1",
 "to":"user_b","body":"hello","msgType":"TEXT","msgTimestamp":"1700000000000","msgidClient":"c-1",
 "fromClientIp":"203.0.113.5","fromClientPort":"5000"}"#,
    ) else {
        panic!("a message")
    };
    assert_eq!(message.msgid_client, Some(MessageClientId::from("c-1")));
    assert_eq!(message.origin.from_device_id.as_deref(), Some("dev-1"));
}

/// S14, "用户资料变更回调".
#[test]
fn s14_user_update() {
    let event = intercept(
        r#"{"account":"yx0002","birth":"2009-11-30","clientType":"PC","deviceId":"4f716737-75dd-41cb-bc6c-d9516ff03f707bd899c82e64bdc8a5220c07c744","email":"555555@163.com","eventType":3,"ex":"","gender":1,"icon":"https://ss0.bdstatic.com/94oJfD_bAAcT8t7mm9GUKT-xh_/timg?image&quality=100&size=b4000_4000&sec=1552461348&di=536bb9721d145a07657df45a8da49321&src=http://img0.pconline.com.cn/pconline/1511/29/7257120_901_thumb.jpg","mobile":"18888888888","name":"0002","sign":"这是签名","timestamp":"1552461406587"}"#,
    );
    let InterceptEvent::UserUpdate(user) = event else {
        panic!("a profile change")
    };
    assert_eq!(user.account, "yx0002");
    assert_eq!(user.name.as_deref(), Some("0002"));
    assert_eq!(user.birth.as_deref(), Some("2009-11-30"));
    assert_eq!(user.gender, Some(1));
    assert_eq!(user.sign.as_deref(), Some("这是签名"));
    assert_eq!(user.ex.as_deref(), Some(""));
    assert_eq!(user.client_type, Some(ClientType::Pc));
    assert_eq!(user.timestamp, Some(1552461406587));
}

/// S12, "创建群回调".
#[test]
fn s12_create_team() {
    let InterceptEvent::CreateTeam(team) = intercept(
        r#"{"announcement":"wmtest2 创建群公告 1564566444990","beinvitemode":1,"creator":"wmtest2","custom":"wmtest2 创建群自定义属性","eventType":7,"fromClientType":"IOS","fromDeviceId":"d95488e2-94ee-4e9b-bc85-2df1d7f1f450","icon":"http://xxx.nos.netease.com/MTAxMTAxMA==/bmltYV8xNDMwMzVfMTQ0NzIwOTc4MTgyM18xMGY4YmMzYS1jOWI2LTQ0MjctYmZjNC1iMmY3NzdlODY2ZDI=","intro":"wmtest2 测试同步期间在线群消息 1564566444990","inviteList":["wmtest1","wmtest3","wmtest4","wmtest5"],"invitemode":1,"joinmode":0,"level":100,"msg": "快来加入吧","servercustom":"wmtest2 群自定义属性","teamMuteType":0,"timestamp":"1564566441074","tname":"wmtest2wm3","type":1,"upcustommode":1,"uptinfomode":1}"#,
    ) else {
        panic!("a team creation")
    };
    assert_eq!(team.creator, "wmtest2");
    assert_eq!(team.tname.as_deref(), Some("wmtest2wm3"));
    assert_eq!(team.team_type, Some(1));
    assert_eq!(
        team.invite_list,
        ["wmtest1", "wmtest3", "wmtest4", "wmtest5"]
    );
    assert_eq!(team.msg.as_deref(), Some("快来加入吧"));
    assert_eq!(
        (team.joinmode, team.invitemode, team.beinvitemode),
        (Some(0), Some(1), Some(1))
    );
    assert_eq!((team.uptinfomode, team.upcustommode), (Some(1), Some(1)));
    assert_eq!((team.team_mute_type, team.level), (Some(0), Some(100)));
    assert_eq!(team.servercustom.as_deref(), Some("wmtest2 群自定义属性"));
    assert_eq!(team.origin.from_client_type, Some(ClientType::Ios));
    assert_eq!(team.timestamp, Some(1564566441074));
}

/// S13, "超大群拉人入群回调" (2024: `inviteList` an array; 2025 doc: a string holding one).
#[test]
fn s13_super_team_invite() {
    let InterceptEvent::SuperTeamInvite(invite) = intercept(
        r#"{"beinvitemode":1,"eventType":23,"fromAccount":"wmtest1","fromClientType":"IOS","fromDeviceId":"50fafe75-2491-4565-9601-aaf7ee4e78ae","inviteList":["wmtest230","wmtest231"],"msg":"拉人进群需要同意","tid"
:23005,"timestamp":"1578569254713"}"#,
    ) else {
        panic!("an invitation")
    };
    assert_eq!(invite.tid, 23005);
    assert_eq!(invite.from_account, "wmtest1");
    assert_eq!(invite.invite_list, ["wmtest230", "wmtest231"]);
    assert_eq!(invite.beinvitemode, Some(1));
    assert_eq!(invite.msg.as_deref(), Some("拉人进群需要同意"));
    let InterceptEvent::SuperTeamInvite(text) = intercept(
        r#"{"eventType":23,"tid":"23005","fromAccount":"wmtest1","inviteList":"[\"wmtest230\",\"wmtest231\"]"}"#,
    ) else {
        panic!("an invitation")
    };
    assert_eq!(text.invite_list, invite.invite_list);
}

/// S16, "登录回调": the page's example carries other members (`msgId`, `opeType`, ...) and
/// no `token`; the extra members are ignored.
#[test]
fn s16_login() {
    let event = intercept(
        r#"{"eventType":36,"fromAccount":"wm1","fromClientIp":"36.18.111.225","fromClientPort":"39632","fromClientType":"AOS","fromDeviceId":"ef6b789c-3079-463b-a52b-4924ae539e01","msgFromAccid":"wm1","msgId":184409700039655569,"msgidClient":"b897b26234d246858031291f12bc498d","opeType":8,"time":1590482455336,"timestamp":"1590482457381","toAccount":"2747918666"}"#,
    );
    assert_eq!(event.event_type(), Some(36));
    let InterceptEvent::Login(login) = event else {
        panic!("a login")
    };
    assert_eq!(login.from_account, "wm1");
    assert_eq!(login.token, None);
    assert_eq!(login.timestamp, Some(1590482457381));
    assert_eq!(login.origin.from_client_type, Some(ClientType::Aos));
    assert_eq!(login.origin.from_client_port, Some(39632));
}

/// S15, "圈组登录回调": `customClientType` as a number.
#[test]
fn s15_qchat_login() {
    let event = intercept(
        r#" {
    "authType":0,
    "customClientType":0,
    "customTag":"custom-ygy",
    "eventType":40,
    "fromAccount":"yx",
    "fromClientIp":"115.236.119.135",
    "fromClientPort":"30467",
    "fromClientType":"IOS",
    "fromDeviceId":"test866e7703-f7a4-4bdb-8359-05c878de7c6f",
    "timestamp":"1646883135222",
    "token":"xxxxx"
}"#,
    );
    assert_eq!(event.event_type(), Some(40));
    let InterceptEvent::QChatLogin(login) = event else {
        panic!("a QChat login")
    };
    assert_eq!(login.auth_type, Some(AuthType::Token));
    assert_eq!(login.custom_client_type.as_deref(), Some("0"));
    assert_eq!(login.custom_tag.as_deref(), Some("custom-ygy"));
    assert_eq!(login.token.as_deref(), Some("xxxxx"));
    // A user's login token stays out of logs.
    let shown = format!("{login:?}");
    assert!(
        !shown.contains("xxxxx") && shown.contains("<redacted>"),
        "{shown}"
    );
}

/// The same numbers in both namespaces are different events.
#[test]
fn numbers_mean_different_things_per_namespace() {
    let login_copy = br#"{"eventType":"2","accid":"a","clientType":"AOS"}"#;
    assert!(matches!(
        parse_copy(login_copy).unwrap(),
        CopyEvent::Login(_)
    ));
    assert!(matches!(
        parse_intercept(login_copy).unwrap(),
        InterceptEvent::Unknown {
            event_type: Some(2),
            ..
        }
    ));

    let profile = br#"{"eventType":3,"account":"yx0002","accid":"yx0002","name":"n"}"#;
    assert!(matches!(parse_copy(profile).unwrap(), CopyEvent::Logout(l) if l.accid == "yx0002"));
    assert!(matches!(
        parse_intercept(profile).unwrap(),
        InterceptEvent::UserUpdate(u) if u.name.as_deref() == Some("n")
    ));

    let login =
        br#"{"eventType":36,"type":"1","fromAccount":"wm1","uploadInfo":{"uploadMsg":"attach"}}"#;
    assert!(
        matches!(parse_copy(login).unwrap(), CopyEvent::UploadTask(u) if u.upload_type == Some(1))
    );
    assert!(
        matches!(parse_intercept(login).unwrap(), InterceptEvent::Login(l) if l.from_account == "wm1")
    );
}
