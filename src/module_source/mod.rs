//! ES module -> module record + functor program.
//!
//! input:  module source text (UTF-16 code units, as JS holds it)
//! output: `analyze_for_js`: the record as JSON (its maps as `[key, value]` pairs), the
//!         facts of the eager program form (`headLength`, `bodyEnd`, `eagerHead`,
//!         `eagerImports`, `names`) and whether the program passes the rejection checks
//!         (`clean`), plus the program itself as UTF-16 built from the caller's code
//!         units; or `{"ok":false,"message","line","column"}`.
//!         `analyze_to_json` (tests and probes): the record, `functorHead` and `edits`
//!         as UTF-16 offsets, in one JSON document.
//!
//! Passes: `stack` sizes the stack, `analyze` parses and builds the IR, `rewrite`
//! plans the record and edits, `functor` writes the heads; this file serializes.

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

/// `{"ok":true,"imports":…,"needsImportMeta":…` (the record's fields; unclosed).
fn push_record_fields(out: &mut String, plan: &Plan, pairs: bool) {
    out.push_str("{\"ok\":true,\"imports\":[");
    for (n, (spec, _)) in functor::sources_in_key_order(plan).enumerate() {
        if n > 0 {
            out.push(',');
        }
        push_json_wtf8(out, spec);
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
        push_name(out, e);
    }

    let mut reexports: Vec<&Wtf8Atom> = plan.export_alls.iter().collect();
    reexports.sort_by(|a, b| wtf8_utf16_cmp(a, b));
    out.push_str("],\"reexports\":[");
    for (i, r) in reexports.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_json_wtf8(out, r);
    }

    // Maps are JSON objects, or (`pairs`) arrays of `[key, value]` in the same order:
    // parsing an object with keys never seen before costs V8 new hidden classes.
    let (open, close, entry_open, sep, entry_close) =
        if pairs { ("[", "]", "[", ",", "]") } else { ("{", "}", "", ":", "") };
    out.push_str("],\"fixedExportMap\":");
    out.push_str(open);
    for (i, (k, local)) in plan.fixed.entries.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(entry_open);
        push_str(out, k);
        out.push_str(sep);
        out.push('[');
        push_str(out, local);
        out.push(']');
        out.push_str(entry_close);
    }
    out.push_str(close);
    out.push_str(",\"liveExportMap\":");
    out.push_str(open);
    for (i, (k, (local, trap))) in plan.live.entries.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(entry_open);
        push_str(out, k);
        out.push_str(sep);
        out.push('[');
        push_str(out, local);
        out.push_str(if *trap { ",true]" } else { ",false]" });
        out.push_str(entry_close);
    }
    out.push_str(close);
    out.push_str(",\"reexportMap\":");
    out.push_str(open);
    for (i, (spec, pairs)) in plan.reexport_map.entries.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(entry_open);
        push_json_wtf8(out, spec);
        out.push_str(sep);
        out.push('[');
        for (j, (from, to)) in pairs.iter().enumerate() {
            if j > 0 {
                out.push(',');
            }
            out.push('[');
            push_name(out, from);
            out.push(',');
            push_name(out, to);
            out.push(']');
        }
        out.push(']');
        out.push_str(entry_close);
    }
    out.push_str(close);
    out.push_str(",\"needsImport\":");
    out.push_str(if plan.needs_import { "true" } else { "false" });
    out.push_str(",\"needsImportMeta\":");
    out.push_str(if plan.needs_import_meta { "true" } else { "false" });
}

