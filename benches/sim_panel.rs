//! The whole window with the simulator dock open, driven headless frame by frame: CPU time of a
//! frame (`FluxoApp::show`, layout only) while a long run goes on, once it has ended (a chat of
//! thousands of lines), and while "run all" works through many scenarios of a big flow.
//!
//! Targets: a run never freezes the window (each frame of a running run, p95 <= 25 ms: the run's
//! 12 ms budget plus drawing); an ended 10,000-step run redraws at p95 <= 16 ms; run all on a
//! 2,000-node flow with 200 scenarios keeps frames at p95 <= 16 ms while it works.
//!
//! Run: `cargo bench --bench sim_panel`.

use std::time::{Duration, Instant};

use egui::{Context, Pos2, RawInput, Rect, Vec2};
use fluxo::ui::actions::SimAction;
use fluxo::ui::app::{Document, FluxoApp};
use fluxo_core::Flow;
use fluxo_core::flow::{Edge, KindTag, Node, NodeKind, Scenario, TemplateMap};
use fluxo_core::generator;

const SCREEN: Vec2 = Vec2::new(1440.0, 900.0);

/// A loop that never waits: Message, SetVariable, back to the Message; it ends `StepLimit`
/// after 10,000 steps, 5,000 of them sending a message.
fn endless_loop() -> Flow {
    let mut flow = Flow::new("laço");
    flow.nodes.push(Node::new(
        "mensagem",
        (300.0, 120.0),
        NodeKind::Message {
            text: "Volta número {{contador}}".into(),
            buttons: vec!["Sim".into(), "Não".into()],
        },
    ));
    let mut set = TemplateMap::new();
    set.insert("contador".into(), "{{contador}}1".into());
    flow.nodes.push(Node::new(
        "conta",
        (560.0, 120.0),
        NodeKind::SetVariable { set },
    ));
    flow.nodes.push(Node::new(
        "fim",
        (820.0, 120.0),
        KindTag::End.default_kind(),
    ));
    flow.edges.push(Edge::new("inicio", "next", "mensagem"));
    flow.edges.push(Edge::new("mensagem", "next", "conta"));
    flow.edges.push(Edge::new("conta", "next", "mensagem"));
    flow.scenarios.push(Scenario {
        name: "laço".into(),
        ..Scenario::default()
    });
    flow
}

struct Window {
    ctx: Context,
    app: FluxoApp,
    frame: usize,
}

impl Window {
    fn new(flow: Flow) -> Self {
        let mut window = Self {
            ctx: Context::default(),
            app: FluxoApp::new(Document::new(flow, None)),
            frame: 0,
        };
        window.app.set_simulator_open(true);
        for _ in 0..5 {
            window.frame();
        }
        window
    }

    /// One frame; its CPU time in milliseconds.
    fn frame(&mut self) -> f64 {
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SCREEN)),
            time: Some(self.frame as f64 / 60.0),
            ..RawInput::default()
        };
        self.frame += 1;
        let started = Instant::now();
        let mut output = self.ctx.run_ui(input, |ui| self.app.show(ui));
        let elapsed = started.elapsed().as_secs_f64() * 1000.0;
        output.textures_delta.clear();
        elapsed
    }

    fn act(&mut self, action: SimAction) {
        let ctx = self.ctx.clone();
        self.app.run_sim_action(&ctx, action);
    }
}

fn percentile(values: &[f64], p: f64) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted
        .get(rank.min(sorted.len().saturating_sub(1)))
        .copied()
        .unwrap_or(0.0)
}

fn report(name: &str, times: &[f64], target_p95: f64) -> bool {
    let p95 = percentile(times, 0.95);
    let is_met = p95 <= target_p95;
    println!(
        "{name:<44} {:>6} {:>7.2} {:>7.2} {:>7.2}   p95 <= {target_p95} ms: {}",
        times.len(),
        percentile(times, 0.5),
        p95,
        times.iter().copied().fold(0.0, f64::max),
        if is_met { "met" } else { "NOT MET" }
    );
    is_met
}

fn main() {
    if cfg!(debug_assertions) {
        eprintln!("note: a debug build draws ~20x slower; run `cargo bench --bench sim_panel`");
    }
    println!(
        "window frame CPU time with the simulator open, {}x{} points (ms)",
        SCREEN.x, SCREEN.y
    );
    println!(
        "{:<44} {:>6} {:>7} {:>7} {:>7}",
        "scenario", "frames", "p50", "p95", "max"
    );

    // A 10,000-step run, made by Run: it goes on over several frames.
    let mut window = Window::new(endless_loop());
    window.act(SimAction::Run);
    let mut running = Vec::new();
    while window
        .app
        .sim()
        .run()
        .is_some_and(fluxo_core::sim::Run::is_running)
    {
        running.push(window.frame());
        if running.len() > 10_000 {
            break;
        }
    }
    let steps = window
        .app
        .sim()
        .run()
        .map_or(0, fluxo_core::sim::Run::step_count);
    let all_met = report(&format!("running a {steps}-step loop"), &running, 25.0);
    let ended: Vec<f64> = (0..120).map(|_| window.frame()).collect();
    let all_met = report("redrawing it once ended (chat, variables)", &ended, 16.0) && all_met;

    // Run all on a big flow, the worker thread busy while the window draws.
    let flow = generator::flow_with_scenarios(2_000, 7, 200);
    let mut window = Window::new(flow);
    window.act(SimAction::RunAll);
    let mut during = Vec::new();
    let started = Instant::now();
    while window.app.sim().is_running_all() && started.elapsed() < Duration::from_mins(2) {
        during.push(window.frame());
    }
    let total = started.elapsed();
    let all_met = report("run all: 2,000 nodes, 200 scenarios", &during, 16.0) && all_met;
    let passed = window
        .app
        .sim()
        .report()
        .map_or(0, fluxo::ui::sim_panel::Report::passed);
    println!(
        "run all took {:.2} s ({} frames drawn meanwhile); {passed} passed",
        total.as_secs_f64(),
        during.len()
    );
    let coverage: Vec<f64> = (0..120).map(|_| window.frame()).collect();
    let all_met = report("coverage drawn on the 2,000-node flow", &coverage, 16.0) && all_met;
    println!(
        "{}",
        if all_met {
            "all targets met"
        } else {
            "some targets NOT MET"
        }
    );
}
