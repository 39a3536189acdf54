//! The Portuguese walk's steps through Send for real (against a server on 127.0.0.1), the Load
//! tab (two days side by side) and Compare with saved (its list, two runs side by side, and Save
//! asking first).

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use fluxo::ui::app::FluxoApp;
use fluxo::ui::context::AppCommand;
use fluxo_core::flow::KindTag;

use super::{Walk, select};
use crate::server::Server;

impl Walk {
    /// Lets frames go by (one at a time: a spinner repaints for ever) until `done` holds.
    pub(super) fn wait(&mut self, what: &str, done: impl Fn(&FluxoApp) -> bool) {
        let started = std::time::Instant::now();
        while !done(self.harness.state()) {
            assert!(
                started.elapsed() < std::time::Duration::from_mins(1),
                "{what} took over a minute"
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
            self.harness.step();
        }
        self.harness.run();
    }

    pub(super) fn scroll_and_click(&mut self, label: &str) {
        self.harness.get_by_label(label).scroll_to_me();
        self.harness.run();
        self.click(label);
    }

    /// "Send for real" against a server on 127.0.0.1 (the team's API moved there), its answer,
    /// and "Keep as mock".
    pub(super) fn live(&mut self, server: &Server) {
        let mut team = self.harness.state().doc().flow.team.clone();
        team.api_base = server.base();
        let ctx = self.harness.ctx.clone();
        self.harness.state_mut().apply_commands(
            &ctx,
            vec![AppCommand::Edit(fluxo::ui::Edit::new(
                fluxo_core::Command::SetTeam(team),
            ))],
        );
        let request = self
            .harness
            .state()
            .doc()
            .flow
            .nodes
            .iter()
            .find(|node| node.kind.tag() == KindTag::Request)
            .map(|node| node.id.clone())
            .unwrap();
        select(&mut self.harness, &request);
        self.look("Send for real, before");
        self.harness
            .get_by_label("Enviar de verdade")
            .scroll_to_me();
        self.harness.run();
        self.harness.get_by_label("Enviar de verdade").click();
        self.harness.step();
        self.wait("Send for real", |app| !app.is_sending_live());
        assert!(
            !server.seen().is_empty(),
            "the request reached the local server"
        );
        self.look("Send for real, the answer");
        self.scroll_and_click("Guardar como mock");
        self.look("Keep as mock");
        self.key(Modifiers::NONE, Key::Escape);
    }

    /// The Load tab: no plan, a plan, a day, a second day beside the first.
    pub(super) fn load(&mut self) {
        self.key(Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
        self.click("Carga");
        self.look("the Load tab without a plan");
        self.click("Adicionar um plano de carga (30 conversas por hora)");
        self.look("the Load tab's plan");
        self.harness.get_by_label("▶ Simular o dia").click();
        self.harness.step();
        self.wait("a day", |app| !app.sim().load_tab().is_running());
        self.look("the Load tab, a day");
        let mut team = self.harness.state().doc().flow.team.clone();
        if let Some(agent) = team.agents.first_mut() {
            agent.capacity += 3;
        }
        let ctx = self.harness.ctx.clone();
        self.harness.state_mut().apply_commands(
            &ctx,
            vec![AppCommand::Edit(fluxo::ui::Edit::new(
                fluxo_core::Command::SetTeam(team),
            ))],
        );
        self.harness.run();
        self.look("the Load tab, a day older than the flow");
        self.harness.get_by_label("▶ Simular o dia de novo").click();
        self.harness.step();
        self.wait("a second day", |app| !app.sim().load_tab().is_running());
        assert!(self.harness.state().sim().load_tab().day_before().is_some());
        self.look("the Load tab, two days side by side");
        self.key(Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
    }

    /// Compare with saved: the list, the marks, a scenario's two runs side by side; then Save
    /// asks first, since the scenarios end differently.
    pub(super) fn compare(&mut self) {
        // A message reworded: every scenario through it now says something else.
        let flow = &self.harness.state().doc().flow;
        let message = flow
            .nodes
            .iter()
            .find(|node| node.kind.tag() == KindTag::Message)
            .map(|node| node.id.clone())
            .unwrap();
        let ctx = self.harness.ctx.clone();
        self.harness.state_mut().apply_commands(
            &ctx,
            vec![AppCommand::Edit(fluxo::ui::Edit::new(
                fluxo_core::Command::SetKind {
                    id: message,
                    kind: fluxo_core::flow::NodeKind::Message {
                        text: "Olá! Em que posso ajudar?".into(),
                        buttons: Vec::new(),
                    },
                },
            ))],
        );
        self.harness.run();
        self.click("Arquivo");
        self.harness.get_by_label("Comparar com o salvo").click();
        self.harness.step();
        self.wait("the comparison", |app| {
            app.comparison()
                .is_some_and(|c| c.is_current(app.revision()) && !c.is_busy())
        });
        self.look("the comparison");
        let open_runs = self
            .harness
            .state()
            .comparison()
            .and_then(|c| c.shown())
            .and_then(|shown| {
                shown
                    .diff
                    .changed_scenarios()
                    .find(|c| c.version == fluxo_core::diff::Version::Both)
                    .map(|c| c.scenario.clone())
            })
            .map(|name| format!("As duas execuções de “{name}” lado a lado"));
        let label = open_runs.unwrap();
        self.scroll_and_click(&label);
        self.look("a scenario's two runs side by side");
        self.click("Fechar a comparação");
        self.key(Modifiers::COMMAND, Key::S);
        assert!(self.harness.state().has_modal(), "Save asks first");
        self.look("Save asks first");
        self.click("Cancelar");
        self.key(Modifiers::COMMAND, Key::Z);
    }
}
