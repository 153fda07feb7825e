//! Where the generated code finds the core: `<crate>::__private`.
//!
//! Generated code must never rely on what the user happens to have imported, nor on a crate
//! they do not depend on directly. A crate that depends only on `nim-api` reaches the core
//! through `nim_api::__private`; one that depends on `nim-core` (+ `nim-macros`) through
//! `nim_core::__private`. The user's manifest (`$CARGO_MANIFEST_DIR/Cargo.toml`) says which.
//!
//! *Where* a crate is declared matters as much as whether it is: a library sees only its
//! `[dependencies]`, while its tests, examples and benches also see `[dev-dependencies]`, and
//! the macro cannot tell which of these it is expanding in. So it picks the crate that every
//! target of the package sees, in this order:
//!
//! 1. the package itself, when it is `nim-api` or `nim-core` (its doctests and examples, or
//!    its library through `extern crate self as nim_api;`);
//! 2. `nim-api`, then `nim-core`, in `[dependencies]` or `[target.'cfg(..)'.dependencies]`;
//! 3. `nim-api`, then `nim-core`, in `[dev-dependencies]` (or a target's), for a package that
//!    uses them only in its tests, like our `tests/`.
//!
//! A dependency is recognised by its package name, so a rename (`im = { package = "nim-api" }`,
//! also when declared in `[workspace.dependencies]`) is referred to by its new name.
//! `[build-dependencies]` are never visible to the code being expanded and are ignored.
//!
//! The manifest is read with `toml_edit`, the parser `proc-macro-crate` uses (whose answer
//! does not say which table a crate came from).

use std::cell::OnceCell;
use std::path::{Path, PathBuf};

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;
use toml_edit::{DocumentMut, Item, TableLike};

/// The package users depend on.
const API: &str = "nim-api";
/// The package that holds `__private` (re-exported by `nim-api`).
const CORE: &str = "nim-core";

/// What every error about resolution ends with.
const REMEDY: &str = "add `nim-api` to `[dependencies]`, or name the crate with \
                      `#[nim(crate = path)]` on the struct, like `#[nim(crate = nim_api)]`";

/// The path to the hidden module, for the crate being compiled.
pub(crate) fn resolve() -> syn::Result<TokenStream> {
    let name = find().map_err(|problem| {
        syn::Error::new(
            Span::call_site(),
            format!(
                "`#[derive(Endpoint)]` cannot find `nim-api` or `nim-core`: {problem}; {REMEDY}"
            ),
        )
    })?;
    // A dependency's name in Rust is its key with `-` made `_`; cargo only accepts keys that
    // make an identifier, but a proc-macro must not panic on a surprising one.
    let ident = syn::parse_str::<Ident>(&name).map_err(|_| {
        syn::Error::new(
            Span::call_site(),
            format!(
                "`#[derive(Endpoint)]` found the core as `{name}`, which is not an identifier; \
                 name the crate with `#[nim(crate = path)]`"
            ),
        )
    })?;
    Ok(quote!(::#ident::__private))
}

/// Reads the manifest of the crate being compiled and picks the crate's name in Rust.
fn find() -> Result<String, String> {
    let dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .ok_or("`CARGO_MANIFEST_DIR` is not set (the crate is not built by Cargo)")?;
    let path = dir.join("Cargo.toml");
    let manifest = read(&path)?;
    choose(&manifest, || workspace_manifest(&dir, &manifest))
        .ok_or_else(|| "neither is a dependency in this crate's `Cargo.toml`".to_owned())
}

/// Parses one manifest; the error says which file and why.
fn read(path: &Path) -> Result<DocumentMut, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| format!("cannot read `{}`: {error}", path.display()))?;
    text.parse::<DocumentMut>()
        .map_err(|error| format!("cannot parse `{}`: {error}", path.display()))
}

/// The manifest of the workspace the package belongs to, for the package names of
/// `workspace = true` dependencies: the one `package.workspace` names, else the nearest
/// ancestor manifest with a `[workspace]` (as Cargo finds it). `None` when there is none or it
/// cannot be read; the package names are then taken to be the keys.
fn workspace_manifest(dir: &Path, manifest: &DocumentMut) -> Option<DocumentMut> {
    let explicit = manifest
        .get("package")
        .and_then(|package| package.get("workspace"))
        .and_then(Item::as_str);
    if let Some(root) = explicit {
        return read(&dir.join(root).join("Cargo.toml")).ok();
    }
    dir.ancestors()
        .skip(1)
        .map(|ancestor| ancestor.join("Cargo.toml"))
        .filter(|path| path.is_file())
        .filter_map(|path| read(&path).ok())
        .find(|candidate| candidate.contains_key("workspace"))
}

