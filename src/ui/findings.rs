//! The findings list (a click shows the finding's node) and the status bar counts.

use egui::{Align2, CornerRadius, FontId, Role, Sense, WidgetInfo, vec2};
use fluxo_core::{Finding, Severity};

use super::context::{AppCommand, Badge, Badges, FrameCx, NodeFocus, Panel};
use super::{theme, wording};
use crate::i18n::Lang;
use crate::tr;

const ROW_HEIGHT: f32 = 24.0;

/// How many findings of each severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
}

impl Counts {
    pub fn of(findings: &[Finding]) -> Self {
        let errors = findings
            .iter()
            .filter(|finding| finding.severity == Severity::Error)
            .count();
        Self {
            errors,
            warnings: findings.len() - errors,
        }
    }

    /// "2 errors", "1 error" in `lang`.
    pub fn errors_text(self, lang: Lang) -> String {
        tr!(lang, "window-errors-count", n = self.errors)
    }

    /// "2 warnings", "1 warning" in `lang`.
    pub fn warnings_text(self, lang: Lang) -> String {
        tr!(lang, "window-warnings-count", n = self.warnings)
    }
}

/// Each node's badge: how many findings it has and the worst one.
pub fn badges(findings: &[Finding]) -> Badges {
    let mut badges = Badges::new();
    for finding in findings {
        let Some(node) = &finding.node else {
            continue;
        };
        badges
            .entry(node.clone())
            .and_modify(|badge: &mut Badge| {
                badge.count += 1;
                badge.worst = badge.worst.min(finding.severity);
            })
            .or_insert(Badge {
                count: 1,
                worst: finding.severity,
            });
    }
    badges
}

/// Which severities the list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Filter {
    pub show_errors: bool,
    pub show_warnings: bool,
}

impl Default for Filter {
    fn default() -> Self {
        Self {
            show_errors: true,
            show_warnings: true,
        }
    }
}

impl Filter {
    fn shows(self, severity: Severity) -> bool {
        match severity {
            Severity::Error => self.show_errors,
            Severity::Warning => self.show_warnings,
        }
    }
}

/// The findings panel: the list, filtered by severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FindingsPanel {
    pub filter: Filter,
}

impl Panel for FindingsPanel {
    /// Draws the list; a click on a finding about a node shows that node.
    fn ui(&mut self, ui: &mut egui::Ui, cx: &FrameCx<'_>, out: &mut Vec<AppCommand>) {
        let Some(index) = findings_ui(ui, cx.lang, cx.findings, &mut self.filter) else {
            return;
        };
        let Some(node) = cx.findings.get(index).and_then(|f| f.node.clone()) else {
            return;
        };
        if cx.flow.node(&node).is_some() {
            out.push(AppCommand::ShowNode(node, NodeFocus::Center));
        }
    }
}

/// Draws the list. Returns the index (into `findings`) of a finding the user clicked.
fn findings_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    findings: &[Finding],
    filter: &mut Filter,
) -> Option<usize> {
    let counts = Counts::of(findings);
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(lang.tr("window-problems")).strong());
        ui.add_space(8.0);
        let text = counts.errors_text(lang);
        chip_ui(
            ui,
            &mut filter.show_errors,
            Severity::Error,
            &text,
            counts.errors,
        )
        .on_hover_text(lang.tr("window-errors"));
        let text = counts.warnings_text(lang);
        chip_ui(
            ui,
            &mut filter.show_warnings,
            Severity::Warning,
            &text,
            counts.warnings,
        )
        .on_hover_text(lang.tr("window-warnings"));
    });
    ui.separator();
    if findings.is_empty() {
        ui.add_space(6.0);
        ui.label(
            egui::RichText::new(format!("✔ {}", lang.tr("window-no-problems-found")))
                .color(egui::Color32::from_rgb(0x22, 0xA0, 0x55)),
        );
        return None;
    }
    let shown: Vec<usize> = findings
        .iter()
        .enumerate()
        .filter(|(_, finding)| filter.shows(finding.severity))
        .map(|(index, _)| index)
        .collect();
    let mut clicked = None;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, ROW_HEIGHT, shown.len(), |ui, range| {
            for &index in shown.get(range).unwrap_or_default() {
                if let Some(finding) = findings.get(index)
                    && row_ui(ui, lang, finding).clicked()
                {
                    clicked = Some(index);
                }
            }
        });
    clicked
}

