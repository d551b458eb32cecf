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
//!   real nesting is too deep (the parser would touch all that stack), or that cost swc
//!   quadratic time or memory; it follows every way a `/` can be read, so that no text
//!   can hide nesting from it in what it wrongly takes for a string or a comment.
//! - our own walk (analyze.rs) grows the stack in segments as it descends (`grow`).
//! - `Drop` of the tree recurses as deep as the tree. Chains swc builds in a loop
//!   (`a in b in c …`, member and call chains, binary operators) make trees as deep as
//!   the chain, so their tokens are counted too; a drop frame costs far less than the
//!   bytes reserved per counted token, so the tree is dropped on the same stack.

use std::rc::Rc;

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

/// Byte classes for `token_bound`: 1 = identifier byte (or part of a non-ASCII
/// whitespace character: see `nesting_words`), 2 = counted punctuator.
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
                    n += nesting_words(&src[word_start..i]);
                    word_start = usize::MAX;
                }
                n += (c == 2) as usize;
                colons += (b == b':') as usize;
            }
        }
    }
    if word_start != usize::MAX {
        n += nesting_words(&src[word_start..]);
    }
    (n, colons)
}

/// The nesting keywords in a run of identifier bytes, which non-ASCII whitespace
/// (U+00A0, U+FEFF, U+3000…) may split into several words as a space does:
/// `void\u{a0}void` is two keywords.
fn nesting_words(run: &[u8]) -> usize {
    if run.is_ascii() {
        return nesting_word(run) as usize;
    }
    let (mut count, mut start, mut j) = (0, 0, 0);
    while j < run.len() {
        let space = space_len(run, j);
        if space > 0 {
            count += nesting_word(&run[start..j]) as usize;
            j += space;
            start = j;
        } else {
            j += 1;
        }
    }
    count + nesting_word(&run[start..]) as usize
}

/// What a reading of the text had just read, for telling a regular expression from a
/// division and a prefix operator from an infix one.
#[derive(PartialEq, Clone, Copy)]
enum Prev {
    Start,
    Open,
    Close,
    Punct,
    Op,
    /// `++` or `--`, after which a `/` may divide (`a++ / 2`).
    Update,
    Value,
    KeywordExpr,
}

/// One open bracket, template or template substitution of a reading: what the enclosing
/// level had (restored when this one closes), and totals over this level and those below.
#[derive(Clone)]
struct Level {
    run: usize,
    elses: usize,
    labels: usize,
    questions: usize,
    /// A template substitution (`${`): its `}` goes back into the template's text.
    subst: bool,
    /// Sum of `run + elses` saved in this level and those below.
    saved: usize,
    /// Sum of `labels` saved in this level and those below.
    label_total: usize,
}

/// One way of reading the text: the scan follows every way a `/` can be read (see
/// `lexed_estimate`). A fork shares its levels with the reading it came from until
/// either opens or closes one (copy on write; the copy is charged to the scan's budget).
#[derive(Clone)]
struct Reading {
    /// Tells readings apart (see `lexed_estimate`); a merged reading keeps one of its two.
    id: u32,
    at: usize,
    levels: Rc<Vec<Level>>,
    run: usize,
    elses: usize,
    labels: usize,
    questions: usize,
    prev: Prev,
    prev_word: bool,
    in_template: bool,
    best: usize,
    max_elses: usize,
}

/// What one step of a reading leads to.
enum Step {
    Go,
    /// A `/` that may also start a regular expression: the other reading.
    Fork(Reading),
    /// Labels that would cost swc quadratic memory.
    Refuse,
    /// The scan ran out of its budget (for finding where regular expressions end, and
    /// for copying and merging levels).
    OutOfBudget,
}

