//! The `load` section of a flow file (SPEC.md section 10): a day of chats for `fluxo load` and the
//! window's Load tab. Only the plan lives here; the simulation of the day is `crate::load`.
//!
//! Every field may be left out (defaults in docs/decisions.md, "Load"). Numbers are kept as
//! written, even when they make no sense (a negative rate, `NaN`): the loader never refuses a
//! plan, `crate::load::validate` says what is wrong with it, and the simulation refuses to run
//! what it cannot.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The start of a day whose plan gives none: Monday 2026-01-05, 08:00 at UTC-3 (the scenarios'
/// default date, at the opening of a business day).
pub const DEFAULT_LOAD_START: &str = "2026-01-05T08:00:00-03:00";
/// The day's length when the plan gives one rate and no `hours`: 08:00 to 18:00.
pub const DEFAULT_LOAD_HOURS: u32 = 10;
/// Mean time an agent spends on a chat when the plan gives none: five minutes.
pub const DEFAULT_HANDLE_TIME_S: f64 = 300.0;
/// "Answered within" when the plan gives none: one minute.
pub const DEFAULT_SERVICE_LEVEL_S: f64 = 60.0;

/// Chats arriving per hour: one rate for every hour, or one per hour in order.
#[derive(Clone, Debug, PartialEq)]
pub enum Arrivals {
    /// The same rate every hour.
    Each(f64),
    /// One rate per hour, from the start.
    PerHour(Vec<f64>),
}

impl Default for Arrivals {
    fn default() -> Self {
        Arrivals::PerHour(Vec::new())
    }
}

impl Arrivals {
    /// The rate of hour `hour` (0-based): 0 after the end of the list.
    pub fn rate(&self, hour: usize) -> f64 {
        match self {
            Arrivals::Each(rate) => *rate,
            Arrivals::PerHour(rates) => rates.get(hour).copied().unwrap_or(0.0),
        }
    }

    /// How many hours the list gives; none for a single rate.
    pub fn listed_hours(&self) -> Option<usize> {
        match self {
            Arrivals::Each(_) => None,
            Arrivals::PerHour(rates) => Some(rates.len()),
        }
    }
}

/// A day of chats through the flow: when it starts, how long it lasts, how many chats arrive each
/// hour, which scenarios they are, and how long agents and contacts take.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LoadPlan {
    /// RFC 3339 start of the day; empty is [`DEFAULT_LOAD_START`].
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub start: String,
    /// Hours the day lasts; 0 is as many as `arrivals_per_hour` lists (10 for a single rate).
    #[serde(default, skip_serializing_if = "is_zero_u32")]
    pub hours: u32,
    /// Chats per hour: `[30, 60, 90]`, or one number for every hour.
    #[serde(default)]
    pub arrivals_per_hour: Arrivals,
    /// Scenario name: weight. Empty is every scenario of the flow, weight 1.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        serialize_with = "numbers_in_map"
    )]
    pub mix: BTreeMap<String, f64>,
    /// Mean time an agent spends on a chat (exponential), in seconds.
    #[serde(
        default = "default_handle_time_s",
        skip_serializing_if = "is_default_handle_time",
        serialize_with = "number"
    )]
    pub handle_time_s: f64,
    /// Mean time a contact waits for a human before leaving (exponential); 0 = never leaves.
    #[serde(
        default,
        skip_serializing_if = "is_zero_f64",
        serialize_with = "number"
    )]
    pub patience_s: f64,
    /// "Answered within" for the service level, in seconds.
    #[serde(
        default = "default_service_level_s",
        skip_serializing_if = "is_default_service_level",
        serialize_with = "number"
    )]
    pub service_level_s: f64,
    /// Seed of the day's chance: the same seed gives the same day.
    #[serde(default, skip_serializing_if = "is_zero_u64")]
    pub seed: u64,
}

impl Default for LoadPlan {
    fn default() -> Self {
        LoadPlan {
            start: String::new(),
            hours: 0,
            arrivals_per_hour: Arrivals::default(),
            mix: BTreeMap::new(),
            handle_time_s: DEFAULT_HANDLE_TIME_S,
            patience_s: 0.0,
            service_level_s: DEFAULT_SERVICE_LEVEL_S,
            seed: 0,
        }
    }
}

impl LoadPlan {
    /// The start as written, or [`DEFAULT_LOAD_START`] when left out.
    pub fn start_or_default(&self) -> &str {
        if self.start.trim().is_empty() {
            DEFAULT_LOAD_START
        } else {
            self.start.trim()
        }
    }

