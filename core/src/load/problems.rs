//! What can be wrong with a `load` section, as data: [`validate`] lists it for the checks (every
//! problem is a warning there), and [`super::simulate`] refuses to run a plan with a problem that
//! [`LoadProblem::blocks_run`].

use std::fmt;

use serde::Serialize;

use crate::clock;
use crate::flow::{Flow, LoadPlan};

/// The longest day a plan may ask for: 31 days of hours.
pub const MAX_HOURS: u32 = 744;
/// The most chats a day may expect (the sum of its hourly rates). At the simulator's pace (see
/// README, "Speed") a million chats take a few seconds; a billion would take hours and the
/// memory of every wait.
pub const MAX_CHATS: u64 = 1_000_000;

/// One thing wrong with a load plan. `Display` words it in English for logs and tests; the
/// binary words it in the user's language from [`LoadProblem::code`] and the fields.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "code")]
pub enum LoadProblem {
    /// `mix` names a scenario the flow does not have; its chats are left out.
    #[serde(rename = "load-unknown-scenario")]
    UnknownScenario { scenario: String },
    /// An hourly rate that is negative, infinite or not a number. `hour` is 0-based.
    #[serde(rename = "load-bad-rate")]
    BadRate { hour: usize, rate: f64 },
    /// `hours` is more than the rates listed: the hours after the list get no chats.
    #[serde(rename = "load-hours-beyond-rates")]
    HoursBeyondRates { hours: u32, rates: usize },
    /// Fewer `hours` than rates listed: the rates after the last hour are not used.
    #[serde(rename = "load-unused-rates")]
    UnusedRates { hours: u32, rates: usize },
    /// A weight that is negative, infinite or not a number.
    #[serde(rename = "load-bad-weight")]
    BadWeight { scenario: String, weight: f64 },
    /// No scenario can be drawn: every weight is 0, or `mix` names only unknown scenarios.
    #[serde(rename = "load-nothing-to-draw")]
    NothingToDraw,
    /// `handle_time_s` not above 0, or `patience_s` / `service_level_s` below 0, or not a number.
    #[serde(rename = "load-bad-duration")]
    BadDuration { field: &'static str, seconds: f64 },
    /// `start` is not an RFC 3339 time.
    #[serde(rename = "load-bad-start")]
    BadStart { start: String },
    /// More hours than [`MAX_HOURS`].
    #[serde(rename = "load-too-many-hours")]
    TooManyHours { hours: u32, max: u32 },
    /// The rates add up to more chats than [`MAX_CHATS`].
    #[serde(rename = "load-too-many-chats")]
    TooManyChats { expected: f64, max: u64 },
    /// The day has no chats: no hours, or every rate is 0.
    #[serde(rename = "load-no-arrivals")]
    NoArrivals,
}

impl LoadProblem {
    /// The stable code: `load-unknown-scenario`, `load-bad-rate`...
    pub fn code(&self) -> &'static str {
        match self {
            LoadProblem::UnknownScenario { .. } => "load-unknown-scenario",
            LoadProblem::BadRate { .. } => "load-bad-rate",
            LoadProblem::HoursBeyondRates { .. } => "load-hours-beyond-rates",
            LoadProblem::UnusedRates { .. } => "load-unused-rates",
            LoadProblem::BadWeight { .. } => "load-bad-weight",
            LoadProblem::NothingToDraw => "load-nothing-to-draw",
            LoadProblem::BadDuration { .. } => "load-bad-duration",
            LoadProblem::BadStart { .. } => "load-bad-start",
            LoadProblem::TooManyHours { .. } => "load-too-many-hours",
            LoadProblem::TooManyChats { .. } => "load-too-many-chats",
            LoadProblem::NoArrivals => "load-no-arrivals",
        }
    }

    /// Where in the file, from its top: `load.mix`, `load.arrivals_per_hour[3]`, `load.hours`.
    pub fn field(&self) -> String {
        match self {
            LoadProblem::UnknownScenario { .. }
            | LoadProblem::BadWeight { .. }
            | LoadProblem::NothingToDraw => "load.mix".into(),
            LoadProblem::BadRate { hour, .. } => format!("load.arrivals_per_hour[{hour}]"),
            LoadProblem::HoursBeyondRates { .. }
            | LoadProblem::UnusedRates { .. }
            | LoadProblem::TooManyHours { .. } => "load.hours".into(),
            LoadProblem::BadDuration { field, .. } => format!("load.{field}"),
            LoadProblem::BadStart { .. } => "load.start".into(),
            LoadProblem::TooManyChats { .. } | LoadProblem::NoArrivals => {
                "load.arrivals_per_hour".into()
            }
        }
    }

