//! The window's files driven like a user would: save, save as, open, the unsaved-changes prompt
//! on close, a failed save, a malformed file, autosave and recovery, dropped files, the start
//! page, and preferences. Dialogs are fakes and files live in a temporary folder, so no test
//! opens a desktop window or touches the user's data.

// Helpers outside `#[test]` functions fail the test by panicking, as the tests themselves do.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use egui::{Key, Modifiers, Vec2, ViewportCommand, ViewportEvent, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use fluxo::i18n::Lang;
use fluxo::ui::actions::{Action, ViewAction};
use fluxo::ui::app::{Document, FluxoApp, Preferences, Screen};
use fluxo::ui::files::{DialogOutcome, FileDialogs, RecoveryStore};
use fluxo_core::Flow;
use fluxo_core::flow::{Edge, KindTag, Node, NodeKind};

/// A folder removed when the test ends.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let dir =
            std::env::temp_dir().join(format!("fluxo-ui-files-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Self(dir)
    }

    fn join(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Dialogs that answer from a script and remember what was asked.
#[derive(Clone, Default)]
struct FakeDialogs {
    answers: Arc<Mutex<VecDeque<DialogOutcome>>>,
    asked: Arc<Mutex<Vec<String>>>,
}

impl FakeDialogs {
    fn answering(answers: impl IntoIterator<Item = DialogOutcome>) -> Self {
        let dialogs = Self::default();
        dialogs.answers.lock().unwrap().extend(answers);
        dialogs
    }

    fn next(&self, question: String) -> DialogOutcome {
        self.asked.lock().unwrap().push(question);
        self.answers
            .lock()
            .unwrap()
            .pop_front()
            .unwrap_or(DialogOutcome::Cancelled)
    }
}

impl FileDialogs for FakeDialogs {
    fn open_path(&mut self, _folder: Option<&Path>) -> DialogOutcome {
        self.next("open".into())
    }

    fn save_path(&mut self, suggested: &Path) -> DialogOutcome {
        self.next(format!("save {}", suggested.display()))
    }
}

fn small_flow() -> Flow {
    let mut flow = Flow::new("teste");
    flow.nodes.push(Node::new(
        "aviso",
        (300.0, 120.0),
        NodeKind::Message {
            text: "Olá!".into(),
            buttons: vec![],
        },
    ));
    flow.nodes.push(Node::new(
        "fim",
        (600.0, 120.0),
        KindTag::End.default_kind(),
    ));
    flow.edges.push(Edge::new("inicio", "next", "aviso"));
    flow.edges.push(Edge::new("aviso", "next", "fim"));
    flow
}

fn harness(app: FluxoApp) -> Harness<'static, FluxoApp> {
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut FluxoApp| app.show(ui), app);
    harness.run();
    harness
}

/// An app on `flow` saved at `path` (the file written, so that it opens clean).
fn app_on_file(flow: &Flow, path: &Path) -> FluxoApp {
    fluxo_core::save(flow, path).unwrap();
    FluxoApp::new(Document::new(flow.clone(), Some(path.to_owned())))
}

/// Adds a Queue node from the palette (`fila_1`, then `fila_2`...): a real edit.
fn edit_something(harness: &mut Harness<'_, FluxoApp>) {
    let nodes = harness.state().doc().flow.nodes.len();
    harness.get_by_label("Queue").click();
    harness.run();
    assert_eq!(harness.state().doc().flow.nodes.len(), nodes + 1);
    assert!(harness.state().doc().is_dirty());
}

fn has_node(path: &Path, id: &str) -> bool {
    fluxo_core::load(path).unwrap().flow.node(id).is_some()
}

/// Steps until the save running in its thread has landed.
fn wait_for_save(harness: &mut Harness<'_, FluxoApp>) {
    for _ in 0..400 {
        if !harness.state().is_saving() {
            harness.run();
            return;
        }
        std::thread::sleep(Duration::from_millis(5));
        harness.step();
    }
    panic!("the save never finished");
}

/// What the window would get when its close button is pressed.
fn request_close(harness: &mut Harness<'_, FluxoApp>) {
    harness
        .input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
    harness.step();
}

fn sent(harness: &Harness<'_, FluxoApp>, command: &ViewportCommand) -> bool {
    harness
        .output()
        .viewport_output
        .get(&ViewportId::ROOT)
        .is_some_and(|viewport| viewport.commands.contains(command))
}

