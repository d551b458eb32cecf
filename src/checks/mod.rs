//! Rejection checks and evasion transforms: regex-equivalent scans, no parser.
//!
//! input: a source text (UTF-8 as napi converts it: lone surrogates become U+FFFD) and
//! a bit mask; output: small JSON documents carrying UTF-16 offsets into the caller's
//! string, never text cut from it.
//!
//! - `find_rejection_json(source, checks)`: `null` (None) when the selected checks all
//!   pass, else `{"code":"SES_…_REJECTED","line":n,"url":"…"}` for the first check that
//!   matched, plus `"urlStart":a,"urlEnd":b` (UTF-16) when the URL came from a
//!   `sourceURL` comment, so the JS side can cut the exact code units itself.
//!   Checks run in this order: direct eval when bit 8 is set (how a compartment's
//!   `evaluate` orders them), HTML comment (bit 1), import expression (bit 2), direct
//!   eval (bit 4, if bit 8 did not already run it).
//! - `evasion_edits_json(source, which)`: `[start,end,"text",...]` (UTF-16, sorted,
//!   disjoint) for the HTML-comment evasion (which = 1) or the import-expression
//!   evasion (which = 2). Other values give `[]`.
//!
//! Every search is a vectorised scan for three bytes each pattern must contain at fixed
//! distances (`scan.rs`), followed by an exact check of the few candidates
//! (`patterns.rs` explains why the results equal the regexps'). All selected checks
//! share one pass: about 0.6 ms for a 3 MB bundle in a release build.
//!
//! Files: `scan.rs` (byte primitives), `patterns.rs` (the three regexps),
//! `source_url.rs` (ses's getSourceURL); test-only: `reference.rs` (a literal
//! backtracking regexp engine used as the oracle), `fuzz.rs`, `fixtures.rs` (recorded
//! ses 2.3.0 outcomes in `__test__/fixtures/transforms/cases.json`).

mod patterns;
mod scan;
mod source_url;

pub use patterns::{next_direct_eval, next_html_comment, next_import_expression, Found};
use patterns::{EVAL_SIGNATURE, HTML_SIGNATURE, IMPORT_SIGNATURE};
use scan::Signature;
pub use source_url::source_url;

/// Mask bit: reject `<!--` and `-->`.
pub const CHECK_HTML_COMMENT: u32 = 1;
/// Mask bit: reject apparent `import(` expressions.
pub const CHECK_IMPORT_EXPRESSION: u32 = 2;
/// Mask bit: reject apparent direct `eval(` calls (after the two above).
pub const CHECK_DIRECT_EVAL: u32 = 4;
/// Mask bit: reject apparent direct `eval(` calls before the others.
pub const CHECK_DIRECT_EVAL_FIRST: u32 = 8;

/// Evasion selector: rewrite `<!--` to `< ! --` and `-->` to `-- >`.
pub const EVADE_HTML_COMMENT: u32 = 1;
/// Evasion selector: rewrite each matched `import` to `__import__`.
pub const EVADE_IMPORT_EXPRESSION: u32 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    HtmlComment,
    ImportExpression,
    DirectEval,
}

impl Check {
    pub fn code(self) -> &'static str {
        match self {
            Check::HtmlComment => "SES_HTML_COMMENT_REJECTED",
            Check::ImportExpression => "SES_IMPORT_REJECTED",
            Check::DirectEval => "SES_EVAL_REJECTED",
        }
    }

    fn signature(self) -> Signature {
        match self {
            Check::HtmlComment => HTML_SIGNATURE,
            Check::ImportExpression => IMPORT_SIGNATURE,
            Check::DirectEval => EVAL_SIGNATURE,
        }
    }

    /// The match (from offset 0) whose signature sits at `candidate`, if any.
    fn match_at(self, hay: &[u8], candidate: usize) -> Option<Found> {
        match self {
            Check::HtmlComment => patterns::html_comment_at(hay, 0, candidate),
            Check::ImportExpression => patterns::import_expression_at(hay, 0, candidate),
            Check::DirectEval => patterns::direct_eval_at(hay, 0, candidate),
        }
    }
}

