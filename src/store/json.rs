//! JSON documents and JSON Lines files, in any shape some map knows.
//!
//! A document is read once, through the [`Trie`](super::project::Trie) of
//! every path the known shapes and the user's map name, then handed to the
//! [`Plan`](super::reading::Plan), which chooses its shape and converts its
//! articles. Articles are read leniently: a field of the wrong kind becomes
//! a [`Problem`](super::Problem) of that article, not an error of the file.
//! Only malformed JSON, an object in no known shape, or a `--map` path that
//! matches nothing stops loading.
//!
//! Every value is read through `serde_json`'s own recursion limit, including
//! values of keys no map names (skipped with [`super::skip::Skip`], not
//! `IgnoredAny`, which `serde_json` skips without counting depth), so a
//! store nested deeper than [`MAX_DEPTH`] is an error wherever the nesting
//! is. A file written as JSON Lines is read as such whatever its name.

use std::cell::{Cell, RefCell};
use std::path::Path;
use std::sync::Arc;

use serde::de::DeserializeSeed;

use super::body::Source as FileText;
use super::map::Field;
use super::project::{Mode, TOP, Value, Watch};
use super::reading::{Choice, Plan, Read, Unread};
use super::{Loading, StoreError};
use crate::text::visible;

/// How many bytes of a mapped file are read before their memory is given
/// back.
const RELEASE_EVERY: usize = 64 << 20;

/// The deepest nesting of arrays and objects `serde_json` reads; one level
/// more is an error.
pub(super) const MAX_DEPTH: usize = 127;

