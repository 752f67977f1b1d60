//! The file as serde reads it: every setting with the place it was
//! written, checked afterwards.
//!
//! serde and toml refuse what has the wrong shape (bad TOML, an unknown
//! setting, a number where a list belongs) with the place of the mistake.
//! What has the right shape but means nothing (an unknown action, a key or
//! colour name that is no key or colour) is refused by the checks in
//! [`super`], which need each value's place: hence [`Spanned`] everywhere.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use toml::Spanned;

use super::color::Written;

/// The whole file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a table of settings")]
pub(super) struct RawConfig {
    /// Store paths.
    pub stores: Option<Spanned<OneOrMany>>,
    /// The layout's name.
    pub layout: Option<Spanned<String>>,
    /// A field map.
    pub map: Option<Spanned<String>>,
    /// `[keys]`.
    pub keys: Option<KeyTable>,
    /// `[colors]`.
    #[serde(default)]
    pub colors: RawColors,
}

/// `[colors]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a table of colours")]
pub(super) struct RawColors {
    /// Mentions of agencies.
    pub agency: Option<Spanned<Written>>,
    /// Mentions of outlets.
    pub outlet: Option<Spanned<Written>>,
    /// Matches (`match`).
    #[serde(rename = "match")]
    pub matched: Option<Spanned<Written>>,
    /// The selected row.
    pub selection: Option<Spanned<Written>>,
    /// Borders.
    pub border: Option<Spanned<Written>>,
}

/// A string, or a list of strings each with its place (store paths, the
/// keys of an action).
#[derive(Debug)]
pub(super) enum OneOrMany {
    /// One string, at the place of the whole value.
    One(String),
    /// A list.
    Many(Vec<Spanned<String>>),
}

impl OneOrMany {
    /// The strings with their places, one string taking the place of the
    /// value.
    pub fn into_items(value: Spanned<Self>) -> Vec<Spanned<String>> {
        let span = value.span();
        match value.into_inner() {
            Self::One(text) => vec![Spanned::new(span, text)],
            Self::Many(items) => items,
        }
    }
}

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(OneOrManyVisitor)
    }
}

struct OneOrManyVisitor;

impl<'de> Visitor<'de> for OneOrManyVisitor {
    type Value = OneOrMany;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string or a list of strings")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<OneOrMany, E> {
        Ok(OneOrMany::One(text.to_owned()))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<OneOrMany, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(OneOrMany::Many(items))
    }
}

/// `[keys]`: action names and their keys, each with its place.
#[derive(Debug, Default)]
pub(super) struct KeyTable(pub Vec<(Spanned<String>, Spanned<OneOrMany>)>);

impl<'de> Deserialize<'de> for KeyTable {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(KeyTableVisitor)
    }
}

struct KeyTableVisitor;

impl<'de> Visitor<'de> for KeyTableVisitor {
    type Value = KeyTable;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a table of actions and their keys")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<KeyTable, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry()? {
            entries.push(entry);
        }
        Ok(KeyTable(entries))
    }
}

impl<'de> Deserialize<'de> for Written {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(WrittenVisitor)
    }
}

struct WrittenVisitor;

impl Visitor<'_> for WrittenVisitor {
    type Value = Written;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a colour: a name, 0-255 or \"#rrggbb\"")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Written, E> {
        Ok(Written::Text(text.to_owned()))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Written, E> {
        Ok(Written::Number(n))
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Written, E> {
        Ok(Written::Number(i64::try_from(n).unwrap_or(i64::MAX)))
    }
}