#[test]
fn save_writes_the_file_and_clears_the_dirty_marker() {
    let dir = TempDir::new("save");
    let path = dir.join("atendimento.flow.ron");
    let mut harness = harness(app_on_file(&small_flow(), &path));
    assert_eq!(harness.state().title(), "atendimento.flow.ron — fluxo");
    edit_something(&mut harness);
    assert_eq!(harness.state().title(), "• atendimento.flow.ron — fluxo");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.step();
    wait_for_save(&mut harness);

    let app = harness.state();
    assert!(!app.doc().is_dirty());
    assert_eq!(app.title(), "atendimento.flow.ron — fluxo");
    let saved = fluxo_core::load(&path).unwrap().flow;
    assert_eq!(saved, app.doc().flow);
    assert!(saved.node("fila_1").is_some());
    assert_eq!(app.recent_files().first(), Some(&path));
}

#[test]
fn a_failed_save_keeps_the_document_dirty_and_says_why() {
    let dir = TempDir::new("failed");
    // A folder that is a file: no user (root included) can write under it.
    std::fs::write(dir.join("not-a-folder"), "x").unwrap();
    let path = dir.join("not-a-folder/fluxo.flow.ron");
    let app = FluxoApp::new(Document::new(small_flow(), Some(path.clone())));
    let mut harness = harness(app);
    edit_something(&mut harness);
    let edited = harness.state().doc().flow.clone();

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.step();
    wait_for_save(&mut harness);

    let app = harness.state();
    assert!(app.doc().is_dirty(), "nothing was saved");
    assert_eq!(app.doc().flow, edited);
    assert!(app.title().starts_with('•'));
    let notice = app.notices().last().map(ToString::to_string).unwrap();
    assert!(
        notice.contains("Could not save the flow") && notice.contains("cannot write the file"),
        "{notice}"
    );
    harness.get_by_label("Could not save the flow");
    assert!(harness.get_all_by_label_contains("Not a directory").count() >= 1);
    harness.get_by_label("OK").click();
    harness.run();
    assert!(!harness.state().has_modal());
    assert!(!path.exists());
}

#[test]
fn closing_with_unsaved_changes_asks_and_cancel_stays() {
    let dir = TempDir::new("close-cancel");
    let mut harness = harness(app_on_file(&small_flow(), &dir.join("a.flow.ron")));
    edit_something(&mut harness);
    let edited = harness.state().doc().flow.clone();

    request_close(&mut harness);
    assert!(
        sent(&harness, &ViewportCommand::CancelClose),
        "the close is stopped"
    );
    harness.run();
    harness.get_by_label("Save the changes to a.flow.ron before closing?");
    harness.get_by_label("Discard");
    harness.get_by_label("Cancel").click();
    harness.run();

    let app = harness.state();
    assert!(!app.is_closing());
    assert!(!app.has_modal());
    assert!(app.doc().is_dirty());
    assert_eq!(app.doc().flow, edited);
}

#[test]
fn discard_on_close_closes_and_save_on_close_saves_then_closes() {
    let dir = TempDir::new("close-discard");
    let mut harness = harness(app_on_file(&small_flow(), &dir.join("a.flow.ron")));
    edit_something(&mut harness);
    request_close(&mut harness);
    harness.run();
    harness.get_by_label("Discard").click();
    harness.step();
    assert!(sent(&harness, &ViewportCommand::Close));
    assert!(harness.state().is_closing());
    assert_eq!(
        fluxo_core::load(&dir.join("a.flow.ron")).unwrap().flow,
        small_flow(),
        "nothing saved"
    );

    let path = dir.join("b.flow.ron");
    let mut harness = self::harness(app_on_file(&small_flow(), &path));
    edit_something(&mut harness);
    request_close(&mut harness);
    harness.run();
    // The prompt's Save has the keyboard: Enter saves.
    harness.key_press(Key::Enter);
    harness.step();
    wait_for_save(&mut harness);
    assert!(harness.state().is_closing());
    assert!(has_node(&path, "fila_1"));
}

#[test]
fn a_clean_window_closes_at_once() {
    let dir = TempDir::new("close-clean");
    let mut harness = harness(app_on_file(&small_flow(), &dir.join("a.flow.ron")));
    request_close(&mut harness);
    assert!(!sent(&harness, &ViewportCommand::CancelClose));
    assert!(harness.state().is_closing());
}

