//! The conversation so far, for handoffs with `include_history` (ALTU's OPEN_CONVERSATION event):
//! every text the bot sent and every reply the contact gave, in order.
//!
//! The run appends the lines of each step once the step's events are masked, to a log it shares
//! with the handoffs it made: a handoff's [`History`] is the log and a range of it, so taking it
//! costs one reference count, not a copy of the conversation (a run of thousands of steps with a
//! handoff every few steps, the simulator's benchmark, stays linear). The log only grows while
//! it is shared; a step taken back, a reset or a copy of the run starts a log of its own.

use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use serde::ser::SerializeSeq;
use serde::{Serialize, Serializer};

use super::event::{Event, HISTORY_LIMIT, HistoryLine, Speaker};

/// The lines of a run's conversation, append-only while handoffs share it.
#[derive(Debug, Default)]
struct Log {
    lines: Mutex<Vec<HistoryLine>>,
}

impl Log {
    fn lines(&self) -> MutexGuard<'_, Vec<HistoryLine>> {
        self.lines.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn with(lines: Vec<HistoryLine>) -> Arc<Log> {
        Arc::new(Log {
            lines: Mutex::new(lines),
        })
    }
}

/// The conversation of a run, appended step by step.
#[derive(Debug, Default)]
pub(crate) struct Conversation {
    /// Holds exactly this run's lines (a step taken back while the log is shared starts a new
    /// one).
    log: Arc<Log>,
    /// The log's length, known without locking it.
    len: usize,
}

impl Clone for Conversation {
    /// A copy of the run gets a log of its own: both go on appending.
    fn clone(&self) -> Self {
        let lines = self.log.lines().iter().take(self.len).cloned().collect();
        Conversation {
            log: Log::with(lines),
            len: self.len,
        }
    }
}

impl Conversation {
    /// How many lines it holds.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Appends the lines of `events` (one step's): messages sent and replies read.
    pub(crate) fn extend<'a>(&mut self, events: impl IntoIterator<Item = &'a Event>) {
        let mut lines = None;
        for event in events {
            let line = match event {
                Event::MessageSent { text, .. } => HistoryLine {
                    from: Speaker::Bot,
                    text: text.clone(),
                },
                Event::ReplyRead { text, .. } => HistoryLine {
                    from: Speaker::Contact,
                    text: text.clone(),
                },
                _ => continue,
            };
            lines.get_or_insert_with(|| self.log.lines()).push(line);
            self.len += 1;
        }
    }

    /// Back to its first `len` lines (a step taken back).
    pub(crate) fn truncate(&mut self, len: usize) {
        if len >= self.len {
            return;
        }
        self.len = len;
        // Histories taken from the log keep reading their own range; a log nobody else reads
        // can drop the lines at once.
        if let Some(log) = Arc::get_mut(&mut self.log) {
            log.lines
                .get_mut()
                .unwrap_or_else(PoisonError::into_inner)
                .truncate(len);
        } else {
            let lines = self.log.lines().iter().take(len).cloned().collect();
            self.log = Log::with(lines);
        }
    }

    pub(crate) fn clear(&mut self) {
        self.truncate(0);
    }

    /// The last [`HISTORY_LIMIT`] lines, shared, and how many earlier ones are left out.
    pub(crate) fn recent(&self) -> (History, usize) {
        let start = self.len.saturating_sub(HISTORY_LIMIT);
        let history = History {
            log: Some(Arc::clone(&self.log)),
            start,
            end: self.len,
        };
        (history, start)
    }
}

/// The lines a handoff carries (see [`Conversation`]): read with [`History::lines`]; serialized
/// as a list of `{"from", "text"}`.
#[derive(Clone, Default)]
pub struct History {
    log: Option<Arc<Log>>,
    start: usize,
    end: usize,
}

impl History {
    /// The lines, in order.
    pub fn lines(&self) -> Vec<HistoryLine> {
        match &self.log {
            Some(log) => log
                .lines()
                .get(self.start..self.end)
                .map(<[HistoryLine]>::to_vec)
                .unwrap_or_default(),
            None => Vec::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl fmt::Debug for History {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.lines()).finish()
    }
}

impl PartialEq for History {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.lines() == other.lines()
    }
}

impl Eq for History {}

impl Serialize for History {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let lines = self.lines();
        let mut seq = serializer.serialize_seq(Some(lines.len()))?;
        for line in &lines {
            seq.serialize_element(line)?;
        }
        seq.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reply(n: usize) -> Event {
        Event::ReplyRead {
            text: n.to_string().into(),
            valid: true,
            problem: None,
        }
    }

    fn texts(history: &History) -> Vec<String> {
        history
            .lines()
            .iter()
            .map(|line| line.text.to_string())
            .collect()
    }

    fn numbers(range: std::ops::Range<usize>) -> Vec<String> {
        range.map(|n| n.to_string()).collect()
    }

    #[test]
    fn a_long_conversation_keeps_the_last_lines_and_counts_the_others() {
        let mut conversation = Conversation::default();
        let events: Vec<Event> = (0..HISTORY_LIMIT + 5)
            .map(reply)
            .chain([Event::Silence { timeout_s: 1 }])
            .collect();
        conversation.extend(&events);
        assert_eq!(
            conversation.len(),
            HISTORY_LIMIT + 5,
            "a silence is no line"
        );
        let (history, omitted) = conversation.recent();
        assert_eq!(omitted, 5);
        assert_eq!(history.len(), HISTORY_LIMIT);
        assert_eq!(texts(&history), numbers(5..HISTORY_LIMIT + 5));
        let json = serde_json::to_value(&history).unwrap();
        assert_eq!(json[0], serde_json::json!({"from": "contact", "text": "5"}));
    }

    #[test]
    fn a_history_keeps_its_lines_whatever_the_run_does_next() {
        let mut conversation = Conversation::default();
        let events: Vec<Event> = (0..200).map(reply).collect();
        conversation.extend(&events[..100]);
        let (at_100, _) = conversation.recent();
        conversation.extend(&events[100..]);
        assert_eq!(
            texts(&at_100),
            numbers(0..100),
            "appending does not change it"
        );
        // Back to 50 lines, then other replies: the history taken at 100 still reads its own.
        conversation.truncate(50);
        conversation.extend(&events[150..160]);
        assert_eq!(conversation.len(), 60);
        let mut expected = numbers(0..50);
        expected.extend(numbers(150..160));
        assert_eq!(texts(&conversation.recent().0), expected);
        assert_eq!(texts(&at_100), numbers(0..100));
        // A log nobody else reads is cut in place.
        drop(at_100);
        let (at_60, _) = conversation.recent();
        drop(at_60);
        conversation.truncate(10);
        assert_eq!(texts(&conversation.recent().0), numbers(0..10));
        // A copy of the run goes its own way.
        let mut copy = conversation.clone();
        copy.extend(&events[190..191]);
        conversation.extend(&events[180..181]);
        assert_eq!(
            texts(&copy.recent().0).last().map(String::as_str),
            Some("190")
        );
        assert_eq!(
            texts(&conversation.recent().0).last().map(String::as_str),
            Some("180")
        );
        conversation.clear();
        assert!(conversation.recent().0.is_empty());
    }
}