    /// The hours the day lasts: `hours`, else the length of the rates list, else
    /// [`DEFAULT_LOAD_HOURS`] for a single rate.
    pub fn day_hours(&self) -> u32 {
        if self.hours > 0 {
            return self.hours;
        }
        match self.arrivals_per_hour.listed_hours() {
            Some(listed) => u32::try_from(listed).unwrap_or(u32::MAX),
            None => DEFAULT_LOAD_HOURS,
        }
    }

    /// The plan as a flow file's RON writes it: one field a line, lists and maps on one line.
    pub fn to_ron(&self) -> Result<String, ron::Error> {
        let config = crate::file::ron_pretty()
            .compact_arrays(true)
            .compact_maps(true);
        let text = ron::ser::to_string_pretty(self, config)?;
        Ok(match text.split_once('\n') {
            Some((first, rest)) if first.starts_with("#![") => rest.to_owned(),
            _ => text,
        })
    }
}

fn default_handle_time_s() -> f64 {
    DEFAULT_HANDLE_TIME_S
}

fn default_service_level_s() -> f64 {
    DEFAULT_SERVICE_LEVEL_S
}

// serde's `skip_serializing_if` hands a reference to the field.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_zero_u32(value: &u32) -> bool {
    *value == 0
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_zero_u64(value: &u64) -> bool {
    *value == 0
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_zero_f64(value: &f64) -> bool {
    value.to_bits() == 0.0_f64.to_bits()
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_default_handle_time(value: &f64) -> bool {
    value.to_bits() == DEFAULT_HANDLE_TIME_S.to_bits()
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_default_service_level(value: &f64) -> bool {
    value.to_bits() == DEFAULT_SERVICE_LEVEL_S.to_bits()
}

/// Whole numbers are written as integers (`30`, not `30.0`), as a designer writes them.
fn write_number<S: Serializer>(value: f64, serializer: S) -> Result<S::Ok, S::Error> {
    // 2^53: every whole number below it is exact in an f64.
    const EXACT: f64 = 9_007_199_254_740_992.0;
    if value.is_finite() && value.fract() == 0.0 && value.abs() < EXACT {
        serializer.serialize_i64(value as i64)
    } else {
        serializer.serialize_f64(value)
    }
}

// serde's `serialize_with` hands a reference to the field.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn number<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    write_number(*value, serializer)
}

/// One number, written as [`write_number`] does.
struct Number(f64);

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        write_number(self.0, serializer)
    }
}

fn numbers_in_map<S: Serializer>(
    map: &BTreeMap<String, f64>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_map(map.iter().map(|(key, value)| (key, Number(*value))))
}

impl Serialize for Arrivals {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Arrivals::Each(rate) => write_number(*rate, serializer),
            Arrivals::PerHour(rates) => serializer.collect_seq(rates.iter().map(|r| Number(*r))),
        }
    }
}

/// Reads a number or a list of numbers, integers or not.
struct ArrivalsVisitor;

