//! Byte-level primitives shared by the checks: a vectorised pair finder, the ECMAScript
//! `\s` set decoded from UTF-8, ASCII word characters, and UTF-8 -> UTF-16 counting.
//!
//! input: the UTF-8 bytes napi hands over (lone surrogates already turned into U+FFFD,
//! which is neither whitespace, a word character nor a dot, so no match can change).

/// Three `(offset, byte)` probes: position `i` carries the signature when
/// `hay[i + offset] == byte` for each probe. Every pattern has one (for `import`, the
/// `i`, `p` and `t`), and only the rare positions carrying it are examined further.
pub type Signature = [(usize, u8); 3];

fn reach(sig: &Signature) -> usize {
    sig.iter().map(|p| p.0).max().unwrap_or(0)
}

fn has_signature_at(hay: &[u8], at: usize, sig: &Signature) -> bool {
    sig.iter().all(|&(offset, byte)| at.checked_add(offset).and_then(|i| hay.get(i)) == Some(&byte))
}

fn find_scalar(hay: &[u8], from: usize, sigs: &[Signature]) -> Option<usize> {
    (from..hay.len()).find(|&at| sigs.iter().any(|sig| has_signature_at(hay, at, sig)))
}

/// First index `i >= from` that carries any of `sigs`.
pub fn find_signature(hay: &[u8], from: usize, sigs: &[Signature]) -> Option<usize> {
    if sigs.is_empty() {
        return None;
    }
    if sigs.len() > 4 {
        return find_scalar(hay, from, sigs);
    }
    #[cfg(target_arch = "x86_64")]
    {
        // A fixed count lets the compiler unroll the probes and share equal loads.
        match sigs {
            [a] => find_sse2(hay, from, &[*a]),
            [a, b] => find_sse2(hay, from, &[*a, *b]),
            [a, b, c] => find_sse2(hay, from, &[*a, *b, *c]),
            [a, b, c, d] => find_sse2(hay, from, &[*a, *b, *c, *d]),
            _ => find_scalar(hay, from, sigs),
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        find_swar(hay, from, sigs)
    }
}

#[cfg(target_arch = "x86_64")]
fn find_sse2<const N: usize>(hay: &[u8], from: usize, sigs: &[Signature; N]) -> Option<usize> {
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8, _mm_setzero_si128,
    };
    let len = hay.len();
    let max_reach = sigs.iter().map(reach).max().unwrap_or(0);
    let mut at = from;
    // SSE2 is part of the x86_64 baseline. Every load reads 16 bytes at `at + offset`
    // with offset <= max_reach, and the loop keeps `at + max_reach + 16 <= len`.
    unsafe {
        let base = hay.as_ptr();
        let mut wanted = [[_mm_setzero_si128(); 3]; N];
        for (j, sig) in sigs.iter().enumerate() {
            for (k, &(_, byte)) in sig.iter().enumerate() {
                wanted[j][k] = _mm_set1_epi8(byte as i8);
            }
        }
        while at.saturating_add(max_reach).saturating_add(16) <= len {
            let mut hits = _mm_setzero_si128();
            let mut j = 0;
            while j < N {
                let [(o0, _), (o1, _), (o2, _)] = sigs[j];
                let p = base.add(at);
                let e0 = _mm_cmpeq_epi8(_mm_loadu_si128(p.add(o0) as *const __m128i), wanted[j][0]);
                let e1 = _mm_cmpeq_epi8(_mm_loadu_si128(p.add(o1) as *const __m128i), wanted[j][1]);
                let e2 = _mm_cmpeq_epi8(_mm_loadu_si128(p.add(o2) as *const __m128i), wanted[j][2]);
                hits = _mm_or_si128(hits, _mm_and_si128(_mm_and_si128(e0, e1), e2));
                j += 1;
            }
            let mask = _mm_movemask_epi8(hits) as u32;
            if mask != 0 {
                return Some(at + mask.trailing_zeros() as usize);
            }
            at += 16;
        }
    }
    find_scalar(hay, at, sigs)
}

