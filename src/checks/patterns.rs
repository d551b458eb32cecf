//! The three patterns `ses` tests source text with, as hand-written matchers that
//! return exactly the matches the JS regexps return:
//!
//! - HTML-like comment: `(?:<!--|-->)`
//! - import expression: `(^|[^.]|\.\.\.)\bimport(\s*(?:\(|/[/*]))`
//! - direct eval:       `(^|[^.])\beval(\s*\()`
//!
//! input: UTF-8 bytes and `from`, the `lastIndex` a global regexp would resume at
//! (always a character boundary); output: the leftmost match starting at or after
//! `from`, as byte offsets.
//!
//! How each regexp behaves, and how the matchers follow it:
//! - A match starts at its prefix, which must lie at or after `from`: `^` only matches
//!   at offset 0, `[^.]` is the one code unit before the keyword (any unit but `.`,
//!   including U+FFFD, line terminators and either half of a surrogate pair), and
//!   `...` the three before it. So a keyword right at `from` (> 0) can never match, which is
//!   what makes a global replace skip the second `import` of `import(import(`.
//! - `\b` before the keyword only asks that the unit before it is not `[A-Za-z0-9_]`.
//! - `\s*` is greedy, and backtracking it can never help (a shorter run is followed by
//!   a space, which is neither `(` nor `/`), so the suffix is: every `\s` unit, then
//!   `(`, `//` or `/*`.
//! - The leftmost match belongs to the first keyword occurrence that qualifies,
//!   because a keyword's match starts at most three units before it and keyword
//!   occurrences cannot overlap.

use super::scan::{find_signature, is_word_byte, skip_spaces, Signature};

/// A match, in byte offsets: `keyword..keyword_end` is the `<!--`/`-->`, `import` or
/// `eval` itself, `end` is where the whole match (suffix included) ends, which is where
/// a global regexp resumes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub keyword: usize,
    pub keyword_end: usize,
    pub end: usize,
}

/// `--`, shared by both HTML alternatives (the third probe repeats the second).
pub const HTML_SIGNATURE: Signature = [(0, b'-'), (1, b'-'), (1, b'-')];
/// The `i`, `p` and `t` of `import`.
pub const IMPORT_SIGNATURE: Signature = [(0, b'i'), (2, b'p'), (5, b't')];
/// The `e`, `v` and `l` of `eval`.
pub const EVAL_SIGNATURE: Signature = [(0, b'e'), (1, b'v'), (3, b'l')];

/// `(?:<!--|-->)` around the candidate `--` at `k`: `<!--` would start at `k - 2` and
/// `-->` at `k`. Checking them in that order, for increasing `k`, yields the leftmost
/// match (a `<!--` starting before `k - 2` would need `<` or `!` where `-` is).
pub fn html_comment_at(hay: &[u8], from: usize, k: usize) -> Option<Found> {
    if k >= from + 2 && hay.get(k - 2..k + 2) == Some(&b"<!--"[..]) {
        return Some(Found { keyword: k - 2, keyword_end: k + 2, end: k + 2 });
    }
    if hay.get(k..k + 3) == Some(&b"-->"[..]) {
        return Some(Found { keyword: k, keyword_end: k + 3, end: k + 3 });
    }
    None
}

/// Whether the prefix group can match before a keyword at `p` with the match starting
/// at or after `from`; `allow_spread` adds the `\.\.\.` alternative.
fn prefix_ok(hay: &[u8], from: usize, p: usize, allow_spread: bool) -> bool {
    if p == 0 {
        // `^`, which needs from == 0 as well.
        return from == 0;
    }
    let before = hay[p - 1];
    if is_word_byte(before) {
        return false; // `\b` fails
    }
    if before != b'.' {
        // `[^.]` takes the unit before the keyword; it starts at or after `from`
        // exactly when the keyword starts after `from` (from is a char boundary).
        return p > from;
    }
    allow_spread && p >= 3 && p - 3 >= from && hay[p - 3] == b'.' && hay[p - 2] == b'.'
}

/// `(^|[^.]|\.\.\.)\bimport(\s*(?:\(|/[/*]))` with the keyword at `p`.
pub fn import_expression_at(hay: &[u8], from: usize, p: usize) -> Option<Found> {
    if hay.get(p..p + 6) != Some(&b"import"[..]) || p < from || !prefix_ok(hay, from, p, true) {
        return None;
    }
    let q = skip_spaces(hay, p + 6);
    let end = match (hay.get(q), hay.get(q + 1)) {
        (Some(b'('), _) => q + 1,
        (Some(b'/'), Some(b'/' | b'*')) => q + 2,
        _ => return None,
    };
    Some(Found { keyword: p, keyword_end: p + 6, end })
}