    /// Whether the day cannot be simulated with this problem (the others are run around: an
    /// unknown scenario is left out of the mix, missing hours get no chats).
    pub fn blocks_run(&self) -> bool {
        !matches!(
            self,
            LoadProblem::UnknownScenario { .. }
                | LoadProblem::HoursBeyondRates { .. }
                | LoadProblem::UnusedRates { .. }
                | LoadProblem::NoArrivals
        )
    }
}

impl fmt::Display for LoadProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadProblem::UnknownScenario { scenario } => write!(
                f,
                "the mix names `{scenario}`, which is not a scenario of this flow: its chats are left out"
            ),
            LoadProblem::BadRate { hour, rate } => write!(
                f,
                "the rate of hour {} is {rate}: a rate is 0 or more chats per hour",
                hour + 1
            ),
            LoadProblem::HoursBeyondRates { hours, rates } => write!(
                f,
                "the day lasts {hours} hours but only {rates} rates are listed: the hours after them get no chats"
            ),
            LoadProblem::UnusedRates { hours, rates } => write!(
                f,
                "{rates} rates are listed but the day lasts {hours} hours: the rates after them are not used"
            ),
            LoadProblem::BadWeight { scenario, weight } => write!(
                f,
                "the weight of `{scenario}` is {weight}: a weight is 0 or more"
            ),
            LoadProblem::NothingToDraw => write!(
                f,
                "no scenario can be drawn: give some scenario of the flow a weight above 0"
            ),
            LoadProblem::BadDuration { field, seconds } => {
                let rule = if *field == "handle_time_s" {
                    "more than 0"
                } else {
                    "0 or more"
                };
                write!(f, "{field} is {seconds}: it must be {rule} seconds")
            }
            LoadProblem::BadStart { start } => write!(
                f,
                "`{start}` is not an RFC 3339 time such as 2026-11-23T08:00:00-03:00"
            ),
            LoadProblem::TooManyHours { hours, max } => {
                write!(
                    f,
                    "a day of {hours} hours is more than the {max} simulated at most"
                )
            }
            LoadProblem::TooManyChats { expected, max } => write!(
                f,
                "the rates add up to {expected:.0} chats, more than the {max} simulated at most"
            ),
            LoadProblem::NoArrivals => write!(f, "the day has no chats: every rate is 0"),
        }
    }
}

/// Everything wrong with the flow's `load` section (nothing when it has none), in the order of
/// the section's fields. The checks report each as a warning.
pub fn validate(flow: &Flow) -> Vec<LoadProblem> {
    flow.load
        .as_ref()
        .map(|plan| validate_plan(flow, plan))
        .unwrap_or_default()
}

/// Everything wrong with `plan` run against `flow`'s scenarios.
pub fn validate_plan(flow: &Flow, plan: &LoadPlan) -> Vec<LoadProblem> {
    let mut out = Vec::new();
    if clock::parse_rfc3339(plan.start_or_default()).is_err() {
        out.push(LoadProblem::BadStart {
            start: plan.start.clone(),
        });
    }
    let hours = plan.day_hours();
    if hours > MAX_HOURS {
        out.push(LoadProblem::TooManyHours {
            hours,
            max: MAX_HOURS,
        });
    }
    if let Some(listed) = plan.arrivals_per_hour.listed_hours() {
        let hours_wide = hours as usize;
        if hours_wide > listed {
            out.push(LoadProblem::HoursBeyondRates {
                hours,
                rates: listed,
            });
        } else if hours_wide < listed {
            out.push(LoadProblem::UnusedRates {
                hours,
                rates: listed,
            });
        }
    }
    rate_problems(plan, hours, &mut out);
    mix_problems(flow, plan, &mut out);
    let durations = [
        ("handle_time_s", plan.handle_time_s, false),
        ("patience_s", plan.patience_s, true),
        ("service_level_s", plan.service_level_s, true),
    ];
    for (field, seconds, zero_allowed) in durations {
        let fine = seconds.is_finite() && (seconds > 0.0 || (zero_allowed && seconds == 0.0));
        if !fine {
            out.push(LoadProblem::BadDuration { field, seconds });
        }
    }
    out
}

