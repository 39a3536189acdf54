use crate::check::testing::{assert_clean, at, flow_place, spec, with_code};
use crate::check::{Code, Severity};
use crate::flow::{Agent, WeeklyHours};

#[test]
fn bad_team() {
    let mut bad = spec();
    bad.team.agents.push(Agent {
        id: "ana".into(),
        departments: vec!["Vendas".into()],
        ..Agent::default()
    });
    bad.team.departments.push("Suporte".into());
    bad.team.waiting.insert("Fila X".into(), 2);
    assert_eq!(
        at(&bad, Code::BadTeam),
        [
            flow_place("team.agents[2].departments[0]"),
            flow_place("team.agents[2].id"),
            flow_place("team.departments[3]"),
            flow_place("team.waiting.Fila X"),
        ]
    );
    assert!(
        with_code(&bad, Code::BadTeam)
            .iter()
            .all(|f| f.severity == Severity::Error)
    );
    assert!(at(&spec(), Code::BadTeam).is_empty());
}

#[test]
fn bad_schedule() {
    let mut bad = spec();
    let schedule = &mut bad.team.schedules[0];
    schedule.utc_offset_min = -1000;
    schedule.holidays.push("25/12/2026".into());
    schedule.weekly.push(WeeklyHours {
        days: vec![],
        open: "8h".into(),
        close: "24:00".into(),
    });
    schedule.weekly.push(WeeklyHours {
        days: vec![crate::flow::Weekday::Sat],
        open: "09:00".into(),
        close: "9:00".into(),
    });
    let found = with_code(&bad, Code::BadSchedule);
    let fields: Vec<_> = found.iter().filter_map(|f| f.field.clone()).collect();
    assert_eq!(
        fields,
        [
            "team.schedules[0].holidays[1]",
            "team.schedules[0].utc_offset_min",
            "team.schedules[0].weekly[1].days",
            "team.schedules[0].weekly[1].open",
            "team.schedules[0].weekly[2].close",
        ]
    );
    assert!(found[3].message.contains("HH:MM"), "{}", found[3].message);
    assert!(
        found[4].message.contains("never open"),
        "{}",
        found[4].message
    );
    assert_clean(&spec());

    let mut empty = spec();
    empty.team.schedules[0].weekly.clear();
    assert_eq!(
        at(&empty, Code::BadSchedule),
        [flow_place("team.schedules[0].weekly")]
    );
}

#[test]
fn a_bad_api_base_is_a_bad_url_of_the_team() {
    let mut bad = spec();
    bad.team.api_base = "https://api huggy".into();
    assert!(at(&bad, Code::BadUrl).contains(&flow_place("team.api_base")));
    assert!(!at(&spec(), Code::BadUrl).contains(&flow_place("team.api_base")));
}
