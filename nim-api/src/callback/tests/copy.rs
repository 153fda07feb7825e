//! Message copies. Bodies are the examples of the official pages:
//! S1 "IM 其他抄送" https://doc.yunxin.163.com/messaging/guide/TcxNzU4NzU?platform=server,
//! S2 "会话类型消息抄送" (its markdown source), S3 "消息更新抄送" (its markdown source,
//! linked from https://doc.yunxin.163.com/messaging/server-apis/jQ4ODE0NTY?platform=server).

use serde_json::json;

use crate::callback::*;
use crate::message::{
    Audio, ConversationType, Image, Location, MessageBody, MessageClientId, MessageServerId, Video,
};

fn copy(body: &str) -> CopyEvent {
    super::signed(body)
}

fn conversation(body: &str) -> ConversationCopy {
    match copy(body) {
        CopyEvent::Conversation(c) => c,
        other => panic!("not a conversation: {other:?}"),
    }
}

fn chatroom(body: &str) -> ChatroomMessageCopy {
    match copy(body) {
        CopyEvent::ChatroomMessage(c) => c,
        other => panic!("not a chatroom message: {other:?}"),
    }
}

/// S2, "HTTP 示例".
#[test]
fn s2_p2p_text() {
    let c = conversation(
        r#"{
    "attach": "thisisattach",
    "body": "hello",
    "convType": "PERSON",
    "eventType": "1",
    "fromAccount": "111",
    "fromClientType": "IOS",
    "fromDeviceId": "thisisfromdeviceid",
    "fromNick": "mike",
    "msgTimestamp": "1441977355557",
    "msgType": "TEXT",
    "msgidClient": "1234567",
    "msgidServer": "3456789",
    "resendFlag": "0",
    "to": "222"
}"#,
    );
    assert_eq!(c.conv_type, ConvType::Person);
    assert_eq!((c.from_account.as_str(), c.to.as_str()), ("111", "222"));
    assert_eq!(c.from_client_type, Some(ClientType::Ios));
    assert_eq!(c.from_device_id.as_deref(), Some("thisisfromdeviceid"));
    assert_eq!(c.from_nick.as_deref(), Some("mike"));
    assert_eq!(c.msg_timestamp, 1441977355557);
    assert_eq!(c.msg_type, "TEXT");
    assert_eq!(c.content, Some(MessageBody::Text("hello".into())));
    assert_eq!(c.attach, Some(json!("thisisattach")));
    assert_eq!(c.msgid_client, Some(MessageClientId::from("1234567")));
    assert_eq!(c.msgid_server, MessageServerId::new(3456789));
    assert_eq!(c.resend_flag, Some(false));
    assert!(c.t_members.is_empty());
}

/// S2, "单聊消息相关示例 / 文本消息": `yidunRes` as a string holding JSON.
#[test]
fn s2_p2p_text_with_antispam_detail() {
    let c = conversation(
        r#"{
    "attach": "",
    "body": "文字消息",
    "convType": "PERSON",
    "eventType": "1",
    "fromAccount": "zhangsan",
    "fromClientType": "IOS",
    "fromDeviceId": "B0BFF2EB-E2E1-4063-9E73-92FB926BF388",
    "fromNick": "zhangsan",
    "msgTimestamp": "1456888017105",
    "msgType": "TEXT",
    "msgidClient": "f33f0716-6027-47de-a582-37a8dc2d217c",
    "msgidServer": "8364607",
    "resendFlag": "0",
    "to": "lisi",
    "yidunRes": "{\"yidunBusType\":0,\"action\":0,\"labels\":[]}"
}"#,
    );
    assert_eq!(c.content, Some(MessageBody::Text("文字消息".into())));
    assert_eq!(c.attach, None);
    assert_eq!(
        c.yidun_res,
        Some(json!({"yidunBusType": 0, "action": 0, "labels": []}))
    );
}

/// S2, "图片消息": `attach` and `yidunRes` as JSON objects.
#[test]
fn s2_p2p_picture() {
    let c = conversation(
        r#"{
  "attach": {
    "md5": "d0323f8d447abf3df7256bd66f9d5b62",
    "h": 500,
    "ext": "jpg",
    "size": 9093,
    "w": 500,
    "name": "图片发送于 2016-03-02 11:09",
    "url": "http://b12026.nos.netease.com/MTAxMTAxMA==/bmltYV8xNDI5MTVfMTQ1NTY4==/yMWE1ODBjYjA1MWE="
  },
  "body": "",
  "convType": "PERSON",
  "eventType": "1",
  "fromAccount": "zhangsan",
  "fromClientType": "IOS",
  "fromDeviceId": "B0BFF2EB-E2E1-4063-9E73-92FB926BF388",
  "fromNick": "zhangsan",
  "msgTimestamp": "1456888195062",
  "msgType": "PICTURE",
  "msgidClient": "472f2f50-2b00-4d7b-8b8d-d8870daa0dbd",
  "msgidServer": "8364613",
  "resendFlag": "0",
  "to": "lisi",
  "yidunRes": {
    "yidunBusType": 1,
    "labels": [
      {"level": 0, "rate": 0.0, "label": 100},
      {"level": 0, "rate": 0.0, "label": 200}
    ]
  }
}"#,
    );
    let Some(MessageBody::Image(image)) = c.content else {
        panic!("an image: {:?}", c.content)
    };
    assert_eq!(
        image,
        Image::new(
            "http://b12026.nos.netease.com/MTAxMTAxMA==/bmltYV8xNDI5MTVfMTQ1NTY4==/yMWE1ODBjYjA1MWE="
        )
        .md5("d0323f8d447abf3df7256bd66f9d5b62")
        .ext("jpg")
        .name("图片发送于 2016-03-02 11:09")
        .size(9093)
        .w(500)
        .h(500)
    );
    assert_eq!(c.yidun_res.unwrap()["yidunBusType"], 1);
}

