//! The run as a chat: the bot's messages on the left (buttons as chips under them), the
//! contact's replies on the right, what happened around the chat (handoffs, agents, queues,
//! silences) as small centred lines. Each line belongs to a step: a click shows that step.
//! When the run waits for a reply, a box below lets the user answer as the contact.

use std::sync::Arc;

use egui::{
    Align, Color32, CornerRadius, Frame, Galley, Layout, Margin, RichText, Sense, Stroke, Ui,
};
use fluxo_core::sim::{Event, Run};

use crate::i18n::Lang;
use crate::i18n::events::system_line;
use crate::tr;
use crate::ui::theme::ACCENT;

/// Most chat lines drawn; older ones are summarised in one line (a 10,000-step loop).
const MAX_LINES: usize = 200;
/// Most characters of one line drawn in the chat: more than a bot's menu or answer needs, few
/// enough that a loop growing a text cannot freeze the window laying it out. The step's events
/// keep the whole text.
const MAX_CHARS: usize = 1_000;

/// One line of the chat.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum ChatItem {
    Bot {
        step: usize,
        /// At most [`MAX_CHARS`] characters of the text; `more` says how many are left out.
        text: String,
        more: usize,
        buttons: Vec<String>,
    },
    Contact {
        step: usize,
        text: String,
        more: usize,
        /// Why the Ask refused it, when it did.
        problem: Option<String>,
    },
    System {
        step: usize,
        text: String,
    },
}

impl ChatItem {
    pub fn step(&self) -> usize {
        match self {
            ChatItem::Bot { step, .. }
            | ChatItem::Contact { step, .. }
            | ChatItem::System { step, .. } => *step,
        }
    }
}

/// The last lines of a run's chat, and how many earlier ones are not shown.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Chat {
    pub items: Vec<ChatItem>,
    pub skipped: usize,
}

/// How many lines the chat shows at most: all of them ([`MAX_LINES`]) once the run stands
/// still, a few while it runs on at full speed (nobody reads them then, and laying out hundreds of
/// new bubbles a frame would slow the run down).
pub(crate) fn lines_shown(is_running: bool) -> usize {
    if is_running { 30 } else { MAX_LINES }
}

/// The last `limit` lines of `run`'s chat, in order; the earlier ones are only counted.
pub(crate) fn chat(w: Lang, run: &Run, limit: usize) -> Chat {
    let mut tail: Vec<Vec<ChatItem>> = Vec::new();
    let mut kept = 0;
    let mut skipped = 0;
    for index in (0..run.step_count()).rev() {
        let Some(step) = run.step_at(index) else {
            continue;
        };
        if kept >= limit {
            skipped += step.events.iter().filter(|event| is_said(event)).count();
            continue;
        }
        let items = step_items(w, &step);
        let room = limit - kept;
        let first = items.len().saturating_sub(room);
        skipped += first;
        kept += items.len() - first;
        tail.push(items.into_iter().skip(first).collect());
    }
    let items = tail.into_iter().rev().flatten().collect();
    Chat { items, skipped }
}

/// Whether an event is a line of the chat (a message, a reply, something around the chat).
fn is_said(event: &Event) -> bool {
    matches!(
        event,
        Event::MessageSent { .. }
            | Event::ReplyRead { .. }
            | Event::Silence { .. }
            | Event::AgentAssigned { .. }
            | Event::NoAgentAvailable { .. }
            | Event::Queued { .. }
            | Event::HandoffEnded { .. }
    )
}

/// The chat lines of one step, in order.
fn step_items(w: Lang, step: &fluxo_core::sim::Step<'_>) -> Vec<ChatItem> {
    let route = step.events.iter().find_map(|event| match event {
        Event::HandoffStarted(handoff) => Some(handoff.route.as_str()),
        _ => None,
    });
    let mut items = Vec::new();
    for event in step.events {
        if !is_said(event) {
            continue;
        }
        let item = match event {
            Event::MessageSent { text, buttons, .. } => {
                let (text, more) = clipped(text);
                ChatItem::Bot {
                    step: step.index,
                    text,
                    more,
                    buttons: buttons.iter().map(ToString::to_string).collect(),
                }
            }
            Event::ReplyRead {
                text,
                valid,
                problem,
            } => {
                let (text, more) = clipped(text);
                ChatItem::Contact {
                    step: step.index,
                    text,
                    more,
                    problem: (!valid).then(|| {
                        problem
                            .clone()
                            .unwrap_or_else(|| w.tr("sim-invalid").to_owned())
                    }),
                }
            }
            other => match system_line(w, other, route) {
                Some(text) => ChatItem::System {
                    step: step.index,
                    text,
                },
                None => continue,
            },
        };
        items.push(item);
    }
    items
}

