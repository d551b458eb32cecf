//! Byte offset (UTF-8, as Rust and swc see the text) -> UTF-16 offset, line and column
//! (as JS sees the same text).
