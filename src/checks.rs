//! Rejection checks and evasion transforms (regex-equivalent scans, no parser).
pub fn find_rejection_json(_source: &str, _checks: u32) -> Option<String> {
    Some(crate::guard::internal_error_json("findRejection is not implemented yet"))
}
pub fn evasion_edits_json(_source: &str, _which: u32) -> String {
    crate::guard::internal_error_json("evasionEdits is not implemented yet")
}
