//! File > Compare with saved: a flow opened, edited (a Condition's value changed, a port
//! rewired, a node removed, one added, one moved), then compared with its file: the canvas marks,
//! the ghosts, the list that shows each node, the scenarios that now end differently with their
//! two runs side by side; the marks follow further edits, and closing gives the canvas back.

#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use egui::Vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use fluxo::ui::Edit;
use fluxo::ui::app::FluxoApp;
use fluxo::ui::compare::NodeStatus;
use fluxo::ui::context::{AppCommand, CompareRequest};
use fluxo_core::Command;
use fluxo_core::flow::{KindTag, Node, NodeKind};

fn saved_copy(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("fluxo-ui-compare-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("carteirizacao.flow.ron");
    let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample_flows/carteirizacao.flow.ron");
    std::fs::copy(sample, &path).unwrap();
    path
}

fn window(path: &std::path::Path) -> Harness<'static, FluxoApp> {
    let app = FluxoApp::open(path);
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1600.0, 1300.0))
        .build_ui_state(|ui, app: &mut FluxoApp| app.show(ui), app);
    harness.run();
    harness
}

fn edit(harness: &mut Harness<'_, FluxoApp>, command: Command) {
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply_commands(&ctx, vec![AppCommand::Edit(Edit::new(command))]);
    harness.run();
}

