//! Parse: the struct and its `#[nim(...)]` attributes as written.
//!
//! Only syntax is judged here. Values are kept as raw tokens (`max_len = -1` is kept, not
//! rejected) so that `check` sees every entry and can report all mistakes at once; a syntax
//! error inside one `#[nim(...)]` loses only the rest of that attribute.

use proc_macro2::{Spacing, TokenStream, TokenTree};
use syn::meta::ParseNestedMeta;
use syn::parse::ParseStream;
use syn::{Attribute, Data, DeriveInput, Fields, MacroDelimiter, Meta, Token};

use crate::errors::Errors;
use crate::model::{RawAttrs, RawEntry, RawField, RawInput, RawValue, Shape};

/// The name of the helper attribute.
const ATTR: &str = "nim";

/// Reads the derive input. Syntax errors go to `errors`; what could be read is returned.
pub(crate) fn input(input: &DeriveInput, errors: &mut Errors) -> RawInput {
    let container_attrs = attrs(&input.attrs, errors);
    let shape = match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(named) => Shape::Named(
                named
                    .named
                    .iter()
                    .filter_map(|field| {
                        // Named fields always have an identifier.
                        let ident = field.ident.clone()?;
                        Some(RawField {
                            ident,
                            ty: field.ty.clone(),
                            attrs: attrs(&field.attrs, errors),
                            docs: field
                                .attrs
                                .iter()
                                .filter(|attr| attr.path().is_ident("doc"))
                                .cloned()
                                .collect(),
                        })
                    })
                    .collect(),
            ),
            Fields::Unnamed(unnamed) => Shape::Tuple(unnamed.paren_token.span.join()),
            Fields::Unit => Shape::Unit,
        },
        Data::Enum(data) => Shape::Enum(data.enum_token.span),
        Data::Union(data) => Shape::Union(data.union_token.span),
    };
    RawInput {
        ident: input.ident.clone(),
        generics: input.generics.clone(),
        attrs: container_attrs,
        shape,
    }
}

/// Collects the entries of every `#[nim(...)]` among `attrs`; other attributes are ignored.
fn attrs(attrs: &[Attribute], errors: &mut Errors) -> RawAttrs {
    let mut raw = RawAttrs::default();
    for attr in attrs.iter().filter(|attr| attr.path().is_ident(ATTR)) {
        match &attr.meta {
            Meta::List(list) if matches!(list.delimiter, MacroDelimiter::Paren(_)) => {
                if list.tokens.is_empty() {
                    raw.empty.push(attr.clone());
                } else {
                    let result = attr.parse_nested_meta(|meta| {
                        raw.entries.push(entry(meta)?);
                        Ok(())
                    });
                    errors.take(result);
                }
            }
            _ => errors.push(syn::Error::new_spanned(
                attr,
                "expected a list of settings in parentheses, like `#[nim(required)]`",
            )),
        }
    }
    raw
}

/// One `key`, `key = value` or `key(...)`.
fn entry(meta: ParseNestedMeta<'_>) -> syn::Result<RawEntry> {
    let input = meta.input;
    let value = if input.peek(Token![=]) {
        let eq = input.parse()?;
        let tokens = value_tokens(input)?;
        RawValue::Assign { eq, tokens }
    } else if input.peek(syn::token::Paren) {
        RawValue::List(input.parse()?)
    } else {
        RawValue::Flag
    };
    Ok(RawEntry {
        key: meta.path,
        value,
    })
}

/// The tokens of a value, up to the next comma that is not inside a group or between the
/// angle brackets of a type (`response = HashMap<String, u64>` is one value).
fn value_tokens(input: ParseStream<'_>) -> syn::Result<TokenStream> {
    input.step(|cursor| {
        let mut rest = *cursor;
        let mut tokens = TokenStream::new();
        let mut angle_depth = 0usize;
        let mut after_joint_dash = false;
        while let Some((tree, next)) = rest.token_tree() {
            if let TokenTree::Punct(punct) = &tree {
                match punct.as_char() {
                    ',' if angle_depth == 0 => break,
                    '<' => angle_depth += 1,
                    // The `>` of `->` (in `fn() -> T`) closes nothing.
                    '>' if !after_joint_dash => angle_depth = angle_depth.saturating_sub(1),
                    _ => {}
                }
            }
            after_joint_dash = matches!(
                &tree,
                TokenTree::Punct(punct) if punct.as_char() == '-' && punct.spacing() == Spacing::Joint
            );
            tokens.extend([tree]);
            rest = next;
        }
        Ok((tokens, rest))
    })
}
