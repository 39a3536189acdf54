//! Hostile input: crafted flows fed to `check`, `run`, `test` and `convert` of the real binary,
//! under a memory limit (`ulimit -v`, 1 GiB) and a time limit. Whatever the file, fluxo exits
//! 0, 1 or 2: never a signal (a crash, an abort on allocation failure), never 101 (a panic), and
//! its output stays bounded (16 times the input plus 32 MiB: a run of 10,000 steps prints a few
//! MB whatever its input).
//!
//! The corpus is built here, not stored: deep nesting, huge strings and numbers, NaN and
//! infinities, control characters, invalid UTF-8, forty thousand edges, loops and
//! self-references, enormous counts, templates and regexes built to blow up, FIFOs, links to
//! `/dev/zero`, folders, empty and truncated files. The whole corpus takes about 15 s of CPU in a
//! debug build.
//!
//! Flows that only other work in progress can keep in bounds are marked: a SetVariable that
//! doubles or grows a value every step needs the simulator's 1 MiB value limit
//! ([`Needs::SimLimits`]: `run` and `test` held back); 20,000 Condition cases need checks linear
//! in the flow ([`Needs::LinearChecks`]: `check` takes ~90 s in a debug build today). The
//! held-back commands run in `hostile_files_that_need_other_work`, ignored until that work
//! lands. The heaviest files (a million edges: ~15 s a command in a debug build) are in
//! `hostile_heavy_files`, ignored too: run it with `--ignored`, best in `--release`. On
//! 2026-12-03 (debug) it failed only where `check` of a million edges outgrew 1 GiB (the
//! checks' memory, issue 9); `run`, `test` and `convert` passed.

#![allow(clippy::unwrap_used, clippy::panic, clippy::expect_used)]
#![cfg(unix)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// `ulimit -v` for every command, in KiB: 1 GiB (the binary itself needs about 100 MB).
const MEMORY_LIMIT_KIB: u64 = 1024 * 1024;
/// A command that takes longer is a hang.
const TIME_LIMIT: Duration = Duration::from_mins(1);

/// What a case needs from other work before every command may run on it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Needs {
    Nothing,
    /// `run` and `test` need the simulator's 1 MiB value limit (SPEC section 8).
    SimLimits,
    /// `check` needs checks linear in the size of the flow (issue 9, item 8): all its commands
    /// wait, to keep the suite's time.
    LinearChecks,
}

impl Needs {
    /// Whether `command` must wait for that work.
    fn holds_back(self, command: &str) -> bool {
        match self {
            Needs::Nothing => false,
            Needs::SimLimits => command == "run" || command == "test",
            // Its other commands are fine today, but slow in a debug build: they wait too.
            Needs::LinearChecks => true,
        }
    }
}

struct Case {
    name: String,
    /// The file's content, or `None` for a special file made by `prepare`.
    bytes: Option<Vec<u8>>,
    needs: Needs,
}

fn case(name: &str, text: impl Into<Vec<u8>>) -> Case {
    Case {
        name: name.to_owned(),
        bytes: Some(text.into()),
        needs: Needs::Nothing,
    }
}

fn special(name: &str) -> Case {
    Case {
        name: name.to_owned(),
        bytes: None,
        needs: Needs::Nothing,
    }
}

/// A flow with an Entry, `body` nodes and edges, in RON.
fn ron_flow(nodes: &str, edges: &str, extra: &str) -> String {
    format!(
        "(format: 1, name: \"hostil\", nodes: [(id: \"inicio\", kind: Entry()), {nodes}], edges: [{edges}], {extra})"
    )
}