fn rate_problems(plan: &LoadPlan, hours: u32, out: &mut Vec<LoadProblem>) {
    let rates: Vec<f64> = match &plan.arrivals_per_hour {
        crate::flow::Arrivals::Each(rate) => vec![*rate],
        crate::flow::Arrivals::PerHour(rates) => rates.clone(),
    };
    let mut all_fine = true;
    for (hour, &rate) in rates.iter().enumerate() {
        if !(rate.is_finite() && rate >= 0.0) {
            all_fine = false;
            out.push(LoadProblem::BadRate { hour, rate });
        }
    }
    if !all_fine {
        return;
    }
    let hours = hours.min(MAX_HOURS) as usize;
    let expected: f64 = (0..hours)
        .map(|hour| plan.arrivals_per_hour.rate(hour))
        .sum();
    if expected > MAX_CHATS as f64 {
        out.push(LoadProblem::TooManyChats {
            expected,
            max: MAX_CHATS,
        });
    } else if expected <= 0.0 {
        out.push(LoadProblem::NoArrivals);
    }
}

fn mix_problems(flow: &Flow, plan: &LoadPlan, out: &mut Vec<LoadProblem>) {
    let mut drawable = plan.mix.is_empty();
    for (name, &weight) in &plan.mix {
        let known = flow.scenario(name).is_some();
        if !known {
            out.push(LoadProblem::UnknownScenario {
                scenario: name.clone(),
            });
        }
        if !(weight.is_finite() && weight >= 0.0) {
            out.push(LoadProblem::BadWeight {
                scenario: name.clone(),
                weight,
            });
        } else if known && weight > 0.0 {
            drawable = true;
        }
    }
    if !drawable {
        out.push(LoadProblem::NothingToDraw);
    }
}

#[cfg(test)]
// The values compared are exact: written in the test, or sums of exact binary fractions.
#[allow(clippy::float_cmp)]
mod tests {
    use super::*;
    use crate::flow::{Arrivals, Scenario};

    fn flow_with(plan: LoadPlan) -> Flow {
        Flow {
            scenarios: vec![
                Scenario {
                    name: "Gerente disponível".into(),
                    ..Scenario::default()
                },
                Scenario {
                    name: "Contato sem gerente".into(),
                    ..Scenario::default()
                },
            ],
            load: Some(plan),
            ..Flow::new("t")
        }
    }

    fn plan(rates: Vec<f64>) -> LoadPlan {
        LoadPlan {
            arrivals_per_hour: Arrivals::PerHour(rates),
            ..LoadPlan::default()
        }
    }

    #[test]
    fn a_sound_plan_and_a_flow_without_one_have_no_problem() {
        assert!(validate(&flow_with(plan(vec![30.0, 60.0]))).is_empty());
        assert!(validate(&Flow::new("t")).is_empty());
        let mixed = LoadPlan {
            mix: [("Gerente disponível".to_owned(), 3.0)].into(),
            ..plan(vec![10.0])
        };
        assert!(validate(&flow_with(mixed)).is_empty());
    }

    #[test]
    fn unknown_scenarios_are_named_and_run_around() {
        let mixed = LoadPlan {
            mix: [
                ("Gerente disponivel".to_owned(), 3.0),
                ("Contato sem gerente".to_owned(), 1.0),
            ]
            .into(),
            ..plan(vec![10.0])
        };
        let problems = validate(&flow_with(mixed));
        assert_eq!(
            problems,
            vec![LoadProblem::UnknownScenario {
                scenario: "Gerente disponivel".into()
            }]
        );
        assert_eq!(problems[0].code(), "load-unknown-scenario");
        assert_eq!(problems[0].field(), "load.mix");
        assert!(!problems[0].blocks_run());
    }

    #[test]
    fn a_mix_of_only_unknown_or_zero_weights_draws_nothing() {
        let unknown = LoadPlan {
            mix: [("Outro".to_owned(), 1.0)].into(),
            ..plan(vec![10.0])
        };
        let problems = validate(&flow_with(unknown));
        assert!(
            problems.contains(&LoadProblem::NothingToDraw),
            "{problems:?}"
        );
        let zero = LoadPlan {
            mix: [("Gerente disponível".to_owned(), 0.0)].into(),
            ..plan(vec![10.0])
        };
        let problems = validate(&flow_with(zero));
        assert_eq!(problems, vec![LoadProblem::NothingToDraw]);
        assert!(problems[0].blocks_run());
    }

