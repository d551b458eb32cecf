//! Stack budget for the recursive work done on guest-controlled text and trees.
//!
//! input: the source text, before parsing; output: how much stack to run the parse, the
//! analysis and the drop of the tree on, or a refusal ("nesting too deep").
//!
//! Three recursions are involved:
//! - swc's parser recurses once or more per nesting level and per prefix/right-assoc
//!   operator. Every level consumes a token that holds a bracket or operator character
//!   or is one of a few keywords, so counting those wherever they appear (strings and
//!   comments included) bounds the depth without lexing, and we reserve stack for that
//!   bound. A lexing scan that tracks brackets and open operators refuses sources whose
//!   real nesting is too deep, or that cost swc quadratic time or memory.
//! - our own walk (analyze.rs) grows the stack in segments as it descends (`grow`).
//! - `Drop` of the tree recurses as deep as the tree. Chains swc builds in a loop
//!   (`a in b in c …`, member and call chains, binary operators) make trees as deep as
//!   the chain, so their tokens are counted too; a drop frame costs far less than the
//!   bytes reserved per counted token, so the tree is dropped on the same stack.

/// Bytes of stack per nesting level for the parser, with a margin over what
/// `tests/stack_probe.rs` measured (release: 3.3 KB for nested parentheses, the worst
/// shape; 2.1-2.7 KB for arrows, functions, objects, templates, patterns; debug: 21 KB).
#[cfg(debug_assertions)]
pub const PARSE_PER_LEVEL: usize = 32 * 1024;
#[cfg(not(debug_assertions))]
pub const PARSE_PER_LEVEL: usize = 5 * 1024;

const BASE: usize = 1024 * 1024;

/// The most stack one analysis may reserve (virtual memory; only what is used is
/// touched).
pub const CAP: usize = 256 * 1024 * 1024;

/// Nesting deeper than this is refused before parsing.
pub const MAX_LEVELS: usize = (CAP - BASE) / PARSE_PER_LEVEL;

/// Longest run of `else`s at one level that we parse (swc takes quadratic time on
/// `else if` chains).
const MAX_ELSE_CHAIN: usize = 10_000;

/// Most labels (or label-like `name:` pairs, object keys included) open at once. swc
/// records one error per enclosing duplicate label: quadratic memory.
const MAX_OPEN_LABELS: usize = 500;

const RED_ZONE: usize = 128 * 1024;
const SEGMENT: usize = 2 * 1024 * 1024;

/// Run `f`, first moving to a fresh stack segment when little remains.
#[inline]
pub fn grow<R>(f: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(RED_ZONE, SEGMENT, f)
}

/// Run `f` with at least `bytes` of stack.
pub fn with_stack<R>(bytes: usize, f: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(bytes, bytes, f)
}

/// Words after which the parser may recurse without a bracket or operator character.
#[inline]
fn nesting_word(w: &[u8]) -> bool {
    if w.len() < 2 || w.len() > 10 || !matches!(w[0], b'n' | b't' | b'v' | b'd' | b'a' | b'y' | b'i' | b'e' | b'w' | b'f' | b's') {
        return false;
    }
    matches!(
        w,
        b"new" | b"typeof" | b"void" | b"delete" | b"await" | b"yield" | b"if" | b"else"
            | b"while" | b"for" | b"do" | b"with" | b"extends" | b"async" | b"static"
            // Binary operators: swc builds `a in b in c …` in a loop, but the tree it
            // builds is as deep as the chain, and dropping it recurses.
            | b"in" | b"instanceof"
    )
}

/// Byte classes for `token_bound`: 1 = identifier byte, 2 = counted punctuator.
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b >= 0x80 {
            1
        } else if matches!(
            b,
            b'(' | b'[' | b'{' | b'!' | b'~' | b'+' | b'-' | b'*' | b'/' | b'%' | b'&' | b'|'
                | b'^' | b'<' | b'>' | b'=' | b'?' | b':' | b'.' | b'`' | b'@' | b'#' | b'\\'
        ) {
            2
        } else {
            0
        };
        i += 1;
    }
    t
};

