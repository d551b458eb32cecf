//! The URL `ses` names in rejection messages: its `getSourceURL`, reproduced.
//!
//! input: UTF-8 bytes; output: the byte range of the `sourceURL` value, or `None` for
//! `<unknown>`.
//!
//! `ses` matches, against the whole text (no `m` flag, so `$` is the end of input),
//!
//! ```text
//! (?:\s*//\s*[@#]\s*(KEY)\s*=\s*(VALUE)|/\*\s*[@#]\s*(KEY)\s*=\s*(VALUE)\s*\*/)\s*$
//! KEY = [a-zA-Z][a-zA-Z0-9]*      VALUE = [^\s\*]*
//! ```
//!
//! then cuts the leftmost match off the end and repeats until nothing matches; each
//! match whose key is `sourceURL` overwrites the result, so the earliest one in the
//! trailing run of comments wins.
//!
//! Trying every start offset, as the regexp engine does, is quadratic. Instead each
//! round works backwards from the end:
//! - after the trailing spaces the text ends either in `*/` (only the block form can
//!   match) or not (only the line form can: its value cannot hold `*`);
//! - the value is a suffix of the maximal run R of non-space, non-`*` characters that
//!   ends where the value must end, and what precedes the value is `=` and spaces; so
//!   the `=` is either one inside R or the one just before the spaces before R;
//! - from a given `=` everything to its left is forced: spaces, the key (the maximal
//!   alphanumeric run, which must begin with a letter), spaces, `@` or `#`, spaces,
//!   `//` or `/*`, and for the line form the spaces before that;
//! - nothing between the comment opener and its `=` is an `=`, so a smaller `=` means
//!   a smaller start: the first `=` (left to right) that works gives the leftmost match.

use super::scan::{skip_spaces_back, space_before};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    Line,
    Block,
}

struct Meta {
    start: usize,
    key: (usize, usize),
    value: (usize, usize),
}

/// Byte range of the source URL `getSourceURL` would return, `None` for `<unknown>`.
pub fn source_url(hay: &[u8]) -> Option<(usize, usize)> {
    let mut end = hay.len();
    let mut url = None;
    while end > 0 {
        let Some(meta) = trailing_meta_comment(&hay[..end]) else { break };
        if &hay[meta.key.0..meta.key.1] == b"sourceURL" {
            url = Some(meta.value);
        }
        if meta.start >= end {
            break; // cannot happen (every match is non-empty); never loop forever
        }
        end = meta.start;
    }
    url
}

fn trailing_meta_comment(hay: &[u8]) -> Option<Meta> {
    let text_end = skip_spaces_back(hay, hay.len());
    let (form, value_end) = if text_end >= 2 && &hay[text_end - 2..text_end] == b"*/" {
        (Form::Block, skip_spaces_back(hay, text_end - 2))
    } else {
        (Form::Line, text_end)
    };
    // R: the maximal run of non-space, non-`*` characters ending at `value_end`.
    // Stepping back a byte at a time is safe: a space character can only end on a
    // character boundary, and `*` is ASCII.
    let mut run = value_end;
    while run > 0 && hay[run - 1] != b'*' && space_before(hay, run) == 0 {
        run -= 1;
    }
    // The `=` before the spaces that precede R.
    if run > 0 && space_before(hay, run) > 0 {
        let before = skip_spaces_back(hay, run);
        if before > 0 && hay[before - 1] == b'=' {
            if let Some(meta) = parse_back(hay, form, before - 1, (run, value_end)) {
                return Some(meta);
            }
        }
    }
    // Each `=` inside R, left to right.
    for eq in run..value_end {
        if hay[eq] == b'=' {
            if let Some(meta) = parse_back(hay, form, eq, (eq + 1, value_end)) {
                return Some(meta);
            }
        }
    }
    None
}

/// Everything left of the `=` at `eq` is forced; check it and find where the match starts.
fn parse_back(hay: &[u8], form: Form, eq: usize, value: (usize, usize)) -> Option<Meta> {
    let key_end = skip_spaces_back(hay, eq);
    let mut key_start = key_end;
    while key_start > 0 && hay[key_start - 1].is_ascii_alphanumeric() {
        key_start -= 1;
    }
    if key_start == key_end || !hay[key_start].is_ascii_alphabetic() {
        return None;
    }
    let sigil = skip_spaces_back(hay, key_start);
    if sigil == 0 || !matches!(hay[sigil - 1], b'@' | b'#') {
        return None;
    }
    let opener_end = skip_spaces_back(hay, sigil - 1);
    if opener_end < 2 {
        return None;
    }
    let opener = &hay[opener_end - 2..opener_end];
    let start = match form {
        Form::Line if opener == b"//" => skip_spaces_back(hay, opener_end - 2),
        Form::Block if opener == b"/*" => opener_end - 2,
        _ => return None,
    };
    Some(Meta { start, key: (key_start, key_end), value })
}

#[cfg(test)]
mod tests {
    use super::source_url;

    fn url(src: &str) -> Option<&str> {
        source_url(src.as_bytes()).map(|(a, b)| &src[a..b])
    }

    #[test]
    fn plain_forms() {
        assert_eq!(url("x\n//# sourceURL=foo.js"), Some("foo.js"));
        assert_eq!(url("x\n//@ sourceURL=foo.js\n  "), Some("foo.js"));
        assert_eq!(url("x\n/*# sourceURL=foo.js */"), Some("foo.js"));
        assert_eq!(url("x\n/*#sourceURL=foo.js*/\n"), Some("foo.js"));
        assert_eq!(url("x//# sourceURL = a=b "), Some("a=b"));
        assert_eq!(url("//# sourceURL="), Some(""));
        assert_eq!(url("x"), None);
        assert_eq!(url(""), None);
        assert_eq!(url("//# sourceURL=a b"), None);
        assert_eq!(url("//# sourceURL=a*b"), None);
        assert_eq!(url("/*# sourceURL=a */ x"), None);
        assert_eq!(url("//# 9sourceURL=a"), None);
    }

    #[test]
    fn earliest_of_a_trailing_run_wins() {
        assert_eq!(url("//# sourceURL=a\n//# sourceURL=b"), Some("a"));
        assert_eq!(url("//# sourceURL=a\n//# sourceMappingURL=m"), Some("a"));
        assert_eq!(url("/*# sourceURL=a */ /*@ sourceURL=b */"), Some("a"));
        assert_eq!(url("//# sourceURL=a\nx\n//# sourceURL=b"), Some("b"));
    }

    #[test]
    fn values_may_hold_comment_openers() {
        // The space ends the first comment's value, so the second comment matches alone.
        assert_eq!(url("//#a=//# sourceURL=b"), Some("b"));
        assert_eq!(url("//#sourceURL=//#a=b"), Some("//#a=b"));
        // Spaces and newlines are allowed everywhere a `\s*` is.
        assert_eq!(url("//\n#\nsourceURL\n=\nfoo\n"), Some("foo"));
    }
}