impl<'de> Visitor<'de> for ArrivalsVisitor {
    type Value = Arrivals;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("chats per hour: a number, or a list of numbers (one per hour)")
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Arrivals, E> {
        Ok(Arrivals::Each(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Arrivals, E> {
        Ok(Arrivals::Each(value as f64))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Arrivals, E> {
        Ok(Arrivals::Each(value as f64))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Arrivals, A::Error> {
        let mut rates = Vec::new();
        while let Some(rate) = seq.next_element::<f64>()? {
            rates.push(rate);
        }
        Ok(Arrivals::PerHour(rates))
    }
}

impl<'de> Deserialize<'de> for Arrivals {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Arrivals, D::Error> {
        deserializer.deserialize_any(ArrivalsVisitor)
    }
}

#[cfg(test)]
// The values compared are exact: written in the test, or sums of exact binary fractions.
#[allow(clippy::float_cmp)]
mod tests {
    use super::*;
    use crate::file::{Format, parse, to_text};
    use crate::flow::Flow;

    const SPEC_EXAMPLE: &str = r#"(
        format: 1,
        name: "Carga",
        load: (
            start: "2026-11-23T08:00:00-03:00",
            hours: 10,
            arrivals_per_hour: [30, 60, 90, 120, 120, 90, 60, 60, 90, 60],
            mix: {"Gerente disponível": 3, "Contato sem gerente": 1},
            handle_time_s: 420,
            patience_s: 600,
            service_level_s: 120,
            seed: 1,
        ),
    )"#;

    fn spec_plan() -> LoadPlan {
        LoadPlan {
            start: "2026-11-23T08:00:00-03:00".into(),
            hours: 10,
            arrivals_per_hour: Arrivals::PerHour(vec![
                30.0, 60.0, 90.0, 120.0, 120.0, 90.0, 60.0, 60.0, 90.0, 60.0,
            ]),
            mix: [
                ("Gerente disponível".to_owned(), 3.0),
                ("Contato sem gerente".to_owned(), 1.0),
            ]
            .into(),
            handle_time_s: 420.0,
            patience_s: 600.0,
            service_level_s: 120.0,
            seed: 1,
        }
    }

    #[test]
    fn spec_example_loads() {
        let loaded = parse(SPEC_EXAMPLE, Format::Ron).unwrap();
        assert!(
            loaded.unknown_fields.is_empty(),
            "{:?}",
            loaded.unknown_fields
        );
        assert_eq!(loaded.flow.load, Some(spec_plan()));
    }

    #[test]
    fn round_trips_through_ron_and_json_with_whole_numbers_as_written() {
        let flow = Flow {
            load: Some(spec_plan()),
            ..Flow::new("Carga")
        };
        for format in [Format::Ron, Format::Json] {
            let text = to_text(&flow, format).unwrap();
            assert!(text.contains("420"), "{text}");
            assert!(!text.contains("420.0"), "{text}");
            let back = parse(&text, format).unwrap();
            assert_eq!(back.flow, flow, "{format:?}:\n{text}");
        }
        let ron = to_text(&flow, Format::Ron).unwrap();
        assert!(
            ron.contains("    load: (\n        start: \"2026-11-23T08:00:00-03:00\",\n"),
            "{ron}"
        );
        assert!(
            ron.contains("arrivals_per_hour: [30, 60, 90, 120, 120, 90, 60, 60, 90, 60],"),
            "{ron}"
        );
        let json = to_text(&flow, Format::Json).unwrap();
        assert!(json.contains("\"handle_time_s\": 420,"), "{json}");
    }

    #[test]
    fn a_flow_without_load_writes_none() {
        let flow = Flow::new("Sem carga");
        for format in [Format::Ron, Format::Json] {
            let text = to_text(&flow, format).unwrap();
            assert!(!text.contains("load"), "{text}");
            assert_eq!(parse(&text, format).unwrap().flow.load, None);
        }
    }

    #[test]
    fn a_single_rate_fractions_and_defaults() {
        let text = r"(format: 1, load: (arrivals_per_hour: 12.5))";
        let plan = parse(text, Format::Ron).unwrap().flow.load.unwrap();
        assert_eq!(plan.arrivals_per_hour, Arrivals::Each(12.5));
        assert_eq!(plan.day_hours(), DEFAULT_LOAD_HOURS);
        assert_eq!(plan.start_or_default(), DEFAULT_LOAD_START);
        assert_eq!(plan.handle_time_s, DEFAULT_HANDLE_TIME_S);
        assert_eq!(plan.service_level_s, DEFAULT_SERVICE_LEVEL_S);
        assert_eq!(plan.patience_s, 0.0);
        // Defaults are left out when saved, fractions kept.
        let ron = plan.to_ron().unwrap();
        assert_eq!(ron, "(\n    arrivals_per_hour: 12.5,\n)");

        let json = r#"{"format": 1, "load": {"arrivals_per_hour": [1, 2.5], "mix": {"a": 0.5}}}"#;
        let plan = parse(json, Format::Json).unwrap().flow.load.unwrap();
        assert_eq!(plan.arrivals_per_hour, Arrivals::PerHour(vec![1.0, 2.5]));
        assert_eq!(plan.day_hours(), 2);
        assert_eq!(plan.mix.get("a"), Some(&0.5));
    }

    #[test]
    fn nonsense_numbers_load_for_the_checks_to_report() {
        let text = r"(format: 1, load: (arrivals_per_hour: [-5, NaN], handle_time_s: -1))";
        let plan = parse(text, Format::Ron).unwrap().flow.load.unwrap();
        let Arrivals::PerHour(rates) = &plan.arrivals_per_hour else {
            panic!("a list");
        };
        assert_eq!(rates[0], -5.0);
        assert!(rates[1].is_nan());
        assert_eq!(plan.handle_time_s, -1.0);
    }

    #[test]
    fn a_wrong_type_names_its_line_and_column() {
        let text = "(\n    format: 1,\n    load: (arrivals_per_hour: \"many\"),\n)";
        let err = parse(text, Format::Ron).unwrap_err().to_string();
        assert!(err.starts_with("3:"), "{err}");
        assert!(err.contains("chats per hour"), "{err}");
    }
}
