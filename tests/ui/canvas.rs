//! The editor window driven like a user would: palette drags, port-to-node drags, clicks on
//! findings, keys. Every test asserts on the flow model (and the selection), not on pixels.

// The helpers below sit outside `#[test]` functions; a helper that cannot find what it looks
// for fails the test by panicking, as the tests themselves do.
#![allow(clippy::panic)]

use egui::{Event, Key, Modifiers, PointerButton, Pos2, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use fluxo::ui::actions::{Action, ViewAction};
use fluxo::ui::app::{Document, FluxoApp};
use fluxo_core::flow::{Edge, KindTag, Node, NodeKind};
use fluxo_core::{Code, Finding, Flow, Severity};

/// Entry -> "pergunta" (Ask), plus "aviso" (Message) and "fim" (End), not wired further.
fn small_flow() -> Flow {
    let mut flow = Flow::new("teste");
    flow.nodes.push(Node::new(
        "pergunta",
        (300.0, 120.0),
        KindTag::Ask.default_kind(),
    ));
    flow.nodes.push(Node::new(
        "aviso",
        (300.0, 380.0),
        NodeKind::Message {
            text: "Olá!".into(),
            buttons: vec![],
        },
    ));
    flow.nodes.push(Node::new(
        "fim",
        (620.0, 260.0),
        KindTag::End.default_kind(),
    ));
    flow.edges.push(Edge::new("inicio", "next", "pergunta"));
    flow
}

fn harness(flow: Flow) -> Harness<'static, FluxoApp> {
    let app = FluxoApp::new(Document::new(flow, None));
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut FluxoApp| app.show(ui), app);
    harness.run();
    harness
}

/// Presses at `from`, moves in small steps to `to`, releases there.
fn drag(harness: &mut Harness<'_, FluxoApp>, from: Pos2, to: Pos2) {
    harness.hover_at(from);
    harness.drag_at(from);
    for step in 1..=5 {
        harness.hover_at(from + (to - from) * (step as f32 / 5.0));
    }
    harness.drop_at(to);
    harness.run();
}

fn click_at(harness: &mut Harness<'_, FluxoApp>, pos: Pos2, modifiers: Modifiers) {
    harness.hover_at(pos);
    harness.event(Event::ModifiersChanged(modifiers));
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers,
        });
    }
    harness.event(Event::ModifiersChanged(Modifiers::NONE));
    harness.run();
}

fn click_node(harness: &mut Harness<'_, FluxoApp>, id: &str, modifiers: Modifiers) {
    let center = rect_of(harness, id).center();
    click_at(harness, center, modifiers);
}

/// The zoom figure in the canvas's corner: a click goes back to 100 %.
fn click_zoom_button(harness: &mut Harness<'_, FluxoApp>) {
    let label = format!("{} %", harness.state().canvas().zoom_percent());
    harness.get_by_label(&label).click();
    harness.run();
}

fn rect_of(harness: &Harness<'_, FluxoApp>, id: &str) -> egui::Rect {
    harness
        .state()
        .canvas()
        .node_screen_rect(id)
        .unwrap_or_else(|| panic!("node {id} is not on the canvas"))
}

fn port_of(harness: &Harness<'_, FluxoApp>, id: &str, port: &str) -> Pos2 {
    harness
        .state()
        .canvas()
        .port_screen_pos(id, port)
        .unwrap_or_else(|| panic!("no port {id}.{port}"))
}

/// A point of the canvas far from every card.
fn empty_spot(harness: &Harness<'_, FluxoApp>) -> Pos2 {
    let area = harness.state().canvas().area();
    Pos2::new(area.center().x, area.min.y + 30.0)
}

fn has_edge(flow: &Flow, from: &str, port: &str, to: &str) -> bool {
    flow.edges
        .iter()
        .any(|edge| edge.from == from && edge.port == port && edge.to == to)
}

#[test]
fn a_node_dragged_from_the_palette_lands_where_it_is_dropped() {
    let mut harness = harness(small_flow());
    let source = harness.get_by_label("Queue").rect().center();
    let area = harness.state().canvas().area();
    let drop = Pos2::new(area.min.x + 200.0, area.max.y - 260.0);
    drag(&mut harness, source, drop);
    let app = harness.state();
    let node = app.doc().flow.node("fila_1").expect("a new Queue node");
    assert_eq!(node.kind.tag(), KindTag::Queue);
    // The card's header is centred under the pointer.
    let card = rect_of(&harness, "fila_1");
    assert!(
        (card.center().x - drop.x).abs() < 2.0,
        "{card:?} vs {drop:?}"
    );
    assert!(card.min.y < drop.y && drop.y < card.min.y + 30.0);
    assert_eq!(app.selection().primary(), Some("fila_1"));
}