/// Why reading a document through a choice of shape did not end well.
enum Failed {
    /// Malformed JSON, on a line counted after `usize` others.
    Syntax(serde_json::Error, usize),
    /// More than one value in a file read as one document: JSON Lines.
    Lines(serde_json::Error),
    /// A document that is a string, a number, `true` or `null`.
    NotArticles(&'static str),
    /// Understood as JSON, not as articles.
    Unread(Unread),
}

/// How reading with a choice of shape ended.
enum Outcome {
    Done(Read),
    /// The whole document says another shape than its start did.
    Rechoose(Choice),
    /// A body to be left in the text was not a string: read it again with
    /// every value copied.
    CopyBodies,
}

/// Reads a JSON document, or JSON Lines when `lines` is set or the text
/// turns out to hold one value per line, into `loading`.
///
/// The start of the document is read first, to the end of its first
/// article, which tells its shape; then the whole, handing each article
/// over as it is read. Should the whole tell another shape than its start
/// (a detector's key after the articles), it is read again as that.
pub(super) fn read(
    path: &Path,
    text: &str,
    lines: bool,
    kept: Option<&Arc<FileText>>,
    loading: &mut Loading,
) -> Result<(), StoreError> {
    let plan = loading.plan();
    let mut kept = kept;
    let (articles, problems) = (loading.store.articles.len(), loading.store.problems.len());
    let mut lines = lines;
    let mut choice = None;
    let mut as_document = None;
    loop {
        let result = match choice.take() {
            Some(choice) => Ok(choice),
            None => {
                sniff(text, lines, &plan).and_then(|met| plan.choose(&met).map_err(Failed::Unread))
            }
        }
        .and_then(|choice| stream(text, lines, &plan, &choice, kept, loading));
        match result {
            Ok(Outcome::Done(read)) => {
                loading.file_read(read.shape, &read.named);
                return Ok(());
            }
            Ok(Outcome::Rechoose(again)) => choice = Some(again),
            Ok(Outcome::CopyBodies) => kept = None,
            Err(Failed::Lines(err)) if !lines => {
                lines = true;
                as_document = Some(err);
            }
            Err(failed) => {
                // Nothing of a file that cannot be read is kept.
                loading.roll_back(articles, problems);
                let first_line = text.lines().position(|line| !line.trim().is_empty());
                return Err(match (failed, as_document) {
                    // Its first line is no value either: not JSON Lines, so
                    // the error is the one of the document.
                    (Failed::Syntax(_, line), Some(err)) if Some(line) == first_line => {
                        syntax(path, &err, 0)
                    }
                    (Failed::Lines(err), _) => syntax(path, &err, 0),
                    (Failed::Syntax(err, line), _) => syntax(path, &err, line),
                    (Failed::NotArticles(found), _) => not_articles(path, text, found),
                    (Failed::Unread(unread), _) => explain(path, text, lines, &unread),
                });
            }
        }
        loading.roll_back(articles, problems);
    }
}

/// Reads the start of the document, to the end of its first article (or
/// the first line of JSON Lines): what it holds.
fn sniff(text: &str, lines: bool, plan: &Plan) -> Result<super::project::Met, Failed> {
    let watch = Watch::new(plan.trie(), Mode::Sniff);
    let first = if lines {
        text.lines()
            .enumerate()
            .find(|(_, line)| !line.trim().is_empty())
            .unwrap_or((0, ""))
    } else {
        (0, text)
    };
    match parse_one(first.1, plan, &watch) {
        Ok(_) => {}
        Err(_) if watch.stopped() => {}
        Err(err) if !lines && is_trailing(&err) => return Err(Failed::Lines(err)),
        Err(err) => return Err(Failed::Syntax(err, first.0)),
    }
    Ok(watch.met())
}

/// Reads the whole document as `choice` says, handing each article to
/// `loading` as it is read.
fn stream(
    text: &str,
    lines: bool,
    plan: &Plan,
    choice: &Choice,
    kept: Option<&Arc<FileText>>,
    loading: &mut Loading,
) -> Result<Outcome, Failed> {
    let first = loading.store.articles.len();
    let empty = Arc::new(FileText::fixed(""));
    let mut reader = plan.reader(choice, kept.unwrap_or(&empty));
    let mut index = 0;
    // Where the article being handed over starts in the text, for progress:
    // the line's place in JSON Lines, else the place of a body left there.
    let at = Cell::new(None);
    let base = text.as_ptr() as usize;
    // What is read of a mapped file is given back as reading goes on.
    let mut released = 0;
    let mut take = |item: Value| {
        if let Some(place) = at.take().or_else(|| item.first_raw()) {
            loading.at = place as u64;
            if let Some(kept) = kept
                && place > released + RELEASE_EVERY
            {
                kept.release(released..place);
                released = place;
            }
        }
        loading.accept(index, reader.convert(item));
        index += 1;
    };
    let mut watch = Watch::new(
        plan.trie(),
        Mode::Stream {
            items: choice.items,
            sink: RefCell::new(&mut take),
        },
    );
    if let Some(kept) = kept {
        watch = watch.keeping_bodies_in(kept.bytes());
    }
    // A body that is not a string ends the reading: it is read again
    // with bodies copied, which also counts the body's depth.
    let copy_bodies = |failed: Failed, watch: &Watch<'_>| {
        if watch.raw_refused() {
            Ok(Outcome::CopyBodies)
        } else {
            Err(failed)
        }
    };
    let at_top = choice.items == TOP;
    let mut top = Value::Null;
    let mut top_object = false;
    if lines {
        for (number, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            at.set(Some((line.as_ptr() as usize).wrapping_sub(base)));
            let value = match parse_one(line, plan, &watch) {
                Ok(value) => value,
                Err(err) => return copy_bodies(Failed::Syntax(err, number), &watch),
            };
            if at_top && !matches!(value, Value::Arr(_)) {
                watch.hand_over(value);
            }
        }
    } else {
        let value = match parse_one(text, plan, &watch) {
            Ok(value) => value,
            Err(err) if is_trailing(&err) => return copy_bodies(Failed::Lines(err), &watch),
            Err(err) => return copy_bodies(Failed::Syntax(err, 0), &watch),
        };
        match value {
            Value::Obj(_) if at_top => {
                top_object = true;
                watch.hand_over(value);
            }
            Value::Obj(_) | Value::Arr(_) => top = value,
            other => return Err(Failed::NotArticles(other.describe())),
        }
    }
    let met = watch.met();
    let now = plan.choose(&met).map_err(Failed::Unread)?;
    if now != *choice {
        return Ok(Outcome::Rechoose(now));
    }
    reader
        .finish(&top, top_object, &mut loading.store.articles[first..])
        .map(Outcome::Done)
        .map_err(Failed::Unread)
}

