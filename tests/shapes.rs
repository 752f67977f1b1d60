//! Every shape of article JSON and every feed that other tools write, read
//! end to end by the binary: `check` names the shape, `list --json` and
//! `export` give each article's title, text, day, source, author, URL and
//! id as `tests/fixtures/shapes/expected.json` says.

mod common;

use common::{scratch_dir, scratch_file};

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

fn shapes_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/shapes")
}

fn newsdesk(args: &[&str]) -> Output {
    common::newsdesk_command()
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn json_lines(output: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object per line"))
        .collect()
}

fn text<'v>(value: &'v Value, key: &str) -> Option<&'v str> {
    value.get(key).and_then(Value::as_str)
}

/// What is wrong with the reading of one fixture, if anything.
fn mismatches(file: &str, expected: &Value) -> Vec<String> {
    let path = shapes_dir().join(file).display().to_string();
    let mut wrong = Vec::new();
    let mut say = |what: String| wrong.push(format!("{file}: {what}"));

    let check = newsdesk(&["check", &path]);
    let report = String::from_utf8_lossy(&check.stdout).into_owned();
    let shape = expected["shape"].as_str().unwrap_or_default();
    let shape_line = format!("shape {shape}, ");
    if !report.lines().any(|line| line.contains(&shape_line)) {
        say(format!("check does not say {shape_line:?}:\n{report}"));
    }

    let export = newsdesk(&["export", &path]);
    let list = newsdesk(&["list", "--json", &path]);
    for (name, output) in [("export", &export), ("list", &list)] {
        if !output.status.success() || !output.stderr.is_empty() {
            say(format!(
                "{name} exited {:?} saying {}",
                output.status.code(),
                String::from_utf8_lossy(&output.stderr)
            ));
        }
    }
    let exported = json_lines(&export);
    let listed = json_lines(&list);
    let articles = expected["articles"].as_array().cloned().unwrap_or_default();
    if exported.len() != articles.len() || listed.len() != articles.len() {
        say(format!(
            "{} articles expected, {} exported, {} listed",
            articles.len(),
            exported.len(),
            listed.len()
        ));
    }
    for want in &articles {
        let title = text(want, "title").unwrap_or_default();
        let Some(got) = exported.iter().find(|a| text(a, "title") == Some(title)) else {
            say(format!("no article titled {title:?} in {exported:#?}"));
            continue;
        };
        let body = text(got, "body").unwrap_or_default();
        if want["body_empty"] == Value::Bool(true) && !body.is_empty() {
            say(format!(
                "{title:?}: a body {body:?} where none was expected"
            ));
        }
        for phrase in want["body_contains"].as_array().into_iter().flatten() {
            let phrase = phrase.as_str().unwrap_or_default();
            let in_a_line = body.lines().any(|line| line.contains(phrase));
            if !in_a_line {
                say(format!("{title:?}: body lacks {phrase:?}:\n{body}"));
            }
            if body.contains('<') && body.contains("</") {
                say(format!("{title:?}: a tag is left in the body:\n{body}"));
            }
        }
        for key in ["source", "author", "url"] {
            if text(got, key) != want[key].as_str() {
                say(format!(
                    "{title:?}: {key} is {:?}, expected {:?}",
                    text(got, key),
                    want[key].as_str()
                ));
            }
        }
        if let Some(id) = want.get("id").and_then(Value::as_str)
            && text(got, "id") != Some(id)
        {
            say(format!(
                "{title:?}: id is {:?}, expected {id:?}",
                text(got, "id")
            ));
        }
        let id = text(got, "id").unwrap_or_default();
        let Some(row) = listed.iter().find(|row| text(row, "id") == Some(id)) else {
            say(format!("{title:?}: id {id:?} not in list --json"));
            continue;
        };
        let day = text(row, "published").map(|published| &published[..10]);
        if day != want["day"].as_str() {
            say(format!(
                "{title:?}: day is {day:?}, expected {:?}",
                want["day"].as_str()
            ));
        }
        if text(row, "title") != Some(title) || text(row, "source") != want["source"].as_str() {
            say(format!("{title:?}: list --json row differs: {row}"));
        }
    }
    wrong
}

#[test]
fn every_shape_reads_as_its_tool_writes_it() {
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(shapes_dir().join("expected.json")).expect("expected.json"),
    )
    .expect("expected.json parses");
    let fixtures = expected.as_object().expect("an object of fixtures");
    assert!(fixtures.len() >= 25, "{} fixtures", fixtures.len());
    let wrong: Vec<String> = fixtures
        .iter()
        .flat_map(|(file, expected)| mismatches(file, expected))
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

#[test]
fn every_built_in_shape_has_a_fixture() {
    let expected = std::fs::read_to_string(shapes_dir().join("expected.json")).expect("read");
    let listed = newsdesk(&["check", "--shapes"]);
    assert!(listed.status.success());
    let listed = String::from_utf8_lossy(&listed.stdout).into_owned();
    let names: Vec<&str> = listed
        .lines()
        .filter(|line| !line.starts_with(' '))
        .filter_map(|line| line.split('\t').next())
        .collect();
    assert!(names.len() >= 12, "{listed}");
    for name in names.iter().filter(|name| **name != "newsdesk") {
        assert!(
            expected.contains(&format!("\"shape\": \"{name}\"")),
            "no fixture reads as {name}"
        );
    }
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

const UNKNOWN: &str = r#"{"data": {"items": [
    {"headline": "Harbour closed", "story": {"text": "<p>The harbour <b>closed</b> at noon.</p>", "words": 5}, "meta": {"ts": 1773480600}},
    {"headline": "Harbour open", "story": {"text": "<p>It opened again.</p>"}, "meta": {"ts": "2026-03-15"}}
]}, "next": null}"#;

