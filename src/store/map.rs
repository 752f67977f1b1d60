//! The field-map language: where in a JSON document each of newsdesk's
//! fields is found.
//!
//! A map is a comma-separated list of `FIELD=PATH` entries, the same on the
//! command line (`--map articles=data.items,body=story.text`) and in the
//! built-in shapes (`assets/shapes.toml`):
//!
//! - `articles` says where the articles are, from the top of the document:
//!   an array of article objects, or one object. `.` is the top itself.
//! - Every other field (`id`, `title`, `body`, `source`, `author`,
//!   `published`, `url`, `tags`) is read from each article object.
//! - A path is keys joined by dots (`source.name`). Where a key meets an
//!   array, the rest of the path is read in every element (`authors.name`
//!   over `[{"name": …}, …]` gives every name).
//! - `$.` starts a path at the top of the document instead of the article
//!   (`source=$.title`: a feed's title as every article's source).
//! - `A|B` tries `A`, then `B` when `A` gives nothing.
//! - `:html` after a path says the text is HTML, to be turned into plain
//!   text; `:html?` says it may be, and is turned when it looks like HTML
//!   (the `content` of an answer of the News API is plain text, or HTML, as the
//!   outlet wrote it).
//! - `"text"` is the text itself (`source="The Guardian"`).
//! - A backslash makes the next character part of a key (`a\.b` is the one
//!   key `a.b`).
//!
//! Code does what a path cannot say: HTML to text, the many forms of dates
//! and epoch times, strings that join several authors or tags.

use std::fmt;

/// One of the fields newsdesk reads, or where the articles are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// Where the articles are, from the top of the document.
    Articles,
    /// The article's identifier.
    Id,
    /// The headline.
    Title,
    /// The text.
    Body,
    /// The outlet.
    Source,
    /// Who wrote it.
    Author,
    /// When it was published.
    Published,
    /// Where it was published.
    Url,
    /// Labels.
    Tags,
}

impl Field {
    /// Every field, in the order maps are shown.
    pub const ALL: [Self; 9] = [
        Self::Articles,
        Self::Id,
        Self::Title,
        Self::Body,
        Self::Source,
        Self::Author,
        Self::Published,
        Self::Url,
        Self::Tags,
    ];

    /// The field's name in maps and in newsdesk's own store format.
    pub fn name(self) -> &'static str {
        match self {
            Self::Articles => "articles",
            Self::Id => "id",
            Self::Title => "title",
            Self::Body => "body",
            Self::Source => "source",
            Self::Author => "author",
            Self::Published => "published",
            Self::Url => "url",
            Self::Tags => "tags",
        }
    }

    fn named(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|field| field.name() == name)
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Where a field's value comes from: a path, or text given in the map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A path into the document.
    Path(Path),
    /// The text itself.
    Literal(String),
}

/// A path of keys into a JSON document.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Path {
    /// From the top of the document (`$.`) rather than from the article.
    pub from_top: bool,
    /// The keys, outermost first; none for the value itself (`.`).
    pub keys: Vec<String>,
    /// Whether the text found is HTML (`:html`, `:html?`).
    pub markup: Markup,
}

impl Path {
    /// A path of plain keys from the article (or, for `articles`, the top).
    pub fn of(keys: &[&str]) -> Self {
        Self {
            from_top: false,
            keys: keys.iter().map(|&key| key.to_owned()).collect(),
            markup: Markup::Text,
        }
    }
}

/// Whether the text at a path is HTML.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Markup {
    /// Plain text, kept as it is.
    #[default]
    Text,
    /// HTML, turned into plain text (`:html`).
    Html,
    /// Either: turned into plain text when it looks like HTML (`:html?`).
    MaybeHtml,
}

