//! What the catalogue walks share: the two official inventories read line by line, and one
//! signed call to the emulator for a (method, path) with its placeholders filled. Each walk
//! uses a part of it, hence the allowance.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use nim_emulator::{Emulator, Reply};

/// One line of `docs/spec/v1-paths.txt` or `docs/spec/v2-ops.txt`.
#[derive(Debug, Clone)]
pub struct Line {
    /// `POST`, `GET`, ...
    pub method: String,
    /// As the inventory writes it: `user/create.action` or `/im/v2/accounts/{account_id}`.
    pub path: String,
    /// The family the inventory files it under.
    pub family: String,
    /// The v2 operation name; empty for v1.
    pub op: String,
    /// For a line marked `#disagree`: which SDK sends this method (`Java`, `Go`).
    pub disagree: Option<&'static str>,
}

impl Line {
    /// Whether this is a v2 line.
    pub fn is_v2(&self) -> bool {
        self.path.starts_with('/')
    }
}

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every line of both inventories, v1 first, in file order.
pub fn inventory() -> Vec<Line> {
    let mut lines = Vec::new();
    for file in ["docs/spec/v1-paths.txt", "docs/spec/v2-ops.txt"] {
        let text = std::fs::read_to_string(root().join(file)).unwrap();
        for raw in text.lines().filter(|l| !l.trim().is_empty()) {
            let parts: Vec<&str> = raw.split_whitespace().collect();
            let v2 = parts[1].starts_with('/');
            let marked = parts.contains(&"#disagree");
            let disagree = marked.then(|| {
                if parts.iter().any(|p| p.starts_with("[G")) {
                    "Go"
                } else {
                    "Java"
                }
            });
            lines.push(Line {
                method: parts[0].to_owned(),
                path: parts[1].to_owned(),
                family: parts[2].to_owned(),
                op: if v2 {
                    parts[3].to_owned()
                } else {
                    String::new()
                },
                disagree,
            });
        }
    }
    lines
}

/// `method path` signed with the walk's credentials, path placeholders replaced by
/// `walker`, against `emu` (an emulator started for `walk-key`/`walk-secret`). `i` keeps
/// the nonces apart.
pub fn signed_call(emu: &Emulator, method: &str, path: &str, i: usize) -> Reply {
    let path = if path.starts_with('/') {
        let mut filled = path.to_owned();
        while let (Some(open), Some(close)) = (filled.find('{'), filled.find('}')) {
            filled.replace_range(open..=close, "walker");
        }
        format!("/nimserver{filled}")
    } else {
        format!("/nimserver/{path}")
    };
    let now = emu.now_unix();
    let nonce = format!("walk-nonce-{i}");
    let sum = nim_api::checksum("walk-secret", &nonce, now);
    let cur_time = now.to_string();
    emu.handle(
        method,
        &path,
        &[
            ("AppKey", "walk-key"),
            ("Nonce", &nonce),
            ("CurTime", &cur_time),
            ("CheckSum", &sum),
        ],
        b"",
    )
}
