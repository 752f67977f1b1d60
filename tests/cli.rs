//! The command line without the screen: `list`, `check` and load errors.

#![expect(
    clippy::unwrap_used,
    reason = "helpers stop at the first broken fixture"
)]

mod common;

use common::fixture;

use std::path::PathBuf;
use std::process::{Command, Output};

fn newsdesk(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsdesk"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn scratch(name: &str, contents: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsdesk-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
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
fn invalid_json_names_file_line_and_column_and_exits_2() {
    let path = scratch(
        "broken.json",
        "{\"articles\": [\n  {\"title\": \"a\" \"body\": \"b\"}\n]}",
    );
    for args in [vec!["list"], vec![]] {
        let mut args = args;
        let path = path.display().to_string();
        args.push(&path);
        let output = newsdesk(&args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let err = stderr(&output);
        assert_eq!(
            err.trim_end(),
            format!("newsdesk: {path}:2:17: expected `,` or `}}`")
        );
        assert!(output.stdout.is_empty(), "nothing was drawn");
    }
}

#[test]
fn missing_file_exits_2_with_its_name() {
    let output = newsdesk(&["list", "/no/such/store.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).starts_with("newsdesk: /no/such/store.json: "));
}

#[test]
fn check_reports_every_problem_with_file_index_and_id() {
    let path = scratch(
        "problems.json",
        r#"[{"id":"a","title":"ok","body":"x"},
            {"id":"b","title":5,"body":"x"},
            {"id":"c","title":"no body"},
            {"id":"a","title":"dup","body":"y"}]"#,
    );
    let output = newsdesk(&["check", &path.display().to_string()]);
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    let p = path.display();
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        [
            format!(
                "{p}: article 1 (id \"b\"): `title` must be a string, found a number [skipped]"
            ),
            format!("{p}: article 2 (id \"c\"): missing field `body` [skipped]"),
            format!("{p}: id \"a\" is used by 2 articles"),
        ]
    );
}

#[test]
fn check_of_a_clean_store_exits_0() {
    let output = newsdesk(&["check", &fixture("store.json")]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(stdout(&output).trim(), "ok: 4 articles, no problems");
}

#[test]
fn check_goes_on_past_a_file_that_does_not_parse() {
    let bad = scratch("bad.jsonl", "{\"title\": \"a\", \"body\": \"b\"}\n{oops}\n");
    let output = newsdesk(&["check", &bad.display().to_string(), &fixture("store.json")]);
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert!(
        out.starts_with(&format!("{}:2:2: ", bad.display())),
        "{out}"
    );
}

#[test]
fn check_needs_a_path() {
    assert_eq!(newsdesk(&["check"]).status.code(), Some(2));
}

#[test]
fn schema_problems_do_not_stop_listing() {
    let path = scratch(
        "partial.json",
        r#"{"articles":[{"title":"kept","body":"b"},{"title":1}]}"#,
    );
    let output = newsdesk(&["list", &path.display().to_string()]);
    assert!(output.status.success());
    assert_eq!(stdout(&output).lines().count(), 1);
}

#[test]
fn text_and_directory_stores_merge() {
    let dir = std::env::temp_dir().join(format!("newsdesk-cli-dir-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("note.txt"), "A plain note\n\nIts body.").unwrap();
    let output = newsdesk(&["list", &dir.display().to_string(), &fixture("store.json")]);
    assert!(output.status.success());
    let out = stdout(&output);
    assert_eq!(out.lines().count(), 5);
    assert!(out.contains("\tA plain note"), "{out}");
}

#[test]
fn control_characters_are_shown_not_printed() {
    let path = scratch(
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
