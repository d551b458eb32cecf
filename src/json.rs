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

/// The same JSON document with every non-ASCII character written as `\\uXXXX` escapes
/// (they can only occur inside string literals). V8 makes an ASCII result into a string
/// with a plain copy, where other UTF-8 has to be decoded.
pub fn to_ascii(doc: String) -> String {
    if doc.is_ascii() {
        return doc;
    }
    let mut out = String::with_capacity(doc.len() + 64);
    let mut run = 0usize;
    for (i, c) in doc.char_indices() {
        if !c.is_ascii() {
            out.push_str(&doc[run..i]);
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{:04x}", u));
            }
            run = i + c.len_utf8();
        }
    }
    out.push_str(&doc[run..]);
    out
}

#[cfg(test)]
mod tests {
    use super::{push_str, to_ascii};

    #[test]
    fn ascii_documents() {
        assert_eq!(to_ascii("{\"a\":\"x\"}".to_string()), "{\"a\":\"x\"}");
        assert_eq!(to_ascii("[\"\u{34f}é\u{1F600}\"]".to_string()), "[\"\\u034f\\u00e9\\ud83d\\ude00\"]");
    }

    #[test]
    fn escapes_quotes_controls_and_line_separators() {
        let mut out = String::new();
        push_str(&mut out, "a\"b\\c\n\u{1}\u{2028}é");
        assert_eq!(out, "\"a\\\"b\\\\c\\n\\u0001\\u2028é\"");
    }
}
