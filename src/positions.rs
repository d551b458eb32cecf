//! Byte offset (UTF-8, as Rust and swc see the text) -> UTF-16 offset, line and column
//! (as JS sees the same text).
//!
//! input: the source and byte offsets into it; output: UTF-16 offsets (for edits), or a
//! 1-based line with a 0-based UTF-16 column (for error reports, as Babel counts them).

/// UTF-16 length of a UTF-8 byte run that starts and ends on character boundaries: one
/// unit per leading byte, plus one more for each four-byte sequence. (Counted in chunks
/// with byte-wide counters, at most 2 per byte, so that the loop vectorizes.)
#[inline]
pub fn utf16_len(bytes: &[u8]) -> usize {
    bytes
        .chunks(127)
        .map(|chunk| {
            chunk.iter().fold(0u8, |n, &b| {
                n.wrapping_add(((b as i8) >= -0x40) as u8).wrapping_add((b >= 0xf0) as u8)
            }) as usize
        })
        .sum()
}

/// Whether `s` holds a JS line terminator (LF, CR, U+2028, U+2029), by bytes: a quick
/// scan for the bytes that can start one, then a closer look only if there is any.
#[inline]
pub fn has_line_terminator(s: &str) -> bool {
    let b = s.as_bytes();
    if !b.iter().fold(false, |any, &c| any | (c == b'\n') | (c == b'\r') | (c == 0xE2)) {
        return false;
    }
    b.iter().enumerate().any(|(i, &c)| {
        c == b'\n' || c == b'\r' || (c == 0xE2 && b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0xA8 | 0xA9)))
    })
}

/// Converts a non-decreasing sequence of byte offsets in one pass.
pub struct Utf16Cursor<'a> {
    src: &'a [u8],
    byte: usize,
    unit: usize,
}

impl<'a> Utf16Cursor<'a> {
    pub fn new(src: &'a str) -> Self {
        Self::from_bytes(src.as_bytes())
    }

    /// Over UTF-8 bytes (offsets must fall on character boundaries).
    pub fn from_bytes(src: &'a [u8]) -> Self {
        Utf16Cursor { src, byte: 0, unit: 0 }
    }

    /// UTF-16 offset of byte offset `to`. Offsets must not decrease between calls;
    /// a smaller one restarts from the beginning.
    pub fn at(&mut self, to: usize) -> usize {
        let to = to.min(self.src.len());
        if to < self.byte {
            // Not expected; recompute from the start rather than go wrong.
            self.byte = 0;
            self.unit = 0;
        }
        self.unit += utf16_len(&self.src[self.byte..to]);
        self.byte = to;
        self.unit
    }
}

/// 1-based line and 0-based UTF-16 column of byte offset `pos`. Line terminators are
/// LF, CR, CRLF (one), U+2028 and U+2029.
pub fn line_column(src: &str, pos: usize) -> (usize, usize) {
    let bytes = src.as_bytes();
    let pos = pos.min(bytes.len());
    let mut line = 1usize;
    let mut line_start = 0usize;
    let mut i = 0usize;
    while i < pos {
        match bytes[i] {
            b'\n' => {
                line += 1;
                line_start = i + 1;
            }
            b'\r' => {
                if i + 1 < bytes.len() && bytes[i + 1] == b'\n' {
                    i += 1;
                }
                line += 1;
                line_start = i + 1;
            }
            0xE2 if i + 2 < bytes.len()
                && bytes[i + 1] == 0x80
                && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9) =>
            {
                i += 2;
                line += 1;
                line_start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    let line_start = line_start.min(pos);
    (line, utf16_len(&bytes[line_start..pos]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_counts_utf16_units() {
        let s = "a\u{e9}\u{1F600}b";
        let mut c = Utf16Cursor::new(s);
        assert_eq!(c.at(1), 1);
        assert_eq!(c.at(3), 2);
        assert_eq!(c.at(7), 4);
        assert_eq!(c.at(8), 5);
    }

    #[test]
    fn line_terminators_by_bytes() {
        for (s, want) in [("a\nb", true), ("a\rb", true), ("a\u{2028}", true), ("\u{2029}b", true), ("a\u{2027}b\u{e9}", false), ("", false), ("$h\u{34f}_x", false)] {
            assert_eq!(has_line_terminator(s), want, "{s:?}");
        }
    }

    #[test]
    fn lines_and_columns() {
        let s = "ab\r\ncd\u{2028}e\u{1F600}f\rg";
        assert_eq!(line_column(s, 0), (1, 0));
        assert_eq!(line_column(s, 5), (2, 1));
        let e = s.find('e').unwrap();
        assert_eq!(line_column(s, e), (3, 0));
        let f = s.find('f').unwrap();
        assert_eq!(line_column(s, f), (3, 3));
        let g = s.find('g').unwrap();
        assert_eq!(line_column(s, g), (4, 0));
    }
}