/// `text`, or its first [`MAX_CHARS`] characters, and how many more there are.
fn clipped(text: &str) -> (String, usize) {
    match text.char_indices().nth(MAX_CHARS) {
        None => (text.to_owned(), 0),
        Some((end, _)) => (text[..end].to_owned(), text[end..].chars().count()),
    }
}

/// A clipped line as the chat shows it: what was kept, and how much the step's events have
/// beyond it (worded only for the lines drawn, not for every line of a 10,000-step run).
fn shown_text(w: Lang, text: &str, more: usize) -> std::borrow::Cow<'_, str> {
    if more == 0 {
        return std::borrow::Cow::Borrowed(text);
    }
    let note = tr!(w, "sim-n-characters-step-events-have", n = more);
    std::borrow::Cow::Owned(format!("{text}… {note}"))
}

/// Colours of the chat for the current theme.
struct ChatColors {
    bot: Color32,
    bot_text: Color32,
    contact: Color32,
    contact_text: Color32,
    system: Color32,
}

impl ChatColors {
    fn of(ui: &Ui) -> Self {
        if ui.visuals().dark_mode {
            Self {
                bot: Color32::from_rgb(0x2B, 0x30, 0x3B),
                bot_text: Color32::from_rgb(0xE8, 0xEA, 0xEE),
                contact: Color32::from_rgb(0x10, 0x5C, 0x4B),
                contact_text: Color32::from_rgb(0xEE, 0xF8, 0xF4),
                system: Color32::from_rgb(0x9A, 0xA3, 0xB2),
            }
        } else {
            Self {
                bot: Color32::WHITE,
                bot_text: Color32::from_rgb(0x1F, 0x23, 0x2B),
                contact: Color32::from_rgb(0xD9, 0xFD, 0xD3),
                contact_text: Color32::from_rgb(0x10, 0x2A, 0x1E),
                system: Color32::from_rgb(0x5B, 0x64, 0x72),
            }
        }
    }
}

/// Draws the chat; returns the step of a clicked line.
pub(crate) fn chat_ui(
    ui: &mut Ui,
    w: Lang,
    chat: &Chat,
    inspected: Option<usize>,
) -> Option<usize> {
    let items = chat.items.as_slice();
    let colors = ChatColors::of(ui);
    let mut clicked = None;
    if items.is_empty() {
        ui.add_space(12.0);
        ui.vertical_centered(|ui| {
            ui.label(
                RichText::new(w.tr("sim-nothing-said-yet-press-step"))
                    .weak()
                    .italics(),
            );
        });
        return None;
    }
    let skipped = chat.skipped;
    if skipped > 0 {
        ui.vertical_centered(|ui| {
            ui.label(
                RichText::new(tr!(w, "sim-n-earlier-lines-not-shown", n = skipped))
                    .small()
                    .weak(),
            );
        });
    }
    let max_width = (ui.available_width() * 0.8).max(120.0);
    for item in items {
        let is_inspected = inspected == Some(item.step());
        let response = match item {
            ChatItem::Bot {
                text,
                more,
                buttons,
                ..
            } => {
                let text = shown_text(w, text, *more);
                bot_ui(ui, &colors, &text, buttons, max_width, is_inspected)
            }
            ChatItem::Contact {
                text,
                more,
                problem,
                ..
            } => contact_ui(
                ui,
                w,
                &colors,
                &shown_text(w, text, *more),
                problem.as_deref(),
                max_width,
                is_inspected,
            ),
            ChatItem::System { text, .. } => system_ui(ui, &colors, text, is_inspected),
        };
        // Worded only when the pointer is on the line.
        let step = item.step() + 1;
        let response = response.on_hover_ui(|ui| {
            ui.label(tr!(w, "sim-step-n-click-see-events", n = step));
        });
        if response.clicked() {
            clicked = Some(item.step());
        }
        ui.add_space(5.0);
    }
    clicked
}