/// Where a dependency is declared, best first.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Kind {
    /// `[dependencies]`: seen by every target.
    Normal,
    /// `[dev-dependencies]`: seen by tests, examples and benches only.
    Dev,
}

/// The crate's name in Rust (`nim_api`, or the rename), or `None` when neither package is
/// the package itself nor a dependency. `workspace` is called at most once, and only when a
/// dependency is inherited from the workspace.
fn choose(
    manifest: &DocumentMut,
    workspace: impl FnOnce() -> Option<DocumentMut>,
) -> Option<String> {
    let own = manifest
        .get("package")
        .and_then(|package| package.get("name"))
        .and_then(Item::as_str);
    if let Some(own @ (API | CORE)) = own {
        return Some(rust_name(own));
    }

    // Loaded on first use; a manifest that is its own workspace root is not read twice.
    let loaded = OnceCell::new();
    let mut workspace = Some(workspace);
    let mut inherited_package = |key: &str| -> Option<String> {
        let root = if manifest.contains_key("workspace") {
            Some(manifest)
        } else {
            loaded
                .get_or_init(|| workspace.take().and_then(|load| load()))
                .as_ref()
        }?;
        let entry = root.get("workspace")?.get("dependencies")?.get(key)?;
        entry
            .get("package")
            .and_then(Item::as_str)
            .map(str::to_owned)
    };

    // (kind, 0 for nim-api / 1 for nim-core, name in Rust): the least is the best.
    let mut best: Option<(Kind, u8, String)> = None;
    for (kind, table) in dependency_tables(manifest) {
        for (key, entry) in table.iter() {
            let package = match entry.get("package").and_then(Item::as_str) {
                Some(package) => package.to_owned(),
                None if entry.get("workspace").and_then(Item::as_bool) == Some(true) => {
                    inherited_package(key).unwrap_or_else(|| key.to_owned())
                }
                None => key.to_owned(),
            };
            let rank = match package.as_str() {
                API => 0,
                CORE => 1,
                _ => continue,
            };
            let candidate = (kind, rank, rust_name(key));
            if best.as_ref().is_none_or(|best| candidate < *best) {
                best = Some(candidate);
            }
        }
    }
    best.map(|(_, _, name)| name)
}

/// Every dependency table of the manifest with its kind: the top-level ones and those of each
/// `[target.'cfg(..)']`. `dev_dependencies` is Cargo's older spelling.
fn dependency_tables(manifest: &DocumentMut) -> impl Iterator<Item = (Kind, &dyn TableLike)> {
    const TABLES: [(&str, Kind); 3] = [
        ("dependencies", Kind::Normal),
        ("dev-dependencies", Kind::Dev),
        ("dev_dependencies", Kind::Dev),
    ];
    let targets = manifest
        .get("target")
        .and_then(Item::as_table_like)
        .into_iter()
        .flat_map(|targets| targets.iter())
        .filter_map(|(_, target)| target.as_table_like());
    std::iter::once(manifest.as_table() as &dyn TableLike)
        .chain(targets)
        .flat_map(|owner| {
            TABLES.into_iter().filter_map(move |(name, kind)| {
                owner
                    .get(name)
                    .and_then(Item::as_table_like)
                    .map(|table| (kind, table))
            })
        })
}

