//! The simulator in the window, driven like a user: keys, the dock's buttons and combos, the
//! reply box. Every test asserts on the run and the model, plus what the window shows.

// Helpers outside `#[test]` functions fail the test by panicking when a fixture is broken.
#![allow(clippy::unwrap_used, clippy::panic, clippy::expect_used)]

use std::path::Path;

use crate::common::select;
use egui::accesskit::Role;
use egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use fluxo::i18n::Lang;
use fluxo::ui::Edit;
use fluxo::ui::app::FluxoApp;
use fluxo::ui::sim_panel::{CanvasView, Stale};
use fluxo_core::Command;
use fluxo_core::flow::{AgentStatus, EndReason};
use fluxo_core::sim::{Options, test_flow};

const MANAGER_ONLINE: &str = "Gerente disponível: chat transferido";

fn sample(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample_flows")
        .join(name)
}

/// The window on a sample flow, the simulator open.
fn harness(name: &str) -> Harness<'static, FluxoApp> {
    let app = FluxoApp::open(&sample(name));
    assert!(app.banners().is_empty(), "{:?}", app.banners());
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1440.0, 900.0))
        .build_ui_state(|ui, app: &mut FluxoApp| app.show(ui), app);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
    harness.run();
    assert!(
        harness.state().sim().is_open(),
        "Ctrl+Shift+R opens the simulator"
    );
    harness
}

/// Picks a scenario with the dock's combo, by its name.
fn pick(harness: &mut Harness<'_, FluxoApp>, scenario: &str) {
    harness
        .get_by_role_and_label(Role::ComboBox, "Scenario")
        .click();
    harness.run();
    harness.get_by_label(scenario).click();
    harness.run();
    let app = harness.state();
    let index = app.sim().selected_scenario();
    assert_eq!(app.doc().flow.scenarios[index].name, scenario);
}

fn key(harness: &mut Harness<'_, FluxoApp>, key: Key) {
    harness.key_press(key);
    harness.run();
}

fn end_reason(app: &FluxoApp) -> Option<EndReason> {
    app.sim().run()?.end().map(|end| end.reason)
}

/// The nodes the canvas shows glowing (the node the run stands on).
fn glowing(app: &FluxoApp) -> Vec<&str> {
    let mut ids: Vec<&str> = app
        .overlay()
        .nodes
        .iter()
        .filter(|(_, mark)| mark.glow.is_some())
        .map(|(id, _)| id.as_str())
        .collect();
    ids.sort_unstable();
    ids
}

#[test]
fn stepping_to_the_end_shows_the_transfer_to_the_manager() {
    let mut harness = harness("carteirizacao.flow.ron");
    pick(&mut harness, MANAGER_ONLINE);
    let mut steps = 0;
    while end_reason(harness.state()).is_none() {
        key(&mut harness, Key::F10);
        steps += 1;
        assert!(steps < 20, "the run should end within a few steps");
        assert_eq!(
            harness.state().sim().run().unwrap().step_count(),
            steps,
            "one F10, one step"
        );
    }
    let app = harness.state();
    let run = app.sim().run().unwrap();
    assert_eq!(end_reason(app), Some(EndReason::End));
    assert_eq!(run.assigned_agent(), Some("ana"));
    assert_eq!(run.current_node(), Some("fim"));
    assert_eq!(
        glowing(app),
        ["fim"],
        "the last node is the highlighted one"
    );
    assert!(
        app.overlay().nodes["consulta"].tint.is_some(),
        "visited nodes are tinted"
    );
    assert!(
        app.overlay().nodes["fila"].is_dimmed,
        "a node the run no longer reaches is dimmed"
    );
    let taken = &app.overlay().edges[&("disponivel".to_owned(), "sim".to_owned())];
    assert!(
        taken.label.as_deref().unwrap().contains("status_gerente"),
        "the branch is labelled with its rule: {taken:?}"
    );
    harness.get_by_label_contains("Assigned to Ana Souza");
    harness.get_by_label_contains("Pronto! Ana Souza, seu gerente de contas");
    harness.get_by_label("Ended — at fim");
}

#[test]
fn the_chat_speaks_portuguese() {
    let mut harness = harness("carteirizacao.flow.ron");
    let ctx = harness.ctx.clone();
    harness.state_mut().set_language(&ctx, Lang::PtBr);
    pick(&mut harness, MANAGER_ONLINE);
    key(&mut harness, Key::F5);
    assert_eq!(end_reason(harness.state()), Some(EndReason::End));
    harness.get_by_label("Atribuído a Ana Souza — transferência pela API da plataforma");
}

