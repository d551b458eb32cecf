//! ES module -> module record + functor program edit plan.
pub fn analyze_to_json(_source: &str) -> String {
    crate::guard::internal_error_json("analyzeModule is not implemented yet")
}
