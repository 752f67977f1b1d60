//! Reading from a JSON document only what some field map needs.
//!
//! Every known shape and the user's own map name paths into a document. They
//! are gathered into one [`Trie`] of keys, and the document is read through
//! it: a key the trie knows is kept, with its value pruned the same way
//! below it; any other key is skipped without being copied (through
//! [`Skip`], so `serde_json`'s depth limit still counts it). The shape is
//! then chosen from what was kept, and each article is taken out of the
//! pruned document and turned into an [`Article`](super::Article).
//!
//! Reading through the union of all maps costs one parse, whichever shape
//! the file turns out to have; keeping only the paths that some map names
//! keeps the memory of the pruned document near that of the articles.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::ops::Range;

use serde::Deserialize as _;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::skip::Skip;

/// The node of the trie that stands for the top of the document.
pub(super) const TOP: NodeId = NodeId(0);

/// A node of the [`Trie`]: a place in the document some map reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct NodeId(u32);

/// What a node keeps of the value found there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Keep {
    /// Only the keys below that some path names (or that it was there).
    Below,
    /// Strings, numbers and the rest: some field reads it.
    Value,
}

#[derive(Debug)]
struct Node {
    children: Vec<(Box<str>, NodeId)>,
    keep: Keep,
    /// An array of articles may be here: a key met twice is an error, not
    /// a silent choice between two lists of articles.
    articles: bool,
    /// A detector reads the text here.
    watched: bool,
    /// Whether the value here is read only as an article's plain body, so
    /// that a string may stay in the file ([`Value::Raw`]): `None` while
    /// no map has read it.
    body_only: Option<bool>,
}

/// The paths that some map reads, as a tree of keys from the top.
#[derive(Debug)]
pub(super) struct Trie {
    nodes: Vec<Node>,
}

impl Trie {
    /// A trie that keeps nothing but the top.
    pub(super) fn new() -> Self {
        Self {
            nodes: vec![Node {
                children: Vec::new(),
                keep: Keep::Below,
                articles: false,
                watched: false,
                body_only: None,
            }],
        }
    }

    /// Adds the path of `keys` below `from`, keeping at least `keep` at its
    /// end, and gives the node at its end.
    pub(super) fn insert<'k>(
        &mut self,
        from: NodeId,
        keys: impl IntoIterator<Item = &'k str>,
        keep: Keep,
    ) -> NodeId {
        let mut at = from;
        for key in keys {
            at = if let Some(child) = self.child(at, key) {
                child
            } else {
                let child = NodeId(u32::try_from(self.nodes.len()).unwrap_or(u32::MAX));
                self.nodes.push(Node {
                    children: Vec::new(),
                    keep: Keep::Below,
                    articles: false,
                    watched: false,
                    body_only: None,
                });
                self.nodes[index(at)].children.push((key.into(), child));
                child
            };
        }
        let node = &mut self.nodes[index(at)];
        node.keep = node.keep.max(keep);
        at
    }

    /// Marks `node` as a place where articles may be.
    pub(super) fn mark_articles(&mut self, node: NodeId) {
        self.nodes[index(node)].articles = true;
    }

    /// Marks `node` as a place whose text a detector reads.
    pub(super) fn mark_watched(&mut self, node: NodeId) {
        self.nodes[index(node)].watched = true;
    }

    /// Notes how a map reads the value at `node`: as an article's plain
    /// body (`body`), or otherwise. Only a node read as a body by every map
    /// that reads it keeps strings in the file.
    pub(super) fn read_as(&mut self, node: NodeId, body: bool) {
        let node = &mut self.nodes[index(node)];
        node.body_only = Some(node.body_only.unwrap_or(true) && body);
    }

    /// How many nodes the trie has.
    pub(super) fn len(&self) -> usize {
        self.nodes.len()
    }

    /// The node for `key` below `node`, if some path goes there.
    pub(super) fn child(&self, node: NodeId, key: &str) -> Option<NodeId> {
        self.nodes[index(node)]
            .children
            .iter()
            .find(|(name, _)| name.len() == key.len() && **name == *key)
            .map(|&(_, child)| child)
    }

    /// The nodes along `keys` from `from`, if the trie has them all.
    pub(super) fn walk<'k>(
        &self,
        from: NodeId,
        keys: impl IntoIterator<Item = &'k str>,
    ) -> Option<Vec<NodeId>> {
        let mut at = from;
        let mut nodes = Vec::new();
        for key in keys {
            at = self.child(at, key)?;
            nodes.push(at);
        }
        Some(nodes)
    }

    /// How to read a whole document (or one line of JSON Lines) through
    /// this trie, noting what is met in `watch`.
    pub(super) fn top<'t, 'w>(&'t self, watch: &'t Watch<'w>) -> Prune<'t, 'w> {
        Prune {
            trie: self,
            node: TOP,
            watch,
        }
    }
}

