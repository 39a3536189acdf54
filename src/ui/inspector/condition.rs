//! The Condition form: cases as cards (port, all/any, rules), reorderable, and the `else` exit.
//! A case's port is renamed on Enter together with its edge (`RenamePort` in the same step); a
//! removed case takes its edge with it.

use egui::{RichText, Ui};
use fluxo_core::Command;
use fluxo_core::flow::{Case, ELSE_PORT, Mode, Op, Rule};

use super::form::Form;
use super::template_edit::TemplateStyle;
use crate::tr;
use crate::ui::widgets::fields::Controls as _;
use crate::ui::widgets::fields::{self, Buffer, Commit, RowAction};

pub(crate) fn condition_ui(form: &mut Form<'_>, ui: &mut Ui, cases: &mut Vec<Case>) {
    fields::help_ui(ui, form.tr("inspector-first-case-whose-rules-hold"));
    let len = cases.len();
    let mut action = None;
    for index in 0..len {
        let ports: Vec<String> = cases.iter().map(|case| case.port.clone()).collect();
        let Some(case) = cases.get_mut(index) else {
            continue;
        };
        let frame = egui::Frame::group(ui.style()).inner_margin(egui::Margin::same(8));
        frame.show(ui, |ui| {
            ui.set_width(ui.available_width());
            if let Some(row) = case_header_ui(form, ui, index, len, case, &ports) {
                action = Some((index, row));
            }
            rules_ui(form, ui, index, case);
        });
        form.findings_ui(ui, &format!("cases[{index}]"));
        ui.add_space(4.0);
    }
    if let Some((index, row)) = action {
        if row == RowAction::Remove
            && let Some(case) = cases.get(index)
            && form.flow.edge_from(form.node, &case.port).is_some()
        {
            form.extra.push(Command::Disconnect {
                from: form.node.to_owned(),
                port: case.port.clone(),
            });
        }
        fields::apply_row_action(cases, index, row);
        form.step();
    }
    ui.horizontal(|ui| {
        if fields::add_button_ui(ui, form.tr("inspector-add-case")).clicked() {
            let port = unique_port(cases);
            cases.push(Case {
                port,
                mode: Mode::All,
                rules: vec![Rule::default()],
            });
            form.step();
        }
    });
    ui.add_space(2.0);
    ui.horizontal(|ui| {
        ui.label(RichText::new(ELSE_PORT).monospace());
        ui.label(
            RichText::new(form.tr("inspector-when-no-case-holds"))
                .small()
                .weak(),
        );
    });
    form.findings_ui(ui, "cases");
}

/// `caso_1`, `caso_2`... the first that no case uses.
fn unique_port(cases: &[Case]) -> String {
    (1..=cases.len() + 1)
        .map(|n| format!("caso_{n}"))
        .find(|port| cases.iter().all(|case| &case.port != port))
        .unwrap_or_else(|| format!("caso_{}", cases.len() + 2))
}

/// "Case N", the port (renamed on Enter), all/any and the row buttons.
fn case_header_ui(
    form: &mut Form<'_>,
    ui: &mut Ui,
    index: usize,
    len: usize,
    case: &mut Case,
    ports: &[String],
) -> Option<RowAction> {
    let mut action = None;
    ui.horizontal(|ui| {
        let title = tr!(form.lang(), "inspector-case-n", n = index + 1);
        ui.label(RichText::new(title).strong());
        ui.add_space((ui.available_width() - 62.0).max(0.0));
        action = fields::row_buttons_ui(ui, form.lang(), index, len);
    });
    let label = form.label(
        ui,
        form.tr("inspector-exit-port"),
        &format!("cases[{index}].port"),
    );
    port_field_ui(form, ui, index, case, ports, label.id);
    let modes = [
        (Mode::All, form.tr("inspector-all-rules-hold")),
        (Mode::Any, form.tr("inspector-any-rule-holds")),
    ];
    let width = ui.available_width().min(220.0);
    form.combo(
        ui,
        &format!("cases[{index}].mode"),
        &mut case.mode,
        &modes,
        width,
        form.tr("inspector-when-the-case-holds"),
    );
    action
}

