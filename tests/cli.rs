//! The command line without the screen: `list`, `check` and load errors.

#![expect(
    clippy::unwrap_used,
    reason = "helpers stop at the first broken fixture"
)]

mod common;

use common::{fixture, scratch_dir, scratch_file};

use std::process::Output;

fn newsdesk(args: &[&str]) -> Output {
    common::newsdesk_command()
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

#[test]
fn list_prints_tab_separated_rows_newest_first() {
    let output = newsdesk(&["list", &fixture("store.json")]);
    assert!(output.status.success());
    let out = stdout(&output);
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 4);
    assert_eq!(
        rows[0],
        [
            "raid",
            "2026-03-14",
            "Harbour Ledger",
            "Servers seized in a joint raid"
        ]
    );
    assert_eq!(rows[3][1], "", "the undated article has no date");
}

#[test]
fn list_json_writes_one_object_per_line() {
    let output = newsdesk(&["list", "--json", &fixture("store.json")]);
    assert!(output.status.success());
    let out = stdout(&output);
    let first: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(first["id"], "raid");
    assert_eq!(first["published"], "2026-03-14T09:30:00Z");
    assert_eq!(first["source"], "Harbour Ledger");
    assert_eq!(first["title"], "Servers seized in a joint raid");
    assert_eq!(out.lines().count(), 4);
}

#[test]
fn list_without_paths_uses_the_sample_store() {
    let output = newsdesk(&["list"]);
    assert!(output.status.success());
    assert!(stdout(&output).lines().count() >= 15);
}

#[test]
fn invalid_json_names_file_line_and_column_and_exits_4() {
    let dir = scratch_dir();
    let path = scratch_file(
        dir.path(),
        "broken.json",
        "{\"articles\": [\n  {\"title\": \"a\" \"body\": \"b\"}\n]}",
    );
    for args in [vec!["list"], vec![]] {
        let mut args = args;
        let path = path.display().to_string();
        args.push(&path);
        let output = newsdesk(&args);
        assert_eq!(output.status.code(), Some(4), "{args:?}");
        let err = stderr(&output);
        assert_eq!(
            err,
            format!("newsdesk: {path}:2:17: expected `,` or `}}`\n")
        );
        assert!(output.stdout.is_empty(), "nothing was drawn");
    }
}

#[test]
fn missing_file_exits_3_with_its_name() {
    for args in [vec!["list"], vec![], vec!["search", "raid"]] {
        let mut args = args;
        args.push("/no/such/store.json");
        let output = newsdesk(&args);
        assert_eq!(output.status.code(), Some(3), "{args:?}");
        assert_eq!(
            stderr(&output),
            "newsdesk: /no/such/store.json: No such file or directory (os error 2)\n"
        );
        assert!(output.stdout.is_empty());
    }
}

/// A store that cannot be used, and the message that says why after its path.
struct Broken {
    name: &'static str,
    contents: Vec<u8>,
    after_path: &'static str,
}

fn broken_stores() -> Vec<Broken> {
    vec![
        Broken {
            name: "latin1.json",
            contents: b"[{\"title\":\"caf\xe9\",\"body\":\"b\"}]".to_vec(),
            after_path: ": byte 14: not valid UTF-8 text",
        },
        Broken {
            name: "truncated.json",
            contents: br#"[{"title":"a","bo"#.to_vec(),
            after_path: ":1:17: EOF while parsing a string",
        },
        Broken {
            name: "truncated.jsonl",
            contents: b"{\"title\":\"a\",\"body\":\"b\"}\n{\"title\":\"c\",".to_vec(),
            after_path: ":2:13: EOF while parsing a value",
        },
        Broken {
            name: "deep.json",
            contents: "[".repeat(200_000).into_bytes(),
            after_path: ":1:128: arrays and objects nested more than 127 levels deep",
        },
        Broken {
            name: "deep-field.json",
            contents: format!(
                r#"[{{"title":"t","body":"b","extra":{}1{}}}]"#,
                r#"{"a":"#.repeat(200_000),
                "}".repeat(200_000)
            )
            .into_bytes(),
            after_path: ":1:659: arrays and objects nested more than 127 levels deep",
        },
        Broken {
            name: "trailing.json",
            contents: br#"[{"title":"a","body":"b"}] and more"#.to_vec(),
            after_path: ":1:28: trailing characters",
        },
        Broken {
            name: "empty.json",
            contents: Vec::new(),
            after_path: ": the file is empty",
        },
        Broken {
            name: "empty.jsonl",
            contents: b"\n  \n".to_vec(),
            after_path: ": the file is empty",
        },
        Broken {
            name: "empty.txt",
            contents: Vec::new(),
            after_path: ": the file is empty",
        },
    ]
}