fn index(node: NodeId) -> usize {
    node.0 as usize
}

/// A JSON value pruned to what the trie keeps.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) enum Value {
    /// Taken away, or `null`.
    #[default]
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as `serde_json` writes it.
    Num(String),
    /// A string.
    Str(String),
    /// A string left in the document: the byte range of its JSON literal,
    /// quotes included, in the text the document was read from.
    Raw(Range<usize>),
    /// An array.
    Arr(Vec<Value>),
    /// The kept keys of an object, in document order.
    Obj(Vec<(NodeId, Value)>),
    /// A value that was there but that nothing reads (a detector's key).
    Present,
}

impl Value {
    /// What kind of JSON value this was, for messages.
    pub(super) fn describe(&self) -> &'static str {
        match self {
            Self::Null => "null",
            Self::Bool(_) => "a boolean",
            Self::Num(_) => "a number",
            Self::Str(_) | Self::Raw(_) => "a string",
            Self::Arr(_) => "an array",
            Self::Obj(_) => "an object",
            Self::Present => "a value",
        }
    }

    /// Where the first string left in the text among this object's values
    /// starts.
    pub(super) fn first_raw(&self) -> Option<usize> {
        match self {
            Self::Raw(range) => Some(range.start),
            Self::Obj(entries) => entries.iter().find_map(|(_, value)| value.first_raw()),
            _ => None,
        }
    }

    /// Every value at the end of `path`, reading every element of the
    /// arrays met along the way and at the end; `null`s are left out.
    pub(super) fn find<'v>(&'v self, path: &[NodeId], found: &mut Vec<&'v Value>) {
        match (self, path) {
            (Self::Arr(elements), _) => {
                for element in elements {
                    element.find(path, found);
                }
            }
            (Self::Null, _) => {}
            (_, []) => found.push(self),
            (Self::Obj(entries), [next, rest @ ..]) => {
                for (_, value) in entries.iter().filter(|(node, _)| node == next) {
                    value.find(rest, found);
                }
            }
            _ => {}
        }
    }

    /// The string at `node` in this object, handed over, when the object
    /// has that key once and it holds a string; otherwise nothing is taken.
    pub(super) fn take_string(&mut self, node: NodeId) -> Option<String> {
        let Self::Obj(entries) = self else {
            return None;
        };
        let mut matching = entries.iter_mut().filter(|(key, _)| *key == node);
        let (_, value) = matching.next()?;
        if matching.next().is_some() {
            return None;
        }
        match value {
            Self::Str(text) => Some(std::mem::take(text)),
            _ => None,
        }
    }

    /// Like [`Value::find`], but hands the values over, leaving `null`;
    /// a `null` at the end of the path is handed over too.
    pub(super) fn take(&mut self, path: &[NodeId], taken: &mut Vec<Value>) {
        match (self, path) {
            (Self::Arr(elements), _) => {
                for element in elements {
                    element.take(path, taken);
                }
            }
            (value, []) => taken.push(std::mem::take(value)),
            (Self::Obj(entries), [next, rest @ ..]) => {
                for (_, value) in entries.iter_mut().filter(|(node, _)| node == next) {
                    value.take(rest, taken);
                }
            }
            _ => {}
        }
    }
}