#[test]
fn the_context_menu_adds_a_node_at_the_pointer() {
    let mut harness = harness(small_flow());
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .run_action(&ctx, Action::View(ViewAction::TogglePalette));
    harness.run();
    let spot = empty_spot(&harness);
    harness.hover_at(spot);
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos: spot,
            button: PointerButton::Secondary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run();
    harness.get_by_label_contains("Condition").click();
    harness.run();
    let flow = &harness.state().doc().flow;
    let node = flow.node("condicao_1").expect("a new Condition node");
    assert_eq!(node.kind, KindTag::Condition.default_kind());
    let card = rect_of(&harness, "condicao_1");
    assert!(card.expand(2.0).contains(spot));
}

#[test]
fn dragging_a_port_onto_a_node_connects_it() {
    let mut harness = harness(small_flow());
    let from = port_of(&harness, "aviso", "next");
    let to = rect_of(&harness, "fim").center();
    drag(&mut harness, from, to);
    assert!(has_edge(
        &harness.state().doc().flow,
        "aviso",
        "next",
        "fim"
    ));
    // An occupied port is rewired, not doubled.
    let from = port_of(&harness, "aviso", "next");
    let to = rect_of(&harness, "pergunta").center();
    drag(&mut harness, from, to);
    let flow = &harness.state().doc().flow;
    assert!(has_edge(flow, "aviso", "next", "pergunta"));
    assert_eq!(flow.edges.iter().filter(|e| e.from == "aviso").count(), 1);
}

#[test]
fn nothing_connects_into_the_entry() {
    let mut harness = harness(small_flow());
    let from = port_of(&harness, "aviso", "next");
    let to = rect_of(&harness, "inicio").center();
    drag(&mut harness, from, to);
    let app = harness.state();
    assert!(!app.doc().flow.edges.iter().any(|e| e.to == "inicio"));
    assert!(
        app.notices().iter().any(|n| n.contains("Entry")),
        "{:?}",
        app.notices()
    );
}

#[test]
fn dragging_a_wire_end_off_disconnects_it() {
    let mut harness = harness(small_flow());
    // Grab the wire just before it enters "pergunta".
    let input = harness
        .state()
        .canvas()
        .input_screen_pos("pergunta")
        .unwrap();
    let grab = input - Vec2::new(14.0, 0.0);
    let away = empty_spot(&harness);
    drag(&mut harness, grab, away);
    let flow = &harness.state().doc().flow;
    assert!(flow.edges.is_empty(), "{:?}", flow.edges);
}

#[test]
fn clicking_a_finding_selects_and_centres_its_node() {
    fn checker(flow: &Flow) -> Vec<Finding> {
        // What `unreachable` says, computed here until the checks land: no edge enters.
        flow.nodes
            .iter()
            .filter(|node| node.kind.tag() != KindTag::Entry)
            .filter(|node| !flow.edges.iter().any(|edge| edge.to == node.id))
            .map(|node| Finding {
                args: fluxo_core::check::Args::new().text("entry", node.id.clone()),
                ..Finding::new(
                    Severity::Warning,
                    Code::Unreachable,
                    Some(node.id.clone()),
                    None,
                )
            })
            .collect()
    }
    let mut harness = harness(small_flow());
    harness.state_mut().set_checker(checker);
    harness.run();
    assert_eq!(harness.state().findings().len(), 2);
    harness.get_by_label_contains("Entry `fim`").click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.selection().primary(), Some("fim"));
    let card = rect_of(&harness, "fim");
    let area = app.canvas().area();
    assert!(
        (card.center() - area.center()).length() < 2.0,
        "{card:?} not centred in {area:?}"
    );
    // Connecting the node re-runs the checks: its finding goes.
    let from = port_of(&harness, "pergunta", "answered");
    let to = rect_of(&harness, "fim").center();
    drag(&mut harness, from, to);
    assert_eq!(harness.state().findings().len(), 1);
}

#[test]
fn delete_removes_the_node_and_its_wires() {
    let mut harness = harness(small_flow());
    click_node(&mut harness, "pergunta", Modifiers::NONE);
    assert_eq!(harness.state().selection().primary(), Some("pergunta"));
    harness.key_press(Key::Delete);
    harness.run();
    let app = harness.state();
    assert!(app.doc().flow.node("pergunta").is_none());
    assert!(app.doc().flow.edges.is_empty());
    assert!(app.selection().is_empty(), "the selection follows deletes");
}

