//! Hidden names of the functor calling convention, and the check that guest code does
//! not spell any of them.
//!
//! input: an identifier's cooked name; output: `None`, or the reserved-name message that
//! `@endo/module-source` reports for it.

/// `$h` + U+034F COMBINING GRAPHEME JOINER + `_`.
pub const HIDDEN_PREFIX: &str = "$h\u{34f}_";
/// `$c` + U+034F + `_`: the prefix of renamed ("softened") exported bindings.
pub const CONST_PREFIX: &str = "$c\u{34f}_";

pub const HIDDEN_A: &str = "$h\u{34f}_a";
pub const HIDDEN_IMPORT: &str = "$h\u{34f}_import";
pub const HIDDEN_IMPORT_SELF: &str = "$h\u{34f}_importSelf";
pub const HIDDEN_IMPORTS: &str = "$h\u{34f}_imports";
pub const HIDDEN_ONCE: &str = "$h\u{34f}_once";
/// Same UTF-16 length as `import.meta`, so columns after it do not move.
pub const HIDDEN_META: &str = "$h\u{34f}____meta";
pub const HIDDEN_LIVE: &str = "$h\u{34f}_live";

const RESERVED: [&str; 7] = [
    HIDDEN_A,
    HIDDEN_IMPORT,
    HIDDEN_IMPORT_SELF,
    HIDDEN_IMPORTS,
    HIDDEN_ONCE,
    HIDDEN_META,
    HIDDEN_LIVE,
];

/// The message for a reserved name, or `None` when `name` is free to use.
#[inline]
pub fn reserved_message(name: &str) -> Option<String> {
    let b = name.as_bytes();
    // Every reserved name starts with `$`, a letter, then U+034F (UTF-8 CD 8F).
    if b.len() < 5 || b[0] != b'$' || b[2] != 0xCD || b[3] != 0x8F {
        return None;
    }
    if name.starts_with(CONST_PREFIX) {
        return Some(format!("The {name} constant variable is reserved"));
    }
    if RESERVED.contains(&name) {
        return Some(format!("The {name} identifier is reserved"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_and_messages() {
        assert_eq!(HIDDEN_META.encode_utf16().count(), "import.meta".len());
        assert_eq!(
            reserved_message("$h\u{34f}_import").unwrap(),
            "The $h\u{34f}_import identifier is reserved"
        );
        assert_eq!(
            reserved_message("$c\u{34f}_x").unwrap(),
            "The $c\u{34f}_x constant variable is reserved"
        );
        assert!(reserved_message("$h\u{34f}_import2").is_none());
        assert!(reserved_message("$h_import").is_none());
    }
}