/// S2, "音频消息", "视频消息" and "地理位置消息" (`attach` as a string holding JSON).
#[test]
fn s2_p2p_audio_video_location() {
    let audio = conversation(
        r#"{
    "attach": {
        "size": 14181,
        "ext": "aac",
        "dur": 3900,
        "url": "http://b12026.nos.netease.com/MTAxMTAxMA==/bmltYV8xNDI5M***TkzMzAzOGZiZjc=",
        "md5": "4c5cc81dd00817b548b5eef42eac4d11"
    },
    "body": "发来了一段语音",
    "convType": "PERSON",
    "eventType": "1",
    "fromAccount": "zhangsan",
    "fromClientType": "IOS",
    "fromDeviceId": "B0BFF2EB-E2E1-4063-9E73-92FB926BF388",
    "fromNick": "zhangsan",
    "msgTimestamp": "1456888940830",
    "msgType": "AUDIO",
    "msgidClient": "b0b703ea-3e10-453e-8650-e3a2802130bd",
    "msgidServer": "8364635",
    "resendFlag": "0",
    "to": "lisi"
}"#,
    );
    assert_eq!(
        audio.content,
        Some(MessageBody::Audio(
            Audio::new(
                "http://b12026.nos.netease.com/MTAxMTAxMA==/bmltYV8xNDI5M***TkzMzAzOGZiZjc="
            )
            .dur(3900)
            .md5("4c5cc81dd00817b548b5eef42eac4d11")
            .ext("aac")
            .size(14181)
        ))
    );
    let video = conversation(
        r#"{
    "attach": {
        "url": "http://b12026.nos.netease.com/MTAxMTAxMA==/bmltY***TQxNGEtYWE5ZC04ZDhmYjQyMTE2OTQ=",
        "md5": "c2f2e15af1c9e341187f81e5f8453399",
        "ext": "mp4",
        "h": 480,
        "size": 114347,
        "w": 360,
        "name": "视频发送于 2016-03-02 11:16",
        "dur": 1456
    },
    "body": "",
    "convType": "PERSON",
    "eventType": "1",
    "fromAccount": "zhangsan",
    "fromClientType": "IOS",
    "fromDeviceId": "B0BFF2EB-E2E1-4063-9E73-92FB926BF388",
    "fromNick": "zhangsan",
    "msgTimestamp": "1456888595916",
    "msgType": "VIDEO",
    "msgidClient": "57a33622-cd80-4c65-b8d3-15f3c2bb128f",
    "msgidServer": "8364616",
    "resendFlag": "0",
    "to": "lisi"
}"#,
    );
    assert_eq!(
        video.content,
        Some(MessageBody::Video(
            Video::new(
                "http://b12026.nos.netease.com/MTAxMTAxMA==/bmltY***TQxNGEtYWE5ZC04ZDhmYjQyMTE2OTQ="
            )
            .md5("c2f2e15af1c9e341187f81e5f8453399")
            .ext("mp4")
            .dur(1456)
            .w(360)
            .h(480)
            .size(114347)
        ))
    );
    let location = conversation(
        r#"{
    "attach": "{\"title\":\"中国 浙江省 杭州市 网商路 599 号\",\"lng\":120.1908686708565, \"lat\":30.18704515647036}",
    "body": "",
    "convType": "PERSON",
    "eventType": "1",
    "fromAccount": "zhangsan",
    "fromClientType": "IOS",
    "fromDeviceId": "B0BFF2EB-E2E1-4063-9E73-92FB926BF388",
    "fromNick": "zhangsan",
    "msgTimestamp": "1456888595916",
    "msgType": "LOCATION",
    "msgidClient": "57a33622-cd80-4c65-b8d3-15f3c2bb128f",
    "msgidServer": "8364616",
    "resendFlag": "0",
    "to": "lisi"
}"#,
    );
    assert_eq!(
        location.content,
        Some(MessageBody::Location(
            Location::new(120.1908686708565, 30.18704515647036)
                .title("中国 浙江省 杭州市 网商路 599 号")
        ))
    );
}

