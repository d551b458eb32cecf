//! Minimal JSON writing for the documents that cross the boundary.

/// Append `s` as a JSON string literal, copying runs that need no escape in bulk (the
/// edit texts of a functor program are mostly spaces). Lone surrogates cannot occur
/// (Rust strings are UTF-8). Every character outside ASCII is written as `\uXXXX`
/// escapes: the document stays ASCII, which V8 turns into a string with a plain copy
/// (other UTF-8 has to be decoded), and U+2028/U+2029 come out escaped, so the text is
/// also a valid JS literal.
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
            c if c < 0x20 || c >= 0x80 => None,
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&s[run..i]);
        match escape {
            Some(e) => {
                out.push_str(e);
                i += 1;
            }
            None if b < 0x80 => {
                push_unit(out, u16::from(b));
                i += 1;
            }
            None => {
                // `i` is on a character boundary: every byte before it was consumed
                // whole.
                let c = s[i..].chars().next().unwrap_or('\u{fffd}');
                let mut units = [0u16; 2];
                for &u in c.encode_utf16(&mut units).iter() {
                    push_unit(out, u);
                }
                i += c.len_utf8();
            }
        }
        run = i;
    }
    out.push_str(&s[run..]);
    out.push('"');
}

fn push_unit(out: &mut String, u: u16) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push_str("\\u");
    for shift in [12, 8, 4, 0] {
        out.push(HEX[usize::from((u >> shift) & 0xF)] as char);
    }
}

/// The same JSON document with every non-ASCII character written as `\uXXXX` escapes
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
            for &u in c.encode_utf16(&mut units).iter() {
                push_unit(&mut out, u);
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
        assert_eq!(out, "\"a\\\"b\\\\c\\n\\u0001\\u2028\\u00e9\"");
        let mut wide = String::new();
        push_str(&mut wide, "x\u{34f}\u{1F600}y");
        assert_eq!(wide, "\"x\\u034f\\ud83d\\ude00y\"");
    }
}
