//! The inspector: a form for the selected node (every field of its kind), or the flow's name and
//! description when nothing is selected.
//!
//! The panel reads the flow and pushes edits; it never mutates the flow. A node's fields are
//! edited on a working copy of its kind, which becomes one `SetKind` (typing merges by field) or,
//! with a port rename or a removed case, one `Batch`.

mod condition;
mod flow_props;
pub(crate) mod form;
mod header;
mod kinds;
mod live_answer;
mod live_chat;
mod live_send;
mod request;
mod tables;
pub(crate) mod template_edit;

use fluxo_core::flow::{Node, NodeKind, names_in_scope};
use fluxo_core::{Command, Finding};

use super::Edit;
use super::context::{AppCommand, FrameCx, Panel};
use crate::ui::widgets::fields::Change;
use form::Form;
pub use live_send::badge_ui as live_badge_ui;

/// The inspector panel: the form of the selected node, else the flow's properties. It also owns
/// the Request nodes' "Send for real" (the values given, the request under way, the answers).
#[derive(Default)]
pub struct Inspector {
    live: live_send::LiveSend,
}

impl Inspector {
    /// The scenario "Send for real" uses and keeps its mocks in: the simulator's picked one.
    pub fn set_scenario(&mut self, index: usize) {
        self.live.set_scenario(index);
    }

    /// Whether a request is on its way to the real API.
    pub fn is_sending_live(&self) -> bool {
        self.live.is_sending()
    }

    /// Picks up a live answer that arrived (every frame, whether the inspector shows or not).
    pub fn poll_live(&mut self, ctx: &egui::Context) {
        self.live.poll(ctx);
    }

    /// The status of the last live answer of `node` (none until one came back).
    pub fn live_status(&self, node: &str) -> Option<u16> {
        let sent = self.live.answer(node)?;
        let result = sent.result.as_ref().ok()?;
        result.outcome.as_ref().ok().map(|received| received.status)
    }
}

impl Panel for Inspector {
    /// Draws the form for the selected node (or the flow's properties); the user's edits go to
    /// `out`.
    fn ui(&mut self, ui: &mut egui::Ui, cx: &FrameCx<'_>, out: &mut Vec<AppCommand>) {
        let mut edits = Vec::new();
        egui::ScrollArea::vertical()
            .id_salt("fluxo.inspector.scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.spacing_mut().item_spacing.y = 5.0;
                match cx.selected_node() {
                    Some(node) => node_ui(ui, cx, node, &mut edits, &mut self.live),
                    None => flow_props::flow_ui(ui, cx, &mut edits),
                }
            });
        out.extend(edits.into_iter().map(AppCommand::Edit));
    }
}

fn node_ui(
    ui: &mut egui::Ui,
    cx: &FrameCx<'_>,
    node: &Node,
    edits: &mut Vec<Edit>,
    live: &mut live_send::LiveSend,
) {
    let (flow, findings) = (cx.flow, cx.findings);
    let node_findings: Vec<&Finding> = findings
        .iter()
        .filter(|finding| finding.node.as_deref() == Some(node.id.as_str()))
        .collect();
    let mut form = Form::new(
        flow,
        &node.id,
        node_findings,
        names_in_scope(flow, &node.id),
        cx.lang,
    );
    header::header_ui(&mut form, ui, node, edits);
    header::findings_box_ui(&form, ui);
    let mut kind = node.kind.clone();
    ui.add_space(4.0);
    kind_form_ui(&mut form, ui, &mut kind);
    if matches!(node.kind, NodeKind::Request { .. }) {
        ui.add_space(4.0);
        live.ui(ui, cx.lang, flow, node, edits);
    }
    ui.add_space(8.0);
    header::exits_ui(&form, ui, &kind);
    if let Some(edit) = node_edit(&node.id, &node.kind, kind, form) {
        edits.push(edit);
    }
}

/// The edit the form asked for this frame, if any.
fn node_edit(id: &str, before: &NodeKind, after: NodeKind, form: Form<'_>) -> Option<Edit> {
    if &after == before && form.extra.is_empty() {
        return None;
    }
    let set = Command::SetKind {
        id: id.to_owned(),
        kind: after,
    };
    let Form { extra, change, .. } = form;
    if extra.is_empty() {
        return Some(match change {
            Some(Change::Typing(key)) => Edit::typing(set, key),
            _ => Edit::new(set),
        });
    }
    let mut commands = vec![set];
    commands.extend(extra);
    Some(Edit::new(Command::Batch(commands)))
}

/// The form of the node's kind.
fn kind_form_ui(form: &mut Form<'_>, ui: &mut egui::Ui, kind: &mut NodeKind) {
    match kind {
        NodeKind::Entry { channels } => kinds::entry_ui(form, ui, channels),
        NodeKind::Message { text, buttons } => kinds::message_ui(form, ui, text, buttons),
        NodeKind::Ask {
            prompt,
            save_as,
            expect,
            retries,
            retry_message,
            timeout_s,
        } => kinds::ask_ui(
            form,
            ui,
            kinds::AskFields {
                prompt,
                save_as,
                expect,
                retries,
                retry_message,
                timeout_s,
            },
        ),
        NodeKind::Request {
            method,
            url,
            headers,
            body,
            timeout_ms,
            save,
        } => request::request_ui(
            form,
            ui,
            request::RequestFields {
                method,
                url,
                headers,
                body,
                timeout_ms,
                save,
            },
        ),
        NodeKind::Condition { cases } => condition::condition_ui(form, ui, cases),
        NodeKind::SetVariable { set } => kinds::set_variable_ui(form, ui, set),
        NodeKind::BusinessHours { schedule } => kinds::business_hours_ui(form, ui, schedule),
        NodeKind::Queue { queue, message } => kinds::queue_ui(form, ui, queue, message),
        NodeKind::LiveChat {
            department,
            route,
            integration_id,
            skill_id,
            extra_info,
            contact_info,
            wait_timeout_s,
            inactivity_timeout_s,
            include_history,
            result_variable,
            closing_message,
        } => live_chat::live_chat_ui(
            form,
            ui,
            live_chat::LiveChatFields {
                department,
                route,
                integration_id,
                skill_id,
                extra_info,
                contact_info,
                wait_timeout_s,
                inactivity_timeout_s,
                include_history,
                result_variable,
                closing_message,
            },
        ),
        NodeKind::End { message } => kinds::end_ui(form, ui, message),
        NodeKind::SubFlow { flow } => kinds::subflow_ui(form, ui, flow),
    }
}
