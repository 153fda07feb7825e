//! The checks of one field, as statements of `validate`, in a fixed order whatever the order
//! of the attributes (presence, text, numbers, item count, distinct items, path segment, the value's own
//! checks, the custom hook), so the first error reported is the most basic one.
//!
//! Each rule is a call with the field's type as an explicit generic argument, spanned on that
//! type: when a rule does not suit the type (`max_len` on a `u64`), the unmet trait bound
//! (`Text`, `Number`, `List`, `Presence`, each with a `#[diagnostic::on_unimplemented]`
//! message) is reported on the field's type, not on the `#[derive]`.

use proc_macro2::TokenStream;
use quote::{ToTokens, quote, quote_spanned};
use syn::spanned::Spanned;

use crate::model::{Distinct, Field, Place};

/// The path of a core function called with the field's type as its generic argument,
/// spanned on the type (where an unmet bound is reported).
pub(super) fn call(private: &TokenStream, function: TokenStream, ty: &syn::Type) -> TokenStream {
    quote_spanned!(ty.span()=> #private::#function::<#ty>)
}

/// The checks of one field.
pub(super) struct FieldRules<'a> {
    pub(super) private: &'a TokenStream,
    pub(super) field: &'a Field,
}

impl ToTokens for FieldRules<'_> {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        let Field {
            ident,
            ty,
            wire,
            place,
            rules,
            ..
        } = self.field;
        if *place == Place::Skipped {
            return;
        }
        let private = self.private;
        let value = quote!(&self.#ident);
        if rules.required {
            let required = call(private, quote!(required), ty);
            tokens.extend(quote!(#required(#wire, #value)?;));
        }
        // The text rules read the field through `text::<Type>`: one bound for all of them, so
        // a field that is not text gets one error, not one per rule.
        let text = call(private, quote!(text), ty);
        if let Some(limit) = &rules.max_len {
            tokens.extend(quote!(#private::max_len(#wire, &#text(#value), #limit)?;));
        }
        if rules.accid {
            tokens.extend(quote!(#private::accid(#wire, &#text(#value))?;));
        }
        if rules.json {
            tokens.extend(quote!(#private::json(#wire, &#text(#value))?;));
        }
        if rules.min.is_some() || rules.max.is_some() {
            let range = call(private, quote!(range), ty);
            let bound = |b: &Option<syn::LitInt>| match b {
                Some(n) => quote!(#private::Option::Some(#n)),
                None => quote!(#private::Option::None),
            };
            let (min, max) = (bound(&rules.min), bound(&rules.max));
            tokens.extend(quote!(#range(#wire, #value, #min, #max)?;));
        }
        if let Some(allowed) = &rules.one_of {
            let one_of = call(private, quote!(one_of), ty);
            tokens.extend(quote!(#one_of(#wire, #value, &[#(#allowed),*])?;));
        }
        if rules.min_items.is_some() || rules.max_items.is_some() {
            let items = call(private, quote!(items), ty);
            let bound = |b: &Option<syn::LitInt>| match b {
                Some(n) => quote!(#private::Option::Some(#n)),
                None => quote!(#private::Option::None),
            };
            let (min, max) = (bound(&rules.min_items), bound(&rules.max_items));
            tokens.extend(quote!(#items(#wire, #value, #min, #max)?;));
        }
        if rules.unique {
            let unique = call(private, quote!(unique), ty);
            tokens.extend(quote!(#unique(#wire, #value)?;));
        }
        if *place == Place::Path {
            let segment = call(private, quote!(check_segment), ty);
            tokens.extend(quote!(#segment(#wire, #value)?;));
        }
        // `Accid`s, nested objects and lists of them check themselves (see `Nested`). A
        // flattened object's members are named as the body's own.
        let within = (*place != Place::Flattened).then(|| quote!(.map_err(|e| e.within(#wire))));
        tokens.extend(quote! {
            {
                use #private::{CheckNested as _, CheckNothing as _};
                (&#private::Nested(#value)).check()#within?;
            }
        });
        if let Some(custom) = &rules.custom {
            tokens.extend(quote_spanned! {custom.span()=>
                #custom(#value).map_err(|e| e.within(#wire))?;
            });
        }
    }
}

/// The whole `validate` body: every field's checks, then the two fields that must name
/// different accounts, then the struct's custom hook.
pub(super) fn validate_body(
    private: &TokenStream,
    fields: &[Field],
    custom: Option<&syn::Path>,
    distinct: Option<&Distinct>,
) -> TokenStream {
    let rules = fields.iter().map(|field| FieldRules { private, field });
    let distinct = distinct.map(|d| {
        // Each side is read through `AccountName`, spanned on the field's type, so a field
        // that names no account is reported there, once, in `distinct`'s words.
        let read = |(ident, _, ty): &(syn::Ident, syn::LitStr, syn::Type)| {
            quote_spanned! {ty.span()=>
                <#ty as #private::AccountName>::account_name(&self.#ident)
            }
        };
        let (owner, other) = (read(&d.owner), read(&d.other));
        let (owner_wire, other_wire) = (&d.owner.1, &d.other.1);
        quote! {
            #private::distinct(#other_wire, #other, #owner_wire, #owner)?;
        }
    });
    let custom = custom.map(|custom| quote_spanned!(custom.span()=> #custom(self)?;));
    quote! {
        #(#rules)*
        #distinct
        #custom
        #private::Result::Ok(())
    }
}
