//! `nim import` against the emulator binary, as a user runs it: interrupted with SIGINT,
//! killed with SIGKILL, resumed, faulted; then the emulator's request log and state show
//! every account created exactly once and every token in the output.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::Duration;

use common::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_thousand_accounts_survive_sigint_and_sigkill_and_are_created_once() {
    let emu = Emu::start();
    let dir = workdir("ten-thousand");
    let input = dir.join("accounts.csv");
    let out = dir.join("tokens.csv");
    let journal = dir.join("tokens.csv.journal");
    let accids = write_accounts(&input, "acc", 10_000);
    let args = ["--rate", "2500", "--concurrency", "16", "--quiet"];

    // 1. Ctrl-C midway: in-flight calls finish, exit 130 with how to resume.
    let mut child = import_command(&emu, &input, &out, &args).spawn().unwrap();
    wait_for_done(&journal, 2_000, &mut child);
    signal(&child, "-INT");
    let (status, stderr) = finish(child, Duration::from_secs(30));
    assert_eq!(status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("run the same command again"), "{stderr}");
    let after_int = journal_done(&journal);
    assert!(after_int < 10_000, "the import finished before the signal");
    // What the journal holds is in the tokens file.
    assert_eq!(read_tokens(&out).len(), after_int);

    // 2. kill -9 midway: nothing flushed at exit, calls in flight abandoned.
    let mut child = import_command(&emu, &input, &out, &args).spawn().unwrap();
    wait_for_done(&journal, after_int + 3_000, &mut child);
    signal(&child, "-KILL");
    let (status, _) = finish(child, Duration::from_secs(10));
    assert_eq!(status.code(), None, "killed by the signal");
    assert!(
        journal_done(&journal) < 10_000,
        "the import finished before the kill"
    );

    // 3. Resume to the end.
    let child = import_command(
        &emu,
        &input,
        &out,
        &["--rate", "2500", "--concurrency", "16"],
    )
    .spawn()
    .unwrap();
    let (status, stderr) = finish(child, Duration::from_secs(60));
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("resuming from"), "{stderr}");
    assert!(stderr.contains(" 0 failed"), "{stderr}");

    assert_created_once_and_tokens_match(&emu, &accids, &out).await;
    // Accounts that brought their own token kept it.
    let state = emu.tokens().await;
    assert_eq!(state["acc00010"], "own-10");
    let failures = std::fs::read_to_string(dir.join("tokens.csv.failures")).unwrap();
    assert_eq!(failures, "line,accid,reason\n");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn faults_during_an_import_lose_nothing_and_duplicate_nothing() {
    let emu = Emu::start();
    let dir = workdir("faults");
    let input = dir.join("accounts.csv");
    let out = dir.join("tokens.csv");
    let accids = write_accounts(&input, "flt", 1_500);
    // A few faults of each kind queued before the import starts...
    for kind in ["reset", "status_502", "api_code", "truncated"] {
        emu.fault("user/create.action", kind, 2).await;
    }
    let child = import_command(
        &emu,
        &input,
        &out,
        &[
            "--rate",
            "1000",
            "--concurrency",
            "8",
            "--block-secs",
            "0.2",
        ],
    )
    .spawn()
    .unwrap();
    // ... and more while it runs, on the create and on the calls that resolve unknown
    // outcomes.
    let kinds = ["reset", "status_502", "api_code", "truncated"];
    for round in 0..24 {
        tokio::time::sleep(Duration::from_millis(40)).await;
        emu.fault("user/create.action", kinds[round % 4], 1).await;
        if round % 3 == 0 {
            emu.fault("user/getUinfos.action", kinds[(round / 3) % 4], 1)
                .await;
            emu.fault("user/refreshToken.action", kinds[(round / 3 + 1) % 4], 1)
                .await;
        }
    }
    let (status, stderr) =
        tokio::task::spawn_blocking(move || finish(child, Duration::from_secs(60)))
            .await
            .unwrap();
    assert_eq!(status.code(), Some(0), "{stderr}");
    let faults = assert_created_once_and_tokens_match(&emu, &accids, &out).await;
    for kind in ["reset", "status_502", "api_code", "truncated"] {
        assert!(
            faults.get(kind).copied().unwrap_or(0) >= 2,
            "{kind}: {faults:?}"
        );
    }
    // Resets and cut answers left creates whose outcome was unknown: recovered by refresh.
    assert!(!stderr.contains(" 0 recovered"), "{stderr}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn existing_accounts_are_refreshed_or_skipped_never_lost() {
    let emu = Emu::start();
    let dir = workdir("existing");
    let first = dir.join("first.csv");
    write_accounts(&first, "ex", 5);
    let (status, stderr) = finish(
        import_command(&emu, &first, &dir.join("first-tokens.csv"), &[])
            .spawn()
            .unwrap(),
        Duration::from_secs(30),
    );
    assert_eq!(status.code(), Some(0), "{stderr}");

    // The same 5 and 5 more, skipping the existing ones.
    let all = dir.join("all.csv");
    let accids = write_accounts(&all, "ex", 10);
    let skipped_out = dir.join("skip.csv");
    let (status, stderr) = finish(
        import_command(&emu, &all, &skipped_out, &["--existing", "skip"])
            .spawn()
            .unwrap(),
        Duration::from_secs(30),
    );
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("5 created"), "{stderr}");
    assert!(stderr.contains("5 skipped"), "{stderr}");
    let skipped = std::fs::read_to_string(dir.join("skip.csv.skipped")).unwrap();
    for accid in &accids[..5] {
        assert!(
            skipped.contains(&format!("\n{accid},already registered")),
            "{skipped}"
        );
    }
    assert_eq!(read_tokens(&skipped_out).len(), 5);

    // Refreshing (the default): every account gets a token, the existing ones a new one.
    let refreshed_out = dir.join("refresh.csv");
    let (status, stderr) = finish(
        import_command(&emu, &all, &refreshed_out, &[])
            .spawn()
            .unwrap(),
        Duration::from_secs(30),
    );
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("10 refreshed"), "{stderr}");
    let state = emu.tokens().await;
    let rows = read_tokens(&refreshed_out);
    assert_eq!(rows.len(), 10);
    for (accid, token) in rows {
        assert_eq!(state[&accid], token);
    }
}

