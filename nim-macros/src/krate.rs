//! Where the generated code finds the core: `<crate>::__private`.
//!
//! Generated code must never rely on what the user happens to have imported, nor on a crate
//! they do not depend on directly. A crate that depends only on `nim-api` reaches the core
//! through `nim_api::__private`; one that depends on `nim-core` (+ `nim-macros`) through
//! `nim_core::__private`. The user's `Cargo.toml` says which, so it is read with
//! `proc-macro-crate` (which also follows renamed dependencies).

use proc_macro_crate::{FoundCrate, crate_name};
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};

/// The path to the hidden module, for the crate being compiled.
pub(crate) fn resolve() -> syn::Result<TokenStream> {
    choose(crate_name("nim-api").ok(), crate_name("nim-core").ok())
}

/// Picks the path from what was found: `nim-api` first, as it is what users depend on.
///
/// `Itself` means the macro runs for the package itself: its library (where
/// `extern crate self as nim_api;` makes the name resolve) or, more commonly, its doctests
/// and examples (where the crate is an ordinary extern crate). Either way the crate's own
/// name works, where `crate::` would fail in doctests.
fn choose(api: Option<FoundCrate>, core: Option<FoundCrate>) -> syn::Result<TokenStream> {
    let name = match (api, core) {
        (Some(FoundCrate::Itself), _) => format_ident!("nim_api"),
        (Some(FoundCrate::Name(name)), _) => format_ident!("{}", name),
        (None, Some(FoundCrate::Itself)) => format_ident!("nim_core"),
        (None, Some(FoundCrate::Name(name))) => format_ident!("{}", name),
        (None, None) => {
            return Err(syn::Error::new(
                Span::call_site(),
                "`#[derive(Endpoint)]` cannot find `nim-api` or `nim-core` among this crate's \
                 dependencies; add `nim-api`, or name the crate with `#[nim(crate = path)]`",
            ));
        }
    };
    Ok(quote!(::#name::__private))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(api: Option<FoundCrate>, core: Option<FoundCrate>) -> String {
        match choose(api, core) {
            Ok(tokens) => tokens.to_string(),
            Err(error) => error.to_string(),
        }
    }

    #[test]
    fn prefers_nim_api() {
        let core = Some(FoundCrate::Name("nim_core".into()));
        assert_eq!(
            path(Some(FoundCrate::Name("nim_api".into())), core),
            ":: nim_api :: __private"
        );
    }

    #[test]
    fn follows_renames_and_itself() {
        assert_eq!(
            path(Some(FoundCrate::Name("im".into())), None),
            ":: im :: __private"
        );
        assert_eq!(
            path(Some(FoundCrate::Itself), None),
            ":: nim_api :: __private"
        );
        assert_eq!(
            path(None, Some(FoundCrate::Itself)),
            ":: nim_core :: __private"
        );
        assert_eq!(
            path(None, Some(FoundCrate::Name("nim_core".into()))),
            ":: nim_core :: __private"
        );
    }

    #[test]
    fn neither_is_an_error_naming_the_override() {
        assert!(path(None, None).contains("#[nim(crate = path)]"));
    }
}