/// The port name: committed on Enter with its edge, refused when empty, `else` or taken.
fn port_field_ui(
    form: &mut Form<'_>,
    ui: &mut Ui,
    index: usize,
    case: &mut Case,
    ports: &[String],
    label: egui::Id,
) {
    let path = format!("cases[{index}].port");
    let id = form.id(&path);
    let mut buffer = Buffer::load(ui, id, case.port.clone());
    let is_pending = buffer.is_pending();
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut buffer.text)
                .id(id)
                .desired_width(ui.available_width().min(220.0)),
        )
        .labelled_by(label);
    let (empty, reserved, taken) = (
        form.tr("inspector-give-exit-name"),
        form.tr("inspector-else-exit-taken-when-no"),
        form.tr("inspector-another-case-already-uses-exit"),
    );
    let finished = buffer.finish(ui, &response, Commit::OnEnter, |text| {
        let text = text.trim();
        if text.is_empty() {
            Err(empty.to_owned())
        } else if text == ELSE_PORT {
            Err(reserved.to_owned())
        } else if ports
            .iter()
            .enumerate()
            .any(|(other, port)| other != index && port == text)
        {
            Err(taken.to_owned())
        } else {
            Ok((text.to_owned(), text.to_owned()))
        }
    });
    if let Some(error) = finished.error {
        fields::error_ui(ui, &error);
    } else if is_pending && response.has_focus() {
        fields::help_ui(ui, form.tr("inspector-press-enter-rename-exit-keep"));
    }
    if let Some(port) = finished.value {
        form.extra.push(Command::RenamePort {
            node: form.node.to_owned(),
            from: case.port.clone(),
            to: port.clone(),
        });
        case.port = port;
        form.step();
    }
    form.findings_ui(ui, &path);
}

/// The operators with their labels, in the order the combo lists them.
fn op_choices(form: &Form<'_>) -> Vec<(Op, &'static str)> {
    vec![
        (Op::Equals, form.tr("inspector-equals")),
        (Op::NotEquals, form.tr("inspector-does-not-equal")),
        (Op::Contains, form.tr("inspector-contains")),
        (Op::StartsWith, form.tr("inspector-starts-with")),
        (Op::EndsWith, form.tr("inspector-ends-with")),
        (Op::Greater, form.tr("inspector-greater-than")),
        (Op::GreaterOrEqual, form.tr("inspector-greater-or-equal")),
        (Op::Less, form.tr("inspector-less-than")),
        (Op::LessOrEqual, form.tr("inspector-less-or-equal")),
        (Op::IsEmpty, form.tr("inspector-is-empty")),
        (Op::IsNotEmpty, form.tr("inspector-is-not-empty")),
        (Op::Matches, form.tr("inspector-matches-regex")),
        (Op::In, form.tr("inspector-one-b-c")),
    ]
}

fn rules_ui(form: &mut Form<'_>, ui: &mut Ui, case_index: usize, case: &mut Case) {
    let ops = op_choices(form);
    let len = case.rules.len();
    let mut action = None;
    if len == 0 {
        fields::help_ui(ui, form.tr("inspector-no-rules-case-never-holds"));
    }
    for (index, rule) in case.rules.iter_mut().enumerate() {
        let path = format!("cases[{case_index}].rules[{index}]");
        ui.add_space(2.0);
        ui.separator();
        ui.horizontal(|ui| {
            let total = ui.available_width();
            let var_width = (total * 0.42).max(90.0);
            let hint = form.tr("inspector-variable-2");
            form.name_inline(ui, &format!("{path}.var"), &mut rule.var, var_width, hint);
            let op_width = (total - var_width - 80.0).max(90.0);
            let name = form.tr("inspector-operator");
            form.combo(
                ui,
                &format!("{path}.op"),
                &mut rule.op,
                &ops,
                op_width,
                name,
            );
            if let Some(row) = fields::row_buttons_ui(ui, form.lang(), index, len) {
                action = Some((index, row));
            }
        });
        form.findings_ui(ui, &format!("{path}.var"));
        if rule.op.has_value() {
            let hint = if rule.op == Op::In {
                "online, away"
            } else {
                form.tr("inspector-value-or")
            };
            form.template_inline(
                ui,
                &format!("{path}.value"),
                &mut rule.value,
                TemplateStyle::Line,
                hint,
                None,
            );
            form.findings_ui(ui, &format!("{path}.value"));
        }
    }
    if let Some((index, row)) = action {
        fields::apply_row_action(&mut case.rules, index, row);
        form.step();
    }
    if fields::add_button_ui(ui, form.tr("inspector-add-rule")).clicked() {
        case.rules.push(Rule::default());
        form.step();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_ports_are_unique() {
        let mut cases = vec![Case {
            port: "caso_1".into(),
            ..Case::default()
        }];
        assert_eq!(unique_port(&cases), "caso_2");
        cases[0].port = "sim".into();
        assert_eq!(unique_port(&cases), "caso_1");
    }
}
