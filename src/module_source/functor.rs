//! Pass 3: the functor head — the text before the (spliced) module body.
//!
//! input:  `Plan` (rewrite.rs)
//! output: `({imports:$h͏_imports,liveVar:$h͏_live,onceVar:$h͏_once,import:$h͏_import,
//!         importMeta:$h͏____meta})=>(function(){'use strict';<preamble>` where the
//!         preamble is `let <imported locals>;`, the `$h͏_imports([...])` call with
//!         one updater list per imported name, and the hoisted `$h͏_once.f(f);` /
//!         `$h͏_live.x();` initializations — character for character what
//!         `@endo/module-source` 1.5.0 emits. The JS side appends the body, `\n})()\n`
//!         and the optional `//# sourceURL=` line.

use swc_atoms::Wtf8Atom;

use super::hidden::{HIDDEN_A, HIDDEN_IMPORT, HIDDEN_IMPORTS, HIDDEN_LIVE, HIDDEN_META, HIDDEN_ONCE};
use super::analyze::AtomSet;
use super::rewrite::{OrderedMap, Plan, Updater};
use crate::positions::{has_line_terminator, utf16_len};

fn push_escaped_code_point(out: &mut String, cp: u32) {
    match cp {
        0x22 => out.push_str("\\\""),
        0x5C => out.push_str("\\\\"),
        0x08 => out.push_str("\\b"),
        0x0C => out.push_str("\\f"),
        0x0A => out.push_str("\\n"),
        0x0D => out.push_str("\\r"),
        0x09 => out.push_str("\\t"),
        c if c < 0x20 || (0xD800..=0xDFFF).contains(&c) => {
            out.push_str(&format!("\\u{c:04x}"));
        }
        c => out.push(char::from_u32(c).unwrap_or('\u{fffd}')),
    }
}

/// `JSON.stringify(s)` as JS computes it. Runs of bytes that need no escape (a Rust
/// string holds no lone surrogate, so only ASCII controls, `"` and `\\` do) are copied
/// whole.
pub fn push_js_string(out: &mut String, s: &str) {
    out.push('"');
    let bytes = s.as_bytes();
    let mut run = 0usize;
    for (i, &b) in bytes.iter().enumerate() {
        if b < 0x20 || b == b'"' || b == b'\\' {
            out.push_str(&s[run..i]);
            push_escaped_code_point(out, u32::from(b));
            run = i + 1;
        }
    }
    out.push_str(&s[run..]);
    out.push('"');
}

/// `JSON.stringify(s)` for a string that may hold lone surrogates.
pub fn push_js_wtf8(out: &mut String, s: &Wtf8Atom) {
    if let Some(s) = s.as_str() {
        return push_js_string(out, s);
    }
    out.push('"');
    for cp in s.code_points() {
        push_escaped_code_point(out, cp.to_u32());
    }
    out.push('"');
}

/// A decimal number, without a temporary string.
fn push_decimal(out: &mut String, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.push_str(std::str::from_utf8(&digits[at..]).unwrap_or("0"));
}

/// Whether a property key is an array index (JS orders those first, numerically).
pub fn array_index(s: &Wtf8Atom) -> Option<u64> {
    let s = s.as_str()?;
    if s.is_empty() || s.len() > 10 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if s.len() > 1 && s.starts_with('0') {
        return None;
    }
    let v: u64 = s.parse().ok()?;
    (v < 4_294_967_295).then_some(v)
}

/// Indices of `keys` in the order JS enumerates the properties of an object that had
/// them assigned in this order.
pub fn js_key_order(keys: &[&Wtf8Atom]) -> Vec<usize> {
    let mut idx: Vec<(u64, usize)> = Vec::new();
    let mut rest: Vec<usize> = Vec::new();
    for (i, k) in keys.iter().enumerate() {
        match array_index(k) {
            Some(v) => idx.push((v, i)),
            None => rest.push(i),
        }
    }
    if idx.is_empty() {
        return rest;
    }
    idx.sort();
    idx.into_iter().map(|(_, i)| i).chain(rest).collect()
}

/// The opening of every functor head: the arrow's destructured parameter list.
fn push_arrow_opening(out: &mut String) {
    out.push_str("({imports:");
    out.push_str(HIDDEN_IMPORTS);
    out.push_str(",liveVar:");
    out.push_str(HIDDEN_LIVE);
    out.push_str(",onceVar:");
    out.push_str(HIDDEN_ONCE);
    out.push_str(",import:");
    out.push_str(HIDDEN_IMPORT);
    out.push_str(",importMeta:");
    out.push_str(HIDDEN_META);
    out.push_str("})=>");
}

