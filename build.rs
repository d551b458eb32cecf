fn main() {
    // Only the addon build needs Node's link flags; `cargo test` runs without Node.
    if std::env::var_os("CARGO_FEATURE_NODE").is_some() {
        napi_build::setup();
    }
}
