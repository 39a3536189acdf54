//! Controls shared by the panels' forms (the inspector, the team editor, the scenario editor): a
//! text buffer kept while the user types, labels, help and error lines, row buttons, sections,
//! and the small formatters they show values with.

pub(crate) mod fields;

/// `UTC−03:00` for -180 (a true minus sign), `UTC+05:30` for 330.
pub(crate) fn utc_offset_text(minutes: i32) -> String {
    let sign = if minutes < 0 { '−' } else { '+' };
    let abs = minutes.unsigned_abs();
    format!("UTC{sign}{:02}:{:02}", abs / 60, abs % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_offsets() {
        assert_eq!(utc_offset_text(-180), "UTC−03:00");
        assert_eq!(utc_offset_text(0), "UTC+00:00");
        assert_eq!(utc_offset_text(330), "UTC+05:30");
    }
}