#[test]
fn a_malformed_file_says_where_and_leaves_the_document_alone() {
    let dir = TempDir::new("malformed");
    let bad = dir.join("quebrado.flow.ron");
    std::fs::write(&bad, "(\n    format: 1,\n    nodes: [(id: 3)],\n)\n").unwrap();
    let dialogs = FakeDialogs::answering([DialogOutcome::Picked(bad.clone())]);
    let app = FluxoApp::new(Document::new(small_flow(), None)).with_dialogs(Box::new(dialogs));
    let mut harness = harness(app);
    let before = harness.state().doc().flow.clone();

    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();

    let where_ = format!("{}:3:", bad.display());
    let shown = harness.get_by_label_contains(&where_);
    let text = format!("{shown:?}");
    assert!(text.contains("quebrado.flow.ron:3:"), "{text}");
    harness.get_by_label("Could not open the file");
    let app = harness.state();
    assert_eq!(app.doc().flow, before);
    assert_eq!(app.doc().path, None);
    assert!(!app.doc().is_dirty());
}

#[test]
fn open_asks_about_unsaved_changes_and_opens_the_picked_file() {
    let dir = TempDir::new("open");
    let other = dir.join("outro.flow.json");
    let mut other_flow = Flow::new("Outro");
    other_flow.nodes.push(Node::new(
        "fila",
        (200.0, 0.0),
        KindTag::Queue.default_kind(),
    ));
    fluxo_core::save(&other_flow, &other).unwrap();
    let dialogs = FakeDialogs::answering([DialogOutcome::Picked(other.clone())]);
    let app = FluxoApp::new(Document::new(small_flow(), None)).with_dialogs(Box::new(dialogs));
    let mut harness = harness(app);
    edit_something(&mut harness);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    harness.get_by_label("Discard").click();
    harness.run();

    let app = harness.state();
    assert_eq!(app.doc().flow, other_flow);
    assert_eq!(app.doc().path.as_deref(), Some(other.as_path()));
    assert!(!app.doc().is_dirty());
    assert_eq!(app.title(), "outro.flow.json — fluxo");
}

#[test]
fn without_a_dialog_our_path_field_saves_as() {
    let dir = TempDir::new("path-field");
    // No dialogs at all (the default): Save As asks for a path in our own field.
    let mut harness = harness(FluxoApp::new(Document::new(small_flow(), None)));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label("Save the flow as");
    harness.get_by_label("Path").focus();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Path")
        .type_text(&dir.join("no/such/folder/x").display().to_string());
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label_contains("does not exist");

    harness.get_by_label("Path").focus();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Path")
        .type_text(&dir.join("novo").display().to_string());
    harness.key_press(Key::Enter);
    harness.step();
    wait_for_save(&mut harness);

    let saved = dir.join("novo.flow.ron");
    let app = harness.state();
    assert!(!app.has_modal());
    assert_eq!(app.doc().path.as_deref(), Some(saved.as_path()));
    assert_eq!(fluxo_core::load(&saved).unwrap().flow, app.doc().flow);
}

#[test]
fn save_as_json_by_extension() {
    let dir = TempDir::new("json");
    let json = dir.join("fluxo.flow.json");
    let dialogs = FakeDialogs::answering([DialogOutcome::Picked(json.clone())]);
    let app =
        FluxoApp::new(Document::new(small_flow(), None)).with_dialogs(Box::new(dialogs.clone()));
    let mut harness = harness(app);
    harness.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
    harness.step();
    wait_for_save(&mut harness);
    let text = std::fs::read_to_string(&json).unwrap();
    assert!(text.trim_start().starts_with('{'), "JSON: {text}");
    assert_eq!(dialogs.asked.lock().unwrap().len(), 1);
    assert!(dialogs.asked.lock().unwrap()[0].ends_with("teste.flow.ron"));
}

