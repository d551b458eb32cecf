//! N-API surface of the native core: the `#[napi]` functions and nothing else.
//!
//! Contract with `lib/native.js` (the only JS module that loads this addon):
//! - arguments are strings and numbers; results are strings (JSON documents) or null,
//!   except `analyzeModuleSource`, which returns `{ record, program }`;
//! - results contain no source text decoded through UTF-8: they carry UTF-16 offsets
//!   into the caller's string, or (`program`) text built from the caller's own UTF-16
//!   code units;
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

    /// The record of an ES module as JSON, and its functor program (see
    /// `module_source::Analysis`).
    #[napi(object)]
    pub struct ModuleAnalysis {
        pub record: String,
        pub program: Option<napi::bindgen_prelude::Utf16String>,
    }

    /// Parse an ES module given as UTF-16 and build its functor program, with
    /// `//# sourceURL=<sourceUrl>` appended when a URL is given. The program comes back
    /// as UTF-16 made from the caller's own code units, so it is exact.
    #[napi]
    pub fn analyze_module_source(
        source: napi::bindgen_prelude::Utf16String,
        source_url: Option<napi::bindgen_prelude::Utf16String>,
    ) -> ModuleAnalysis {
        let analysis = crate::guard::run(
            || crate::module_source::analyze_for_js(&source, source_url.as_deref()),
            |record| crate::module_source::Analysis { record, program: None },
        );
        ModuleAnalysis { record: analysis.record, program: analysis.program.map(Into::into) }
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