/// A filter switch: the severity's count, filled while its findings are shown.
fn chip_ui(
    ui: &mut egui::Ui,
    is_on: &mut bool,
    severity: Severity,
    text: &str,
    count: usize,
) -> egui::Response {
    // Nothing to show: the chip stays quiet.
    let color = if count == 0 {
        ui.visuals().weak_text_color()
    } else {
        theme::severity_color(severity)
    };
    let label = egui::RichText::new(format!("{} {text}", theme::severity_glyph(severity))).color(
        if *is_on {
            color
        } else {
            ui.visuals().weak_text_color()
        },
    );
    let fill = if *is_on {
        color.gamma_multiply(0.14)
    } else {
        egui::Color32::TRANSPARENT
    };
    let response = ui.add(
        egui::Button::new(label)
            .fill(fill)
            .stroke(egui::Stroke::new(
                1.0,
                color.gamma_multiply(if *is_on { 0.6 } else { 0.25 }),
            ))
            .corner_radius(CornerRadius::same(10)),
    );
    if response.clicked() {
        *is_on = !*is_on;
    }
    response
}

fn row_ui(ui: &mut egui::Ui, lang: Lang, finding: &Finding) -> egui::Response {
    let message = wording::finding_text(lang, finding);
    let (rect, response) = ui.allocate_exact_size(
        vec2(ui.available_width(), ROW_HEIGHT),
        if finding.node.is_some() {
            Sense::click()
        } else {
            Sense::hover()
        },
    );
    response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &message));
    let visuals = ui.visuals();
    if response.hovered() {
        ui.painter().rect_filled(
            rect,
            CornerRadius::same(4),
            visuals.widgets.hovered.weak_bg_fill,
        );
    }
    let painter = ui.painter_at(rect);
    let color = theme::severity_color(finding.severity);
    let mid = rect.center().y;
    let mut x = rect.min.x + 6.0;
    painter.text(
        egui::pos2(x, mid),
        Align2::LEFT_CENTER,
        theme::severity_glyph(finding.severity),
        FontId::proportional(13.0),
        color,
    );
    x += 22.0;
    let code = painter.text(
        egui::pos2(x, mid),
        Align2::LEFT_CENTER,
        finding.code.as_str(),
        FontId::monospace(11.5),
        visuals.weak_text_color(),
    );
    x = x.max(code.max.x).max(rect.min.x + 200.0) + 10.0;
    let place = match (&finding.node, &finding.field) {
        (Some(node), Some(field)) => format!("{node}.{field}"),
        (Some(node), None) => node.clone(),
        (None, Some(field)) => field.clone(),
        (None, None) => lang.tr("window-flow-place").to_owned(),
    };
    let place = painter.text(
        egui::pos2(x, mid),
        Align2::LEFT_CENTER,
        place,
        FontId::monospace(12.0),
        visuals.strong_text_color(),
    );
    x = place.max.x.max(x + 140.0) + 12.0;
    painter.text(
        egui::pos2(x, mid),
        Align2::LEFT_CENTER,
        message,
        FontId::proportional(13.0),
        visuals.text_color(),
    );
    if finding.node.is_some() {
        response.on_hover_text(lang.tr("window-click-show-node"))
    } else {
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluxo_core::Code;

    fn finding(severity: Severity, node: &str) -> Finding {
        Finding::new(severity, Code::Unreachable, Some(node.into()), None)
    }

    #[test]
    fn badges_count_and_keep_the_worst() {
        let findings = [
            finding(Severity::Warning, "a"),
            finding(Severity::Error, "a"),
            finding(Severity::Warning, "b"),
        ];
        let badges = badges(&findings);
        assert_eq!(badges["a"].count, 2);
        assert_eq!(badges["a"].worst, Severity::Error);
        assert_eq!(badges["b"].worst, Severity::Warning);
        assert_eq!(
            Counts::of(&findings),
            Counts {
                errors: 1,
                warnings: 2
            }
        );
    }
}