/// S2, "解散高级群": a team notification, `attach` an object, `tMembers` as `[a, b]` text.
#[test]
fn s2_team_dismissed_notification() {
    let c = conversation(
        r#"{
    "attach": 
        {
      "data": {
        "uinfos": [
          {
            "1": "zhangsan",
            "11": "142915",
            "12": "1438738423546",
            "13": "1446624332920",
            "2": "11011",
            "3": "zhangsan",
            "4": "http://b12026.nos.netease.com/MTAxMTAxMA==/bmltYV8xN***ZlOS02MzBjZWFjYmMwZDE=",
            "6": "0"
          }
        ]
      },
      "id": 4
    },
    "convType": "TEAM",
    "eventType": "1",
    "fromAccount": "zhangsan",
    "fromClientType": "IOS",
    "fromNick": "zhangsan",
    "msgTimestamp": "1456810468999",
    "msgType": "NOTIFICATION",
    "msgidClient": "b697a6b2-be71-47f0-8fc0-3c7ff9b15dda",
    "msgidServer": "779872108546",
    "resendFlag": "0",
    "tMembers": "[zhangsan, lisi]",
    "to": "11621"
}"#,
    );
    assert_eq!(c.conv_type, ConvType::Team);
    assert_eq!(c.to, "11621");
    assert_eq!(c.t_members, ["zhangsan", "lisi"]);
    assert_eq!(c.attach.as_ref().unwrap()["id"], 4);
    assert!(matches!(
        c.content,
        Some(MessageBody::Other {
            message_type: 5,
            ..
        })
    ));
}

/// S2, "高级群增加管理员": `tMembers` as a JSON array.
#[test]
fn s2_team_members_as_array() {
    let c = conversation(
        r#"{
    "attach": {"data": {"ids": ["lisi"]}, "id": 7},
    "convType": "TEAM",
    "eventType": "1",
    "fromAccount": "zhangsan",
    "fromClientType": "IOS",
    "msgTimestamp": "1456813138663",
    "msgType": "NOTIFICATION",
    "msgidClient": "3e3e2efe-4f16-4ac2-8669-a8ee17be80bc",
    "msgidServer": "780006326274",
    "resendFlag": "0",
    "tMembers": ["zhangsan", "lisi"],
    "to": "11623"
}"#,
    );
    assert_eq!(c.t_members, ["zhangsan", "lisi"]);
}

/// S2, "高级群邀请他人加群" (`CUSTOM_TEAM`, no client id) and "加好友" (`CUSTOM_PERSON`).
#[test]
fn s2_custom_notifications() {
    let invite = conversation(
        r#"{
    "attach": {"tinfo": {"1": "11623", "3": "高级群", "5": "zhangsan"}},
    "body": "邀请您加入群组",
    "convType": "CUSTOM_TEAM",
    "customSafeFlag": "0",
    "eventType": "1",
    "fromAccount": "zhangsan",
    "msgTimestamp": "1456818444874",
    "msgType": "TEAM_INVITE",
    "msgidServer": "373171",
    "tMembers": "[lisi]",
    "to": "11623"
}"#,
    );
    assert_eq!(invite.conv_type, ConvType::CustomTeam);
    assert_eq!(invite.msg_type, "TEAM_INVITE");
    assert_eq!(invite.body.as_deref(), Some("邀请您加入群组"));
    assert_eq!(invite.content, None);
    assert_eq!(invite.msgid_client, None);
    assert_eq!(invite.custom_safe_flag, Some(false));
    assert_eq!(invite.t_members, ["lisi"]);
    let friend = conversation(
        r#"{
    "attach": "{\"vt\":1}",
    "body": "",
    "convType": "CUSTOM_PERSON",
    "customSafeFlag": "0",
    "eventType": "1",
    "fromAccount": "zhangsan",
    "msgTimestamp": "1456827801260",
    "msgType": "FRIEND_ADD",
    "msgidServer": "375387",
    "to": "lisi"
}"#,
    );
    assert_eq!(friend.conv_type, ConvType::CustomPerson);
    assert_eq!(friend.attach, Some(json!({"vt": 1})));
    assert_eq!(friend.content, None);
}

/// S1, "登录事件消息抄送" (HTTP example) and the spec's V2.
#[test]
fn s1_login() {
    let CopyEvent::Login(login) = copy(
        r#"{
   "clientType": "AOS",
   "code": "200",
   "clientIp": "60.2*.**.202",
   "customTag": "登录自定义字段",
   "accid": "t3",
   "sdkVersion": "152",
   "eventType": "2",
   "deviceId": "c25f82d0-5f2e-492f-b5cc-3f4a585c25a2",
   "timestamp": "1608877682237"
}"#,
    ) else {
        panic!("a login")
    };
    assert_eq!(login.accid, "t3");
    assert_eq!(login.client_type, Some(ClientType::Aos));
    assert_eq!(login.code, Some(200));
    assert_eq!(login.client_ip.as_deref(), Some("60.2*.**.202"));
    assert_eq!(login.custom_tag.as_deref(), Some("登录自定义字段"));
    assert_eq!(login.sdk_version.as_deref(), Some("152"));
    assert_eq!(
        login.device_id.as_deref(),
        Some("c25f82d0-5f2e-492f-b5cc-3f4a585c25a2")
    );
    assert_eq!(login.timestamp, Some(1608877682237));
    assert_eq!(login.log_out_reason, None);
}

