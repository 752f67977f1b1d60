//! Turning one article object, pruned to what its map reads, into an
//! [`Article`]: what a field map cannot say is done here, for every shape
//! alike.
//!
//! - Text marked `:html` becomes plain text, and so does text marked
//!   `:html?` that looks like HTML.
//! - Several values for one field (arrays) are joined: authors with ", ",
//!   a body's parts as paragraphs, a title's with a space; `id`, `source`
//!   and `url` take the first.
//! - Dates are read in every form [`Published`] knows; a number is an epoch
//!   time, eight digits a day. news-please's `"None"` is no date.
//! - Tags given as one string are split at `;` (else at `,`); Google
//!   Reader's `user/…/label/NAME` is `NAME`, and its `user/…/state/…`
//!   marks are not tags.
//! - A byline's leading "By " is dropped.
//! - An article with no title takes the first line of its body; one with
//!   neither title nor body is skipped.

use std::ops::Range;
use std::sync::Arc;

use super::body::{Body, Source as FileText};
use super::html;
use super::map::{Field, Markup, Source};
use super::project::{NodeId, TOP, Trie, Value};
use super::{Article, Published, derived_id};

/// How long a title made from a body's first line may be, in characters.
const TITLE_FROM_BODY: usize = 120;

/// A field's source made ready for one file: paths as nodes of the trie.
#[derive(Debug)]
enum Compiled {
    /// A path from the article object.
    Item(Vec<NodeId>, Markup),
    /// A path from the top of the document.
    Top(Vec<NodeId>, Markup),
    /// Text given in the map.
    Literal(String),
}

/// Where each field of the articles of one file is, ready to read.
#[derive(Debug)]
pub(super) struct Fields {
    /// Each field the map names, with its sources and how each is written.
    fields: Vec<(Field, Vec<(Compiled, String)>)>,
    /// The text the document is read from, where bodies left in it
    /// ([`Value::Raw`]) are.
    text: Option<Arc<FileText>>,
}

impl Fields {
    /// Compiles the sources of every field but `articles`, for articles
    /// found at the node `items` of `trie`.
    pub(super) fn new<'s>(
        trie: &Trie,
        items: NodeId,
        entries: impl Iterator<Item = (Field, &'s [Source])>,
    ) -> Self {
        let fields = entries
            .filter(|(field, _)| *field != Field::Articles)
            .map(|(field, sources)| {
                let compiled = sources
                    .iter()
                    .filter_map(|source| Some((compile(trie, items, source)?, shown(source))))
                    .collect();
                (field, compiled)
            })
            .collect();
        Self { fields, text: None }
    }

    /// Reads bodies left in `text`, the text of the document.
    pub(super) fn in_text(mut self, text: &Arc<FileText>) -> Self {
        self.text = Some(Arc::clone(text));
        self
    }

    /// The body left in the document at `range`: kept there when it is
    /// plain text (and, for `:html?`, shows no sign of HTML), else read as a
    /// string now.
    fn raw(&self, range: &Range<usize>, markup: Markup) -> Raw {
        let Some(text) = &self.text else {
            return Raw::Text(String::new());
        };
        let literal = text.bytes().get(range.clone()).unwrap_or_default();
        let html = match markup {
            Markup::Text => false,
            Markup::Html => true,
            Markup::MaybeHtml => {
                memchr::memchr(b'<', literal).is_some()
                    || memchr::memmem::find(&literal.to_ascii_lowercase(), b"\\u003c").is_some()
            }
        };
        if html {
            let literal = std::str::from_utf8(literal).unwrap_or("\"\"");
            return Raw::Text(serde_json::from_str(literal).unwrap_or_default());
        }
        Body::in_file(text, range.clone()).map_or(Raw::Blank, Raw::Kept)
    }

    /// The fields this file's map names.
    pub(super) fn named(&self) -> impl Iterator<Item = Field> + '_ {
        self.fields.iter().map(|(field, _)| *field)
    }

    /// The fields with a path from the top of the document.
    pub(super) fn read_at_top(&self) -> Vec<Field> {
        self.fields
            .iter()
            .filter(|(_, sources)| {
                sources
                    .iter()
                    .any(|(compiled, _)| matches!(compiled, Compiled::Top(..)))
            })
            .map(|(field, _)| *field)
            .collect()
    }

    fn sources(&self, field: Field) -> &[(Compiled, String)] {
        self.fields
            .iter()
            .find(|(named, _)| *named == field)
            .map_or(&[], |(_, sources)| sources.as_slice())
    }
}