#[test]
fn bad_rows_go_to_the_failures_file_with_their_line_and_the_rest_is_imported() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let emu = Emu::start();
    let dir = workdir("bad-rows");
    let input = dir.join("accounts.jsonl");
    std::fs::write(
        &input,
        "{\"accid\":\"good1\",\"name\":\"G\"}\n\
         {\"accid\":\"bad accid\"}\n\
         {not json\n\
         {\"accid\":\"GOOD1\"}\n\
         {\"accid\":\"good2\",\"gender\":7}\n\
         {\"accid\":\"good3\"}\n",
    )
    .unwrap();
    let out = dir.join("tokens.csv");
    let (status, stderr) = finish(
        import_command(&emu, &input, &out, &[]).spawn().unwrap(),
        Duration::from_secs(30),
    );
    assert_eq!(status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("4 rows failed"), "{stderr}");
    assert!(stderr.contains("tokens.csv.failures"), "{stderr}");
    let failures = std::fs::read_to_string(dir.join("tokens.csv.failures")).unwrap();
    let lines: Vec<&str> = failures.lines().collect();
    assert_eq!(lines[0], "line,accid,reason");
    assert!(
        lines[1].starts_with("2,bad accid,\"invalid: "),
        "{failures}"
    );
    assert!(lines[2].starts_with("3,,malformed JSON"), "{failures}");
    assert_eq!(lines[3], "4,GOOD1,duplicate accid (first on line 1)");
    assert!(
        lines[4].starts_with("5,good2,\"gender \"\"7\"\""),
        "{failures}"
    );
    let rows = read_tokens(&out);
    assert_eq!(
        rows.iter().map(|(a, _)| a.as_str()).collect::<Vec<_>>(),
        ["good1", "good3"]
    );
    let state = rt.block_on(emu.tokens());
    assert_eq!(state.len(), 2);
}

#[test]
fn a_missing_credential_is_named_with_exit_status_2() {
    let dir = workdir("no-credentials");
    let input = dir.join("a.csv");
    std::fs::write(&input, "accid\nx\n").unwrap();
    for (set, missing) in [
        ("NIM_APP_SECRET", "NIM_APP_KEY"),
        ("NIM_APP_KEY", "NIM_APP_SECRET"),
    ] {
        let output = std::process::Command::new(NIM)
            .args(["import", input.to_str().unwrap(), "--out"])
            .arg(dir.join("t.csv"))
            .env_remove("NIM_APP_KEY")
            .env_remove("NIM_APP_SECRET")
            .env(set, "value")
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2));
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(
            stderr.contains(&format!("{missing} is not set")),
            "{stderr}"
        );
        assert!(!dir.join("t.csv").exists());
    }
}

#[test]
fn dry_run_checks_every_row_and_sends_nothing() {
    let dir = workdir("dry-run");
    let input = dir.join("a.csv");
    std::fs::write(&input, "accid,name\nok,x\nbad!,y\nok,z\n").unwrap();
    let output = std::process::Command::new(NIM)
        .args(["import", input.to_str().unwrap(), "--dry-run", "--out"])
        .arg(dir.join("t.csv"))
        .env_remove("NIM_APP_KEY")
        .env_remove("NIM_APP_SECRET")
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("1 valid, 2 failed"), "{stderr}");
    assert!(!dir.join("t.csv").exists());
    assert!(!dir.join("t.csv.journal").exists());
    let failures = std::fs::read_to_string(dir.join("t.csv.failures")).unwrap();
    assert_eq!(failures.lines().count(), 3, "{failures}");
}

