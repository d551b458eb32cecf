//! ES module -> module record + functor program edit plan.
//!
//! input:  module source text
//! output: the JSON document described in `lib.rs` (`analyzeModule`): the record
//!         fields, `functorHead`, and `edits` as UTF-16 offsets into the caller's
//!         string; or `{"ok":false,"message","line","column"}`.
//!
//! Passes: `stack` sizes the stack, `analyze` parses and builds the IR, `rewrite`
//! plans the record and edits, `functor` writes the head; this file serializes.

pub mod analyze;
pub mod functor;
pub mod hidden;
pub mod rewrite;
pub mod stack;

use swc_atoms::Wtf8Atom;

use crate::json::push_str;
use crate::positions::{line_column, Utf16Cursor};
use functor::{js_key_order, push_js_wtf8};
use rewrite::{ExportName, Plan};

fn error_json(source: &str, message: &str, pos: usize, with_position: bool) -> String {
    let (line, column) = line_column(source, pos);
    let message = if with_position {
        format!("{message} ({line}:{column})")
    } else {
        message.to_string()
    };
    let mut out = String::from("{\"ok\":false,\"message\":");
    push_str(&mut out, &message);
    out.push_str(&format!(",\"line\":{line},\"column\":{column}}}"));
    out
}

/// JSON text for a string that may hold lone surrogates (escaped as `\udxxx`).
fn push_json_wtf8(out: &mut String, s: &Wtf8Atom) {
    match s.as_str() {
        Some(s) => push_str(out, s),
        None => push_js_wtf8(out, s),
    }
}

fn push_name(out: &mut String, n: &ExportName) {
    match n {
        Some(a) => push_str(out, a),
        None => out.push_str("null"),
    }
}

/// JS string order (UTF-16 code units). UTF-8 byte order agrees unless a character
/// outside the BMP is involved.
fn utf16_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    if a.bytes().any(|c| c >= 0xF0) || b.bytes().any(|c| c >= 0xF0) {
        a.encode_utf16().cmp(b.encode_utf16())
    } else {
        a.cmp(b)
    }
}

fn wtf8_utf16_cmp(a: &Wtf8Atom, b: &Wtf8Atom) -> std::cmp::Ordering {
    a.to_ill_formed_utf16().cmp(b.to_ill_formed_utf16())
}

fn record_json(source: &str, plan: &Plan) -> String {
    let edit_bytes: usize = plan.edits.iter().map(|e| e.2.len() + 24).sum();
    let mut out = String::with_capacity(2048 + edit_bytes);
    out.push_str("{\"ok\":true,\"imports\":[");
    let keys: Vec<&Wtf8Atom> = plan.sources.entries.iter().map(|(k, _)| k).collect();
    for (n, i) in js_key_order(&keys).into_iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        push_json_wtf8(&mut out, keys[i]);
    }

    // exports: live names, fixed names, re-exported names; sorted as JS sorts
    // (UTF-16 code units; `undefined` last).
    let mut exports: Vec<ExportName> = Vec::new();
    for (k, _) in &plan.live.entries {
        exports.push(Some(k.as_str().into()));
    }
    for (k, _) in &plan.fixed.entries {
        exports.push(Some(k.as_str().into()));
    }
    let rkeys: Vec<&Wtf8Atom> = plan.reexport_map.entries.iter().map(|(k, _)| k).collect();
    for i in js_key_order(&rkeys) {
        for (_, to) in &plan.reexport_map.entries[i].1 {
            exports.push(to.clone());
        }
    }
    let wide = exports.iter().flatten().any(|e| e.bytes().any(|c| c >= 0xF0));
    exports.sort_by(|a, b| match (a, b) {
        (Some(a), Some(b)) if wide => utf16_cmp(a, b),
        (Some(a), Some(b)) => a.as_bytes().cmp(b.as_bytes()),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    out.push_str("],\"exports\":[");
    for (i, e) in exports.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_name(&mut out, e);
    }

    let mut reexports: Vec<&Wtf8Atom> = plan.export_alls.iter().collect();
    reexports.sort_by(|a, b| wtf8_utf16_cmp(a, b));
    out.push_str("],\"reexports\":[");
    for (i, r) in reexports.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_json_wtf8(&mut out, r);
    }

    out.push_str("],\"fixedExportMap\":{");
    for (i, (k, local)) in plan.fixed.entries.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_str(&mut out, k);
        out.push_str(":[");
        push_str(&mut out, local);
        out.push(']');
    }
    out.push_str("},\"liveExportMap\":{");
    for (i, (k, (local, trap))) in plan.live.entries.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_str(&mut out, k);
        out.push_str(":[");
        push_str(&mut out, local);
        out.push_str(if *trap { ",true]" } else { ",false]" });
    }
    out.push_str("},\"reexportMap\":{");
    for (i, (spec, pairs)) in plan.reexport_map.entries.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_json_wtf8(&mut out, spec);
        out.push_str(":[");
        for (j, (from, to)) in pairs.iter().enumerate() {
            if j > 0 {
                out.push(',');
            }
            out.push('[');
            push_name(&mut out, from);
            out.push(',');
            push_name(&mut out, to);
            out.push(']');
        }
        out.push(']');
    }
    out.push_str("},\"needsImport\":");
    out.push_str(if plan.needs_import { "true" } else { "false" });
    out.push_str(",\"needsImportMeta\":");
    out.push_str(if plan.needs_import_meta { "true" } else { "false" });
    out.push_str(",\"functorHead\":");
    push_str(&mut out, &functor::functor_head(plan));
    out.push_str(",\"edits\":[");
    let mut cursor = Utf16Cursor::new(source);
    for (i, (lo, hi, text)) in plan.edits.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let a = cursor.at(*lo as usize);
        let b = cursor.at(*hi as usize);
        out.push_str(&a.to_string());
        out.push(',');
        out.push_str(&b.to_string());
        out.push(',');
        push_str(&mut out, text);
    }
    out.push_str("]}");
    out
}

/// Analyze `source` and serialize the result (see the module header).
pub fn analyze_to_json(source: &str) -> String {
    let stack = match stack::parse_stack_for(source) {
        Ok(stack) => stack,
        Err(reason) => return error_json(source, reason, 0, false),
    };
    stack::with_stack(stack, || match analyze::analyze(source) {
        Ok(ir) => match rewrite::plan(source, &ir) {
            Ok(plan) => record_json(source, &plan),
            Err(e) => crate::guard::internal_error_json(&e),
        },
        Err(f) => error_json(source, &f.message, f.pos as usize, f.with_position),
    })
}

/// `analyze_to_json` without the stack sizing (for calibration probes only).
#[doc(hidden)]
pub fn analyze_to_json_unchecked(source: &str) -> String {
    match analyze::analyze(source) {
        Ok(ir) => match rewrite::plan(source, &ir) {
            Ok(plan) => record_json(source, &plan),
            Err(e) => crate::guard::internal_error_json(&e),
        },
        Err(f) => error_json(source, &f.message, f.pos as usize, f.with_position),
    }
}