#[test]
fn a_reply_typed_in_the_chat_lets_the_run_go_on() {
    let mut harness = harness("tour.flow.ron");
    pick(
        &mut harness,
        "Respostas acabam no menu: aguardando o contato",
    );
    key(&mut harness, Key::F5);
    let run = harness.state().sim().run().unwrap();
    assert_eq!(end_reason(harness.state()), Some(EndReason::WaitingReply));
    assert_eq!(run.current_node(), Some("menu"));
    let reply = harness.get_by_label("Reply as the contact");
    reply.focus();
    reply.type_text("1");
    harness.run();
    key(&mut harness, Key::Enter);
    let app = harness.state();
    let run = app.sim().run().unwrap();
    assert_eq!(
        end_reason(app),
        Some(EndReason::End),
        "the run went on after the reply: {:?}",
        run.path()
    );
    assert_eq!(run.end().unwrap().node.as_deref(), Some("fim_boleto"));
    assert_eq!(run.variable("assunto").as_deref(), Some("2ª via do boleto"));
    harness.get_by_label_contains("Enviei a 2ª via");
}

#[test]
fn switching_the_manager_offline_queues_the_chat() {
    let mut harness = harness("carteirizacao.flow.ron");
    pick(&mut harness, MANAGER_ONLINE);
    harness.get_by_label("Agents now").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::ComboBox, "Status of ana")
        .click();
    harness.run();
    harness.get_by_label("Offline").click();
    harness.run();
    let agents = harness.state().sim().run().unwrap().agents();
    let ana = agents.iter().find(|agent| agent.id == "ana").unwrap();
    assert_eq!(ana.status, AgentStatus::Offline);
    harness.get_by_label("⟲ Reset").click();
    harness.run();
    key(&mut harness, Key::F5);
    let app = harness.state();
    let end = app.sim().run().unwrap().end().unwrap();
    assert_eq!(end.reason, EndReason::Queued, "{end:?}");
    assert_eq!(end.node.as_deref(), Some("fila"));
    assert_eq!(end.position, Some(4));
    assert!(
        app.doc().flow.scenarios[0].agents.is_empty(),
        "a trainer's switch is not saved in the scenario"
    );
    harness.get_by_label("In the Atendimento queue, position 4");
}

#[test]
fn a_team_edit_reaches_a_paused_run_from_the_next_step() {
    let mut harness = harness("carteirizacao.flow.ron");
    pick(&mut harness, MANAGER_ONLINE);
    for _ in 0..3 {
        key(&mut harness, Key::F10);
    }
    let mut team = harness.state().doc().flow.team.clone();
    team.agents[0].status = AgentStatus::Away;
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply_edits(&ctx, vec![Edit::new(Command::SetTeam(team))]);
    harness.run();
    assert_eq!(
        harness.state().sim().stale(),
        None,
        "a team edit does not make the run stale"
    );
    key(&mut harness, Key::F5);
    let run = harness.state().sim().run().unwrap();
    assert_eq!(run.variable("status_gerente").as_deref(), Some("away"));
    assert_eq!(run.end().unwrap().reason, EndReason::Queued);
}

#[test]
fn run_all_shows_passes_and_coverage() {
    let mut harness = harness("carteirizacao.flow.ron");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F5);
    for _ in 0..500 {
        harness.run();
        if harness.state().sim().report().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    harness.run();
    let app = harness.state();
    let report = app.sim().report().expect("run all finished");
    let expected = test_flow(&app.doc().flow, &Options::default());
    assert_eq!(report.passed(), expected.passed());
    assert_eq!(report.passed(), 7);
    assert_eq!(report.failed(), 0);
    assert_eq!(app.sim().canvas_view(), CanvasView::Coverage);
    harness.get_by_label("7 passed, 0 failed");
    let coverage = &expected.coverage;
    harness.get_by_label(&format!(
        "{} of {} branches covered",
        coverage.branches_covered, coverage.branches_total
    ));
    assert_eq!(
        app.overlay().coverage.len(),
        app.doc().flow.nodes.len(),
        "every node has a coverage mark"
    );
    // The account manager's node ran in the four scenarios that have a manager and an API.
    assert_eq!(
        app.overlay().coverage["disponivel"],
        fluxo::ui::canvas::Coverage::Covered(4)
    );
}

