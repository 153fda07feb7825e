//! `nim_api::catalogue()`: every declared action listed exactly once, every listed action a
//! path of the official inventories (`docs/spec/`), named by the naming rule, and served by
//! the emulator (a walk over the catalogue: no action answers "no such action").

#![allow(clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

use std::collections::{HashMap, HashSet};

use nim_emulator::Emulator;
use walk::root;

mod walk;

/// `(method, path)` -> operation name (v2) or "" (v1), from the two inventories.
fn inventory() -> HashMap<(String, String), String> {
    walk::inventory()
        .into_iter()
        .map(|line| ((line.method, line.path), line.op))
        .collect()
}

/// Whether the module at `path` (below nim-api's `src`) is declared `pub mod` by its parent.
fn is_public(src: &std::path::Path, path: &[String]) -> bool {
    let (name, parents) = path.split_last().unwrap();
    let parent = parents.iter().fold(src.to_path_buf(), |dir, p| dir.join(p));
    let file = if parents.is_empty() {
        parent.join("lib.rs")
    } else {
        let dir_mod = parent.join("mod.rs");
        if dir_mod.exists() {
            dir_mod
        } else {
            parent.with_extension("rs")
        }
    };
    let text = std::fs::read_to_string(file).unwrap_or_default();
    text.lines()
        .any(|line| line.trim() == format!("pub mod {name};"))
}

/// The names (`user::CreateUser`, `v2::account::CreateAccount`) of every struct deriving
/// `Endpoint` in nim-api's sources, read from the text.
fn declared() -> Vec<String> {
    let src = root().join("nim-api/src");
    let mut names = Vec::new();
    let mut dirs = vec![src.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let rel = path.strip_prefix(&src).unwrap().with_extension("");
            let mut module: Vec<String> = rel
                .iter()
                .map(|p| p.to_string_lossy().into_owned())
                .collect();
            if module.last().is_some_and(|m| m == "mod" || m == "lib") {
                module.pop();
            }
            // A family's private files (`user/account.rs`, declared `mod account;`)
            // re-export into the family module: the public path stops at the first module
            // that its parent does not declare `pub mod`.
            if let Some(private) = (0..module.len()).find(|&i| !is_public(&src, &module[..=i])) {
                module.truncate(private);
            }
            let mut derives = false;
            for line in text.lines() {
                let line = line.trim();
                if line.starts_with("#[derive(") && line.contains("Endpoint)") {
                    derives = true;
                } else if derives && line.starts_with("pub struct ") {
                    let name = line["pub struct ".len()..]
                        .split(|c: char| !c.is_alphanumeric() && c != '_')
                        .next()
                        .unwrap();
                    names.push(format!("{}::{name}", module.join("::")));
                    derives = false;
                }
            }
        }
    }
    names.sort();
    names
}

fn upper_camel(op: &str) -> String {
    let mut chars = op.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

#[test]
fn every_declared_action_is_listed_once_and_known_to_the_inventories() {
    let catalogue = nim_api::catalogue();
    assert!(catalogue.len() >= 25, "{}", catalogue.len());
    let mut listed: Vec<String> = catalogue.iter().map(|a| a.name.to_owned()).collect();
    listed.sort();
    let unique: HashSet<&String> = listed.iter().collect();
    assert_eq!(unique.len(), listed.len(), "an action is listed twice");
    assert_eq!(
        listed,
        declared(),
        "declared actions and the catalogue differ"
    );

    let known = inventory();
    for action in catalogue {
        let op = known
            .get(&(action.method.to_owned(), action.path.to_owned()))
            .unwrap_or_else(|| panic!("{} {} is in no inventory", action.method, action.path));
        if let Some(rest) = action.name.strip_prefix("v2::") {
            let (family, name) = rest.split_once("::").unwrap();
            assert_eq!(
                name,
                upper_camel(op),
                "{}: named after the SDK operation",
                action.name
            );
            assert!(family.chars().all(|c| c.is_ascii_lowercase() || c == '_'));
        }
    }
    let v1 = catalogue
        .iter()
        .filter(|a| !a.path.starts_with('/'))
        .count();
    let v2 = catalogue.len() - v1;
    println!("catalogue: {v1} v1 paths, {v2} v2 operations");
}

#[tokio::test]
async fn the_emulator_serves_every_listed_action() {
    let emu = Emulator::start("walk-key", "walk-secret").await.unwrap();
    let unknown = nim_api::ActionInfo::of::<Unknown>("Unknown");
    for (i, action) in nim_api::catalogue().iter().chain([&unknown]).enumerate() {
        let reply = walk::signed_call(&emu, action.method, action.path, i);
        let code = reply.api_code();
        assert!(code.is_some(), "{} answered no JSON code", action.name);
        if action.name == "Unknown" {
            // The walk can tell: an action the emulator lacks answers 404.
            assert_eq!(code, Some(404), "{:?}", reply.msg());
        } else {
            assert_ne!(
                code,
                Some(404),
                "{} {} is not served: {:?}",
                action.method,
                action.path,
                reply.msg()
            );
        }
    }
}

/// An action no emulator family serves.
#[derive(nim_api::Endpoint)]
#[nim(path = "user/noSuchThing.action")]
struct Unknown {}