#[test]
fn malformed_stores_exit_4_with_one_line_naming_the_place() {
    let dir = scratch_dir();
    for broken in broken_stores() {
        let path = scratch_file(dir.path(), broken.name, &broken.contents);
        let path = path.display().to_string();
        let line = format!("{path}{}", broken.after_path);
        for command in [
            &["list"][..],
            &[],
            &["entities", "--json"],
            &["search", "a"],
        ] {
            let mut args = command.to_vec();
            args.push(&path);
            let output = newsdesk(&args);
            assert_eq!(output.status.code(), Some(4), "{args:?}");
            assert_eq!(stderr(&output), format!("newsdesk: {line}\n"), "{args:?}");
            assert!(output.stdout.is_empty(), "{args:?}");
        }
        let output = newsdesk(&["check", &path]);
        assert_eq!(output.status.code(), Some(4), "check {path}");
        assert_eq!(stdout(&output), format!("{line}\n"));
    }
}

#[test]
fn a_store_over_max_size_is_refused_with_both_sizes() {
    let dir = scratch_dir();
    let path = scratch_file(dir.path(), "sized.json", r#"[{"title":"t","body":"b"}]"#);
    let path = path.display().to_string();
    for args in [
        vec!["list", "--max-size", "25", &path],
        vec!["--max-size", "25", &path],
    ] {
        let output = newsdesk(&args);
        assert_eq!(output.status.code(), Some(4), "{args:?}");
        assert_eq!(
            stderr(&output),
            format!(
                "newsdesk: {path}: 26 bytes is more than the limit of 25 bytes; \
                 --max-size raises it\n"
            )
        );
    }
    let output = newsdesk(&["list", "--max-size", "26", &path]);
    assert_eq!(output.status.code(), Some(0));
    let output = newsdesk(&["list", "--max-size", "lots", &path]);
    assert_eq!(output.status.code(), Some(2), "a bad size is a usage error");
}

#[test]
fn a_path_that_is_not_a_store_file_exits_3() {
    let dir = scratch_dir();
    let path = scratch_file(dir.path(), "notes.md", "# notes");
    let path = path.display().to_string();
    let output = newsdesk(&["list", &path]);
    assert_eq!(output.status.code(), Some(3));
    assert_eq!(
        stderr(&output),
        format!(
            "newsdesk: {path}: not a store (expected a .json, .jsonl or .txt file, or a directory)\n"
        )
    );
}

#[test]
fn a_gazetteer_that_cannot_be_used_exits_3_or_4() {
    let scratch = scratch_dir();
    let dir = scratch.path().display().to_string();
    let store = fixture("store.json");
    let output = newsdesk(&["entities", "--gazetteer", &dir, &store]);
    assert_eq!(output.status.code(), Some(3));
    assert_eq!(
        stderr(&output),
        format!("newsdesk: {dir}: a directory, not a regular file\n")
    );
    let broken = scratch_file(scratch.path(), "gazetteer.json", "{\"organisations\": [");
    let output = newsdesk(&[
        "entities",
        "--gazetteer",
        &broken.display().to_string(),
        &store,
    ]);
    assert_eq!(output.status.code(), Some(4));
    assert!(
        stderr(&output).starts_with(&format!("newsdesk: {}:1:", broken.display())),
        "{}",
        stderr(&output)
    );
    assert_eq!(stderr(&output).lines().count(), 1);
}

#[test]
fn a_byte_order_mark_is_accepted_in_json_and_json_lines() {
    let dir = scratch_dir();
    let json = scratch_file(
        dir.path(),
        "bom.json",
        "\u{feff}[{\"id\":\"j\",\"title\":\"t\",\"body\":\"b\"}]",
    );
    let lines = scratch_file(
        dir.path(),
        "bom.jsonl",
        "\u{feff}{\"id\":\"l\",\"title\":\"t\",\"body\":\"b\"}\n",
    );
    let output = newsdesk(&[
        "check",
        &json.display().to_string(),
        &lines.display().to_string(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(
        stdout(&output).ends_with("ok: 2 articles, no problems\n"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn values_of_the_wrong_kind_are_named_by_article_and_the_rest_listed() {
    let dir = scratch_dir();
    let path = scratch_file(
        dir.path(),
        "kinds.json",
        r#"[{"id":"ok","title":"fine","body":"b"},
            {"id":"obj","title":{"text":"x"},"body":"b"},
            {"id":7,"title":"numbered","body":"b","source":{"name":"a"},"published":true}]"#,
    );
    let p = path.display().to_string();
    let output = newsdesk(&["list", &p]);
    assert_eq!(output.status.code(), Some(0));
    let ids: Vec<_> = stdout(&output)
        .lines()
        .map(|l| l.split('\t').next().unwrap().to_owned())
        .collect();
    assert_eq!(ids, ["ok", "7"]);
    let output = newsdesk(&["check", &p]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output).lines().collect::<Vec<_>>(),
        [
            format!("{p}: shape newsdesk, 2 articles, 1 skipped"),
            format!("{p}: not found in any article: source, author, published, url, tags"),
            format!(
                "{p}: article 1 (id \"obj\"): `title` must be a string, found an object [skipped]"
            ),
            format!("{p}: article 2 (id \"7\"): `source` must be a string, found an object"),
            format!("{p}: article 2 (id \"7\"): `published` must be a date, found a boolean"),
        ]
    );
}

#[test]
fn duplicate_ids_are_both_listed_and_check_names_both_places() {
    let dir = scratch_dir();
    let first = scratch_file(
        dir.path(),
        "first.json",
        r#"[{"id":"same","title":"one","body":"b"}]"#,
    );
    let second = scratch_file(
        dir.path(),
        "second.jsonl",
        "{\"id\":\"other\",\"title\":\"two\",\"body\":\"b\"}\n{\"id\":\"same\",\"title\":\"three\",\"body\":\"b\"}\n",
    );
    let (first, second) = (first.display().to_string(), second.display().to_string());
    let output = newsdesk(&["list", &first, &second]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output).matches("same\t").count(), 2, "both kept");
    let output = newsdesk(&["check", &first, &second]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output).lines().last(),
        Some(
            format!(
                "{second}: article 1 (id \"same\"): duplicate id, first used by {first}: article 0"
            )
            .as_str()
        )
    );
    assert_eq!(stdout(&output).matches("duplicate id").count(), 1);
}

#[test]
fn an_empty_directory_is_an_empty_store() {
    let scratch = scratch_dir();
    let dir = scratch.path().display().to_string();
    let output = newsdesk(&["list", &dir]);
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.is_empty());
    assert_eq!(
        stdout(&newsdesk(&["check", &dir])),
        "ok: 0 articles, no problems\n"
    );
}

#[test]
fn help_states_the_exit_statuses_and_the_readme_agrees() {
    let help = stdout(&newsdesk(&["--help"]));
    let readme = include_str!("../README.md");
    for status in 0..=4 {
        assert!(
            help.contains(&format!("\n  {status}  ")),
            "--help lacks {status}"
        );
        assert!(
            readme.contains(&format!("\n| {status} | ")),
            "README lacks {status}"
        );
    }
}

#[test]
fn check_reports_every_problem_with_file_index_and_id() {
    let dir = scratch_dir();
    let path = scratch_file(
        dir.path(),
        "problems.json",
        r#"[{"id":"a","title":"ok","body":"x"},
            {"id":"b","title":5,"body":"x"},
            {"id":"c","source":"no title or body"},
            {"id":"a","title":"dup","body":"y"}]"#,
    );
    let output = newsdesk(&["check", &path.display().to_string()]);
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    let p = path.display();
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        [
            format!("{p}: shape newsdesk, 2 articles, 2 skipped"),
            format!("{p}: not found in any article: source, author, published, url, tags"),
            format!(
                "{p}: article 1 (id \"b\"): `title` must be a string, found a number [skipped]"
            ),
            format!("{p}: article 2 (id \"c\"): no title or body [skipped]"),
            format!("{p}: article 3 (id \"a\"): duplicate id, first used by {p}: article 0"),
        ]
    );
}