/// What a failed check reports, in byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    pub check: Check,
    /// `ses`'s line: 1 + the LFs before the match, + 1 if the match begins with a
    /// captured LF. The captured unit is the one just before the keyword, so this is
    /// always 1 + the LFs before the keyword itself.
    pub line: usize,
    /// Byte range of the `sourceURL` value, `None` for `<unknown>`.
    pub url: Option<(usize, usize)>,
}

/// The checks selected by `checks`, in the order they run.
fn plan(checks: u32) -> impl Iterator<Item = Check> {
    let eval_first = checks & CHECK_DIRECT_EVAL_FIRST != 0;
    [
        (eval_first, Check::DirectEval),
        (checks & CHECK_HTML_COMMENT != 0, Check::HtmlComment),
        (checks & CHECK_IMPORT_EXPRESSION != 0, Check::ImportExpression),
        (!eval_first && checks & CHECK_DIRECT_EVAL != 0, Check::DirectEval),
    ]
    .into_iter()
    .filter_map(|(on, check)| on.then_some(check))
}

/// One pass for all selected checks: candidates for every signature still relevant
/// are visited left to right, so each check's first verified candidate is its leftmost
/// match. Once a check has matched, only the checks that run before it still matter;
/// the pass ends when the first check in the order matches or the text ends.
pub fn find_rejection(source: &str, checks: u32) -> Option<Rejection> {
    let hay = source.as_bytes();
    let mut order = [Check::HtmlComment; 3];
    let mut count = 0;
    for check in plan(checks) {
        if count < order.len() {
            order[count] = check;
            count += 1;
        }
    }
    let mut sigs = [HTML_SIGNATURE; 3];
    for (sig, check) in sigs.iter_mut().zip(&order[..count]) {
        *sig = check.signature();
    }
    // (rank in `order`, match) of the best check matched so far.
    let mut best: Option<(usize, Found)> = None;
    let mut at = 0;
    loop {
        let live = best.map_or(count, |(rank, _)| rank);
        if live == 0 {
            break;
        }
        let Some(candidate) = scan::find_signature(hay, at, &sigs[..live]) else { break };
        if let Some(hit) =
            (0..live).find_map(|rank| order[rank].match_at(hay, candidate).map(|found| (rank, found)))
        {
            best = Some(hit);
        }
        at = candidate + 1;
    }
    best.map(|(rank, found)| Rejection {
        check: order[rank],
        line: 1 + scan::count_newlines(&hay[..found.keyword]),
        url: source_url(hay),
    })
}

pub fn find_rejection_json(source: &str, checks: u32) -> Option<String> {
    let rejection = find_rejection(source, checks)?;
    let mut out = String::with_capacity(96);
    out.push_str("{\"code\":\"");
    out.push_str(rejection.check.code());
    out.push_str("\",\"line\":");
    out.push_str(&rejection.line.to_string());
    out.push_str(",\"url\":");
    match rejection.url {
        None => crate::json::push_str(&mut out, "<unknown>"),
        Some((start, end)) => {
            let hay = source.as_bytes();
            crate::json::push_str(&mut out, source.get(start..end).unwrap_or(""));
            let unit_start = scan::utf16_len(&hay[..start]);
            let unit_end = unit_start + scan::utf16_len(&hay[start..end]);
            out.push_str(&format!(",\"urlStart\":{unit_start},\"urlEnd\":{unit_end}"));
        }
    }
    out.push('}');
    Some(out)
}

/// Edits (UTF-16 offsets) for one evasion, as `(start, end, replacement)`.
pub fn evasion_edits(source: &str, which: u32) -> Vec<(usize, usize, &'static str)> {
    let hay = source.as_bytes();
    let next: fn(&[u8], usize) -> Option<Found> = match which {
        EVADE_HTML_COMMENT => next_html_comment,
        EVADE_IMPORT_EXPRESSION => next_import_expression,
        _ => return Vec::new(),
    };
    let mut cursor = scan::Utf16Cursor::from_bytes(hay);
    let mut edits = Vec::new();
    let mut from = 0;
    // A global regexp replace: after each match, resume where it ended.
    while let Some(found) = next(hay, from) {
        let text = match which {
            EVADE_HTML_COMMENT if hay[found.keyword] == b'<' => "< ! --",
            EVADE_HTML_COMMENT => "-- >",
            _ => "__import__",
        };
        let start = cursor.at(found.keyword);
        let end = cursor.at(found.keyword_end);
        edits.push((start, end, text));
        from = found.end;
    }
    edits
}