/// S1, "登出事件消息抄送": the HTTP example sends `code` and `timestamp` as numbers and
/// `clientType` as `iOS`.
#[test]
fn s1_logout_with_numbers() {
    let CopyEvent::Logout(logout) = copy(
        r#"{
   "clientType": "iOS",
   "code": 200,
   "accid": "tes",
   "sdkVersion": "155",
   "eventType": "3",
   "timestamp": 1608872658452
}"#,
    ) else {
        panic!("a logout")
    };
    assert_eq!(logout.accid, "tes");
    assert_eq!(logout.client_type, Some(ClientType::Ios));
    assert_eq!(logout.code, Some(200));
    assert_eq!(logout.timestamp, Some(1608872658452));
}

/// The spec's V3: a logout with `logOutReason` and numbers as JSON numbers.
#[test]
fn v3_logout_reason() {
    let event = copy(
        r#"{"eventType":"3","accid":"user_a","clientType":"IOS","code":200,"sdkVersion":"155","timestamp":1700000000001,"logOutReason":2}"#,
    );
    assert_eq!(event.event_type(), Some(3));
    let CopyEvent::Logout(logout) = event else {
        panic!("a logout")
    };
    assert_eq!(logout.log_out_reason, Some(LogoutReason::Disconnected));
    assert_eq!(logout.timestamp, Some(1700000000001));
    let CopyEvent::Logout(other) = copy(r#"{"eventType":3,"accid":"a","logOutReason":"9"}"#) else {
        panic!("a logout")
    };
    assert_eq!(other.log_out_reason, Some(LogoutReason::Other(9)));
}

/// S1, "聊天室消息抄送": the HTTP example (custom) and the detailed text, audio, video,
/// location and file examples. (The page's picture example is not valid JSON: a comma is
/// missing.)
#[test]
fn s1_chatroom_messages() {
    let custom = chatroom(
        r#"{
   "attach": "{\"type\": 1, \"data\": {\"value\": 3}}",
   "eventType": "4",
   "ext": "{\"type\": -2}",
   "fromAccount": "zqpret1101",
   "fromAvator": "",
   "fromClientType": "WEB",
   "fromExt": "",
   "fromNick": "zhangsan",
   "msgTimestamp": "1456123424339",
   "msgType": "CUSTOM",
   "msgidClient": "e4d9065fdb5fde927b16d87b7e861d46",
   "resendFlag": "0",
   "roleInfoTimetag": "1456123382533",
   "roomId": "2016"
}"#,
    );
    assert_eq!(custom.room_id, 2016);
    assert_eq!(custom.from_account, "zqpret1101");
    assert_eq!(custom.from_client_type, Some(ClientType::Web));
    assert_eq!(custom.ext.as_deref(), Some("{\"type\": -2}"));
    assert_eq!(custom.role_info_timetag, Some(1456123382533));
    assert_eq!(
        custom.content,
        Some(MessageBody::Custom(
            json!({"type": 1, "data": {"value": 3}})
        ))
    );

    let text = chatroom(
        r#"{
   "attach": "聊天室文本消息",
   "eventType": "4",
   "ext": "",
   "fromAccount": "zhangsan",
   "fromAvator": "http://b12026.nos.netease.com/MTAxMTAxMA==/bmltYV8xNDI5MTZfMTQzODg2NDI4ODE0Ml81NjM3ZTIxMC1iMjE5LTRhYjgtOGZlOS02MzBjZWFjYmMwZDE=",
   "fromClientType": "REST",
   "fromNick": "zhangsan",
   "msgTimestamp": "1456986458240",
   "msgType": "TEXT",
   "msgidClient": "wangwue-12345-9876543210123",
   "resendFlag": "0",
   "roleInfoTimetag": "0",
   "roomId": "64",
   "yidunRes": "{\"yidunBusType\":0,\"action\":0,\"labels\":[]}"
}"#,
    );
    assert_eq!(
        text.content,
        Some(MessageBody::Text("聊天室文本消息".into()))
    );
    assert_eq!(text.from_client_type, Some(ClientType::Rest));

    let audio = chatroom(
        r#"{
   "attach": "{\"size\": 13738, \"ext\": \"aac\", \"dur\": 3808, \"url\": \"http:\\/\\/b12026.nos.netease.com\\/MTAxMTAxMA==\\/bmltYV8xNDI5MTVfMTQ1NTY4NzIxMDkyNl9lOWExMmNmMy1lZDhkLTQ2Y2UtYWRiYS1mOTA4ODhjZTliNTM=\", \"md5\": \"35411b36f22077309daec3b970b46e89\"}",
   "eventType": "4",
   "ext": "",
   "fromAccount": "zhangsan",
   "fromAvator": "http://b12026.nos.netease.com/MTAxMTAxMA==/bmltYV8xNDI5MTZfMTQzODg2NDI4ODE0Ml81NjM3ZTIxMC1iMjE5LTRhYjgtOGZlOS02MzBjZWFjYmMwZDE=",
   "fromClientType": "REST",
   "fromNick": "zhangsan",
   "msgTimestamp": "1456983964169",
   "msgType": "AUDIO",
   "msgidClient": "abcde-12345-98765432",
   "resendFlag": "0",
   "roleInfoTimetag": "0",
   "roomId": "113"
}"#,
    );
    let Some(MessageBody::Audio(clip)) = audio.content else {
        panic!("audio: {:?}", audio.content)
    };
    assert_eq!(clip.dur, Some(3808));

    let location = chatroom(
        r#"{
    "attach": "{\"lat\":30.18704515647036,\"lng\":120.1908686708565,\"title\":\"中国 浙江省 杭州市 网商路 599 号\"}",
    "eventType": "4",
    "ext": "",
    "fromAccount": "zhangsan",
    "fromClientType": "REST",
    "fromNick": "zhangsan",
    "msgTimestamp": "1456986934675",
    "msgType": "LOCATION",
    "msgidClient": "abcde-12345-98765432101234567",
    "resendFlag": "0",
    "roleInfoTimetag": "0",
    "roomId": "64"
}"#,
    );
    assert!(matches!(location.content, Some(MessageBody::Location(_))));

    // The file example sends `size` as a string: attachments read numbers either way.
    let file = chatroom(
        r#"{
    "attach": {
        "ext": "ttf",
        "md5": "79d62a35fa3d34c367b20c66afc2a500",
        "name": "BlizzardReg.ttf",
        "size": "91680",
        "url": "http://nimtest.nos.netease.com/08c9859d-183f-4daa-9904-d6cacb51c95b"
    },
    "eventType": "4",
    "ext": "",
    "fromAccount": "zhangsan",
    "fromClientType": "REST",
    "fromNick": "zhangsan",
    "msgTimestamp": "1456987025760",
    "msgType": "FILE",
    "msgidClient": "abcde-12345-987654321012345678",
    "resendFlag": "0",
    "roleInfoTimetag": "0",
    "roomId": "64"
}"#,
    );
    let Some(MessageBody::File(attachment)) = file.content else {
        panic!("a file, not {:?}", file.content)
    };
    assert_eq!(attachment.size, Some(91_680));
    assert_eq!(attachment.name.as_deref(), Some("BlizzardReg.ttf"));
    assert_eq!(file.attach.unwrap()["name"], "BlizzardReg.ttf");
}