#[test]
fn the_entry_cannot_be_deleted_or_duplicated() {
    let mut harness = harness(small_flow());
    click_node(&mut harness, "inicio", Modifiers::NONE);
    harness.key_press(Key::Delete);
    harness.run();
    assert!(harness.state().doc().flow.node("inicio").is_some());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::D);
    harness.run();
    let app = harness.state();
    assert_eq!(app.doc().flow.nodes.len(), 4);
    let notices = app.notices();
    assert!(
        notices.iter().any(|n| n.contains("cannot be deleted")),
        "{notices:?}"
    );
    assert!(
        notices.iter().any(|n| n.contains("cannot be duplicated")),
        "{notices:?}"
    );
}

#[test]
fn duplicate_gives_readable_fresh_ids() {
    let mut harness = harness(small_flow());
    click_node(&mut harness, "pergunta", Modifiers::NONE);
    click_node(&mut harness, "aviso", Modifiers::SHIFT);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::D);
    harness.run();
    let app = harness.state();
    assert!(app.doc().flow.node("pergunta_1").is_some());
    assert!(app.doc().flow.node("aviso_1").is_some());
    assert_eq!(app.selection().len(), 2);
    assert!(app.selection().contains("pergunta_1"));
}

#[test]
fn shift_drag_selects_with_a_rubber_band() {
    let mut harness = harness(small_flow());
    let pergunta = rect_of(&harness, "pergunta");
    let aviso = rect_of(&harness, "aviso");
    let from = pergunta.min - Vec2::splat(15.0);
    let to = Pos2::new(aviso.max.x + 10.0, aviso.min.y + 10.0);
    harness.event(Event::ModifiersChanged(Modifiers::SHIFT));
    drag(&mut harness, from, to);
    harness.event(Event::ModifiersChanged(Modifiers::NONE));
    harness.run();
    let selection = &harness.state().selection();
    assert!(selection.contains("pergunta") && selection.contains("aviso"));
    assert!(!selection.contains("fim") && !selection.contains("inicio"));
}

#[test]
fn a_move_is_one_undo_step() {
    let mut harness = harness(small_flow());
    let before = harness.state().doc().flow.node("aviso").unwrap().pos;
    let steps = harness.state().doc().history.undo_len();
    let zoom = harness.state().canvas().view.zoom;
    let card = rect_of(&harness, "aviso");
    let grab = card.center();
    drag(&mut harness, grab, grab + Vec2::new(120.0, 40.0));
    let app = harness.state();
    let after = app.doc().flow.node("aviso").unwrap().pos;
    assert!(
        (after.0 - before.0 - 120.0 / zoom).abs() < 1.5,
        "{before:?} -> {after:?}"
    );
    assert!((after.1 - before.1 - 40.0 / zoom).abs() < 1.5);
    assert_eq!(app.doc().history.undo_len(), steps + 1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().doc().flow.node("aviso").unwrap().pos,
        before
    );
}

#[test]
fn keys_do_nothing_while_typing() {
    let mut harness = harness(small_flow());
    click_node(&mut harness, "aviso", Modifiers::NONE);
    let search = harness
        .get_all_by_role(egui::accesskit::Role::TextInput)
        .find(|node| node.rect().max.x < 260.0)
        .expect("the palette's search field");
    search.click();
    harness.run();
    harness.key_press(Key::Delete);
    harness.key_press(Key::F);
    harness.run();
    assert!(harness.state().doc().flow.node("aviso").is_some());
}

#[test]
fn a_file_that_does_not_load_is_shown_not_fatal() {
    let dir = std::env::temp_dir().join(format!("fluxo-ui-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("quebrado.flow.ron");
    std::fs::write(&path, "(format: 1, nodes: [ (id: ").unwrap();
    let app = FluxoApp::open(&path);
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1200.0, 800.0))
        .build_ui_state(|ui, app: &mut FluxoApp| app.show(ui), app);
    harness.run();
    let banner = harness.state().banners().join("\n");
    assert!(banner.contains("quebrado.flow.ron"), "{banner}");
    harness.get_by_label_contains("Could not open");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn zoom_keys_and_fit() {
    let mut harness = harness(small_flow());
    let zoom = harness.state().canvas().view.zoom;
    harness.key_press(Key::Plus);
    harness.run();
    let zoomed = harness.state().canvas().view.zoom;
    assert!((zoomed / zoom - 1.25).abs() < 1e-3, "{zoom} -> {zoomed}");
    harness.key_press(Key::F);
    harness.run();
    let app = harness.state();
    let area = app.canvas().area();
    for node in &app.doc().flow.nodes {
        assert!(
            area.contains_rect(rect_of(&harness, &node.id)),
            "{} is off screen",
            node.id
        );
    }
}

#[test]
fn the_minimap_moves_the_view() {
    let mut harness = harness(small_flow());
    click_zoom_button(&mut harness);
    let map = harness.state().canvas().minimap_rect().expect("a minimap");
    click_at(
        &mut harness,
        map.left_center() + Vec2::new(10.0, 0.0),
        Modifiers::NONE,
    );
    let left = harness.state().canvas().view_center();
    click_at(
        &mut harness,
        map.right_center() - Vec2::new(10.0, 0.0),
        Modifiers::NONE,
    );
    let right = harness.state().canvas().view_center();
    assert!(right.x - left.x > 300.0, "{left:?} -> {right:?}");
}

#[test]
fn a_wide_flow_opens_readable_at_its_entry() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/sample_flows/tour.flow.ron");
    let flow = fluxo_core::file::load(std::path::Path::new(path))
        .expect("the tour sample loads")
        .flow;
    let entry = flow
        .nodes
        .iter()
        .find(|node| matches!(node.kind, fluxo_core::flow::NodeKind::Entry { .. }))
        .map(|node| node.id.clone())
        .expect("an Entry");
    let harness = harness(flow);
    let app = harness.state();
    assert!(
        app.canvas().view.zoom >= fluxo::ui::canvas::View::OVERVIEW_MIN_ZOOM - 1e-4,
        "opened at {} %",
        app.canvas().zoom_percent()
    );
    let card = rect_of(&harness, &entry);
    assert!(
        app.canvas().area().contains_rect(card),
        "the Entry {card:?} is on screen {:?}",
        app.canvas().area()
    );
}

