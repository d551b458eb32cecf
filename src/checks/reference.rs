//! Test-only oracle: a literal backtracking regexp engine over UTF-16 code units, with
//! ses's four regexps written in it, and ses's `getLineNumber` / `getSourceURL` /
//! global-replace loops on top. The fast matchers are fuzzed against it.

#[derive(Clone, Copy)]
pub enum Node {
    /// One code unit in a class.
    Class(fn(u16) -> bool),
    /// A literal string.
    Lit(&'static str),
    /// `class*`, greedy, backtracking.
    Star(fn(u16) -> bool),
    /// `^` (no `m` flag).
    Start,
    /// `$` (no `m` flag).
    End,
    /// `\b` (no `u`/`i` flag).
    Boundary,
    /// `(a|b|…)`, capturing into slot `.0` unless it is `usize::MAX`.
    Group(usize, &'static [&'static [Node]]),
}

pub type Caps = [Option<(usize, usize)>; 5];

pub fn is_space(c: u16) -> bool {
    matches!(c, 0x09..=0x0d | 0x20 | 0xa0 | 0x1680 | 0x2000..=0x200a | 0x2028 | 0x2029 | 0x202f | 0x205f | 0x3000 | 0xfeff)
}
fn is_word(c: u16) -> bool {
    c < 128 && ((c as u8).is_ascii_alphanumeric() || c == b'_' as u16)
}

fn run(
    seq: &[Node],
    u: &[u16],
    pos: usize,
    caps: &mut Caps,
    k: &mut dyn FnMut(usize, &mut Caps) -> bool,
) -> bool {
    let Some((first, rest)) = seq.split_first() else { return k(pos, caps) };
    match *first {
        Node::Class(f) => pos < u.len() && f(u[pos]) && run(rest, u, pos + 1, caps, k),
        Node::Lit(s) => {
            // The literals are ASCII: one code unit per byte.
            let n = s.len();
            u.len() >= pos + n
                && u[pos..pos + n].iter().zip(s.bytes()).all(|(&a, b)| a == b as u16)
                && run(rest, u, pos + n, caps, k)
        }
        Node::Star(f) => {
            let mut end = pos;
            while end < u.len() && f(u[end]) {
                end += 1;
            }
            (pos..=end).rev().any(|e| run(rest, u, e, caps, k))
        }
        Node::Start => pos == 0 && run(rest, u, pos, caps, k),
        Node::End => pos == u.len() && run(rest, u, pos, caps, k),
        Node::Boundary => {
            let before = pos > 0 && is_word(u[pos - 1]);
            let after = pos < u.len() && is_word(u[pos]);
            before != after && run(rest, u, pos, caps, k)
        }
        Node::Group(slot, alts) => {
            for alt in alts {
                let matched = run(alt, u, pos, caps, &mut |p, caps: &mut Caps| {
                    let old = if slot < caps.len() { caps[slot] } else { None };
                    if slot < caps.len() {
                        caps[slot] = Some((pos, p));
                    }
                    if run(rest, u, p, caps, k) {
                        return true;
                    }
                    if slot < caps.len() {
                        caps[slot] = old;
                    }
                    false
                });
                if matched {
                    return true;
                }
            }
            false
        }
    }
}

/// Leftmost match at or after `from`: (start, end, captures).
pub fn search(pattern: &[Node], u: &[u16], from: usize) -> Option<(usize, usize, Caps)> {
    for start in from..=u.len() {
        let mut caps: Caps = [None; 5];
        let mut result = None;
        if run(pattern, u, start, &mut caps, &mut |p, c| {
            result = Some((p, *c));
            true
        }) {
            let (end, caps) = result?;
            return Some((start, end, caps));
        }
    }
    None
}