/// Eight bytes at a time without `unsafe`: the portable fallback (tested on every host).
#[allow(dead_code)]
pub fn find_swar(hay: &[u8], from: usize, sigs: &[Signature]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // High bit set in every byte of `x` equal to `byte` (and possibly in some bytes
    // above such a byte, because of the borrow): never misses, sometimes over-reports.
    fn equal_bytes(x: u64, byte: u8) -> u64 {
        let y = x ^ ONES.wrapping_mul(byte as u64);
        y.wrapping_sub(ONES) & !y & HIGHS
    }
    fn word(bytes: &[u8]) -> u64 {
        let mut buf = [0u8; 8];
        buf.copy_from_slice(bytes);
        u64::from_le_bytes(buf)
    }
    let len = hay.len();
    let max_reach = sigs.iter().map(reach).max().unwrap_or(0);
    let mut at = from;
    while at.saturating_add(max_reach).saturating_add(8) <= len {
        let maybe = sigs.iter().any(|sig| {
            sig.iter()
                .fold(HIGHS, |acc, &(offset, byte)| acc & equal_bytes(word(&hay[at + offset..at + offset + 8]), byte))
                != 0
        });
        if maybe {
            if let Some(found) = (at..at + 8).find(|&i| sigs.iter().any(|sig| has_signature_at(hay, i, sig))) {
                return Some(found);
            }
        }
        at += 8;
    }
    find_scalar(hay, at, sigs)
}

/// `[A-Za-z0-9_]`: the characters `\b` considers part of a word (no `u` or `i` flag).
pub fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Length in bytes of the `\s` character that starts at `at`, or 0.
///
/// `\s` is WhiteSpace plus LineTerminator: TAB, LF, VT, FF, CR, SPACE, U+00A0, U+1680,
/// U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF.
pub fn space_at(hay: &[u8], at: usize) -> usize {
    let Some(&b0) = hay.get(at) else { return 0 };
    match b0 {
        b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ' => 1,
        0xc2 => (hay.get(at + 1) == Some(&0xa0)) as usize * 2,
        0xe1 | 0xe2 | 0xe3 | 0xef => {
            let (Some(&b1), Some(&b2)) = (hay.get(at + 1), hay.get(at + 2)) else { return 0 };
            if is_three_byte_space(b0, b1, b2) { 3 } else { 0 }
        }
        _ => 0,
    }
}

/// Length in bytes of the `\s` character that ends just before `end`, or 0.
pub fn space_before(hay: &[u8], end: usize) -> usize {
    if end == 0 || end > hay.len() {
        return 0;
    }
    match hay[end - 1] {
        b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ' => 1,
        0xa0 if end >= 2 && hay[end - 2] == 0xc2 => 2,
        b2 if end >= 3 && is_three_byte_space(hay[end - 3], hay[end - 2], b2) => 3,
        _ => 0,
    }
}

fn is_three_byte_space(b0: u8, b1: u8, b2: u8) -> bool {
    match (b0, b1) {
        (0xe1, 0x9a) => b2 == 0x80,                                    // U+1680
        (0xe2, 0x80) => matches!(b2, 0x80..=0x8a | 0xa8 | 0xa9 | 0xaf), // U+2000..200A, 2028, 2029, 202F
        (0xe2, 0x81) => b2 == 0x9f,                                    // U+205F
        (0xe3, 0x80) => b2 == 0x80,                                    // U+3000
        (0xef, 0xbb) => b2 == 0xbf,                                    // U+FEFF
        _ => false,
    }
}

/// Index just past the run of `\s` characters starting at `at`.
pub fn skip_spaces(hay: &[u8], mut at: usize) -> usize {
    loop {
        let n = space_at(hay, at);
        if n == 0 {
            return at;
        }
        at += n;
    }
}

/// Index where the run of `\s` characters ending at `end` begins.
pub fn skip_spaces_back(hay: &[u8], mut end: usize) -> usize {
    loop {
        let n = space_before(hay, end);
        if n == 0 {
            return end;
        }
        end -= n;
    }
}

