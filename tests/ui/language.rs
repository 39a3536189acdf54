//! The window in Portuguese: a walk through the menus, the inspector of every node kind, the team
//! editor, the shortcuts sheet, the simulator dock (a run, its tabs, run all), the start page and
//! the prompts, failing on any text on screen that is still an English message of the bundles
//! (and not the Portuguese one) and on any message the code asked for that a bundle lacks. And
//! switching the language re-words what is already on screen.

// A helper that cannot find what it looks for fails the test by panicking.
#![allow(clippy::panic, clippy::unwrap_used)]

use std::collections::BTreeSet;
use std::path::Path;

use egui::{Event, Key, Modifiers, PointerButton, Pos2, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use fluent_syntax::ast;
use fluent_syntax::parser;
use fluxo::i18n::{self, Lang};
use fluxo::ui::actions::{Action, ViewAction};
use fluxo::ui::app::FluxoApp;
use fluxo::ui::context::{AppCommand, Selection};
use fluxo_core::flow::KindTag;

use crate::server::Server;

// The walk through Send for real, the Load tab and Compare.
mod features;

/// A piece of a message's pattern: literal text, or an argument (any text).
#[derive(Clone, Debug, PartialEq)]
enum Piece {
    Text(String),
    Any,
}

/// Every way a pattern can read (one per variant of each selector), as pieces.
fn readings(pattern: &ast::Pattern<&str>) -> Vec<Vec<Piece>> {
    let mut out = vec![Vec::new()];
    for element in &pattern.elements {
        let options: Vec<Vec<Piece>> = match element {
            ast::PatternElement::TextElement { value } => vec![vec![Piece::Text((*value).into())]],
            ast::PatternElement::Placeable { expression } => expression_readings(expression),
        };
        out = out
            .iter()
            .flat_map(|head| {
                options.iter().map(move |tail| {
                    let mut whole = head.clone();
                    whole.extend(tail.iter().cloned());
                    whole
                })
            })
            .collect();
    }
    out
}

fn expression_readings(expression: &ast::Expression<&str>) -> Vec<Vec<Piece>> {
    match expression {
        ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }) => {
            vec![vec![Piece::Text((*value).into())]]
        }
        ast::Expression::Inline(_) => vec![vec![Piece::Any]],
        ast::Expression::Select { variants, .. } => variants
            .iter()
            .flat_map(|variant| readings(&variant.value))
            .collect(),
    }
}

/// Whether `text` reads as `pieces` (an argument stands for any non-empty text).
fn reads_as(text: &str, pieces: &[Piece]) -> bool {
    match pieces.split_first() {
        None => text.is_empty(),
        Some((Piece::Text(literal), rest)) => text
            .strip_prefix(literal.as_str())
            .is_some_and(|rest_text| reads_as(rest_text, rest)),
        Some((Piece::Any, rest)) => text
            .char_indices()
            .skip(1)
            .map(|(at, _)| at)
            .chain(std::iter::once(text.len()))
            .any(|at| reads_as(&text[at..], rest)),
    }
}

/// Each message of `lang`'s bundle, by id, as its possible readings.
fn messages(lang: Lang) -> Vec<(String, Vec<Vec<Piece>>)> {
    let mut out = Vec::new();
    for (_, source) in i18n::sources(lang) {
        let resource = parser::parse(*source).unwrap_or_else(|(resource, _)| resource);
        for entry in &resource.body {
            if let ast::Entry::Message(message) = entry
                && let Some(value) = &message.value
            {
                out.push((message.id.name.to_owned(), readings(value)));
            }
        }
    }
    out
}

/// Readings of English messages that no Portuguese reading of the same message shares, worth
/// looking for on screen: some literal words, not just an argument.
struct EnglishOnly {
    english: Vec<(String, Vec<Vec<Piece>>)>,
    portuguese: std::collections::HashMap<String, Vec<Vec<Piece>>>,
}

impl EnglishOnly {
    fn new() -> Self {
        Self {
            english: messages(Lang::En),
            portuguese: messages(Lang::PtBr).into_iter().collect(),
        }
    }

    /// The id of an English message that `text` reads as, if it does not also read as that
    /// message in Portuguese.
    fn message_of(&self, text: &str) -> Option<&str> {
        let text = text.trim();
        for (id, readings) in &self.english {
            let portuguese = self.portuguese.get(id).map_or(&[][..], Vec::as_slice);
            for reading in readings {
                let letters: usize = reading
                    .iter()
                    .map(|piece| match piece {
                        Piece::Text(text) => text.chars().filter(|c| c.is_alphabetic()).count(),
                        Piece::Any => 0,
                    })
                    .sum();
                if letters < 2 || !reads_as(text, reading) {
                    continue;
                }
                if !portuguese.iter().any(|pt| reads_as(text, pt)) {
                    return Some(id);
                }
            }
        }
        None
    }
}