const NONE: usize = usize::MAX;
fn not_dot(c: u16) -> bool {
    c != b'.' as u16
}
fn not_space_or_star(c: u16) -> bool {
    !is_space(c) && c != b'*' as u16
}
fn at_or_hash(c: u16) -> bool {
    c == b'@' as u16 || c == b'#' as u16
}
fn alpha(c: u16) -> bool {
    c < 128 && (c as u8).is_ascii_alphabetic()
}
fn alnum(c: u16) -> bool {
    c < 128 && (c as u8).is_ascii_alphanumeric()
}

/// `(?:<!--|-->)`
pub const HTML: &[Node] = &[Node::Group(NONE, &[&[Node::Lit("<!--")], &[Node::Lit("-->")]])];
/// `(^|[^.]|\.\.\.)\bimport(\s*(?:\(|/[/*]))`
pub const IMPORT: &[Node] = &[
    Node::Group(1, &[&[Node::Start], &[Node::Class(not_dot)], &[Node::Lit("...")]]),
    Node::Boundary,
    Node::Lit("import"),
    Node::Group(2, &[&[Node::Star(is_space), Node::Group(NONE, &[&[Node::Lit("(")], &[Node::Lit("//")], &[Node::Lit("/*")]])]]),
];
/// `(^|[^.])\beval(\s*\()`
pub const EVAL: &[Node] = &[
    Node::Group(1, &[&[Node::Start], &[Node::Class(not_dot)]]),
    Node::Boundary,
    Node::Lit("eval"),
    Node::Group(2, &[&[Node::Star(is_space), Node::Lit("(")]]),
];
const ENTRY_LINE: &[Node] = &[
    Node::Star(is_space), Node::Lit("//"), Node::Star(is_space), Node::Class(at_or_hash), Node::Star(is_space),
    Node::Group(1, &[&[Node::Class(alpha), Node::Star(alnum)]]),
    Node::Star(is_space), Node::Lit("="), Node::Star(is_space),
    Node::Group(2, &[&[Node::Star(not_space_or_star)]]),
];
const ENTRY_BLOCK: &[Node] = &[
    Node::Lit("/*"), Node::Star(is_space), Node::Class(at_or_hash), Node::Star(is_space),
    Node::Group(3, &[&[Node::Class(alpha), Node::Star(alnum)]]),
    Node::Star(is_space), Node::Lit("="), Node::Star(is_space),
    Node::Group(4, &[&[Node::Star(not_space_or_star)]]),
    Node::Star(is_space), Node::Lit("*/"),
];
/// ses's sourceMetaEntriesRegExp.
pub const SOURCE_META: &[Node] = &[Node::Group(NONE, &[ENTRY_LINE, ENTRY_BLOCK]), Node::Star(is_space), Node::End];

/// ses's getLineNumber.
pub fn line_number(pattern: &[Node], u: &[u16]) -> Option<usize> {
    let (start, _, _) = search(pattern, u, 0)?;
    let lf = u[..start].iter().filter(|&&c| c == b'\n' as u16).count();
    Some(lf + 1 + (u.get(start) == Some(&(b'\n' as u16))) as usize)
}

/// ses's getSourceURL, as a range of code units (None = `<unknown>`).
pub fn source_url(u: &[u16]) -> Option<(usize, usize)> {
    let mut end = u.len();
    let mut url = None;
    let source_url: Vec<u16> = "sourceURL".encode_utf16().collect();
    while end > 0 {
        let Some((start, _, caps)) = search(SOURCE_META, &u[..end], 0) else { break };
        let key_is = |slot: usize| caps[slot].map(|(a, b)| u[a..b] == source_url[..]).unwrap_or(false);
        if key_is(3) {
            url = caps[4];
        } else if key_is(1) {
            url = caps[2];
        }
        end = start;
    }
    url
}

/// A global replace: every match, resuming at the end of the previous one.
pub fn all_matches(pattern: &[Node], u: &[u16]) -> Vec<(usize, usize, Caps)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = search(pattern, u, from) {
        from = found.1;
        out.push(found);
    }
    out
}
