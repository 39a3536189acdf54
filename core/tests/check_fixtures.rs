//! Every fixture under `tests/fixtures/check/` is loaded as `fluxo check` loads a file and
//! checked; its whole findings, as data (severity, code, place, wording and arguments), are
//! compared with the snapshot `snapshots/check_fixtures__NAME.snap`. A fixture named
//! `CODE.clean.flow.ron` is a near miss that must have no finding of CODE (its snapshot shows the
//! others, if any); every code must show up in some fixture.
//!
//! After changing what a check finds: `INSTA_UPDATE=always cargo test -p fluxo-core --test
//! check_fixtures`, read the changed `.snap` files, commit them.

// The helpers below are test code too: a failure there is the test failing.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use fluxo_core::check::{Code, Finding, check_loaded};
use fluxo_core::file;

fn fixtures() -> Vec<PathBuf> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/check");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap_or_else(|err| panic!("{}: {err}", folder.display()))
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.to_string_lossy().ends_with(".flow.ron"))
        .collect();
    paths.sort();
    paths
}

/// One line per finding: `severity[code] place variant args`, the arguments as JSON.
fn render(findings: &[Finding]) -> String {
    let mut out = String::new();
    for finding in findings {
        let args = serde_json::to_string(&finding.args).unwrap_or_default();
        let variant = if finding.variant.is_empty() {
            "-"
        } else {
            finding.variant
        };
        let _ = writeln!(
            out,
            "{}[{}] {} {variant} {args}",
            finding.severity.as_str(),
            finding.code.as_str(),
            finding.location(),
        );
    }
    out
}

#[test]
fn every_fixture_gives_its_snapshot() {
    let mut seen = BTreeSet::new();
    let paths = fixtures();
    assert!(paths.len() >= 25, "only {} fixtures", paths.len());
    for path in paths {
        let name = path
            .file_name()
            .map(|name| {
                name.to_string_lossy()
                    .trim_end_matches(".flow.ron")
                    .to_owned()
            })
            .unwrap_or_default();
        let loaded = file::load(&path).unwrap_or_else(|err| panic!("{err}"));
        let findings = check_loaded(&loaded);
        let code = name.split('.').next().unwrap_or_default();
        if name.split('.').nth(1) == Some("clean") {
            // A near miss: nothing of its code (other findings, if any, are in its snapshot).
            let of_code: Vec<&Finding> = findings
                .iter()
                .filter(|finding| finding.code.as_str() == code)
                .collect();
            assert!(of_code.is_empty(), "{name}: {of_code:#?}");
        } else {
            assert!(!findings.is_empty(), "{name} finds nothing");
        }
        seen.extend(findings.iter().map(|finding| finding.code));
        insta::assert_snapshot!(name, render(&findings));
    }
    let missing: Vec<&str> = Code::ALL
        .iter()
        .filter(|code| !seen.contains(code))
        .map(|code| code.as_str())
        .collect();
    assert!(missing.is_empty(), "no fixture shows {missing:?}");
}
