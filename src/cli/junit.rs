//! `fluxo test --junit OUT.xml`: the results as JUnit XML for CI (one testsuite per file, one
//! testcase per scenario, a failure per failing scenario with its expectations). Written by hand:
//! the format is small, and escaping is the only subtle part.

use std::fmt::Write as _;

use super::test::{FileReport, Unreadable};

/// Text made safe inside XML attributes and elements: the five special characters escaped and
/// characters XML 1.0 forbids (most controls) replaced by U+FFFD.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if u32::from(c) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {
                out.push('\u{FFFD}');
            }
            c => out.push(c),
        }
    }
    out
}

/// The whole report. A file that could not be read is a suite with one errored test case, so
/// that CI shows it rather than a clean pass.
pub fn xml(reports: &[FileReport], unreadable: &[Unreadable]) -> String {
    let tests: usize = reports
        .iter()
        .map(|file| file.report.results.len())
        .sum::<usize>()
        + unreadable.len();
    let failures: usize = reports.iter().map(|file| file.report.failed()).sum();
    let errors = unreadable.len();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"fluxo test\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\">"
    );
    for file in unreadable {
        let name = escape(&file.file);
        let _ = writeln!(
            out,
            "  <testsuite name=\"{name}\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n    \
             <testcase classname=\"{name}\" name=\"load\">\n      <error message=\"{}\" type=\"unreadable\"/>\n    \
             </testcase>\n  </testsuite>",
            escape(&file.error)
        );
    }
    for file in reports {
        let report = &file.report;
        let _ = writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">",
            escape(&file.file),
            report.results.len(),
            report.failed()
        );
        let _ = writeln!(
            out,
            "    <properties><property name=\"coverage\" value=\"{}\"/>{}</properties>",
            escape(&report.coverage.to_string()),
            crate::live::cli::junit_suite_property(report)
        );
        for result in &report.results {
            let _ = write!(
                out,
                "    <testcase classname=\"{}\" name=\"{}\"",
                escape(if report.flow.is_empty() {
                    &file.file
                } else {
                    &report.flow
                }),
                escape(&result.name)
            );
            let live = crate::live::cli::junit_case_properties(report, result);
            if result.passed {
                if live.is_empty() {
                    out.push_str("/>\n");
                } else {
                    let _ = write!(out, ">\n{live}    </testcase>\n");
                }
                continue;
            }
            let lines: Vec<String> = result.failures.iter().map(ToString::to_string).collect();
            let summary = lines.first().cloned().unwrap_or_default();
            let _ = writeln!(
                out,
                ">\n{live}      <failure message=\"{}\" type=\"expectation\">{}</failure>\n    </testcase>",
                escape(&summary),
                escape(&lines.join("\n"))
            );
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_specials_and_controls() {
        assert_eq!(
            escape("a<b>&\"c\"'d'\u{1}\n"),
            "a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;\u{FFFD}\n"
        );
        assert_eq!(escape("ção"), "ção");
    }
}