/// A source's paths as nodes below `items` (or the top); `None` for a path
/// not in the trie, which could never match.
fn compile(trie: &Trie, items: NodeId, source: &Source) -> Option<Compiled> {
    Some(match source {
        Source::Literal(text) => Compiled::Literal(text.clone()),
        Source::Path(path) => {
            let from = if path.from_top { TOP } else { items };
            let nodes = trie.walk(from, path.keys.iter().map(String::as_str))?;
            if path.from_top {
                Compiled::Top(nodes, path.markup)
            } else {
                Compiled::Item(nodes, path.markup)
            }
        }
    })
}

/// A source as messages name it: as written, without its filter.
fn shown(source: &Source) -> String {
    let mut shown = source.to_string();
    for filter in [":html?", ":html"] {
        if let Some(bare) = shown.strip_suffix(filter) {
            shown.truncate(bare.len());
            break;
        }
    }
    shown
}

/// The fields an article had, one bit each.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct FieldSet(u16);

impl FieldSet {
    /// Whether `field` is in the set.
    pub(super) fn has(self, field: Field) -> bool {
        self.0 & (1 << field as u16) != 0
    }

    fn with(self, field: Field, present: bool) -> Self {
        Self(self.0 | (u16::from(present) << field as u16))
    }
}

/// An article read from one object, or why it was skipped.
#[derive(Debug)]
pub(super) struct Converted {
    /// The article, unless it was skipped.
    pub(super) article: Option<Article>,
    /// The article's own id, to name it in problems.
    pub(super) id: Option<String>,
    /// Problems, each with whether it made the article skipped.
    pub(super) problems: Vec<(String, bool)>,
    /// The fields that had a value.
    pub(super) found: FieldSet,
}

/// What one field's sources give: the first source with a value that is not
/// blank, as text; or a message when that value is of the wrong kind.
enum Got {
    Nothing,
    /// A body left in the document's text.
    Kept(Body),
    /// One text or more, and how they are marked up.
    Text(Vec<String>, Markup),
    Number(String),
    Wrong(String),
}

fn get(fields: &Fields, field: Field, top: &Value, item: &mut Value) -> Got {
    for (compiled, shown) in fields.sources(field) {
        let (markup, found) = match compiled {
            Compiled::Literal(text) => return Got::Text(vec![text.clone()], Markup::Text),
            // The id is read first and is short: it is copied, so that a
            // map may read the same path for another field too. Other
            // values are handed over, so that a body is moved, not copied.
            Compiled::Item(nodes, markup) if field == Field::Id => (*markup, copies(item, nodes)),
            Compiled::Item(nodes, markup) => {
                // Most paths are one key holding one string: no list.
                if let [node] = nodes.as_slice()
                    && let Some(text) = item.take_string(*node)
                {
                    if text.trim().is_empty() {
                        continue;
                    }
                    return Got::Text(vec![text], *markup);
                }
                let mut taken = Vec::new();
                item.take(nodes, &mut taken);
                (*markup, taken)
            }
            // The top of the document is every article's.
            Compiled::Top(nodes, markup) => (*markup, copies(top, nodes)),
        };
        if field == Field::Body
            && let [Value::Raw(range)] = found.as_slice()
        {
            match fields.raw(range, markup) {
                Raw::Kept(body) => return Got::Kept(body),
                Raw::Blank => continue,
                Raw::Text(text) if text.trim().is_empty() => continue,
                Raw::Text(text) => return Got::Text(vec![text], markup),
            }
        }
        let mut texts = Vec::new();
        for value in found {
            let value = match value {
                Value::Raw(range) => match fields.raw(&range, markup) {
                    Raw::Kept(body) => Value::Str(body.text().into_owned()),
                    Raw::Blank => Value::Null,
                    Raw::Text(text) => Value::Str(text),
                },
                value => value,
            };
            match value {
                Value::Str(text) if text.trim().is_empty() => {}
                Value::Str(text) => texts.push(text),
                Value::Num(number) if texts.is_empty() => return Got::Number(number),
                Value::Null | Value::Num(_) => {}
                other => {
                    return Got::Wrong(format!(
                        "`{shown}` must be {}, found {}",
                        expected(field),
                        other.describe()
                    ));
                }
            }
        }
        if !texts.is_empty() {
            return Got::Text(texts, markup);
        }
    }
    Got::Nothing
}

