//! Reading a JSON document through the known shapes and the user's map:
//! one [`Trie`] for all of them, the shape chosen by its detector, then each
//! article taken out of the document and converted.

use super::convert::{self, Converted, Fields};
use super::map::{Field, FieldMap, Path, Source};
use super::project::{Keep, NodeId, TOP, Trie, Value};
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
    /// What must be in the document: nodes from the top, and text a string
    /// there must hold.
    detect: Vec<(Vec<NodeId>, Option<&'static str>)>,
    /// The shape's map with the user's laid over it.
    map: FieldMap,
    /// Where the articles may be, tried in order: the path as written and
    /// its node.
    articles: Vec<(Path, NodeId)>,
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
                        trie.insert(TOP, keys.clone(), keep);
                        let nodes = trie.walk(TOP, keys).unwrap_or_default();
                        (nodes, detector.holding.as_deref())
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
        Self {
            trie,
            shapes,
            user: user
                .map(|map| map.entries().map(|(field, _)| field).collect())
                .unwrap_or_default(),
        }
    }

    /// The trie to read documents through.
    pub(super) fn trie(&self) -> &Trie {
        &self.trie
    }

    /// Chooses the shape of `document`, takes its articles out and hands
    /// each to `each`, in document order.
    pub(super) fn read(
        &self,
        mut document: Value,
        mut each: impl FnMut(Converted),
    ) -> Result<Read, Unread> {
        let shape = self.detect(&document);
        let is_object = matches!(document, Value::Obj(_));
        let (articles, node) = self.articles_of(shape, &document)?;
        let mut items = Vec::new();
        if articles.keys.is_empty() {
            items.push(std::mem::take(&mut document));
        } else {
            let nodes = self
                .trie
                .walk(TOP, articles.keys.iter().map(String::as_str))
                .unwrap_or_default();
            document.take(&nodes, &mut items);
        }
        let items = flattened(items);
        let fields = Fields::new(&self.trie, node, shape.map.entries());
        let mut found = vec![0_usize; Field::ALL.len()];
        let mut usable = 0;
        for item in &items {
            let converted = convert::article(&fields, &document, item);
            usable += usize::from(converted.article.is_some());
            for field in &converted.found {
                found[*field as usize] += 1;
            }
            each(converted);
        }
        if self.user.is_empty()
            && shape.detect.is_empty()
            && is_object
            && articles.keys.is_empty()
            && usable == 0
        {
            return Err(Unread::UnknownObject);
        }
        if !items.is_empty() {
            for &field in &self.user {
                if field != Field::Articles && found[field as usize] == 0 {
                    let path = shape.map.get(field).and_then(|sources| {
                        sources.iter().find_map(|source| match source {
                            Source::Path(path) => Some(path.clone()),
                            Source::Literal(_) => None,
                        })
                    });
                    if let Some(path) = path {
                        return Err(Unread::NoMatch {
                            field,
                            path,
                            articles: articles.clone(),
                        });
                    }
                }
            }
        }
        Ok(Read {
            shape: shape.name,
            named: fields.named().collect(),
        })
    }

    fn detect(&self, document: &Value) -> &Planned {
        let holds = |(nodes, holding): &(Vec<NodeId>, Option<&str>)| match holding {
            None => document.has(nodes),
            Some(text) => {
                let mut found = Vec::new();
                document.find(nodes, &mut found);
                found
                    .iter()
                    .any(|value| matches!(value, Value::Str(s) if s.contains(text)))
            }
        };
        self.shapes
            .iter()
            .find(|shape| shape.detect.iter().all(holds))
            .or_else(|| self.shapes.last())
            .unwrap_or_else(|| unreachable!("there is always the fallback shape"))
    }

    /// The first of the shape's places for articles that the document has.
    fn articles_of<'p>(
        &self,
        shape: &'p Planned,
        document: &Value,
    ) -> Result<(&'p Path, NodeId), Unread> {
        for (path, node) in &shape.articles {
            let nodes = self
                .trie
                .walk(TOP, path.keys.iter().map(String::as_str))
                .unwrap_or_default();
            if path.keys.is_empty() || document.has(&nodes) {
                return Ok((path, *node));
            }
        }
        let first = shape
            .articles
            .first()
            .map(|(path, _)| path.clone())
            .unwrap_or_default();
        Err(Unread::NoMatch {
            field: Field::Articles,
            path: first,
            articles: Path::default(),
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
                if !path.keys.is_empty() {
                    trie.mark_articles(node);
                }
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
                trie.insert(TOP, keys, Keep::Value);
            } else {
                for (_, node) in &articles {
                    trie.insert(*node, keys.clone(), Keep::Value);
                }
            }
        }
    }
    articles
}

/// The articles found: arrays among them give their elements.
fn flattened(items: Vec<Value>) -> Vec<Value> {
    let mut flat = Vec::with_capacity(items.len());
    for item in items {
        match item {
            Value::Arr(elements) => flat.extend(flattened(elements)),
            other => flat.push(other),
        }
    }
    flat
}