impl Path {
    /// Reads a path alone, as written after `FIELD=` in a map.
    pub fn parse(text: &str) -> Result<Self, MapError> {
        let mut parser = Parser { text, at: 0 };
        let source = parser.source(Field::Title)?;
        parser.blanks();
        if parser.at < text.len() {
            return Err(parser.error_at(parser.at, "the path goes on after its end".to_owned()));
        }
        match source {
            Source::Path(path) => Ok(path),
            Source::Literal(_) => Err(parser.error_at(0, "a path, not text, is needed".to_owned())),
        }
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.from_top {
            f.write_str("$")?;
            if self.keys.is_empty() {
                f.write_str(".")?;
            }
        } else if self.keys.is_empty() {
            f.write_str(".")?;
        }
        for (at, key) in self.keys.iter().enumerate() {
            if at > 0 || self.from_top {
                f.write_str(".")?;
            }
            for c in key.chars() {
                if is_special(c) {
                    f.write_str("\\")?;
                }
                write!(f, "{c}")?;
            }
        }
        match self.markup {
            Markup::Text => {}
            Markup::Html => f.write_str(":html")?,
            Markup::MaybeHtml => f.write_str(":html?")?,
        }
        Ok(())
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Path(path) => path.fmt(f),
            // Text in a map runs to the next quote, with no escapes.
            Self::Literal(text) => write!(f, "\"{text}\""),
        }
    }
}

/// Where each field is found: the alternatives for each field, tried in
/// order. A field the map does not name is not read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FieldMap {
    entries: Vec<(Field, Vec<Source>)>,
}

impl FieldMap {
    /// Reads a map written in the map language.
    pub fn parse(text: &str) -> Result<Self, MapError> {
        Parser { text, at: 0 }.map()
    }

    /// The alternatives for `field`, if the map names it.
    pub fn get(&self, field: Field) -> Option<&[Source]> {
        self.entries
            .iter()
            .find(|(named, _)| *named == field)
            .map(|(_, sources)| sources.as_slice())
    }

    /// The fields the map names, with their alternatives, as written.
    pub fn entries(&self) -> impl Iterator<Item = (Field, &[Source])> {
        self.entries
            .iter()
            .map(|(field, sources)| (*field, sources.as_slice()))
    }

    /// This map with every field `over` names taken from `over` instead.
    #[must_use]
    pub fn overlaid(&self, over: &Self) -> Self {
        let mut entries: Vec<_> = self
            .entries
            .iter()
            .filter(|(field, _)| over.get(*field).is_none())
            .cloned()
            .collect();
        entries.extend(over.entries.iter().cloned());
        entries.sort_by_key(|(field, _)| *field);
        Self { entries }
    }
}

impl fmt::Display for FieldMap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (at, (field, sources)) in self.entries.iter().enumerate() {
            if at > 0 {
                f.write_str(",")?;
            }
            write!(f, "{field}=")?;
            for (at, source) in sources.iter().enumerate() {
                if at > 0 {
                    f.write_str("|")?;
                }
                source.fmt(f)?;
            }
        }
        Ok(())
    }
}

/// Why a map could not be read, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("column {column}: {message}")]
pub struct MapError {
    /// Column of the problem in the map's text, from 1.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

/// The characters that end a key unless escaped.
fn is_special(c: char) -> bool {
    matches!(c, '.' | ',' | '|' | '=' | ':' | '"' | '\\') || c.is_whitespace()
}

struct Parser<'t> {
    text: &'t str,
    /// Byte offset of the next character.
    at: usize,
}

