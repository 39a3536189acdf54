//! Applying the frame's edits through the history, undo and redo, keeping the selection valid,
//! and re-running the checks when (and only when) the flow changed.

use std::time::{Duration, Instant};

use fluxo_core::Command;
use fluxo_core::edit::EditError;

use super::{CHECK_PAUSE_S, FluxoApp, SLOW_CHECK};
use crate::ui::Edit;
use crate::ui::context::Message;
use crate::ui::findings::{self, Counts};

impl FluxoApp {
    /// Applies the frame's edits once, in order. A refused edit changes nothing and is shown.
    pub fn apply_edits(&mut self, ctx: &egui::Context, edits: Vec<Edit>) {
        let now = ctx.input(|i| i.time);
        let mut changed = false;
        for edit in edits {
            let mut renames = Vec::new();
            collect_renames(&edit.command, &mut renames);
            let result = match &edit.merge_key {
                Some(key) => {
                    self.state
                        .doc
                        .history
                        .apply_merged(&mut self.state.doc.flow, edit.command, key)
                }
                None => self
                    .state
                    .doc
                    .history
                    .apply(&mut self.state.doc.flow, edit.command),
            };
            match result {
                Ok(()) => {
                    changed = true;
                    for (from, to) in renames {
                        self.state.selection.rename(&from, &to);
                    }
                }
                Err(err) => self.notices.push(refusal(&err), true, now),
            }
        }
        if changed {
            self.flow_changed(ctx, now);
        }
    }

    /// Undoes the last step; the selection follows renamed nodes and picks restored ones.
    pub fn undo(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        let before = self.node_ids();
        if self.state.doc.history.undo(&mut self.state.doc.flow) {
            self.follow_history(&before);
            self.flow_changed(ctx, now);
        } else {
            self.notices
                .push(Message::new("window-nothing-to-undo"), false, now);
        }
    }

    /// Redoes the last undone step; the selection follows as for undo.
    pub fn redo(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        let before = self.node_ids();
        if self.state.doc.history.redo(&mut self.state.doc.flow) {
            self.follow_history(&before);
            self.flow_changed(ctx, now);
        } else {
            self.notices
                .push(Message::new("window-nothing-to-redo"), false, now);
        }
    }

    fn node_ids(&self) -> Vec<String> {
        self.state
            .doc
            .flow
            .nodes
            .iter()
            .map(|node| node.id.clone())
            .collect()
    }

    /// After undo or redo: a node whose id changed in place (a rename undone or redone) stays
    /// selected under its new id; nodes that came back (a delete undone, an add redone) become
    /// the selection, so that what changed is what is selected.
    fn follow_history(&mut self, before: &[String]) {
        let after = self.node_ids();
        if before.len() == after.len() {
            for (old, new) in before.iter().zip(&after) {
                if old != new {
                    self.state.selection.rename(old, new);
                }
            }
            return;
        }
        let known: std::collections::HashSet<&str> = before.iter().map(String::as_str).collect();
        let appeared: Vec<String> = after
            .into_iter()
            .filter(|id| !known.contains(id.as_str()))
            .collect();
        if !appeared.is_empty() {
            self.state.selection.set(appeared);
        }
    }

    fn flow_changed(&mut self, ctx: &egui::Context, now: f64) {
        // The edit landed after this frame was drawn: draw the new flow at once.
        ctx.request_repaint();
        self.state.revision += 1;
        self.state.changed_at = now;
        let flow = &self.state.doc.flow;
        self.state.selection.retain(|id| flow.node(id).is_some());
    }

    /// Re-runs the checks when the flow changed; a slow check waits for a pause in typing.
    pub(super) fn refresh_findings(&mut self, ctx: &egui::Context) {
        if self.state.findings.revision == Some(self.state.revision) {
            return;
        }
        let now = ctx.input(|i| i.time);
        let since = now - self.state.changed_at;
        if self.state.findings.revision.is_some()
            && self.state.findings.last_run > SLOW_CHECK
            && since < CHECK_PAUSE_S
        {
            ctx.request_repaint_after(Duration::from_secs_f64(CHECK_PAUSE_S - since));
            return;
        }
        let started = Instant::now();
        let list = (self.checker)(&self.state.doc.flow);
        self.state.findings.last_run = started.elapsed();
        self.state.findings.badges = findings::badges(&list);
        self.state.findings.counts = Counts::of(&list);
        self.state.findings.list = list;
        self.state.findings.revision = Some(self.state.revision);
        ctx.request_repaint();
    }

    /// Typing merges into one undo step until the focus moves or a pointer gesture ends.
    pub(super) fn seal_when_gesture_ends(&mut self, ctx: &egui::Context) {
        let focused = ctx.memory(egui::Memory::focused);
        let released = ctx.input(|i| i.pointer.any_released());
        if focused != self.focused || released {
            self.state.doc.history.seal();
        }
        self.focused = focused;
    }
}

/// Every rename inside a command (batches included), so that the selection can follow.
fn collect_renames(command: &Command, out: &mut Vec<(String, String)>) {
    match command {
        Command::Rename { from, to } => out.push((from.clone(), to.clone())),
        Command::Batch(commands) => {
            for command in commands {
                collect_renames(command, out);
            }
        }
        _ => {}
    }
}

/// Why the history refused an edit, as a notice.
fn refusal(err: &EditError) -> Message {
    match err {
        EditError::NoSuchNode(id) => {
            Message::new("window-refused-no-such-node").with("id", id.as_str())
        }
        EditError::IdTaken(id) => Message::new("window-refused-id-taken").with("id", id.as_str()),
        EditError::InvalidId(id) => {
            Message::new("window-refused-invalid-id").with("id", id.as_str())
        }
        EditError::LastEntry => Message::new("window-refused-last-entry"),
        EditError::SecondEntry => Message::new("window-refused-second-entry"),
        EditError::NoSuchPort { node, port } => Message::new("window-refused-no-such-port")
            .with("node", node.as_str())
            .with("port", port.as_str()),
        EditError::IntoEntry => Message::new("window-refused-into-entry"),
        EditError::NotConnected { node, port } => Message::new("window-refused-not-connected")
            .with("node", node.as_str())
            .with("port", port.as_str()),
        EditError::BadIndex => Message::new("window-refused-bad-index"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renames_inside_batches_are_followed() {
        let mut out = Vec::new();
        collect_renames(
            &Command::Batch(vec![Command::Rename {
                from: "a".into(),
                to: "b".into(),
            }]),
            &mut out,
        );
        assert_eq!(out, vec![("a".to_owned(), "b".to_owned())]);
    }
}