pub fn evasion_edits_json(source: &str, which: u32) -> String {
    let edits = evasion_edits(source, which);
    let mut out = String::with_capacity(2 + edits.len() * 24);
    out.push('[');
    for (i, (start, end, text)) in edits.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&format!("{start},{end},\"{text}\""));
    }
    out.push(']');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(source: &str, which: u32) -> String {
        let units: Vec<u16> = source.encode_utf16().collect();
        let mut out: Vec<u16> = Vec::new();
        let mut at = 0;
        for (start, end, text) in evasion_edits(source, which) {
            out.extend_from_slice(&units[at..start]);
            out.extend(text.encode_utf16());
            at = end;
        }
        out.extend_from_slice(&units[at..]);
        String::from_utf16(&out).unwrap()
    }

    fn rejection(source: &str, checks: u32) -> Option<(Check, usize, Option<String>)> {
        find_rejection(source, checks)
            .map(|r| (r.check, r.line, r.url.map(|(a, b)| source[a..b].to_string())))
    }

    #[test]
    fn evasions_rewrite_like_a_global_replace() {
        assert_eq!(apply("a<!--b-->c<!-->", 1), "a< ! --b-- >c< ! -->");
        assert_eq!(apply("\u{1f600}-->\u{e9}", 1), "\u{1f600}-- >\u{e9}");
        assert_eq!(apply("import(import( ...import/**/", 2), "__import__(import( ...__import__/**/");
        assert_eq!(apply("\u{1f600} import (x)", 2), "\u{1f600} __import__ (x)");
        assert_eq!(apply("nothing", 2), "nothing");
        assert_eq!(evasion_edits_json("<!--", 1), "[0,4,\"< ! --\"]");
        assert_eq!(evasion_edits_json("<!--", 3), "[]");
        assert_eq!(evasion_edits_json("", 2), "[]");
    }

    #[test]
    fn checks_run_in_mask_order() {
        let src = "eval(1)\nimport('x')\n<!--";
        assert_eq!(rejection(src, 7), Some((Check::HtmlComment, 3, None)));
        assert_eq!(rejection(src, 6), Some((Check::ImportExpression, 2, None)));
        assert_eq!(rejection(src, 4), Some((Check::DirectEval, 1, None)));
        assert_eq!(rejection(src, 8 | 3), Some((Check::DirectEval, 1, None)));
        assert_eq!(rejection(src, 8 | 4 | 3), Some((Check::DirectEval, 1, None)));
        assert_eq!(rejection(src, 0), None);
        assert_eq!(rejection("x.eval(1)", 7), None);
    }

    #[test]
    fn line_numbers_count_only_line_feeds() {
        assert_eq!(rejection("\n\neval(\"1\")\n//# sourceURL=foo.js", 4),
            Some((Check::DirectEval, 3, Some("foo.js".into()))));
        assert_eq!(rejection("\r\n\r\u{2028}\u{2029}\nimport(", 2).map(|r| r.1), Some(3));
        assert_eq!(rejection("\n", 1), None);
        assert_eq!(rejection("a\n-->", 1).map(|r| r.1), Some(2));
    }

    #[test]
    fn rejection_json() {
        assert_eq!(find_rejection_json("<!--", 1).as_deref(),
            Some("{\"code\":\"SES_HTML_COMMENT_REJECTED\",\"line\":1,\"url\":\"<unknown>\"}"));
        assert_eq!(find_rejection_json("\u{1f600}eval(1)//# sourceURL=\u{e9}\"x", 4).as_deref(),
            Some("{\"code\":\"SES_EVAL_REJECTED\",\"line\":1,\"url\":\"\\u00e9\\\"x\",\"urlStart\":23,\"urlEnd\":26}"));
        assert_eq!(find_rejection_json("import(", 1), None);
    }
}

#[cfg(test)]
mod reference;

#[cfg(test)]
mod fuzz;

#[cfg(test)]
mod fixtures;