/// Lets frames go by until the comparison shown is of the flow as it is.
fn wait_for_comparison(harness: &mut Harness<'_, FluxoApp>) {
    let started = Instant::now();
    loop {
        let app = harness.state();
        let comparison = app.comparison().unwrap();
        if comparison.is_current(app.revision()) && !comparison.is_busy() {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "no comparison in 20 s"
        );
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
    harness.run();
}

fn status(app: &FluxoApp, node: &str) -> Option<NodeStatus> {
    app.comparison()?.shown()?.marks.status(node)
}

/// A Condition's value changed, a port rewired, a node removed, one added, one moved.
fn edit_five_ways(harness: &mut Harness<'_, FluxoApp>) {
    let flow = harness.state().doc().flow.clone();

    // A Condition's value: managers "online" no longer go to the transfer.
    let mut kind = flow.node("disponivel").unwrap().kind.clone();
    if let NodeKind::Condition { cases } = &mut kind {
        cases[0].rules[0].value = "ausente".into();
    }
    edit(
        harness,
        Command::SetKind {
            id: "disponivel".into(),
            kind,
        },
    );
    // A port rewired, a node removed, a node added, a node moved.
    edit(
        harness,
        Command::Connect {
            from: "avisa_indisponivel".into(),
            port: "next".into(),
            to: "fila_ocupado".into(),
        },
    );
    edit(
        harness,
        Command::RemoveNodes {
            ids: vec!["fim".into()],
        },
    );
    edit(
        harness,
        Command::AddNodes {
            nodes: vec![Node::new(
                "pesquisa",
                (1600.0, 700.0),
                KindTag::Ask.default_kind(),
            )],
            edges: vec![],
        },
    );
    edit(
        harness,
        Command::MoveNodes {
            moves: vec![("boas_vindas".into(), (300.0, 160.0))],
        },
    );
}

/// What the canvas shows of those five edits.
fn assert_the_marks(app: &FluxoApp) {
    assert_eq!(status(app, "disponivel"), Some(NodeStatus::Changed));
    assert_eq!(status(app, "avisa_indisponivel"), Some(NodeStatus::Rewired));
    assert_eq!(status(app, "fim"), Some(NodeStatus::Removed));
    assert_eq!(status(app, "pesquisa"), Some(NodeStatus::Added));
    assert_eq!(status(app, "boas_vindas"), Some(NodeStatus::Moved));
    assert_eq!(
        status(app, "consulta"),
        None,
        "an untouched node is not marked"
    );
    // On the canvas: halos and tags, the rewired wire, the removed node as a ghost.
    let overlay = app.overlay();
    let label = |id: &str| overlay.node(id).and_then(|mark| mark.label.clone());
    assert_eq!(label("disponivel").as_deref(), Some("changed"));
    assert_eq!(label("pesquisa").as_deref(), Some("new"));
    assert_eq!(label("boas_vindas").as_deref(), Some("moved"));
    let wire = overlay.edge("avisa_indisponivel", "next").unwrap();
    assert!(wire.is_emphasized);
    assert_eq!(wire.label.as_deref(), Some("was fila"));
    let marks = &app.comparison().unwrap().shown().unwrap().marks;
    assert_eq!(marks.ghosts.len(), 1);
    assert_eq!(marks.ghosts[0].id, "fim");
    assert!(
        marks
            .ghost_wires
            .iter()
            .any(|wire| wire.from == "transferir" && wire.port == "ok" && wire.to == "fim"),
        "{:?}",
        marks.ghost_wires
    );
}

#[test]
fn compare_with_saved_marks_the_changes_and_lists_them() {
    let path = saved_copy("saved");
    let mut harness = window(&path);
    edit_five_ways(&mut harness);

    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Compare with saved").click();
    harness.run();
    wait_for_comparison(&mut harness);

    assert_the_marks(harness.state());

    // The list: each node's changes, the scenarios that now end differently.
    harness.get_by_label("Changes since carteirizacao.flow.ron was saved");
    harness.get_by_label("node disponivel (Condition)");
    harness.get_by_label_contains("cases[0].rules[0].value: \"online\" -> \"ausente\"");
    harness.get_by_label_contains("avisa_indisponivel.next: fila -> fila_ocupado");
    let changed: Vec<String> = harness
        .state()
        .comparison()
        .unwrap()
        .shown()
        .unwrap()
        .diff
        .changed_scenarios()
        .map(|c| c.scenario.clone())
        .collect();
    assert!(
        changed.contains(&"Gerente disponível: chat transferido".to_owned()),
        "{changed:?}"
    );
    harness.get_by_label_contains("scenarios now end differently.");

    // The marks are worded again when the language changes.
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .set_language(&ctx, fluxo::i18n::Lang::PtBr);
    harness.run();
    let label = |app: &FluxoApp| {
        app.overlay()
            .node("disponivel")
            .and_then(|mark| mark.label.clone())
    };
    assert_eq!(label(harness.state()).as_deref(), Some("alterado"));
    harness
        .state_mut()
        .set_language(&ctx, fluxo::i18n::Lang::En);
    harness.run();
    assert_eq!(label(harness.state()).as_deref(), Some("changed"));

    // A click on a node of the list selects it.
    harness.get_by_label("node disponivel (Condition)").click();
    harness.run();
    assert_eq!(harness.state().selection().primary(), Some("disponivel"));

    // A changed scenario's two runs, side by side.
    let open_runs = "Both runs of “Gerente disponível: chat transferido” side by side";
    harness.get_by_label(open_runs).scroll_to_me();
    harness.run();
    harness.get_by_label(open_runs).click();
    harness.run();
    assert!(
        harness.state().comparison().unwrap().runs.is_some(),
        "the runs open"
    );
    harness.get_by_label("“Gerente disponível: chat transferido”: before and now");
    harness.get_by_label("Before (carteirizacao.flow.ron)");
    harness.get_by_label("Now (this version)");
    let runs = harness.state().comparison().unwrap().runs.as_ref().unwrap();
    assert_eq!(
        runs.before().end().and_then(|end| end.node.as_deref()),
        Some("fim")
    );
    assert_ne!(
        runs.now().end().and_then(|end| end.node.as_deref()),
        Some("fim")
    );

    // The marks follow the edits: undo everything and nothing is marked.
    let ctx = harness.ctx.clone();
    for _ in 0..5 {
        harness.state_mut().undo(&ctx);
    }
    harness.run();
    wait_for_comparison(&mut harness);
    let shown = harness.state().comparison().unwrap().shown().unwrap();
    assert!(shown.diff.changes.is_empty(), "{:?}", shown.diff.changes);
    assert!(harness.state().overlay().nodes.is_empty());
    harness.get_by_label("The two files describe the same flow.");

    // Closing gives the canvas back.
    harness.get_by_label("Close the comparison").click();
    harness.run();
    assert!(harness.state().comparison().is_none());
}

#[test]
fn compare_with_a_file_asks_for_it_and_a_new_flow_has_nothing_saved() {
    let path = saved_copy("file");
    let mut other = fluxo_core::load(&path).unwrap().flow;
    other.nodes.retain(|node| node.id != "avisa_indisponivel");
    let other_path = path.with_file_name("antigo.flow.ron");
    fluxo_core::file::save(&other, &other_path).unwrap();

    let mut harness = window(&path);
    // No file dialog here: the window asks for the path in its own field.
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply_commands(&ctx, vec![AppCommand::Compare(CompareRequest::WithFile)]);
    harness.run();
    harness.get_by_label("Compare with a flow file");
    harness.get_by_label("Path").focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_label("Path")
        .type_text(other_path.to_str().unwrap());
    harness.run();
    harness.get_by_label("Compare").click();
    harness.run();
    wait_for_comparison(&mut harness);
    harness.get_by_label("Compared with antigo.flow.ron");
    assert_eq!(
        status(harness.state(), "avisa_indisponivel"),
        Some(NodeStatus::Added),
        "the file has no such node: this version adds it"
    );

    // A file that is not a flow is said, and the comparison open stays as it was.
    let broken = path.with_file_name("quebrado.flow.ron");
    std::fs::write(&broken, "(format: 1, nodes: [").unwrap();
    let ctx = harness.ctx.clone();
    harness.state_mut().apply_commands(
        &ctx,
        vec![AppCommand::Compare(CompareRequest::WithPath(broken))],
    );
    harness.run();
    harness.get_by_label("Could not read the flow to compare with");
    harness.get_by_label_contains("quebrado.flow.ron:1:");
    harness.get_by_label("Compared with antigo.flow.ron");
    harness.get_by_label("OK").click();
    harness.run();

    // Another document closes the comparison; a flow never saved has nothing to compare with.
    let ctx = harness.ctx.clone();
    harness.state_mut().run_action(
        &ctx,
        fluxo::ui::actions::Action::File(fluxo::ui::actions::FileAction::New),
    );
    harness.run();
    assert!(harness.state().comparison().is_none());
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply_commands(&ctx, vec![AppCommand::Compare(CompareRequest::WithSaved)]);
    harness.run();
    assert!(harness.state().comparison().is_none());
    assert!(
        harness
            .state()
            .notices()
            .iter()
            .any(|notice| notice.contains("nothing saved to compare with")),
        "{:?}",
        harness.state().notices()
    );
}

fn save_and_wait(harness: &mut Harness<'_, FluxoApp>) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.step();
    wait_saved(harness);
}

/// Lets frames go by (one at a time: "Saving…" spins) until the save has landed.
fn wait_saved(harness: &mut Harness<'_, FluxoApp>) {
    let started = Instant::now();
    while harness.state().is_saving() {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "no save in 20 s"
        );
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
    harness.run();
}

fn condition_value(harness: &Harness<'_, FluxoApp>, value: &str) -> Command {
    let mut kind = harness
        .state()
        .doc()
        .flow
        .node("disponivel")
        .unwrap()
        .kind
        .clone();
    if let NodeKind::Condition { cases } = &mut kind {
        cases[0].rules[0].value = value.into();
    }
    Command::SetKind {
        id: "disponivel".into(),
        kind,
    }
}

#[test]
fn save_asks_first_when_a_scenario_would_end_differently() {
    let path = saved_copy("save");
    let mut harness = window(&path);
    // A move changes no outcome: Ctrl+S saves at once.
    edit(
        &mut harness,
        Command::MoveNodes {
            moves: vec![("boas_vindas".into(), (300.0, 160.0))],
        },
    );
    save_and_wait(&mut harness);
    assert!(!harness.state().has_modal());
    assert!(!harness.state().doc().is_dirty());
    let moved = std::fs::read_to_string(&path).unwrap();

    // A Condition's value flips scenarios: Save asks first, and writes nothing yet.
    let command = condition_value(&harness, "ausente");
    edit(&mut harness, command);
    save_and_wait(&mut harness);
    assert!(harness.state().has_modal());
    harness.get_by_label_contains("Saving carteirizacao.flow.ron changes what");
    harness.get_by_label("• Gerente disponível: chat transferido");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), moved);
    harness.get_by_label("Compare first").click();
    harness.step();
    assert!(
        harness.state().comparison().is_some(),
        "Compare first compares"
    );
    wait_for_comparison(&mut harness);

    // Save anyway writes it.
    save_and_wait(&mut harness);
    harness.get_by_label("Save anyway").click();
    harness.step();
    wait_saved(&mut harness);
    assert!(!harness.state().doc().is_dirty());
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("\"ausente\"")
    );

    // With the preference off, Save writes at once.
    let ctx = harness.ctx.clone();
    harness.state_mut().apply_commands(
        &ctx,
        vec![AppCommand::Compare(CompareRequest::SaveCheck(
            fluxo::ui::context::SaveCheck::Off,
        ))],
    );
    let command = condition_value(&harness, "online");
    edit(&mut harness, command);
    save_and_wait(&mut harness);
    assert!(!harness.state().has_modal());
    assert!(!harness.state().doc().is_dirty());
    assert_eq!(
        harness.state().preferences().save_check,
        fluxo::ui::context::SaveCheck::Off,
        "kept between starts"
    );
}
