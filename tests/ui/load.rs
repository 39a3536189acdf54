//! The simulator dock's Load tab: a plan added and edited (undo works), a day simulated on a
//! worker thread with its figures shown, then an agent changed and the day run again: both days
//! side by side.

#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::Path;
use std::time::{Duration, Instant};

use egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use fluxo::ui::Edit;
use fluxo::ui::app::FluxoApp;
use fluxo::ui::context::AppCommand;
use fluxo_core::Command;
use fluxo_core::flow::Arrivals;

fn window() -> Harness<'static, FluxoApp> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_flows/carteirizacao.flow.ron");
    let app = FluxoApp::open(&path);
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1440.0, 1100.0))
        .build_ui_state(|ui, app: &mut FluxoApp| app.show(ui), app);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
    harness.run();
    harness.get_by_label("Load").click();
    harness.run();
    harness
}

/// Lets frames go by until the day is simulated.
fn wait_for_the_day(harness: &mut Harness<'_, FluxoApp>) {
    let started = Instant::now();
    while harness.state().sim().load_tab().is_running() {
        assert!(
            started.elapsed() < Duration::from_mins(1),
            "no day in a minute"
        );
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
    harness.run();
}

fn rates(app: &FluxoApp) -> Option<Arrivals> {
    app.doc()
        .flow
        .load
        .as_ref()
        .map(|plan| plan.arrivals_per_hour.clone())
}

#[test]
fn a_day_is_planned_simulated_changed_and_compared() {
    let mut harness = window();
    assert!(harness.state().doc().flow.load.is_none());
    harness
        .get_by_label("Add a load plan (30 chats an hour)")
        .click();
    harness.run();
    assert_eq!(rates(harness.state()), Some(Arrivals::Each(30.0)));

    // Typing rates: applied while typed, one undo step for the field.
    harness.get_by_label("Chats per hour").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Chats per hour")
        .type_text("20, 40, 60");
    harness.run();
    assert_eq!(
        rates(harness.state()),
        Some(Arrivals::PerHour(vec![20.0, 40.0, 60.0]))
    );
    // A text that is not rates stays in the field, unapplied.
    harness.get_by_label("Chats per hour").type_text(", x");
    harness.run();
    harness.get_by_label_contains("Write one number for every hour");
    assert_eq!(
        rates(harness.state()),
        Some(Arrivals::PerHour(vec![20.0, 40.0, 60.0]))
    );
    harness.key_press(Key::Escape);
    harness.run();
    // Focus gone: undo takes the rates back to the plan as it was added.
    let ctx = harness.ctx.clone();
    harness.state_mut().undo(&ctx);
    harness.run();
    assert_eq!(rates(harness.state()), Some(Arrivals::Each(30.0)));
    let ctx = harness.ctx.clone();
    harness.state_mut().redo(&ctx);
    harness.run();
    assert_eq!(
        rates(harness.state()),
        Some(Arrivals::PerHour(vec![20.0, 40.0, 60.0]))
    );

    // The day, simulated on a worker thread.
    harness.get_by_label("▶ Simulate the day").click();
    harness.step();
    wait_for_the_day(&mut harness);
    let day = harness.state().sim().load_tab().day().unwrap().clone();
    assert_eq!(day.hours, 3);
    assert!(day.chats > 60, "{}", day.chats);
    harness.get_by_label("Day 1");
    harness.get_by_label("Hour by hour");
    harness.get_by_label("Chats per agent");
    harness.get_by_label("Departments");
    harness.get_by_label("Elisa Rocha");

    // A trainer takes Elisa off the team's Atendimento line and runs the same day again.
    let mut team = harness.state().doc().flow.team.clone();
    let elisa = team.agents.iter_mut().find(|a| a.id == "elisa").unwrap();
    elisa.capacity = 1;
    let ctx = harness.ctx.clone();
    harness.state_mut().apply_commands(
        &ctx,
        vec![AppCommand::Edit(Edit::new(Command::SetTeam(team)))],
    );
    harness.run();
    harness.get_by_label_contains("This day ran on an earlier version of the flow");
    harness.get_by_label("▶ Simulate the day again").click();
    harness.step();
    wait_for_the_day(&mut harness);
    let tab = harness.state().sim().load_tab();
    let now = tab.day().unwrap();
    let before = tab.day_before().unwrap();
    assert_eq!(before, &day, "the day before is kept");
    assert_eq!(now.chats, day.chats, "the same chats arrive");
    let handled = |report: &fluxo_core::load::LoadReport| {
        report
            .agents
            .iter()
            .find(|agent| agent.agent == "elisa")
            .unwrap()
            .handled
    };
    assert!(handled(now) < handled(&day), "Elisa takes fewer chats");
    // Both days, and what changed between them.
    harness.get_by_label("Day 2");
    harness.get_by_label("beside day 1");
    harness.get_by_label_contains("From day 1 to day 2: team.agents[elisa].capacity");
    let cell = format!("{} → {}", handled(&day), handled(now));
    assert!(
        harness.query_all_by_label(&cell).count() >= 1,
        "the agents' table shows {cell}"
    );
}
