//! A window to look at the inspector and the team editor on the SPEC example flow, with one node
//! of every kind added, outside the app: a node list on the left, the inspector on the right,
//! the team editor in the middle. Edits go through a `History` like in the app.
//!
//! ```text
//! cargo run --example inspector_preview -- [--select ID] [--sheet ID,ID] [--lang pt] [--light]
//!     [--findings]
//! ```
//! `--sheet` shows more inspectors side by side instead of the team editor. `--findings` adds preview-only findings (names that are not in scope) to show how the
//! inspector places them.

use std::path::Path;

use eframe::egui;
use fluxo::i18n::Lang;
use fluxo::ui::context::{AppCommand, Badges, FrameCx, Overlay, Panel as _, Selection};
use fluxo::ui::inspector::Inspector;
use fluxo::ui::team_panel::TeamPanel;
use fluxo::ui::theme;
use fluxo_core::check::Args;
use fluxo_core::flow::{
    AskExpect, Case, Edge, Flow, Mode, Node, NodeKind, Op, Route, Rule, is_in_scope, names_in_scope,
};
use fluxo_core::{Code, Command, Finding, History, Severity};

struct Preview {
    flow: Flow,
    history: History,
    selected: Option<String>,
    lang: Lang,
    is_dark: bool,
    show_findings: bool,
    /// Extra inspectors shown side by side in the middle instead of the team editor.
    sheet: Vec<String>,
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value_of = |flag: &str| {
        args.iter()
            .position(|arg| arg == flag)
            .and_then(|at| args.get(at + 1))
            .cloned()
    };
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("core/tests/data/spec_example.flow.ron");
    let mut flow = fluxo_core::load(&path)?.flow;
    add_every_kind(&mut flow);
    let preview = Preview {
        flow,
        history: History::default(),
        selected: value_of("--select"),
        lang: if value_of("--lang").as_deref() == Some("pt") {
            Lang::PtBr
        } else {
            Lang::En
        },
        is_dark: !args.iter().any(|arg| arg == "--light"),
        show_findings: args.iter().any(|arg| arg == "--findings"),
        sheet: value_of("--sheet")
            .map(|ids| ids.split(',').map(str::to_owned).collect())
            .unwrap_or_default(),
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1560.0, 960.0])
            .with_position([10.0, 10.0])
            .with_title("fluxo — inspector preview"),
        ..Default::default()
    };
    eframe::run_native(
        "fluxo-inspector-preview",
        options,
        Box::new(|_| Ok(Box::new(preview))),
    )
    .map_err(|err| anyhow::anyhow!("{err}"))
}

/// The frame context of an inspector showing `selection`.
fn frame_cx<'a>(
    flow: &'a Flow,
    selection: &'a Selection,
    findings: &'a [Finding],
    lang: Lang,
) -> FrameCx<'a> {
    static BADGES: std::sync::LazyLock<Badges> = std::sync::LazyLock::new(Badges::new);
    static OVERLAY: std::sync::LazyLock<Overlay> = std::sync::LazyLock::new(Overlay::default);
    FrameCx {
        flow,
        path: None,
        revision: 0,
        selection,
        findings,
        badges: &BADGES,
        overlay: &OVERLAY,
        lang,
    }
}

/// A selection of `id` alone, or of nothing.
fn selection_of(id: Option<&str>) -> Selection {
    let mut selection = Selection::default();
    if let Some(id) = id {
        selection.select_only(id);
    }
    selection
}

impl eframe::App for Preview {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        ui.ctx().set_visuals(if self.is_dark {
            egui::Visuals::dark()
        } else {
            egui::Visuals::light()
        });
        let findings = if self.show_findings {
            preview_findings(&self.flow)
        } else {
            Vec::new()
        };
        let mut out: Vec<AppCommand> = Vec::new();
        egui::Panel::left("nodes")
            .exact_size(190.0)
            .show(ui, |ui| self.node_list_ui(ui));
        let selection = selection_of(self.selected.as_deref());
        let cx = frame_cx(&self.flow, &selection, &findings, self.lang);
        egui::Panel::right("inspector")
            .exact_size(420.0)
            .show(ui, |ui| Inspector::default().ui(ui, &cx, &mut out));
        egui::CentralPanel::default().show(ui, |ui| {
            if self.sheet.is_empty() {
                TeamPanel.ui(ui, &cx, &mut out);
                return;
            }
            ui.columns(self.sheet.len(), |columns| {
                for (column, id) in columns.iter_mut().zip(&self.sheet) {
                    let selection = selection_of(Some(id));
                    let cx = frame_cx(&self.flow, &selection, &findings, self.lang);
                    column.push_id(id, |ui| Inspector::default().ui(ui, &cx, &mut out));
                }
            });
        });
        self.apply(ui.ctx(), out);
    }
}

