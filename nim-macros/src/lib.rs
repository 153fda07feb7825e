//! `#[derive(Endpoint)]` for nim-rs: an API action of the CommsEase (NetEase Yunxin) IM server
//! API declared as one struct.
//!
//! Use it through `nim-api` (`#[derive(nim_api::Endpoint)]`); see [`derive@Endpoint`] for the
//! attribute reference.
//!
//! The macro is a pipeline: `parse` reads the attributes as written, `check` judges them
//! (collecting every error, each spanned on the token to change) and `emit` writes the impl.
#![forbid(unsafe_code)]

mod check;
mod emit;
mod errors;
mod model;
mod parse;

use proc_macro::TokenStream;
use quote::ToTokens;
use syn::{DeriveInput, parse_macro_input};

use crate::errors::Errors;
use crate::model::Derive;

#[doc = include_str!("../doc/derive.md")]
#[proc_macro_derive(Endpoint, attributes(nim))]
pub fn derive_endpoint(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand(&input, Derive::Endpoint)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

#[doc = include_str!("../doc/params.md")]
#[proc_macro_derive(Params, attributes(nim))]
pub fn derive_params(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand(&input, Derive::Params)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// parse -> check -> emit.
fn expand(input: &DeriveInput, derive: Derive) -> syn::Result<proc_macro2::TokenStream> {
    let mut errors = Errors::default();
    let raw = parse::input(input, &mut errors);
    let checked = check::input(raw, errors, derive)?;
    Ok(checked.into_token_stream())
}
