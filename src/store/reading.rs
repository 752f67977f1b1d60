//! The known shapes and the user's map made ready to read documents: one
//! [`Trie`] for all of them, the shape chosen by its detector from what a
//! document was seen to hold, and a [`FileReader`] that converts the
//! articles of one document as they are read.

use std::sync::Arc;

use super::Article;
use super::body::Source as FileText;
use super::convert::{self, Converted, Fields};
use super::map::{Field, FieldMap, Markup, Path, Source};
use super::project::{Keep, Met, NodeId, TOP, Trie, Value};
use super::shape::Shape;

/// The known shapes, with the user's map laid over each, ready to read
/// documents.
#[derive(Debug)]
pub(super) struct Plan {
    trie: Trie,
    shapes: Vec<Planned>,
    /// The fields the user's map names.
    user: Vec<Field>,
}

#[derive(Debug)]
struct Planned {
    name: &'static str,
    /// What must be in the document: the node of each path, and text a
    /// string there must hold.
    detect: Vec<(NodeId, Option<&'static str>)>,
    /// The shape's map with the user's laid over it.
    map: FieldMap,
    /// Where the articles may be, tried in order: the path as written and
    /// its node.
    articles: Vec<(Path, NodeId)>,
}

/// The shape chosen for a document, and where its articles are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Choice {
    shape: usize,
    /// The path to the articles, from the top.
    pub(super) articles: Path,
    /// Its node.
    pub(super) items: NodeId,
}

/// Why a document could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Unread {
    /// An object that no shape knows, and no map says where its articles are.
    UnknownObject,
    /// A path of the user's map that matched nothing in the document.
    NoMatch {
        /// The field whose paths matched nothing.
        field: Field,
        /// Its first path.
        path: Path,
        /// Where the articles were looked for, from the top.
        articles: Path,
    },
}

/// What reading one document found.
#[derive(Debug)]
pub(super) struct Read {
    /// The name of the shape it was read as.
    pub(super) shape: &'static str,
    /// The fields its map names.
    pub(super) named: Vec<Field>,
}

impl Plan {
    /// The built-in shapes, with `user` (the `--map` given) over each.
    pub(super) fn new(user: Option<&FieldMap>) -> Self {
        let mut trie = Trie::new();
        let shapes = Shape::builtin()
            .iter()
            .map(|shape| {
                let map = user.map_or_else(|| shape.map.clone(), |user| shape.map.overlaid(user));
                let articles = plan_map(&mut trie, &map);
                let detect = shape
                    .detect
                    .iter()
                    .map(|detector| {
                        let keep = if detector.holding.is_some() {
                            Keep::Value
                        } else {
                            Keep::Below
                        };
                        let keys = detector.path.keys.iter().map(String::as_str);
                        let node = trie.insert(TOP, keys, keep);
                        trie.read_as(node, false);
                        if detector.holding.is_some() {
                            trie.mark_watched(node);
                        }
                        (node, detector.holding.as_deref())
                    })
                    .collect();
                Planned {
                    name: &shape.name,
                    detect,
                    map,
                    articles,
                }
            })
            .collect();
        let user = user
            .map(|map| map.entries().map(|(field, _)| field).collect())
            .unwrap_or_default();
        Self { trie, shapes, user }
    }

    /// The trie to read documents through.
    pub(super) fn trie(&self) -> &Trie {
        &self.trie
    }

    /// The shape of a document that was seen to hold `met`, and the first
    /// of its places for articles that the document has.
    pub(super) fn choose(&self, met: &Met) -> Result<Choice, Unread> {
        let holds = |(node, holding): &(NodeId, Option<&str>)| match holding {
            None => met.has(*node),
            Some(text) => met
                .texts
                .iter()
                .any(|(at, found)| at == node && found.contains(text)),
        };
        let shape = self
            .shapes
            .iter()
            .position(|shape| shape.detect.iter().all(holds))
            .unwrap_or(self.shapes.len().saturating_sub(1));
        let planned = &self.shapes[shape];
        let place = planned
            .articles
            .iter()
            .find(|(path, node)| path.keys.is_empty() || met.has(*node));
        match place {
            Some((path, node)) => Ok(Choice {
                shape,
                articles: path.clone(),
                items: *node,
            }),
            None => Err(Unread::NoMatch {
                field: Field::Articles,
                path: planned
                    .articles
                    .first()
                    .map(|(path, _)| path.clone())
                    .unwrap_or_default(),
                articles: Path::default(),
            }),
        }
    }