fn corpus() -> Vec<Case> {
    let mut cases = malformed();
    cases.extend(numbers());
    cases.extend(texts());
    cases.extend(blow_ups());
    cases.extend(specials());
    for (name, set) in [
        ("dobra.flow.ron", "{{x}}{{x}}ab"),
        (
            "acumula.flow.ron",
            "{{x}}0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789",
        ),
    ] {
        let mut doubling = case(
            name,
            ron_flow(
                &format!(
                    "(id: \"set\", kind: SetVariable(set: {{\"x\": \"{set}\"}})), (id: \"m\", kind: Message(text: \"{{{{x}}}}\"))"
                ),
                "(from: \"inicio\", port: \"next\", to: \"set\"), (from: \"set\", port: \"next\", to: \"m\"), (from: \"m\", port: \"next\", to: \"set\")",
                "scenarios: [(name: \"x\")]",
            ),
        );
        doubling.needs = Needs::SimLimits;
        cases.push(doubling);
    }
    cases
}

/// Empty, nearly empty, truncated and deeply nested files.
fn malformed() -> Vec<Case> {
    vec![
        // Empty, nearly empty and truncated.
        case("vazio.flow.ron", ""),
        case("vazio.flow.json", ""),
        case("bom.flow.ron", b"\xEF\xBB\xBF".to_vec()),
        case("parentese.flow.ron", "("),
        case("formato_zero.flow.ron", "(format: 0)"),
        case("formato_futuro.flow.json", "{\"format\": 4294967295}"),
        case(
            "extensao.flow.ron",
            "#![enable(no_such_extension)]\n(format: 1)",
        ),
        case(
            "truncado.flow.ron",
            "(format: 1, nodes: [(id: \"a\", kind: Message(text: \"ol",
        ),
        // Deep nesting: in an unknown field, in typed places, in options, in JSON.
        case(
            "fundo.flow.ron",
            format!(
                "(format: 1, x: {}{})",
                "[".repeat(200_000),
                "]".repeat(200_000)
            ),
        ),
        case(
            "fundo_aberto.flow.ron",
            format!("(format: 1, x: {}", "(a: ".repeat(200_000)),
        ),
        case(
            "fundo_some.flow.ron",
            format!(
                "(format: 1, scenarios: [(name: \"a\", clock: {}\"x\"{})])",
                "Some(".repeat(100_000),
                ")".repeat(100_000)
            ),
        ),
        case(
            "fundo.flow.json",
            format!(
                "{{\"format\": 1, \"x\": {}{}}}",
                "[".repeat(500_000),
                "]".repeat(500_000)
            ),
        ),
        case(
            "fundo_tipado.flow.json",
            format!(
                "{{\"format\": 1, \"nodes\": {}{}}}",
                "[".repeat(100_000),
                "]".repeat(100_000)
            ),
        ),
    ]
}

/// Numbers out of every range, NaN and infinities.
fn numbers() -> Vec<Case> {
    vec![
        // Numbers out of every range, NaN and infinities.
        case(
            "numeros.flow.ron",
            ron_flow(
                "(id: \"fim\", pos: (1e38, -1e38), kind: End())",
                "(from: \"inicio\", port: \"next\", to: \"fim\")",
                "team: (agents: [(id: \"a\", capacity: 4294967295, active_chats: 4294967295)], \
                 schedules: [(name: \"s\", utc_offset_min: -2147483648, weekly: [(days: [Mon], open: \"00:00\", close: \"24:00\")])]), \
                 scenarios: [(name: \"n\", seed: 18446744073709551615, clock: \"9999-12-31T23:59:59+14:00\", \
                 expect: (position: 18446744073709551615))]",
            ),
        ),
        case(
            "numero_grande.flow.ron",
            "(format: 1, team: (agents: [(id: \"a\", capacity: 999999999999999999999999999999999999)]))",
        ),
        case(
            "numero_grande.flow.json",
            "{\"format\": 1, \"nodes\": [{\"id\": \"a\", \"pos\": [1e999999, 0], \"kind\": {\"End\": {}}}]}",
        ),
        case(
            "nan.flow.ron",
            "(format: 1, nodes: [(id: \"a\", pos: (NaN, inf), kind: Entry())])",
        ),
        case(
            "nan.flow.json",
            "{\"format\": 1, \"nodes\": [{\"id\": \"a\", \"pos\": [NaN, Infinity], \"kind\": {\"Entry\": {}}}]}",
        ),
        case(
            "tempo_enorme.flow.ron",
            ron_flow(
                "(id: \"req\", kind: Request(url: \"https://x.test/a\", timeout_ms: 18446744073709551615)), \
                 (id: \"pergunta\", kind: Ask(prompt: \"?\", save_as: \"r\", timeout_s: 18446744073709551615, retries: 4294967295)), \
                 (id: \"humano\", kind: LiveChat(department: \"D\", wait_timeout_s: 18446744073709551615, inactivity_timeout_s: 18446744073709551615)), \
                 (id: \"fim\", kind: End())",
                "(from: \"inicio\", port: \"next\", to: \"req\"), (from: \"req\", port: \"ok\", to: \"pergunta\"), \
                 (from: \"req\", port: \"error\", to: \"pergunta\"), (from: \"pergunta\", port: \"answered\", to: \"humano\"), \
                 (from: \"pergunta\", port: \"timeout\", to: \"humano\"), (from: \"pergunta\", port: \"invalid\", to: \"pergunta\"), \
                 (from: \"humano\", port: \"timeout\", to: \"humano\"), (from: \"humano\", port: \"agent_closed\", to: \"fim\")",
                "team: (departments: [\"D\"]), scenarios: [\
                 (name: \"a\", replies: [NoReply, NoReply, NoReply], mocks: [(url: \"*\", status: 200, delay_ms: 18446744073709551615)]), \
                 (name: \"b\", replies: [Text(\"\"), Text(\"\"), Text(\"\")], mocks: [(url: \"*\", fail: Timeout)], clock: \"9999-12-31T23:59:59Z\")]",
            ),
        ),
    ]
}

