//! Calibration probes, ignored in ordinary runs:
//! - `probe_parse_stack` parses one nested shape of depth `PROBE_N` on a stack of
//!   `PROBE_STACK` bytes (a driver binary-searches the size that does not crash; the
//!   per-level figures in `src/module_source/stack.rs` come from it);
//! - `probe_timing` compares swc's bare parse of `PROBE_FILE` with `analyze_to_json`.
//! Run: cargo test --release --no-default-features --test probes -- --ignored --nocapture

use std::time::Instant;

use swc_common::BytePos;
use swc_ecma_parser::{lexer::Lexer, EsSyntax, Parser, StringInput, Syntax};

#[test]
#[ignore]
fn probe_timing() {
    let path = std::env::var("PROBE_FILE").unwrap_or_else(|_| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/node_modules/acorn/dist/acorn.mjs").to_string()
    });
    let src = std::fs::read_to_string(path).unwrap();
    let n = 30;
    let parse = || {
        let input = StringInput::new(&src, BytePos(1), BytePos(1 + src.len() as u32));
        let lexer = Lexer::new(Syntax::Es(EsSyntax::default()), Default::default(), input, None);
        let mut p = Parser::new_from(lexer);
        let m = p.parse_module().unwrap();
        std::hint::black_box(&m);
    };
    for _ in 0..3 {
        parse();
    }
    let t = Instant::now();
    for _ in 0..n {
        parse();
    }
    let parse_ms = t.elapsed().as_secs_f64() * 1000.0 / n as f64;
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(ses_native::module_source::analyze_to_json(&src));
    }
    let full_ms = t.elapsed().as_secs_f64() * 1000.0 / n as f64;
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(ses_native::module_source::analyze_to_json_unchecked(&src));
    }
    let unchecked_ms = t.elapsed().as_secs_f64() * 1000.0 / n as f64;
    eprintln!(
        "{} bytes: swc parse {parse_ms:.2} ms, analyze_to_json {full_ms:.2} ms, without stack sizing {unchecked_ms:.2} ms",
        src.len()
    );
}

#[test]
#[ignore]
fn probe_parse_stack() {
    let n: usize = std::env::var("PROBE_N").ok().and_then(|v| v.parse().ok()).unwrap_or(1000);
    let stack: usize = std::env::var("PROBE_STACK").ok().and_then(|v| v.parse().ok()).unwrap_or(1 << 20);
    let shape = std::env::var("PROBE_SHAPE").unwrap_or_else(|_| "parens".into());
    let src = match shape.as_str() {
        "parens" => format!("x = {}1{}", "(".repeat(n), ")".repeat(n)),
        "unary" => format!("x = {}1", "!".repeat(n)),
        "arrows" => format!("x = {}1", "a => ".repeat(n)),
        "ternary" => format!("x = {}c", "a ? b : ".repeat(n)),
        "templates" => format!("x = {}1{}", "`${".repeat(n), "}`".repeat(n)),
        "functions" => format!("{}{}", "function f(){".repeat(n), "}".repeat(n)),
        "objects" => format!("x = {}1{}", "{a:".repeat(n), "}".repeat(n)),
        "patterns" => format!("{}{} = x", "[".repeat(n), "]".repeat(n)),
        "ifelse" => format!("{}{{}}", "if (a) {} else ".repeat(n)),
        "binary" => format!("x = {}1", "a + ".repeat(n)),
        _ => panic!("unknown shape"),
    };
    stacker::grow(stack, || {
        let out = ses_native::module_source::analyze_to_json_unchecked(&src);
        assert!(out.len() > 1);
    });
}
