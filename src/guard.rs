//! Runs native work so that nothing reaches Node as a crash.
//!
//! input: a closure producing a JSON document; output: that document, or an error
//! document `{"ok":false,"message":...}` when the closure panicked.
//! Stack depth is handled where recursion happens (module_source), by growing the
//! stack before deep work and refusing inputs that would need more than a fixed cap.

use std::panic::{catch_unwind, AssertUnwindSafe};

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_string()
    }
}

/// Error document for an internal failure.
pub fn internal_error_json(message: &str) -> String {
    let mut out = String::from("{\"ok\":false,\"internal\":true,\"message\":");
    crate::json::push_str(&mut out, &format!("Internal error in the native core: {message}"));
    out.push_str(",\"line\":0,\"column\":0}");
    out
}

/// Run `f`; a panic becomes `on_panic` applied to the internal error document.
pub fn run<T>(f: impl FnOnce() -> T, on_panic: impl FnOnce(String) -> T) -> T {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(v) => v,
        Err(payload) => on_panic(internal_error_json(&panic_message(&*payload))),
    }
}

/// Run `f`, converting a panic into an error document.
pub fn run_json(f: impl FnOnce() -> String) -> String {
    run(f, |doc| doc)
}

/// Like `run_json` for functions whose success result is "nothing found".
pub fn run_option(f: impl FnOnce() -> Option<String>) -> Option<String> {
    run(f, Some)
}
