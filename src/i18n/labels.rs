//! Messages without arguments, made once per language and kept for the life of the process: the
//! window draws hundreds of labels every frame, and most of its code wants a `&str` it can hold
//! across a frame. The ids are the code's own `&'static str` literals, so what is kept is bounded
//! by the messages the code names (two languages of a few hundred short texts).

use std::collections::HashMap;
use std::sync::RwLock;

use super::{Lang, format, record_if_strict};

type Kept = RwLock<Option<HashMap<&'static str, &'static str>>>;

static EN: Kept = RwLock::new(None);
static PT: Kept = RwLock::new(None);

impl Lang {
    /// The message `id` (or `id.attribute`) in this language, without arguments:
    /// `lang.tr("window-problems")`. A gap shows as the id itself and is recorded (never kept,
    /// so that a test that records gaps sees it however often it is asked for).
    pub fn tr(self, id: &'static str) -> &'static str {
        let kept = match self {
            Lang::En => &EN,
            Lang::PtBr => &PT,
        };
        if let Ok(map) = kept.read()
            && let Some(text) = map.as_ref().and_then(|map| map.get(id))
        {
            return text;
        }
        let (text, errors) = format(self, id, None);
        if !errors.is_empty() {
            record_if_strict(errors);
            return id;
        }
        let text: &'static str = Box::leak(text.into_boxed_str());
        if let Ok(mut map) = kept.write() {
            map.get_or_insert_with(HashMap::new).insert(id, text);
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_is_made_once_and_a_gap_shows_its_id() {
        let first = Lang::PtBr.tr("window-problems");
        let again = Lang::PtBr.tr("window-problems");
        assert!(std::ptr::eq(first, again), "kept, not made again");
        assert_eq!(Lang::En.tr("no-such-label"), "no-such-label");
    }
}
