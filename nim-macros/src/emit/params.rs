//! `#[derive(Params)]`: a nested parameter object checks itself (`Validate`, its errors
//! naming the path inside it), serialises as a JSON object of its set members (v2 bodies),
//! and is sent as JSON text in a v1 form field.

use proc_macro2::TokenStream;
use quote::quote;

use super::rules;
use crate::model::{Checked, Place};

/// The `Validate`, `Serialize`, `JsonMembers` and `FormValue` impls, and `FormMembers` with
/// `form_members`.
pub(super) fn impls(checked: &Checked) -> TokenStream {
    let Checked {
        private,
        ident,
        generics,
        fields,
        custom,
        distinct,
        form_members,
        ..
    } = checked;
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let validate = rules::validate_body(private, fields, custom.as_ref(), distinct.as_ref());
    let sent: Vec<_> = fields
        .iter()
        .filter(|f| f.place != Place::Skipped)
        .collect();
    let entries = sent.iter().map(|field| {
        let (name, wire) = (&field.ident, &field.wire);
        quote! {
            if !{
                use #private::{AbsentNone as _, AbsentNever as _};
                (&#private::Absent(&self.#name)).absent()
            } {
                #private::serde::ser::SerializeMap::serialize_entry(&mut __nim_map, #wire, &self.#name)?;
            }
        }
    });
    let members = sent.iter().map(|field| {
        let (name, wire) = (&field.ident, &field.wire);
        quote!(__nim_body.member(#wire, &self.#name);)
    });
    // Each member under its wire name, as if the action declared it (unset ones write
    // nothing: `Option`'s `FormValue`).
    let form_members = form_members.then(|| {
        let writes = sent.iter().map(|field| {
            let (name, wire) = (&field.ident, &field.wire);
            quote!(#private::FormValue::write_form(&self.#name, #wire, __nim_form);)
        });
        quote! {
            #[automatically_derived]
            #[allow(deprecated)]
            impl #impl_generics #private::FormMembers for #ident #ty_generics #where_clause {
                fn write_form_members(&self, __nim_form: &mut #private::Form) {
                    #(#writes)*
                }
            }
        }
    });
    quote! {
        #form_members

        #[automatically_derived]
        #[allow(deprecated)]
        impl #impl_generics #private::Validate for #ident #ty_generics #where_clause {
            fn validate(&self) -> #private::Result<(), #private::ValidationError> {
                #validate
            }
        }

        #[automatically_derived]
        #[allow(deprecated)]
        impl #impl_generics #private::serde::Serialize for #ident #ty_generics #where_clause {
            fn serialize<__S: #private::serde::Serializer>(
                &self,
                __nim_serializer: __S,
            ) -> #private::Result<__S::Ok, __S::Error> {
                let mut __nim_map = #private::serde::Serializer::serialize_map(
                    __nim_serializer,
                    #private::Option::None,
                )?;
                #(#entries)*
                #private::serde::ser::SerializeMap::end(__nim_map)
            }
        }

        #[automatically_derived]
        #[allow(deprecated)]
        impl #impl_generics #private::JsonMembers for #ident #ty_generics #where_clause {
            fn write_members(&self, __nim_body: &mut #private::JsonObject) {
                #(#members)*
            }
        }

        #[automatically_derived]
        impl #impl_generics #private::FormValue for #ident #ty_generics #where_clause {
            fn write_form(&self, __nim_name: &#private::str, __nim_form: &mut #private::Form) {
                #private::append_json(__nim_form, __nim_name, self);
            }
        }
    }
}
