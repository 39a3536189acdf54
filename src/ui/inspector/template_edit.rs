//! The template field: a text editor that colours `{{ name }}` / `<? $name ?>`, marks names that
//! are not in scope, and offers the names in scope after `{{` (Enter, Tab or a click inserts
//! `name }}`). Also the variable-name field of a Condition rule, which offers the same names.

use egui::text::{CharIndex, LayoutJob};
use egui::{CompletionPopup, CompletionQuery, FontId, Id, Suggestion, TextEdit, TextFormat, Ui};
use fluxo_core::flow::{Origin, ScopedName, is_in_scope};
use fluxo_core::template::{Part, parse_parts};

use crate::i18n::Lang;
use crate::tr;
use crate::ui::theme::{TemplateColors, kind_label};

/// How a template field looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TemplateStyle {
    /// One line (a url, a header value, a rule value).
    Line,
    /// A message: several lines, proportional font.
    Text,
    /// A JSON body: several lines, monospace.
    Code,
}

/// At most this many suggestions are listed.
const MAX_SUGGESTIONS: usize = 40;

/// Shows a template editor on `text` with id `id`. Returns the text edit's response.
pub(crate) fn template_edit_ui(
    ui: &mut Ui,
    lang: Lang,
    id: Id,
    text: &mut String,
    scope: &[ScopedName],
    style: TemplateStyle,
    hint: &str,
) -> egui::Response {
    let colors = TemplateColors::new(ui.visuals());
    let font = match style {
        TemplateStyle::Code => egui::TextStyle::Monospace.resolve(ui.style()),
        TemplateStyle::Line | TemplateStyle::Text => egui::TextStyle::Body.resolve(ui.style()),
    };
    let mut layouter = |ui: &Ui, buffer: &dyn egui::TextBuffer, wrap_width: f32| {
        let mut job = highlight(buffer.as_str(), scope, &font, colors);
        job.wrap.max_width = wrap_width;
        ui.ctx().fonts_mut(|fonts| fonts.layout_job(job))
    };
    let edit = match style {
        TemplateStyle::Line => TextEdit::singleline(text),
        TemplateStyle::Text => TextEdit::multiline(text).desired_rows(3),
        TemplateStyle::Code => TextEdit::multiline(text).desired_rows(4).code_editor(),
    }
    .hint_text(hint.to_owned())
    .desired_width(f32::INFINITY)
    .layouter(&mut layouter);
    CompletionPopup::new(id)
        .word_boundary(|c| !is_name_char(c))
        .align(egui::RectAlign::BOTTOM_START)
        .show(ui, edit, |query| template_suggestions(query, scope, lang))
        .text_edit
        .response
        .response
}

/// A variable-name field (a Condition rule's `var`) that offers the names in scope.
pub(crate) fn name_edit_ui(
    ui: &mut Ui,
    lang: Lang,
    id: Id,
    text: &mut String,
    scope: &[ScopedName],
    width: f32,
    hint: &str,
) -> egui::Response {
    let colors = TemplateColors::new(ui.visuals());
    let is_known = text.trim().is_empty() || is_in_scope(scope, text.trim());
    let edit = TextEdit::singleline(text)
        .hint_text(hint.to_owned())
        .desired_width(width)
        .text_color(if is_known {
            colors.name
        } else {
            colors.unknown
        });
    CompletionPopup::new(id)
        .align(egui::RectAlign::BOTTOM_START)
        .show(ui, edit, |query| {
            if !query.is_at_start() {
                return vec![];
            }
            filtered(scope, query.word)
                .filter(|scoped| scoped.name != query.word)
                .map(|scoped| suggestion(scoped, scoped.name.clone(), lang))
                .collect()
        })
        .text_edit
        .response
        .response
}

/// Letters, digits and the punctuation a name may hold.
fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | '.')
}

/// The byte index of a char index in `text`.
fn byte_index(text: &str, index: CharIndex) -> usize {
    text.char_indices()
        .nth(index.0)
        .map_or(text.len(), |(byte, _)| byte)
}

/// The reference being typed at the cursor, if any: which mark opened it and what closes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Opening {
    /// What to append after the name: `}}`, ` }}` or ` ?>`; empty when the reference is closed
    /// already.
    close: &'static str,
}

fn opening_before(before: &str, after: &str) -> Option<Opening> {
    let trimmed = before.trim_end();
    let is_spaced = trimmed.len() != before.len();
    let is_altu = if trimmed.ends_with("{{") {
        false
    } else {
        let bare = trimmed.strip_suffix('$').unwrap_or(trimmed).trim_end();
        if !bare.ends_with("<?") {
            return None;
        }
        true
    };
    let after = after.trim_start();
    let is_closed = if is_altu {
        after.starts_with("?>")
    } else {
        after.starts_with("}}")
    };
    let close = match (is_closed, is_altu, is_spaced) {
        (true, _, _) => "",
        (false, true, _) => " ?>",
        (false, false, true) => " }}",
        (false, false, false) => "}}",
    };
    Some(Opening { close })
}

