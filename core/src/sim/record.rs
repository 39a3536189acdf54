//! A run kept as a regression test: "save run as scenario" in the window.
//!
//! The new scenario starts from the scenario the run was made from (contact, clock, seed, mocks,
//! secrets), replays exactly what the run read (its replies, typed ones included, and its
//! live-chat outcomes), keeps the agent statuses a trainer switched during the run, and expects
//! what the run did: how and where it ended, who got the chat, the department it was opened for
//! and the agents' screen lists it is in, the queue and position, and the path. Texts and variables are left out on purpose: a designer who rewords a message should not
//! break every recorded run, while a change of route shows in the path and the end.

use crate::flow::{EndReason, Expectations, Scenario};

use super::engine::Run;

/// What `run` did, as expectations (see the module's note on what is left out). A run that has
/// not ended expects nothing of its end, only its path so far.
pub fn expectations_of(run: &Run) -> Expectations {
    let end = run.end();
    let queued = end.filter(|end| end.reason == EndReason::Queued);
    Expectations {
        end_reason: end.map(|end| end.reason),
        end_node: end.and_then(|end| end.node.clone()),
        agent: Some(run.assigned_agent().unwrap_or("").to_owned()),
        department: Some(run.department().to_owned()),
        lists: end.map(|_| run.chat_lists().lists),
        queue: queued.and_then(|end| end.queue.clone()),
        position: queued.and_then(|end| end.position),
        path: Some(run.path().into_iter().map(str::to_owned).collect()),
        vars: std::collections::BTreeMap::new(),
        messages: Vec::new(),
    }
}

/// `base` (the scenario `run` was made from) renamed `name`, replaying what the run read and
/// expecting what it did.
pub fn scenario_from_run(run: &Run, base: &Scenario, name: impl Into<String>) -> Scenario {
    let mut agents = base.agents.clone();
    agents.extend(
        run.status_edits()
            .iter()
            .map(|(id, status)| (id.clone(), *status)),
    );
    Scenario {
        name: name.into(),
        agents,
        replies: run.replies_used(),
        live_chat: run.outcomes_used(),
        expect: expectations_of(run),
        ..base.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{flow, scenario};
    use super::super::{Options, expect};
    use super::*;
    use crate::flow::{AgentStatus, LiveChatOutcome, Reply};

    fn ask_flow() -> crate::flow::Flow {
        let mut flow = flow(
            r#"(id: "inicio", pos: (0.0, 0.0), kind: Entry()),
               (id: "nome", pos: (0.0, 0.0), kind: Ask(prompt: "Nome?", save_as: "nome", timeout_s: 60)),
               (id: "humano", pos: (0.0, 0.0), kind: LiveChat(department: "Suporte")),
               (id: "fim", pos: (0.0, 0.0), kind: End(message: "Tchau {{nome}}"))"#,
            r#"(from: "inicio", port: "next", to: "nome"),
               (from: "nome", port: "answered", to: "humano"),
               (from: "nome", port: "timeout", to: "humano"),
               (from: "humano", port: "agent_closed", to: "fim"),
               (from: "humano", port: "user_closed", to: "fim")"#,
            "",
        );
        flow.team
            .auto_assign
            .insert("Suporte".into(), crate::flow::AutoAssign::LeastBusy);
        flow
    }

    #[test]
    fn a_recorded_run_replays_and_passes() {
        let flow = ask_flow();
        let base = scenario(
            r#"(name: "base", contact: (name: "Maria"), replies: [NoReply, Text("sobra")],
                live_chat: [UserClosed, Timeout], seed: 7)"#,
        );
        let mut run = Run::new(&flow, &base, Options::default());
        run.set_agent_status("bia", AgentStatus::Offline);
        run.run_to_end();
        let recorded = scenario_from_run(&run, &base, "gravado");
        assert_eq!(recorded.name, "gravado");
        assert_eq!(recorded.replies, vec![Reply::NoReply], "only what was read");
        assert_eq!(recorded.live_chat, vec![LiveChatOutcome::UserClosed]);
        assert_eq!(recorded.agents.get("bia"), Some(&AgentStatus::Offline));
        assert_eq!(recorded.seed, 7);
        assert_eq!(recorded.contact.name, "Maria");
        let expect = &recorded.expect;
        assert_eq!(expect.end_reason, Some(EndReason::End));
        assert_eq!(expect.end_node.as_deref(), Some("fim"));
        assert_eq!(
            expect.agent.as_deref(),
            Some("duda"),
            "bia was switched offline"
        );
        assert_eq!(expect.queue, None);
        assert_eq!(expect.department.as_deref(), Some("Suporte"));
        assert_eq!(
            expect.lists,
            Some([crate::flow::ChatList::All].into()),
            "the flow ended after the conversation closed"
        );
        assert_eq!(
            expect.path.as_deref(),
            Some(&["inicio", "nome", "humano", "fim"].map(String::from)[..])
        );

        let mut replay = Run::new(&flow, &recorded, Options::default());
        replay.run_to_end();
        assert_eq!(expect::check(&recorded.expect, &replay), vec![]);
    }

    #[test]
    fn typed_replies_are_recorded_and_a_queue_is_expected() {
        let flow = ask_flow();
        let base = scenario(r#"(name: "base", agents: {"bia": Away, "duda": Away})"#);
        let mut run = Run::new(&flow, &base, Options::default());
        run.run_to_end();
        assert_eq!(
            run.end().map(|end| end.reason),
            Some(EndReason::WaitingReply)
        );
        assert!(run.give_reply("Joana"));
        run.run_to_end();
        let recorded = scenario_from_run(&run, &base, "fila");
        assert_eq!(recorded.replies, vec![Reply::Text("Joana".into())]);
        assert_eq!(recorded.live_chat, vec![], "nobody took the chat");
        assert_eq!(recorded.expect.end_reason, Some(EndReason::Queued));
        assert_eq!(recorded.expect.queue.as_deref(), Some("Suporte"));
        assert_eq!(recorded.expect.position, Some(5));
        assert_eq!(recorded.expect.agent.as_deref(), Some(""));
        assert_eq!(
            recorded.expect.lists,
            Some([crate::flow::ChatList::All, crate::flow::ChatList::Open].into())
        );
        let mut replay = Run::new(&flow, &recorded, Options::default());
        replay.run_to_end();
        assert_eq!(expect::check(&recorded.expect, &replay), vec![]);
    }

    #[test]
    fn runs_and_batches_can_move_to_another_thread() {
        fn is_send<T: Send + 'static>() {}
        is_send::<Run>();
        is_send::<super::super::Batch>();
        is_send::<super::super::FlowReport>();
    }
}