impl Preview {
    fn node_list_ui(&mut self, ui: &mut egui::Ui) {
        ui.heading("fluxo");
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.lang, Lang::En, "EN");
            ui.selectable_value(&mut self.lang, Lang::PtBr, "PT");
            ui.checkbox(&mut self.is_dark, "dark");
        });
        ui.checkbox(&mut self.show_findings, "findings");
        ui.separator();
        if ui
            .selectable_label(self.selected.is_none(), "(flow)")
            .clicked()
        {
            self.selected = None;
        }
        for node in &self.flow.nodes {
            let tag = node.kind.tag();
            let text = egui::RichText::new(&node.id).color(theme::kind_color(tag));
            let is_selected = self.selected.as_deref() == Some(node.id.as_str());
            if ui.selectable_label(is_selected, text).clicked() {
                self.selected = Some(node.id.clone());
            }
        }
        ui.separator();
        ui.label(format!("undo steps: {}", self.history.undo_len()));
        if ui.button("undo").clicked() {
            self.history.undo(&mut self.flow);
        }
    }

    /// Applies the frame's edits like the app: typing merges, a rename moves the selection.
    fn apply(&mut self, ctx: &egui::Context, commands: Vec<AppCommand>) {
        for command in commands {
            let AppCommand::Edit(edit) = command else {
                continue;
            };
            if let Command::Rename { from, to } = &edit.command
                && self.selected.as_deref() == Some(from.as_str())
            {
                self.selected = Some(to.clone());
            }
            let result = match &edit.merge_key {
                Some(key) => self
                    .history
                    .apply_merged(&mut self.flow, edit.command.clone(), key),
                None => self.history.apply(&mut self.flow, edit.command.clone()),
            };
            if let Err(err) = result {
                eprintln!("edit refused: {err}");
            }
        }
        if ctx.memory(|memory| memory.focused().is_none()) {
            self.history.seal();
        }
    }
}

/// Names that are not in scope, as the checks would report them: only for this preview.
fn preview_findings(flow: &Flow) -> Vec<Finding> {
    let mut out = Vec::new();
    for node in &flow.nodes {
        let scope = names_in_scope(flow, &node.id);
        for field in node.kind.template_fields() {
            for name in fluxo_core::template::names_in(field.text) {
                if !is_in_scope(&scope, &name) {
                    out.push(Finding {
                        args: Args::new()
                            .text("name", name)
                            .suggestion("suggestion", None),
                        ..Finding::new(
                            Severity::Error,
                            Code::UnknownVariable,
                            Some(node.id.clone()),
                            Some(field.path()),
                        )
                    });
                }
            }
        }
        for port in node.kind.ports() {
            if flow.edge_from(&node.id, port).is_none() {
                out.push(Finding {
                    args: Args::new().text("port", port),
                    ..Finding::new(
                        Severity::Warning,
                        Code::DanglingPort,
                        Some(node.id.clone()),
                        Some(port.to_owned()),
                    )
                });
            }
        }
    }
    out
}

/// Adds a node of every kind the SPEC example lacks, wired after `fila`'s alternatives.
fn add_every_kind(flow: &mut Flow) {
    let nodes = [
        Node::new(
            "boas_vindas",
            (40.0, 320.0),
            NodeKind::Message {
                text: "Olá, {{contact.name}}! Sou o assistente da {{empresa}}.".into(),
                buttons: vec!["Falar com atendente".into(), "Ver meus pedidos".into()],
            },
        ),
        Node::new(
            "pede_cpf",
            (260.0, 320.0),
            NodeKind::Ask {
                prompt: "Qual é o seu CPF, {{contact.name}}?".into(),
                save_as: "cpf".into(),
                expect: AskExpect::Cpf,
                retries: 2,
                retry_message: "Não reconheci esse CPF. Pode digitar de novo?".into(),
                timeout_s: 300,
            },
        ),
        Node::new(
            "marca_vip",
            (480.0, 320.0),
            NodeKind::SetVariable {
                set: [
                    ("empresa".to_owned(), "Huggy".to_owned()),
                    (
                        "contact.custom.plano".to_owned(),
                        "{{plano_atual}}".to_owned(),
                    ),
                ]
                .into_iter()
                .collect(),
            },
        ),
        Node::new(
            "horario",
            (700.0, 320.0),
            NodeKind::BusinessHours {
                schedule: "Expediente".into(),
            },
        ),
        Node::new(
            "humano",
            (920.0, 320.0),
            NodeKind::LiveChat {
                department: "Suporte".into(),
                route: Route::AgentFromField("gerente_de_contas".into()),
                integration_id: 2,
                skill_id: "adf003438nsfmvof9d0s0emds".into(),
                extra_info: [("matricula".to_owned(), "<? $cpf ?>".to_owned())]
                    .into_iter()
                    .collect(),
                contact_info: [("nome".to_owned(), "{{contact.name}}".to_owned())]
                    .into_iter()
                    .collect(),
                wait_timeout_s: 120,
                inactivity_timeout_s: 600,
                include_history: true,
                result_variable: "transfer_response".into(),
                closing_message: "Obrigado pelo contato, {{contact.name}}!".into(),
            },
        ),
        Node::new(
            "pesquisa",
            (1140.0, 320.0),
            NodeKind::Condition {
                cases: vec![Case {
                    port: "cliente_fechou".into(),
                    mode: Mode::Any,
                    rules: vec![
                        Rule {
                            var: "live_chat.status".into(),
                            op: Op::Equals,
                            value: "user_closed".into(),
                        },
                        Rule {
                            var: "cpf".into(),
                            op: Op::IsNotEmpty,
                            value: String::new(),
                        },
                    ],
                }],
            },
        ),
    ];
    flow.nodes.extend(nodes);
    flow.edges.extend([
        Edge::new("boas_vindas", "next", "pede_cpf"),
        Edge::new("pede_cpf", "answered", "marca_vip"),
        Edge::new("marca_vip", "next", "horario"),
        Edge::new("horario", "open", "humano"),
        Edge::new("horario", "closed", "fila"),
        Edge::new("humano", "user_closed", "pesquisa"),
        Edge::new("pesquisa", "cliente_fechou", "fim"),
    ]);
}