    /// A reader for the articles of one document of `choice`.
    /// Bodies left in the document's text ([`Value::Raw`]) are read from
    /// `text`.
    pub(super) fn reader(&self, choice: &Choice, text: &Arc<FileText>) -> FileReader<'_> {
        let shape = &self.shapes[choice.shape];
        FileReader {
            plan: self,
            shape,
            choice: choice.clone(),
            fields: Fields::new(&self.trie, choice.items, shape.map.entries()).in_text(text),
            found: vec![0; Field::ALL.len()],
            usable: 0,
            count: 0,
        }
    }
}

/// Converts the articles of one document as they are read, and counts what
/// it found.
pub(super) struct FileReader<'p> {
    plan: &'p Plan,
    shape: &'p Planned,
    choice: Choice,
    fields: Fields,
    /// For each field, how many articles had it.
    found: Vec<usize>,
    /// Articles kept.
    usable: usize,
    /// Article objects read.
    count: usize,
}

impl FileReader<'_> {
    /// Reads one article object. Paths from the top of the document are
    /// left for [`FileReader::finish`], when the whole top has been read.
    pub(super) fn convert(&mut self, mut item: Value) -> Converted {
        let converted = convert::article(&self.fields, &Value::Null, &mut item);
        self.count += 1;
        self.usable += usize::from(converted.article.is_some());
        for field in Field::ALL {
            self.found[field as usize] += usize::from(converted.found.has(field));
        }
        converted
    }

    /// After the whole document: gives `articles` (those read from it) the
    /// values found at the top of the document where they have none of
    /// their own, and checks that the document was understood. `top_object`
    /// says whether the document was one object read as one article.
    pub(super) fn finish(
        mut self,
        top: &Value,
        top_object: bool,
        articles: &mut [Article],
    ) -> Result<Read, Unread> {
        for field in self.fields.read_at_top() {
            if let Some(value) = convert::from_top(&self.fields, field, top) {
                for article in articles.iter_mut() {
                    if value.fill(field, article) {
                        self.found[field as usize] += 1;
                    }
                }
            }
        }
        let fallback = self.shape.detect.is_empty();
        if self.plan.user.is_empty() && fallback && top_object && self.usable == 0 {
            return Err(Unread::UnknownObject);
        }
        if self.count > 0 {
            for &field in &self.plan.user {
                if field == Field::Articles || self.found[field as usize] > 0 {
                    continue;
                }
                let path = self.shape.map.get(field).and_then(|sources| {
                    sources.iter().find_map(|source| match source {
                        Source::Path(path) => Some(path.clone()),
                        Source::Literal(_) => None,
                    })
                });
                if let Some(path) = path {
                    return Err(Unread::NoMatch {
                        field,
                        path,
                        articles: self.choice.articles.clone(),
                    });
                }
            }
        }
        Ok(Read {
            shape: self.shape.name,
            named: self.fields.named().collect(),
        })
    }
}

/// Adds to `trie` every path of `map`, the article fields below each place
/// for articles; gives those places.
fn plan_map(trie: &mut Trie, map: &FieldMap) -> Vec<(Path, NodeId)> {
    let articles: Vec<(Path, NodeId)> = map
        .get(Field::Articles)
        .unwrap_or_default()
        .iter()
        .filter_map(|source| match source {
            Source::Path(path) => {
                let node = trie.insert(TOP, path.keys.iter().map(String::as_str), Keep::Value);
                trie.mark_articles(node);
                trie.read_as(node, false);
                Some((path.clone(), node))
            }
            Source::Literal(_) => None,
        })
        .collect();
    for (field, sources) in map.entries() {
        if field == Field::Articles {
            continue;
        }
        for source in sources {
            let Source::Path(path) = source else { continue };
            let keys = path.keys.iter().map(String::as_str);
            if path.from_top {
                let node = trie.insert(TOP, keys, Keep::Value);
                trie.read_as(node, false);
            } else {
                // A plain body may stay in the file until it is shown.
                let body = field == Field::Body && path.markup != Markup::Html;
                for (_, node) in &articles {
                    let node = trie.insert(*node, keys.clone(), Keep::Value);
                    trie.read_as(node, body);
                }
            }
        }
    }
    articles
}