#[test]
fn nim_emulator_takes_the_emulator_binary_flags() {
    let output = std::process::Command::new(NIM)
        .args(["emulator", "--help"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let help = String::from_utf8(output.stdout).unwrap();
    for flag in [
        "--port",
        "--app-key",
        "--app-secret",
        "--request-log",
        "--callback-url",
    ] {
        assert!(help.contains(flag), "{help}");
    }
    assert!(help.contains("Usage: nim emulator"), "{help}");
    let output = std::process::Command::new(NIM)
        .args(["emulator", "--app-key", "k"])
        .env_remove("NIM_EMULATOR_APP_SECRET")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("NIM_EMULATOR_APP_SECRET"), "{stderr}");
}

#[test]
fn an_account_in_flight_whose_row_left_the_input_is_resolved_not_lost() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let emu = Emu::start();
    let dir = workdir("orphans");
    let input = dir.join("accounts.csv");
    let out = dir.join("tokens.csv");
    // An earlier run stopped with two creates in flight: `orph1`'s reached the server,
    // `orph2`'s did not. Their rows have since been dropped from the input.
    let created = std::process::Command::new(NIM)
        .args(["call", "user/create.action", "-p", "accid=orph1"])
        .args(["--base-url", &emu.base])
        .env("NIM_APP_KEY", KEY)
        .env("NIM_APP_SECRET", SECRET)
        .output()
        .unwrap();
    assert_eq!(created.status.code(), Some(0));
    std::fs::write(
        dir.join("tokens.csv.journal"),
        "{\"journal\":\"nim import\",\"version\":1}\n\
         {\"op\":\"sending\",\"accid\":\"orph1\",\"line\":2}\n\
         {\"op\":\"sending\",\"accid\":\"orph2\",\"line\":3}\n",
    )
    .unwrap();
    std::fs::write(&input, "accid\nstays\n").unwrap();

    let (status, stderr) = finish(
        import_command(&emu, &input, &out, &[]).spawn().unwrap(),
        Duration::from_secs(30),
    );
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("2 in flight"), "{stderr}");
    assert!(
        stderr.contains("2 accids in flight in an earlier run are no longer in the input"),
        "{stderr}"
    );
    let state = rt.block_on(emu.tokens());
    let rows: std::collections::HashMap<String, String> = read_tokens(&out).into_iter().collect();
    // orph1 exists: its token was unknown, so it got a new one, which is in the output.
    assert_eq!(rows["orph1"], state["orph1"]);
    assert_eq!(rows["stays"], state["stays"]);
    // orph2 was never created, and is not created now.
    assert!(!state.contains_key("orph2"));
    assert_eq!(rows.len(), 2);
    let journal = std::fs::read_to_string(dir.join("tokens.csv.journal")).unwrap();
    assert!(
        journal.contains("{\"op\":\"failed\",\"accid\":\"orph2\",\"reason\":\"no longer in the input, and never created\"}"),
        "{journal}"
    );

    // A rerun has nothing left in flight.
    let (status, stderr) = finish(
        import_command(&emu, &input, &out, &[]).spawn().unwrap(),
        Duration::from_secs(30),
    );
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("0 in flight"), "{stderr}");
}

#[test]
fn an_unusable_input_leaves_no_output_files_and_exits_2() {
    let emu = Emu::start();
    let dir = workdir("unusable-input");
    let out = dir.join("t.csv");
    let bad_header = dir.join("bad.csv");
    std::fs::write(&bad_header, "accid,nickname\nx,y\n").unwrap();
    for input in [dir.join("missing.csv"), bad_header] {
        let (status, stderr) = finish(
            import_command(&emu, &input, &out, &[]).spawn().unwrap(),
            Duration::from_secs(30),
        );
        assert_eq!(status.code(), Some(2), "{stderr}");
        let left: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|name| name.starts_with("t.csv"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }
}

#[test]
fn one_import_per_out_at_a_time_and_sigterm_stops_it_cleanly() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let emu = Emu::start();
    let dir = workdir("lock-and-sigterm");
    let input = dir.join("accounts.csv");
    let out = dir.join("tokens.csv");
    let journal = dir.join("tokens.csv.journal");
    let accids = write_accounts(&input, "trm", 300);
    let slow = ["--rate", "40", "--quiet"];
    let mut first = import_command(&emu, &input, &out, &slow).spawn().unwrap();
    wait_for_done(&journal, 5, &mut first);

    // While it runs, a second import and a dry run on the same --out are refused.
    for extra in [&slow[..], &["--dry-run"][..]] {
        let (status, stderr) = finish(
            import_command(&emu, &input, &out, extra).spawn().unwrap(),
            Duration::from_secs(30),
        );
        assert_eq!(status.code(), Some(2), "{extra:?}: {stderr}");
        assert!(stderr.contains("another `nim import`"), "{stderr}");
    }

    // SIGTERM (a service manager stopping it) is a clean stop, like Ctrl-C.
    signal(&first, "-TERM");
    let (status, stderr) = finish(first, Duration::from_secs(30));
    assert_eq!(status.code(), Some(143), "{stderr}");
    assert!(stderr.contains("run the same command again"), "{stderr}");
    assert!(journal_done(&journal) < 300, "finished before the signal");

    let (status, stderr) = finish(
        import_command(&emu, &input, &out, &["--rate", "0"])
            .spawn()
            .unwrap(),
        Duration::from_secs(60),
    );
    assert_eq!(status.code(), Some(0), "{stderr}");
    rt.block_on(assert_created_once_and_tokens_match(&emu, &accids, &out));
}
