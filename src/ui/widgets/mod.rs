//! Controls shared by the panels' forms (the inspector, the team editor, the scenario editor): a
//! text buffer kept while the user types, labels, help and error lines, row buttons, sections,
//! and the small formatters they show values with.

pub(crate) mod fields;

use fluxo_core::flow::Weekday;

use crate::i18n::Lang;

/// A weekday's short name (`Mon`, `Seg`), as schedules list them.
pub(crate) fn weekday_short(lang: Lang, day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => lang.tr("weekday-short-mon"),
        Weekday::Tue => lang.tr("weekday-short-tue"),
        Weekday::Wed => lang.tr("weekday-short-wed"),
        Weekday::Thu => lang.tr("weekday-short-thu"),
        Weekday::Fri => lang.tr("weekday-short-fri"),
        Weekday::Sat => lang.tr("weekday-short-sat"),
        Weekday::Sun => lang.tr("weekday-short-sun"),
    }
}

/// A weekday's whole name (`Monday`, `segunda-feira`).
pub(crate) fn weekday_name(lang: Lang, day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => lang.tr("weekday-mon"),
        Weekday::Tue => lang.tr("weekday-tue"),
        Weekday::Wed => lang.tr("weekday-wed"),
        Weekday::Thu => lang.tr("weekday-thu"),
        Weekday::Fri => lang.tr("weekday-fri"),
        Weekday::Sat => lang.tr("weekday-sat"),
        Weekday::Sun => lang.tr("weekday-sun"),
    }
}

/// A number with `decimals` decimal places and the language's decimal mark: `1.5`, `1,5`.
pub(crate) fn decimal_text(lang: Lang, value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    match lang {
        Lang::En => text,
        Lang::PtBr => text.replace('.', ","),
    }
}

/// A number typed with either decimal mark (`1.5` or `1,5`).
pub(crate) fn parse_decimal(text: &str) -> Option<f64> {
    text.trim().replace(',', ".").parse().ok()
}

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
    fn decimals_follow_the_language() {
        assert_eq!(decimal_text(Lang::En, 1.0, 1), "1.0");
        assert_eq!(decimal_text(Lang::PtBr, 1.25, 1), "1,2");
        assert_eq!(parse_decimal(" 0,5 "), Some(0.5));
        assert_eq!(parse_decimal("2.5"), Some(2.5));
        assert_eq!(parse_decimal("dois"), None);
    }

    #[test]
    fn utc_offsets() {
        assert_eq!(utc_offset_text(-180), "UTC−03:00");
        assert_eq!(utc_offset_text(0), "UTC+00:00");
        assert_eq!(utc_offset_text(330), "UTC+05:30");
    }
}
