//! N-API surface of the native core: the `#[napi]` functions and nothing else.
//!
//! Contract with `lib/native.js` (the only JS module that loads this addon):
//! - arguments are strings and numbers; results are strings (JSON documents) or null;
//! - results never contain source text cut from the input: they carry UTF-16 offsets
//!   into the caller's string, and the JS side does the cutting;
//! - every function runs under `guard::run`, so a panic or a too-deep input comes back
//!   as an error document instead of unwinding into Node or overflowing the stack.

pub mod checks;
pub mod guard;
pub mod json;
pub mod module_source;
pub mod positions;

// Parsing allocates many small nodes; the system allocator was a fifth of the time.
#[cfg(feature = "node")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(feature = "node")]
mod node {
    use napi_derive::napi;

    /// Parse an ES module and plan its functor rewrite.
    /// Returns `{"ok":true,...record, "functorHead": "...", "edits": [start,end,text,...]}`
    /// or `{"ok":false,"message":"...","line":n,"column":n}`.
    #[napi]
    pub fn analyze_module(source: String) -> String {
        crate::guard::run_json(|| crate::module_source::analyze_to_json(&source))
    }

    /// Run the rejection checks selected by `checks` (1 = HTML comment, 2 = import
    /// expression, 4 = direct eval) in that order; with bit 8 the direct-eval check runs
    /// first (the order of `compartment.evaluate`). Returns null when none matches, else
    /// `{"code":"SES_...","line":n,"url":"...","urlStart":n,"urlEnd":n}` (the URL's
    /// UTF-16 span, so the caller can cut it from its own string).
    #[napi]
    pub fn find_rejection(source: String, checks: u32) -> Option<String> {
        crate::guard::run_option(|| crate::checks::find_rejection_json(&source, checks))
    }

    /// Edits for the evasion transforms (1 = HTML comment, 2 = import expression), as a
    /// JSON flat array `[start,end,text,...]` of UTF-16 offsets into `source`.
    #[napi]
    pub fn evasion_edits(source: String, which: u32) -> String {
        crate::guard::run_json(|| crate::checks::evasion_edits_json(&source, which))
    }
}
