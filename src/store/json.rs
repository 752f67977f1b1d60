//! JSON stores (`{"articles": [...]}` or a bare array) and JSON Lines files.
//!
//! Articles are read leniently: every known field is taken as whatever JSON
//! value it holds, and the schema is checked afterwards, so an article with a
//! numeric `title` becomes a [`Problem`] instead of failing the whole file.
//! Only malformed JSON stops loading.
//!
//! Every value is read through `serde_json`'s own recursion limit, including
//! values of fields the schema does not know (skipped with [`super::raw::Skip`], not
//! `IgnoredAny`, which `serde_json` skips without counting depth), so a store
//! nested deeper than [`MAX_DEPTH`] is an error wherever the nesting is.

use std::fmt;
use std::path::Path;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::raw::{Loose, RawArticle, Skip};
use super::{Article, Loading, Published, StoreError, derived_id};

/// The deepest nesting of arrays and objects `serde_json` reads; one level
/// more is an error.
pub(super) const MAX_DEPTH: usize = 127;

/// Parses a whole-file JSON store into `loading`.
pub(super) fn parse_store(
    path: &Path,
    text: &str,
    loading: &mut Loading,
) -> Result<(), StoreError> {
    let (articles, problems) = (loading.store.articles.len(), loading.store.problems.len());
    let mut reader = serde_json::Deserializer::from_str(text);
    let parsed = TopLevel(Articles { loading })
        .deserialize(&mut reader)
        .and_then(|()| reader.end());
    parsed.map_err(|err| {
        // Nothing of a file that cannot be read to its end is kept.
        loading.roll_back(articles, problems);
        syntax(path, &err, 0)
    })
}

/// Parses a JSON Lines file: one article object per non-blank line.
pub(super) fn parse_lines(
    path: &Path,
    text: &str,
    loading: &mut Loading,
) -> Result<(), StoreError> {
    let (articles, problems) = (loading.store.articles.len(), loading.store.problems.len());
    let mut index = 0;
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<RawArticle>(line) {
            Ok(raw) => loading.accept(index, raw),
            Err(err) => {
                // As for a whole-file store: nothing of a broken file is kept.
                loading.roll_back(articles, problems);
                return Err(syntax(path, &err, number));
            }
        }
        index += 1;
    }
    Ok(())
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

impl Loading {
    /// Checks the `index`th article of the file being read against the
    /// schema, and keeps it or reports why not.
    fn accept(&mut self, index: usize, raw: RawArticle) {
        let mut problem = |message: String, skipped: bool, id: Option<String>| {
            self.problem(index, id, message, skipped);
        };
        let RawArticle::Object(fields) = raw else {
            let RawArticle::NotObject(found) = raw else {
                return;
            };
            problem(
                format!("expected an article object, found {found}"),
                true,
                None,
            );
            return;
        };
        // Problems that keep the article, named by its id once it is known.
        let mut kept: Vec<String> = Vec::new();
        let id = match fields.id {
            Loose::Str(id) | Loose::Num(id) if !id.is_empty() => Some(id),
            Loose::Str(_) | Loose::Num(_) | Loose::Missing | Loose::Null => None,
            other => {
                kept.push(format!(
                    "`id` must be a string or a number, found {} (an id is derived instead)",
                    other.describe()
                ));
                None
            }
        };
        let title = required(fields.title, "title");
        let body = required(fields.body, "body");
        let (title, body) = match (title, body) {
            (Ok(title), Ok(body)) => (title, body),
            (Err(message), _) | (_, Err(message)) => {
                problem(message, true, id);
                return;
            }
        };
        let has_id = id.is_some();
        let mut article = Article {
            id: id.unwrap_or_else(|| derived_id(&title, &body)),
            title,
            body,
            source: optional(fields.source, "source").unwrap_or_else(|m| {
                kept.push(m);
                None
            }),
            author: optional(fields.author, "author").unwrap_or_else(|m| {
                kept.push(m);
                None
            }),
            url: optional(fields.url, "url").unwrap_or_else(|m| {
                kept.push(m);
                None
            }),
            published: None,
            tags: Vec::new(),
        };
        match optional(fields.published, "published") {
            Ok(Some(text)) => match Published::parse(&text) {
                Ok(date) => article.published = Some(date),
                Err(err) => kept.push(format!("`published` {text:?}: {err}")),
            },
            Ok(None) => {}
            Err(message) => kept.push(message),
        }
        match fields.tags {
            Loose::Missing | Loose::Null => {}
            Loose::Strs(tags) => article.tags = tags,
            other => kept.push(format!(
                "`tags` must be an array of strings, found {}",
                other.describe()
            )),
        }
        for message in kept {
            problem(message, false, has_id.then(|| article.id.clone()));
        }
        self.push(article, index);
    }
}

fn required(value: Loose, field: &str) -> Result<String, String> {
    match value {
        Loose::Str(text) => Ok(text),
        Loose::Missing => Err(format!("missing field `{field}`")),
        other => Err(format!(
            "`{field}` must be a string, found {}",
            other.describe()
        )),
    }
}

fn optional(value: Loose, field: &str) -> Result<Option<String>, String> {
    match value {
        Loose::Str(text) if text.trim().is_empty() => Ok(None),
        Loose::Str(text) => Ok(Some(text)),
        Loose::Missing | Loose::Null => Ok(None),
        other => Err(format!(
            "`{field}` must be a string, found {}",
            other.describe()
        )),
    }
}