fn template_suggestions(
    query: &CompletionQuery<'_>,
    scope: &[ScopedName],
    lang: Lang,
) -> Vec<Suggestion> {
    let start = byte_index(query.text, query.word_range.start);
    let end = byte_index(query.text, query.word_range.end);
    let (Some(before), Some(after)) = (query.text.get(..start), query.text.get(end..)) else {
        return vec![];
    };
    // Only right after the opening mark: `{{ na|` but not `{{ a b|`.
    let Some(opening) = opening_before(before, after) else {
        return vec![];
    };
    if !opening.close.is_empty() && after.trim_start().starts_with(|c: char| is_name_char(c)) {
        return vec![];
    }
    filtered(scope, query.word)
        .map(|scoped| suggestion(scoped, format!("{}{}", scoped.name, opening.close), lang))
        .collect()
}

/// Names that start with `word`, then names that contain it elsewhere (case ignored).
fn filtered<'a>(scope: &'a [ScopedName], word: &str) -> impl Iterator<Item = &'a ScopedName> {
    let word = word.to_lowercase();
    let mut starts: Vec<&ScopedName> = Vec::new();
    let mut contains: Vec<&ScopedName> = Vec::new();
    for scoped in scope {
        let name = scoped.name.to_lowercase();
        if name.starts_with(&word) {
            starts.push(scoped);
        } else if name.contains(&word) {
            contains.push(scoped);
        }
    }
    starts.into_iter().chain(contains).take(MAX_SUGGESTIONS)
}

fn suggestion(scoped: &ScopedName, insert: String, lang: Lang) -> Suggestion {
    Suggestion::new(insert)
        .content(egui::RichText::new(&scoped.name).monospace())
        .description(origin_text(lang, &scoped.origin))
}

/// Where a name comes from, for the popup, in `lang`.
fn origin_text(lang: Lang, origin: &Origin) -> String {
    match origin {
        Origin::Contact => lang.tr("inspector-origin-contact").to_owned(),
        Origin::CustomField { label } if label.is_empty() => {
            lang.tr("inspector-origin-custom-field").to_owned()
        }
        Origin::CustomField { label } => label.clone(),
        Origin::Chat => lang.tr("inspector-origin-chat").to_owned(),
        Origin::Team => lang.tr("inspector-origin-team").to_owned(),
        Origin::Clock => lang.tr("inspector-origin-clock").to_owned(),
        Origin::Secret => lang.tr("inspector-origin-secret").to_owned(),
        Origin::SetBy { node, kind } => {
            tr!(
                lang,
                "inspector-origin-set-by",
                kind = lang.tr(kind_label(*kind)),
                node = node.as_str()
            )
        }
    }
}

/// The coloured layout of a template: text plain, marks dim, names in scope blue on a tint,
/// unknown names red and underlined, broken openings orange.
pub(crate) fn highlight(
    source: &str,
    scope: &[ScopedName],
    font: &FontId,
    colors: TemplateColors,
) -> LayoutJob {
    let mut job = LayoutJob::default();
    let plain = |color| TextFormat::simple(font.clone(), color);
    for part in parse_parts(source) {
        let span = part.span();
        let Some(piece) = source.get(span) else {
            continue;
        };
        match &part {
            Part::Text(_) => job.append(piece, 0.0, plain(colors.text)),
            Part::Broken(_) => job.append(piece, 0.0, plain(colors.broken)),
            Part::Var { name, .. } => {
                let is_known = is_in_scope(scope, name);
                let (open_len, close_len) = (2, 2);
                let (open, rest) = piece.split_at(open_len.min(piece.len()));
                let (inner, close) = rest.split_at(rest.len().saturating_sub(close_len));
                let mark = TextFormat {
                    background: colors.name_bg,
                    ..plain(colors.mark)
                };
                let name_format = if is_known {
                    TextFormat {
                        background: colors.name_bg,
                        ..plain(colors.name)
                    }
                } else {
                    TextFormat {
                        background: colors.name_bg,
                        underline: egui::Stroke::new(1.5, colors.unknown),
                        ..plain(colors.unknown)
                    }
                };
                job.append(open, 0.0, mark.clone());
                job.append(inner, 0.0, name_format);
                job.append(close, 0.0, mark);
            }
        }
    }
    job
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opening_marks() {
        assert_eq!(opening_before("a {{", "").map(|o| o.close), Some("}}"));
        assert_eq!(opening_before("a {{ ", "").map(|o| o.close), Some(" }}"));
        assert_eq!(
            opening_before("<? $", " rest").map(|o| o.close),
            Some(" ?>")
        );
        assert_eq!(opening_before("<?", "").map(|o| o.close), Some(" ?>"));
        assert_eq!(opening_before("{{", " }} x").map(|o| o.close), Some(""));
        assert_eq!(opening_before("plain ", ""), None);
        assert_eq!(opening_before("{{a}} ", ""), None);
    }

    #[test]
    fn unknown_names_are_red() {
        let scope = vec![ScopedName {
            name: "contact.name".into(),
            origin: Origin::Contact,
        }];
        let colors = TemplateColors::new(&egui::Visuals::dark());
        let font = FontId::proportional(14.0);
        let job = highlight("Oi {{contact.name}} {{nada}}", &scope, &font, colors);
        let colored = |color| {
            job.sections
                .iter()
                .filter(|section| section.format.color == color)
                .map(|section| &job.text[section.byte_range.start.0..section.byte_range.end.0])
                .collect::<Vec<_>>()
        };
        assert_eq!(colored(colors.name), ["contact.name"]);
        assert_eq!(colored(colors.unknown), ["nada"]);
        assert_eq!(job.text, "Oi {{contact.name}} {{nada}}");
    }
}