    #[test]
    fn negative_and_nan_rates_and_weights() {
        let bad = LoadPlan {
            mix: [("Gerente disponível".to_owned(), -1.0)].into(),
            ..plan(vec![30.0, -5.0, f64::NAN])
        };
        let problems = validate(&flow_with(bad));
        assert_eq!(problems.len(), 4, "{problems:?}");
        assert!(matches!(problems[0], LoadProblem::BadRate { hour: 1, rate } if rate == -5.0));
        assert!(matches!(problems[1], LoadProblem::BadRate { hour: 2, rate } if rate.is_nan()));
        assert_eq!(problems[1].field(), "load.arrivals_per_hour[2]");
        assert!(
            matches!(&problems[2], LoadProblem::BadWeight { scenario, .. } if scenario == "Gerente disponível")
        );
        assert_eq!(problems[3], LoadProblem::NothingToDraw);
        assert!(problems.iter().all(LoadProblem::blocks_run));
        let single = LoadPlan {
            arrivals_per_hour: Arrivals::Each(f64::INFINITY),
            ..LoadPlan::default()
        };
        let problems = validate(&flow_with(single));
        assert!(matches!(problems[0], LoadProblem::BadRate { hour: 0, .. }));
    }

    #[test]
    fn hours_against_the_rates_list() {
        let longer = LoadPlan {
            hours: 12,
            ..plan(vec![10.0; 10])
        };
        let problems = validate(&flow_with(longer));
        assert_eq!(
            problems,
            vec![LoadProblem::HoursBeyondRates {
                hours: 12,
                rates: 10
            }]
        );
        assert_eq!(
            problems[0].to_string(),
            "the day lasts 12 hours but only 10 rates are listed: the hours after them get no chats"
        );
        let shorter = LoadPlan {
            hours: 2,
            ..plan(vec![10.0; 10])
        };
        assert_eq!(
            validate(&flow_with(shorter)),
            vec![LoadProblem::UnusedRates {
                hours: 2,
                rates: 10
            }]
        );
        // A single rate holds for any number of hours.
        let single = LoadPlan {
            hours: 300,
            arrivals_per_hour: Arrivals::Each(5.0),
            ..LoadPlan::default()
        };
        assert!(validate(&flow_with(single)).is_empty());
    }

    #[test]
    fn bounds_on_hours_and_chats() {
        let long = LoadPlan {
            hours: MAX_HOURS + 1,
            arrivals_per_hour: Arrivals::Each(1.0),
            ..LoadPlan::default()
        };
        let problems = validate(&flow_with(long));
        assert_eq!(
            problems[0],
            LoadProblem::TooManyHours {
                hours: MAX_HOURS + 1,
                max: MAX_HOURS
            }
        );
        let busy = LoadPlan {
            hours: 10,
            arrivals_per_hour: Arrivals::Each(1e9),
            ..LoadPlan::default()
        };
        let problems = validate(&flow_with(busy));
        assert!(
            matches!(problems[0], LoadProblem::TooManyChats { expected, max: MAX_CHATS } if expected == 1e10),
            "{problems:?}"
        );
        assert!(problems[0].blocks_run());
        // Exactly the cap is fine.
        let full = LoadPlan {
            hours: 10,
            arrivals_per_hour: Arrivals::Each(100_000.0),
            ..LoadPlan::default()
        };
        assert!(validate(&flow_with(full)).is_empty());
    }

    #[test]
    fn durations_start_and_an_empty_day() {
        let bad = LoadPlan {
            start: "amanhã às 8".into(),
            handle_time_s: 0.0,
            patience_s: -1.0,
            service_level_s: f64::NAN,
            ..plan(vec![0.0, 0.0])
        };
        let problems = validate(&flow_with(bad));
        let codes: Vec<&str> = problems.iter().map(LoadProblem::code).collect();
        assert_eq!(
            codes,
            [
                "load-bad-start",
                "load-no-arrivals",
                "load-bad-duration",
                "load-bad-duration",
                "load-bad-duration"
            ]
        );
        assert_eq!(problems[2].field(), "load.handle_time_s");
        assert_eq!(
            problems[2].to_string(),
            "handle_time_s is 0: it must be more than 0 seconds"
        );
        assert_eq!(problems[3].field(), "load.patience_s");
        assert!(!problems[1].blocks_run());
    }

    #[test]
    fn problems_serialize_with_their_code() {
        let problem = LoadProblem::UnknownScenario {
            scenario: "X".into(),
        };
        assert_eq!(
            serde_json::to_string(&problem).unwrap(),
            r#"{"code":"load-unknown-scenario","scenario":"X"}"#
        );
    }
}