/// Control characters, escapes, invalid UTF-8; loops and self-references.
fn texts() -> Vec<Case> {
    vec![
        // Control characters, escapes, invalid UTF-8.
        case(
            "controle.flow.ron",
            ron_flow(
                "(id: \"m\u{1b}[31m\", kind: Message(text: \"\u{1b}]0;titulo\u{7}\u{1b}[2J\u{0}\r\u{8}\u{7f}\")), \
                 (id: \"fim\", kind: End(message: \"\\u{1b}[31mvermelho\\u{0}\"))",
                "(from: \"inicio\", port: \"next\", to: \"m\u{1b}[31m\"), (from: \"m\u{1b}[31m\", port: \"next\", to: \"fim\")",
                "scenarios: [(name: \"\u{1b}[31m\", contact: (name: \"\u{0}\u{1b}\"))]",
            ),
        ),
        case(
            "controle.flow.json",
            "{\"format\": 1, \"nodes\": [{\"id\": \"a\u{1}\", \"kind\": {\"Entry\": {}}}]}",
        ),
        case(
            "controle_escapado.flow.json",
            "{\"format\": 1, \"name\": \"\\u001b[31m\\u0000\", \"nodes\": [{\"id\": \"a\", \"kind\": {\"\\u001b[2J\": {}}}]}",
        ),
        case(
            "utf8.flow.ron",
            b"(format: 1, name: \"\xff\xfe\xc3\x28\")".to_vec(),
        ),
        case(
            "utf8.flow.json",
            b"{\"format\": 1, \"name\": \"\xed\xa0\x80\"}".to_vec(),
        ),
        case(
            "surrogate.flow.json",
            "{\"format\": 1, \"name\": \"\\ud800\"}",
        ),
        case(
            "binario.flow.ron",
            (0..=255_u8).cycle().take(100_000).collect::<Vec<u8>>(),
        ),
        // Loops and self-references.
        case(
            "laco.flow.ron",
            ron_flow(
                "(id: \"m\", kind: Message(text: \"de novo {{contact.name}}\"))",
                "(from: \"inicio\", port: \"next\", to: \"m\"), (from: \"m\", port: \"next\", to: \"m\")",
                "",
            ),
        ),
        case(
            "auto_entrada.flow.ron",
            ron_flow(
                "(id: \"inicio\", kind: Entry()), (id: \"c\", kind: Condition(cases: [(port: \"else\", rules: [])]))",
                "(from: \"inicio\", port: \"next\", to: \"inicio\"), (from: \"c\", port: \"else\", to: \"c\"), \
                 (from: \"c\", port: \"else\", to: \"inicio\")",
                "",
            ),
        ),
    ]
}