/// A body found left in the document's text.
enum Raw {
    /// Left there.
    Kept(Body),
    /// Read now, because it may be HTML.
    Text(String),
    /// Blank.
    Blank,
}

fn copies(value: &Value, nodes: &[NodeId]) -> Vec<Value> {
    let mut found = Vec::new();
    value.find(nodes, &mut found);
    found.into_iter().cloned().collect()
}

fn expected(field: Field) -> &'static str {
    match field {
        Field::Id => "a string or a number",
        Field::Published => "a date",
        Field::Tags => "strings",
        _ => "a string",
    }
}

/// Reads one article object. `top` is the rest of the document, for
/// paths that start at its top.
pub(super) fn article(fields: &Fields, top: &Value, item: &mut Value) -> Converted {
    let mut converted = Converted {
        article: None,
        id: None,
        problems: Vec::new(),
        found: FieldSet::default(),
    };
    if !matches!(item, Value::Obj(_)) {
        converted.problems.push((
            format!("expected an article object, found {}", item.describe()),
            true,
        ));
        return converted;
    }
    // Problems that keep the article.
    let mut kept = Vec::new();
    let id = match get(fields, Field::Id, top, item) {
        Got::Text(texts, _) => texts.into_iter().next(),
        Got::Kept(body) => Some(body.text().into_owned()),
        Got::Number(number) => Some(number),
        Got::Nothing => None,
        Got::Wrong(message) => {
            kept.push(format!("{message} (an id is derived instead)"));
            None
        }
    };
    converted.id.clone_from(&id);
    let (title, body) = match title_and_body(fields, top, item) {
        Ok(both) => both,
        Err(message) => {
            converted.problems.push((message, true));
            return converted;
        }
    };
    let mut optional = |field: Field, joiner: &str| {
        text(fields, field, top, item, joiner).unwrap_or_else(|message| {
            kept.push(message);
            None
        })
    };
    let source = optional(Field::Source, "");
    let author = optional(Field::Author, ", ").map(without_by);
    let url = optional(Field::Url, "");
    let published = published(fields, top, item, &mut kept);
    let tags = tags(fields, top, item, &mut kept);
    converted.found = FieldSet::default()
        .with(Field::Id, id.is_some())
        .with(Field::Title, true)
        .with(Field::Body, !body.is_empty())
        .with(Field::Source, source.is_some())
        .with(Field::Author, author.is_some())
        .with(Field::Published, published.is_some())
        .with(Field::Url, url.is_some())
        .with(Field::Tags, !tags.is_empty());
    let id = id.unwrap_or_else(|| derived_id(url.as_deref(), &title, &body.text()));
    converted.article = Some(Article {
        id,
        title,
        body,
        source,
        author,
        published,
        url,
        tags,
    });
    converted
        .problems
        .extend(kept.into_iter().map(|message| (message, false)));
    converted
}

/// The title and the body; a title made from the body when there is
/// none; why the article must be skipped when neither can be read.
fn title_and_body(
    fields: &Fields,
    top: &Value,
    item: &mut Value,
) -> Result<(String, Body), String> {
    let title = text(fields, Field::Title, top, item, " ")?;
    let body = match get(fields, Field::Body, top, item) {
        Got::Kept(body) => Some(body),
        got => text_of(fields, Field::Body, got, "\n\n")?.map(Body::from),
    };
    match (title, body) {
        (None, None) => Err("no title or body".to_owned()),
        (Some(title), body) => Ok((title, body.unwrap_or_default())),
        (None, Some(body)) => Ok((title_from(&body.text()), body)),
    }
}

fn published(
    fields: &Fields,
    top: &Value,
    item: &mut Value,
    kept: &mut Vec<String>,
) -> Option<Published> {
    match get(fields, Field::Published, top, item) {
        Got::Nothing => None,
        Got::Number(number) => date_from_number(&number, kept),
        Got::Kept(body) => date_from_text(&body.text(), kept),
        Got::Text(texts, _) => texts
            .into_iter()
            .next()
            .and_then(|text| date_from_text(&text, kept)),
        Got::Wrong(message) => {
            kept.push(message);
            None
        }
    }
}

fn tags(fields: &Fields, top: &Value, item: &mut Value, kept: &mut Vec<String>) -> Vec<String> {
    match get(fields, Field::Tags, top, item) {
        Got::Text(texts, _) => tags_from(texts),
        Got::Kept(body) => tags_from(vec![body.text().into_owned()]),
        Got::Number(number) => vec![number],
        Got::Nothing => Vec::new(),
        Got::Wrong(message) => {
            kept.push(message);
            Vec::new()
        }
    }
}

