//! The team editor: the mocked account the flow is designed for (api base, departments, agents,
//! custom fields, schedules, waiting counts). The checks and the simulator read it.
//!
//! Like the inspector, the editor works on a copy of the team and pushes one `SetTeam` with the
//! whole new team when something changed; typing in a field merges by the field's key.

mod agents;
mod custom_fields;
mod departments;
mod schedules;

use egui::{Id, RichText, Ui};
use fluxo_core::Command;
use fluxo_core::flow::Team;

use super::Edit;
use super::context::{AppCommand, FrameCx, Panel};
use super::widgets::fields::Change;
use super::widgets::fields::{self, Controls};
use crate::i18n::Lang;

/// The team editor's form: how the copy changed this frame.
pub(crate) struct TeamForm {
    lang: Lang,
    change: Option<Change>,
}

impl Controls for TeamForm {
    fn id(&self, path: &str) -> Id {
        Id::unique(("fluxo.team", path))
    }

    fn typing(&mut self, path: &str) {
        if self.change.is_none() {
            self.change = Some(Change::Typing(format!("team:{path}")));
        }
    }

    fn step(&mut self) {
        self.change = Some(Change::Step);
    }

    fn lang(&self) -> Lang {
        self.lang
    }
}

impl TeamForm {
    /// A label above a field.
    pub(crate) fn label(ui: &mut Ui, text: &str) -> egui::Response {
        fields::label_ui(ui, text, None)
    }

    /// A small grey column header.
    pub(crate) fn header(ui: &mut Ui, text: &str) {
        ui.label(RichText::new(text).small().weak());
    }
}

/// The team editor panel.
#[derive(Clone, Copy, Debug, Default)]
pub struct TeamPanel;

impl Panel for TeamPanel {
    /// Draws the team editor; the user's edit (one `Command::SetTeam`) goes to `out`.
    fn ui(&mut self, ui: &mut Ui, cx: &FrameCx<'_>, out: &mut Vec<AppCommand>) {
        if let Some(edit) = team_ui(ui, &cx.flow.team, cx.lang) {
            out.push(AppCommand::Edit(edit));
        }
    }
}

/// Draws the team editor; the edit the user made, if any.
fn team_ui(ui: &mut Ui, team: &Team, lang: Lang) -> Option<Edit> {
    let mut form = TeamForm { lang, change: None };
    let mut working = team.clone();
    egui::ScrollArea::vertical()
        .id_salt("fluxo.team.scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.spacing_mut().item_spacing.y = 5.0;
            ui.label(RichText::new(form.tr("team-team")).size(17.0).strong());
            fields::help_ui(ui, form.tr("team-mocked-account-flow-designed-checks"));
            ui.add_space(4.0);
            api_base_ui(&mut form, ui, &mut working);
            departments::departments_ui(&mut form, ui, &mut working);
            agents::agents_ui(&mut form, ui, &mut working);
            custom_fields::custom_fields_ui(&mut form, ui, &mut working);
            schedules::schedules_ui(&mut form, ui, &mut working);
            departments::waiting_ui(&mut form, ui, &mut working);
        });
    if working == *team {
        return None;
    }
    let command = Command::SetTeam(working);
    Some(match form.change {
        Some(Change::Typing(key)) => Edit::typing(command, key),
        _ => Edit::new(command),
    })
}

fn api_base_ui(form: &mut TeamForm, ui: &mut Ui, team: &mut Team) {
    let label = TeamForm::label(ui, form.tr("team-platform-api-base-url"));
    form.text_inline(
        ui,
        "api_base",
        &mut team.api_base,
        "https://api.huggy.app/v3",
        f32::INFINITY,
        Some(label.id),
    );
    fields::help_ui(ui, form.tr("team-urls-simulator-answers-get-agents"));
}
