//! One article of a JSON store as read, before the schema is checked:
//! every field the schema knows kept as whatever JSON value it holds
//! ([`Loose`]), everything else skipped ([`Skip`]) through `serde_json`'s
//! depth limit.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

/// One element of the articles array, before the schema is checked.
pub(super) enum RawArticle {
    Object(Box<RawFields>),
    NotObject(&'static str),
}

#[derive(Default)]
pub(super) struct RawFields {
    pub(super) id: Loose,
    pub(super) title: Loose,
    pub(super) body: Loose,
    pub(super) source: Loose,
    pub(super) author: Loose,
    pub(super) published: Loose,
    pub(super) url: Loose,
    pub(super) tags: Loose,
}

impl<'de> Deserialize<'de> for RawArticle {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ArticleVisitor;
        impl<'de> Visitor<'de> for ArticleVisitor {
            type Value = RawArticle;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an article object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawArticle, A::Error> {
                let mut fields = RawFields::default();
                while let Some(FieldName(key)) = map.next_key()? {
                    let slot = match key {
                        Some("id") => &mut fields.id,
                        Some("title") => &mut fields.title,
                        Some("body") => &mut fields.body,
                        Some("source") => &mut fields.source,
                        Some("author") => &mut fields.author,
                        Some("published") => &mut fields.published,
                        Some("url") => &mut fields.url,
                        Some("tags") => &mut fields.tags,
                        _ => {
                            map.next_value::<Skip>()?;
                            continue;
                        }
                    };
                    *slot = map.next_value()?;
                }
                Ok(RawArticle::Object(Box::new(fields)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawArticle, A::Error> {
                while seq.next_element::<Skip>()?.is_some() {}
                Ok(RawArticle::NotObject("an array"))
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<RawArticle, E> {
                Ok(RawArticle::NotObject("a string"))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<RawArticle, E> {
                Ok(RawArticle::NotObject("a boolean"))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<RawArticle, E> {
                Ok(RawArticle::NotObject("a number"))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<RawArticle, E> {
                Ok(RawArticle::NotObject("a number"))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<RawArticle, E> {
                Ok(RawArticle::NotObject("a number"))
            }
            fn visit_unit<E: de::Error>(self) -> Result<RawArticle, E> {
                Ok(RawArticle::NotObject("null"))
            }
        }
        deserializer.deserialize_any(ArticleVisitor)
    }
}

/// A key of an article object: one of the fields the schema knows, or
/// `None` for any other (read without being copied).
struct FieldName(Option<&'static str>);

impl<'de> Deserialize<'de> for FieldName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NameVisitor;
        impl Visitor<'_> for NameVisitor {
            type Value = FieldName;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_str<E: de::Error>(self, name: &str) -> Result<FieldName, E> {
                const KNOWN: [&str; 8] = [
                    "id",
                    "title",
                    "body",
                    "source",
                    "author",
                    "published",
                    "url",
                    "tags",
                ];
                Ok(FieldName(KNOWN.into_iter().find(|known| *known == name)))
            }
        }
        deserializer.deserialize_identifier(NameVisitor)
    }
}

/// Any JSON value, kept only as far as the schema cares.
#[derive(Debug, Default, PartialEq)]
pub(super) enum Loose {
    #[default]
    Missing,
    Null,
    Str(String),
    /// A number, kept as written (ids may be numeric).
    Num(String),
    /// An array whose elements are all strings.
    Strs(Vec<String>),
    /// Anything else, described for the error message.
    Other(&'static str),
}

impl Loose {
    pub(super) fn describe(&self) -> &'static str {
        match self {
            Self::Missing => "nothing",
            Self::Null => "null",
            Self::Str(_) => "a string",
            Self::Num(_) => "a number",
            Self::Strs(_) => "an array",
            Self::Other(what) => what,
        }
    }
}

impl<'de> Deserialize<'de> for Loose {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct LooseVisitor;
        impl<'de> Visitor<'de> for LooseVisitor {
            type Value = Loose;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Loose, E> {
                Ok(Loose::Str(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Loose, E> {
                Ok(Loose::Str(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Loose, E> {
                Ok(Loose::Num(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Loose, E> {
                Ok(Loose::Num(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Loose, E> {
                Ok(Loose::Num(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Loose, E> {
                Ok(Loose::Other("a boolean"))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Loose, E> {
                Ok(Loose::Null)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Loose, A::Error> {
                let mut strings = Vec::new();
                let mut all_strings = true;
                while let Some(element) = seq.next_element::<Loose>()? {
                    match element {
                        Loose::Str(text) if all_strings => strings.push(text),
                        _ => all_strings = false,
                    }
                }
                Ok(if all_strings {
                    Loose::Strs(strings)
                } else {
                    Loose::Other("an array with elements that are not strings")
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Loose, A::Error> {
                while map.next_entry::<Skip, Skip>()?.is_some() {}
                Ok(Loose::Other("an object"))
            }
        }
        deserializer.deserialize_any(LooseVisitor)
    }
}

/// Any JSON value, read and dropped. Unlike `IgnoredAny`, it goes through
/// `deserialize_any`, so `serde_json` counts its depth against the limit.
pub(super) struct Skip;

impl<'de> Deserialize<'de> for Skip {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SkipVisitor;
        impl<'de> Visitor<'de> for SkipVisitor {
            type Value = Skip;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Skip, E> {
                Ok(Skip)
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Skip, E> {
                Ok(Skip)
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Skip, E> {
                Ok(Skip)
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Skip, E> {
                Ok(Skip)
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Skip, E> {
                Ok(Skip)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Skip, E> {
                Ok(Skip)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Skip, A::Error> {
                while seq.next_element::<Skip>()?.is_some() {}
                Ok(Skip)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Skip, A::Error> {
                while map.next_entry::<Skip, Skip>()?.is_some() {}
                Ok(Skip)
            }
        }
        deserializer.deserialize_any(SkipVisitor)
    }
}
