//! Running the emulator binary and the `nim` binary as processes, as a user would.
#![allow(dead_code, unreachable_pub, clippy::unwrap_used, clippy::expect_used)]

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use md5::{Digest, Md5};
use serde_json::{Value, json};

pub const KEY: &str = "import-test-key";
pub const SECRET: &str = "import-test-secret";

/// The `nim` binary under test.
pub const NIM: &str = env!("CARGO_BIN_EXE_nim");

/// The emulator to run: `NIM_EMULATOR_BIN`, else the `nim-emulator` binary beside the test
/// executable (target/<profile>/deps/.. when the workspace built it), else `nim emulator`
/// (the same code, through `nim_emulator::cli::run`).
pub fn emulator_command() -> Command {
    if let Some(bin) = std::env::var_os("NIM_EMULATOR_BIN") {
        return Command::new(bin);
    }
    let beside = std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.parent()?.join("nim-emulator")))
        .filter(|path| path.is_file());
    match beside {
        Some(bin) => Command::new(bin),
        None => {
            let mut command = Command::new(NIM);
            command.arg("emulator");
            command
        }
    }
}

/// A running emulator process, killed on drop.
pub struct Emu {
    child: Child,
    /// `http://127.0.0.1:PORT/nimserver`.
    pub base: String,
    /// `http://127.0.0.1:PORT`.
    pub root: String,
    http: reqwest::Client,
}

impl Emu {
    pub fn start() -> Emu {
        let mut child = emulator_command()
            .args(["--port", "0", "--app-key", KEY, "--request-log", "1000000"])
            .env("NIM_EMULATOR_APP_SECRET", SECRET)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        let base = first.trim_end().to_owned();
        assert!(base.starts_with("http://127.0.0.1:"), "{base:?}");
        let root = base.trim_end_matches("/nimserver").to_owned();
        let _ = rustls::crypto::ring::default_provider().install_default();
        let http = reqwest::Client::builder()
            .no_proxy()
            .timeout(Duration::from_secs(30))
            .build()
            .unwrap();
        Emu {
            child,
            base,
            root,
            http,
        }
    }

