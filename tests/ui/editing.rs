//! Undo and redo of every kind of edit (restoring the exact flow), the clipboard between two
//! windows, find (Ctrl+F) and the shortcuts sheet (F1), driven like a user would.

// Helpers outside `#[test]` functions fail the test by panicking, as the tests themselves do.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use crate::common::select;
use egui::{Event, Key, Modifiers, OutputCommand, PointerButton, Pos2, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use fluxo::ui::app::{Document, FluxoApp};
use fluxo_core::Flow;
use fluxo_core::flow::{Edge, KindTag, Node, NodeKind};

/// Entry -> "consulta" (Request) -> ok "fila" / error "fim"; "aviso" (Message) unwired.
fn flow() -> Flow {
    let mut flow = Flow::new("teste");
    flow.nodes.push(Node::new(
        "consulta",
        (300.0, 100.0),
        KindTag::Request.default_kind(),
    ));
    flow.nodes.push(Node::new(
        "fila",
        (600.0, 60.0),
        NodeKind::Queue {
            queue: "Atendimento".into(),
            message: "Já vamos atender você.".into(),
        },
    ));
    flow.nodes.push(Node::new(
        "fim",
        (600.0, 300.0),
        KindTag::End.default_kind(),
    ));
    flow.nodes.push(Node::new(
        "aviso",
        (300.0, 380.0),
        NodeKind::Message {
            text: "Olá!".into(),
            buttons: vec![],
        },
    ));
    flow.edges.push(Edge::new("inicio", "next", "consulta"));
    flow.edges.push(Edge::new("consulta", "ok", "fila"));
    flow.edges.push(Edge::new("consulta", "error", "fim"));
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

fn drag(harness: &mut Harness<'_, FluxoApp>, from: Pos2, to: Pos2) {
    harness.hover_at(from);
    harness.drag_at(from);
    for step in 1..=5 {
        harness.hover_at(from + (to - from) * (step as f32 / 5.0));
    }
    harness.drop_at(to);
    harness.run();
}

fn click_node(harness: &mut Harness<'_, FluxoApp>, id: &str, modifiers: Modifiers) {
    let pos = rect_of(harness, id).center();
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

fn rect_of(harness: &Harness<'_, FluxoApp>, id: &str) -> egui::Rect {
    harness
        .state()
        .canvas()
        .node_screen_rect(id)
        .unwrap_or_else(|| panic!("node {id} is not on the canvas"))
}

fn undo(harness: &mut Harness<'_, FluxoApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
}

fn redo(harness: &mut Harness<'_, FluxoApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
    harness.run();
}

fn type_into(harness: &mut Harness<'_, FluxoApp>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run();
}

#[test]
fn undo_and_redo_of_add_connect_move_edit_rename_and_delete_restore_the_exact_flow() {
    let mut harness = harness(flow());
    let mut states = vec![harness.state().doc().flow.clone()];

    // Add: a Queue from the palette.
    harness.get_by_label("Queue").click();
    harness.run();
    assert!(harness.state().doc().flow.node("fila_1").is_some());
    states.push(harness.state().doc().flow.clone());

    // Connect: aviso.next -> fim.
    let port = harness
        .state()
        .canvas()
        .port_screen_pos("aviso", "next")
        .unwrap();
    let target = rect_of(&harness, "fim").center();
    drag(&mut harness, port, target);
    assert!(
        harness
            .state()
            .doc()
            .flow
            .edge_from("aviso", "next")
            .is_some()
    );
    states.push(harness.state().doc().flow.clone());

    // Move: fim, by dragging its card.
    let card = rect_of(&harness, "fim").center();
    drag(&mut harness, card, card + Vec2::new(60.0, 40.0));
    assert_ne!(
        harness.state().doc().flow.node("fim").unwrap().pos,
        (600.0, 300.0)
    );
    states.push(harness.state().doc().flow.clone());

    // Edit: the flow's name in the inspector (typing is one step once focus leaves).
    harness.key_press(Key::Escape);
    harness.run();
    type_into(&mut harness, "Flow name", "Carteira VIP");
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(harness.state().doc().flow.name, "Carteira VIP");
    states.push(harness.state().doc().flow.clone());

    // Rename: consulta -> verifica in the inspector.
    click_node(&mut harness, "consulta", Modifiers::NONE);
    type_into(&mut harness, "Id", "verifica");
    harness.key_press(Key::Enter);
    harness.run();
    assert!(harness.state().doc().flow.node("verifica").is_some());
    assert_eq!(harness.state().selection().primary(), Some("verifica"));
    states.push(harness.state().doc().flow.clone());

    // Delete: aviso, with its wire.
    harness.key_press(Key::Escape);
    harness.run();
    click_node(&mut harness, "aviso", Modifiers::NONE);
    harness.key_press(Key::Delete);
    harness.run();
    assert!(harness.state().doc().flow.node("aviso").is_none());
    states.push(harness.state().doc().flow.clone());

    let steps = states.len() - 1;
    assert_eq!(
        harness.state().doc().history.undo_len(),
        steps,
        "one step per edit"
    );

    // Undo all the way back, comparing whole flows.
    for index in (0..steps).rev() {
        undo(&mut harness);
        assert_eq!(
            harness.state().doc().flow,
            states[index],
            "undo to state {index}"
        );
        if index == steps - 1 {
            // The undone delete brings "aviso" back, selected.
            assert_eq!(harness.state().selection().ids(), ["aviso"]);
        }
    }
    assert!(
        !harness.state().doc().is_dirty(),
        "back to the opened state"
    );
    // Redo all the way forward.
    for expected in states.iter().skip(1) {
        redo(&mut harness);
        assert_eq!(&harness.state().doc().flow, expected);
    }
}

#[test]
fn undoing_a_rename_gives_the_selection_its_old_id() {
    let mut harness = harness(flow());
    click_node(&mut harness, "consulta", Modifiers::NONE);
    type_into(&mut harness, "Id", "verifica");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().selection().primary(), Some("verifica"));
    harness.key_press(Key::Escape);
    harness.run();
    select(&mut harness, "verifica");
    undo(&mut harness);
    assert_eq!(harness.state().selection().ids(), ["consulta"]);
    redo(&mut harness);
    assert_eq!(harness.state().selection().ids(), ["verifica"]);
}

/// The text the last frame put on the system clipboard.
fn copied_text(harness: &Harness<'_, FluxoApp>) -> Option<String> {
    harness
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|command| match command {
            OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
}

#[test]
fn nodes_copied_in_one_window_paste_into_another_with_fresh_ids_and_their_wires() {
    let mut first = harness(flow());
    click_node(&mut first, "consulta", Modifiers::NONE);
    click_node(&mut first, "fila", Modifiers::SHIFT);
    click_node(&mut first, "inicio", Modifiers::SHIFT);
    // The native window turns Ctrl+C into `Event::Copy`.
    first.event(Event::Copy);
    first.step();
    let text = copied_text(&first).expect("Ctrl+C put text on the clipboard");
    assert!(text.contains("fluxo_clipboard: 1"), "{text}");
    first.run();
    assert!(
        first
            .state()
            .notices()
            .iter()
            .any(|n| n.contains("Entry node is not copied")),
        "{:?}",
        first.state().notices()
    );

    // The second window already has nodes called "consulta" and "fila".
    let mut second = harness(flow());
    let before = second.state().doc().flow.clone();
    let area = second.state().canvas().area();
    let pointer = Pos2::new(area.min.x + 300.0, area.max.y - 150.0);
    second.hover_at(pointer);
    second.run();
    second.event(Event::Paste(text));
    second.run();

    let app = second.state();
    let flow = &app.doc().flow;
    assert_eq!(flow.nodes.len(), before.nodes.len() + 2);
    let consulta = flow
        .node("consulta_2")
        .expect("consulta pasted as consulta_2");
    assert_eq!(consulta.kind, before.node("consulta").unwrap().kind);
    assert_eq!(
        flow.node("fila_2").unwrap().kind,
        before.node("fila").unwrap().kind
    );
    assert!(
        flow.edges
            .contains(&Edge::new("consulta_2", "ok", "fila_2"))
    );
    assert_eq!(
        flow.edges.len(),
        before.edges.len() + 1,
        "only the wire between them"
    );
    // Their layout is kept: fila_2 sits where fila sits relative to consulta.
    let offset = |a: &str, b: &str| {
        let (a, b) = (flow.node(a).unwrap().pos, flow.node(b).unwrap().pos);
        (b.0 - a.0, b.1 - a.1)
    };
    assert_eq!(offset("consulta_2", "fila_2"), offset("consulta", "fila"));
    // They land under the pointer.
    let landed = rect_of(&second, "consulta_2").union(rect_of(&second, "fila_2"));
    assert!(
        landed.expand(40.0).contains(pointer),
        "{landed:?} vs {pointer:?}"
    );
    assert_eq!(app.selection().ids(), ["consulta_2", "fila_2"]);

    // One undo step takes the whole paste back.
    undo(&mut second);
    assert_eq!(second.state().doc().flow, before);
}

#[test]
fn cut_copies_and_deletes_as_one_step() {
    let mut harness = harness(flow());
    click_node(&mut harness, "aviso", Modifiers::NONE);
    // The native window turns Ctrl+X into `Event::Cut`.
    harness.event(Event::Cut);
    harness.step();
    let text = copied_text(&harness).expect("the cut nodes are on the clipboard");
    assert!(text.contains("id: \"aviso\""), "{text}");
    harness.run();
    assert!(harness.state().doc().flow.node("aviso").is_none());
    assert_eq!(harness.state().doc().history.undo_len(), 1);
    undo(&mut harness);
    assert_eq!(harness.state().doc().flow, flow());
}

#[test]
fn pasting_other_text_is_refused_with_a_message() {
    let mut harness = harness(flow());
    harness.event(Event::Paste("Olá, isto não é um fluxo".into()));
    harness.run();
    let app = harness.state();
    assert_eq!(app.doc().flow, flow());
    assert!(!app.doc().is_dirty());
    assert!(
        app.notices()
            .iter()
            .any(|n| n.contains("the clipboard holds no fluxo nodes")),
        "{:?}",
        app.notices()
    );
}

#[test]
fn paste_in_a_text_field_belongs_to_the_field() {
    let mut harness = harness(flow());
    let text = "(fluxo_clipboard: 1, nodes: [(id: \"x\", kind: End())], edges: [])";
    harness.get_by_label("Flow name").focus();
    harness.run();
    harness.event(Event::Paste(text.into()));
    harness.run();
    assert!(harness.state().doc().flow.node("x").is_none());
    // Once the field lets go, the same text pastes a node.
    harness.key_press(Key::Escape);
    harness.run();
    harness.event(Event::Paste(text.into()));
    harness.run();
    assert!(harness.state().doc().flow.node("x").is_some());
}

#[test]
fn ctrl_f_finds_selects_and_centres_a_node() {
    let mut harness = harness(flow());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.get_by_label("Find node");
    // The field has the keyboard at once.
    harness
        .get_by_label("Find a node by id or text")
        .type_text("fil");
    harness.run();
    harness.get_by_label_contains("fila  ·");
    harness.key_press(Key::Enter);
    harness.run();
    let app = harness.state();
    assert_eq!(app.selection().ids(), ["fila"]);
    let centre = app.canvas().area().center();
    let card = rect_of(&harness, "fila");
    assert!(
        (card.center() - centre).length() < 2.0,
        "{card:?} centred at {centre:?}"
    );
    assert!(
        harness.query_by_label("Find node").is_none(),
        "Enter closes it"
    );
}

#[test]
fn find_matches_text_too() {
    let mut harness = harness(flow());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness
        .get_by_label("Find a node by id or text")
        .type_text("vamos atender");
    harness.run();
    harness.get_by_label_contains("fila  ·").click();
    harness.run();
    assert_eq!(harness.state().selection().ids(), ["fila"]);
}

#[test]
fn f1_shows_every_action_with_its_key() {
    let mut harness = harness(flow());
    assert!(
        harness.query_by_label("Shift+drag").is_none(),
        "closed at first"
    );
    harness.key_press(Key::F1);
    harness.run();
    for key in [
        "Ctrl+S",
        "Ctrl+Shift+S",
        "Ctrl+C",
        "Ctrl+V",
        "Ctrl+F",
        "F1",
        "F11",
    ] {
        assert!(
            harness.query_by_label(key).is_some(),
            "{key} is not on the sheet"
        );
    }
    harness.get_by_label("Shift+drag");
    harness.get_by_label("Save as…");
    // It speaks the window's language.
    harness.key_press(Key::F1);
    harness.run();
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .set_language(&ctx, fluxo::i18n::Lang::PtBr);
    harness.key_press(Key::F1);
    harness.run();
    harness.get_by_label("Salvar como…");
    harness.get_by_label("Shift+arrastar");
}
