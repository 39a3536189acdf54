//! Panels drawn alone, each through its `FrameCx` and the commands it pushes, as egui's
//! `egui_kittest/tests/menu.rs` tests a menu: the findings list and the simulator dock (the team
//! editor's and the inspector's tests draw them alone too, in `team.rs` and `inspector.rs`).

// Helpers outside `#[test]` functions fail the test by panicking when a fixture is broken.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::Path;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use fluxo::i18n::Lang;
use fluxo::ui::actions::{Action, SimAction};
use fluxo::ui::context::{AppCommand, NodeFocus};
use fluxo::ui::findings::FindingsPanel;
use fluxo::ui::sim_panel::SimPanel;
use fluxo_core::check::Args;
use fluxo_core::flow::{EndReason, Flow, KindTag, Node};
use fluxo_core::{Code, Finding, Severity};

use crate::host::Host;

/// The panel's three findings: one on a node, one about the whole flow, one on a node that is
/// gone. Their English messages are what the tests click.
fn findings() -> [Finding; 3] {
    [
        Finding {
            args: Args::new().text("entry", "inicio"),
            ..Finding::new(
                Severity::Error,
                Code::Unreachable,
                Some("perdido".into()),
                None,
            )
        },
        Finding::new(Severity::Warning, Code::MissingEntry, None, None),
        Finding {
            args: Args::new().text("entry", "outro"),
            ..Finding::new(
                Severity::Warning,
                Code::Unreachable,
                Some("sumiu".into()),
                None,
            )
        },
    ]
}

/// The English message of the panel's finding number `index`.
fn message(index: usize) -> String {
    message_in(Lang::En, index)
}

/// The message of the panel's finding number `index` in `lang`.
fn message_in(lang: Lang, index: usize) -> String {
    fluxo::i18n::findings::finding_message(lang, &findings()[index])
}

fn findings_host(lang: Lang) -> Harness<'static, Host<FindingsPanel>> {
    let mut flow = Flow::new("t");
    flow.nodes.push(Node::new(
        "perdido",
        (0.0, 0.0),
        KindTag::End.default_kind(),
    ));
    Host::new(flow, FindingsPanel::default())
        .speaking(lang)
        .with_findings(findings().to_vec())
        .into_harness(egui::vec2(900.0, 300.0))
}

#[test]
fn the_findings_panel_alone_shows_a_clicked_finding_s_node() {
    let mut harness = findings_host(Lang::En);
    harness.run();
    harness.get_by_label("Problems");
    harness.get_by_label(&message(0)).click();
    harness.run();
    let host = harness.state();
    assert!(
        matches!(
            host.commands.as_slice(),
            [AppCommand::ShowNode(id, NodeFocus::Center)] if id == "perdido"
        ),
        "{:?}",
        host.commands
    );
    assert_eq!(host.selected(), Some("perdido"));
    // A finding about no node, or about a node that is gone, asks for nothing.
    harness.get_by_label(&message(1)).click();
    harness.get_by_label(&message(2)).click();
    harness.run();
    assert_eq!(harness.state().commands.len(), 1);
}

#[test]
fn the_findings_panel_alone_filters_by_severity_in_its_language() {
    let mut harness = findings_host(Lang::PtBr);
    harness.run();
    harness.get_by_label("Problemas");
    assert!(harness.query_by_label(&message_in(Lang::PtBr, 0)).is_some());
    harness.get_by_label("⛔ 1 erro").click();
    harness.run();
    assert!(
        harness.query_by_label(&message_in(Lang::PtBr, 0)).is_none(),
        "errors hidden"
    );
    harness.get_by_label("⚠ 2 avisos");
    assert!(
        harness.state().commands.is_empty(),
        "filtering is the panel's own"
    );
}

/// The dock alone, moving its run before each frame as the app does; the simulator's actions
/// it asks for are run by the test, as the app runs them.
fn dock_host() -> Harness<'static, Host<SimPanel>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_flows/carteirizacao.flow.ron");
    let flow = fluxo_core::load(&path).unwrap().flow;
    let mut sim = SimPanel::default();
    sim.open((true, true));
    Harness::builder()
        .with_size(egui::vec2(480.0, 900.0))
        .build_ui_state(
            |ui, host: &mut Host<SimPanel>| {
                let before = host.commands.len();
                host.frame_with(ui, SimPanel::prepare);
                let actions: Vec<SimAction> = host.commands[before..]
                    .iter()
                    .filter_map(|command| match command {
                        AppCommand::Action(Action::Sim(action)) => Some(*action),
                        _ => None,
                    })
                    .collect();
                for action in actions {
                    host.run_on_panel(ui.ctx(), |sim, cx, out| {
                        sim.run_action(ui.ctx(), cx, action, out);
                    });
                }
            },
            Host::new(flow, sim),
        )
}

#[test]
fn the_simulator_dock_alone_runs_a_scenario_and_shows_its_steps() {
    let mut harness = dock_host();
    harness.run();
    harness.get_by_label("Simulator");
    harness
        .get_by_role_and_label(Role::ComboBox, "Scenario")
        .click();
    harness.run();
    harness
        .get_by_label("Gerente disponível: chat transferido")
        .click();
    harness.run();
    harness.get_by_label("⏩ Run").click();
    harness.run();
    let reason = harness
        .state()
        .panel
        .run()
        .and_then(|run| run.end())
        .map(|end| end.reason);
    assert_eq!(reason, Some(EndReason::End));
    assert!(
        harness
            .state()
            .commands
            .iter()
            .any(|command| matches!(command, AppCommand::Action(Action::Sim(SimAction::Run)))),
        "Run is the registry's action"
    );
    assert!(
        !harness.state().overlay.nodes.is_empty(),
        "the dock gives the canvas the run's marks"
    );
    // A click on a chat line shows its step: its node is selected and revealed.
    harness
        .get_by_label("Assigned to Ana Souza — transfer through the platform API")
        .click();
    harness.run();
    let host = harness.state();
    let step = host.panel.shown_step().unwrap();
    let node = host
        .panel
        .run()
        .unwrap()
        .step_at(step)
        .unwrap()
        .node
        .to_owned();
    assert_eq!(host.selected(), Some(node.as_str()));
    assert!(host.commands.iter().any(
        |command| matches!(command, AppCommand::ShowNode(id, NodeFocus::Reveal) if *id == node)
    ));
}