/// Reads a store, whichever of the two accepted shapes it has, handing each
/// article to the store as soon as it is read (while it is still in cache).
struct TopLevel<'s>(Articles<'s>);

impl<'de> DeserializeSeed<'de> for TopLevel<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for TopLevel<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(r#"an object with an "articles" array, or an array of articles"#)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        self.0.visit_seq(seq)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut articles = Some(self.0);
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key != "articles" {
                map.next_value::<Skip>()?;
            } else if let Some(seed) = articles.take() {
                map.next_value_seed(seed)?;
            } else {
                return Err(de::Error::duplicate_field("articles"));
            }
        }
        match articles {
            Some(_) => Err(de::Error::custom(
                r#"expected an "articles" array in the object"#,
            )),
            None => Ok(()),
        }
    }
}

/// The articles array: each element goes to the store as it is read.
struct Articles<'s> {
    loading: &'s mut Loading,
}

impl<'de> DeserializeSeed<'de> for Articles<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Articles<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of articles")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0;
        while let Some(article) = seq.next_element()? {
            self.loading.accept(index, article);
            index += 1;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn load(text: &str) -> Result<Store, StoreError> {
        Store::from_json_str("t.json", text)
    }

    fn lines(text: &str) -> Result<Store, StoreError> {
        let mut loading = Loading::new("t.jsonl".into(), u64::MAX, false);
        loading.begin_file(Path::new("t.jsonl"));
        parse_lines(Path::new("t.jsonl"), text, &mut loading)?;
        Ok(loading.finish())
    }

    #[test]
    fn a_file_that_breaks_midway_adds_nothing() {
        let mut loading = Loading::new("two".into(), u64::MAX, false);
        loading.begin_file(Path::new("a.json"));
        parse_store(
            Path::new("a.json"),
            r#"[{"title":"a","body":"b"}]"#,
            &mut loading,
        )
        .unwrap();
        let broken = r#"[{"title":"c","body":"d"}, {"title":5,"body":"x"}, {"title":"e""#;
        loading.begin_file(Path::new("b.json"));
        let err = parse_store(Path::new("b.json"), broken, &mut loading).unwrap_err();
        assert!(matches!(err, StoreError::Syntax { .. }), "{err}");
        assert_eq!(loading.store.articles.len(), 1);
        assert_eq!(loading.origins.len(), 1);
        assert!(loading.store.problems.is_empty());
    }

    #[test]
    fn a_json_lines_file_that_breaks_midway_adds_nothing() {
        let mut loading = Loading::new("two".into(), u64::MAX, false);
        loading.begin_file(Path::new("a.jsonl"));
        let broken = "{\"title\":\"c\",\"body\":\"d\"}\n{\"title\":5,\"body\":\"x\"}\n{\"title\"";
        let err = parse_lines(Path::new("a.jsonl"), broken, &mut loading).unwrap_err();
        assert!(matches!(err, StoreError::Syntax { line: 3, .. }), "{err}");
        let store = loading.finish();
        assert!(store.articles.is_empty());
        assert!(store.problems.is_empty());
    }

    #[test]
    fn two_article_arrays_are_an_error() {
        let err = load(r#"{"articles":[{"title":"a","body":"b"}],"articles":[]}"#).unwrap_err();
        assert!(
            err.to_string().contains("duplicate field `articles`"),
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
        assert_eq!(store.articles[0].id, derived_id("a", "b"));
        assert_eq!(store.articles[1].id, "42");
    }

    #[test]
    fn schema_breaks_skip_only_that_article() {
        let store = load(
            r#"{"articles":[
                {"id":"ok","title":"fine","body":"text"},
                {"id":"nobody","title":"no body"},
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
                "t.json: article 1 (id \"nobody\"): missing field `body` [skipped]",
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
        assert_eq!(store.problems.len(), 3);
        assert!(store.articles[0].published.is_none());
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
        assert!(matches!(
            load(""),
            Err(StoreError::Syntax { column: 1, .. })
        ));
    }

    #[test]
    fn wrong_top_level_is_explained() {
        let err = load(r#"{"items":[]}"#).unwrap_err();
        assert!(
            err.to_string().contains(r#"expected an "articles" array"#),
            "{err}"
        );
        let err = load("12").unwrap_err();
        assert!(err.to_string().contains("an array of articles"), "{err}");
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
                {"id":"c","title":"t","body":"b","source":3.5,"url":["u"],"tags":"x"},
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
                "t.json: article 2 (id \"c\"): `url` must be a string, found an array",
                "t.json: article 2 (id \"c\"): `tags` must be an array of strings, found a string",
                "t.json: article 3: `id` must be a string or a number, found an object (an id is derived instead)",
                "t.json: article 4: `id` must be a string or a number, found a boolean (an id is derived instead)",
            ]
        );
        let ids: Vec<_> = store.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["c", &derived_id("t", "b"), &derived_id("t", "b")]);
    }

    #[test]
    fn json_lines_count_file_lines_and_skip_blanks() {
        let store = lines("{\"title\":\"a\",\"body\":\"b\"}\n\n{\"title\":\"c\"}\n").unwrap();
        assert_eq!(store.articles.len(), 1);
        assert_eq!(store.problems[0].index, 1);
        let err = lines("{\"title\":\"a\",\"body\":\"b\"}\n\n{\"title\" \"c\"}\n").unwrap_err();
        assert!(
            err.to_string().starts_with("t.jsonl:3:10: expected `:`"),
            "{err}"
        );
    }
}