/// A value from the top of a document, for the articles that have none of
/// their own.
pub(super) enum Filled {
    Text(String),
    Date(Published),
    Tags(Vec<String>),
}

impl Filled {
    /// Gives `article` this value of `field` if it has none; whether it did.
    pub(super) fn fill(&self, field: Field, article: &mut Article) -> bool {
        match (field, self) {
            (Field::Source, Self::Text(text)) => fill(&mut article.source, text),
            (Field::Author, Self::Text(text)) => fill(&mut article.author, text),
            (Field::Url, Self::Text(text)) => fill(&mut article.url, text),
            (Field::Published, Self::Date(date)) => fill(&mut article.published, date),
            (Field::Tags, Self::Tags(tags)) if article.tags.is_empty() => {
                article.tags.clone_from(tags);
                true
            }
            _ => false,
        }
    }
}

fn fill<T: Clone>(slot: &mut Option<T>, value: &T) -> bool {
    if slot.is_some() {
        return false;
    }
    *slot = Some(value.clone());
    true
}

/// The value of `field` at the top of the document, read the way an
/// article's own value is.
pub(super) fn from_top(fields: &Fields, field: Field, top: &Value) -> Option<Filled> {
    let mut nothing = Value::Null;
    let mut ignored = Vec::new();
    match field {
        Field::Published => published(fields, top, &mut nothing, &mut ignored).map(Filled::Date),
        Field::Tags => {
            let tags = tags(fields, top, &mut nothing, &mut ignored);
            (!tags.is_empty()).then_some(Filled::Tags(tags))
        }
        Field::Source | Field::Url => text(fields, field, top, &mut nothing, "")
            .ok()
            .flatten()
            .map(Filled::Text),
        Field::Author => text(fields, field, top, &mut nothing, ", ")
            .ok()
            .flatten()
            .map(|author| Filled::Text(without_by(author))),
        Field::Articles | Field::Id | Field::Title | Field::Body => None,
    }
}

/// A text field: its values as plain text, joined by `joiner` (or the first
/// of them when `joiner` is empty).
fn text(
    fields: &Fields,
    field: Field,
    top: &Value,
    item: &mut Value,
    joiner: &str,
) -> Result<Option<String>, String> {
    text_of(fields, field, get(fields, field, top, item), joiner)
}

/// What a text field's sources gave, as plain text.
fn text_of(
    fields: &Fields,
    field: Field,
    got: Got,
    joiner: &str,
) -> Result<Option<String>, String> {
    match got {
        Got::Nothing => Ok(None),
        Got::Kept(body) => Ok(Some(body.text().into_owned())),
        Got::Wrong(message) => Err(message),
        Got::Number(number) if field == Field::Id => Ok(Some(number)),
        Got::Number(_) => Err(format!(
            "`{}` must be a string, found a number",
            shown_first(fields, field).unwrap_or(field.name())
        )),
        Got::Text(mut texts, markup) => {
            if joiner.is_empty() || texts.len() == 1 {
                // One text, the common case, is kept as it is: a body is
                // not copied.
                texts.truncate(1);
                let text = texts.pop().map(|text| plain(field, text, markup));
                return Ok(text.filter(|text| !text.is_empty()));
            }
            let text = texts
                .into_iter()
                .map(|text| plain(field, text, markup))
                .filter(|text| !text.is_empty())
                .collect::<Vec<_>>()
                .join(joiner);
            Ok((!text.is_empty()).then_some(text))
        }
    }
}

fn shown_first(fields: &Fields, field: Field) -> Option<&str> {
    fields
        .sources(field)
        .first()
        .map(|(_, shown)| shown.as_str())
}

/// Text as it is kept: HTML made plain text (a body in paragraphs, any
/// other field on one line), other text trimmed.
fn plain(field: Field, text: String, markup: Markup) -> String {
    let html = match markup {
        Markup::Text => false,
        Markup::Html => true,
        // A one-line field with an entity (`Vintners&#8217;`) is decoded
        // too; an `&` that begins no reference stays as it is ("AT&T").
        Markup::MaybeHtml => {
            html::looks_like_html(&text) || (field != Field::Body && text.contains('&'))
        }
    };
    match field {
        Field::Body if html => html::to_text(&text),
        Field::Body => text,
        _ if html => html::inline_to_text(&text),
        _ if text.trim().len() == text.len() => text,
        _ => text.trim().to_owned(),
    }
}