#[test]
fn run_all_marks_what_no_scenario_reached() {
    let mut harness = harness("carteirizacao.flow.ron");
    // Keep only the first scenario: the queues and the refusal branches go uncovered.
    let mut scenarios = harness.state().doc().flow.scenarios.clone();
    scenarios.truncate(1);
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply_edits(&ctx, vec![Edit::new(Command::SetScenarios(scenarios))]);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F5);
    for _ in 0..500 {
        harness.run();
        if harness.state().sim().report().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    harness.run();
    let app = harness.state();
    assert_eq!(
        app.overlay().coverage["fila"],
        fluxo::ui::canvas::Coverage::Missed
    );
    let missed = &app.overlay().edges[&("transferir".to_owned(), "error".to_owned())];
    assert!(missed.is_emphasized && missed.tint.is_some(), "{missed:?}");
    let taken = &app.overlay().edges[&("transferir".to_owned(), "ok".to_owned())];
    assert!(
        !taken.is_emphasized,
        "a covered wire is not marked as missed"
    );
    harness.get_by_label("1 passed, 0 failed");
}

#[test]
fn back_restores_the_previous_node_and_variables() {
    let mut harness = harness("carteirizacao.flow.ron");
    pick(&mut harness, MANAGER_ONLINE);
    for _ in 0..3 {
        key(&mut harness, Key::F10);
    }
    let before = harness.state().sim().run().unwrap();
    let (node, variables, steps) = (
        before.current_node().map(str::to_owned),
        before.variables(),
        before.step_count(),
    );
    assert_eq!(node.as_deref(), Some("consulta"));
    key(&mut harness, Key::F10);
    let after = harness.state().sim().run().unwrap();
    assert_eq!(after.current_node(), Some("disponivel"));
    assert_ne!(after.variables(), variables, "the request set variables");
    harness.key_press_modifiers(Modifiers::SHIFT, Key::F10);
    harness.run();
    let back = harness.state().sim().run().unwrap();
    assert_eq!(back.current_node().map(str::to_owned), node);
    assert_eq!(back.variables(), variables);
    assert_eq!(back.step_count(), steps);
    assert_eq!(glowing(harness.state()), ["consulta"]);
}

#[test]
fn a_breakpoint_stops_the_run_and_survives_reset() {
    let mut harness = harness("carteirizacao.flow.ron");
    pick(&mut harness, MANAGER_ONLINE);
    select(&mut harness, "disponivel");
    harness.run();
    key(&mut harness, Key::F9);
    assert!(harness.state().sim().breakpoints().contains("disponivel"));
    assert!(harness.state().overlay().breakpoints.contains("disponivel"));
    key(&mut harness, Key::F5);
    let run = harness.state().sim().run().unwrap();
    assert!(run.is_running(), "stopped, not ended");
    assert_eq!(run.current_node(), Some("disponivel"));
    harness.get_by_label("Paused at the breakpoint on disponivel");
    harness.key_press_modifiers(Modifiers::SHIFT, Key::F5);
    harness.run();
    assert_eq!(
        harness.state().sim().run().unwrap().step_count(),
        0,
        "reset"
    );
    assert!(harness.state().sim().breakpoints().contains("disponivel"));
    key(&mut harness, Key::F5);
    assert_eq!(
        harness.state().sim().run().unwrap().current_node(),
        Some("disponivel")
    );
    key(&mut harness, Key::F5);
    assert_eq!(
        end_reason(harness.state()),
        Some(EndReason::End),
        "F5 goes on"
    );
}

#[test]
fn a_saved_run_becomes_a_scenario_that_passes() {
    let mut harness = harness("tour.flow.ron");
    pick(
        &mut harness,
        "Respostas acabam no menu: aguardando o contato",
    );
    key(&mut harness, Key::F5);
    let reply = harness.get_by_label("Reply as the contact");
    reply.focus();
    reply.type_text("Falar com atendente");
    harness.run();
    key(&mut harness, Key::Enter);
    let ended = end_reason(harness.state());
    assert!(ended.is_some_and(|reason| reason != EndReason::WaitingReply));
    let before = harness.state().doc().flow.scenarios.len();
    harness.get_by_label("Save run as scenario").click();
    harness.run();
    harness.run();
    let app = harness.state();
    let flow = &app.doc().flow;
    assert_eq!(flow.scenarios.len(), before + 1);
    let index = app.sim().selected_scenario();
    let saved = &flow.scenarios[index];
    assert_eq!(
        saved.name,
        "Respostas acabam no menu: aguardando o contato (recorded)"
    );
    assert_eq!(
        saved.replies.len(),
        2,
        "the scripted CPF and the typed reply"
    );
    assert_eq!(saved.expect.end_reason, ended);
    assert!(
        saved
            .expect
            .path
            .as_ref()
            .unwrap()
            .contains(&"atendente".to_owned())
    );
    // The tour calls a flow of its folder, as the window's runs do.
    let options = Options {
        library: fluxo::library::library_for(&sample("tour.flow.ron")),
        ..Options::default()
    };
    let report = test_flow(flow, &options);
    let row = report
        .results
        .iter()
        .find(|row| row.name == saved.name)
        .unwrap();
    assert!(row.passed, "{:?}", row.failures);
    // One undo step takes it away.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().doc().flow.scenarios.len(), before);
}