fn parse_one(text: &str, plan: &Plan, watch: &Watch<'_>) -> Result<Value, serde_json::Error> {
    let mut reader = serde_json::Deserializer::from_str(text);
    let value = plan.trie().top(watch).deserialize(&mut reader)?;
    reader.end()?;
    Ok(value)
}

fn is_trailing(err: &serde_json::Error) -> bool {
    err.to_string().starts_with("trailing characters")
}

/// The error for a document that is a lone string, number or literal.
fn not_articles(path: &Path, text: &str, found: &str) -> StoreError {
    let start = text.len() - text.trim_start().len();
    let before = &text[..start];
    StoreError::Syntax {
        path: path.to_owned(),
        line: before.matches('\n').count() + 1,
        column: before
            .rsplit('\n')
            .next()
            .map_or(0, |line| line.chars().count())
            + 1,
        message: format!("expected an object or an array of articles, found {found}"),
    }
}

fn syntax(path: &Path, err: &serde_json::Error, line_offset: usize) -> StoreError {
    let full = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    let mut message = full.strip_suffix(&suffix).unwrap_or(&full).to_owned();
    if message == "recursion limit exceeded" {
        message = format!("arrays and objects nested more than {MAX_DEPTH} levels deep");
    }
    StoreError::Syntax {
        path: path.to_owned(),
        line: err.line() + line_offset,
        column: err.column().max(1),
        message,
    }
}

/// The error for a document that could not be read, with the keys found
/// where a path ended, read again from the text (this happens once, on the
/// way out).
fn explain(path: &Path, text: &str, lines: bool, unread: &Unread) -> StoreError {
    let first_line = || {
        text.lines()
            .find(|line| !line.trim().is_empty())
            .unwrap_or("")
    };
    let whole: serde_json::Value = if lines {
        serde_json::from_str(first_line())
    } else {
        serde_json::from_str(text).or_else(|_| serde_json::from_str(first_line()))
    }
    .unwrap_or(serde_json::Value::Null);
    match unread {
        Unread::UnknownObject => StoreError::UnknownShape {
            path: path.to_owned(),
            keys: keys_of(&whole),
        },
        Unread::NoMatch {
            field,
            path: missing,
            articles,
        } => {
            let (start, at) = if *field == Field::Articles || missing.from_top {
                (&whole, "the top".to_owned())
            } else {
                let (first, _) = walk(&whole, &articles.keys, "the top");
                (
                    first.unwrap_or(&serde_json::Value::Null),
                    "the first article".to_owned(),
                )
            };
            let (_, why) = walk(start, &missing.keys, &at);
            StoreError::Map {
                path: path.to_owned(),
                message: format!(
                    "--map {field}={missing} matches nothing: {}",
                    why.unwrap_or_else(|| format!(
                        "in {at} it is empty or null, and so in every other"
                    ))
                ),
            }
        }
    }
}

/// Follows `keys` from `value` (into the first element of arrays): the
/// value at their end, or why there is none, naming the keys there were.
fn walk<'v>(
    value: &'v serde_json::Value,
    keys: &[String],
    start: &str,
) -> (Option<&'v serde_json::Value>, Option<String>) {
    let mut at = value;
    let mut place = start.to_owned();
    for key in keys {
        while let serde_json::Value::Array(elements) = at {
            match elements.first() {
                Some(first) => at = first,
                None => return (None, Some(format!("{place} is an empty array"))),
            }
        }
        let serde_json::Value::Object(object) = at else {
            return (None, Some(format!("{place} is not an object")));
        };
        let Some(next) = object.get(key) else {
            let keys = keys_of(at).join(", ");
            let there = if keys.is_empty() {
                "no keys".to_owned()
            } else {
                format!("keys {keys}")
            };
            return (
                None,
                Some(format!(
                    "no key `{}` in {place}, which has {there}",
                    visible(key)
                )),
            );
        };
        at = next;
        place = format!("`{}`", visible(key));
    }
    (Some(at), None)
}