/// How a document is read: what to do with the arrays where articles may
/// be.
pub(super) enum Mode<'t> {
    /// Keep everything the trie keeps.
    #[cfg(test)]
    Collect,
    /// Stop once the first element of an array where articles may be has
    /// been read: enough to tell the shape, at the cost of one article.
    Sniff,
    /// Hand each element of the arrays at `items` to `sink` as soon as it
    /// is read, while it is still in the cache, keeping none of them.
    Stream {
        /// Where the articles are.
        items: NodeId,
        /// What takes each of them.
        sink: RefCell<&'t mut dyn FnMut(Value)>,
    },
}

/// What reading a document notices on the way, and how it reads.
pub(super) struct Watch<'t> {
    mode: Mode<'t>,
    /// For each node of the trie, whether its key was met.
    met: RefCell<Vec<bool>>,
    /// The texts met at the nodes detectors read.
    texts: RefCell<Vec<(NodeId, String)>>,
    /// Sniffing has seen enough.
    stopped: Cell<bool>,
    /// Where the text read starts in memory, when bodies may stay in it.
    raw_base: Option<usize>,
    /// A body that stays in the file was not a string: the document must
    /// be read again with every value copied.
    raw_refused: Cell<bool>,
}

/// What a document was seen to hold: the keys met (as nodes of the trie)
/// and the texts detectors read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Met {
    /// For each node of the trie, whether its key was met.
    pub(super) nodes: Vec<bool>,
    /// The texts met at the nodes detectors read.
    pub(super) texts: Vec<(NodeId, String)>,
}

impl Met {
    /// Whether the key of `node` was met.
    pub(super) fn has(&self, node: NodeId) -> bool {
        self.nodes.get(index(node)).copied().unwrap_or(false)
    }
}

impl<'t> Watch<'t> {
    /// A watch for a document read through `trie` in `mode`.
    pub(super) fn new(trie: &Trie, mode: Mode<'t>) -> Self {
        Self {
            mode,
            met: RefCell::new(vec![false; trie.len()]),
            texts: RefCell::new(Vec::new()),
            stopped: Cell::new(false),
            raw_base: None,
            raw_refused: Cell::new(false),
        }
    }

    /// Leaves plain bodies, as [`Value::Raw`], in `text`: the whole text
    /// that every document handed to this watch is a part of.
    pub(super) fn keeping_bodies_in(mut self, text: &[u8]) -> Self {
        self.raw_base = Some(text.as_ptr() as usize);
        self
    }

    /// Whether a body to be left in the text was not a string, which ended
    /// the reading: read it again without [`Watch::keeping_bodies_in`].
    pub(super) fn raw_refused(&self) -> bool {
        self.raw_refused.get()
    }

    /// Whether sniffing stopped the reading on purpose (its error is not
    /// the document's).
    pub(super) fn stopped(&self) -> bool {
        self.stopped.get()
    }

    /// Hands `value` over as one article when reading hands articles over:
    /// a line of JSON Lines, or a document that is one article.
    pub(super) fn hand_over(&self, value: Value) {
        if let Mode::Stream { sink, .. } = &self.mode {
            (sink.borrow_mut())(value);
        }
    }

    /// What was met.
    pub(super) fn met(self) -> Met {
        Met {
            nodes: self.met.into_inner(),
            texts: self.texts.into_inner(),
        }
    }
}

/// Reads a value at a node of the trie, keeping what the trie says.
#[derive(Clone, Copy)]
pub(super) struct Prune<'t, 'w> {
    trie: &'t Trie,
    node: NodeId,
    watch: &'t Watch<'w>,
}

impl Prune<'_, '_> {
    fn node(&self) -> &Node {
        &self.trie.nodes[index(self.node)]
    }