#[test]
fn editing_the_flow_under_a_run_marks_it_stale_and_never_crashes() {
    let mut harness = harness("carteirizacao.flow.ron");
    pick(&mut harness, MANAGER_ONLINE);
    for _ in 0..4 {
        key(&mut harness, Key::F10);
    }
    let ctx = harness.ctx.clone();
    harness.state_mut().apply_edits(
        &ctx,
        vec![Edit::new(Command::RemoveNodes {
            ids: vec!["disponivel".into(), "consulta".into()],
        })],
    );
    harness.run();
    assert_eq!(harness.state().sim().stale(), Some(Stale::Flow));
    harness.get_by_label("Reset to run the new version");
    // The run keeps its own copy: it goes on through the deleted nodes.
    key(&mut harness, Key::F5);
    assert_eq!(end_reason(harness.state()), Some(EndReason::End));
    harness.get_by_label("Reset to run the new version").click();
    harness.run();
    assert_eq!(harness.state().sim().stale(), None);
    key(&mut harness, Key::F5);
    let end = harness.state().sim().run().unwrap().end().unwrap().clone();
    assert_eq!(
        end.reason,
        EndReason::DeadEnd,
        "the new version's dangling else: {end:?}"
    );
}

#[test]
fn scenarios_are_added_renamed_and_deleted_with_undo() {
    let mut harness = harness("carteirizacao.flow.ron");
    harness.get_by_label("Scenarios").click();
    harness.run();
    let before = harness.state().doc().flow.scenarios.len();
    harness.get_by_label("+ New scenario").click();
    harness.run();
    harness.run();
    let app = harness.state();
    assert_eq!(app.doc().flow.scenarios.len(), before + 1);
    assert_eq!(
        app.sim().selected_scenario(),
        before,
        "the new one is picked"
    );
    let name = harness.get_by_label("Scenario name");
    name.focus();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness
        .get_by_label("Scenario name")
        .type_text("Cliente VIP");
    harness.run();
    assert_eq!(
        harness.state().doc().flow.scenarios[before].name,
        "Cliente VIP"
    );
    harness.get_by_label("Delete scenario").click();
    harness.run();
    harness.run();
    assert_eq!(harness.state().doc().flow.scenarios.len(), before);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let names: Vec<&str> = harness
        .state()
        .doc()
        .flow
        .scenarios
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(names.last(), Some(&"Cliente VIP"), "undo brings it back");
}

#[test]
fn play_steps_on_a_timer_until_the_run_ends() {
    let mut harness = harness("carteirizacao.flow.ron");
    pick(&mut harness, MANAGER_ONLINE);
    harness.key_press(Key::F8);
    // The harness moves the clock 0.25 s a frame: a step at once, then one a second.
    harness.run_steps(5);
    let steps = harness.state().sim().run().unwrap().step_count();
    assert!((1..=3).contains(&steps), "{steps} steps after about 1 s");
    assert!(harness.state().sim().run().unwrap().is_running());
    harness.run_steps(40);
    assert_eq!(end_reason(harness.state()), Some(EndReason::End));
    assert_eq!(harness.state().sim().run().unwrap().step_count(), 7);
}

#[test]
fn a_scenario_override_is_an_edit_and_reaches_a_run_not_started() {
    let mut harness = harness("carteirizacao.flow.ron");
    pick(&mut harness, MANAGER_ONLINE);
    harness.get_by_label("Scenarios").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::ComboBox, "Override for ana")
        .click();
    harness.run();
    harness.get_by_label("Offline").click();
    harness.run();
    let app = harness.state();
    assert_eq!(
        app.doc().flow.scenarios[0].agents.get("ana"),
        Some(&AgentStatus::Offline)
    );
    assert!(app.doc().history.can_undo());
    assert_eq!(app.sim().stale(), None, "a run with no step is made again");
    key(&mut harness, Key::F5);
    let end = harness.state().sim().run().unwrap().end().unwrap().clone();
    assert_eq!(end.reason, EndReason::Queued);
    // Undo puts the scenario back; the run is now stale (it has steps).
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(harness.state().doc().flow.scenarios[0].agents.is_empty());
    assert_eq!(harness.state().sim().stale(), Some(Stale::Scenario));
}
