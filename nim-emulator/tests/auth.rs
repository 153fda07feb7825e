//! Authentication, method, content type and routing, over HTTP with hand-signed requests.
#![allow(clippy::unwrap_used)]

mod common;

use common::{FORM, Harness, KEY, SECRET, T0, form, set_header, signed_headers};
use nim_core::desc;
use reqwest::Method;

const CREATE: &str = "user/create.action";

#[tokio::test]
async fn a_correctly_signed_request_succeeds() {
    let h = Harness::start().await;
    let answer = h.call(CREATE, &[("accid", "zhangsan")]).await;
    assert_eq!(answer.status, 200);
    assert!(answer.content_type.starts_with("application/json"));
    assert_eq!(answer.code(), 200);
}

#[tokio::test]
async fn missing_appkey_is_414_naming_the_appkey() {
    let h = Harness::start().await;
    let answer = h
        .call_with(CREATE, &[("accid", "a")], |hs| {
            set_header(hs, "AppKey", None)
        })
        .await;
    answer.assert_error(414, desc::APPKEY);
    assert!(answer.as_error().is_appkey_failure());
    assert_eq!(h.emu.accounts(), vec![]);
}

#[tokio::test]
async fn wrong_appkey_is_414_naming_the_appkey() {
    let h = Harness::start().await;
    // Signed correctly with the right secret, but for another key.
    let answer = h
        .call_with(CREATE, &[("accid", "a")], |hs| {
            set_header(hs, "AppKey", Some("someone-elses-key"))
        })
        .await;
    answer.assert_error(414, desc::APPKEY);
    assert!(answer.as_error().is_appkey_failure());
    assert!(!answer.as_error().is_checksum_failure());
}

#[tokio::test]
async fn wrong_checksum_is_414_naming_the_checksum() {
    let h = Harness::start().await;
    let nonce = h.nonce();
    let headers = signed_headers(KEY, "wrong-secret", &nonce, T0);
    let answer = h
        .send(Method::POST, CREATE, &headers, form(&[("accid", "a")]))
        .await;
    answer.assert_error(414, desc::CHECKSUM);
    assert!(answer.as_error().is_checksum_failure());
    assert!(!answer.as_error().is_appkey_failure());

    // A checksum over another nonce than the one sent fails too.
    let answer = h
        .call_with(CREATE, &[("accid", "a")], |hs| {
            set_header(hs, "Nonce", Some("not-what-was-signed"))
        })
        .await;
    answer.assert_error(414, desc::CHECKSUM);

    let answer = h
        .call_with(CREATE, &[("accid", "a")], |hs| {
            set_header(hs, "CheckSum", None)
        })
        .await;
    answer.assert_error(414, desc::CHECKSUM);
    assert!(h.emu.account("a").is_none());
}

#[tokio::test]
async fn checksum_is_compared_case_insensitively() {
    let h = Harness::start().await;
    let answer = h
        .call_with(CREATE, &[("accid", "upper")], |hs| {
            let sum = hs.iter().find(|(n, _)| n == "CheckSum").unwrap().1.clone();
            set_header(hs, "CheckSum", Some(&sum.to_uppercase()));
        })
        .await;
    assert_eq!(answer.code(), 200, "{}", answer.body);
}

/// The CheckSum over the CurTime text exactly as written, computed with sha1 directly rather
/// than nim-core (whose `checksum` takes the time as a number).
fn checksum_over_text(secret: &str, nonce: &str, cur_time: &str) -> String {
    use sha1::{Digest, Sha1};
    hex::encode(Sha1::digest(format!("{secret}{nonce}{cur_time}")))
}

#[tokio::test]
async fn the_checksum_covers_curtime_as_sent_even_with_a_leading_zero() {
    let h = Harness::start().await;
    assert_eq!(
        checksum_over_text(SECRET, "n", &T0.to_string()),
        nim_core::checksum(SECRET, "n", T0)
    );
    let sent = format!("0{T0}"); // "01700000000": the same instant, other text
    let with_sum = |nonce: &str, check_sum: String| {
        vec![
            ("AppKey".to_owned(), KEY.to_owned()),
            ("Nonce".to_owned(), nonce.to_owned()),
            ("CurTime".to_owned(), sent.clone()),
            ("CheckSum".to_owned(), check_sum),
            ("Content-Type".to_owned(), FORM.to_owned()),
        ]
    };

    // Signed over the text sent: accepted.
    let nonce = h.nonce();
    let headers = with_sum(&nonce, checksum_over_text(SECRET, &nonce, &sent));
    let answer = h
        .send(Method::POST, CREATE, &headers, form(&[("accid", "zero")]))
        .await;
    assert_eq!(answer.code(), 200, "{}", answer.body);

    // Signed over the number re-formatted ("1700000000"), which is not what was sent: refused.
    let nonce = h.nonce();
    let headers = with_sum(&nonce, nim_core::checksum(SECRET, &nonce, T0));
    let answer = h
        .send(
            Method::POST,
            CREATE,
            &headers,
            form(&[("accid", "reformatted")]),
        )
        .await;
    answer.assert_error(414, desc::CHECKSUM);
    assert!(h.emu.account("reformatted").is_none());
}