/// The keys of an object (of an array's first element), in order.
///
/// Keys come from the file: they are shown as untrusted text is, so that a
/// key with a line break or an escape keeps the message on one line and
/// inert.
pub(super) fn keys_of(value: &serde_json::Value) -> Vec<String> {
    match value {
        serde_json::Value::Object(object) => {
            object.keys().map(|key| visible(key).into_owned()).collect()
        }
        serde_json::Value::Array(elements) => elements.first().map(keys_of).unwrap_or_default(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Store, derived_id};

    /// Read as a file is, with plain bodies left in its text.
    fn load(text: &str) -> Result<Store, StoreError> {
        Store::from_bytes(Path::new("t.json"), text.as_bytes())
    }

    #[test]
    fn plain_bodies_stay_in_the_text_and_read_as_if_copied() {
        let text = r#"[{"title":"a","body":"Plain."},
            {"title":"b","body":"Two\nlines \u00e9"},
            {"title":"c","body":["part one","part two"]}]"#;
        let kept = load(text).unwrap();
        let copied = Store::from_json_str("t.json", text).unwrap();
        assert_eq!(kept.articles, copied.articles);
        let in_file: Vec<bool> = kept.articles.iter().map(|a| a.body.is_in_file()).collect();
        // The third body is an array: the whole file is read again with
        // bodies copied, and joined as before.
        assert_eq!(in_file, [false, false, false]);
        assert_eq!(kept.articles[2].body, "part one\n\npart two");
        let plain =
            load(r#"[{"title":"a","body":"Plain."},{"title":"b","body":"Two\nx"}]"#).unwrap();
        assert!(plain.articles.iter().all(|a| a.body.is_in_file()));
        assert_eq!(plain.articles[1].body, "Two\nx");
        assert!(!copied.articles[0].body.is_in_file());
    }

    #[test]
    fn a_body_that_may_be_html_stays_in_the_text_only_without_tags() {
        let store = |body: &str| {
            let text = format!(
                r#"{{"entries":[{{"id":1,"feed_id":2,"title":"t","content":{body},"feed":{{"title":"f"}}}}]}}"#
            );
            load(&text).unwrap().articles.remove(0).body
        };
        let plain = store(r#""No tags at all.""#);
        let tagged = store(r#""<p>One</p><p>Two</p>""#);
        let escaped = store(r#""\u003cp\u003eOne\u003c/p\u003e""#);
        assert_eq!(plain, "No tags at all.");
        assert!(!tagged.text().contains('<') && !escaped.text().contains('<'));
        assert_eq!(tagged.text().trim(), "One\n\nTwo");
        assert!(!tagged.is_in_file() && !escaped.is_in_file());
    }

    fn lines(text: &str) -> Result<Store, StoreError> {
        Store::from_bytes(Path::new("t.jsonl"), text.as_bytes())
    }

    #[test]
    fn a_file_that_breaks_midway_adds_nothing() {
        let mut loading = Loading::new("two".into(), u64::MAX, None, false);
        let good = r#"[{"title":"a","body":"b"}]"#;
        loading
            .parse_bytes(Path::new("a.json"), good.into())
            .unwrap();
        let broken = r#"[{"title":"c","body":"d"}, {"title":5,"body":"x"}, {"title":"e""#;
        let err = loading
            .parse_bytes(Path::new("b.json"), broken.into())
            .unwrap_err();
        assert!(matches!(err, StoreError::Syntax { .. }), "{err}");
        assert_eq!(loading.store.articles.len(), 1);
        assert_eq!(loading.origins.len(), 1);
        assert!(loading.store.problems.is_empty());
    }

    #[test]
    fn a_json_lines_file_that_breaks_midway_adds_nothing() {
        let mut loading = Loading::new("two".into(), u64::MAX, None, false);
        let broken = "{\"title\":\"c\",\"body\":\"d\"}\n{\"title\":5,\"body\":\"x\"}\n{\"title\"";
        let err = loading
            .parse_bytes(Path::new("a.jsonl"), broken.into())
            .unwrap_err();
        assert!(matches!(err, StoreError::Syntax { line: 3, .. }), "{err}");
        let store = loading.finish();
        assert!(store.articles.is_empty());
        assert!(store.problems.is_empty());
    }

    #[test]
    fn two_article_arrays_are_an_error() {
        let err = load(r#"{"articles":[{"title":"a","body":"b"}],"articles":[]}"#).unwrap_err();
        assert!(
            err.to_string()
                .contains("`articles` is given twice in one object"),
            "{err}"
        );
    }

    #[test]
    fn object_and_bare_array_are_both_stores() {
        let wrapped = load(r#"{"articles":[{"title":"a","body":"b"}],"version":3}"#).unwrap();
        let bare = load(r#"[{"title":"a","body":"b"}]"#).unwrap();
        assert_eq!(wrapped.articles, bare.articles);
        assert_eq!(wrapped.articles.len(), 1);
    }

    #[test]
    fn every_field_is_read_and_unknown_ones_ignored() {
        let store = load(
            r#"[{"id":"x","title":"T","body":"B","source":"Reuters","author":"Ann",
                "published":"2026-01-02","url":"https://example.org","tags":["a","b"],
                "extra":{"nested":[1,2]}}]"#,
        )
        .unwrap();
        let article = &store.articles[0];
        assert_eq!(article.id, "x");
        assert_eq!(article.source.as_deref(), Some("Reuters"));
        assert_eq!(article.author.as_deref(), Some("Ann"));
        assert_eq!(article.published.as_ref().unwrap().day(), "2026-01-02");
        assert_eq!(article.url.as_deref(), Some("https://example.org"));
        assert_eq!(article.tags, ["a", "b"]);
        assert!(store.problems.is_empty());
    }

    #[test]
    fn missing_id_is_derived_and_numeric_id_kept() {
        let store = load(r#"[{"title":"a","body":"b"},{"id":42,"title":"c","body":"d"}]"#).unwrap();
        assert_eq!(store.articles[0].id, derived_id(None, "a", "b"));
        assert_eq!(store.articles[1].id, "42");
    }

    #[test]
    fn schema_breaks_skip_only_that_article() {
        let store = load(
            r#"{"articles":[
                {"id":"ok","title":"fine","body":"text"},
                {"id":"empty","url":"https://example.org/x"},
                {"id":"numtitle","title":7,"body":"x"},
                "just a string"
            ]}"#,
        )
        .unwrap();
        assert_eq!(store.articles.len(), 1);
        assert_eq!(store.skipped(), 3);
        let messages: Vec<_> = store.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "t.json: article 1 (id \"empty\"): no title or body [skipped]",
                "t.json: article 2 (id \"numtitle\"): `title` must be a string, found a number [skipped]",
                "t.json: article 3: expected an article object, found a string [skipped]",
            ]
        );
    }

    #[test]
    fn bad_optional_fields_are_reported_but_article_kept() {
        let store =
            load(r#"[{"title":"t","body":"b","published":"last week","tags":[1],"author":false}]"#)
                .unwrap();
        assert_eq!(store.articles.len(), 1);
        assert_eq!(store.skipped(), 0);
        let messages: Vec<_> = store.problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "`author` must be a string, found a boolean",
                "`published` \"last week\": expected a date as YYYY-MM-DD, an RFC 3339 or ISO 8601 time, an RFC 2822 time, or a Unix time in digits, in the years 1000 to 9999",
            ]
        );
        assert!(store.articles[0].published.is_none());
        assert_eq!(
            store.articles[0].tags,
            ["1"],
            "a number is a tag as written"
        );
    }

    #[test]
    fn syntax_error_names_line_and_column() {
        let err = load("{\"articles\": [\n  {\"title\": \"a\",, }\n]}").unwrap_err();
        let StoreError::Syntax { line, column, .. } = &err else {
            panic!("{err}");
        };
        assert_eq!((*line, *column), (2, 17));
        assert_eq!(err.to_string(), "t.json:2:17: key must be a string");
    }

    #[test]
    fn truncated_and_trailing_garbage_are_syntax_errors() {
        assert!(matches!(
            load(r#"[{"title":"a""#),
            Err(StoreError::Syntax { .. })
        ));
        assert!(matches!(load("[] x"), Err(StoreError::Syntax { .. })));
        assert!(matches!(load(" "), Err(StoreError::Empty { .. })));
    }

    #[test]
    fn json_lines_in_a_json_file_tell_their_own_broken_line() {
        let store = load("{\"title\":\"a\"}\n{\"title\":\"b\"}\n").unwrap();
        assert_eq!(store.articles.len(), 2);
        let err = load("{\"title\":\"a\"}\n{\"title\":\"b\"}\n{\"title\" \"c\"}\n").unwrap_err();
        assert!(
            err.to_string().starts_with("t.json:3:10: expected `:`"),
            "{err}"
        );
        let err = load("{\"title\":\"a\"} x\n").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("t.json:1:15: trailing characters"),
            "{err}"
        );
    }

    #[test]
    fn keys_from_the_file_are_shown_inert_on_one_line() {
        // Found by the read_shapes fuzz target: a key held a line break.
        let err = load("{\"dat\\nbour\\u001b[2J\": 1}").unwrap_err();
        let message = err.to_string();
        assert!(
            !message.contains('\n') && !message.contains('\u{1b}'),
            "{message:?}"
        );
        assert!(message.contains("(its keys: dat␊bour␛[2J)"), "{message}");
    }

    #[test]
    fn wrong_top_level_is_explained() {
        let err = load(r#"{"items":[], "next": null}"#).unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.json: a JSON object in no shape newsdesk knows (its keys: items, next); \
             `newsdesk check --shapes` lists the shapes, and --map says where the articles are"
        );
        let err = load("12").unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.json:1:1: expected an object or an array of articles, found a number"
        );
    }

    /// Parses on a thread with the stack Rust gives a new thread (2 MiB),
    /// which a parser recursing once per level of 200,000 would overflow,
    /// aborting the test run.
    fn on_a_normal_stack<T: Send + 'static>(parse: impl FnOnce() -> T + Send + 'static) -> T {
        std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(parse)
            .unwrap()
            .join()
            .unwrap()
    }

    /// Line and column of the bracket that opens level `MAX_DEPTH + 1`.
    fn too_deep_at(text: &str) -> (usize, usize) {
        let mut depth = 0;
        for (line, text) in text.lines().enumerate() {
            for (column, c) in text.chars().enumerate() {
                depth += usize::from(c == '[' || c == '{');
                depth -= usize::from(c == ']' || c == '}');
                if depth > MAX_DEPTH {
                    return (line + 1, column + 1);
                }
            }
        }
        panic!("never deeper than {MAX_DEPTH}");
    }

    fn nest(open: &str, inner: &str, close: &str, depth: usize) -> String {
        format!("{}{inner}{}", open.repeat(depth), close.repeat(depth))
    }

    #[test]
    fn nesting_200000_deep_is_an_error_with_its_place_wherever_it_is() {
        const DEEP: usize = 200_000;
        let arrays = nest("[", "", "]", DEEP);
        let objects = nest(r#"{"a":"#, "1", "}", DEEP);
        let stores = [
            "[".repeat(DEEP),
            arrays.clone(),
            format!(r#"{{"articles":[{{"title":{objects},"body":"b"}}]}}"#),
            format!(r#"[{{"title":"t","body":{arrays}}}]"#),
            format!(r#"[{{"title":"t","body":"b","tags":["a",{arrays}]}}]"#),
            format!(r#"[{{"title":"t","body":"b","unknown":{objects}}}]"#),
            format!(r#"{{"version":{arrays},"articles":[]}}"#),
        ];
        for text in stores {
            let expected = too_deep_at(&text);
            let err = on_a_normal_stack(move || load(&text).unwrap_err());
            let StoreError::Syntax {
                line,
                column,
                message,
                ..
            } = &err
            else {
                panic!("{err}");
            };
            assert_eq!((*line, *column), expected, "{err}");
            assert_eq!(
                message,
                "arrays and objects nested more than 127 levels deep"
            );
        }
        let lines_text = format!("{{\"title\":\"a\",\"body\":\"b\"}}\n{{\"x\":{objects}}}\n");
        let expected = too_deep_at(&lines_text);
        let err = on_a_normal_stack(move || lines(&lines_text).unwrap_err());
        assert!(
            matches!(err, StoreError::Syntax { line, column, .. } if (line, column) == expected),
            "{err}"
        );
    }

    #[test]
    fn nesting_is_read_to_the_limit_and_refused_one_past_it() {
        // The array and the article object are two levels already.
        let store = |extra| {
            format!(
                r#"[{{"title":"t","body":"b","x":{}}}]"#,
                nest("[", "", "]", extra)
            )
        };
        let deepest = load(&store(MAX_DEPTH - 2)).unwrap();
        assert_eq!(deepest.articles.len(), 1);
        assert!(deepest.problems.is_empty());
        let err = load(&store(MAX_DEPTH - 1)).unwrap_err();
        assert!(
            err.to_string().contains("nested more than 127 levels"),
            "{err}"
        );
    }

    #[test]
    fn wrong_kinds_of_value_are_problems_named_by_article() {
        let store = load(
            r#"[{"id":"a","title":{"x":1},"body":"b"},
                {"id":"b","title":"t","body":12},
                {"id":"c","title":"t","body":"b","source":3.5,"url":["u", "v"],"tags":"x; y"},
                {"id":{"n":1},"title":"t","body":"b"},
                {"id":true,"title":"t","body":"b"}]"#,
        )
        .unwrap();
        let messages: Vec<_> = store.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "t.json: article 0 (id \"a\"): `title` must be a string, found an object [skipped]",
                "t.json: article 1 (id \"b\"): `body` must be a string, found a number [skipped]",
                "t.json: article 2 (id \"c\"): `source` must be a string, found a number",
                "t.json: article 3: `id` must be a string or a number, found an object (an id is derived instead)",
                "t.json: article 4: `id` must be a string or a number, found a boolean (an id is derived instead)",
            ]
        );
        let ids: Vec<_> = store.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "c",
                &derived_id(None, "t", "b"),
                &derived_id(None, "t", "b")
            ]
        );
        assert_eq!(
            store.articles[0].url.as_deref(),
            Some("u"),
            "the first of several"
        );
        assert_eq!(
            store.articles[0].tags,
            ["x", "y"],
            "one string of tags is split"
        );
    }

    #[test]
    fn json_lines_count_file_lines_and_skip_blanks() {
        let store = lines("{\"title\":\"a\",\"body\":\"b\"}\n\n{\"id\":\"c\"}\n").unwrap();
        assert_eq!(store.articles.len(), 1);
        assert_eq!(store.problems[0].index, 1);
        let err = lines("{\"title\":\"a\",\"body\":\"b\"}\n\n{\"title\" \"c\"}\n").unwrap_err();
        assert!(
            err.to_string().starts_with("t.jsonl:3:10: expected `:`"),
            "{err}"
        );
    }
}