/// S1, "单聊消息撤回抄送", "群聊消息撤回抄送", "超大群聊消息撤回抄送".
#[test]
fn s1_recalls() {
    let p2p = copy(
        r#"{
    "clientId": "9e549196-1bb4-4143-a428-d13eaa0cd732",
    "deleteTime": "1487308054709",
    "eventType": "7",
    "from": "zhangsan",
    "fromClientType": "IOS",
    "msgId": "11555996",
    "selfMsg": "撤回了一条消息",
    "sendTime": "1487308046652",
    "to": "lisi"
}"#,
    );
    assert_eq!(p2p.event_type(), Some(7));
    let CopyEvent::Recall(recall) = p2p else {
        panic!("a recall")
    };
    assert_eq!(recall.kind, ConversationType::P2p);
    assert_eq!(recall.message.msg_id, MessageServerId::new(11555996));
    assert_eq!(
        recall.message.client_id,
        Some(MessageClientId::from(
            "9e549196-1bb4-4143-a428-d13eaa0cd732"
        ))
    );
    assert_eq!(
        (recall.message.from.as_str(), recall.message.to.as_str()),
        ("zhangsan", "lisi")
    );
    assert_eq!(recall.delete_time, Some(1487308054709));
    assert_eq!(recall.send_time, Some(1487308046652));
    assert_eq!(recall.self_msg.as_deref(), Some("撤回了一条消息"));

    for (number, kind) in [
        ("8", ConversationType::Team),
        ("25", ConversationType::SuperTeam),
    ] {
        let body = format!(
            r#"{{
    "clientId": "3651689e-53a0-4a1c-beba-7e3703203ef6",
    "deleteTime": "1487309158801",
    "eventType": "{number}",
    "from": "zhangsan",
    "fromClientType": "IOS",
    "msgId": "927914262574",
    "selfMsg": "撤回了一条消息",
    "sendTime": "1487309155228",
    "to": "13827"
}}"#
        );
        let event = copy(&body);
        assert_eq!(event.event_type(), number.parse().ok());
        let CopyEvent::Recall(recall) = event else {
            panic!("a recall")
        };
        assert_eq!(recall.kind, kind);
        assert_eq!(recall.message.to, "13827");
    }
}

