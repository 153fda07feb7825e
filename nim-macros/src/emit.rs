//! Emit: the `Endpoint` impl of a checked declaration, as `ToTokens` pieces.
//!
//! Every path goes through `<crate>::__private`, even the primitives `bool` and `str`, so the
//! expansion depends on nothing the user imported or declared. Each rule is a call with the
//! field's type as an explicit generic argument, spanned on that type: when a rule does not
//! suit the type (`max_len` on a `u64`), the unmet trait bound (`Text`, `Presence`,
//! `FormValue`, each with a `#[diagnostic::on_unimplemented]` message) is reported on the
//! field's type, not on the `#[derive]`.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use crate::model::{Endpoint, Field};

impl ToTokens for Endpoint {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        let Endpoint {
            private,
            ident,
            generics,
            path,
            response,
            response_field,
            idempotent,
            fields,
        } = self;
        let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
        let idempotent = idempotent.then(|| {
            quote!(
                const IDEMPOTENT: #private::bool = true;
            )
        });
        let response_field = response_field.as_ref().map(|field| {
            quote! {
                const RESPONSE_FIELD: #private::Option<&'static #private::str> =
                    #private::Option::Some(#field);
            }
        });
        let response = match response {
            // Spanned on the type, so that a type without `Deserialize` is reported there.
            Some(ty) => quote_spanned!(ty.span()=> type Response = #ty;),
            None => quote!(type Response = #private::NoContent;),
        };
        // Mixed-site hygiene keeps the user's local variables away from this parameter, but
        // not their items: an identifier pattern that names a unit struct or a constant in
        // scope (`struct form;`) is a path pattern, which would no longer bind the form. Hence
        // a name no one writes.
        let form = format_ident!("__nim_form", span = Span::mixed_site());
        let rules = fields.iter().map(|field| Rules { private, field });
        let writes = fields.iter().map(|field| Write {
            private,
            field,
            form: &form,
        });
        // With nothing to write the parameter is unused; `_` keeps user crates warning-free.
        let form_param = if fields.is_empty() {
            quote!(_)
        } else {
            form.to_token_stream()
        };
        tokens.extend(quote! {
            #[automatically_derived]
            // The impl names the struct and reads its fields: deprecating either warns where
            // the user uses them, not here.
            #[allow(deprecated)]
            impl #impl_generics #private::Endpoint for #ident #ty_generics #where_clause {
                const PATH: &'static #private::str = #path;
                #idempotent
                #response_field
                #response

                fn validate(&self) -> #private::Result<(), #private::ValidationError> {
                    #(#rules)*
                    #private::Result::Ok(())
                }

                fn write_form(&self, #form_param: &mut #private::Form) {
                    #(#writes)*
                }
            }
        });
    }
}

/// The path of a core function called with the field's type as its generic argument,
/// spanned on the type (where an unmet bound is reported).
fn call(private: &TokenStream, function: TokenStream, ty: &syn::Type) -> TokenStream {
    quote_spanned!(ty.span()=> #private::#function::<#ty>)
}

/// A field's checks, in a fixed order (presence, then length, then alphabet) whatever the
/// order of the attributes, so the first error reported is the most basic one.
struct Rules<'a> {
    private: &'a TokenStream,
    field: &'a Field,
}

impl ToTokens for Rules<'_> {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        let Field {
            ident,
            ty,
            wire,
            required,
            max_len,
            accid,
        } = self.field;
        let private = self.private;
        if *required {
            let required = call(private, quote!(required), ty);
            tokens.extend(quote!(#required(#wire, &self.#ident)?;));
        }
        // Both text rules read the field through `text::<Type>`: one bound for the two, so a
        // field that is not text gets one error, not one per rule.
        let text = call(private, quote!(text), ty);
        if let Some(limit) = max_len {
            tokens.extend(quote!(#private::max_len(#wire, &#text(&self.#ident), #limit)?;));
        }
        if *accid {
            tokens.extend(quote!(#private::accid(#wire, &#text(&self.#ident))?;));
        }
    }
}

/// Appends a field straight into the form: no intermediate string, except lowercasing an
/// accid that has upper-case letters.
struct Write<'a> {
    private: &'a TokenStream,
    field: &'a Field,
    form: &'a syn::Ident,
}

impl ToTokens for Write<'_> {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        let Field {
            ident, ty, wire, ..
        } = self.field;
        let form = self.form;
        let private = self.private;
        if self.field.accid {
            let text = call(private, quote!(text), ty);
            tokens.extend(quote!(#private::append_accid(#form, #wire, &#text(&self.#ident));));
        } else {
            let append = call(private, quote!(Form::append_value), ty);
            tokens.extend(quote!(#append(#form, #wire, &self.#ident);));
        }
    }
}