/// Every text on screen: each accessible node's label and value, and the same without a
/// leading glyph ("👥 Equipe", "✔ Nenhum problema").
fn texts_on_screen(harness: &Harness<'_, FluxoApp>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for node in harness.root().children_recursive() {
        let accessible = node.accesskit_node();
        for text in [accessible.label(), accessible.value()]
            .into_iter()
            .flatten()
        {
            let text = text.trim().to_owned();
            if text.is_empty() {
                continue;
            }
            if let Some((glyph, rest)) = text.split_once(' ')
                && !glyph.chars().any(char::is_alphanumeric)
            {
                out.insert(rest.trim().to_owned());
            }
            out.insert(text);
        }
    }
    out
}

/// What the walk found still in English: (where, text, message id).
#[derive(Default)]
struct Findings {
    english: BTreeSet<(String, String, String)>,
    seen: usize,
    /// Names from the flow and the run, never worded: node ids, port names (`invalid` is a
    /// port of every Ask), weekdays as a run's `now.weekday` holds them (`Mon`).
    names: BTreeSet<String>,
}

impl Findings {
    fn new(flow: &fluxo_core::Flow) -> Self {
        let mut names: BTreeSet<String> = fluxo_core::flow::Weekday::ALL
            .iter()
            .map(|day| day.as_str().to_owned())
            .collect();
        for node in &flow.nodes {
            names.insert(node.id.clone());
            names.extend(node.kind.ports().iter().map(|port| (*port).to_owned()));
        }
        Self {
            names,
            ..Self::default()
        }
    }

    fn look(&mut self, harness: &Harness<'_, FluxoApp>, english: &EnglishOnly, place: &str) {
        for text in texts_on_screen(harness) {
            self.seen += 1;
            if self.names.contains(&text) {
                continue;
            }
            if let Some(id) = english.message_of(&text) {
                self.english
                    .insert((place.to_owned(), text.clone(), id.to_owned()));
            }
        }
    }
}

fn sample(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample_flows")
        .join(name)
}

fn portuguese_window(name: &str) -> Harness<'static, FluxoApp> {
    let mut app = FluxoApp::open(&sample(name));
    let ctx = egui::Context::default();
    app.set_language(&ctx, Lang::PtBr);
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1600.0, 1200.0))
        .build_ui_state(|ui, app: &mut FluxoApp| app.show(ui), app);
    harness.run();
    harness
}