/// The eager program's opening: a parenthesized function expression taking the five
/// values positionally, which returns what the arrow's body evaluates to, or (`single`)
/// whose own body is the module's code.
fn push_eager_opening(out: &mut String, single: bool) {
    out.push_str("(function(");
    for (i, name) in [HIDDEN_IMPORTS, HIDDEN_LIVE, HIDDEN_ONCE, HIDDEN_IMPORT, HIDDEN_META].iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(name);
    }
    out.push_str(if single { "){" } else { "){return" });
}

pub fn functor_head(plan: &Plan) -> String {
    let mut out = String::with_capacity(256);
    push_arrow_opening(&mut out);
    push_preamble_opening(&mut out, plan, true);
    out.push_str(HIDDEN_IMPORTS);
    out.push('(');
    push_update_record(&mut out, plan);
    out.push_str(");");
    push_hoisted(&mut out, plan);
    out
}

/// The import sources of `plan` (specifier, then imported name -> updaters) in JS key
/// order, the order of the record's `imports`.
pub fn sources_in_key_order(
    plan: &Plan,
) -> impl Iterator<Item = &(Wtf8Atom, OrderedMap<String, Vec<Updater>>)> + '_ {
    let keys: Vec<&Wtf8Atom> = plan.sources.entries.iter().map(|(k, _)| k).collect();
    js_key_order(&keys).into_iter().map(move |i| &plan.sources.entries[i])
}

/// `[[specifier, [[importName, [updater, ...]], ...]], ...]` for each import specifier in
/// JS key order, each updater an arrow assigning its local or the live export's update
/// function.
fn push_update_record(out: &mut String, plan: &Plan) {
    out.push('[');
    for (n, (spec, names)) in sources_in_key_order(plan).enumerate() {
        if n > 0 {
            out.push(',');
        }
        out.push('[');
        push_js_wtf8(out, spec);
        out.push_str(", [");
        for (j, (name, updaters)) in names.entries.iter().enumerate() {
            if j > 0 {
                out.push(',');
            }
            out.push('[');
            push_js_string(out, name);
            out.push_str(",[");
            for (k, u) in updaters.iter().enumerate() {
                if k > 0 {
                    out.push(',');
                }
                match u {
                    Updater::Assign { local, .. } => {
                        out.push_str(HIDDEN_A);
                        out.push_str(" => (");
                        out.push_str(local);
                        out.push_str(" = ");
                        out.push_str(HIDDEN_A);
                        out.push(')');
                    }
                    Updater::Live(local) => {
                        out.push_str(HIDDEN_LIVE);
                        out.push('[');
                        push_js_string(out, local);
                        out.push(']');
                    }
                }
            }
            out.push_str("]]");
        }
        out.push_str("]]");
    }
    out.push(']');
}

/// `(function(){'use strict';let <imported locals>;`, without the function's opening
/// when `inner_function` is false.
fn push_preamble_opening(out: &mut String, plan: &Plan, inner_function: bool) {
    if inner_function {
        out.push_str("(function(){");
    }
    out.push_str("'use strict';");
    if !plan.import_decls.is_empty() {
        out.push_str("let ");
        for (i, d) in plan.import_decls.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(d);
        }
        out.push(';');
    }
}

/// The initializations of hoisted exported declarations.
fn push_hoisted(out: &mut String, plan: &Plan) {
    for (name, once, cvname) in &plan.hoisted {
        if let Some(cv) = cvname {
            out.push_str("Object.defineProperty(");
            out.push_str(cv);
            out.push_str(",'name',{value:");
            push_js_string(out, name);
            out.push_str("});");
        }
        out.push_str(if *once { HIDDEN_ONCE } else { HIDDEN_LIVE });
        out.push('.');
        out.push_str(name);
        out.push('(');
        if let Some(cv) = cvname {
            out.push_str(cv);
        }
        out.push_str(");");
    }
}