#[tokio::test]
async fn curtime_more_than_300_s_away_is_expired() {
    let h = Harness::start().await;
    for cur_time in [T0 - 301, T0 + 301, 0, T0 * 1000] {
        let headers = signed_headers(KEY, SECRET, &h.nonce(), cur_time);
        let answer = h
            .send(Method::POST, CREATE, &headers, form(&[("accid", "late")]))
            .await;
        assert_eq!(answer.code(), 414, "CurTime {cur_time}");
        assert!(
            answer.desc().starts_with(desc::CURTIME_EXPIRED),
            "{}",
            answer.desc()
        );
        assert!(answer.as_error().is_curtime_expired());
        // A millisecond CurTime is told what unit it should be in.
        assert_eq!(
            answer.desc().contains("seconds"),
            cur_time == T0 * 1000,
            "{}",
            answer.desc()
        );
    }
    assert!(h.emu.account("late").is_none());

    // Exactly 300 s either way is still inside the window.
    for (accid, cur_time) in [("early", T0 - 300), ("ahead", T0 + 300)] {
        let headers = signed_headers(KEY, SECRET, &h.nonce(), cur_time);
        let answer = h
            .send(Method::POST, CREATE, &headers, form(&[("accid", accid)]))
            .await;
        assert_eq!(answer.code(), 200, "CurTime {cur_time}: {}", answer.body);
    }
}

#[tokio::test]
async fn malformed_or_missing_curtime_is_414_but_not_expired() {
    let h = Harness::start().await;
    for value in [None, Some("soon"), Some("-5"), Some("1.7e9")] {
        let answer = h
            .call_with(CREATE, &[("accid", "a")], |hs| {
                set_header(hs, "CurTime", value)
            })
            .await;
        answer.assert_error(414, "CurTime");
        assert!(!answer.as_error().is_curtime_expired(), "{value:?}");
    }
}

#[tokio::test]
async fn nonce_missing_or_over_128_characters_is_414() {
    let h = Harness::start().await;
    let answer = h
        .call_with(CREATE, &[("accid", "a")], |hs| {
            set_header(hs, "Nonce", None)
        })
        .await;
    answer.assert_error(414, "Nonce");

    let long = "n".repeat(129);
    let headers = signed_headers(KEY, SECRET, &long, T0);
    let answer = h
        .send(Method::POST, CREATE, &headers, form(&[("accid", "a")]))
        .await;
    answer.assert_error(414, "Nonce");

    let limit = "n".repeat(128);
    let headers = signed_headers(KEY, SECRET, &limit, T0);
    let answer = h
        .send(Method::POST, CREATE, &headers, form(&[("accid", "a")]))
        .await;
    assert_eq!(answer.code(), 200, "{}", answer.body);
}

#[tokio::test]
async fn a_nonce_seen_again_within_5_minutes_is_431() {
    let h = Harness::start().await;
    let headers = h.headers();
    let first = h
        .send(Method::POST, CREATE, &headers, form(&[("accid", "once")]))
        .await;
    assert_eq!(first.code(), 200);

    // The exact same request again (a replay), and the same nonce freshly signed later.
    let replay = h
        .send(Method::POST, CREATE, &headers, form(&[("accid", "twice")]))
        .await;
    replay.assert_error(431, "duplicate");
    let nonce = headers[1].1.clone();
    h.clock.advance(300);
    let resigned = signed_headers(KEY, SECRET, &nonce, T0 + 300);
    let answer = h
        .send(Method::POST, CREATE, &resigned, form(&[("accid", "twice")]))
        .await;
    answer.assert_error(431, "duplicate");
    assert!(h.emu.account("twice").is_none());

    // After the window the nonce is forgotten.
    h.clock.advance(1);
    let resigned = signed_headers(KEY, SECRET, &nonce, T0 + 301);
    let answer = h
        .send(Method::POST, CREATE, &resigned, form(&[("accid", "twice")]))
        .await;
    assert_eq!(answer.code(), 200, "{}", answer.body);
}