impl Parser<'_> {
    fn map(mut self) -> Result<FieldMap, MapError> {
        let mut entries: Vec<(Field, Vec<Source>)> = Vec::new();
        loop {
            self.blanks();
            let start = self.at;
            let name = self.word().to_owned();
            let field = Field::named(&name).ok_or_else(|| {
                let names: Vec<_> = Field::ALL.iter().map(|f| f.name()).collect();
                let found = if name.is_empty() {
                    "a field name is missing".to_owned()
                } else {
                    format!("unknown field `{name}`")
                };
                self.error_at(start, format!("{found} (fields: {})", names.join(", ")))
            })?;
            if entries.iter().any(|(named, _)| *named == field) {
                return Err(self.error_at(start, format!("`{field}` is given twice")));
            }
            self.blanks();
            self.expect('=')?;
            let mut sources = vec![self.source(field)?];
            loop {
                self.blanks();
                if !self.eat('|') {
                    break;
                }
                sources.push(self.source(field)?);
            }
            entries.push((field, sources));
            self.blanks();
            if self.at == self.text.len() {
                break;
            }
            self.expect(',')?;
        }
        entries.sort_by_key(|(field, _)| *field);
        Ok(FieldMap { entries })
    }

    fn source(&mut self, field: Field) -> Result<Source, MapError> {
        self.blanks();
        let start = self.at;
        if self.eat('"') {
            let Some(end) = self.text[self.at..].find('"') else {
                return Err(self.error_at(start, "the text has no closing quote".to_owned()));
            };
            let literal = self.text[self.at..self.at + end].to_owned();
            self.at += end + 1;
            if field == Field::Articles {
                return Err(self.error_at(start, "`articles` takes a path, not text".to_owned()));
            }
            return Ok(Source::Literal(literal));
        }
        let mut path = Path::default();
        if self.text[self.at..].starts_with("$.") {
            path.from_top = true;
            self.at += 2;
        }
        let rest = &self.text[self.at..];
        let alone = rest.starts_with('.') && rest[1..].chars().next().is_none_or(is_special);
        if alone && !path.from_top {
            // `.`: the value itself.
            self.at += 1;
        } else if !(path.from_top && rest.chars().next().is_none_or(is_special)) {
            // Keys, unless this is `$.` alone: the top itself.
            loop {
                let key_start = self.at;
                let key = self.key();
                if key.is_empty() {
                    return Err(self.error_at(key_start, "a key is missing in the path".to_owned()));
                }
                path.keys.push(key);
                if !self.eat('.') {
                    break;
                }
            }
        }
        if self.text[self.at..].starts_with(":html?") {
            self.at += ":html?".len();
            path.markup = Markup::MaybeHtml;
        } else if self.text[self.at..].starts_with(":html") {
            self.at += ":html".len();
            path.markup = Markup::Html;
        } else if self.text[self.at..].starts_with(':') {
            return Err(self.error_at(
                self.at,
                "the only filters are `:html` and `:html?`".to_owned(),
            ));
        }
        if field == Field::Articles && path.from_top {
            return Err(self.error_at(
                start,
                "`articles` is read from the top already; leave out `$.`".to_owned(),
            ));
        }
        Ok(Source::Path(path))
    }

    fn key(&mut self) -> String {
        let mut key = String::new();
        let mut chars = self.text[self.at..].char_indices();
        while let Some((offset, c)) = chars.next() {
            if c == '\\' {
                if let Some((_, escaped)) = chars.next() {
                    key.push(escaped);
                    continue;
                }
                self.at += offset + 1;
                return key;
            }
            if is_special(c) {
                self.at += offset;
                return key;
            }
            key.push(c);
        }
        self.at = self.text.len();
        key
    }

    fn word(&mut self) -> &str {
        let rest = &self.text[self.at..];
        let len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        self.at += len;
        &rest[..len]
    }

    fn blanks(&mut self) {
        let rest = &self.text[self.at..];
        self.at += rest.len() - rest.trim_start().len();
    }

    fn eat(&mut self, c: char) -> bool {
        if self.text[self.at..].starts_with(c) {
            self.at += c.len_utf8();
            true
        } else {
            false
        }
    }

    fn expect(&mut self, c: char) -> Result<(), MapError> {
        if self.eat(c) {
            return Ok(());
        }
        let found = self.text[self.at..]
            .chars()
            .next()
            .map_or_else(|| "the end".to_owned(), |c| format!("`{c}`"));
        Err(self.error_at(self.at, format!("expected `{c}`, found {found}")))
    }

    fn error_at(&self, at: usize, message: String) -> MapError {
        MapError {
            column: self.text[..at].chars().count() + 1,
            message,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources(map: &FieldMap, field: Field) -> Vec<String> {
        map.get(field)
            .unwrap_or_default()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn a_map_names_paths_alternatives_filters_and_text() {
        let map = FieldMap::parse(
            r#"articles=data.items, body = story.text:html | summary ,source=$.title|"Wire",published=meta.ts"#,
        )
        .unwrap();
        assert_eq!(sources(&map, Field::Articles), ["data.items"]);
        assert_eq!(sources(&map, Field::Body), ["story.text:html", "summary"]);
        assert_eq!(sources(&map, Field::Source), ["$.title", "\"Wire\""]);
        assert_eq!(sources(&map, Field::Published), ["meta.ts"]);
        assert_eq!(map.get(Field::Title), None);
        let Source::Path(path) = &map.get(Field::Body).unwrap()[0] else {
            panic!("a path");
        };
        assert_eq!(path.keys, ["story", "text"]);
        assert!(path.markup == Markup::Html && !path.from_top);
    }

    #[test]
    fn a_map_reads_back_as_it_is_shown() {
        for text in [
            "articles=.,title=title",
            r"articles=response.results,id=id,title=webTitle:html,body=fields.bodyText|fields.body:html|content:html?,source=$.feed.title|x\.y|$.",
            r#"source="The Guardian",tags=tags.webTitle"#,
            r#"source="a\b, c|d",author=x"#,
            r"author=source\-hostname|a\ b",
        ] {
            let map = FieldMap::parse(text).unwrap();
            assert_eq!(FieldMap::parse(&map.to_string()).unwrap(), map, "{text}");
        }
        assert_eq!(
            FieldMap::parse("title=t,articles=.").unwrap().to_string(),
            "articles=.,title=t",
            "shown in the fields' order"
        );
    }

    #[test]
    fn escaped_characters_belong_to_the_key() {
        let map = FieldMap::parse(r"url=links\.main.href,author=by\,line").unwrap();
        let Source::Path(url) = &map.get(Field::Url).unwrap()[0] else {
            panic!("a path");
        };
        assert_eq!(url.keys, ["links.main", "href"]);
        let Source::Path(author) = &map.get(Field::Author).unwrap()[0] else {
            panic!("a path");
        };
        assert_eq!(author.keys, ["by,line"]);
    }

    #[test]
    fn mistakes_are_told_with_their_column() {
        let error = |text| FieldMap::parse(text).unwrap_err().to_string();
        assert_eq!(
            error("articles=x,bdy=y"),
            "column 12: unknown field `bdy` (fields: articles, id, title, body, source, \
             author, published, url, tags)"
        );
        assert_eq!(error("title"), "column 6: expected `=`, found the end");
        assert_eq!(
            error("title=a..b"),
            "column 9: a key is missing in the path"
        );
        assert_eq!(error("title=a,title=b"), "column 9: `title` is given twice");
        assert_eq!(
            error("body=text:markdown"),
            "column 10: the only filters are `:html` and `:html?`"
        );
        assert_eq!(
            error(r#"source="Wire"#),
            "column 8: the text has no closing quote"
        );
        assert_eq!(
            error("articles=$.items"),
            "column 10: `articles` is read from the top already; leave out `$.`"
        );
        assert_eq!(error("title=a b"), "column 9: expected `,`, found `b`");
        assert_eq!(
            error(""),
            "column 1: a field name is missing (fields: articles, id, title, body, source, author, published, url, tags)"
        );
    }

    #[test]
    fn an_overlay_replaces_only_the_fields_it_names() {
        let base = FieldMap::parse("articles=items,title=name,body=text").unwrap();
        let over = FieldMap::parse("body=story,url=link").unwrap();
        assert_eq!(
            base.overlaid(&over).to_string(),
            "articles=items,title=name,body=story,url=link"
        );
    }
}