/// Templates, regexes and sizes built to blow up.
fn blow_ups() -> Vec<Case> {
    vec![
        // Templates and regexes built to blow up.
        case(
            "modelos.flow.ron",
            ron_flow(
                &format!(
                    "(id: \"m\", kind: Message(text: \"{}{}{}\")), (id: \"fim\", kind: End())",
                    "{{".repeat(100_000),
                    "<? $".repeat(50_000),
                    "{{x}}".repeat(50_000)
                ),
                "(from: \"inicio\", port: \"next\", to: \"m\"), (from: \"m\", port: \"next\", to: \"fim\")",
                "",
            ),
        ),
        case(
            "regex.flow.ron",
            ron_flow(
                "(id: \"p\", kind: Ask(prompt: \"?\", save_as: \"r\", expect: Regex(\"(a+)+$|a{1000}{1000}{1000}|\\\\p{L}{99999}\"))), \
                 (id: \"c\", kind: Condition(cases: [(port: \"s\", rules: [(var: \"r\", op: Matches, value: \"((((((a*)*)*)*)*)*)*b\")])])), \
                 (id: \"fim\", kind: End())",
                "(from: \"inicio\", port: \"next\", to: \"p\"), (from: \"p\", port: \"answered\", to: \"c\"), \
                 (from: \"p\", port: \"invalid\", to: \"c\"), (from: \"c\", port: \"s\", to: \"fim\"), (from: \"c\", port: \"else\", to: \"fim\")",
                &format!(
                    "scenarios: [(name: \"r\", replies: [Text(\"{}\")])]",
                    "a".repeat(100_000)
                ),
            ),
        ),
        case(
            "json_caminho.flow.ron",
            ron_flow(
                &format!(
                    "(id: \"req\", kind: Request(url: \"https://x.test/\", save: {{\"v\": \"{}\"}}, body: \"{}\")), (id: \"fim\", kind: End(message: \"{{{{v}}}}\"))",
                    "a[0]".repeat(50_000),
                    "[".repeat(100_000)
                ),
                "(from: \"inicio\", port: \"next\", to: \"req\"), (from: \"req\", port: \"ok\", to: \"fim\"), (from: \"req\", port: \"error\", to: \"fim\")",
                &format!(
                    "scenarios: [(name: \"j\", mocks: [(url: \"*\", body: \"{}1{}\")])]",
                    "[".repeat(100_000),
                    "]".repeat(100_000)
                ),
            ),
        ),
        // Huge strings and counts (kept under a debug build's minute).
        case(
            "texto_enorme.flow.ron",
            ron_flow(
                &format!(
                    "(id: \"m\", kind: Message(text: \"{}\")), (id: \"fim\", kind: End())",
                    "é".repeat(2_000_000)
                ),
                "(from: \"inicio\", port: \"next\", to: \"m\"), (from: \"m\", port: \"next\", to: \"fim\")",
                "",
            ),
        ),
        case(
            "nome_enorme.flow.json",
            format!(
                "{{\"format\": 1, \"nodes\": [{{\"id\": \"a\", \"kind\": {{\"{}\": {{}}}}}}]}}",
                "Entry".repeat(1_000_000)
            ),
        ),
        case("arestas.flow.ron", many_edges(40_000)),
        case("casos.flow.ron", many_cases(1_000)),
        Case {
            needs: Needs::LinearChecks,
            ..case("muitos_casos.flow.ron", many_cases(20_000))
        },
        case("respostas.flow.ron", many_replies(30_000)),
        case("desconhecidos.flow.ron", many_unknown_fields(10_000)),
    ]
}

/// Files that are not files.
fn specials() -> Vec<Case> {
    vec![
        // Files that are not files.
        special("fila.flow.ron"),
        special("zero.flow.ron"),
        special("urandom.flow.json"),
        special("pasta.flow.ron"),
        special("solto.flow.ron"),
    ]
}