    pub async fn get(&self, path: &str) -> Value {
        let answer = self
            .http
            .get(format!("{}{path}", self.root))
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status(), 200, "{path}");
        answer.json().await.unwrap()
    }

    pub async fn post(&self, path: &str, body: Value) -> Value {
        let answer = self
            .http
            .post(format!("{}{path}", self.root))
            .body(body.to_string())
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status(), 200, "{path}");
        answer.json().await.unwrap()
    }

    /// Queues `times` faults of `kind` for `action` (e.g. `user/create.action`).
    pub async fn fault(&self, action: &str, kind: &str, times: u32) {
        let mut body =
            json!({"path": format!("/nimserver/{action}"), "kind": kind, "times": times});
        if kind == "api_code" {
            body["code"] = json!(416);
        }
        self.post("/_emulator/faults", body).await;
    }

    /// accid -> token of every account.
    pub async fn tokens(&self) -> HashMap<String, String> {
        let accounts = self.get("/_emulator/state/accounts").await;
        accounts
            .as_array()
            .unwrap()
            .iter()
            .map(|a| {
                (
                    a["accid"].as_str().unwrap().to_owned(),
                    a["token"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    }

    pub async fn requests(&self) -> Vec<Value> {
        self.get("/_emulator/requests")
            .await
            .as_array()
            .unwrap()
            .clone()
    }
}

impl Drop for Emu {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A fresh directory for one test.
pub fn workdir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("nim-cli-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes `n` accounts `{prefix}{i:05}` (a name each, a token of their own for every tenth).
pub fn write_accounts(path: &Path, prefix: &str, n: usize) -> Vec<String> {
    let mut text = String::from("accid,name,token,gender\n");
    let mut accids = Vec::with_capacity(n);
    for i in 0..n {
        let accid = format!("{prefix}{i:05}");
        let token = if i % 10 == 0 {
            format!("own-{i}")
        } else {
            String::new()
        };
        text.push_str(&format!("{accid},User {i},{token},{}\n", i % 3));
        accids.push(accid);
    }
    std::fs::write(path, text).unwrap();
    accids
}

/// `nim import INPUT --out OUT` with the emulator's URL and credentials, plus `extra`.
pub fn import_command(emu: &Emu, input: &Path, out: &Path, extra: &[&str]) -> Command {
    let mut command = Command::new(NIM);
    command
        .arg("import")
        .arg(input)
        .arg("--out")
        .arg(out)
        .args(["--base-url", &emu.base])
        .args(extra)
        .env("NIM_APP_KEY", KEY)
        .env("NIM_APP_SECRET", SECRET)
        .env_remove("NIM_BASE_URL")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    command
}

/// Waits for `child` (at most `limit`), answering its status and stderr.
pub fn finish(mut child: Child, limit: Duration) -> (ExitStatus, String) {
    let mut stderr = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut stderr, &mut text).unwrap();
        text
    });
    let deadline = Instant::now() + limit;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("nim did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    (status, reader.join().unwrap())
}

/// Sends `signal` (`-INT`, `-KILL`) to `child`.
pub fn signal(child: &Child, signal: &str) {
    let status = Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

/// How many accounts the journal at `path` says are done.
pub fn journal_done(path: &Path) -> usize {
    std::fs::read_to_string(path).map_or(0, |text| {
        text.lines()
            .filter(|l| {
                l.contains(r#""op":"created""#)
                    || l.contains(r#""op":"refreshed""#)
                    || l.contains(r#""op":"skipped""#)
            })
            .count()
    })
}

/// Waits until the journal says at least `n` accounts are done (the import is then midway).
pub fn wait_for_done(journal: &Path, n: usize, child: &mut Child) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while journal_done(journal) < n {
        assert!(
            child.try_wait().unwrap().is_none(),
            "nim exited before {n} accounts were done"
        );
        assert!(Instant::now() < deadline, "{n} accounts not done in time");
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// The trace id `nim import` sends every create of `accid` with (computed here independently).
pub fn create_trace_id(accid: &str) -> String {
    hex::encode(Md5::digest(format!(
        "nim import create {}",
        accid.to_ascii_lowercase()
    )))
}

/// The `accid,token` rows of a tokens file.
pub fn read_tokens(path: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("accid,token"));
    lines
        .map(|l| {
            let (accid, token) = l.split_once(',').unwrap();
            (accid.to_owned(), token.to_owned())
        })
        .collect()
}

/// The checks of every import: each account of `accids` was created exactly once (the
/// request log has one create that acted per accid, and none after it), none was answered
/// "already registered", and the tokens file has every account once with the emulator's
/// token. Answers the create requests per fault kind.
pub async fn assert_created_once_and_tokens_match(
    emu: &Emu,
    accids: &[String],
    tokens_path: &Path,
) -> HashMap<String, usize> {
    let by_trace: HashMap<String, &String> =
        accids.iter().map(|a| (create_trace_id(a), a)).collect();
    let mut creates: HashMap<&String, Vec<&Value>> = HashMap::new();
    let log = emu.requests().await;
    let mut faults = HashMap::new();
    for request in &log {
        if !request["path"]
            .as_str()
            .unwrap()
            .ends_with("/user/create.action")
        {
            continue;
        }
        let trace = request["trace_id"]
            .as_str()
            .expect("every create has a trace id");
        let accid = by_trace
            .get(trace)
            .unwrap_or_else(|| panic!("a create with an unknown trace id: {request}"));
        creates.entry(*accid).or_default().push(request);
        if let Some(kind) = request["fault"].as_str() {
            *faults.entry(kind.to_owned()).or_insert(0) += 1;
        }
    }
    for accid in accids {
        let list = creates
            .get(accid)
            .unwrap_or_else(|| panic!("{accid} was never created"));
        // A create acted when it was answered 200, or when the emulator acted and then
        // spoiled the answer (reset, delay, truncated).
        let acted = |r: &Value| {
            r["code"] == 200 || matches!(r["fault"].as_str(), Some("reset" | "delay" | "truncated"))
        };
        let first = list
            .iter()
            .position(|r| acted(r))
            .unwrap_or_else(|| panic!("no create of {accid} acted: {list:?}"));
        assert_eq!(
            first,
            list.len() - 1,
            "{accid} was sent again after a create that acted: {list:?}"
        );
        assert!(
            list.iter().all(|r| r["code"] != 414),
            "{accid}: a create answered 414: {list:?}"
        );
    }
    let state = emu.tokens().await;
    assert_eq!(state.len(), accids.len(), "accounts in the emulator");
    let rows = read_tokens(tokens_path);
    let unique: HashSet<&String> = rows.iter().map(|(a, _)| a).collect();
    assert_eq!(
        unique.len(),
        rows.len(),
        "an accid appears twice in the tokens file"
    );
    assert_eq!(rows.len(), accids.len(), "rows in the tokens file");
    for (accid, token) in &rows {
        assert_eq!(state.get(accid), Some(token), "{accid}'s token");
    }
    faults
}
