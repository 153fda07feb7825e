//! How the fields reach the wire: the path template's parameters, the query string, and the
//! body (a form for v1, a JSON object for v2). Each field is written straight into its
//! place, with no intermediate value.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use super::rules::call;
use super::setters::single_argument;
use crate::model::{Field, Place};

/// A name for the method's parameter that no one writes: mixed-site hygiene keeps the user's
/// local variables away from it, but not their items (a `struct form;` in scope would turn an
/// identifier pattern into a path pattern).
pub(super) fn param(name: &str) -> syn::Ident {
    format_ident!("__nim_{}", name, span = Span::mixed_site())
}

/// `<Type as Trait>::method`, spanned on the type (where an unmet bound is reported).
fn trait_call(
    private: &TokenStream,
    trait_name: TokenStream,
    method: TokenStream,
    ty: &syn::Type,
) -> TokenStream {
    quote_spanned!(ty.span()=> <#ty as #private::#trait_name>::#method)
}

/// `fn write_path`: the template's literal parts and each `{param}`, escaped.
pub(super) fn write_path(private: &TokenStream, template: &str, fields: &[Field]) -> TokenStream {
    let out = param("path");
    let mut steps = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let literal = &rest[..open];
        if !literal.is_empty() {
            steps.push(quote!(#out.push_str(#literal);));
        }
        let after = &rest[open + 1..];
        let Some((name, tail)) = after.split_once('}') else {
            break;
        };
        if let Some(field) = fields
            .iter()
            .find(|f| f.place == Place::Path && f.wire.value() == name)
        {
            let ident = &field.ident;
            let append = call(private, quote!(append_segment), &field.ty);
            steps.push(quote!(#append(#out, &self.#ident);));
        }
        rest = tail;
    }
    if !rest.is_empty() {
        steps.push(quote!(#out.push_str(#rest);));
    }
    quote! {
        fn write_path(&self, #out: &mut #private::String) {
            #(#steps)*
        }
    }
}

/// `fn write_query`, when some field is sent in the query.
pub(super) fn write_query(private: &TokenStream, fields: &[Field]) -> Option<TokenStream> {
    let query = param("query");
    let writes: Vec<TokenStream> = fields
        .iter()
        .filter(|f| f.place == Place::Query)
        .map(|field| {
            let (ident, wire) = (&field.ident, &field.wire);
            let write = trait_call(private, quote!(FormValue), quote!(write_query), &field.ty);
            quote!(#write(&self.#ident, #wire, #query);)
        })
        .collect();
    (!writes.is_empty()).then(|| {
        quote! {
            fn write_query(&self, #query: &mut #private::Form) {
                #(#writes)*
            }
        }
    })
}

/// `fn write_form` (v1): every body field, an `accid` text lowercased, a flattened object's
/// parameters as the form's own.
pub(super) fn write_form(private: &TokenStream, fields: &[Field]) -> Option<TokenStream> {
    let form = param("form");
    let writes: Vec<TokenStream> = fields
        .iter()
        .filter(|f| matches!(f.place, Place::Body | Place::Flattened))
        .map(|field| {
            let (ident, wire) = (&field.ident, &field.wire);
            if field.place == Place::Flattened {
                let members = trait_call(
                    private,
                    quote!(FormMembers),
                    quote!(write_form_members),
                    &field.ty,
                );
                quote!(#members(&self.#ident, #form);)
            } else if field.rules.accid {
                let text = call(private, quote!(text), &field.ty);
                quote!(#private::append_accid(#form, #wire, &#text(&self.#ident));)
            } else {
                let append = call(private, quote!(Form::append_value), &field.ty);
                quote!(#append(#form, #wire, &self.#ident);)
            }
        })
        .collect();
    (!writes.is_empty()).then(|| {
        quote! {
            fn write_form(&self, #form: &mut #private::Form) {
                #(#writes)*
            }
        }
    })
}

/// `fn write_json` (v2): every body field as a member; unset ones serialise to `null` and are
/// left out by `JsonObject`.
pub(super) fn write_json(private: &TokenStream, fields: &[Field]) -> Option<TokenStream> {
    let body = param("body");
    let writes: Vec<TokenStream> = fields
        .iter()
        .filter(|f| matches!(f.place, Place::Body | Place::Flattened))
        .map(|field| {
            let (ident, wire) = (&field.ident, &field.wire);
            if field.place == Place::Flattened {
                let members = trait_call(
                    private,
                    quote!(JsonMembers),
                    quote!(write_members),
                    &field.ty,
                );
                quote!(#members(&self.#ident, #body);)
            } else if field.rules.accid {
                let text = call(private, quote!(text), &field.ty);
                quote! {
                    if let #private::Option::Some(text) = #text(&self.#ident) {
                        #body.member(#wire, &*#private::accid_wire(text));
                    }
                }
            } else if single_argument(&field.ty, "Option").is_some() {
                // An unset member costs nothing: not even its name written and taken back.
                quote! {
                    if let #private::Option::Some(value) = &self.#ident {
                        #body.member(#wire, value);
                    }
                }
            } else {
                quote!(#body.member(#wire, &self.#ident);)
            }
        })
        .collect();
    (!writes.is_empty()).then(|| {
        quote! {
            fn write_json(&self, #body: &mut #private::JsonObject) {
                #(#writes)*
            }
        }
    })
}
