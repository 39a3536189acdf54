//! Every Typebot export of a folder imports, loads back from the written file, checks without a
//! load error and runs its first scenario to an end that is not `Error`, `DeadEnd` or
//! `StepLimit`, and the scenario passes: the project's own fixtures (`tests/fixtures/typebot/`),
//! and the real exports in `../shared/interop/typebot/` (relative to the repository root;
//! `FLUXO_TYPEBOT_DIR` names another folder), the templates published in the typebot.io
//! repository. Without that folder the test says so and passes (CI has it).
// Test code: failing is the point.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use std::path::PathBuf;

use fluxo_core::flow::EndReason;
use fluxo_core::interop::typebot::{self, BlockStatus, ImportOptions};
use fluxo_core::sim::{Options, Run, expect};
use fluxo_core::{check, file};

fn folder() -> PathBuf {
    match std::env::var_os("FLUXO_TYPEBOT_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/interop/typebot"),
    }
}

#[test]
fn every_real_export_imports_loads_checks_and_runs() {
    let folder = folder();
    let Ok(entries) = std::fs::read_dir(&folder) else {
        println!(
            "note: {} does not exist: the real Typebot exports were not imported",
            folder.display()
        );
        return;
    };
    let paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    import_all(paths, &folder);
}

#[test]
fn the_fixtures_that_are_typebot_exports_import_loads_checks_and_run() {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/typebot");
    let paths = vec![folder.join("pizzaria.json")];
    import_all(paths, &folder);
}

fn import_all(mut paths: Vec<PathBuf>, folder: &std::path::Path) {
    paths.sort();
    assert!(!paths.is_empty(), "no export in {}", folder.display());
    // `FLUXO_TYPEBOT_OUT` keeps the written flows there, to look at.
    let kept = std::env::var_os("FLUXO_TYPEBOT_OUT").map(PathBuf::from);
    let out_dir = kept.clone().unwrap_or_else(|| {
        // One folder per call: the tests run at the same time.
        static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        std::env::temp_dir().join(format!("fluxo-typebot-{}-{call}", std::process::id()))
    });
    std::fs::create_dir_all(&out_dir).unwrap();
    for path in &paths {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(path).unwrap();
        let imported = typebot::import(&text, &ImportOptions::default())
            .unwrap_or_else(|err| panic!("{name}: {err}"));
        let report = &imported.report;
        // Every block is accounted for, and every placeholder is listed with a note's item.
        let blocks: usize = {
            let value: serde_json::Value = serde_json::from_str(&text).unwrap();
            value["groups"]
                .as_array()
                .unwrap()
                .iter()
                .map(|group| group["blocks"].as_array().map_or(0, Vec::len))
                .sum()
        };
        assert_eq!(report.blocks.len(), blocks, "{name}");
        for block in &report.blocks {
            if block.status == BlockStatus::Placeholder {
                let node = block.node.as_deref().unwrap();
                assert!(
                    report.items_of(node).next().is_some(),
                    "{name}: placeholder {node} is not in the report"
                );
            }
        }
        let out = out_dir.join(format!("{name}.flow.ron"));
        file::save(&imported.flow, &out).unwrap_or_else(|err| panic!("{name}: {err}"));
        let loaded = file::load(&out).unwrap_or_else(|err| panic!("{name}: {err}"));
        assert!(
            loaded.unknown_fields.is_empty(),
            "{name}: {:?}",
            loaded.unknown_fields
        );
        assert_eq!(
            loaded.flow, imported.flow,
            "{name}: the file reads back the same"
        );
        let findings = check(&loaded.flow);
        let flow = &loaded.flow;
        let scenario = flow
            .scenarios
            .first()
            .unwrap_or_else(|| panic!("{name}: no scenario"));
        let mut run = Run::new(flow, scenario, Options::default());
        run.run_to_end();
        let end = run.end().unwrap();
        assert_ne!(end.reason, EndReason::Error, "{name}: {}", end.message);
        assert_ne!(end.reason, EndReason::DeadEnd, "{name}: {}", end.message);
        assert_ne!(end.reason, EndReason::StepLimit, "{name}");
        assert_eq!(
            expect::check(&scenario.expect, &run),
            vec![],
            "{name}: the first scenario passes"
        );
        println!(
            "{name}: {} nodes, {} edges, {} findings ({} errors), {} items, {} overlaps, scenario: {} replies, {:?} at {:?}",
            flow.nodes.len(),
            flow.edges.len(),
            findings.len(),
            findings
                .iter()
                .filter(|f| f.severity == fluxo_core::Severity::Error)
                .count(),
            report.items.len(),
            report.overlaps,
            scenario.replies.len(),
            end.reason,
            end.node,
        );
    }
    if kept.is_none() {
        let _ = std::fs::remove_dir_all(&out_dir);
    }
}