/// S1, "聊天室成员进出聊天室事件抄送".
#[test]
fn s1_chatroom_member() {
    let CopyEvent::ChatroomMember(member) = copy(
        r#"{
    "roomId": "1001",
    "event": "IN",
    "accid": "test",
    "clientIp": "192.1**.*.100",
    "clientType": "PC",
    "code": "200",
    "eventType": "9",
    "sdkVersion": "18",
    "timestamp": "1452504942126"
}"#,
    ) else {
        panic!("a chatroom member")
    };
    assert_eq!(member.room_id, 1001);
    assert_eq!(member.event, ChatroomMemberEvent::In);
    assert_eq!(member.accid, "test");
    assert_eq!(member.client_type, Some(ClientType::Pc));
    assert_eq!(member.code, Some(200));
    assert_eq!(member.timestamp, Some(1452504942126));
}

/// S1, "专线电话通话结束回调抄送" (双人专线电话示例).
#[test]
fn s1_phone_call() {
    let CopyEvent::PhoneCall(call) = copy(
        r#"{
    "callback": "{\"callee\":\"15967161***\",\"caller\":\"18605815***\",\"createtime\":1484118614911,\"durationSec\":0,\"initAccount\":\"abcd\",\"legs\":[{\"endTime\":\"2017-01-11 15:10:30\",\"endpoint\":\"18605815***\",\"hangCause\":\"NO_USER_RESPONSE\"},{\"endTime\":\"2017-01-11 15:10:30\",\"endpoint\":\"15967161***\",\"hangCause\":\"NO_USER_RESPONSE\"}],\"session\":\"7c4b7673-4f70-4164-82a0-decb84d77914\",\"starttime\":\"2017-01-11 15:10:30\",\"status\":\"SUCCESS\"}",
    "eventType": "10"
}"#,
    ) else {
        panic!("a phone call")
    };
    let record = call.callback.unwrap();
    assert_eq!(record["status"], "SUCCESS");
    assert_eq!(record["legs"].as_array().unwrap().len(), 2);
}

/// S1, "短信回执抄送" (objects as an array) and "短信上行抄送" (objects as text).
#[test]
fn s1_sms() {
    let CopyEvent::SmsReceipt(receipts) = copy(
        r#"{
    "eventType": "11",
    "objects": [
        {
            "mobile": "12345678945",
            "sendid": "1490",
            "result": "DELIVRD",
            "sendTime": "2017-06-02 14:40:45",
            "reportTime": "2017-06-06 10:40:30",
            "spliced": "1",
            "templateId": 1234
        },
        {
            "mobile": "12345678945",
            "sendid": "1491",
            "result": "DELIVRD",
            "sendTime": "2017-06-02 14:41:00",
            "reportTime": "2017-06-02 10:41:20",
            "spliced": "2",
            "templateId": 1234
        }
    ]
}"#,
    ) else {
        panic!("SMS receipts")
    };
    assert_eq!(receipts.objects.len(), 2);
    let first = &receipts.objects[0];
    assert_eq!(first.send_id.as_deref(), Some("1490"));
    assert_eq!(first.result.as_deref(), Some("DELIVRD"));
    assert_eq!(first.spliced, Some(1));
    assert_eq!(first.template_id, Some(1234));

    let CopyEvent::SmsReply(replies) = copy(
        r#"{
    "eventType": "12",
    "objects": "[{ \"mobile\": \"18605818212\", \"content\": \"TD\", \"replytime\": \"2017-09-20 10:40:30\"},{ \"mobile\": \"18605818213\", \"content\": \"TD\", \"replytime\": \"2017-09-20 10:40:30\" }]"
}"#,
    ) else {
        panic!("SMS replies")
    };
    assert_eq!(replies.objects.len(), 2);
    assert_eq!(replies.objects[1].mobile.as_deref(), Some("18605818213"));
    assert_eq!(
        replies.objects[1].reply_time.as_deref(),
        Some("2017-09-20 10:40:30")
    );
}

/// S1, "聊天室队列操作事件抄送" (qEvent 1, 2 and 4).
#[test]
fn s1_chatroom_queue() {
    let CopyEvent::ChatroomQueue(init) = copy(
        r#"{"fromWebApi":"true",
"eventType":"14",
"roomid":"32",
"qEvent":"1",
"operator":"zyy"}"#,
    ) else {
        panic!("a queue operation")
    };
    assert_eq!(init.q_event, Some(QueueOperation::Init));
    assert_eq!(init.room_id, Some(32));
    assert_eq!(init.from_web_api, Some(true));
    assert_eq!(init.operator.as_deref(), Some("zyy"));
    let CopyEvent::ChatroomQueue(add) = copy(
        r#"{"transient":"false",
"elements":"{\"2\":\"1512702269.556135-2\"}",
"fromWebApi":"false",
"belongTo":"zyy",
"eventType":"14",
"roomid":"101",
"qEvent":"2",
"operator":"zyy"}"#,
    ) else {
        panic!("a queue operation")
    };
    assert_eq!(add.q_event, Some(QueueOperation::Add));
    assert_eq!(add.transient, Some(false));
    assert_eq!(add.elements, Some(json!({"2": "1512702269.556135-2"})));
    assert_eq!(add.belong_to.as_deref(), Some("zyy"));
    let CopyEvent::ChatroomQueue(delete) = copy(
        r#"{"keys":"[\"2\"]",
"fromWebApi":"false",
"eventType":"14",
"roomid":"57",
"qEvent":"4",
"operator":"zyy"}"#,
    ) else {
        panic!("a queue operation")
    };
    assert_eq!(delete.keys, ["2"]);
}