fn click(harness: &mut Harness<'_, FluxoApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

fn key(harness: &mut Harness<'_, FluxoApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

fn select(harness: &mut Harness<'_, FluxoApp>, id: &str) {
    let mut selection = Selection::default();
    selection.select_only(id);
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply_commands(&ctx, vec![AppCommand::Select(selection)]);
    harness.run();
}

/// The walk: a Portuguese window, what it has seen still in English, and the texts English
/// alone has.
struct Walk {
    harness: Harness<'static, FluxoApp>,
    found: Findings,
    english: EnglishOnly,
}

impl Walk {
    fn look(&mut self, place: &str) {
        self.found.look(&self.harness, &self.english, place);
    }

    fn click(&mut self, label: &str) {
        click(&mut self.harness, label);
    }

    fn key(&mut self, modifiers: Modifiers, pressed: Key) {
        key(&mut self.harness, modifiers, pressed);
    }

    fn menus(&mut self) {
        for menu in ["Arquivo", "Editar", "Exibir", "Simulador", "Ajuda"] {
            self.click(menu);
            self.look(menu);
            self.key(Modifiers::NONE, Key::Escape);
        }
        self.click("Arquivo");
        self.harness.get_by_label("Abrir recente").hover();
        self.harness.run();
        self.look("Arquivo > Abrir recente");
        self.key(Modifiers::NONE, Key::Escape);
        self.click("🌐 Português (Brasil)");
        self.look("the language menu");
        self.key(Modifiers::NONE, Key::Escape);
    }

    /// The inspector of every kind of node, and of the flow; returns the nodes by kind.
    fn inspector(&mut self) -> Vec<(KindTag, String)> {
        let kinds: Vec<(KindTag, String)> = {
            let flow = &self.harness.state().doc().flow;
            KindTag::ALL
                .iter()
                .filter_map(|tag| {
                    let node = flow.nodes.iter().find(|node| node.kind.tag() == *tag)?;
                    Some((*tag, node.id.clone()))
                })
                .collect()
        };
        assert_eq!(kinds.len(), KindTag::ALL.len(), "the tour has every kind");
        for (tag, id) in &kinds {
            select(&mut self.harness, id);
            self.look(&format!("the inspector of {tag:?}"));
        }
        self.key(Modifiers::NONE, Key::Escape);
        self.look("the inspector of the flow");
        kinds
    }

    fn context_menu(&mut self) {
        let area = self.harness.state().canvas().area();
        let spot = Pos2::new(area.center().x, area.min.y + 20.0);
        self.harness.hover_at(spot);
        for pressed in [true, false] {
            self.harness.event(Event::PointerButton {
                pos: spot,
                button: PointerButton::Secondary,
                pressed,
                modifiers: Modifiers::NONE,
            });
        }
        self.harness.run();
        self.look("the canvas's context menu");
        self.key(Modifiers::NONE, Key::Escape);
    }

    fn team_and_shortcuts(&mut self) {
        self.click("👥 Equipe");
        assert!(self.harness.state().panels().team, "the team editor opens");
        self.look("the team editor");
        let ctx = self.harness.ctx.clone();
        self.harness
            .state_mut()
            .run_action(&ctx, Action::View(ViewAction::ToggleTeam));
        self.harness.run();
        self.key(Modifiers::NONE, Key::F1);
        self.look("the shortcuts sheet");
        self.key(Modifiers::NONE, Key::Escape);
    }

    /// The simulator dock: a run, each detail, each tab, run all.
    fn simulator(&mut self) {
        self.key(Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
        self.key(Modifiers::NONE, Key::F5);
        self.look("the simulator, a run");
        for detail in ["Eventos", "HTTP", "Equipe agora", "Variáveis"] {
            self.click(detail);
            self.look(&format!("the simulator's {detail}"));
        }
        self.click("Cenários");
        self.look("the scenario editor");
        self.click("Executar todos");
        self.click("▶ Executar todos");
        for _ in 0..200 {
            if !self.harness.state().sim().is_running_all() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
            self.harness.run();
        }
        self.harness.run();
        self.look("run all");
        self.key(Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
    }

    /// A change, then the prompts in front of losing it, then the start page.
    fn prompts(&mut self, node: &str) {
        select(&mut self.harness, node);
        self.key(Modifiers::NONE, Key::Delete);
        self.key(Modifiers::COMMAND, Key::N);
        self.look("the unsaved-changes prompt");
        self.click("Cancelar");
        self.key(Modifiers::COMMAND, Key::W);
        self.look("the back-without-saving prompt");
        self.click("Descartar e voltar");
        self.look("the start page");
    }
}

#[test]
fn the_window_speaks_portuguese_everywhere() {
    i18n::record_gaps();
    let harness = portuguese_window("tour.flow.ron");
    let found = Findings::new(&harness.state().doc().flow);
    let mut walk = Walk {
        harness,
        found,
        english: EnglishOnly::new(),
    };
    walk.look("the editor");
    walk.menus();
    let kinds = walk.inspector();
    walk.context_menu();
    walk.team_and_shortcuts();
    walk.simulator();
    let server = Server::start();
    walk.live(&server);
    walk.load();
    walk.compare();
    walk.prompts(&kinds[1].1);

    assert!(
        walk.found.seen > 500,
        "the walk saw {} texts",
        walk.found.seen
    );
    let english: Vec<String> = walk
        .found
        .english
        .iter()
        .map(|(place, text, id)| format!("{place}: {text:?} ({id})"))
        .collect();
    assert!(
        english.is_empty(),
        "still in English:\n{}",
        english.join("\n")
    );
    let gaps = i18n::take_gaps();
    assert!(gaps.is_empty(), "messages missing: {gaps:?}");
}

/// The window on a broken file, the simulator run to its end, a notice in the status bar: all
/// in English, then all in Portuguese once the language is switched.
#[test]
fn switching_the_language_rewords_what_is_on_screen() {
    let app = FluxoApp::open(&sample("carteirizacao.flow.ron"));
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1440.0, 900.0))
        .build_ui_state(|ui, app: &mut FluxoApp| app.show(ui), app);
    harness.run();
    // A notice in the status bar, and a run's chat.
    key(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(harness.query_all_by_label("Nothing to undo").count() >= 1);
    key(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "Scenario")
        .click();
    harness.run();
    click(&mut harness, "Gerente disponível: chat transferido");
    key(&mut harness, Modifiers::NONE, Key::F5);
    harness.get_by_label("Assigned to Ana Souza — transfer through the platform API");
    harness.get_by_label("Ended — at fim");

    let ctx = harness.ctx.clone();
    harness.state_mut().set_language(&ctx, Lang::PtBr);
    harness.run();
    assert!(harness.query_all_by_label("Nada para desfazer").count() >= 1);
    assert!(harness.query_by_label("Nothing to undo").is_none());
    assert_eq!(harness.state().notices(), ["Nada para desfazer"]);
    harness.get_by_label("Atribuído a Ana Souza — transferência pela API da plataforma");
    harness.get_by_label("Encerrado — em fim");
    assert!(
        harness
            .query_by_label("Assigned to Ana Souza — transfer through the platform API")
            .is_none(),
        "the chat is worded again"
    );
}

#[test]
fn a_broken_file_is_named_and_explained_in_the_language_of_the_moment() {
    let app = FluxoApp::open(Path::new("/no/such/folder/x.flow.ron"));
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1440.0, 900.0))
        .build_ui_state(|ui, app: &mut FluxoApp| app.show(ui), app);
    harness.run();
    assert_eq!(harness.state().title(), "New flow — fluxo");
    harness.get_by_label_contains("Could not open /no/such/folder/x.flow.ron");
    let ctx = harness.ctx.clone();
    harness.state_mut().set_language(&ctx, Lang::PtBr);
    harness.run();
    assert_eq!(harness.state().title(), "Novo fluxo — fluxo");
    harness.get_by_label_contains("Não foi possível abrir /no/such/folder/x.flow.ron");
    assert!(
        harness.state().doc().flow.name.is_empty(),
        "no name is saved"
    );
}

#[test]
fn the_english_only_finder_sees_english_and_lets_portuguese_pass() {
    let english = EnglishOnly::new();
    assert_eq!(
        english.message_of("Nothing to undo"),
        Some("window-nothing-to-undo")
    );
    assert_eq!(english.message_of("Nada para desfazer"), None);
    assert_eq!(english.message_of("3 errors"), Some("window-errors-count"));
    assert_eq!(english.message_of("3 erros"), None);
    assert_eq!(
        english.message_of("Step 2 of 9"),
        Some("sim-step-n-of-total")
    );
    assert_eq!(english.message_of("Status"), None, "the same in both");
    assert_eq!(english.message_of("consulta_gerente"), None, "an id");
}

/// A Portuguese message left in English would pass the walk above (it reads the same in both
/// bundles): every window message that reads the same in both must be one of these, words
/// Brazilian teams use as they are.
#[test]
fn the_portuguese_bundle_leaves_nothing_in_english_by_mistake() {
    const THE_SAME_IN_BOTH: &[&str] = &[
        "action-view-lang-english",
        "action-view-lang-portuguese",
        "event-status-offline",
        "event-status-online",
        "inspector-id",
        "inspector-origin-chat",
        "inspector-origin-set-by",
        "key-backspace",
        "key-delete",
        "key-enter",
        "key-tab",
        "sim-chats",
        "sim-http",
        "sim-status",
        "team-offline",
        "team-online",
        "team-status",
        "window-detail",
        "window-ok",
        "window-zoom-percent",
    ];
    let portuguese: std::collections::HashMap<String, Vec<Vec<Piece>>> =
        messages(Lang::PtBr).into_iter().collect();
    let mut unexpected = Vec::new();
    for (id, english) in messages(Lang::En) {
        // The command line's and the checks' bundles have their own owners and tests.
        if id.starts_with("cli-") || id.starts_with("finding") {
            continue;
        }
        // A message with no words of its own (`{ $path }: { $old } -> { $new }`) reads the same.
        let has_words = english.iter().flatten().any(|piece| match piece {
            Piece::Text(text) => text.chars().any(char::is_alphabetic),
            Piece::Any => false,
        });
        if has_words
            && portuguese.get(&id) == Some(&english)
            && !THE_SAME_IN_BOTH.contains(&id.as_str())
        {
            unexpected.push(id);
        }
    }
    assert!(
        unexpected.is_empty(),
        "the same in English and Portuguese: {unexpected:?}"
    );
}