    fn keeps(&self) -> bool {
        self.node().keep == Keep::Value
    }

    fn kept(&self, value: impl FnOnce() -> Value) -> Value {
        if self.keeps() {
            value()
        } else {
            Value::Present
        }
    }
}

impl<'de> DeserializeSeed<'de> for Prune<'_, '_> {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        let node = self.node();
        if node.keep == Keep::Below && node.children.is_empty() && !node.articles {
            // Only its presence matters: read past it without copying.
            Skip::deserialize(deserializer)?;
            return Ok(Value::Present);
        }
        if let Some(base) = self.watch.raw_base
            && node.body_only == Some(true)
            && node.children.is_empty()
            && !node.watched
        {
            // A raw value is skipped by `serde_json` without counting depth:
            // anything but a string is read again the ordinary way, which
            // counts it.
            let raw = <&serde_json::value::RawValue>::deserialize(deserializer)?;
            let text = raw.get();
            if !text.starts_with('"') {
                self.watch.raw_refused.set(true);
                return Err(de::Error::custom("a body that is not a string"));
            }
            let start = (text.as_ptr() as usize).wrapping_sub(base);
            return Ok(Value::Raw(start..start + text.len()));
        }
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Prune<'_, '_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(self.kept(|| Value::Bool(v)))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(self.kept(|| Value::Num(v.to_string())))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(self.kept(|| Value::Num(v.to_string())))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Ok(self.kept(|| Value::Num(v.to_string())))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        if self.node().watched {
            self.watch
                .texts
                .borrow_mut()
                .push((self.node, v.to_owned()));
        }
        Ok(self.kept(|| Value::Str(v.to_owned())))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        self.visit_str(&v)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut elements = Vec::new();
        match &self.watch.mode {
            Mode::Stream { items, sink } if *items == self.node => {
                while let Some(element) = seq.next_element_seed(self)? {
                    // An array in the array was handed over element by
                    // element already.
                    if !matches!(element, Value::Arr(_)) {
                        (sink.borrow_mut())(element);
                    }
                }
            }
            Mode::Sniff if self.node().articles => {
                if let Some(element) = seq.next_element_seed(self)? {
                    elements.push(element);
                    self.watch.stopped.set(true);
                    return Err(de::Error::custom("seen enough to tell the shape"));
                }
            }
            _ => {
                while let Some(element) = seq.next_element_seed(self)? {
                    elements.push(element);
                }
            }
        }
        Ok(Value::Arr(elements))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries: Vec<(NodeId, Value)> = Vec::new();
        while let Some(child) = map.next_key_seed(KeyOf(self))? {
            let Some(child) = child else {
                map.next_value::<Skip>()?;
                continue;
            };
            let seed = Prune {
                trie: self.trie,
                node: child,
                watch: self.watch,
            };
            if seed.node().articles && entries.iter().any(|(node, _)| *node == child) {
                let name = self.node().children.iter().find(|(_, id)| *id == child);
                return Err(de::Error::custom(format_args!(
                    "`{}` is given twice in one object",
                    name.map_or("", |(name, _)| &**name)
                )));
            }
            entries.push((child, map.next_value_seed(seed)?));
        }
        Ok(Value::Obj(entries))
    }
}

/// Reads an object's key and finds it in the trie, without copying it.
struct KeyOf<'t, 'w>(Prune<'t, 'w>);

