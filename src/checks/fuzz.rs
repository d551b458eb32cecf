//! Fuzzing the fast matchers against the literal regexp oracle in `reference.rs`.

use super::reference::{self, Node};
use super::*;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const TOKENS: &[&str] = &[
    "import", "eval", "import(", "eval(", "(", ")", ".", "..", "...", "<!--", "-->", "<", "!", "-",
    ">", "--", "\n", "\r\n", "\r", "\u{2028}", "\u{2029}", " ", "\t", "\u{a0}", "\u{feff}",
    "\u{3000}", "\u{180e}", "\u{200b}", "\u{1680}", "\u{205f}", "/", "//", "/*", "*/", "*", "x",
    "$", "_", "\u{e9}", "1", "#", "@", "sourceURL", "sourceMappingURL", "=", "\"", "'", "`",
    "\u{fffd}", "\u{1f600}", "//# sourceURL=", "/*# sourceURL=", "//@ sourceURL=", "a.js", "\\",
    "?.", "im", "port", "ev", "al",
];

fn soup(rng: &mut Rng, max_tokens: usize) -> String {
    let n = 1 + rng.below(max_tokens);
    (0..n).map(|_| TOKENS[rng.below(TOKENS.len())]).collect()
}

/// (check, line, URL range) of a rejection.
type Reported = Option<(Check, usize, Option<(usize, usize)>)>;

fn reference_rejection(u: &[u16], checks: u32) -> Reported {
    let eval_first = checks & CHECK_DIRECT_EVAL_FIRST != 0;
    let order: [(bool, Check, &[Node]); 4] = [
        (eval_first, Check::DirectEval, reference::EVAL),
        (checks & CHECK_HTML_COMMENT != 0, Check::HtmlComment, reference::HTML),
        (checks & CHECK_IMPORT_EXPRESSION != 0, Check::ImportExpression, reference::IMPORT),
        (!eval_first && checks & CHECK_DIRECT_EVAL != 0, Check::DirectEval, reference::EVAL),
    ];
    order.iter().filter(|(on, _, _)| *on).find_map(|&(_, check, pattern)| {
        reference::line_number(pattern, u).map(|line| (check, line, reference::source_url(u)))
    })
}

fn ours_rejection(s: &str, checks: u32) -> Reported {
    find_rejection(s, checks).map(|r| {
        let url = r.url.map(|(a, b)| {
            let start = scan::utf16_len(&s.as_bytes()[..a]);
            (start, start + scan::utf16_len(&s.as_bytes()[a..b]))
        });
        (r.check, r.line, url)
    })
}

fn reference_edits(u: &[u16], which: u32) -> Vec<(usize, usize, &'static str)> {
    match which {
        EVADE_HTML_COMMENT => reference::all_matches(reference::HTML, u)
            .into_iter()
            .map(|(start, end, _)| (start, end, if u[start] == b'<' as u16 { "< ! --" } else { "-- >" }))
            .collect(),
        _ => reference::all_matches(reference::IMPORT, u)
            .into_iter()
            .map(|(_, _, caps)| {
                let keyword = caps[1].map(|(_, b)| b).unwrap_or(0);
                (keyword, keyword + 6, "__import__")
            })
            .collect(),
    }
}

type Outcome = Option<(Check, usize, Option<Vec<u16>>)>;

/// The URL as text: an empty value may be reported at either end of the spaces before
/// it, which names the same (empty) URL.
fn with_url_text(u: &[u16], r: Reported) -> Outcome {
    r.map(|(check, line, url)| (check, line, url.map(|(a, b)| u[a..b].to_vec())))
}

fn compare(s: &str) {
    let u: Vec<u16> = s.encode_utf16().collect();
    for checks in [1, 2, 4, 3, 7, 8 | 3, 8 | 7] {
        assert_eq!(
            with_url_text(&u, ours_rejection(s, checks)),
            with_url_text(&u, reference_rejection(&u, checks)),
            "checks {checks} on {s:?}"
        );
    }
    for which in [EVADE_HTML_COMMENT, EVADE_IMPORT_EXPRESSION] {
        assert_eq!(evasion_edits(s, which), reference_edits(&u, which), "evasion {which} on {s:?}");
    }
}

/// Iteration counts scale with `CHECKS_FUZZ_SCALE` (default 1) for longer runs.
fn scale(n: usize) -> usize {
    let factor = std::env::var("CHECKS_FUZZ_SCALE").ok().and_then(|v| v.parse().ok()).unwrap_or(1);
    n * factor
}

#[test]
fn random_soups_match_the_oracle() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..scale(5_000) {
        let s = soup(&mut rng, 16);
        compare(&s);
    }
}

#[test]
fn source_url_tails_match_the_oracle() {
    let mut rng = Rng(42);
    let comments = [
        "//# sourceURL=a.js", "//@ sourceURL=b", "/*# sourceURL=c */", "/*@sourceURL=d*/",
        "//# sourceURL = e=f ", "// # sourceURL=g", "//# sourceURL=", "//# sourceURL=h i",
        "/*# sourceURL=j*k */", "//# sourceMappingURL=m", "//#a=//# sourceURL=n",
        "//\n#\nsourceURL\n=\no\n", "/*\n@\tsourceURL\t=\tp\n*/", "//#\u{a0}sourceURL\u{3000}=\u{feff}q",
        "x", ";", "*/", "/*", "\n", " ", "=", "#", "//", "\u{1f600}",
    ];
    for _ in 0..scale(2_000) {
        let mut s = String::from(["<!--", "import(", "eval("][rng.below(3)]);
        for _ in 0..1 + rng.below(5) {
            s.push_str(["", " ", "\n"][rng.below(3)]);
            s.push_str(comments[rng.below(comments.len())]);
        }
        compare(&s);
    }
}

#[test]
fn every_bmp_character_around_the_keywords() {
    // The whole BMP with CHECKS_FUZZ_SCALE > 1; else every character that is a space or
    // a word character or ASCII, plus a stride through the rest.
    let full = scale(1) > 1;
    for cp in 0..=0xffffu32 {
        let Some(c) = char::from_u32(cp) else { continue };
        let mut buf = [0u8; 4];
        let interesting = cp < 0x100 || scan::space_at(c.encode_utf8(&mut buf).as_bytes(), 0) > 0;
        if !full && !interesting && cp % 61 != 0 {
            continue;
        }
        for s in [
            format!("import{c}(x)"),
            format!("{c}import(x)"),
            format!("...{c}import/"),
            format!("eval{c}(x)"),
            format!("{c}eval(x)"),
            format!("{c}<!--{c}-->"),
        ] {
            compare(&s);
        }
    }
}