fn many_edges(count: usize) -> String {
    let mut edges = String::with_capacity(count * 40);
    for i in 0..count {
        // Every kind of wrong: reused ports, unknown nodes, edges into the Entry.
        let _ = write!(
            edges,
            "(from: \"{}\", port: \"next\", to: \"{}\"),",
            if i % 3 == 0 { "inicio" } else { "m" },
            match i % 4 {
                0 => "m",
                1 => "inicio",
                2 => "fim",
                _ => "n",
            }
        );
    }
    ron_flow(
        "(id: \"m\", kind: Message(text: \"x\")), (id: \"fim\", kind: End())",
        &edges,
        "",
    )
}

fn many_cases(count: usize) -> String {
    let mut cases = String::new();
    for i in 0..count {
        let _ = write!(
            cases,
            "(port: \"p{i}\", mode: Any, rules: [(var: \"v{i}\", op: Equals, value: \"{{{{w{i}}}}}\"), (var: \"contact.custom.k{i}\", op: Matches, value: \"[\")]),"
        );
    }
    ron_flow(
        &format!("(id: \"c\", kind: Condition(cases: [{cases}])), (id: \"fim\", kind: End())"),
        "(from: \"inicio\", port: \"next\", to: \"c\"), (from: \"c\", port: \"else\", to: \"fim\"), (from: \"c\", port: \"p1\", to: \"c\")",
        "scenarios: [(name: \"a\"), (name: \"a\"), (name: \"\")]",
    )
}

fn many_replies(count: usize) -> String {
    let replies = "Text(\"não\"),".repeat(count);
    ron_flow(
        "(id: \"p\", kind: Ask(prompt: \"{{r}}?\", save_as: \"r\", expect: Number, retries: 4294967295)), (id: \"fim\", kind: End())",
        "(from: \"inicio\", port: \"next\", to: \"p\"), (from: \"p\", port: \"answered\", to: \"fim\"), (from: \"p\", port: \"invalid\", to: \"p\")",
        &format!(
            "scenarios: [(name: \"muitas\", replies: [{replies}], expect: (path: [{}]))]",
            "\"p\",".repeat(count)
        ),
    )
}

fn many_unknown_fields(count: usize) -> String {
    let mut fields = String::new();
    for i in 0..count {
        let _ = write!(fields, "campo_{i}: [1, {{\"a\": (b: 2)}}], ");
    }
    format!("(format: 1, {fields} team: ({fields}))")
}

/// Makes the special files: a FIFO, links to devices, a folder, a dangling link.
fn prepare(dir: &Path, case: &Case) -> PathBuf {
    let path = dir.join(&case.name);
    if let Some(bytes) = &case.bytes {
        std::fs::write(&path, bytes).unwrap();
        return path;
    }
    match case.name.as_str() {
        "fila.flow.ron" => {
            let status = Command::new("mkfifo").arg(&path).status().unwrap();
            assert!(status.success());
        }
        "zero.flow.ron" => std::os::unix::fs::symlink("/dev/zero", &path).unwrap(),
        "urandom.flow.json" => std::os::unix::fs::symlink("/dev/urandom", &path).unwrap(),
        "pasta.flow.ron" => std::fs::create_dir(&path).unwrap(),
        "solto.flow.ron" => std::os::unix::fs::symlink(dir.join("nada"), &path).unwrap(),
        other => panic!("no special file {other}"),
    }
    path
}

/// Runs fluxo with `args` under the memory and time limits; output goes to files so that the
/// test itself never holds a runaway output.
/// The exit code (`None` for a signal), or `Err` when it took more than [`TIME_LIMIT`]; how many
/// bytes it wrote; how long it took.
fn run_limited(dir: &Path, args: &[String]) -> (Result<Option<i32>, ()>, u64, Duration) {
    let out = std::fs::File::create(dir.join("stdout")).unwrap();
    let err = std::fs::File::create(dir.join("stderr")).unwrap();
    let started = Instant::now();
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {MEMORY_LIMIT_KIB} && exec \"$@\""))
        .arg("sh")
        .arg(env!("CARGO_BIN_EXE_fluxo"))
        .args(args)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(err)
        .spawn()
        .unwrap();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            return (Err(()), 0, started.elapsed());
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let written = ["stdout", "stderr"]
        .iter()
        .map(|name| std::fs::metadata(dir.join(name)).map_or(0, |meta| meta.len()))
        .sum();
    (Ok(status.code()), written, started.elapsed())
}