/// S1, "易盾异步反垃圾抄送".
#[test]
fn s1_async_antispam() {
    let CopyEvent::AsyncAntispam(results) = copy(
        r#"{
   "objects": "[{\"audioUrl\":\"http://nim-nosdn.netease.im/MTAxMTAwMA==/bmltd18wXzE1NTg2NDYxMjAxNDNfYWEwOTQ3YTAtNTg1Ny00ZTVmLTlmMTgtZThmMWUzYmY3NTQ0\",\"serverMsgId\":\"171450683457798182\",\"antispam\":true,\"clientMsgId\":\"90ad7356-b591-4fa4-8edb-c042d9caa3ea\",\"yidunRes\":{\"asrResult\":0.0,\"action\":1.0,\"asrStatus\":3.0,\"taskId\":\"342f252af8014bb7a2005794050f06af\",\"labels\":[{\"level\":1.0,\"details\":{\"hitType\":30.0,\"hint\":[{\"value\":\"命中反垃圾的文字\",\"segments\":[{\"startTime\":0.0,\"endTime\":2.0}]}]},\"label\":600.0}]},\"from\":\"pre00001\",\"to\":\"2554814271\",\"type\":\"TEAM_MSG_AUDIO\"}]",
   "eventType": "20"
}"#,
    ) else {
        panic!("anti-spam results")
    };
    let result = &results.objects[0];
    assert_eq!(result.result_type.as_deref(), Some("TEAM_MSG_AUDIO"));
    assert_eq!(result.antispam, Some(true));
    assert_eq!(
        result.server_msg_id,
        Some(MessageServerId::new(171450683457798182))
    );
    assert_eq!(result.to.as_deref(), Some("2554814271"));
    assert_eq!(
        result.yidun_res.as_ref().unwrap()["taskId"],
        "342f252af8014bb7a2005794050f06af"
    );
}

/// S1, "点对点消息已读回执抄送".
#[test]
fn s1_read_receipt() {
    let CopyEvent::ReadReceipt(receipts) = copy(
        r#"{
    "objects": "[{\"toAccount\":\"test100\",\"clientType\":\"AOS\",\"fromAccount\":\"test101\",\"msgidClient\":\"076a5519-59c0-42c9-916d-9652ab390310\",\"timestamp\":1578551421737}]",
    "eventType": "30"
}"#,
    ) else {
        panic!("read receipts")
    };
    let receipt = &receipts.objects[0];
    assert_eq!(receipt.from_account.as_deref(), Some("test101"));
    assert_eq!(receipt.to_account.as_deref(), Some("test100"));
    assert_eq!(receipt.client_type, Some(ClientType::Aos));
    assert_eq!(receipt.timestamp, Some(1578551421737));
}

/// S1, "独立信令抄送", "上传任务抄送" and "长连接心跳抄送".
#[test]
fn s1_signal_upload_heartbeat() {
    let CopyEvent::Signal(signal) = copy(
        r#"{
    "type": "CREATE_ROOM",
    "channelId": "xxxx",
    "channelName": "abc",
    "createTime": "1234",
    "creator": "aaa",
    "ext": "aaa",
    "eventType": "31"
}"#,
    ) else {
        panic!("a signal")
    };
    assert_eq!(signal.signal_type.as_deref(), Some("CREATE_ROOM"));
    assert_eq!(signal.channel_id.as_deref(), Some("xxxx"));
    assert_eq!(signal.create_time, Some(1234));

    let CopyEvent::UploadTask(upload) = copy(
        r#"{
    "type": "1",
    "uploadInfo": {
        "uploadMsg": "attach",
        "sdkLogUrl": "https://nim-nosdn.netease.im/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
    },
    "eventType": "36"
}"#,
    ) else {
        panic!("an upload")
    };
    assert_eq!(upload.upload_type, Some(1));
    assert_eq!(upload.upload_info.unwrap()["uploadMsg"], "attach");

    let CopyEvent::Heartbeat(beat) = copy(
        r#"{
    "clientType": "PC",
    "consid": "e824d8aa-8b07-4684-89c8-574fc73fd140",
    "clientIp": "183.13*.***.138",
    "customTag": "PC",
    "clientPort": "44772",
    "accid": "qdf666",
    "eventType": "42",
    "deviceId": "71054493e01cb62968f4914a20078409ab3719357756e05da99e5563299550a9",
    "timestamp": "1614687765251"
}"#,
    ) else {
        panic!("a heartbeat")
    };
    assert_eq!(beat.accid, "qdf666");
    assert_eq!(beat.client_port, Some(44772));
    assert_eq!(beat.client_type, Some(ClientType::Pc));
    assert_eq!(beat.timestamp, Some(1614687765251));
}

