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
mod krate;
mod model;
mod parse;

use proc_macro::TokenStream;
use quote::ToTokens;
use syn::{DeriveInput, parse_macro_input};

use crate::errors::Errors;

#[doc = include_str!("../doc/derive.md")]
#[proc_macro_derive(Endpoint, attributes(nim))]
pub fn derive_endpoint(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// parse -> check -> emit.
fn expand(input: &DeriveInput) -> syn::Result<proc_macro2::TokenStream> {
    let mut errors = Errors::default();
    let raw = parse::input(input, &mut errors);
    let endpoint = check::input(raw, errors)?;
    Ok(endpoint.into_token_stream())
}
