//! The two shapes of an endpoint declaration inside the macro.
//!
//! `Raw*` is what `parse` read: every `#[nim(...)]` entry as written, with its tokens, so that
//! `check` can point each error at the exact token to change. `Endpoint` and `Field` are what
//! `check` accepted: only meaningful, validated data, ready for `emit`.

use proc_macro2::{Group, Span, TokenStream};
use quote::ToTokens;
use syn::{Generics, Ident, LitInt, LitStr, Path, Token, Type};

/// The derive input as written.
pub(crate) struct RawInput {
    /// The struct's name (errors about the whole declaration point here).
    pub(crate) ident: Ident,
    /// Its generics, passed through to the impl.
    pub(crate) generics: Generics,
    /// The `#[nim(...)]` attributes on the struct.
    pub(crate) attrs: RawAttrs,
    /// What kind of item it is.
    pub(crate) shape: Shape,
}

/// The kind of item the derive was put on. Only `Named` can become an endpoint; the others
/// keep the span of the token that shows the kind, for the error.
pub(crate) enum Shape {
    /// `struct X { .. }`.
    Named(Vec<RawField>),
    /// `struct X(..);`: the span of the parentheses.
    Tuple(Span),
    /// `struct X;`.
    Unit,
    /// `enum X { .. }`: the span of `enum`.
    Enum(Span),
    /// `union X { .. }`: the span of `union`.
    Union(Span),
}

/// One named field as written.
pub(crate) struct RawField {
    /// The field's name, possibly raw (`r#type`).
    pub(crate) ident: Ident,
    /// The field's type, with the user's spans (trait-bound errors point at it).
    pub(crate) ty: Type,
    /// Its `#[nim(...)]` attributes.
    pub(crate) attrs: RawAttrs,
}

/// All `#[nim(...)]` attributes on one item, flattened in source order.
#[derive(Default)]
pub(crate) struct RawAttrs {
    /// Every entry of every `#[nim(...)]`.
    pub(crate) entries: Vec<RawEntry>,
    /// `#[nim()]` attributes with nothing inside (kept whole for the error's span).
    pub(crate) empty: Vec<syn::Attribute>,
}

/// One entry of a `#[nim(...)]` list: `key`, `key = value` or `key(...)`.
pub(crate) struct RawEntry {
    /// The key as written; usually one identifier, but anything path-like parses.
    pub(crate) key: Path,
    /// What followed the key.
    pub(crate) value: RawValue,
}

/// What followed a key.
pub(crate) enum RawValue {
    /// Nothing: a flag such as `required`.
    Flag,
    /// `= tokens`, up to the next top-level comma. `tokens` may be empty (`max_len =`).
    Assign {
        /// The `=` (errors about a missing value point here).
        eq: Token![=],
        /// The value's tokens, not yet interpreted.
        tokens: TokenStream,
    },
    /// `(...)`.
    List(Group),
}

impl RawEntry {
    /// The key as one identifier, when it is one.
    pub(crate) fn name(&self) -> Option<&Ident> {
        self.key.get_ident()
    }
}

impl ToTokens for RawEntry {
    /// The entry's tokens, so that `Error::new_spanned(entry, ..)` covers all of it.
    fn to_tokens(&self, tokens: &mut TokenStream) {
        self.key.to_tokens(tokens);
        match &self.value {
            RawValue::Flag => {}
            RawValue::Assign { eq, tokens: value } => {
                eq.to_tokens(tokens);
                value.to_tokens(tokens);
            }
            RawValue::List(group) => group.to_tokens(tokens),
        }
    }
}

/// An endpoint that passed every check.
pub(crate) struct Endpoint {
    /// The path to the core's hidden module: `::nim_api::__private` or similar.
    pub(crate) private: TokenStream,
    /// The struct's name.
    pub(crate) ident: Ident,
    /// Its generics.
    pub(crate) generics: Generics,
    /// `path = "..."`.
    pub(crate) path: LitStr,
    /// `response = Type`, or `None` for `NoContent`.
    pub(crate) response: Option<Type>,
    /// `response_field = "..."`.
    pub(crate) response_field: Option<LitStr>,
    /// `idempotent`.
    pub(crate) idempotent: bool,
    /// The fields that are sent (skipped fields are gone), in declaration order.
    pub(crate) fields: Vec<Field>,
}

/// A field that is sent.
pub(crate) struct Field {
    /// The Rust name (`r#type`), used to read the value.
    pub(crate) ident: Ident,
    /// The type, with the user's spans.
    pub(crate) ty: Type,
    /// The wire name (`type`, or the `rename`), spanned on what produced it.
    pub(crate) wire: LitStr,
    /// `required`.
    pub(crate) required: bool,
    /// `max_len = N`, re-made without suffix.
    pub(crate) max_len: Option<LitInt>,
    /// `accid`.
    pub(crate) accid: bool,
}
