//! The recorded behaviour of ses 2.3.0 on curated sources
//! (`__test__/fixtures/transforms/cases.json`, written by `generate.mjs` next to it).

use super::*;
use serde_json::Value;

fn message(source: &str, checks: u32) -> Value {
    match find_rejection(source, checks) {
        None => Value::Null,
        Some(r) => {
            let what = match r.check {
                Check::HtmlComment => "Possible HTML comment",
                Check::ImportExpression => "Possible import expression",
                Check::DirectEval => "Possible direct eval expression",
            };
            let url = r.url.map(|(a, b)| &source[a..b]).unwrap_or("<unknown>");
            serde_json::json!({
                "error": "SyntaxError",
                "message": format!("{what} rejected at {url}:{}. ({})", r.line, r.check.code()),
            })
        }
    }
}

fn evaded(source: &str, which: u32) -> String {
    let units: Vec<u16> = source.encode_utf16().collect();
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end, text) in evasion_edits(source, which) {
        out.extend_from_slice(&units[at..start]);
        out.extend(text.encode_utf16());
        at = end;
    }
    out.extend_from_slice(&units[at..]);
    String::from_utf16_lossy(&out)
}

#[test]
fn recorded_ses_behaviour() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/__test__/fixtures/transforms/cases.json");
    let text = std::fs::read_to_string(path).expect("cases.json");
    let cases: Vec<Value> = serde_json::from_str(&text).expect("valid JSON");
    assert!(cases.len() > 100);
    for case in &cases {
        let source = case["source"].as_str().expect("source");
        let expect = |key: &str| case[key].clone();
        assert_eq!(message(source, CHECK_HTML_COMMENT), expect("rejectHtmlComments"), "{source:?}");
        assert_eq!(message(source, CHECK_IMPORT_EXPRESSION), expect("rejectImportExpressions"), "{source:?}");
        assert_eq!(message(source, CHECK_DIRECT_EVAL), expect("rejectSomeDirectEvalExpressions"), "{source:?}");
        assert_eq!(message(source, CHECK_HTML_COMMENT | CHECK_IMPORT_EXPRESSION), expect("mandatoryTransforms"), "{source:?}");
        assert_eq!(Value::from(evaded(source, EVADE_HTML_COMMENT)), expect("evadeHtmlCommentTest"), "{source:?}");
        assert_eq!(Value::from(evaded(source, EVADE_IMPORT_EXPRESSION)), expect("evadeImportExpressionTest"), "{source:?}");
    }
}