fn record_json(source: &str, plan: &Plan) -> String {
    let edit_bytes: usize = plan.edits.iter().map(|e| e.2.len() + 24).sum();
    let mut out = String::with_capacity(2048 + edit_bytes);
    push_record_fields(&mut out, plan, false);
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

/// What `analyzeModuleSource` gives JS: the record as JSON, and the program text.
pub struct Analysis {
    /// `{"ok":true, …record fields, "headLength", "eagerLength", "eagerImports" (null
    /// when the eager head keeps the arrow updaters), "clean", "names"}` or the error
    /// document.
    pub record: String,
    /// The eager program (its first `eagerLength` units) followed by
    /// `__syncModuleProgram__`, UTF-16, exact (lone surrogates of the source kept): one
    /// string that the JS side cuts in two without copying.
    pub program: Option<Vec<u16>>,
}

/// UTF-16 text as swc reads it: lone surrogates become U+FFFD (one UTF-16 unit, as the
/// surrogate was, so UTF-16 offsets of the result and of `units` agree).
pub fn utf16_to_string_lossy(units: &[u16]) -> String {
    if units.iter().all(|&u| u < 0x80) {
        let bytes: Vec<u8> = units.iter().map(|&u| u as u8).collect();
        return String::from_utf8(bytes).unwrap_or_default();
    }
    char::decode_utf16(units.iter().copied())
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// Append `s` as UTF-16. ASCII (most of the text) is widened eight bytes at a time;
/// only the other characters are decoded.
fn push_utf16(out: &mut Vec<u16>, s: &str) {
    let bytes = s.as_bytes();
    let n = bytes.len();
    let start = out.len();
    // A character never takes more UTF-16 units than UTF-8 bytes: `n` units suffice.
    out.resize(start + n, 0);
    let dst = &mut out[start..];
    let (mut i, mut w) = (0usize, 0usize);
    while i < n {
        if i + 8 <= n {
            let mut chunk = [0u8; 8];
            chunk.copy_from_slice(&bytes[i..i + 8]);
            if u64::from_ne_bytes(chunk) & 0x8080_8080_8080_8080 == 0 {
                for (d, &b) in dst[w..w + 8].iter_mut().zip(chunk.iter()) {
                    *d = u16::from(b);
                }
                i += 8;
                w += 8;
                continue;
            }
        }
        let b = bytes[i];
        if b < 0x80 {
            dst[w] = u16::from(b);
            i += 1;
            w += 1;
        } else {
            // `i` is on a character boundary: every byte before it was consumed whole.
            let c = s[i..].chars().next().unwrap_or('\u{fffd}');
            w += c.encode_utf16(&mut dst[w..]).len();
            i += c.len_utf8();
        }
    }
    out.truncate(start + w);
}

/// The whole functor program: `functor_head`, the source with the plan's edits, the
/// closing `\n})()\n` and, given a URL, `//# sourceURL=<url>\n`. Built twice from the
/// same pieces: as UTF-16 from the caller's own code units (so the program is exact),
/// and as UTF-8 for the rejection checks.
fn build_program(
    source: &str,
    units: &[u16],
    head: &str,
    plan: &Plan,
    source_url: Option<&[u16]>,
) -> (Vec<u16>, String, usize) {
    let mut p16: Vec<u16> = Vec::with_capacity(head.len() + units.len() + 64);
    let mut p8 = String::with_capacity(head.len() + source.len() + 64);
    push_utf16(&mut p16, head);
    p8.push_str(head);
    let mut cursor = Utf16Cursor::new(source);
    let (mut at8, mut at16) = (0usize, 0usize);
    for (lo, hi, text) in &plan.edits {
        let (lo, hi) = (*lo as usize, *hi as usize);
        let (lo16, hi16) = (cursor.at(lo), cursor.at(hi));
        p16.extend_from_slice(&units[at16..lo16]);
        p8.push_str(&source[at8..lo]);
        push_utf16(&mut p16, text);
        p8.push_str(text);
        at8 = hi;
        at16 = hi16;
    }
    p16.extend_from_slice(&units[at16..]);
    p8.push_str(&source[at8..]);
    let body_end = p16.len();
    push_utf16(&mut p16, "\n})()\n");
    p8.push_str("\n})()\n");
    if let Some(url) = source_url {
        push_utf16(&mut p16, "//# sourceURL=");
        p16.extend_from_slice(url);
        p16.push(u16::from(b'\n'));
        p8.push_str("//# sourceURL=");
        p8.push_str(&utf16_to_string_lossy(url));
        p8.push('\n');
    }
    (p16, p8, body_end)
}

/// The eager form of `program` (see `lib/modules/module-source.js`): `eager_head`
/// padded with spaces to the functor head's length (so every line and column of the
/// module's code stays where it is), the body, and `closing`.
fn eager_program(program: &[u16], head_len: usize, body_end: usize, eager_head: &str, closing: &str) -> Vec<u16> {
    const CLOSE: &str = "\n})()";
    let mut out = Vec::with_capacity(program.len() + 2);
    push_utf16(&mut out, eager_head);
    out.resize(head_len.max(out.len()), u16::from(b' '));
    out.extend_from_slice(&program[head_len..body_end]);
    push_utf16(&mut out, closing);
    out.extend_from_slice(&program[body_end + CLOSE.len()..]);
    out
}

fn analysis_json(
    source: &str,
    units: &[u16],
    source_url: Option<&[u16]>,
    ir: &analyze::Ir,
    plan: &Plan,
) -> Analysis {
    let head = functor::functor_head(plan);
    let head_len = crate::positions::utf16_len(head.as_bytes());
    let (program, text, body_end) = build_program(source, units, &head, plan, source_url);
    // The checks every module program gets at evaluation (the mandatory ones and the
    // direct-eval rejection). Lone surrogates read as U+FFFD here: neither is part of
    // any pattern or a word character, so the outcome is the same.
    let clean = crate::checks::find_rejection(&text, 1 | 2 | 4).is_none();
    // One function for the module's code unless it spells `arguments` (a superset of
    // what can name the function's own arguments object).
    let single = !ir.names.iter().any(|n| n.as_str() == "arguments");
    let compact = functor::eager_head(plan, &head, single);
    let (eager_head, closing) = match &compact {
        Some(h) => (h.clone(), functor::eager_closing(single)),
        None => (functor::eager_head_keeping_updaters(&head), functor::eager_closing(false)),
    };
    let mut both = eager_program(&program, head_len, body_end, &eager_head, closing);
    let eager_len = both.len();
    both.extend_from_slice(&program);
    let mut out = String::with_capacity(1024);
    push_record_fields(&mut out, plan, true);
    out.push_str(&format!(",\"headLength\":{head_len},\"eagerLength\":{eager_len},\"eagerImports\":"));
    if compact.is_some() {
        functor::push_import_table(&mut out, plan, &ir.unread_star_locals);
    } else {
        out.push_str("null");
    }
    out.push_str(if clean { ",\"clean\":true" } else { ",\"clean\":false" });
    // The names the program's code can look up in the scopes around it: `Object`, which
    // the head may call (`Object.defineProperty` for hoisted functions), and every name
    // the module spells except those it declares at its top level (see
    // `top_level_names`).
    let declared = top_level_names(ir);
    out.push_str(",\"names\":[\"Object\"");
    for name in ir.names.iter().filter(|n| n.as_str() != "Object" && !declared.contains(*n)) {
        out.push(',');
        push_str(&mut out, name);
    }
    out.push_str("]}");
    Analysis { record: crate::json::to_ascii(out), program: Some(both) }
}

/// The names a module declares at its top level: its imports' locals and its top-level
/// declarations. None of them is ever looked up in the scopes around the program: each
/// is either a local of the program, which shadows them, or an exported binding that
/// the module's code assigns, which the module's own lexicals layer holds (an accessor,
/// never a constant) and which hides any global of that name. So the evaluator need not
/// consider them as constants (leaving one out only forgoes an optimization).
fn top_level_names(ir: &analyze::Ir) -> analyze::AtomSet {
    let mut declared = analyze::AtomSet::default();
    for item in &ir.items {
        match item {
            analyze::Item::Import { specifiers, .. } => {
                declared.extend(specifiers.iter().map(|(_, local)| local.clone()));
            }
            analyze::Item::Decl { ids, .. } => {
                declared.extend(ids.iter().map(|id| id.name.clone()));
            }
            analyze::Item::ExportDefaultDecl { id: Some(id), .. } => {
                declared.insert(id.clone());
            }
            _ => {}
        }
    }
    declared
}

/// Analyze the caller's UTF-16 `units` and build its program (see `Analysis`).
pub fn analyze_for_js(units: &[u16], source_url: Option<&[u16]>) -> Analysis {
    let source = utf16_to_string_lossy(units);
    let failed = |record: String| Analysis { record, program: None };
    let stack = match stack::parse_stack_for(&source) {
        Ok(stack) => stack,
        Err(reason) => return failed(error_json(&source, reason, 0, false)),
    };
    stack::with_stack(stack, || match analyze::analyze(&source) {
        Ok(ir) => match rewrite::plan(&source, &ir) {
            Ok(plan) => analysis_json(&source, units, source_url, &ir, &plan),
            Err(e) => failed(crate::guard::internal_error_json(&e)),
        },
        Err(f) => failed(error_json(&source, &f.message, f.pos as usize, f.with_position)),
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    fn units(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    fn field<'a>(doc: &'a str, name: &str) -> &'a str {
        let at = doc.find(&format!("\"{name}\":")).unwrap() + name.len() + 3;
        let end = doc[at..].find([',', '}']).unwrap();
        &doc[at..at + end]
    }

    #[test]
    fn names_leave_out_what_the_module_declares_at_top_level() {
        let names = |src: &str| {
            let out = analyze_for_js(&units(src), None);
            let at = out.record.find("\"names\":").expect("names") + 8;
            out.record[at..out.record.len() - 1].to_string()
        };
        // Imports, top-level declarations of every kind and the default export's name
        // are the module's own; a global it reads, and a name only declared in a nested
        // scope, stay (as does `a`, spelled as an imported name: the list is a superset).
        let src = "import d, { a as b } from 'x'; import * as ns from 'y';\n\
                   export let live = 1; live += 1; const c = 2; var v; function f(p) { let inner; return Math.max(p, inner, b, ns, d, c, v); }\n\
                   class K {} export default function named() { return JSON; }";
        assert_eq!(names(src), "[\"Object\",\"a\",\"p\",\"inner\",\"Math\",\"JSON\"]");
        assert_eq!(names("export default 1;"), "[\"Object\"]");
    }

    #[test]
    fn push_utf16_matches_encode_utf16() {
        let pieces = ["", "a", "abcdefg", "abcdefgh", "abcdefghi", "\u{34f}", "\u{e9}", "\u{2028}", "\u{1F600}", "$h\u{34f}_imports"];
        let mut samples: Vec<String> = Vec::new();
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    samples.push(format!("{a}{b}{c}"));
                }
            }
        }
        for s in &samples {
            let mut out = vec![7u16, 8];
            push_utf16(&mut out, s);
            let mut want = vec![7u16, 8];
            want.extend(s.encode_utf16());
            assert_eq!(out, want, "{s:?}");
        }
    }

    #[test]
    fn a_module_that_spells_arguments_keeps_the_inner_function() {
        let eager = |src: &str| {
            let out = analyze_for_js(&units(src), None);
            let eager_len: usize = field(&out.record, "eagerLength").parse().unwrap();
            String::from_utf16_lossy(&out.program.expect("a program")[..eager_len]).trim_end().to_string()
        };
        for src in ["export const n = arguments.length;", "export function f() { return \\u0061rguments; }"] {
            let text = eager(src);
            assert!(text.contains("){return(function(){'use strict';"), "{text}");
            assert!(text.ends_with("\n})()})"), "{text}");
        }
        let text = eager("import a from 'x'; export const n = a;");
        assert!(text.contains("){'use strict';let a;"), "{text}");
        assert!(!text.contains("return(function(){"), "{text}");
        assert!(text.ends_with("\n})"), "{text}");
    }

    #[test]
    fn program_keeps_the_callers_code_units() {
        // A lone surrogate (no UTF-8 form) inside a string literal, after an import.
        let mut src = units("import { a } from \"x\";\nexport const s = \"");
        src.push(0xD800);
        src.extend(units("\" + a;\n"));
        let out = analyze_for_js(&src, Some(&units("file:///m.js")));
        let both = out.program.expect("a program");
        let eager_len: usize = field(&out.record, "eagerLength").parse().unwrap();
        let (eager, program) = both.split_at(eager_len);
        assert!(program.windows(2).any(|w| w == [u16::from(b'"'), 0xD800]));
        assert!(eager.windows(2).any(|w| w == [u16::from(b'"'), 0xD800]));
        let text = String::from_utf16_lossy(program);
        assert!(text.starts_with("({imports:"));
        assert!(text.ends_with("\n})()\n//# sourceURL=file:///m.js\n"));
        let eager_text = String::from_utf16_lossy(eager);
        assert!(eager_text.starts_with("(function("));
        // One function: the module never spells `arguments`.
        assert!(eager_text.ends_with("\n})\n//# sourceURL=file:///m.js\n"));
        let head_len: usize = field(&out.record, "headLength").parse().unwrap();
        assert_eq!(program[head_len - 1], u16::from(b';'));
        // The body follows both heads at the same offset.
        let body_end = program.len() - "\n})()\n//# sourceURL=file:///m.js\n".len();
        assert_eq!(&eager[head_len..body_end], &program[head_len..body_end]);
        assert_eq!(field(&out.record, "clean"), "true");
        assert!(out.record.is_ascii());
    }

    #[test]
    fn eager_head_has_the_head_length() {
        for src in [
            "export default 1;",
            "import a from \"x\"; export { a };",
            "import * as n from \"x\"; import { b as c, d } from \"y\"; export function f() {}",
        ] {
            let Ok(ir) = analyze::analyze(src) else { panic!("parse") };
            let plan = rewrite::plan(src, &ir).unwrap();
            let head = functor::functor_head(&plan);
            let n = head.encode_utf16().count();
            let eager = functor::eager_head(&plan, &head, false).expect("fits");
            let single = functor::eager_head(&plan, &head, true).expect("fits");
            assert!(single.len() < eager.len());
            assert!(eager.encode_utf16().count() <= n);
            assert!(eager.starts_with("(function("));
            assert!(!eager.contains('\n'));
        }
    }

    #[test]
    fn no_eager_head_when_the_head_spans_lines() {
        for src in ["import x from \"./a\u{2028}b\";", "export * from \"a\u{2029}b\";"] {
            let Ok(ir) = analyze::analyze(src) else { panic!("parse") };
            let plan = rewrite::plan(src, &ir).unwrap();
            let head = functor::functor_head(&plan);
            assert!(functor::eager_head(&plan, &head, true).is_none(), "{src}");
            // The fallback keeps the arrow head's text after its opening, at its length.
            let kept = functor::eager_head_keeping_updaters(&head);
            assert!(kept.starts_with("(function("));
            assert_eq!(kept.encode_utf16().count(), head.encode_utf16().count());
            let after_opening = &head[head.find("=>").expect("an arrow") + 2..];
            assert!(kept.ends_with(after_opening));
            let out = analyze_for_js(&units(src), None);
            assert_eq!(field(&out.record, "eagerImports"), "null");
        }
    }

    #[test]
    fn unread_namespace_imports_are_marked_in_the_import_table() {
        let table = |src: &str| {
            let out = analyze_for_js(&units(src), None);
            let at = out.record.find("\"eagerImports\":").expect("a table") + 15;
            let end = out.record[at..].find(",\"clean\"").expect("then clean") + at;
            out.record[at..end].to_string()
        };
        // Never named again: -1.
        assert_eq!(table("import * as ns from 'x';\nexport const y = 1;"), "[\"x\",1,\"*\",1,-1]");
        assert_eq!(table("import * as ns from 'x'; import d from 'y'; d;"), "[\"x\",1,\"*\",1,-1,\"y\",1,\"default\",1,1]");
        // Any other identifier spelling it, cooked, keeps the slot.
        for src in [
            "import * as ns from 'x'; ns.a;",
            "import * as ns from 'x'; typeof ns;",
            "import * as ns from 'x'; export const f = () => ns;",
            "import * as ns from 'x'; export { ns };",
            "import * as ns from 'x'; export { ns as other };",
            "import * as ns from 'x'; export default { ns };",
            "import * as ns from 'x'; n\\u0073.a;",
            "import * as ns from 'x'; function f(ns) { return ns; } f();",
            "ns.early; import * as ns from 'x';",
        ] {
            assert!(!table(src).contains("-1"), "{src}: {}", table(src));
        }
        // A named import of the same module is not affected.
        assert_eq!(table("import * as ns from 'x'; import { a } from 'x'; a;"), "[\"x\",2,\"*\",1,-1,\"a\",1,1]");
    }

    #[test]
    fn rejected_text_is_not_clean() {
        for src in ["import x from \"<!--\";", "export const s = \"import(x)\";", "export * from \"eval(\";"] {
            let out = analyze_for_js(&units(src), None);
            assert_eq!(field(&out.record, "clean"), "false", "{src}");
        }
    }
}