/// Every command a file is fed to.
fn commands(path: &Path, out: &Path) -> Vec<Vec<String>> {
    let file = path.display().to_string();
    let words = |words: &[&str]| -> Vec<String> {
        words
            .iter()
            .map(|word| (*word).to_owned())
            .chain(std::iter::once(file.clone()))
            .collect()
    };
    let mut convert = words(&["convert"]);
    convert.push(out.display().to_string());
    vec![
        words(&["check"]),
        words(&["check", "--format", "json"]),
        convert,
        words(&["run"]),
        words(&["run", "--format", "json"]),
        words(&["test"]),
    ]
}

fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("fluxo-hostile-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Feeds `cases` to every command and collects what broke the rules: the commands their needs
/// hold back, or (`held_back`) only those.
fn feed(test: &str, cases: &[Case], held_back: bool) {
    let dir = scratch(test);
    let work = dir.join("work");
    std::fs::create_dir_all(&work).unwrap();
    let mut broken = Vec::new();
    let mut slowest = (Duration::ZERO, String::new());
    for case in cases {
        let path = prepare(&dir, case);
        let input = case.bytes.as_ref().map_or(0, Vec::len) as u64;
        // The other format, so that convert writes something it could read again.
        let out = if Path::new(&case.name)
            .extension()
            .is_some_and(|ext| ext == "json")
        {
            work.join("saida.flow.ron")
        } else {
            work.join("saida.flow.json")
        };
        for args in commands(&path, &out) {
            if case.needs.holds_back(&args[0]) != held_back {
                continue;
            }
            let (code, written, took) = run_limited(&work, &args);
            // A run prints up to 10,000 steps whatever its input: a fixed allowance on top.
            let bound = 16 * input + 32 * 1024 * 1024;
            match code {
                Ok(Some(0..=2)) => {}
                Ok(Some(101)) => broken.push(format!("{args:?}: panicked (101)")),
                Ok(Some(code)) => broken.push(format!("{args:?}: exit {code}")),
                Ok(None) => broken.push(format!("{args:?}: killed by a signal")),
                Err(()) => broken.push(format!("{args:?}: still running after {TIME_LIMIT:?}")),
            }
            if written > bound {
                broken.push(format!(
                    "{args:?}: {written} bytes of output for {input} of input"
                ));
            }
            if took > Duration::from_secs(1) {
                eprintln!("{took:?} {args:?}");
            }
            if took > slowest.0 {
                slowest = (took, format!("{args:?}"));
            }
            let _ = std::fs::remove_file(&out);
        }
    }
    eprintln!("slowest: {:?} {}", slowest.0, slowest.1);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

#[test]
fn hostile_files_never_crash_hang_or_flood() {
    feed("corpus", &corpus(), false);
}

#[test]
#[ignore = "needs the simulator's value limit and linear checks (issue 9), other helpers' work"]
fn hostile_files_that_need_other_work() {
    feed("held-back", &corpus(), true);
}

#[test]
#[ignore = "heavy: ~15 s a command in a debug build; run with --ignored, best with --release"]
fn hostile_heavy_files() {
    let cases = vec![
        case("milhao_arestas.flow.ron", many_edges(1_000_000)),
        case(
            "texto_gigante.flow.ron",
            ron_flow(
                &format!(
                    "(id: \"m\", kind: Message(text: \"{}\")), (id: \"fim\", kind: End())",
                    "a".repeat(60 * 1024 * 1024)
                ),
                "(from: \"inicio\", port: \"next\", to: \"m\"), (from: \"m\", port: \"next\", to: \"fim\")",
                "",
            ),
        ),
        case("grande_demais.flow.ron", vec![b' '; 64 * 1024 * 1024 + 1]),
    ];
    feed("heavy", &cases, false);
}