/// S1, "登录失败抄送" and "第三方回调失败抄送"; the spec's V4.
#[test]
fn s1_login_failed_and_callback_failed() {
    let CopyEvent::LoginFailed(failed) = copy(
        r#"{
    "code": "302",
    "appLogin": "true",
    "customTag": "customTag-test",
    "sdkType": "1",
    "eventType": "84",
    "deviceId": "8bd9cba1-f607-4760-90de-f2a2d3ec5562",
    "sdkHumanVersion": "8.1.0",
    "fail": "login.token.error",
    "clientType": "AOS",
    "consid": "51530a27-76d6-452a-a456-75bed01adba0",
    "clientIp": "115.236.119.139",
    "accid": "yx",
    "sdkVersion": "150",
    "event": "1",
    "timestamp": "1653899015393"
}"#,
    ) else {
        panic!("a failed login")
    };
    assert_eq!(failed.event, Some(LoginFailureScope::Im));
    assert_eq!(failed.code, Some(302));
    assert_eq!(failed.app_login, Some(true));
    assert_eq!(failed.fail.as_deref(), Some("login.token.error"));
    assert_eq!(failed.accid.as_deref(), Some("yx"));

    for body in [
        r#"{
    "reason": "1",
    "timestamp": "1653899015393",
    "callbackBody": "{\"attach\":\"attach\"}",
    "eventType": "83"
}"#,
        r#"{"eventType":"83","reason":"1","timestamp":"1700000000000","callbackBody":"{\"attach\":\"x\"}"}"#,
    ] {
        let CopyEvent::CallbackFailed(callback) = copy(body) else {
            panic!("a failed callback")
        };
        assert_eq!(callback.reason, Some(CallbackFailureReason::Timeout));
        assert!(callback.callback_body.unwrap().starts_with("{\"attach\""));
    }
}

/// S3, "请求示例": `msgId` and `modifyTime` as numbers, `eventType` as a string.
#[test]
fn s3_message_updated() {
    let event = copy(
        r#"{"from": "t3","to": "t2","msgId": 1223,"clientId": "dddd","eventType": "89","modifyAccountId": "t3","modifyTime": 1608877682237,"text": "dfsfsffs"}"#,
    );
    assert_eq!(event.event_type(), Some(89));
    let CopyEvent::MessageUpdated(update) = event else {
        panic!("an edit")
    };
    assert_eq!(update.kind, ConversationType::P2p);
    assert_eq!(update.message.msg_id, MessageServerId::new(1223));
    assert_eq!(
        update.message.client_id,
        Some(MessageClientId::from("dddd"))
    );
    assert_eq!(update.modify_account_id.as_deref(), Some("t3"));
    assert_eq!(update.modify_time, Some(1608877682237));
    assert_eq!(update.text.as_deref(), Some("dfsfsffs"));
    for (n, kind) in [
        (90, ConversationType::Team),
        (91, ConversationType::SuperTeam),
    ] {
        let body = format!(r#"{{"from":"a","to":"1","msgId":"1","eventType":{n}}}"#);
        let event = copy(&body);
        assert_eq!(event.event_type(), Some(n));
        assert!(matches!(event, CopyEvent::MessageUpdated(u) if u.kind == kind));
    }
}

/// The spec's V1 (modelled on S2): its exact bytes, as the signature vector signs them.
#[test]
fn v1_conversation() {
    let body = r#"{"eventType":"1","convType":"PERSON","to":"user_b","fromAccount":"user_a","fromClientType":"IOS","fromDeviceId":"dev-1","fromNick":"A","msgTimestamp":"1700000000000","msgType":"TEXT","body":"hello","msgidClient":"c-1","msgidServer":"1001","resendFlag":"0"}"#;
    assert_eq!(body.len(), 256);
    assert_eq!(
        body_md5(body.as_bytes()),
        "f258993a32cc3cbbd4adf16232f44b1f"
    );
    let c = conversation(body);
    assert_eq!(c.from_account, "user_a");
    assert_eq!(c.msgid_server.get(), 1001);
    assert_eq!(c.content, Some(MessageBody::Text("hello".into())));
}

/// A chatroom text that looks like JSON stays text; a custom attachment sent as text is JSON.
#[test]
fn chatroom_text_is_text_even_when_it_looks_like_json() {
    let base = r#""eventType":"4","roomId":"64","fromAccount":"a","msgTimestamp":"1""#;
    let text = chatroom(&format!(r#"{{{base},"msgType":"TEXT","attach":"[1,2]"}}"#));
    assert_eq!(text.content, Some(MessageBody::Text("[1,2]".into())));
    assert_eq!(text.attach, Some(json!("[1,2]")));
    let custom = chatroom(&format!(
        r#"{{{base},"msgType":"CUSTOM","attach":"{{\"kind\":1}}"}}"#
    ));
    assert_eq!(custom.attach, Some(json!({"kind": 1})));
}