/// The length in bytes of the whitespace or line terminator that starts at `src[j]`
/// (0 if none): what JavaScript skips between tokens, ASCII (space, tab, LF, CR, VT,
/// FF) or not (U+00A0, U+FEFF, U+1680, U+2000 to U+200A, U+2028, U+2029, U+202F,
/// U+205F, U+3000; and U+0085, which is not, counted as one to be safe). `src` is UTF-8.
fn space_len(src: &[u8], j: usize) -> usize {
    let b = src[j];
    if b < 0x80 {
        return matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) as usize;
    }
    let len = match b {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => return 0,
    };
    match src.get(j..j + len).and_then(|c| std::str::from_utf8(c).ok()).and_then(|c| c.chars().next()) {
        Some(c) if c.is_whitespace() || c == '\u{feff}' => len,
        _ => 0,
    }
}

/// Whether a line terminator starts at `src[j]`: LF, CR, U+2028 or U+2029.
fn ends_line(src: &[u8], j: usize) -> bool {
    match src[j] {
        b'\n' | b'\r' => true,
        0xE2 => src.get(j + 1) == Some(&0x80) && matches!(src.get(j + 2), Some(0xA8 | 0xA9)),
        _ => false,
    }
}

/// Where a regular expression starting at `from` (its opening `/`) ends: just past its
/// closing `/`, if that is on the same line. What it reads is taken from `budget`
/// (Err when that runs out): a reading that divides reads the same text again, and a
/// crafted line (`/[)` repeated) would otherwise cost time quadratic in its length.
fn regex_end(src: &[u8], from: usize, budget: &mut usize) -> Result<Option<usize>, ()> {
    let mut i = from + 1;
    let mut class = false;
    let found = loop {
        if i >= src.len() || src[i] == b'\n' || src[i] == b'\r' {
            break None;
        }
        match src[i] {
            b'\\' => i += 1,
            b'[' => class = true,
            b']' => class = false,
            b'/' if !class => break Some(i + 1),
            _ => {}
        }
        i += 1;
    };
    let cost = i.min(src.len()) - from;
    if cost > *budget {
        return Err(());
    }
    *budget -= cost;
    Ok(found)
}

impl Reading {
    fn new() -> Self {
        Reading {
            id: 0,
            at: 0,
            levels: Rc::new(Vec::new()),
            run: 0,
            elses: 0,
            labels: 0,
            questions: 0,
            prev: Prev::Start,
            prev_word: false,
            in_template: false,
            best: 0,
            max_elses: 0,
        }
    }

    /// The levels, to change: copied first if another reading shares them.
    fn levels_mut(&mut self, budget: &mut usize) -> Result<&mut Vec<Level>, ()> {
        if Rc::strong_count(&self.levels) > 1 {
            let cost = self.levels.len();
            if cost > *budget {
                return Err(());
            }
            *budget -= cost;
        }
        Ok(Rc::make_mut(&mut self.levels))
    }

    fn open(&mut self, subst: bool, budget: &mut usize) -> Result<(), ()> {
        let (run, elses, labels, questions) = (self.run, self.elses, self.labels, self.questions);
        let levels = self.levels_mut(budget)?;
        let (saved, label_total) = levels.last().map_or((0, 0), |l| (l.saved, l.label_total));
        levels.push(Level {
            run,
            elses,
            labels,
            questions,
            subst,
            saved: saved + run + elses,
            label_total: label_total + labels,
        });
        self.run = 0;
        self.elses = 0;
        self.labels = 0;
        self.questions = 0;
        Ok(())
    }

    /// Closes the innermost level; says whether it was a template substitution.
    fn close(&mut self, budget: &mut usize) -> Result<bool, ()> {
        let level = if self.levels.is_empty() { None } else { self.levels_mut(budget)?.pop() };
        Ok(match level {
            Some(level) => {
                self.run = level.run;
                self.elses = level.elses;
                self.labels = level.labels;
                self.questions = level.questions;
                level.subst
            }
            None => {
                self.run = 0;
                self.elses = 0;
                self.labels = 0;
                self.questions = 0;
                false
            }
        })
    }

    fn note(&mut self) {
        let saved = self.levels.last().map_or(0, |l| l.saved);
        self.best = self.best.max(saved + self.levels.len() + self.run + self.elses);
    }

    fn label_total(&self) -> usize {
        self.levels.last().map_or(0, |l| l.label_total)
    }