#[test]
fn recovery_is_written_after_the_interval_offered_at_the_next_start_and_removed_on_a_clean_close() {
    let dir = TempDir::new("recovery");
    let store = RecoveryStore::new(dir.join("recovery"), Duration::from_secs(10));
    let path = dir.join("a.flow.ron");
    let mut harness = harness(app_on_file(&small_flow(), &path).with_recovery(store.clone()));
    edit_something(&mut harness);
    let edited = harness.state().doc().flow.clone();
    // kittest's frames are 1/4 s apart.
    harness.run_steps(4);
    assert!(store.pending().is_empty(), "not before the interval");
    harness.run_steps(40);
    for _ in 0..200 {
        if harness.state().recovery_file().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
        harness.step();
    }
    let pending = store.pending();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].1.file.as_deref(), Some(path.as_path()));
    assert_eq!(pending[0].1.flow, edited);
    assert!(
        pending[0].0.starts_with(&store.dir),
        "never next to the user's file"
    );
    assert_eq!(
        fluxo_core::load(&path).unwrap().flow,
        small_flow(),
        "the file is untouched"
    );
    // The window "crashes": it is dropped without a clean close.
    drop(harness);

    let mut app = app_on_file(&small_flow(), &path).with_recovery(store.clone());
    app.offer_recovery();
    let mut harness = self::harness(app);
    harness.get_by_label("Recover unsaved changes?");
    harness.get_by_label_contains("closed without saving the changes to");
    harness.get_by_label("Recover").click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.doc().flow, edited);
    assert_eq!(app.doc().path.as_deref(), Some(path.as_path()));
    assert!(app.doc().is_dirty(), "recovered changes are unsaved");

    // A clean close: Discard in the prompt removes the recovery file.
    request_close(&mut harness);
    harness.run();
    harness.get_by_label("Discard").click();
    harness.step();
    assert!(harness.state().is_closing());
    assert!(store.pending().is_empty());
}

#[test]
fn a_save_that_leaves_nothing_unsaved_removes_the_recovery_file() {
    let dir = TempDir::new("recovery-save");
    let store = RecoveryStore::new(dir.join("recovery"), Duration::ZERO);
    let path = dir.join("a.flow.ron");
    let mut harness = harness(app_on_file(&small_flow(), &path).with_recovery(store.clone()));
    edit_something(&mut harness);
    for _ in 0..200 {
        if harness.state().recovery_file().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
        harness.step();
    }
    assert_eq!(store.pending().len(), 1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.step();
    wait_for_save(&mut harness);
    assert!(store.pending().is_empty());
    assert!(harness.state().recovery_file().is_none());
}

#[test]
fn discarding_a_recovery_offer_removes_it() {
    let dir = TempDir::new("recovery-discard");
    let store = RecoveryStore::new(dir.join("recovery"), Duration::ZERO);
    let recovery = fluxo::ui::files::RecoveryFile {
        pid: 0,
        ..fluxo::ui::files::RecoveryFile::now(small_flow(), None)
    };
    store.write(&recovery).unwrap();
    let mut app = FluxoApp::new(Document::new(Flow::new("x"), None)).with_recovery(store.clone());
    app.offer_recovery();
    let mut harness = harness(app);
    harness.get_by_label_contains("a new flow, \"teste\"");
    harness.get_by_label("Discard").click();
    harness.run();
    assert!(store.pending().is_empty());
    assert_eq!(harness.state().doc().flow.name, "x");
}

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|err| err.to_string())
    }
}

#[test]
fn a_file_dropped_on_the_window_opens() {
    let dir = TempDir::new("drop");
    let path = dir.join("solto.flow.ron");
    let mut dropped_flow = small_flow();
    dropped_flow.name = "Solto".into();
    fluxo_core::save(&dropped_flow, &path).unwrap();
    let mut harness = harness(FluxoApp::new(Document::new(small_flow(), None)));
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(Dropped(path.clone())));
    harness.run();
    let app = harness.state();
    assert_eq!(app.doc().flow, dropped_flow);
    assert_eq!(app.doc().path.as_deref(), Some(path.as_path()));
}

#[test]
fn save_and_close_and_back_lead_to_the_start_page() {
    let dir = TempDir::new("start");
    let path = dir.join("a.flow.ron");
    let mut harness = harness(app_on_file(&small_flow(), &path));
    edit_something(&mut harness);
    harness.get_by_label("Save and close").click();
    harness.step();
    wait_for_save(&mut harness);
    assert_eq!(harness.state().screen(), Screen::Start);
    assert!(has_node(&path, "fila_1"));
    assert_eq!(harness.state().title(), "fluxo");
    // The start page lists the file just saved; a click opens it again.
    harness.get_by_label("a.flow.ron").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Editor);
    assert_eq!(harness.state().doc().path.as_deref(), Some(path.as_path()));

    // Back without saving asks first; Cancel (the default) keeps everything.
    edit_something(&mut harness);
    harness.get_by_label("Back without saving").click();
    harness.run();
    harness.get_by_label("Go back without saving?");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Editor);
    assert!(harness.state().doc().is_dirty());
    harness.get_by_label("Back without saving").click();
    harness.run();
    harness.get_by_label("Discard and go back").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Start);
    assert!(!has_node(&path, "fila_2"), "nothing saved");

    // New from the start page.
    harness.get_by_label("New flow").click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.screen(), Screen::Editor);
    assert_eq!(app.doc().flow.nodes.len(), 1);
    assert_eq!(app.doc().path, None);
}