/// A package or dependency key as Rust names the crate.
fn rust_name(key: &str) -> String {
    key.replace('-', "_")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `choose` finds in `manifest`, with `workspace` as the workspace root's manifest.
    fn found(manifest: &str, workspace: Option<&str>) -> Option<String> {
        let parse = |text: &str| match text.parse::<DocumentMut>() {
            Ok(document) => document,
            Err(error) => panic!("bad test manifest: {error}"),
        };
        choose(&parse(manifest), || workspace.map(parse))
    }

    #[test]
    fn prefers_nim_api() {
        let manifest = r#"
            [package]
            name = "app"
            [dependencies]
            nim-core = "0.1"
            nim-api = "0.1"
        "#;
        assert_eq!(found(manifest, None).as_deref(), Some("nim_api"));
    }

    /// The reviewed bug: `nim-api` only for tests must not leak into the library's code.
    #[test]
    fn a_dev_dependency_never_beats_a_dependency() {
        let manifest = r#"
            [package]
            name = "app"
            [dependencies]
            nim-core = "0.1"
            nim-macros = "0.1"
            [dev-dependencies]
            nim-api = "0.1"
        "#;
        assert_eq!(found(manifest, None).as_deref(), Some("nim_core"));
    }

    #[test]
    fn dev_dependencies_serve_a_test_only_crate() {
        let manifest = r#"
            [package]
            name = "nim-tests"
            [dependencies]
            [dev-dependencies]
            nim-core = { workspace = true }
            nim-api.workspace = true
        "#;
        let workspace = r#"
            [workspace.dependencies]
            nim-core = { path = "nim-core" }
            nim-api = { path = "nim-api" }
        "#;
        assert_eq!(found(manifest, Some(workspace)).as_deref(), Some("nim_api"));
        let manifest = "[dev-dependencies]\nnim-core = \"0.1\"";
        assert_eq!(found(manifest, None).as_deref(), Some("nim_core"));
    }

    #[test]
    fn target_dependencies_count_as_dependencies() {
        let manifest = r#"
            [target.'cfg(unix)'.dependencies]
            nim-core = "0.1"
            [dev-dependencies]
            nim-api = "0.1"
        "#;
        assert_eq!(found(manifest, None).as_deref(), Some("nim_core"));
        let manifest = r#"
            [dependencies]
            serde = "1"
            [target.x86_64-pc-windows-msvc.dev-dependencies]
            nim-api = "0.1"
        "#;
        assert_eq!(found(manifest, None).as_deref(), Some("nim_api"));
    }

    #[test]
    fn follows_renames() {
        let manifest = r#"
            [dependencies]
            nim-api = { package = "not-nim", version = "1" }
            im = { package = "nim-api", version = "0.1" }
            [dependencies.core-im]
            package = "nim-core"
            version = "0.1"
        "#;
        assert_eq!(found(manifest, None).as_deref(), Some("im"));
        let manifest = r#"
            [dependencies]
            core-im = { package = "nim-core", version = "0.1" }
        "#;
        assert_eq!(found(manifest, None).as_deref(), Some("core_im"));
    }

    #[test]
    fn follows_renames_made_in_the_workspace() {
        let manifest = r#"
            [dependencies]
            im = { workspace = true }
        "#;
        let workspace = r#"
            [workspace.dependencies]
            im = { package = "nim-api", path = "nim-api" }
        "#;
        assert_eq!(found(manifest, Some(workspace)).as_deref(), Some("im"));
        assert_eq!(found(manifest, None), None);
        // A manifest that is its own workspace root (as trybuild writes them).
        let manifest = r#"
            [dependencies]
            im = { workspace = true }
            [workspace.dependencies]
            im = { package = "nim-core", path = "nim-core" }
        "#;
        assert_eq!(found(manifest, None).as_deref(), Some("im"));
    }

    #[test]
    fn the_package_itself() {
        let manifest = r#"
            [package]
            name = "nim-api"
            [dependencies]
            nim-core = "0.1"
        "#;
        assert_eq!(found(manifest, None).as_deref(), Some("nim_api"));
        let manifest = r#"
            [package]
            name = "nim-core"
            [dev-dependencies]
            nim-api = "0.1"
        "#;
        assert_eq!(found(manifest, None).as_deref(), Some("nim_core"));
    }

    #[test]
    fn build_dependencies_and_other_packages_are_not_found() {
        let manifest = r#"
            [package]
            name = "app"
            [dependencies]
            serde = "1"
            [build-dependencies]
            nim-api = "0.1"
        "#;
        assert_eq!(found(manifest, None), None);
        assert_eq!(found("", None), None);
    }

    #[test]
    fn the_workspace_is_read_only_when_needed() {
        let manifest = "[dependencies]\nnim-api = \"0.1\"";
        let read = choose(&manifest.parse::<DocumentMut>().unwrap_or_default(), || {
            panic!("the workspace manifest was read")
        });
        assert_eq!(read.as_deref(), Some("nim_api"));
    }
}