fn bubble_frame(fill: Color32, is_inspected: bool, tail_left: bool) -> Frame {
    let radius = CornerRadius {
        nw: if tail_left { 3 } else { 12 },
        ne: if tail_left { 12 } else { 3 },
        sw: 12,
        se: 12,
    };
    let stroke = if is_inspected {
        Stroke::new(2.0, ACCENT)
    } else {
        Stroke::new(1.0, fill.gamma_multiply(0.8))
    };
    Frame::new()
        .fill(fill)
        .stroke(stroke)
        .corner_radius(radius)
        .inner_margin(Margin::symmetric(11, 7))
}

/// The text laid out once, wrapped at `max_width`: the bubble is as wide as its longest line.
fn galley(ui: &Ui, text: RichText, max_width: f32) -> Arc<Galley> {
    egui::WidgetText::from(text).into_galley(
        ui,
        Some(egui::TextWrapMode::Wrap),
        max_width,
        egui::FontSelection::Default,
    )
}

/// A bubble around `text`, on the left (the bot) or the right (the contact).
fn bubble_ui(ui: &mut Ui, frame: Frame, text: Arc<Galley>, align: Align) -> egui::Response {
    ui.with_layout(Layout::top_down(align), |ui| {
        let shown = frame.show(ui, |ui| {
            ui.set_width(text.size().x);
            ui.add(egui::Label::new(text).selectable(false));
        });
        ui.interact(shown.response.rect, shown.response.id, Sense::click())
    })
    .inner
}

fn bot_ui(
    ui: &mut Ui,
    colors: &ChatColors,
    text: &str,
    buttons: &[String],
    max_width: f32,
    is_inspected: bool,
) -> egui::Response {
    let text = galley(
        ui,
        RichText::new(text).color(colors.bot_text).size(13.5),
        max_width,
    );
    let frame = bubble_frame(colors.bot, is_inspected, true);
    let mut response = bubble_ui(ui, frame, text, Align::Min);
    if !buttons.is_empty() {
        ui.add_space(3.0);
        let chips = ui.horizontal_wrapped(|ui| {
            ui.set_max_width(max_width + 24.0);
            ui.spacing_mut().item_spacing = egui::vec2(4.0, 4.0);
            for button in buttons {
                chip_ui(ui, button);
            }
        });
        response |= ui.interact(
            chips.response.rect,
            response.id.with("chips"),
            Sense::click(),
        );
    }
    response
}

fn chip_ui(ui: &mut Ui, text: &str) {
    Frame::new()
        .stroke(Stroke::new(1.0, ACCENT.gamma_multiply(0.8)))
        .corner_radius(CornerRadius::same(10))
        .inner_margin(Margin::symmetric(9, 3))
        .show(ui, |ui| {
            ui.add(
                egui::Label::new(RichText::new(text).color(ACCENT).size(12.5)).selectable(false),
            );
        });
}

fn contact_ui(
    ui: &mut Ui,
    w: Lang,
    colors: &ChatColors,
    text: &str,
    problem: Option<&str>,
    max_width: f32,
    is_inspected: bool,
) -> egui::Response {
    let text = galley(
        ui,
        RichText::new(text).color(colors.contact_text).size(13.5),
        max_width,
    );
    let frame = bubble_frame(colors.contact, is_inspected, false);
    let response = bubble_ui(ui, frame, text, Align::Max);
    if let Some(problem) = problem {
        let color = crate::ui::theme::severity_color(fluxo_core::Severity::Warning);
        ui.with_layout(Layout::top_down(Align::Max), |ui| {
            ui.label(
                RichText::new(format!("{}: {problem}", w.tr("sim-not-accepted")))
                    .small()
                    .color(color),
            );
        });
    }
    response
}

