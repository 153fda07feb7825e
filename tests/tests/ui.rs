//! Compile-fail and pass cases of `#[derive(Endpoint)]` (`tests/ui/`).
//!
//! Compile-fail cases are named `<rule>_<problem>.rs`, each with the `.stderr` it must
//! produce; pass cases live in `tests/ui/pass/` and run. After changing a message, bless with
//! `TRYBUILD=overwrite cargo test -p nim-tests --test ui` and read every changed `.stderr`.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    // Every `.rs` directly in `ui/` (not only names with an underscore); `pass/` is apart.
    cases.compile_fail("ui/*.rs");
    cases.pass("ui/pass/*.rs");
}