#[test]
fn only_what_is_on_screen_is_laid_out() {
    let flow = fluxo_core::generator::flow(300, 1);
    let mut harness = harness(flow);
    // Too big to read whole: it opens at a readable zoom, only part of it laid out.
    let opened = harness.state().canvas().visible_count();
    assert!(
        opened > 0 && opened < 300,
        "{opened} cards laid out on open"
    );
    harness.key_press(Key::F);
    harness.run();
    assert_eq!(
        harness.state().canvas().visible_count(),
        300,
        "fitted: every card shows"
    );
    click_zoom_button(&mut harness);
    let app = harness.state();
    assert!((app.canvas().view.zoom - 1.0).abs() < 1e-4);
    let shown = app.canvas().visible_count();
    assert!(shown > 0 && shown < 40, "{shown} cards laid out at 100 %");
}

#[test]
fn a_click_on_the_palette_adds_in_the_middle_of_the_view() {
    let mut harness = harness(small_flow());
    harness.get_by_label("Live chat").click();
    harness.run();
    let app = harness.state();
    let node = app
        .doc()
        .flow
        .node("transbordo_1")
        .expect("a new LiveChat node");
    assert_eq!(node.kind.ports().len(), 4);
    let card = rect_of(&harness, "transbordo_1");
    assert!((card.center().x - app.canvas().area().center().x).abs() < 2.0);
}

#[test]
fn the_checks_run_once_per_change_not_per_frame() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static RUNS: AtomicUsize = AtomicUsize::new(0);
    fn counting(_: &Flow) -> Vec<Finding> {
        RUNS.fetch_add(1, Ordering::SeqCst);
        Vec::new()
    }
    let mut harness = harness(small_flow());
    harness.state_mut().set_checker(counting);
    harness.run();
    let after_first = RUNS.load(Ordering::SeqCst);
    assert_eq!(after_first, 1);
    for _ in 0..5 {
        harness.hover_at(empty_spot(&harness));
        harness.step();
    }
    assert_eq!(RUNS.load(Ordering::SeqCst), 1, "no change, no new run");
    click_node(&mut harness, "fim", Modifiers::NONE);
    harness.key_press(Key::Delete);
    harness.run();
    assert_eq!(RUNS.load(Ordering::SeqCst), 2, "one change, one run");
}

#[test]
fn the_selection_follows_a_rename() {
    let mut harness = harness(small_flow());
    click_node(&mut harness, "aviso", Modifiers::NONE);
    let ctx = harness.ctx.clone();
    harness.state_mut().apply_edits(
        &ctx,
        vec![fluxo::ui::Edit::new(fluxo_core::Command::Rename {
            from: "aviso".into(),
            to: "boas_vindas".into(),
        })],
    );
    harness.run();
    let app = harness.state();
    assert_eq!(app.selection().primary(), Some("boas_vindas"));
    // A refused rename says why and keeps the selection.
    harness.state_mut().apply_edits(
        &ctx,
        vec![fluxo::ui::Edit::new(fluxo_core::Command::Rename {
            from: "boas_vindas".into(),
            to: "fim".into(),
        })],
    );
    harness.run();
    let app = harness.state();
    assert_eq!(app.selection().primary(), Some("boas_vindas"));
    assert!(
        app.notices().iter().any(|n| n.contains("already used")),
        "{:?}",
        app.notices()
    );
}