#[test]
fn a_map_reads_a_shape_nobody_knows() {
    let dir = scratch_dir();
    let path = scratch_file(dir.path(), "export.json", UNKNOWN)
        .display()
        .to_string();
    let refused = newsdesk(&["list", &path]);
    assert_eq!(refused.status.code(), Some(4));
    assert_eq!(
        stderr(&refused),
        format!(
            "newsdesk: {path}: a JSON object in no shape newsdesk knows (its keys: data, next); \
             `newsdesk check --shapes` lists the shapes, and --map says where the articles are\n"
        )
    );
    let map = "articles=data.items,title=headline,body=story.text:html,published=meta.ts";
    let export = newsdesk(&["export", "--map", map, &path]);
    assert!(export.status.success(), "{}", stderr(&export));
    let articles = json_lines(&export);
    let texts: Vec<_> = articles
        .iter()
        .map(|a| {
            (
                text(a, "title").unwrap(),
                text(a, "body").unwrap(),
                text(a, "published").unwrap(),
            )
        })
        .collect();
    assert_eq!(
        texts,
        [
            ("Harbour open", "It opened again.", "2026-03-15"),
            (
                "Harbour closed",
                "The harbour closed at noon.",
                "2026-03-14T09:30:00Z"
            ),
        ]
    );
}

#[test]
fn a_map_path_that_matches_nothing_names_the_keys_that_were_there() {
    let dir = scratch_dir();
    let path = scratch_file(dir.path(), "export.json", UNKNOWN)
        .display()
        .to_string();
    let cases = [
        (
            "articles=data.posts,title=headline",
            "--map articles=data.posts matches nothing: no key `posts` in `data`, which has keys items",
        ),
        (
            "articles=data.items,title=headline,body=story.html",
            "--map body=story.html matches nothing: no key `html` in `story`, which has keys text, words",
        ),
        (
            "articles=data.items,title=title",
            "--map title=title matches nothing: no key `title` in the first article, which has keys headline, meta, story",
        ),
    ];
    for (map, said) in cases {
        let output = newsdesk(&["list", "--map", map, &path]);
        assert_eq!(output.status.code(), Some(4), "{map}");
        assert_eq!(
            stderr(&output),
            format!("newsdesk: {path}: {said}\n"),
            "{map}"
        );
    }
    let wrong = newsdesk(&["list", "--map", "articles=data.items,bdy=x", &path]);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(
        stderr(&wrong).contains("unknown field `bdy`"),
        "{}",
        stderr(&wrong)
    );
}

#[test]
fn skipped_articles_are_said_on_stderr_and_all_skipped_exits_1() {
    let dir = scratch_dir();
    let none = scratch_file(
        dir.path(),
        "x.json",
        r#"[{"headline": "a"}, {"headline": "b"}, {"x": 1}]"#,
    )
    .display()
    .to_string();
    let some = scratch_file(dir.path(), "y.json", r#"[{"title": "kept"}, {"title": 3}]"#)
        .display()
        .to_string();
    for command in ["list", "entities", "export"] {
        let output = newsdesk(&[command, &none]);
        assert_eq!(output.status.code(), Some(1), "{command}");
        assert!(output.stdout.is_empty(), "{command}");
        assert_eq!(
            stderr(&output),
            format!(
                "newsdesk: 3 of 3 articles skipped in {none}: no title or body \
                 (newsdesk check {none})\n"
            ),
            "{command}"
        );
        let output = newsdesk(&[command, &some]);
        assert_eq!(output.status.code(), Some(0), "{command}");
        assert_eq!(
            stderr(&output),
            format!(
                "newsdesk: 1 of 2 articles skipped in {some}: `title` must be a string, \
                 found a number (newsdesk check {some})\n"
            ),
            "{command}"
        );
    }
    let search = newsdesk(&["search", "a", &none]);
    assert_eq!(search.status.code(), Some(1));
    assert!(
        stderr(&search).contains("3 of 3 articles skipped"),
        "{}",
        stderr(&search)
    );
}

#[test]
fn json_lines_in_a_json_file_and_export_read_back_alike() {
    let dir = scratch_dir();
    let rows = shapes_dir().join("cc-news-rows.json").display().to_string();
    let first = newsdesk(&["export", &rows]);
    assert!(first.status.success(), "{}", stderr(&first));
    let exported = scratch_file(dir.path(), "again.jsonl", &first.stdout)
        .display()
        .to_string();
    let second = newsdesk(&["export", &exported]);
    assert_eq!(
        json_lines(&first),
        json_lines(&second),
        "export reads back as it was written"
    );
    let check = newsdesk(&["check", &exported]);
    assert!(
        String::from_utf8_lossy(&check.stdout).starts_with(&format!("{exported}: shape newsdesk,"))
    );
}