fn system_ui(ui: &mut Ui, colors: &ChatColors, text: &str, is_inspected: bool) -> egui::Response {
    let max_width = ui.available_width() * 0.9;
    let text = galley(
        ui,
        RichText::new(text).small().color(colors.system),
        max_width,
    );
    let stroke = if is_inspected {
        Stroke::new(1.5, ACCENT)
    } else {
        Stroke::NONE
    };
    let frame = Frame::new()
        .fill(colors.system.gamma_multiply(0.14))
        .stroke(stroke)
        .corner_radius(CornerRadius::same(8))
        .inner_margin(Margin::symmetric(10, 3));
    bubble_ui(ui, frame, text, Align::Center)
}

/// What the reply box asked for.
pub(crate) enum ReplyAction {
    Send(String),
    Silence,
}

/// The box where the user answers as the contact (shown while the run waits for a reply).
pub(crate) fn reply_box_ui(ui: &mut Ui, w: Lang, text: &mut String) -> Option<ReplyAction> {
    let mut action = None;
    let id = egui::Id::unique("fluxo.sim.reply");
    let label = ui.label(
        RichText::new(w.tr("sim-reply-as-the-contact"))
            .small()
            .weak(),
    );
    ui.horizontal(|ui| {
        let send_width = 150.0;
        let response = ui
            .add(
                egui::TextEdit::singleline(text)
                    .id(id)
                    .hint_text(w.tr("sim-type-contact-reply-press-enter"))
                    .desired_width((ui.available_width() - send_width).max(120.0)),
            )
            .labelled_by(label.id);
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (entered || ui.button(w.tr("sim-send")).clicked()) && !text.trim().is_empty() {
            action = Some(ReplyAction::Send(std::mem::take(text)));
            ui.memory_mut(|memory| memory.request_focus(id));
        }
        if ui
            .button(w.tr("sim-no-reply"))
            .on_hover_text(w.tr("sim-contact-stays-silent-ask-time"))
            .clicked()
        {
            action = Some(ReplyAction::Silence);
        }
    });
    action
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use fluxo_core::Flow;
    use fluxo_core::flow::{Edge, KindTag, Node, NodeKind, Scenario};
    use fluxo_core::sim::Options;

    /// A Message in a loop: one chat line a step until the step limit.
    fn looping_run() -> Run {
        let mut flow = Flow::new("laço");
        let text = NodeKind::Message {
            text: "Volta".into(),
            buttons: vec![],
        };
        flow.nodes.push(Node::new("mensagem", (0.0, 0.0), text));
        flow.nodes
            .push(Node::new("fim", (0.0, 0.0), KindTag::End.default_kind()));
        flow.edges.push(Edge::new("inicio", "next", "mensagem"));
        flow.edges.push(Edge::new("mensagem", "next", "mensagem"));
        let mut run = Run::new(&flow, &Scenario::default(), Options::default());
        while run.step().is_some() {}
        run
    }

    #[test]
    fn the_chat_keeps_its_last_lines_and_counts_the_others() {
        let run = looping_run();
        let said: usize = run
            .steps()
            .map(|step| step.events.iter().filter(|event| is_said(event)).count())
            .sum();
        assert!(said > 1_000, "{said}");
        let chat = chat(Lang::En, &run, MAX_LINES);
        assert_eq!(chat.items.len(), MAX_LINES);
        assert_eq!(chat.skipped, said - MAX_LINES);
        let last = run.step_count() - 1;
        assert_eq!(chat.items.last().map(ChatItem::step), Some(last));
        let running = super::chat(Lang::En, &run, lines_shown(true));
        assert_eq!(running.items[..], chat.items[MAX_LINES - 30..]);
    }

    #[test]
    fn long_lines_are_clipped_on_a_character_boundary() {
        let w = Lang::PtBr;
        assert_eq!(clipped("Olá"), ("Olá".to_owned(), 0));
        let exact = "ç".repeat(MAX_CHARS);
        assert_eq!(clipped(&exact), (exact.clone(), 0));
        let long = "ç".repeat(MAX_CHARS + 5);
        let (kept, more) = clipped(&long);
        assert_eq!((kept.as_str(), more), (exact.as_str(), 5));
        let shown = shown_text(w, &kept, more);
        assert!(shown.starts_with(&exact), "the first characters stay");
        assert!(
            shown.ends_with("… (+5 caracteres: os eventos do passo têm o texto inteiro)"),
            "{}",
            &shown[shown.len() - 80..]
        );
    }
}
