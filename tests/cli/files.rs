//! The real `fluxo` binary and files: what is not a flow file is refused at once, `convert`
//! never writes over its input, `gen` has a limit, a typo is a usage error that never opens the
//! window, and every one of these messages speaks the user's language.

#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn fluxo_command(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_fluxo"));
    command
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C");
    command
}

/// Runs fluxo; fails the test if it takes more than 20 s (a FIFO would hang it forever).
fn run(mut command: Command) -> Output {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if started.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("fluxo did not finish in 20 s");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn fluxo(args: &[&str]) -> Output {
    run(fluxo_command(args))
}

fn sample(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample_flows")
        .join(name)
        .display()
        .to_string()
}

fn data(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
        .display()
        .to_string()
}

fn temp_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("fluxo-files-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn code(output: &Output) -> i32 {
    output.status.code().unwrap_or(-1)
}

fn text(path: &Path) -> String {
    path.display().to_string()
}

#[test]
fn convert_never_writes_over_its_input() {
    let dir = temp_dir("same");
    let input = dir.join("fluxo.flow.ron");
    std::fs::copy(sample("tour.flow.ron"), &input).unwrap();
    let before = std::fs::read(&input).unwrap();
    let link = dir.join("link.flow.ron");
    let hard = dir.join("hard.flow.ron");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&input, &link).unwrap();
    std::fs::hard_link(&input, &hard).unwrap();
    let dotted = dir.join(".").join("fluxo.flow.ron");
    let mut outputs = vec![input.clone(), dotted, hard];
    if link.exists() {
        outputs.push(link);
    }
    for output in outputs {
        let result = fluxo(&["convert", &text(&input), &text(&output)]);
        assert_eq!(
            code(&result),
            2,
            "{}: {}",
            output.display(),
            stderr(&result)
        );
        assert!(
            stderr(&result).contains("is the input file itself"),
            "{}",
            stderr(&result)
        );
        assert_eq!(
            std::fs::read(&input).unwrap(),
            before,
            "{}",
            output.display()
        );
    }
    // Through a link the other way round, too; and in Portuguese.
    let result = fluxo(&[
        "--lang",
        "pt-BR",
        "convert",
        &text(&dir.join("hard.flow.ron")),
        &text(&input),
    ]);
    assert_eq!(code(&result), 2);
    assert!(
        stderr(&result).contains("é o próprio arquivo de entrada"),
        "{}",
        stderr(&result)
    );
    assert_eq!(std::fs::read(&input).unwrap(), before);
    // A real other file is fine.
    let json = dir.join("fluxo.flow.json");
    assert_eq!(code(&fluxo(&["convert", &text(&input), &text(&json)])), 0);
}

#[test]
fn convert_says_that_comments_are_not_kept() {
    let dir = temp_dir("comments");
    let out = dir.join("c.flow.json");
    let result = fluxo(&["convert", &sample("carteirizacao.flow.ron"), &text(&out)]);
    assert_eq!(code(&result), 0, "{}", stderr(&result));
    let message = stderr(&result);
    assert!(
        message.contains("its 19 comments are not in") && message.contains("c.flow.json"),
        "{message}"
    );
    let result = fluxo(&[
        "convert",
        &sample("carteirizacao.flow.ron"),
        &text(&dir.join("c.flow.ron")),
        "--lang",
        "pt-BR",
    ]);
    assert!(
        stderr(&result).contains("os 19 comentários do arquivo não vão para"),
        "{}",
        stderr(&result)
    );
    // A file without comments converts in silence.
    let result = fluxo(&["convert", &text(&out), &text(&dir.join("d.flow.ron"))]);
    assert_eq!(code(&result), 0);
    assert_eq!(stderr(&result), "");
}