/// A title for an article that has none: the first line of its body, cut
/// at a word near [`TITLE_FROM_BODY`] characters.
pub(super) fn title_from(body: &str) -> String {
    let line = body
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty())
        .unwrap_or("");
    match line.char_indices().nth(TITLE_FROM_BODY) {
        None => line.to_owned(),
        Some((cut, _)) => {
            let head = &line[..cut];
            let head = head.rfind(' ').map_or(head, |space| &head[..space]);
            format!("{}…", head.trim_end())
        }
    }
}

/// A byline without its leading "By ".
fn without_by(author: String) -> String {
    for by in ["By ", "by ", "BY "] {
        if let Some(name) = author.strip_prefix(by) {
            return name.trim().to_owned();
        }
    }
    author
}

fn date_from_text(text: &str, kept: &mut Vec<String>) -> Option<Published> {
    if matches!(text.trim(), "None" | "null" | "NULL" | "none") {
        return None;
    }
    Published::parse(text)
        .map_err(|err| kept.push(format!("`published` {text:?}: {err}")))
        .ok()
}

fn date_from_number(number: &str, kept: &mut Vec<String>) -> Option<Published> {
    if number.len() == 8 {
        // `20260314`: a day written as a number, as it would be as text.
        return date_from_text(number, kept);
    }
    number
        .parse::<f64>()
        .ok()
        .and_then(|value| Published::from_number(value).ok())
        .or_else(|| {
            kept.push(format!(
                "`published` {number}: not an epoch time in seconds, milliseconds or microseconds"
            ));
            None
        })
}

/// Tags from the strings found: one string of several is split, Google
/// Reader's labels are named and its state marks left out, blanks and
/// repeats dropped.
fn tags_from(texts: Vec<String>) -> Vec<String> {
    let split: Vec<String> = match texts.as_slice() {
        [one] if one.contains([';', ',']) => {
            let separator = if one.contains(';') { ';' } else { ',' };
            one.split(separator).map(str::to_owned).collect()
        }
        _ => texts,
    };
    let mut tags: Vec<String> = Vec::new();
    for whole in split {
        let tag = whole.trim();
        let tag = match ReaderCategory::of(tag) {
            ReaderCategory::Label(label) => label,
            ReaderCategory::State => continue,
            ReaderCategory::Other => tag,
        };
        if tag.is_empty() || tags.iter().any(|kept| kept == tag) {
            continue;
        }
        if tag.len() == whole.len() {
            tags.push(whole);
        } else {
            tags.push(tag.to_owned());
        }
    }
    tags
}

/// What a Google Reader category is: a label the user gave, a state mark
/// (read, starred, reading list), or not Google Reader's at all.
enum ReaderCategory<'t> {
    Label(&'t str),
    State,
    Other,
}

impl<'t> ReaderCategory<'t> {
    fn of(tag: &'t str) -> Self {
        let rest = tag
            .strip_prefix("user/")
            .and_then(|rest| rest.split_once('/'))
            .map(|(_, rest)| rest);
        match rest {
            Some(rest) if rest.starts_with("state/") => Self::State,
            Some(rest) => rest.strip_prefix("label/").map_or(Self::Other, Self::Label),
            None => Self::Other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_from_the_body_is_its_first_line_cut_at_a_word() {
        assert_eq!(title_from("\n  First line.\nSecond"), "First line.");
        let long = "word ".repeat(40);
        let title = title_from(&long);
        assert!(title.ends_with("word…"), "{title}");
        assert!(title.chars().count() <= TITLE_FROM_BODY + 1, "{title}");
    }

    #[test]
    fn joined_tags_are_split_and_reader_states_dropped() {
        let tags = |texts: &[&str]| tags_from(texts.iter().map(|t| (*t).to_owned()).collect());
        assert_eq!(
            tags(&["crime;europe; police"]),
            ["crime", "europe", "police"]
        );
        assert_eq!(tags(&["a, b,a"]), ["a", "b"]);
        assert_eq!(
            tags(&[
                "user/-/state/com.google/reading-list",
                "user/1005/label/Security",
                "Tech"
            ]),
            ["Security", "Tech"]
        );
    }

    #[test]
    fn a_byline_loses_its_by() {
        assert_eq!(without_by("By Ines Varga".into()), "Ines Varga");
        assert_eq!(without_by("Byron Lee".into()), "Byron Lee");
    }
}