#[test]
fn check_of_a_clean_store_exits_0() {
    let output = newsdesk(&["check", &fixture("store.json")]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(
        stdout(&output).trim(),
        format!(
            "{}: shape newsdesk, 4 articles\nok: 4 articles, no problems",
            fixture("store.json")
        )
    );
}

#[test]
fn check_goes_on_past_a_file_that_does_not_parse() {
    let dir = scratch_dir();
    let bad = scratch_file(
        dir.path(),
        "bad.jsonl",
        "{\"title\": \"a\", \"body\": \"b\"}\n{oops}\n",
    );
    let output = newsdesk(&["check", &bad.display().to_string(), &fixture("store.json")]);
    assert_eq!(output.status.code(), Some(4));
    let out = stdout(&output);
    assert_eq!(
        out,
        format!(
            "{}: shape newsdesk, 4 articles\n{}:2:2: key must be a string\n",
            fixture("store.json"),
            bad.display()
        )
    );
}

#[test]
fn check_needs_a_path() {
    assert_eq!(newsdesk(&["check"]).status.code(), Some(2));
}

#[test]
fn schema_problems_do_not_stop_listing() {
    let dir = scratch_dir();
    let path = scratch_file(
        dir.path(),
        "partial.json",
        r#"{"articles":[{"title":"kept","body":"b"},{"title":1}]}"#,
    );
    let output = newsdesk(&["list", &path.display().to_string()]);
    assert!(output.status.success());
    assert_eq!(stdout(&output).lines().count(), 1);
}

#[test]
fn text_and_directory_stores_merge() {
    let dir = scratch_dir();
    scratch_file(dir.path(), "note.txt", "A plain note\n\nIts body.");
    let output = newsdesk(&[
        "list",
        &dir.path().display().to_string(),
        &fixture("store.json"),
    ]);
    assert!(output.status.success());
    let out = stdout(&output);
    assert_eq!(out.lines().count(), 5);
    assert!(out.contains("\tA plain note"), "{out}");
}

#[test]
fn control_characters_are_shown_not_printed() {
    let dir = scratch_dir();
    let path = scratch_file(
        dir.path(),
        "esc.json",
        r#"[{"title":"bell\u0007 and \u001b[31mred","body":"b"}]"#,
    );
    let output = newsdesk(&["list", &path.display().to_string()]);
    let out = stdout(&output);
    assert!(out.contains("bell␇ and ␛[31mred"), "{out}");
    assert!(!out.contains('\u{1b}'));
}

#[test]
fn search_prints_ranked_matches_with_hits_and_a_snippet() {
    let output = newsdesk(&["search", "europol", &fixture("store.json")]);
    assert_eq!(output.status.code(), Some(0));
    let out = stdout(&output);
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0][0], "raid");
    assert_eq!(rows[0][4], "3", "three in the body");
    assert!(
        rows[0][5].contains("working with Europol seized"),
        "{}",
        rows[0][5]
    );
    assert!(!out.contains('\u{1b}'), "no marking when piped");
    assert_eq!(rows[1][0], "ferry");
}