    /// Reads on while this is the only reading: up to the end of the text, or a fork, a
    /// refusal, or nesting past the limit (see `lexed_estimate`).
    fn read_alone(&mut self, src: &[u8], budget: &mut usize) -> Step {
        while self.at < src.len() && self.best <= MAX_LEVELS / 2 {
            match self.step(src, budget) {
                Step::Go => {}
                other => return other,
            }
        }
        Step::Go
    }

    /// Reads one token (or one character of whitespace or template text).
    #[inline(always)]
    fn step(&mut self, src: &[u8], budget: &mut usize) -> Step {
        let n = src.len();
        let i = self.at;
        let b = src[i];
        if self.in_template {
            match b {
                b'\\' => self.at += 2,
                b'`' => {
                    self.in_template = false;
                    if self.close(budget).is_err() {
                        return Step::OutOfBudget;
                    }
                    self.prev = Prev::Value;
                    self.at += 1;
                }
                b'$' if i + 1 < n && src[i + 1] == b'{' => {
                    if self.open(true, budget).is_err() {
                        return Step::OutOfBudget;
                    }
                    self.in_template = false;
                    self.prev = Prev::Open;
                    self.at += 2;
                }
                _ => self.at += 1,
            }
            self.note();
            return Step::Go;
        }
        let space = space_len(src, i);
        if space > 0 {
            // (Whitespace and comments leave `prev_word` as it is: `a /* */ :` is a label.)
            self.at += space;
            return Step::Go;
        }
        let mut word_now = false;
        let mut fork = None;
        match b {
            b'(' | b'[' | b'{' => {
                if self.open(false, budget).is_err() {
                    return Step::OutOfBudget;
                }
                self.prev = Prev::Open;
                self.at += 1;
            }
            b')' | b']' | b'}' => {
                let Ok(subst) = self.close(budget) else {
                    return Step::OutOfBudget;
                };
                if subst {
                    // Back into the template's text; the template level itself is
                    // still open below.
                    self.in_template = true;
                }
                self.prev = Prev::Close;
                self.at += 1;
            }
            b',' | b';' => {
                self.run = 0;
                self.labels = 0;
                self.questions = 0;
                self.prev = Prev::Punct;
                self.at += 1;
            }
            b'"' | b'\'' => {
                // To the closing quote, or to a line end, where swc reports the string
                // unterminated and goes on reading code.
                let mut j = i + 1;
                while j < n && src[j] != b && src[j] != b'\n' && src[j] != b'\r' {
                    if src[j] == b'\\' {
                        // An escape; `\` before CR LF continues the string on the
                        // next line.
                        j += if src.get(j + 1) == Some(&b'\r') && src.get(j + 2) == Some(&b'\n') { 2 } else { 1 };
                    }
                    j += 1;
                }
                self.at = j + 1;
                self.prev = Prev::Value;
            }
            b'`' => {
                if self.open(false, budget).is_err() {
                    return Step::OutOfBudget;
                }
                self.in_template = true;
                self.at += 1;
            }
            b'/' if i + 1 < n && src[i + 1] == b'/' => {
                // To the end of the line: LF, CR, U+2028 or U+2029 (what follows any of
                // them is code again).
                let mut j = i;
                while j < n && !ends_line(src, j) {
                    j += 1;
                }
                self.at = j;
                return Step::Go;
            }
            b'/' if i + 1 < n && src[i + 1] == b'*' => {
                let mut j = i + 2;
                while j + 1 < n && !(src[j] == b'*' && src[j + 1] == b'/') {
                    j += 1;
                }
                self.at = j + 2;
                return Step::Go;
            }
            b'/' if matches!(self.prev, Prev::Start | Prev::Open | Prev::Punct | Prev::Op) => {
                // Only a regular expression can start here (it cannot span lines).
                self.at = match regex_end(src, i, budget) {
                    Err(()) => return Step::OutOfBudget,
                    Ok(Some(end)) => end,
                    Ok(None) => {
                        let mut j = i;
                        while j < n && src[j] != b'\n' {
                            j += 1;
                        }
                        j + 1
                    }
                };
                self.prev = Prev::Value;
            }
            _ if b.is_ascii_digit() || (b == b'.' && src.get(i + 1).is_some_and(u8::is_ascii_digit)) => {
                // A number, its `.` included (`1./x/` divides).
                let mut j = i + 1;
                while j < n && (src[j].is_ascii_alphanumeric() || matches!(src[j], b'_' | b'.' | b'$')) {
                    j += 1;
                }
                self.at = j;
                self.prev = Prev::Value;
            }
            b'!' | b'~' | b'+' | b'-' | b'*' | b'/' | b'%' | b'&' | b'|' | b'^' | b'<' | b'>'
            | b'=' | b'?' | b':' | b'.' | b'@' | b'#' => {
                if b == b'/' {
                    // After a value, a closing bracket, `++`, `--` or a keyword, a `/`
                    // may divide or start a regular expression: which one only the
                    // parser knows (`a / b / c` against `if (a) /b/`, `x.return / 2`
                    // against `return /x/`). This reading divides; the other one, if the
                    // expression closes on this line, reads it.
                    let end = match regex_end(src, i, budget) {
                        Ok(end) => end,
                        Err(()) => return Step::OutOfBudget,
                    };
                    if let Some(end) = end {
                        let mut other = self.clone();
                        other.at = end;
                        other.prev = Prev::Value;
                        other.prev_word = false;
                        other.note();
                        fork = Some(other);
                    }
                }
                // Only operators the parser recurses on count: prefix operators,
                // assignments, arrows, conditionals and `**`. Binary operators and
                // member access are parsed in loops.
                let prefix = !matches!(self.prev, Prev::Close | Prev::Value);
                if b == b'?' && !matches!(src.get(i + 1), Some(b'?') | Some(b'.')) {
                    self.questions += 1;
                } else if b == b':' {
                    if self.questions > 0 {
                        self.questions -= 1;
                    } else if self.prev_word {
                        self.labels += 1;
                        if self.label_total() + self.labels > MAX_OPEN_LABELS {
                            return Step::Refuse;
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
                    self.run += 1;
                }
                self.prev = if matches!(b, b'+' | b'-') && len == 2 && next(1) == b { Prev::Update } else { Prev::Op };
                self.at += len;
            }
            _ if b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b >= 0x80 => {
                let mut j = i;
                while j < n
                    && (src[j].is_ascii_alphanumeric()
                        || src[j] == b'_'
                        || src[j] == b'$'
                        || (src[j] >= 0x80 && space_len(src, j) == 0))
                {
                    j += 1;
                }
                let word = &src[i..j];
                self.at = j;
                // Prefix keywords, statements that nest without brackets, and `extends`
                // (`class extends class extends …`). swc parses `if` bodies on stack
                // segments it grows, but that stack is touched all the same.
                let nests = matches!(
                    word,
                    b"new" | b"typeof" | b"void" | b"delete" | b"await" | b"yield" | b"do"
                        | b"while" | b"for" | b"with" | b"if" | b"extends"
                );
                let expr_keyword = matches!(
                    word,
                    b"return" | b"typeof" | b"instanceof" | b"in" | b"of" | b"new" | b"delete"
                        | b"void" | b"throw" | b"case" | b"do" | b"else" | b"yield" | b"await"
                        | b"extends"
                );
                if nests {
                    self.run += 1;
                }
                if word == b"else" {
                    self.elses += 1;
                }
                if word == b"case" || word == b"default" {
                    // Its `:` ends a switch clause, not a label.
                    self.questions += 1;
                }
                self.prev = if expr_keyword { Prev::KeywordExpr } else { Prev::Value };
                word_now = true;
            }
            _ => {
                self.at += 1;
            }
        }
        self.prev_word = word_now;
        self.note();
        self.max_elses = self.max_elses.max(self.elses);
        match fork {
            Some(other) => Step::Fork(other),
            None => Step::Go,
        }
    }
}

/// Levels `a` and `b` (the open levels of two readings at the same point) as levels at
/// least as deep as either, level by level from the bottom: the larger of each count,
/// the fewer open `?`s (so that more `:`s read as labels). None when a level is a
/// template substitution in one and not the other, or in one only (a `}` would then go
/// back into template text in one reading only). The work is charged to `budget`
/// (Err when it runs out).
fn merge_levels(a: &Rc<Vec<Level>>, b: &Rc<Vec<Level>>, budget: &mut usize) -> Result<Option<Rc<Vec<Level>>>, ()> {
    if Rc::ptr_eq(a, b) {
        return Ok(Some(a.clone()));
    }
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    if long.len() > *budget {
        return Err(());
    }
    *budget -= long.len();
    if long[short.len()..].iter().any(|l| l.subst) {
        return Ok(None);
    }
    let mut merged: Vec<Level> = Vec::with_capacity(long.len());
    let (mut saved, mut label_total) = (0, 0);
    for (d, l) in long.iter().enumerate() {
        let (run, elses, labels, questions) = match short.get(d) {
            Some(m) if m.subst != l.subst => return Ok(None),
            Some(m) => (l.run.max(m.run), l.elses.max(m.elses), l.labels.max(m.labels), l.questions.min(m.questions)),
            None => (l.run, l.elses, l.labels, l.questions),
        };
        saved += run + elses;
        label_total += labels;
        merged.push(Level { run, elses, labels, questions, subst: l.subst, saved, label_total });
    }
    Ok(Some(Rc::new(merged)))
}

/// Two readings at the same point of the text, outside template text, as one that
/// counts at least as much as either from here on (see `merge_levels`), or None.
fn merge(a: &Reading, b: &Reading, budget: &mut usize) -> Result<Option<Reading>, ()> {
    let Some(levels) = merge_levels(&a.levels, &b.levels, budget)? else {
        return Ok(None);
    };
    // What comes next is read as either reading would read it: a `/` both ways unless
    // both take it for a regular expression, a `+` or `-` as a prefix if either does.
    let regex_only = |p: Prev| matches!(p, Prev::Start | Prev::Open | Prev::Punct | Prev::Op);
    let prev = if a.prev == b.prev {
        a.prev
    } else if regex_only(a.prev) && regex_only(b.prev) {
        Prev::Op
    } else {
        Prev::KeywordExpr
    };
    Ok(Some(Reading {
        id: a.id,
        at: a.at,
        levels,
        run: a.run.max(b.run),
        elses: a.elses.max(b.elses),
        labels: a.labels.max(b.labels),
        questions: a.questions.min(b.questions),
        prev,
        prev_word: a.prev_word || b.prev_word,
        in_template: false,
        best: a.best.max(b.best),
        max_elses: a.max_elses.max(b.max_elses),
    }))
}

/// Most readings of one text followed at once (see `lexed_estimate`). Ordinary code
/// rarely has more than two or three; each costs a pass over the text.
const MAX_READINGS: usize = 8;

/// What the lexing scan concludes.
#[derive(Debug, PartialEq)]
enum Estimate {
    /// The deepest nesting any reading of the text reaches.
    Depth(usize),
    /// A shape that costs swc quadratic time or memory (labels, `else if` chains).
    Refused,
    /// More readings at once than the scan follows, or more work than its budget (a
    /// few times the length of the text).
    Ambiguous,
}

/// Estimated parser nesting from a light lexing scan: for every point, the number of
/// open brackets plus the operators and prefix keywords still open at each level
/// (a `,` or `;` closes a level's run). The scan stops as soon as some reading is
/// deeper than `MAX_LEVELS / 2` (the source is refused then).
///
/// Where a `/` may divide or start a regular expression (which decides what is a string
/// or a comment after it), the scan follows both readings until they stand at the same
/// point again, then goes on with one that counts at least as much as both. So no text
/// can hide brackets from it by making it guess wrong: whatever the parser reads, some
/// reading read it too.
fn lexed_estimate(src: &[u8]) -> Estimate {
    let n = src.len();
    let mut first = Reading::new();
    if src.starts_with(b"#!") {
        // A hashbang line is a comment.
        while first.at < n && !ends_line(src, first.at) {
            first.at += 1;
        }
    }
    let mut live = vec![first];
    // Pairs of readings (by `id`) that stood at the same point but could not merge:
    // they read on in step, and are not tried again.
    let mut apart: Vec<(u32, u32)> = Vec::new();
    let mut next_id = 1u32;
    let (mut best, mut max_elses) = (0usize, 0usize);
    let mut budget = 8 * n + (1 << 20);
    while !live.is_empty() {
        // Step the reading furthest behind, so that readings meet where they agree.
        let mut k = 0;
        for (j, r) in live.iter().enumerate() {
            if r.at < live[k].at {
                k = j;
            }
        }
        if live[k].at >= n {
            let done = live.swap_remove(k);
            best = best.max(done.best);
            max_elses = max_elses.max(done.max_elses);
            continue;
        }
        let step = if live.len() == 1 { live[k].read_alone(src, &mut budget) } else { live[k].step(src, &mut budget) };
        match step {
            Step::Go if live[k].best > MAX_LEVELS / 2 => return Estimate::Depth(live[k].best),
            Step::Go => {}
            Step::Refuse => return Estimate::Refused,
            Step::OutOfBudget => return Estimate::Ambiguous,
            Step::Fork(other) => {
                if live.len() >= MAX_READINGS {
                    return Estimate::Ambiguous;
                }
                let mut other = other;
                other.id = next_id;
                // (Ids only spare retrying merges that failed; were one ever reused, a
                // merge could be skipped, which keeps one reading more, never less.)
                next_id = next_id.wrapping_add(1);
                live.push(other);
                let last = live.len() - 1;
                if merge_into_others(&mut live, last, &mut apart, &mut budget).is_err() {
                    return Estimate::Ambiguous;
                }
            }
        }
        if live.len() > 1 {
            if merge_into_others(&mut live, k, &mut apart, &mut budget).is_err() {
                return Estimate::Ambiguous;
            }
        }
    }
    if max_elses > MAX_ELSE_CHAIN {
        // swc attaches each `else if` by walking the chain: quadratic time.
        return Estimate::Refused;
    }
    Estimate::Depth(best)
}

/// Merges reading `k` (the one that just moved) into another that stands at the same
/// point outside template text, if any, and so on while the merged one meets another.
/// (Readings that did not move cannot have met.)
fn merge_into_others(
    live: &mut Vec<Reading>,
    mut k: usize,
    apart: &mut Vec<(u32, u32)>,
    budget: &mut usize,
) -> Result<(), ()> {
    'again: while k < live.len() && !live[k].in_template {
        for j in 0..live.len() {
            if j != k && live[j].at == live[k].at && !live[j].in_template {
                let pair = (live[j].id.min(live[k].id), live[j].id.max(live[k].id));
                if apart.contains(&pair) {
                    continue;
                }
                match merge(&live[j], &live[k], budget)? {
                    Some(m) => {
                        live[j] = m;
                        live.swap_remove(k);
                        // `swap_remove` moved the last reading to `k`: that may be the
                        // merged one.
                        k = if j == live.len() { k } else { j };
                        continue 'again;
                    }
                    None => apart.push(pair),
                }
            }
        }
        return Ok(());
    }
    Ok(())
}

/// The most stack we reserve from the context-free bound (virtual memory: only what the
/// parser really uses is touched). On targets with a narrower address space, `CAP`.
const SURE_CAP: usize = if usize::BITS >= 64 { (16u64 << 30) as usize } else { CAP };

/// Why a source is refused before parsing.
pub const TOO_DEEP: &str = "nesting too deep";
pub const TOO_LARGE: &str =
    "source too large to analyze safely (millions of brackets, operators and keywords)";
pub const TOO_AMBIGUOUS: &str =
    "source too ambiguous to analyze safely (too many ways to read its slashes at once)";

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
        // Few tokens: an else-chain is short enough, and so is the stack the parser can
        // touch; only labels need the scan.
        if colons > MAX_OPEN_LABELS {
            match lexed_estimate(bytes) {
                Estimate::Depth(_) => {}
                Estimate::Refused => return Err(TOO_DEEP),
                Estimate::Ambiguous => return Err(TOO_AMBIGUOUS),
            }
        }
        return Ok(sure);
    }
    // The scan refuses real nesting that would make the parser touch hundreds of
    // megabytes of stack, and shapes that cost swc quadratic time or memory. It follows
    // every reading of an ambiguous `/`, so no text can hide brackets from it (as
    // `if (x) /"/; ((((…` did from a scan that guessed "division", reading the
    // parentheses as part of a string).
    match lexed_estimate(bytes) {
        Estimate::Depth(depth) if depth <= MAX_LEVELS / 2 => {}
        Estimate::Depth(_) | Estimate::Refused => return Err(TOO_DEEP),
        Estimate::Ambiguous => return Err(TOO_AMBIGUOUS),
    }
    // Stack is reserved for the context-free bound all the same, which depends on no
    // reading of the text, whenever that much address space is affordable (only what
    // the parser uses is touched). Beyond that (sources with millions of counted tokens,
    // tens of megabytes) we refuse. Where the host cannot map that much, the stack
    // allocation fails as a caught panic, an error.
    if sure <= SURE_CAP {
        Ok(sure)
    } else {
        Err(TOO_LARGE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth(src: &[u8]) -> usize {
        match lexed_estimate(src) {
            Estimate::Depth(d) => d,
            other => panic!("{:?} for {}", other, String::from_utf8_lossy(src)),
        }
    }

    #[test]
    fn estimates_follow_nesting() {
        assert!(depth(b"((((a))))") >= 4);
        assert!(depth(b"a;b;c;d;") <= 2);
        assert!(depth(b"x = a + b + c + d + e.f.g.h") <= 2);
        assert!(depth(b"x = !!!!!!!!a") >= 8);
        assert!(depth(b"x = a => b => c => d") >= 4);
        assert!(depth(b"if (a) x; else if (b) y; else if (c) z; else w;") >= 3);
        let labels = "a: ".repeat(600) + ";";
        assert_eq!(lexed_estimate(labels.as_bytes()), Estimate::Refused);
        let ternaries = "x = a ? b : c ? d : e; y = { a: 1, b: 2, c: 3 };";
        assert!(depth(ternaries.as_bytes()) < 20);
        let cases = format!("switch (x) {{ {} default: }}", "case 1: ".repeat(2000));
        assert!(matches!(lexed_estimate(cases.as_bytes()), Estimate::Depth(_)));
        assert!(depth(b"f('((((((', /((((/)") <= 3);
        assert!(depth(b"`${`${`${a}`}`}`") >= 6);
        assert_eq!(token_bound(b"!!!!!"), (5, 0));
        assert_eq!(token_bound(b"new new x"), (2, 0));
        assert_eq!(token_bound(b"a b c d: e"), (1, 1));
    }

    #[test]
    fn no_reading_of_a_slash_hides_nesting() {
        // Each source nests `n` deep where the parser reads a `/` one way, and puts the
        // nesting out of sight (in a string, template or regular expression) for a scan
        // that reads it the other way.
        let n = 1000;
        let (open, close) = ("(".repeat(n), ")".repeat(n));
        let sources = [
            // A regular expression after `)` and `}`, where a guess says "division".
            format!("if (x) /\"/;{open}1{close};//\""),
            format!("if (x) /\"/;{open}1{close};\""),
            format!("function f() {{}} /`/; {open}1{close}; `"),
            // A division after a keyword used as a property name, and after a postfix
            // operator, where a guess says "regular expression".
            format!("x = y.return / {open}1{close} / 2;"),
            format!("x = a++ / {open}1{close} / 2;"),
        ];
        for src in &sources {
            assert!(depth(src.as_bytes()) >= n, "{}", &src[..30]);
        }
        // Nesting after a line comment that a lone CR (or U+2028) ends, and in a string's
        // second line (`\` and CR LF continue it) where a scan might read code.
        let ahead = [
            format!("// note\r{open}1{close};"),
            format!("// note\u{2028}{open}1{close};"),
        ];
        for src in &ahead {
            assert!(depth(src.as_bytes()) >= n, "{}", &src[..12]);
        }
        let continued = format!("{open}x = '\\\r\n{close}';{open}1");
        assert!(depth(continued.as_bytes()) >= 2 * n);
        // Still no nesting where there is none: a regular expression full of brackets.
        assert!(depth(b"x = /((((((/.test(a) ? b / 2 : c / 3;") <= 4);
    }

    #[test]
    fn no_other_misreading_hides_nesting() {
        // Shapes where swc nests `n` deep and a scan could read the nesting as part of a
        // comment, string or template, or not count it.
        let n = 1000;
        let p = format!("{}1{}", "(".repeat(n), ")".repeat(n));
        let sources = [
            // A hashbang line is a comment, whatever it spells.
            format!("#!/*\n{p}\n*/"),
            format!("#!`\n{p}\n`"),
            // A number's `.`: then `/` divides.
            format!("x = 1./{p}/1;"),
            // swc reads on after a string that a CR leaves unterminated.
            format!("x = \"a\r{p};"),
            // Keywords that nest without a bracket.
            format!("{};", "if(1)".repeat(n)),
            format!("x = {}class {{}}{};", "class extends ".repeat(n), " {}".repeat(n)),
            // Non-ASCII whitespace between keywords.
            format!("{}0;", "void\u{a0}".repeat(n)),
            format!("{}0;", "typeof\u{3000}".repeat(n)),
            // Two readings of a `/` that meet with a template substitution open in one of
            // them only: the `}` that closes the block must not go back into template
            // text.
            format!("{{ if (1) /`${{a/ }}\n{p};"),
        ];
        for src in &sources {
            assert!(depth(src.as_bytes()) >= n, "{}", &src[..20]);
        }
        assert!(token_bound("void\u{a0}".repeat(n).as_bytes()).0 >= n);
        assert!(token_bound("a\u{feff}in\u{feff}".repeat(n).as_bytes()).0 >= n);
        // The limits on open labels and on `else` chains, whatever separates the words.
        assert_eq!(lexed_estimate(("a/**/:".repeat(600) + ";").as_bytes()), Estimate::Refused);
        assert_eq!(lexed_estimate(("a\u{b}:".repeat(600) + ";").as_bytes()), Estimate::Refused);
        // (Refused for its `else` chain, or, where debug builds lower the limit on depth,
        // for that.)
        let chain = "if(1);".to_string() + &"else\u{a0}if(1);".repeat(MAX_ELSE_CHAIN + 1);
        assert_eq!(parse_stack_for(&chain), Err(TOO_DEEP));
        // Readings that cannot merge (a template substitution open in one) read on side by
        // side, without trying again at every step.
        let side_by_side = format!(
            "x = a /`${{'/(('\n{}",
            format!("{}{}\n", "(".repeat(5000), ")".repeat(5000)).repeat(4)
        );
        assert!(matches!(lexed_estimate(side_by_side.as_bytes()), Estimate::Depth(_)));
    }

    #[test]
    fn crafted_slashes_cannot_cost_quadratic_time() {
        // Every `/` here (after a `)`) could start a regular expression that runs to the
        // end of the line (`[` opens a class that nothing closes); the scan's budget for
        // finding their ends runs out, and the source is refused rather than read for
        // minutes.
        let src = format!("x = a{}", "/[)".repeat(200_000));
        assert_eq!(lexed_estimate(src.as_bytes()), Estimate::Ambiguous);
        assert_eq!(parse_stack_for(&src), Err(TOO_AMBIGUOUS));
    }

    #[test]
    fn millions_of_levels_are_refused_without_deep_recursion() {
        // Neither the scan nor dropping what it built may recurse once per level.
        let src = "x = ".to_string() + &"(".repeat(5_000_000);
        assert_eq!(parse_stack_for(&src), Err(TOO_DEEP));
        let (mut reading, mut budget) = (Reading::new(), usize::MAX);
        for _ in 0..1_000_000 {
            reading.open(false, &mut budget).expect("no budget needed: nothing shared");
        }
        let fork = reading.clone();
        drop(reading);
        drop(fork);
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
