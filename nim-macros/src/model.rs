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
    /// Its doc comments, repeated on the generated setter.
    pub(crate) docs: Vec<syn::Attribute>,
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

/// What kind of item the derive produces.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Derive {
    /// `#[derive(Endpoint)]`: an API action.
    Endpoint,
    /// `#[derive(Params)]`: a nested parameter object.
    Params,
}

/// The API version a path template belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Version {
    V1,
    V2,
}

/// A declaration that passed every check.
pub(crate) struct Checked {
    /// The path to the core's hidden module: `::nim_api::__private` or the `crate` override.
    pub(crate) private: TokenStream,
    /// The struct's name.
    pub(crate) ident: Ident,
    /// Its generics.
    pub(crate) generics: Generics,
    /// The action, for `#[derive(Endpoint)]`; `None` for `#[derive(Params)]`.
    pub(crate) action: Option<Action>,
    /// `custom = path::to::fn` on the struct: a check of the whole value.
    pub(crate) custom: Option<Path>,
    /// `distinct = [owner, other]`: two fields that must name different accounts.
    pub(crate) distinct: Option<Distinct>,
    /// `setters`: generate `new` and one setter per optional field.
    pub(crate) setters: bool,
    /// `form_members` (`Params` only): also write the members as the action's own v1 form
    /// parameters, for `#[nim(flatten)]` in a v1 action.
    pub(crate) form_members: bool,
    /// Every field, sent or skipped, in declaration order.
    pub(crate) fields: Vec<Field>,
}

/// What only an API action has.
pub(crate) struct Action {
    /// `path = "..."`.
    pub(crate) path: LitStr,
    /// Which version the path belongs to.
    pub(crate) version: Version,
    /// `method = "PATCH"`, upper-case; `POST` by default.
    pub(crate) method: Ident,
    /// `response = Type`, or `None` for `NoContent`.
    pub(crate) response: Option<Type>,
    /// `response_field = "..."`.
    pub(crate) response_field: Option<LitStr>,
    /// `idempotent`.
    pub(crate) idempotent: bool,
    /// `rate_limit = "120/min"`: the calls and the `RateLimit` constructor.
    pub(crate) rate_limit: Option<(u32, &'static str)>,
}

/// Where a field is sent.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// The body: a form field (v1) or a JSON member (v2).
    Body,
    /// A `{param}` of the path template.
    Path,
    /// The query string.
    Query,
    /// The body, as the members of a nested object (`flatten`, v2).
    Flattened,
    /// Nowhere (`skip`).
    Skipped,
}

/// `distinct = [owner, other]`, with the wire names errors use.
pub(crate) struct Distinct {
    /// The owner's field (named in the message), its wire name and type.
    pub(crate) owner: (Ident, LitStr, Type),
    /// The field the error is reported on, its wire name and type.
    pub(crate) other: (Ident, LitStr, Type),
}

/// A checked field.
pub(crate) struct Field {
    /// The Rust name (`r#type`), used to read the value.
    pub(crate) ident: Ident,
    /// The type, with the user's spans.
    pub(crate) ty: Type,
    /// The wire name (`type`, or the `rename`), spanned on what produced it.
    pub(crate) wire: LitStr,
    /// Where it is sent.
    pub(crate) place: Place,
    /// The rules to check.
    pub(crate) rules: Rules,
    /// `page_token`: the cursor of a paged list action.
    pub(crate) page_token: bool,
    /// `default`: not an argument of `new`; starts at `Default::default()`, has a setter.
    pub(crate) default: bool,
    /// `deprecated = "note"`: the generated setter is deprecated.
    pub(crate) deprecated: Option<LitStr>,
    /// Its doc comments.
    pub(crate) docs: Vec<syn::Attribute>,
}

/// A field's rules, each as written (spans kept) and already judged sound.
#[derive(Default)]
pub(crate) struct Rules {
    pub(crate) required: bool,
    pub(crate) max_len: Option<LitInt>,
    pub(crate) accid: bool,
    pub(crate) json: bool,
    pub(crate) min: Option<LitInt>,
    pub(crate) max: Option<LitInt>,
    pub(crate) one_of: Option<Vec<LitInt>>,
    pub(crate) min_items: Option<LitInt>,
    pub(crate) max_items: Option<LitInt>,
    /// `unique`: no item twice.
    pub(crate) unique: bool,
    pub(crate) custom: Option<Path>,
}