#[test]
fn search_json_writes_one_object_per_line() {
    let output = newsdesk(&[
        "search",
        "--json",
        r#""news agency" OR"#,
        &fixture("store.json"),
    ]);
    assert_eq!(output.status.code(), Some(1), "no article has both");
    let output = newsdesk(&["search", "--json", "title:frost", &fixture("store.json")]);
    assert_eq!(output.status.code(), Some(0));
    let row: serde_json::Value = serde_json::from_str(stdout(&output).trim()).unwrap();
    assert_eq!(row["id"], "orchard");
    assert_eq!(row["published"], "2026-03-10");
    assert_eq!(row["hits"], 1);
    assert_eq!(row["source"], "Valley Notes");
    assert!(row["snippet"].as_str().unwrap().contains("frost"));
}

#[test]
fn search_with_no_match_exits_1_and_a_bad_query_exits_2() {
    let none = newsdesk(&["search", "zeppelin", &fixture("store.json")]);
    assert_eq!(none.status.code(), Some(1));
    assert!(none.stdout.is_empty());
    let bad = newsdesk(&["search", r#"raid "open"#, &fixture("store.json")]);
    assert_eq!(bad.status.code(), Some(2));
    let err = stderr(&bad);
    assert!(err.contains("unclosed quote") && err.contains('^'), "{err}");
}

#[test]
fn search_by_organisation_uses_recognition() {
    let output = newsdesk(&["search", "org:eurojust", &fixture("store.json")]);
    assert_eq!(output.status.code(), Some(0));
    let out = stdout(&output);
    assert_eq!(out.lines().count(), 1);
    assert!(out.starts_with("raid\t"));
}

#[test]
fn a_report_cut_short_by_a_closed_pipe_still_exits_with_its_verdict() {
    let dir = scratch_dir();
    // Thousands of problems: far more than a pipe holds, so the writes
    // meet the closed end.
    let articles: Vec<String> = (0..5_000)
        .map(|i| format!(r#"{{"id":"a{i}","title":{i},"body":"b"}}"#))
        .collect();
    let path = scratch_file(
        dir.path(),
        "many-problems.json",
        format!("[{}]", articles.join(",")),
    );
    let mut child = common::newsdesk_command()
        .args(["check", &path.display().to_string()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("newsdesk starts");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("newsdesk ends");
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(!stderr(&output).contains("panicked"), "{}", stderr(&output));
}

fn run_in(home: &std::path::Path, args: &[&str]) -> Output {
    common::newsdesk_in(home)
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stderr_of(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn a_settings_file_that_cannot_be_used_stops_with_its_place_and_exit_2() {
    let home = common::fresh_home();
    let dir = home.join("config/newsdesk");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("config.toml");
    for (text, said) in [
        ("layout = \"sideways\"\n", "config.toml:1:10: "),
        ("[colors]\nagency = \"redish\"\n", "config.toml:2:10: "),
        ("[keys]\njump = \"j\"\n", "config.toml:2:1: "),
        ("stores = [\n", "config.toml:1:11: "),
    ] {
        std::fs::write(&file, text).unwrap();
        let output = run_in(&home, &["list"]);
        assert_eq!(output.status.code(), Some(2), "{text}");
        let message = stderr_of(&output);
        assert!(
            message.starts_with(&format!("newsdesk: {}", file.display())) && message.contains(said),
            "{text}: {message}"
        );
        assert_eq!(message.lines().count(), 1, "{message}");
    }
    // A key bound to two things is refused too.
    std::fs::write(&file, "[keys]\nzoom = \"j\"\n").unwrap();
    let output = run_in(&home, &["list"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("the key j is bound to both `down` and `zoom`"),
        "{}",
        stderr_of(&output)
    );
}

#[test]
fn the_settings_name_the_stores_and_config_prints_them() {
    let home = common::fresh_home();
    let elsewhere = home.join("mine.toml");
    std::fs::write(
        &elsewhere,
        format!(
            "stores = [\"{}\"]\nlayout = \"stacked\"\n[keys]\nquit = [\"x\", \"ctrl-q\"]\n",
            fixture("store.json")
        ),
    )
    .unwrap();
    let path = elsewhere.display().to_string();
    let listed = run_in(&home, &["--config", &path, "list"]);
    assert_eq!(listed.status.code(), Some(0), "{}", stderr_of(&listed));
    assert_eq!(
        stdout(&listed).lines().count(),
        4,
        "the settings' store, not the sample"
    );
    let shown = stdout(&run_in(&home, &["--config", &path, "config"]));
    assert!(shown.starts_with(&format!("# {path}\n")), "{shown}");
    assert!(shown.contains("layout = \"stacked\""), "{shown}");
    assert!(shown.contains("quit = [\"x\", \"ctrl-q\"]"), "{shown}");
    assert!(
        shown.contains("down = [\"j\", \"Down\"]"),
        "the default keys too: {shown}"
    );
    let missing = run_in(&home, &["--config", "/nonexistent/config.toml", "list"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr_of(&missing).contains("/nonexistent/config.toml"));
}

#[test]
fn mark_and_list_show_what_is_read_and_starred() {
    let home = common::fresh_home();
    let store = fixture("store.json");
    let marked = run_in(&home, &["mark", "read", "raid", "ferry", &store]);
    assert_eq!(
        stdout(&marked),
        "marked 2 articles read\n",
        "{}",
        stderr_of(&marked)
    );
    run_in(&home, &["mark", "star", "orchard"]);
    let unread: Vec<String> = stdout(&run_in(&home, &["list", "--unread", &store]))
        .lines()
        .map(|line| line.split('\t').next().unwrap().to_owned())
        .collect();
    assert_eq!(unread.len(), 2);
    assert!(unread.contains(&"orchard".to_owned()));
    let starred = stdout(&run_in(&home, &["list", "--starred", "--json", &store]));
    assert_eq!(starred.lines().count(), 1);
    assert!(
        starred.contains("\"read\":false,\"starred\":true"),
        "{starred}"
    );
    let typo = run_in(&home, &["mark", "unread", "raid", "rade", &store]);
    assert_eq!(typo.status.code(), Some(1));
    assert!(
        stderr_of(&typo).contains("\"rade\""),
        "{}",
        stderr_of(&typo)
    );
    let listed = stdout(&run_in(&home, &["list", "--json", &store]));
    assert!(
        listed.lines().next().unwrap().contains("\"read\":true"),
        "a typo marks nothing: {listed}"
    );
}

#[test]
fn a_damaged_or_newer_state_is_moved_aside_and_a_blocked_one_kept_in_memory() {
    let home = common::fresh_home();
    let data = home.join("data/newsdesk");
    std::fs::create_dir_all(&data).unwrap();
    let db = data.join("state.db");
    std::fs::write(&db, b"not a database at all, just bytes").unwrap();
    let output = run_in(&home, &["mark", "star", "raid"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let message = stderr_of(&output);
    assert!(
        message.contains("moved it to") && message.contains("state.db.corrupt-"),
        "{message}"
    );
    let aside: Vec<_> = std::fs::read_dir(&data)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.display().to_string().contains("corrupt"))
        .collect();
    assert_eq!(
        std::fs::read(&aside[0]).unwrap(),
        b"not a database at all, just bytes"
    );

    // A database a newer newsdesk wrote.
    let newer = common::fresh_home();
    let data = newer.join("data/newsdesk");
    std::fs::create_dir_all(&data).unwrap();
    let conn = rusqlite::Connection::open(data.join("state.db")).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let output = run_in(&newer, &["mark", "star", "raid"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        stderr_of(&output).contains("state.db.newer-"),
        "{}",
        stderr_of(&output)
    );

    // A file where the directory should be.
    let blocked = common::fresh_home();
    std::fs::write(blocked.join("data"), b"a file").unwrap();
    let output = run_in(&blocked, &["mark", "star", "raid"]);
    assert_eq!(output.status.code(), Some(3));
    let message = stderr_of(&output);
    assert_eq!(
        message
            .lines()
            .filter(|line| line.contains("cannot use"))
            .count(),
        1,
        "one warning: {message}"
    );
    assert_eq!(std::fs::read(blocked.join("data")).unwrap(), b"a file");
}

/// Checks that the reader refused to start for want of a terminal: status
/// 2, a plain message naming what is missing and the commands that work
/// without one, and not one escape code in what it wrote.
#[track_caller]
fn assert_refused_without_a_terminal(output: &Output, written: &[u8], missing: &str) {
    let message = stderr_of(output);
    assert_eq!(output.status.code(), Some(2), "{message}");
    assert!(
        message.starts_with("newsdesk: the reader needs a terminal"),
        "{message}"
    );
    assert!(message.contains(missing), "{message}");
    for command in [
        "`newsdesk list`",
        "`newsdesk search QUERY`",
        "`newsdesk export`",
    ] {
        assert!(message.contains(command), "{command} in {message}");
    }
    assert!(
        !output.stderr.contains(&0x1b),
        "an escape on stderr: {message:?}"
    );
    assert!(
        !written.contains(&0x1b),
        "an escape on stdout: {:?}",
        String::from_utf8_lossy(written)
    );
}

#[test]
fn without_a_terminal_on_stdin_the_reader_refuses_plainly() {
    let home = common::fresh_home();
    let output = common::newsdesk_in(&home)
        .arg(fixture("store.json"))
        .stdin(std::fs::File::open("/dev/null").unwrap())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap();
    assert_refused_without_a_terminal(&output, &output.stdout, "neither standard input nor");
    assert!(
        !home.join("data").exists(),
        "nothing is remembered of a reader that did not run"
    );
}

#[test]
fn with_its_output_in_a_file_the_reader_refuses_plainly() {
    let log = tempfile::NamedTempFile::new().unwrap();
    // Standard input a pseudo-terminal, as when a user at a terminal sends
    // the output to a file.
    let pty = nix::pty::openpty(None, None).unwrap();
    let output = common::newsdesk_command()
        .stdin(std::process::Stdio::from(pty.slave))
        .stdout(log.reopen().unwrap())
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap();
    drop(pty.master);
    let written = std::fs::read(log.path()).unwrap();
    assert_refused_without_a_terminal(&output, &written, "standard output is not a terminal");
    assert!(
        written.is_empty(),
        "{:?}",
        String::from_utf8_lossy(&written)
    );

    // Standard input a file too.
    let output = common::newsdesk_command()
        .arg(fixture("store.json"))
        .stdin(std::fs::File::open(fixture("store.json")).unwrap())
        .stdout(log.reopen().unwrap())
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap();
    let written = std::fs::read(log.path()).unwrap();
    assert_refused_without_a_terminal(&output, &written, "neither standard input nor");
}

#[test]
fn without_a_terminal_a_broken_store_is_still_reported_first() {
    let output = common::newsdesk_command()
        .arg("/no/such/store.json")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3), "{}", stderr_of(&output));
    assert!(
        !stderr_of(&output).contains("terminal"),
        "{}",
        stderr_of(&output)
    );
}

/// A store of `count` generated articles in a fresh home, and the home.
fn cached_store(count: usize) -> (std::path::PathBuf, std::path::PathBuf) {
    let home = common::fresh_home();
    let recogniser = newsdesk::entities::Recogniser::builtin().unwrap();
    let json = newsdesk::generate::store_json(3, recogniser.organisations(), count, 1_500);
    let store = home.join("store.json");
    std::fs::write(&store, json).unwrap();
    (home, store)
}

#[test]
fn search_answers_the_same_from_the_cache_and_without_it() {
    let (home, store) = cached_store(300);
    let store = store.to_str().unwrap();
    let cold = run_in(&home, &["--no-cache", "search", "police", store]);
    assert!(cold.status.success());
    let built = run_in(&home, &["cache", "build", store]);
    assert!(built.status.success(), "{built:?}");
    assert!(String::from_utf8_lossy(&built.stdout).contains("kept the cache of 300 articles"));
    let listed = run_in(&home, &["cache"]);
    assert!(
        String::from_utf8_lossy(&listed.stdout).contains("1 caches"),
        "{listed:?}"
    );
    let warm = run_in(&home, &["search", "police", store]);
    assert_eq!(warm.stdout, cold.stdout);
    assert_eq!(warm.status.code(), cold.status.code());
    let again = run_in(&home, &["cache", "build", store]);
    assert!(String::from_utf8_lossy(&again.stdout).contains("whole already"));
    let cleared = run_in(&home, &["cache", "clear"]);
    assert!(String::from_utf8_lossy(&cleared.stdout).contains("removed 1 cache files"));
    let listed = run_in(&home, &["cache"]);
    assert!(String::from_utf8_lossy(&listed.stdout).contains("0 caches"));
}

#[test]
fn two_processes_building_the_same_cache_at_once_leave_one_whole_cache() {
    let (home, store) = cached_store(400);
    let store = store.to_str().unwrap();
    let expected = run_in(&home, &["--no-cache", "search", "said", store]).stdout;
    for _ in 0..3 {
        run_in(&home, &["cache", "clear"]);
        let builders: Vec<_> = (0..2)
            .map(|_| {
                common::newsdesk_in(&home)
                    .args(["cache", "build", store])
                    .stdout(std::process::Stdio::null())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for mut builder in builders {
            assert!(builder.wait().unwrap().success());
        }
        let listed = run_in(&home, &["cache"]);
        assert!(
            String::from_utf8_lossy(&listed.stdout).contains("1 caches"),
            "{listed:?}"
        );
        assert_eq!(run_in(&home, &["search", "said", store]).stdout, expected);
    }
}

#[test]
fn a_cache_directory_that_cannot_be_written_leaves_search_working() {
    let (home, store) = cached_store(50);
    let store = store.to_str().unwrap();
    // A file where the cache directory would be.
    std::fs::create_dir_all(home.join("cache")).unwrap();
    std::fs::write(home.join("cache").join("newsdesk"), "in the way").unwrap();
    let built = run_in(&home, &["cache", "build", store]);
    assert_eq!(built.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&built.stderr).contains("newsdesk"),
        "{built:?}"
    );
    let search = run_in(&home, &["search", "police", store]);
    assert!(search.status.success(), "{search:?}");
    assert!(
        search.stderr.is_empty(),
        "no cache, no warning for a search"
    );
}

#[test]
fn a_store_changed_after_it_was_cached_is_searched_as_it_is_now() {
    let (home, store) = cached_store(200);
    let path = store.clone();
    let store = store.to_str().unwrap();
    assert!(run_in(&home, &["cache", "build", store]).status.success());
    let text = std::fs::read_to_string(&path).unwrap();
    // The same length: one word changed in the middle of the file.
    let at = text.len() / 2;
    let at = text[at..]
        .find("police")
        .map(|i| at + i)
        .expect("a word to change");
    let changed = format!("{}xolice{}", &text[..at], &text[at + 6..]);
    std::fs::write(&path, &changed).unwrap();
    let warm = run_in(&home, &["search", "xolice", store]);
    assert!(warm.status.success(), "the change is found: {warm:?}");
}

#[test]
fn lines_appended_after_the_cache_are_searched() {
    let home = common::fresh_home();
    let store = home.join("store.jsonl");
    std::fs::write(
        &store,
        "{\"id\":\"a\",\"title\":\"Old\",\"body\":\"Europol said so.\",\"published\":\"2026-01-02\"}\n",
    )
    .unwrap();
    let path = store.to_str().unwrap();
    assert!(run_in(&home, &["cache", "build", path]).status.success());
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(&store)
        .unwrap();
    std::io::Write::write_all(
        &mut file,
        b"{\"id\":\"b\",\"title\":\"New\",\"body\":\"A quagmire at Interpol.\",\"published\":\"2026-02-01\"}\n",
    )
    .unwrap();
    let found = run_in(&home, &["search", "quagmire", path]);
    assert!(found.status.success(), "{found:?}");
    assert!(String::from_utf8_lossy(&found.stdout).starts_with("b\t2026-02-01"));
    let by_organisation = run_in(&home, &["search", "org:interpol", path]);
    assert!(String::from_utf8_lossy(&by_organisation.stdout).starts_with("b\t"));
}