impl<'de> DeserializeSeed<'de> for KeyOf<'_, '_> {
    type Value = Option<NodeId>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for KeyOf<'_, '_> {
    type Value = Option<NodeId>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E: de::Error>(self, key: &str) -> Result<Self::Value, E> {
        let child = self.0.trie.child(self.0.node, key);
        if let Some(child) = child {
            self.0.watch.met.borrow_mut()[index(child)] = true;
        }
        Ok(child)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trie(paths: &[(&str, Keep)]) -> Trie {
        let mut trie = Trie::new();
        for (path, keep) in paths {
            trie.insert(TOP, path.split('.'), *keep);
        }
        trie
    }

    fn prune(trie: &Trie, json: &str) -> Value {
        let mut reader = serde_json::Deserializer::from_str(json);
        let watch = Watch::new(trie, Mode::Collect);
        let value = trie.top(&watch).deserialize(&mut reader).unwrap();
        reader.end().unwrap();
        value
    }

    fn strings(value: &Value, trie: &Trie, path: &str) -> Vec<String> {
        let nodes = trie.walk(TOP, path.split('.')).unwrap();
        let mut found = Vec::new();
        value.find(&nodes, &mut found);
        found
            .into_iter()
            .map(|value| match value {
                Value::Str(text) | Value::Num(text) => text.clone(),
                other => other.describe().to_owned(),
            })
            .collect()
    }

    #[test]
    fn only_the_paths_of_the_trie_are_kept() {
        let trie = trie(&[("a.b", Keep::Value), ("c", Keep::Value)]);
        let value = prune(
            &trie,
            r#"{"x": "dropped", "a": {"b": "kept", "z": [1, 2]}, "c": 12}"#,
        );
        let (a, b, c) = (
            trie.child(TOP, "a").unwrap(),
            trie.walk(TOP, ["a", "b"]).unwrap()[1],
            trie.child(TOP, "c").unwrap(),
        );
        assert_eq!(
            value,
            Value::Obj(vec![
                (a, Value::Obj(vec![(b, Value::Str("kept".into()))])),
                (c, Value::Num("12".into())),
            ])
        );
    }

    #[test]
    fn arrays_are_read_element_by_element_along_a_path() {
        let trie = trie(&[("authors.name", Keep::Value)]);
        let value = prune(
            &trie,
            r#"{"authors": [{"name": "Ada"}, {"url": "x"}, {"name": ["Bo", "Cy"]}, null]}"#,
        );
        assert_eq!(strings(&value, &trie, "authors.name"), ["Ada", "Bo", "Cy"]);
    }

    #[test]
    fn a_place_both_read_and_gone_through_keeps_either() {
        let trie = trie(&[("content", Keep::Value), ("content.content", Keep::Value)]);
        assert_eq!(
            strings(&prune(&trie, r#"{"content": "plain"}"#), &trie, "content"),
            ["plain"]
        );
        let nested = prune(
            &trie,
            r#"{"content": {"content": "<p>x</p>", "dir": "ltr"}}"#,
        );
        assert_eq!(strings(&nested, &trie, "content.content"), ["<p>x</p>"]);
    }

    fn met(trie: &Trie, json: &str, mode: Mode<'_>) -> (Result<Value, String>, Met) {
        let watch = Watch::new(trie, mode);
        let mut reader = serde_json::Deserializer::from_str(json);
        let value = trie
            .top(&watch)
            .deserialize(&mut reader)
            .map_err(|err| err.to_string());
        (value, watch.met())
    }

    #[test]
    fn a_key_that_is_only_looked_for_is_kept_as_present_without_its_value() {
        let trie = trie(&[("maintext", Keep::Below)]);
        let value = prune(&trie, r#"{"maintext": "a long text", "other": 1}"#);
        let maintext = trie.child(TOP, "maintext").unwrap();
        assert_eq!(value, Value::Obj(vec![(maintext, Value::Present)]));
        let (_, seen) = met(&trie, r#"{"maintext": null}"#, Mode::Collect);
        assert!(seen.has(maintext), "a null value is still a key");
        let (_, unseen) = met(&trie, r#"{"text": "x"}"#, Mode::Collect);
        assert!(!unseen.has(maintext));
    }

    #[test]
    fn sniffing_stops_after_the_first_article_with_what_it_met() {
        let mut trie = trie(&[("items.title", Keep::Value), ("items.origin", Keep::Below)]);
        let items = trie.child(TOP, "items").unwrap();
        trie.mark_articles(items);
        let version = trie.insert(TOP, ["version"], Keep::Value);
        trie.mark_watched(version);
        let watch = Watch::new(&trie, Mode::Sniff);
        let json = r#"{"version": "v2", "items": [{"title": "a", "origin": {}}, {"title": oops"#;
        let mut reader = serde_json::Deserializer::from_str(json);
        assert!(trie.top(&watch).deserialize(&mut reader).is_err());
        assert!(
            watch.stopped(),
            "stopped on purpose, before the broken second article"
        );
        let seen = watch.met();
        let origin = trie.walk(TOP, ["items", "origin"]).unwrap()[1];
        assert!(seen.has(items) && seen.has(origin));
        assert_eq!(seen.texts, [(version, "v2".to_owned())]);
    }

    #[test]
    fn streaming_hands_over_each_article_and_keeps_none() {
        let mut trie = trie(&[("items.title", Keep::Value), ("meta", Keep::Value)]);
        let items = trie.child(TOP, "items").unwrap();
        trie.mark_articles(items);
        let title = trie.walk(TOP, ["items", "title"]).unwrap()[1];
        let mut seen = Vec::new();
        let mut take = |item: Value| seen.push(item);
        let (value, _) = met(
            &trie,
            r#"{"items": [{"title": "a"}, [{"title": "b"}], {"title": "c"}], "meta": "m"}"#,
            Mode::Stream {
                items,
                sink: RefCell::new(&mut take),
            },
        );
        let titles: Vec<_> = seen
            .iter()
            .map(|item| {
                let mut found = Vec::new();
                item.find(&[title], &mut found);
                found
            })
            .collect();
        assert_eq!(
            titles,
            [
                vec![&Value::Str("a".into())],
                vec![&Value::Str("b".into())],
                vec![&Value::Str("c".into())]
            ]
        );
        let meta = trie.child(TOP, "meta").unwrap();
        assert_eq!(
            value.unwrap(),
            Value::Obj(vec![
                (items, Value::Arr(Vec::new())),
                (meta, Value::Str("m".into()))
            ]),
            "the articles are not kept"
        );
    }

    #[test]
    fn taking_hands_values_over_and_leaves_null() {
        let trie = trie(&[("items.body", Keep::Value)]);
        let mut value = prune(&trie, r#"{"items": [{"body": "one"}, {"body": "two"}]}"#);
        let items = trie.walk(TOP, ["items"]).unwrap();
        let mut taken = Vec::new();
        value.take(&items, &mut taken);
        assert_eq!(taken.len(), 2);
        assert_eq!(strings(&value, &trie, "items.body"), Vec::<String>::new());
        let body = trie.walk(TOP, ["items", "body"]).unwrap()[1];
        let mut found = Vec::new();
        taken[1].find(&[body], &mut found);
        assert_eq!(found, [&Value::Str("two".into())]);
    }

    #[test]
    fn a_list_of_articles_given_twice_is_an_error() {
        let mut trie = trie(&[("articles.title", Keep::Value)]);
        let articles = trie.child(TOP, "articles").unwrap();
        trie.mark_articles(articles);
        let mut reader =
            serde_json::Deserializer::from_str(r#"{"articles": [], "x": 1, "articles": []}"#);
        let watch = Watch::new(&trie, Mode::Collect);
        let err = trie.top(&watch).deserialize(&mut reader).unwrap_err();
        assert_eq!(
            err.to_string(),
            "`articles` is given twice in one object at line 1 column 35"
        );
    }

    #[test]
    fn skipped_values_still_count_towards_the_depth_limit() {
        let trie = trie(&[("a", Keep::Value)]);
        let deep = format!(r#"{{"b": {}{}}}"#, "[".repeat(200), "]".repeat(200));
        let mut reader = serde_json::Deserializer::from_str(&deep);
        let watch = Watch::new(&trie, Mode::Collect);
        let err = trie.top(&watch).deserialize(&mut reader).unwrap_err();
        assert!(err.to_string().contains("recursion limit"), "{err}");
    }
}