/// The head of the eager program (see `lib/modules/module-source.js`): a parenthesized
/// function expression taking the five values positionally, whose `$h͏_imports` call
/// passes one updater for all imported locals instead of one arrow per local. The
/// updater is called with the slot (an index into the imported locals) as `this` and
/// the value as its argument; which import feeds which slot is data
/// (`push_import_table`). It is a parenthesized function expression too, so that V8
/// compiles it with the rest of the program rather than on its first call. Not longer
/// than `functor_head` (UTF-16 units): padded with spaces to its length (by the JS side),
/// the body that follows keeps every line and column; `None` if it would not fit, or if
/// `functor_head` spans lines.
/// With `single`, the module's code is the body of that function itself, not of an
/// inner function it calls: one function fewer to compile, allowed when the module
/// never spells `arguments` (which would then see the five values). The program ends
/// with `eager_closing(single)`.
pub fn eager_head(plan: &Plan, functor_head: &str, single: bool) -> Option<String> {
    // A specifier or import name may hold a raw line terminator that JS strings allow
    // (U+2028, U+2029): then the functor head spans lines that this head, which leaves
    // the names out, would not.
    if has_line_terminator(functor_head) {
        return None;
    }
    let functor_head_utf16 = utf16_len(functor_head.as_bytes());
    let mut out = String::with_capacity(functor_head_utf16 + 8);
    push_eager_opening(&mut out, single);
    push_preamble_opening(&mut out, plan, !single);
    out.push_str(HIDDEN_IMPORTS);
    out.push('(');
    if plan.import_decls.is_empty() {
        out.push_str("null");
    } else {
        // `$h͏_a` is a name guest code cannot use.
        out.push_str("(function(");
        out.push_str(HIDDEN_A);
        out.push_str("){switch(this){");
        for (slot, local) in plan.import_decls.iter().enumerate() {
            out.push_str("case ");
            push_decimal(&mut out, slot);
            out.push(':');
            out.push_str(local);
            out.push('=');
            out.push_str(HIDDEN_A);
            out.push_str(";break;");
        }
        out.push_str("}})");
    }
    out.push_str(");");
    push_hoisted(&mut out, plan);
    (utf16_len(out.as_bytes()) <= functor_head_utf16).then_some(out)
}

/// The eager head used when `eager_head` gives none: only the arrow's opening is
/// replaced (by the eager opening, padded with spaces to its length), and the rest of
/// `functor_head`, with its update record of arrows, is kept as it is.
pub fn eager_head_keeping_updaters(functor_head: &str) -> String {
    let mut arrow = String::new();
    push_arrow_opening(&mut arrow);
    let mut out = String::with_capacity(functor_head.len());
    push_eager_opening(&mut out, false);
    let pad = utf16_len(arrow.as_bytes()).saturating_sub(utf16_len(out.as_bytes()));
    out.extend(std::iter::repeat(' ').take(pad));
    out.push_str(functor_head.get(arrow.len()..).unwrap_or(""));
    out
}

/// What follows the module's code in the eager program: the closing of the function
/// (`single`, see `eager_head`), or of the inner function, its call, and the outer one.
pub fn eager_closing(single: bool) -> &'static str {
    if single {
        "\n})"
    } else {
        "\n})()})"
    }
}

/// JSON of what the eager head's `$h͏_imports` call leaves out, as one flat array (the
/// loader reads it once per instance; one array is far less to build and keep than
/// nested ones): for each import specifier (in the order of `functor_head`), the
/// specifier, the number of names imported from it, and for each name the name, the
/// number of its updaters and the updaters. An updater is a slot number (that local) or
/// a string (the live export of that name).
/// A slot is written as -1 when its local is an `import * as x` that the module never
/// reads (`Ir::unread_star_locals`): the loader then does not subscribe it, and the
/// namespace need not be handed over (or built) for it.
pub fn push_import_table(out: &mut String, plan: &Plan, unread: &AtomSet) {
    out.push('[');
    for (n, (spec, names)) in sources_in_key_order(plan).enumerate() {
        if n > 0 {
            out.push(',');
        }
        push_js_wtf8(out, spec);
        out.push(',');
        push_decimal(out, names.entries.len());
        for (name, updaters) in &names.entries {
            out.push(',');
            push_js_string(out, name);
            out.push(',');
            push_decimal(out, updaters.len());
            for u in updaters {
                out.push(',');
                match u {
                    Updater::Assign { local, .. } if unread.contains(local) => out.push_str("-1"),
                    Updater::Assign { slot, .. } => push_decimal(out, *slot),
                    Updater::Live(local) => push_js_string(out, local),
                }
            }
        }
    }
    out.push(']');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stringify_like_js() {
        let mut s = String::new();
        push_js_string(&mut s, "a\"\\\n\u{1}\u{2028}");
        assert_eq!(s, "\"a\\\"\\\\\\n\\u0001\u{2028}\"");
        let mut s = String::new();
        push_js_string(&mut s, "\u{8}\u{c}\t\u{e9}x\u{1F600}\u{1f}");
        assert_eq!(s, "\"\\b\\f\\t\u{e9}x\u{1F600}\\u001f\"");
    }

    #[test]
    fn decimals() {
        for n in [0usize, 7, 10, 4096, usize::MAX] {
            let mut s = String::from("x");
            push_decimal(&mut s, n);
            assert_eq!(s, format!("x{n}"));
        }
    }

    #[test]
    fn array_index_keys_first() {
        let k: Vec<Wtf8Atom> = ["b", "10", "a", "2", "02"].iter().map(|s| Wtf8Atom::from(*s)).collect();
        let refs: Vec<&Wtf8Atom> = k.iter().collect();
        assert_eq!(js_key_order(&refs), vec![3, 1, 0, 2, 4]);
    }
}