/// Number of LF bytes in `bytes` (the only line break `ses` counts).
pub fn count_newlines(bytes: &[u8]) -> usize {
    // Byte-wide counters over short chunks let the loop run 16 or 32 lanes wide.
    bytes
        .chunks(255)
        .map(|chunk| chunk.iter().fold(0u8, |n, &b| n.wrapping_add((b == b'\n') as u8)) as usize)
        .sum()
}

pub use crate::positions::{utf16_len, Utf16Cursor};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_finders_agree_with_a_naive_scan() {
        let mut seed = 0x1234_5678_9abc_def0u64;
        let sets: [&[Signature]; 5] = [
            &[[(0, b'-'), (1, b'-'), (1, b'-')]],
            &[[(0, b'a'), (2, b'b'), (5, b'a')]],
            &[[(0, b'-'), (1, b'-'), (1, b'-')], [(0, b'a'), (2, b'b'), (5, b'a')], [(0, b'<'), (1, b'!'), (3, b'-')]],
            &[[(0, 0), (0, 0), (0, 0)], [(0, 0xff), (1, b'x'), (2, b'a')], [(0, b'b'), (1, b'a'), (9, b'b')], [(0, b'x'), (1, b'x'), (2, b'x')]],
            &[[(0, b'a'), (1, b'b'), (1, b'b')], [(0, b'b'), (1, b'a'), (1, b'a')], [(0, b'x'), (1, b'x'), (1, b'x')], [(0, b'-'), (1, b'-'), (1, b'-')], [(0, b'!'), (1, b'!'), (1, b'!')]],
        ];
        for round in 0..1500 {
            let len = (round % 97) as usize;
            let mut hay = Vec::with_capacity(len);
            for _ in 0..len {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                hay.push(b"ab-<!>x\x00\xff"[(seed % 9) as usize]);
            }
            for sigs in sets {
                for from in 0..=len + 1 {
                    let want = find_scalar(&hay, from, sigs);
                    assert_eq!(want, (from..hay.len()).find(|&i| sigs.iter().any(|sig| sig.iter().all(|&(o, b)| hay.get(i + o) == Some(&b)))));
                    assert_eq!(find_signature(&hay, from, sigs), want);
                    assert_eq!(find_swar(&hay, from, sigs), want);
                }
            }
        }
        assert_eq!(find_signature(b"--", 0, &[]), None);
    }

    #[test]
    fn space_set_is_ecmascripts() {
        let mut spaces = Vec::new();
        for cp in 0..=0x10ffffu32 {
            let Some(c) = char::from_u32(cp) else { continue };
            let mut buf = [0u8; 4];
            let s = c.encode_utf8(&mut buf).as_bytes();
            let n = space_at(s, 0);
            assert_eq!(space_before(s, s.len()), n, "{cp:x}");
            if n != 0 {
                assert_eq!(n, s.len());
                spaces.push(cp);
            }
        }
        let mut want = vec![0x9, 0xa, 0xb, 0xc, 0xd, 0x20, 0xa0, 0x1680];
        want.extend(0x2000..=0x200a);
        want.extend([0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]);
        assert_eq!(spaces, want);
    }

    #[test]
    fn space_runs() {
        let s = "a \u{feff}\u{2028}\t\u{a0}b".as_bytes();
        assert_eq!(skip_spaces(s, 1), s.len() - 1);
        assert_eq!(skip_spaces_back(s, s.len() - 1), 1);
        assert_eq!(skip_spaces(s, 0), 0);
        assert_eq!(space_before(s, 0), 0);
    }

    #[test]
    fn utf16_lengths() {
        let s = "a\u{e9}\u{20ac}\u{1f600}\u{fffd}";
        assert_eq!(utf16_len(s.as_bytes()), s.encode_utf16().count());
        let mut cursor = Utf16Cursor::from_bytes(s.as_bytes());
        assert_eq!(cursor.at(1), 1);
        assert_eq!(cursor.at(6), 3);
        assert_eq!(cursor.at(10), 5);
        assert_eq!(cursor.at(3), 2);
    }
}
