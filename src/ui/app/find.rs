//! Find a node (Ctrl+F): a small search box over the canvas listing the nodes whose id or text
//! matches as one types (id, kind, summary). Enter or a click selects the match and centres the
//! view on it; arrows move through the list; Escape closes.

use egui::{Key, RichText};
use fluxo_core::Flow;
use fluxo_core::flow::NodeId;

use crate::i18n::Lang;
use crate::ui::canvas::summary::summary;
use crate::ui::context::{AppCommand, FrameCx, NodeFocus};
use crate::ui::theme;

/// At most this many matches are listed.
const MAX_MATCHES: usize = 40;

/// The search box's state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FindBox {
    is_open: bool,
    query: String,
    /// Index of the highlighted match.
    highlighted: usize,
    /// Give the field the keyboard on the next frame.
    wants_focus: bool,
}

/// One node that matches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    pub id: NodeId,
    pub kind: &'static str,
    pub summary: String,
}

/// What the user did in the box this frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FindChoice {
    /// Show this node (a click: the box stays).
    Show(NodeId),
    /// Show it and close the box (Enter).
    ShowAndClose(NodeId),
}

impl FindBox {
    pub fn open(&mut self) {
        self.is_open = true;
        self.wants_focus = true;
    }

    pub fn close(&mut self) {
        self.is_open = false;
    }

    pub fn is_open(&self) -> bool {
        self.is_open
    }

    /// Draws the box at the top of `area` (the canvas); a node chosen is shown.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        cx: &FrameCx<'_>,
        area: egui::Rect,
        out: &mut Vec<AppCommand>,
    ) {
        if !self.is_open {
            return;
        }
        let flow = cx.flow;
        let lang = cx.lang;
        let matches = find(flow, &self.query, lang);
        self.highlighted = self.highlighted.min(matches.len().saturating_sub(1));
        let mut choice = None;
        let mut is_open = self.is_open;
        egui::Window::new(lang.tr("window-find-node"))
            .id(egui::Id::unique("fluxo.find"))
            .open(&mut is_open)
            .collapsible(false)
            .resizable(false)
            .fixed_pos(area.center_top() + egui::vec2(-190.0, 12.0))
            .fixed_size([380.0, 0.0])
            .show(ctx, |ui| {
                choice = self.contents_ui(ui, lang, &matches);
            });
        self.is_open = is_open;
        let id = match choice {
            Some(FindChoice::ShowAndClose(id)) => {
                self.is_open = false;
                id
            }
            Some(FindChoice::Show(id)) => id,
            None => return,
        };
        out.push(AppCommand::ShowNode(id, NodeFocus::Center));
    }

    fn contents_ui(
        &mut self,
        ui: &mut egui::Ui,
        lang: Lang,
        matches: &[Match],
    ) -> Option<FindChoice> {
        let label = ui.label(RichText::new(lang.tr("window-find-node-id-text")).small());
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut self.query)
                    .hint_text(lang.tr("window-id-or-text"))
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if self.wants_focus {
            field.request_focus();
            self.wants_focus = false;
        }
        if field.changed() {
            self.highlighted = 0;
        }
        let mut choice = None;
        if field.has_focus() {
            ui.input_mut(|i| {
                if i.consume_key(egui::Modifiers::NONE, Key::ArrowDown) {
                    self.highlighted = (self.highlighted + 1).min(matches.len().saturating_sub(1));
                }
                if i.consume_key(egui::Modifiers::NONE, Key::ArrowUp) {
                    self.highlighted = self.highlighted.saturating_sub(1);
                }
            });
        }
        if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Escape)) {
            self.is_open = false;
            return None;
        }
        if field.lost_focus()
            && ui.input(|i| i.key_pressed(Key::Enter))
            && let Some(found) = matches.get(self.highlighted)
        {
            choice = Some(FindChoice::ShowAndClose(found.id.clone()));
        }
        ui.separator();
        if matches.is_empty() {
            ui.weak(lang.tr("window-no-node-matches"));
            return choice;
        }
        egui::ScrollArea::vertical()
            .max_height(280.0)
            .show(ui, |ui| {
                for (index, found) in matches.iter().enumerate() {
                    let text = format!("{}  ·  {}", found.id, lang.tr(found.kind));
                    let row = ui
                        .selectable_label(index == self.highlighted, RichText::new(text).strong());
                    if !found.summary.is_empty() {
                        ui.label(RichText::new(&found.summary).weak().small());
                    }
                    if row.clicked() {
                        self.highlighted = index;
                        choice = Some(FindChoice::Show(found.id.clone()));
                    }
                }
            });
        choice
    }
}

/// The nodes matching `query` (case ignored): ids that start with it first, then ids that hold
/// it, then nodes whose text holds it. An empty query lists every node.
pub fn find(flow: &Flow, query: &str, lang: Lang) -> Vec<Match> {
    let query = query.trim().to_lowercase();
    let mut ranked: Vec<(u8, usize, Match)> = flow
        .nodes
        .iter()
        .enumerate()
        .filter_map(|(index, node)| {
            let id = node.id.to_lowercase();
            let tag = node.kind.tag();
            let line = summary(&node.kind, lang);
            let rank = if query.is_empty() || id.starts_with(&query) {
                0
            } else if id.contains(&query) {
                1
            } else if line.text.to_lowercase().contains(&query)
                || lang
                    .tr(theme::kind_label(tag))
                    .to_lowercase()
                    .contains(&query)
                || node
                    .kind
                    .template_fields()
                    .iter()
                    .any(|field| field.text.to_lowercase().contains(&query))
            {
                2
            } else {
                return None;
            };
            let summary = if line.is_placeholder {
                String::new()
            } else {
                line.text
            };
            Some((
                rank,
                index,
                Match {
                    id: node.id.clone(),
                    kind: theme::kind_label(tag),
                    summary,
                },
            ))
        })
        .collect();
    ranked.sort_by_key(|(rank, index, _)| (*rank, *index));
    ranked
        .into_iter()
        .take(MAX_MATCHES)
        .map(|(_, _, found)| found)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluxo_core::flow::{KindTag, Node, NodeKind};

    #[test]
    fn ids_first_then_texts() {
        let mut flow = Flow::new("t");
        flow.nodes.push(Node::new(
            "aviso",
            (0.0, 0.0),
            NodeKind::Message {
                text: "Vamos consultar seu gerente".into(),
                buttons: vec![],
            },
        ));
        flow.nodes.push(Node::new(
            "consulta",
            (0.0, 0.0),
            KindTag::Request.default_kind(),
        ));
        flow.nodes.push(Node::new(
            "nova_consulta",
            (0.0, 0.0),
            KindTag::Request.default_kind(),
        ));
        let english = Lang::En;
        let ids: Vec<String> = find(&flow, "CONSULT", english)
            .into_iter()
            .map(|found| found.id)
            .collect();
        assert_eq!(ids, ["consulta", "nova_consulta", "aviso"]);
        assert_eq!(find(&flow, "", english).len(), 4);
        assert!(find(&flow, "zzz", english).is_empty());
        assert_eq!(find(&flow, "http request", english).len(), 2);
    }
}
