//! The Ask node: one step per reply read (docs/decisions.md "Steps and the path").
//!
//! The first step of a visit sends the prompt and reads a reply. A valid reply is saved and
//! leaves by `answered`. An invalid one, with re-asks left, sends the retry message (the prompt
//! again when there is none) and stays; `retries: 2` means three invalid replies leave by
//! `invalid`. `NoReply` leaves by `timeout` after `timeout_s`, or without one ends the run
//! `WaitingReply`; so does running out of replies. A reply typed then goes on from there.

use crate::flow::EndReason;

use super::event::{Event, MessageKind};
use super::exec::{Exec, Next};
use super::program::{AskOp, port};
use super::setup::Said;
use super::text::SharedStr;
use super::world::AskProgress;

pub(crate) fn run(x: &mut Exec<'_>, op: &AskOp) -> Next {
    let in_progress = x.world.ask.filter(|ask| ask.node == x.node_index);
    let mut progress = if let Some(progress) = in_progress {
        progress
    } else {
        let prompt = x.render(&op.prompt);
        x.say(MessageKind::Prompt, prompt, Vec::new());
        AskProgress {
            node: x.node_index,
            invalid: 0,
        }
    };
    x.world.ask = Some(progress);
    let Some(reply) = next_reply(x) else {
        return x.end(
            EndReason::WaitingReply,
            "no scripted reply left: the contact's next reply is awaited".into(),
        );
    };
    let Said::Text(text) = reply else {
        x.events.push(Event::Silence {
            timeout_s: op.timeout_s,
        });
        if op.timeout_s == 0 {
            return x.end(
                EndReason::WaitingReply,
                "the contact stayed silent and the Ask has no timeout_s".into(),
            );
        }
        x.world.ask = None;
        x.advance(
            op.timeout_s.saturating_mul(1000),
            format!("the contact stayed silent for the Ask's {} s", op.timeout_s),
        );
        return Next::Port(port::TIMEOUT);
    };
    // The saved value is usually the reply itself: share it rather than copy it.
    let checked = op.expect.check(&text).map(|value| {
        if value == text.as_str() {
            text.clone()
        } else {
            SharedStr::from(value)
        }
    });
    match checked {
        Ok(value) => {
            x.events.push(Event::ReplyRead {
                text,
                valid: true,
                problem: None,
            });
            x.world.ask = None;
            if let Some(target) = &op.save_as {
                x.set(target, value);
            }
            Next::Port(port::ANSWERED)
        }
        Err(problem) => {
            x.events.push(Event::ReplyRead {
                text,
                valid: false,
                problem: Some(problem),
            });
            progress.invalid = progress.invalid.saturating_add(1);
            if progress.invalid > op.retries {
                x.world.ask = None;
                return Next::Port(port::INVALID);
            }
            x.world.ask = Some(progress);
            let again = x.render(op.retry.as_ref().unwrap_or(&op.prompt));
            x.say(MessageKind::Retry, again, Vec::new());
            Next::Stay
        }
    }
}

/// The next reply: the script first, then what was typed during the run. None when there is
/// no reply left.
fn next_reply(x: &mut Exec<'_>) -> Option<Said> {
    let index = x.world.replies_read;
    let reply = match x.setup.script.get(index) {
        Some(reply) => reply.clone(),
        None => x.world.typed.get(index - x.setup.script.len())?.clone(),
    };
    x.world.replies_read += 1;
    Some(reply)
}
