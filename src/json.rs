//! Minimal JSON writing for the documents that cross the boundary.

/// Append `s` as a JSON string literal, copying runs that need no escape in bulk (the
/// edit texts of a functor program are mostly spaces). Lone surrogates cannot occur
/// (Rust strings are UTF-8); U+2028/U+2029 are escaped so the text is also a valid JS
/// literal.
pub fn push_str(out: &mut String, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push('"');
    let mut run = 0usize;
    let mut i = 0usize;
    while i < bytes.len() {
        let b = bytes[i];
        let escape: Option<&str> = match b {
            b'"' => Some("\\\""),
            b'\\' => Some("\\\\"),
            b'\n' => Some("\\n"),
            b'\r' => Some("\\r"),
            b'\t' => Some("\\t"),
            0xE2 if i + 2 < bytes.len() && bytes[i + 1] == 0x80 && bytes[i + 2] == 0xA8 => Some("\\u2028"),
            0xE2 if i + 2 < bytes.len() && bytes[i + 1] == 0x80 && bytes[i + 2] == 0xA9 => Some("\\u2029"),
            c if c < 0x20 => None,
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&s[run..i]);
        match escape {
            Some(e) => out.push_str(e),
            None => out.push_str(&format!("\\u{b:04x}")),
        }
        i += if b == 0xE2 { 3 } else { 1 };
        run = i;
    }
    out.push_str(&s[run..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::push_str;

    #[test]
    fn escapes_quotes_controls_and_line_separators() {
        let mut out = String::new();
        push_str(&mut out, "a\"b\\c\n\u{1}\u{2028}é");
        assert_eq!(out, "\"a\\\"b\\\\c\\n\\u0001\\u2028é\"");
    }
}