#[test]
fn gen_refuses_more_than_a_million_nodes_at_once() {
    for nodes in ["4294967295", "1000001", "18446744073709551615"] {
        let started = Instant::now();
        let result = fluxo(&["gen", "--nodes", nodes]);
        assert_eq!(code(&result), 2, "{nodes}");
        assert!(result.stdout.is_empty());
        assert!(
            stderr(&result).contains("at most 1000000 nodes"),
            "{}",
            stderr(&result)
        );
        assert!(started.elapsed() < Duration::from_secs(10));
    }
    let result = fluxo(&["--lang", "pt-BR", "gen", "--nodes", "2000000"]);
    assert!(
        stderr(&result).contains("no máximo 1000000 nós"),
        "{}",
        stderr(&result)
    );
    let result = fluxo(&["gen", "--nodes", "99999999999999999999999"]);
    assert_eq!(code(&result), 2);
}

#[test]
fn a_typo_is_a_usage_error_that_never_opens_the_window() {
    // A display that exists nowhere: trying the window would fail with a window message.
    let mut command = fluxo_command(&["chek", &data("clean.flow.ron")]);
    command
        .env("DISPLAY", ":9999")
        .env_remove("WAYLAND_DISPLAY");
    let result = run(command);
    assert_eq!(code(&result), 2);
    let message = stderr(&result);
    assert!(message.contains("`chek`"), "{message}");
    assert!(message.contains("did you mean `fluxo check`?"), "{message}");
    assert!(
        !message.contains("window") && !message.contains("winit"),
        "{message}"
    );
    let result = fluxo(&["--lang", "pt-BR", "tset"]);
    assert_eq!(code(&result), 2);
    assert!(
        stderr(&result).contains("você quis dizer `fluxo test`?"),
        "{}",
        stderr(&result)
    );
    let result = fluxo(&["xyzzy"]);
    assert_eq!(code(&result), 2);
    assert!(
        stderr(&result).contains("the commands are: check, run, test,"),
        "{}",
        stderr(&result)
    );
    let result = fluxo(&["nenhum.flow.ron"]);
    assert_eq!(code(&result), 2);
    assert!(
        stderr(&result).starts_with("fluxo: nenhum.flow.ron: no such file"),
        "{}",
        stderr(&result)
    );
    // clap's own usage errors, in our words and language.
    let result = fluxo(&["--lang", "pt-BR", "check", "--formt", "json", "x"]);
    assert_eq!(code(&result), 2);
    assert!(
        stderr(&result).contains("argumento inesperado `--formt`; você quis dizer `--format`?"),
        "{}",
        stderr(&result)
    );
    let result = fluxo(&["run", &data("clean.flow.ron"), "--format", "xml"]);
    assert_eq!(code(&result), 2);
    assert!(
        stderr(&result).contains("`xml` is not a valid value for `--format"),
        "{}",
        stderr(&result)
    );
    // Help is still clap's, and exits 0.
    let result = fluxo(&["--help"]);
    assert_eq!(code(&result), 0);
    assert!(String::from_utf8_lossy(&result.stdout).contains("check"));
}

#[test]
fn no_display_is_said_in_our_words_without_build_paths() {
    let home = temp_dir("no-display");
    for (lang, words) in [
        ("en", "cannot open the editor window: there is no display"),
        (
            "pt-BR",
            "não foi possível abrir a janela do editor: não há tela",
        ),
    ] {
        let mut command = fluxo_command(&["--lang", lang]);
        command
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .env_remove("WAYLAND_SOCKET")
            .env("HOME", &home)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_RUNTIME_DIR", &home);
        let result = run(command);
        assert_eq!(code(&result), 2);
        let message = stderr(&result);
        assert!(message.contains(words), "{message}");
        for build_path in [".cargo", "registry", ".rs:", "/rustc/"] {
            assert!(!message.contains(build_path), "{message}");
        }
    }
}