/// Upper bound on parser nesting that needs no lexing: every nesting level consumes a
/// token that is a bracket or operator character or one of a few keywords, so counting
/// those wherever they appear (strings and comments included) bounds the depth.
/// Also returns the number of `:` characters.
fn token_bound(src: &[u8]) -> (usize, usize) {
    let mut n = 0usize;
    let mut colons = 0usize;
    let mut word_start = usize::MAX;
    for (i, &b) in src.iter().enumerate() {
        match CLASS[b as usize] {
            1 => {
                if word_start == usize::MAX {
                    word_start = i;
                }
            }
            c => {
                if word_start != usize::MAX {
                    n += nesting_word(&src[word_start..i]) as usize;
                    word_start = usize::MAX;
                }
                n += (c == 2) as usize;
                colons += (b == b':') as usize;
            }
        }
    }
    if word_start != usize::MAX {
        n += nesting_word(&src[word_start..]) as usize;
    }
    (n, colons)
}

/// Estimated parser nesting from a light lexing scan: for every point, the number of
/// open brackets plus the operators and prefix keywords still open at each level
/// (a `,` or `;` closes a level's run).
fn lexed_estimate(src: &[u8]) -> usize {
    #[derive(PartialEq, Clone, Copy)]
    enum Prev {
        Start,
        Open,
        Close,
        Punct,
        Op,
        Value,
        KeywordExpr,
    }
    // Each open level: (run of the enclosing level, `else`s of the enclosing level, is
    // a template substitution). swc attaches each `else if` to the end of its chain
    // recursively, so `else`s stay open until their level closes.
    let mut stack: Vec<(usize, usize, bool)> = Vec::new();
    // Labels open per level (saved like `run`), and `?` awaiting their `:`.
    let mut label_stack: Vec<(usize, usize)> = Vec::new();
    let mut labels = 0usize;
    let mut label_sum = 0usize;
    let mut questions = 0usize;
    let mut prev_word = false;
    let mut saved_sum = 0usize;
    let mut run = 0usize;
    let mut elses = 0usize;
    let mut max_elses = 0usize;
    let mut best = 0usize;
    let mut prev = Prev::Start;
    let mut i = 0usize;
    let n = src.len();
    // Inside a template literal's text (not its substitutions)?
    let mut in_template = false;
    while i < n {
        let b = src[i];
        if in_template {
            match b {
                b'\\' => i += 2,
                b'`' => {
                    in_template = false;
                    if let Some((r, e, _)) = stack.pop() {
                        saved_sum -= r + e;
                        run = r;
                        elses = e;
                    }
                    if let Some((l, q)) = label_stack.pop() {
                        label_sum -= l;
                        labels = l;
                        questions = q;
                    }
                    prev = Prev::Value;
                    i += 1;
                }
                b'$' if i + 1 < n && src[i + 1] == b'{' => {
                    stack.push((run, elses, true));
                    label_stack.push((labels, questions));
                    label_sum += labels;
                    labels = 0;
                    questions = 0;
                    saved_sum += run + elses;
                    run = 0;
                    elses = 0;
                    in_template = false;
                    prev = Prev::Open;
                    i += 2;
                }
                _ => i += 1,
            }
            best = best.max(saved_sum + stack.len() + run + elses);
            continue;
        }
        let mut word_now = false;
        match b {
            b' ' | b'\t' | b'\n' | b'\r' => {
                i += 1;
                continue;
            }
            b'(' | b'[' | b'{' => {
                stack.push((run, elses, false));
                label_stack.push((labels, questions));
                label_sum += labels;
                labels = 0;
                questions = 0;
                saved_sum += run + elses;
                run = 0;
                elses = 0;
                prev = Prev::Open;
                i += 1;
            }
            b')' | b']' | b'}' => {
                if let Some((l, q)) = label_stack.pop() {
                    label_sum -= l;
                    labels = l;
                    questions = q;
                } else {
                    labels = 0;
                    questions = 0;
                }
                match stack.pop() {
                    Some((r, e, is_subst)) => {
                        saved_sum -= r + e;
                        run = r;
                        elses = e;
                        if is_subst {
                            // Back into the template text; the template level itself
                            // is still open below.
                            in_template = true;
                        }
                    }
                    None => {
                        run = 0;
                        elses = 0;
                    }
                }
                prev = Prev::Close;
                i += 1;
            }
            b',' | b';' => {
                run = 0;
                labels = 0;
                questions = 0;
                prev = Prev::Punct;
                i += 1;
            }
            b'"' | b'\'' => {
                i += 1;
                while i < n && src[i] != b && src[i] != b'\n' {
                    if src[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                i += 1;
                prev = Prev::Value;
            }
            b'`' => {
                stack.push((run, elses, false));
                label_stack.push((labels, questions));
                label_sum += labels;
                labels = 0;
                questions = 0;
                saved_sum += run + elses;
                run = 0;
                elses = 0;
                in_template = true;
                i += 1;
            }
            b'/' if i + 1 < n && src[i + 1] == b'/' => {
                while i < n && src[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if i + 1 < n && src[i + 1] == b'*' => {
                i += 2;
                while i + 1 < n && !(src[i] == b'*' && src[i + 1] == b'/') {
                    i += 1;
                }
                i += 2;
            }
            b'/' if !matches!(prev, Prev::Close | Prev::Value) => {
                // A regular expression literal; it cannot span lines.
                i += 1;
                let mut class = false;
                while i < n && src[i] != b'\n' {
                    match src[i] {
                        b'\\' => i += 1,
                        b'[' => class = true,
                        b']' => class = false,
                        b'/' if !class => break,
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
                prev = Prev::Value;
            }
            b'!' | b'~' | b'+' | b'-' | b'*' | b'/' | b'%' | b'&' | b'|' | b'^' | b'<' | b'>'
            | b'=' | b'?' | b':' | b'.' | b'@' | b'#' => {
                // Only operators the parser recurses on count: prefix operators,
                // assignments, arrows, conditionals and `**`. Binary operators and
                // member access are parsed in loops.
                let prefix = !matches!(prev, Prev::Close | Prev::Value);
                if b == b'?' && !matches!(src.get(i + 1), Some(b'?') | Some(b'.')) {
                    questions += 1;
                } else if b == b':' {
                    if questions > 0 {
                        questions -= 1;
                    } else if prev_word {
                        labels += 1;
                        if label_sum + labels > MAX_OPEN_LABELS {
                            return usize::MAX;
                        }
                    }
                }
                let next = |k: usize| if i + k < n { src[i + k] } else { 0 };
                let (len, nests) = match b {
                    b'=' if next(1) == b'=' => (if next(2) == b'=' { 3 } else { 2 }, false),
                    b'=' => (if next(1) == b'>' { 2 } else { 1 }, true),
                    b'!' if next(1) == b'=' => (if next(2) == b'=' { 3 } else { 2 }, false),
                    b'!' | b'~' => (1, true),
                    b'+' | b'-' if next(1) == b => (2, true),
                    b'+' | b'-' if next(1) == b'=' => (2, true),
                    b'+' | b'-' => (1, prefix),
                    b'*' if next(1) == b'*' => (if next(2) == b'=' { 3 } else { 2 }, true),
                    b'?' if next(1) == b'?' => (if next(2) == b'=' { 3 } else { 2 }, next(2) == b'='),
                    b'?' if next(1) == b'.' && !next(2).is_ascii_digit() => (2, false),
                    b'?' | b':' => (1, true),
                    b'.' => (1, false),
                    b'@' | b'#' => (1, false),
                    b'<' | b'>' => {
                        let mut k = 0;
                        while matches!(next(k), b'<' | b'>') {
                            k += 1;
                        }
                        if next(k) == b'=' {
                            (k + 1, k >= 2)
                        } else {
                            (k, false)
                        }
                    }
                    _ if next(1) == b'=' => (2, true),
                    _ if next(1) == b && next(2) == b'=' => (3, true),
                    _ => (1, false),
                };
                if nests {
                    run += 1;
                }
                prev = Prev::Op;
                i += len;
            }
            _ if b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b >= 0x80 => {
                let start = i;
                while i < n && (src[i].is_ascii_alphanumeric() || src[i] == b'_' || src[i] == b'$' || src[i] >= 0x80) {
                    i += 1;
                }
                let word = &src[start..i];
                // Prefix keywords, and statements that nest without brackets (swc
                // parses `if` bodies on a grown stack and `else if` chains in a loop).
                let nests = matches!(
                    word,
                    b"new" | b"typeof" | b"void" | b"delete" | b"await" | b"yield" | b"do"
                        | b"while" | b"for" | b"with"
                );
                let expr_keyword = matches!(
                    word,
                    b"return" | b"typeof" | b"instanceof" | b"in" | b"of" | b"new" | b"delete"
                        | b"void" | b"throw" | b"case" | b"do" | b"else" | b"yield" | b"await"
                        | b"extends"
                );
                if nests {
                    run += 1;
                }
                if word == b"else" {
                    elses += 1;
                }
                if word == b"case" || word == b"default" {
                    // Its `:` ends a switch clause, not a label.
                    questions += 1;
                }
                prev = if expr_keyword { Prev::KeywordExpr } else { Prev::Value };
                word_now = true;
            }
            _ => {
                i += 1;
            }
        }
        prev_word = word_now;
        best = best.max(saved_sum + stack.len() + run + elses);
        max_elses = max_elses.max(elses);
    }
    if max_elses > MAX_ELSE_CHAIN {
        // swc attaches each `else if` by walking the chain: quadratic time.
        return usize::MAX;
    }
    best
}

/// The most stack we reserve from the context-free bound (virtual memory: only what the
/// parser really uses is touched). On targets with a narrower address space, `CAP`.
const SURE_CAP: usize = if usize::BITS >= 64 { (16u64 << 30) as usize } else { CAP };

/// Why a source is refused before parsing.
pub const TOO_DEEP: &str = "nesting too deep";
pub const TOO_LARGE: &str =
    "source too large to analyze safely (millions of brackets, operators and keywords)";

/// Stack to reserve for parsing and analyzing `src`, or the reason it is refused.
pub fn parse_stack_for(src: &str) -> Result<usize, &'static str> {
    let bytes = src.as_bytes();
    if bytes.len() <= MAX_OPEN_LABELS {
        // Every counted token takes at least one byte, so the length is a bound too, and
        // too short for the label and else-chain limits: no scan needed.
        return Ok(BASE + bytes.len() * PARSE_PER_LEVEL);
    }
    let (bound, colons) = token_bound(bytes);
    // What the parser can need at most, whatever the text means.
    let sure = BASE.saturating_add(bound.saturating_mul(PARSE_PER_LEVEL));
    if bound <= MAX_LEVELS / 4 {
        // Few tokens: an else-chain is short enough; only labels need the scan.
        if colons > MAX_OPEN_LABELS && lexed_estimate(bytes) == usize::MAX {
            return Err(TOO_DEEP);
        }
        return Ok(sure);
    }
    // The scan also refuses shapes that cost swc quadratic time or memory.
    let estimate = lexed_estimate(bytes);
    if estimate > MAX_LEVELS / 2 {
        return Err(TOO_DEEP);
    }
    // The scan has to guess whether a `/` starts a regular expression or divides, and a
    // wrong guess can hide nesting from it: `if (x) /"/; ((((…` read as a division
    // followed by a string. The context-free bound cannot be fooled, so reserve for it
    // whenever that much address space is affordable.
    // Beyond that (sources with millions of counted tokens, tens of megabytes) we refuse
    // rather than trust the guess: a wrong one would overflow the stack. Where the host
    // cannot map that much, the stack allocation fails as a caught panic, an error.
    if sure <= SURE_CAP {
        Ok(sure)
    } else {
        Err(TOO_LARGE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn estimates_follow_nesting() {
        assert!(lexed_estimate(b"((((a))))") >= 4);
        assert!(lexed_estimate(b"a;b;c;d;") <= 2);
        assert!(lexed_estimate(b"x = a + b + c + d + e.f.g.h") <= 2);
        assert!(lexed_estimate(b"x = !!!!!!!!a") >= 8);
        assert!(lexed_estimate(b"x = a => b => c => d") >= 4);
        assert!(lexed_estimate(b"if (a) x; else if (b) y; else if (c) z; else w;") >= 3);
        let labels = "a: ".repeat(600) + ";";
        assert_eq!(lexed_estimate(labels.as_bytes()), usize::MAX);
        let ternaries = "x = a ? b : c ? d : e; y = { a: 1, b: 2, c: 3 };";
        assert!(lexed_estimate(ternaries.as_bytes()) < 20);
        let cases = format!("switch (x) {{ {} default: }}", "case 1: ".repeat(2000));
        assert_ne!(lexed_estimate(cases.as_bytes()), usize::MAX);
        assert!(lexed_estimate(b"f('((((((', /((((/)") <= 3);
        assert!(lexed_estimate(b"`${`${`${a}`}`}`") >= 6);
        assert_eq!(token_bound(b"!!!!!"), (5, 0));
        assert_eq!(token_bound(b"new new x"), (2, 0));
        assert_eq!(token_bound(b"a b c d: e"), (1, 1));
    }

    #[test]
    fn refusals_say_why() {
        let deep = format!("x = {}1{};", "(".repeat(MAX_LEVELS), ")".repeat(MAX_LEVELS));
        assert_eq!(parse_stack_for(&deep), Err(TOO_DEEP));
        // Flat but with more counted tokens than the stack we are willing to reserve.
        let (per, _) = token_bound(b"(a);");
        let flat = "(a);".repeat(SURE_CAP / PARSE_PER_LEVEL / per + 1);
        assert_eq!(parse_stack_for(&flat), Err(TOO_LARGE));
        assert!(parse_stack_for("(a);".repeat(1000).as_str()).is_ok());
    }
}