#[test]
fn language_and_preferences_persist() {
    let mut harness = harness(FluxoApp::new(Document::new(small_flow(), None)));
    harness.get_by_label("🌐 English").click();
    harness.run();
    harness.get_by_label("Português (Brasil)").click();
    harness.run();
    harness.get_by_label("Arquivo");
    harness.get_by_label("Editar");
    harness.get_by_label("Salvar e sair");
    harness.get_by_label("Exibir").click();
    harness.run();
    harness.get_by_label("Tema claro").click();
    harness.run();
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .run_action(&ctx, Action::View(ViewAction::ToggleFindings));
    let prefs = harness.state().preferences();
    assert_eq!(prefs.lang, Some(Lang::PtBr));
    assert_eq!(prefs.theme, fluxo::ui::app::Theme::Light);
    assert!(!prefs.panels.findings);

    // Stored as eframe stores it, read back by a new window.
    let text = ron::to_string(&prefs).unwrap();
    let back: Preferences = ron::from_str(&text).unwrap();
    let mut harness = self::harness(FluxoApp::new(Document::new(small_flow(), None)));
    harness.get_by_label("File");
    let ctx = harness.ctx.clone();
    harness.state_mut().apply_preferences(&ctx, &back);
    harness.run();
    harness.get_by_label("Arquivo");
    assert!(!harness.state().panels().findings);
    assert_eq!(
        ctx.options(|o| o.theme_preference),
        egui::ThemePreference::Light
    );
}

#[test]
fn the_last_open_file_reopens_and_a_missing_one_falls_back_quietly() {
    let dir = TempDir::new("last");
    let path = dir.join("ultimo.flow.ron");
    fluxo_core::save(&small_flow(), &path).unwrap();
    let prefs = Preferences {
        last_file: Some(path.clone()),
        ..Preferences::default()
    };
    let app = FluxoApp::at_start(None, &prefs);
    assert_eq!(app.doc().path.as_deref(), Some(path.as_path()));
    assert!(app.banners().is_empty());

    std::fs::remove_file(&path).unwrap();
    let app = FluxoApp::at_start(None, &prefs);
    assert_eq!(app.doc().path, None, "the sample");
    assert!(app.doc().flow.nodes.len() > 3);
    assert!(app.banners().is_empty(), "no error for a file that is gone");
}

#[test]
fn a_save_marks_clean_only_the_state_it_wrote() {
    let dir = TempDir::new("state");
    let path = dir.join("a.flow.ron");
    let mut harness = harness(app_on_file(&small_flow(), &path));
    edit_something(&mut harness);
    // Save as Ctrl+S does, without running a frame: the save is still running below.
    let ctx = harness.ctx.clone();
    harness.state_mut().save_then(&ctx, None);
    assert!(harness.state().is_saving());
    // An edit lands while the save runs: it is not in the file, so it stays unsaved.
    harness.state_mut().apply_edits(
        &ctx,
        vec![fluxo::ui::Edit::new(fluxo_core::Command::SetName(
            "Depois".into(),
        ))],
    );
    wait_for_save(&mut harness);
    let app = harness.state();
    assert!(app.doc().is_dirty());
    assert!(has_node(&path, "fila_1"));
    assert_eq!(fluxo_core::load(&path).unwrap().flow.name, "teste");
    // Undo back to the saved state: clean again.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(!harness.state().doc().is_dirty());
}

#[test]
fn ctrl_s_saves_while_typing_in_a_field() {
    let dir = TempDir::new("typing");
    let path = dir.join("a.flow.ron");
    let mut harness = harness(app_on_file(&small_flow(), &path));
    harness.get_by_label("Flow name").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("Flow name").type_text("Carteira VIP");
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.step();
    wait_for_save(&mut harness);
    assert_eq!(fluxo_core::load(&path).unwrap().flow.name, "Carteira VIP");
    assert!(!harness.state().doc().is_dirty());
    assert!(
        harness.get_by_label("Flow name").is_focused(),
        "the field keeps the keyboard"
    );
}