#[test]
#[cfg(unix)]
fn what_is_not_a_regular_file_is_refused_by_every_command() {
    let dir = temp_dir("special");
    let zero = dir.join("zero.flow.ron");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    let fifo = dir.join("fila.flow.ron");
    let has_fifo = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|status| status.success());
    let folder = dir.join("pasta.flow.json");
    std::fs::create_dir(&folder).unwrap();
    let mut cases = vec![(zero, "this is a device"), (folder, "this is a folder")];
    if has_fifo {
        cases.push((fifo, "this is a named pipe (FIFO)"));
    }
    let out = text(&dir.join("out.flow.json"));
    for (path, words) in cases {
        let path = text(&path);
        for args in [
            vec!["check", path.as_str()],
            vec!["run", path.as_str()],
            vec!["test", path.as_str()],
            vec!["convert", path.as_str(), out.as_str()],
        ] {
            let started = Instant::now();
            let result = fluxo(&args);
            assert_eq!(code(&result), 2, "{args:?}: {}", stderr(&result));
            assert!(
                stderr(&result).contains(words),
                "{args:?}: {}",
                stderr(&result)
            );
            assert!(started.elapsed() < Duration::from_secs(10), "{args:?}");
        }
    }
    assert!(!dir.join("out.flow.json").exists());
}

#[test]
fn load_errors_speak_portuguese() {
    let malformed = data("malformed.flow.ron");
    let missing = data("nenhum.flow.ron");
    let english = fluxo(&["check", &malformed]);
    assert!(
        stderr(&english).contains("malformed.flow.ron:4:"),
        "{}",
        stderr(&english)
    );
    for args in [
        vec!["check", malformed.as_str()],
        vec!["run", malformed.as_str()],
        vec!["test", malformed.as_str()],
    ] {
        let mut with_flag = args.clone();
        with_flag.extend(["--lang", "pt-BR"]);
        let portuguese = fluxo(&with_flag);
        assert_eq!(code(&portuguese), 2);
        let message = stderr(&portuguese);
        assert!(message.contains("malformed.flow.ron:4:"), "{message}");
        assert_ne!(message, stderr(&english), "{args:?}");
        // The system's language gives the same.
        let mut command = fluxo_command(&args);
        command.env("LANG", "pt_BR.UTF-8");
        assert_eq!(stderr(&run(command)), message, "{args:?}");
    }
    let result = fluxo(&["--lang", "pt-BR", "run", &missing]);
    assert!(
        stderr(&result).contains("nenhum.flow.ron: não foi possível ler o arquivo: ele não existe"),
        "{}",
        stderr(&result)
    );
    let result = fluxo(&["--lang", "pt-BR", "check", "--format", "json", &missing]);
    let json: serde_json::Value = serde_json::from_slice(&result.stdout).unwrap();
    assert!(
        json["files"][0]["error"]
            .as_str()
            .unwrap()
            .contains("não foi possível ler o arquivo"),
        "{json}"
    );
    let dir = temp_dir("pt-convert");
    let result = fluxo(&[
        "--lang",
        "pt-BR",
        "convert",
        &data("clean.flow.ron"),
        &text(&dir.join("x.txt")),
    ]);
    assert_eq!(code(&result), 2);
    assert!(
        stderr(&result).contains("o nome precisa terminar em .ron ou .json"),
        "{}",
        stderr(&result)
    );
}

#[test]
fn unknown_fields_are_named_a_few_at_a_time() {
    let dir = temp_dir("unknown");
    let path = dir.join("campos.flow.ron");
    let mut source = String::from("(format: 1, team: (");
    for i in 0..500 {
        source.push_str("campo_");
        source.push_str(&i.to_string());
        source.push_str(": 1, ");
    }
    source.push_str("))");
    std::fs::write(&path, source).unwrap();
    let result = fluxo(&["run", &text(&path)]);
    let message = stderr(&result);
    assert_eq!(message.matches("unknown field `").count(), 20, "{message}");
    assert!(
        message.contains("480 more unknown fields ignored"),
        "{message}"
    );
}