#[tokio::test]
async fn a_rejected_request_does_not_use_up_its_nonce() {
    let h = Harness::start().await;
    let nonce = h.nonce();
    let bad = signed_headers(KEY, "wrong-secret", &nonce, T0);
    let answer = h
        .send(Method::POST, CREATE, &bad, form(&[("accid", "a")]))
        .await;
    assert_eq!(answer.code(), 414);
    let good = signed_headers(KEY, SECRET, &nonce, T0);
    let answer = h
        .send(Method::POST, CREATE, &good, form(&[("accid", "a")]))
        .await;
    assert_eq!(answer.code(), 200, "{}", answer.body);
}

#[tokio::test]
async fn methods_other_than_post_get_an_error_answer() {
    let h = Harness::start().await;
    for method in [Method::GET, Method::PUT, Method::DELETE, Method::PATCH] {
        let answer = h
            .send(
                method.clone(),
                CREATE,
                &h.headers(),
                form(&[("accid", "a")]),
            )
            .await;
        answer.assert_error(414, "POST");
    }
    assert!(h.emu.account("a").is_none());
    assert_eq!(h.emu.request_count(CREATE), 4);
}

#[tokio::test]
async fn content_types_other_than_form_urlencoded_get_an_error_answer() {
    let h = Harness::start().await;
    for content_type in [
        Some("application/json"),
        Some("text/plain"),
        Some("application/x-www-form-urlencoded;charset=gbk"),
        None,
    ] {
        let answer = h
            .call_with(CREATE, &[("accid", "a")], |hs| {
                set_header(hs, "Content-Type", content_type)
            })
            .await;
        answer.assert_error(414, "Content-Type");
    }
    assert!(h.emu.account("a").is_none());

    // Without a charset, as the API's own curl examples send it, the request is accepted.
    let answer = h
        .call_with(CREATE, &[("accid", "a")], |hs| {
            set_header(
                hs,
                "Content-Type",
                Some("application/x-www-form-urlencoded"),
            )
        })
        .await;
    assert_eq!(answer.code(), 200, "{}", answer.body);
    assert_eq!(FORM, "application/x-www-form-urlencoded;charset=utf-8");
}

#[tokio::test]
async fn unknown_paths_get_a_404_style_json_answer() {
    let h = Harness::start().await;
    for path in [
        "user/delete.action",
        "demo/thing.action",
        "user/create.action/",
        "",
    ] {
        let answer = h.call(path, &[("accid", "a")]).await;
        assert_eq!(answer.status, 200, "{path}");
        answer.assert_error(404, "no such action");
    }
    // Outside /nimserver too, when signed.
    let answer = h
        .send(Method::GET, "../index.html", &h.headers(), String::new())
        .await;
    answer.assert_error(404, "no such action");
    // The signature is checked before routing: unsigned, an unknown path is an auth error.
    let url = h.emu.base_url().trim_end_matches("/nimserver").to_owned() + "/index.html";
    let response = h.http.get(url).send().await.unwrap();
    let body: serde_json::Value = serde_json::from_str(&response.text().await.unwrap()).unwrap();
    assert_eq!(body["code"], 414);
    assert!(body["desc"].as_str().unwrap().contains("appkey"), "{body}");
    assert_eq!(h.emu.request_count("/index.html"), 2);
    // Below /nimserver/im/ the answer has v2's shape.
    let answer = h
        .send(Method::GET, "im/v2/nothing", &h.headers(), String::new())
        .await;
    assert_eq!(answer.json()["code"], 404);
    assert!(
        answer.json()["msg"]
            .as_str()
            .unwrap()
            .contains("no such operation")
    );
}

#[tokio::test]
async fn an_oversized_body_gets_an_error_answer() {
    let h = Harness::start().await;
    // Over the 256 KiB the emulator reads. The server reads such a body to its end (up to
    // 4 MiB) before answering, so the client, still writing, is not cut off by a reset
    // whatever the socket buffers hold: 3 MiB is more than loopback buffers take.
    for size in [300 * 1024, 3 * 1024 * 1024] {
        let body = format!("accid=a&ex={}", "x".repeat(size));
        let answer = h.send(Method::POST, CREATE, &h.headers(), body).await;
        answer.assert_error(414, "body");
    }
    assert!(h.emu.account("a").is_none());
}

#[tokio::test]
async fn header_names_are_case_insensitive_on_the_wire() {
    let h = Harness::start().await;
    let headers: Vec<(String, String)> = h
        .headers()
        .into_iter()
        .map(|(n, v)| (n.to_uppercase(), v))
        .collect();
    let answer = h
        .send(Method::POST, CREATE, &headers, form(&[("accid", "shouty")]))
        .await;
    assert_eq!(answer.code(), 200, "{}", answer.body);
}