/// `(^|[^.])\beval(\s*\()` with the keyword at `p`.
pub fn direct_eval_at(hay: &[u8], from: usize, p: usize) -> Option<Found> {
    if hay.get(p..p + 4) != Some(&b"eval"[..]) || p < from || !prefix_ok(hay, from, p, false) {
        return None;
    }
    let q = skip_spaces(hay, p + 4);
    if hay.get(q) != Some(&b'(') {
        return None;
    }
    Some(Found { keyword: p, keyword_end: p + 4, end: q + 1 })
}

fn next_with(
    hay: &[u8],
    from: usize,
    sig: Signature,
    at_candidate: fn(&[u8], usize, usize) -> Option<Found>,
) -> Option<Found> {
    let mut at = from;
    while let Some(c) = find_signature(hay, at, &[sig]) {
        if let Some(found) = at_candidate(hay, from, c) {
            return Some(found);
        }
        at = c + 1;
    }
    None
}

/// Leftmost `(?:<!--|-->)` match at or after `from`.
pub fn next_html_comment(hay: &[u8], from: usize) -> Option<Found> {
    next_with(hay, from, HTML_SIGNATURE, html_comment_at)
}

/// Leftmost import-expression match at or after `from`.
pub fn next_import_expression(hay: &[u8], from: usize) -> Option<Found> {
    next_with(hay, from, IMPORT_SIGNATURE, import_expression_at)
}

/// Leftmost direct-eval match at or after `from`.
pub fn next_direct_eval(hay: &[u8], from: usize) -> Option<Found> {
    next_with(hay, from, EVAL_SIGNATURE, direct_eval_at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(hay: &str, next: fn(&[u8], usize) -> Option<Found>) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut from = 0;
        while let Some(m) = next(hay.as_bytes(), from) {
            out.push((m.keyword, m.end));
            from = m.end;
        }
        out
    }

    #[test]
    fn html_comments() {
        assert_eq!(all("a<!--b-->c", next_html_comment), vec![(1, 5), (6, 9)]);
        assert_eq!(all("<!-->", next_html_comment), vec![(0, 4)]);
        assert_eq!(all("<!---->", next_html_comment), vec![(0, 4), (4, 7)]);
        assert_eq!(all("--->", next_html_comment), vec![(1, 4)]);
        assert_eq!(all("<!-", next_html_comment), vec![]);
        assert_eq!(all("x-- >", next_html_comment), vec![]);
        assert_eq!(next_html_comment(b"<!--", 1), None);
    }

    #[test]
    fn import_expressions() {
        let f = next_import_expression;
        assert_eq!(all("import(", f), vec![(0, 7)]);
        assert_eq!(all("import(import(", f), vec![(0, 7)]);
        assert_eq!(all("import( import(", f), vec![(0, 7), (8, 15)]);
        assert_eq!(all("import(...import(", f), vec![(0, 7), (10, 17)]);
        assert_eq!(all("x.import(", f), vec![]);
        assert_eq!(all("x..import(", f), vec![]);
        assert_eq!(all("x...import(", f), vec![(4, 11)]);
        assert_eq!(all("....import(", f), vec![(4, 11)]);
        assert_eq!(all("ximport(", f), vec![]);
        assert_eq!(all("$import(", f), vec![(1, 8)]);
        assert_eq!(all("\u{e9}import(", f), vec![(2, 9)]);
        assert_eq!(all("import \u{2028}\u{feff} (", f), vec![(0, 15)]);
        assert_eq!(all("import //", f), vec![(0, 9)]);
        assert_eq!(all("import /*", f), vec![(0, 9)]);
        assert_eq!(all("import /x", f), vec![]);
        assert_eq!(all("import", f), vec![]);
        assert_eq!(all("importx(", f), vec![]);
        assert_eq!(all("import.meta", f), vec![]);
    }

    #[test]
    fn direct_evals() {
        let f = next_direct_eval;
        assert_eq!(all("eval(", f), vec![(0, 5)]);
        assert_eq!(all("(eval)(", f), vec![]);
        assert_eq!(all("x.eval(", f), vec![]);
        assert_eq!(all("...eval(", f), vec![]);
        assert_eq!(all("eval?.(", f), vec![]);
        assert_eq!(all("eval /**/ (", f), vec![]);
        assert_eq!(all("\neval\u{a0}(", f), vec![(1, 8)]);
        assert_eq!(all("myeval(", f), vec![]);
        assert_eq!(all("evalx(", f), vec![]);
    }
}
