//! `nim call` and `nim actions` as a user runs them, against the emulator binary: every
//! action of the catalogue is listed, actions of both versions are sent by each kind of name
//! with parameters from flags, inline JSON and stdin, and bad input is refused, named, before
//! anything reaches the server.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeSet;
use std::io::Write as _;
use std::process::{Command, Output, Stdio};

use common::*;
use serde_json::{Value, json};

/// `nim ARGS` with the emulator's credentials and URL (when given), `stdin` piped in.
fn nim(emu: Option<&Emu>, args: &[&str], stdin: Option<&str>) -> Output {
    let mut command = Command::new(NIM);
    command
        .args(args)
        .env("NIM_APP_KEY", KEY)
        .env("NIM_APP_SECRET", SECRET)
        .env_remove("NIM_BASE_URL")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(emu) = emu {
        command.args(["--base-url", &emu.base]);
    }
    let mut child = command.spawn().unwrap();
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    child.wait_with_output().unwrap()
}

/// The exit code, stdout as JSON (`Null` when empty) and stderr.
fn outcome(output: &Output) -> (Option<i32>, Value, String) {
    let stdout = String::from_utf8_lossy(&output.stdout);
    let json = if stdout.trim().is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"))
    };
    (
        output.status.code(),
        json,
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn nim_actions_lists_the_whole_catalogue_with_its_parameters() {
    let catalogue: BTreeSet<&str> = nim_api::catalogue().iter().map(|a| a.name).collect();

    let text = nim(None, &["actions"], None);
    assert_eq!(text.status.code(), Some(0));
    let text = String::from_utf8(text.stdout).unwrap();
    let listed: BTreeSet<&str> = text
        .lines()
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(listed, catalogue);
    assert_eq!(text.lines().count(), catalogue.len());

    let (code, json, _) = outcome(&nim(None, &["actions", "--json", "--verbose"], None));
    assert_eq!(code, Some(0));
    let listed: BTreeSet<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(listed, catalogue);
    let create = json
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["operation"] == "createAccount")
        .unwrap();
    assert_eq!(create["method"], "POST");
    assert_eq!(create["path"], "/im/v2/accounts");
    let info = create["params"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "user_information")
        .unwrap();
    assert!(
        info["members"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["name"] == "name" && m["rules"] == "max_len = 64"),
        "{info}"
    );

    // Filters: by any name, by version; verbose shows the rules of nested members.
    let text = nim(None, &["actions", "getuinfos", "--verbose"], None);
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.starts_with("user::GetUserInfos"), "{text}");
    assert!(text.contains("accids"), "{text}");
    let v2 = nim(None, &["actions", "--version", "v2"], None);
    let v2 = String::from_utf8(v2.stdout).unwrap();
    assert!(v2.lines().all(|l| l.starts_with("v2::")), "{v2}");
    assert_eq!(
        v2.lines().count(),
        catalogue.iter().filter(|n| n.starts_with("v2::")).count()
    );
    let none = nim(None, &["actions", "no-such-thing"], None);
    assert_eq!(none.status.code(), Some(1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nim_call_sends_actions_of_both_versions_by_every_kind_of_name() {
    let emu = Emu::start();
    let emu = &emu;

    // v1 by path, parameters from flags (a number as text).
    let (code, answer, err) = outcome(&nim(
        Some(emu),
        &[
            "call",
            "user/create.action",
            "-p",
            "accid=ZhangSan",
            "-p",
            "name=张三",
            "-p",
            "gender=1",
        ],
        None,
    ));
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(answer["code"], 200);
    assert_eq!(answer["info"]["accid"], "zhangsan");
    let token = answer["info"]["token"].as_str().unwrap().to_owned();
    assert_eq!(emu.tokens().await["zhangsan"], token);

    // v2 by operation name, inline JSON with a nested object.
    let (code, answer, err) = outcome(&nim(
        Some(emu),
        &[
            "call",
            "createAccount",
            "--compact",
            "--json",
            r#"{"account_id": "lisi", "user_information": {"name": "李四"}}"#,
        ],
        None,
    ));
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(answer["data"]["account_id"], "lisi");

    // v1 by catalogue name, JSON from stdin with a list; then the same list from repeated
    // flags, and by the type's own name.
    let listing = json!({"accids": ["zhangsan", "lisi"]}).to_string();
    let (code, by_stdin, err) = outcome(&nim(
        Some(emu),
        &["call", "user::GetUserInfos", "--json", "-"],
        Some(&listing),
    ));
    assert_eq!(code, Some(0), "{err}");
    let names: Vec<&str> = by_stdin["uinfos"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["张三", "李四"]);
    let (_, by_flags, _) = outcome(&nim(
        Some(emu),
        &[
            "call",
            "GetUserInfos",
            "-p",
            "accids=zhangsan",
            "-p",
            "accids=lisi",
        ],
        None,
    ));
    assert_eq!(by_flags, by_stdin);

    // v2 by route, a path parameter: the account v1 created, with its token.
    let (code, answer, err) = outcome(&nim(
        Some(emu),
        &[
            "call",
            "GET /im/v2/accounts/{account_id}",
            "-p",
            "account_id=zhangsan",
        ],
        None,
    ));
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(answer["data"]["account_id"], "zhangsan");
    assert_eq!(answer["data"]["token"], token.as_str());

    // Each call reached the server once, signed (the emulator refuses a bad signature).
    let requests = emu.requests().await;
    let paths: Vec<&str> = requests
        .iter()
        .map(|r| r["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            "/nimserver/user/create.action",
            "/nimserver/im/v2/accounts",
            "/nimserver/user/getUinfos.action",
            "/nimserver/user/getUinfos.action",
            "/nimserver/im/v2/accounts/zhangsan",
        ]
    );
    assert!(requests.iter().all(|r| r["code"] == 200), "{requests:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_is_refused_before_any_io_and_server_errors_exit_1() {
    let emu = Emu::start();
    let emu = &emu;
    let refused = |args: &[&str], wanted: &[&str]| {
        let (code, answer, err) = outcome(&nim(Some(emu), args, None));
        assert_eq!(code, Some(2), "{args:?}: {err}");
        assert_eq!(answer, Value::Null, "{args:?}");
        for want in wanted {
            assert!(err.contains(want), "{args:?}: {err}");
        }
    };
    refused(
        &["call", "user/create.action", "-p", "acid=x"],
        &["`acid` is not a parameter", "`accid`"],
    );
    refused(&["call", "user/create.action"], &["`accid`", "required"]);
    let long = format!("name={}", "n".repeat(65));
    refused(
        &["call", "user/create.action", "-p", "accid=x", "-p", &long],
        &["`name`", "at most 64"],
    );
    refused(
        &[
            "call",
            "user/create.action",
            "-p",
            "accid=x",
            "-p",
            "gender=man",
        ],
        &["`gender`"],
    );
    refused(&["call", "user/creat.action"], &["user::CreateUser"]);
    refused(
        &["call", "user/create.action", "-p", "accid"],
        &["NAME=VALUE"],
    );
    refused(
        &["call", "user/create.action", "--json", "[1]"],
        &["JSON object"],
    );
    assert!(
        emu.requests().await.is_empty(),
        "nothing reached the server"
    );

    // A missing credential is named.
    let output = Command::new(NIM)
        .args(["call", "user/create.action", "-p", "accid=x"])
        .args(["--base-url", &emu.base])
        .env("NIM_APP_KEY", KEY)
        .env_remove("NIM_APP_SECRET")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("NIM_APP_SECRET is not set"));

    // The server's refusal: exit 1, its code and the trace id to quote.
    let create = ["call", "user/create.action", "-p", "accid=wangwu"];
    assert_eq!(nim(Some(emu), &create, None).status.code(), Some(0));
    let (code, answer, err) = outcome(&nim(Some(emu), &create, None));
    assert_eq!(code, Some(1), "{err}");
    assert_eq!(answer, Value::Null);
    assert!(err.contains("code 414"), "{err}");
    let requests = emu.requests().await;
    let trace = requests.last().unwrap()["trace_id"].as_str().unwrap();
    assert!(err.contains(trace), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dry_run_shows_the_request_and_sends_nothing() {
    let emu = Emu::start();
    let (code, request, err) = outcome(&nim(
        Some(&emu),
        &[
            "call",
            "user/create.action",
            "--dry-run",
            "-p",
            "accid=ZhangSan",
            "-p",
            "gender=2",
        ],
        None,
    ));
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(request["method"], "POST");
    assert_eq!(
        request["url"],
        format!("{}/user/create.action", emu.base).as_str()
    );
    assert_eq!(request["body"], "accid=zhangsan&gender=2");
    assert_eq!(request["idempotent"], false);
    assert!(!request.to_string().contains(SECRET));

    // A v2 body is shown as JSON; no credentials are needed.
    let output = Command::new(NIM)
        .args([
            "call",
            "createAccount",
            "--dry-run",
            "-p",
            "account_id=lisi",
        ])
        .env_remove("NIM_APP_KEY")
        .env_remove("NIM_APP_SECRET")
        .env("NIM_BASE_URL", &emu.base)
        .output()
        .unwrap();
    let (code, request, err) = outcome(&output);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(request["body"], json!({"account_id": "lisi"}));
    assert_eq!(
        request["url"],
        format!("{}/im/v2/accounts", emu.base).as_str()
    );
    assert!(emu.requests().await.is_empty(), "nothing was sent");
}
