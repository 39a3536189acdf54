//! The chat's place on the live-chat agents' screen (seed 004, "status dos chats"; SPEC.md
//! section 4): every chat is in `All`; a chat open for a department or for anyone without an
//! agent is in `Open`, tagged with its department; a chat an agent has is in that agent's `Mine`
//! and in `InService`. A chat still in the flow, or whose flow ended after the human conversation
//! closed, is in `All` only.
//!
//! The run keeps where the chat is ([`Place`]): a Queue end or a handoff that waits leaves it
//! open for the department; a handoff puts it where the route sent it until the conversation
//! ends and the flow moves on from the LiveChat (a LiveChat whose outcome has no edge leaves the
//! chat where the handoff put it); a transfer through the platform API gives it to the agent.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::flow::{ChatList, EndReason};

use super::text::SharedStr;

/// Where the chat is, for the agents' screen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) enum Place {
    /// With the bot: in the flow, or back in it after the human conversation.
    #[default]
    Bot,
    /// Open without an agent, for a department ("" = for anyone).
    Open(SharedStr),
    /// An agent has it.
    Agent(SharedStr),
}

/// The lists the chat is in, with the department tag of `Open` and whose `Mine` it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChatLists {
    pub lists: BTreeSet<ChatList>,
    /// The department tag the chat shows in `Open` ("" when it is open for anyone, or not open).
    pub department: String,
    /// The agent whose `Mine` shows the chat ("" when no agent has it).
    pub agent: String,
}

impl ChatLists {
    /// The lists for a chat at `place`, once the run ended by `reason` (none while it runs).
    pub(crate) fn of(place: &Place, reason: Option<EndReason>) -> ChatLists {
        let mut lists = BTreeSet::from([ChatList::All]);
        let mut department = String::new();
        let mut agent = String::new();
        // A chat still in the flow is the bot's, whatever happened before.
        let in_flow = matches!(reason, None | Some(EndReason::WaitingReply));
        match place {
            _ if in_flow => {}
            Place::Bot => {}
            Place::Open(tag) => {
                lists.insert(ChatList::Open);
                department = tag.to_string();
            }
            Place::Agent(id) => {
                lists.insert(ChatList::Mine);
                lists.insert(ChatList::InService);
                agent = id.to_string();
            }
        }
        ChatLists {
            lists,
            department,
            agent,
        }
    }

    /// The lists in file order (`All`, `Open`, `Mine`, `InService`), as words.
    pub fn names(&self) -> Vec<&'static str> {
        self.lists.iter().map(|list| list.as_str()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_follow_the_place_once_the_run_ended() {
        let open = Place::Open("Suporte".into());
        let screen = ChatLists::of(&open, Some(EndReason::Queued));
        assert_eq!(screen.names(), ["All", "Open"]);
        assert_eq!(screen.department, "Suporte");
        let screen = ChatLists::of(&Place::Agent("ana".into()), Some(EndReason::End));
        assert_eq!(screen.names(), ["All", "Mine", "InService"]);
        assert_eq!(screen.agent, "ana");
        assert_eq!(
            ChatLists::of(&open, Some(EndReason::WaitingReply)).names(),
            ["All"],
            "a chat waiting for the contact's reply is still in the flow"
        );
        assert_eq!(ChatLists::of(&open, None).names(), ["All"]);
        assert_eq!(
            ChatLists::of(&Place::Bot, Some(EndReason::End)).names(),
            ["All"]
        );
    }
}
