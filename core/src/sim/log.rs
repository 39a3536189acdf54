//! The run's event log. Events are kept in chunks so that a long run (10,000 steps, tens of
//! thousands of events) never copies what it already recorded when it grows; each step's events
//! stay together in one chunk, so a step still reads them as one slice.

use super::event::Event;

/// Events per chunk before the next step opens a new one.
const CHUNK: usize = 1024;

/// Where a step's events are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Span {
    chunk: u32,
    start: u32,
    end: u32,
}

/// The log's length at some moment, to go back to it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Mark {
    chunks: usize,
    last_len: usize,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct EventLog {
    chunks: Vec<Vec<Event>>,
}

impl EventLog {
    /// The chunk the next step writes to (a new one when the last is full), and where in it
    /// the step's events will start.
    pub(crate) fn open_step(&mut self) -> (usize, usize) {
        let full = self.chunks.last().is_none_or(|chunk| chunk.len() >= CHUNK);
        if full {
            let capacity = if self.chunks.is_empty() {
                16
            } else {
                CHUNK + 64
            };
            self.chunks.push(Vec::with_capacity(capacity));
        }
        let index = self.chunks.len() - 1;
        (index, self.chunks.get(index).map_or(0, Vec::len))
    }

    pub(crate) fn chunk_mut(&mut self, index: usize) -> &mut Vec<Event> {
        if index >= self.chunks.len() {
            self.chunks.resize_with(index + 1, Vec::new);
        }
        &mut self.chunks[index]
    }

    /// The span of the events written to `chunk` since `start`.
    pub(crate) fn close_step(&self, chunk: usize, start: usize) -> Span {
        let end = self.chunks.get(chunk).map_or(start, Vec::len);
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Span {
            chunk: narrow(chunk),
            start: narrow(start),
            end: narrow(end),
        }
    }

    pub(crate) fn get(&self, span: Span) -> &[Event] {
        self.chunks
            .get(span.chunk as usize)
            .and_then(|chunk| chunk.get(span.start as usize..span.end as usize))
            .unwrap_or(&[])
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = &Event> {
        self.chunks.iter().flatten()
    }

    pub(crate) fn mark(&self) -> Mark {
        Mark {
            chunks: self.chunks.len(),
            last_len: self.chunks.last().map_or(0, Vec::len),
        }
    }

    /// Back to the log as it was at `mark`.
    pub(crate) fn truncate(&mut self, mark: Mark) {
        self.chunks.truncate(mark.chunks);
        if let Some(last) = self.chunks.last_mut() {
            last.truncate(mark.last_len);
        }
    }

    pub(crate) fn clear(&mut self) {
        self.chunks.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warning(n: usize) -> Event {
        Event::Warning {
            message: n.to_string(),
        }
    }

    #[test]
    fn steps_stay_in_one_chunk_and_truncate_back() {
        let mut log = EventLog::default();
        let mut spans = Vec::new();
        let mut marks = Vec::new();
        for step in 0..3000 {
            marks.push(log.mark());
            let (chunk, start) = log.open_step();
            for n in 0..(step % 3) {
                log.chunk_mut(chunk).push(warning(step * 10 + n));
            }
            spans.push(log.close_step(chunk, start));
        }
        assert!(log.chunks.len() > 1);
        assert_eq!(log.iter().count(), 3000);
        for (step, span) in spans.iter().enumerate() {
            let events = log.get(*span);
            assert_eq!(events.len(), step % 3);
            if let Some(Event::Warning { message }) = events.first() {
                assert_eq!(*message, (step * 10).to_string());
            }
        }
        log.truncate(marks[1500]);
        assert_eq!(log.iter().count(), 1500);
        assert_eq!(log.mark(), marks[1500]);
        log.truncate(marks[0]);
        assert_eq!(log.iter().count(), 0);
    }
}
