//! The shapes of article JSON that newsdesk knows: for each, a detector
//! (the keys that mark it) and a field map, kept as data in
//! `assets/shapes.toml` and read at start-up.
//!
//! Adding a shape means adding an entry there and a fixture in
//! `tests/fixtures/shapes/`; no code. What a map cannot say (HTML, dates,
//! joined strings) is done for every shape alike by the code that reads the
//! fields.

use std::fmt;
use std::sync::OnceLock;

use serde::Deserialize;

use super::map::{FieldMap, MapError, Path};

/// The built-in shapes, as written in the binary.
pub const SHAPES_TOML: &str = include_str!("../../assets/shapes.toml");

/// A shape of article JSON that some tool writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shape {
    /// A short name, as `check` reports it (`newsapi`).
    pub name: String,
    /// The tool and the answer or file it writes.
    pub about: String,
    /// What must be in a document of this shape; the shape with no
    /// detector takes whatever no other shape does.
    pub detect: Vec<Detector>,
    /// Where each field is.
    pub map: FieldMap,
}

/// A path that must be in a document, with text its value must hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detector {
    /// From the top of the document.
    pub path: Path,
    /// Text that a string at the path must hold (`version~jsonfeed.org`).
    pub holding: Option<String>,
}

impl fmt::Display for Detector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.path.fmt(f)?;
        if let Some(text) = &self.holding {
            write!(f, "~{text}")?;
        }
        Ok(())
    }
}

impl Shape {
    /// The built-in shapes, in the order they are tried.
    ///
    /// # Panics
    ///
    /// If `assets/shapes.toml` is broken, which a test rules out.
    pub fn builtin() -> &'static [Self] {
        static SHAPES: OnceLock<Vec<Shape>> = OnceLock::new();
        SHAPES.get_or_init(|| {
            parse_shapes(SHAPES_TOML)
                .unwrap_or_else(|err| panic!("assets/shapes.toml is broken: {err}"))
        })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ShapesFile {
    shape: Vec<ShapeEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ShapeEntry {
    name: String,
    about: String,
    detect: Vec<String>,
    map: String,
}

fn parse_shapes(text: &str) -> Result<Vec<Shape>, String> {
    let file: ShapesFile = toml::from_str(text).map_err(|err| err.to_string())?;
    file.shape
        .into_iter()
        .map(|entry| {
            let name = entry.name;
            let in_shape = |what: &str, err: MapError| format!("shape {name}: {what}: {err}");
            let map = FieldMap::parse(&entry.map).map_err(|err| in_shape("map", err))?;
            let detect = entry
                .detect
                .iter()
                .map(|text| {
                    let (path, holding) = match text.split_once('~') {
                        Some((path, holding)) => (path, Some(holding.to_owned())),
                        None => (text.as_str(), None),
                    };
                    let path = Path::parse(path).map_err(|err| in_shape(text, err))?;
                    Ok(Detector { path, holding })
                })
                .collect::<Result<_, String>>()?;
            Ok(Shape {
                name: name.clone(),
                about: entry.about,
                detect,
                map,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::map::Field;

    #[test]
    fn the_built_in_shapes_read_and_end_with_the_one_that_takes_the_rest() {
        let shapes = Shape::builtin();
        assert!(shapes.len() >= 12, "{}", shapes.len());
        let (last, others) = shapes.split_last().unwrap();
        assert_eq!(last.name, "newsdesk");
        assert!(last.detect.is_empty());
        for shape in others {
            assert!(!shape.detect.is_empty(), "{} needs a detector", shape.name);
        }
        for shape in shapes {
            assert!(
                shape.map.get(Field::Articles).is_some(),
                "{} says where its articles are",
                shape.name
            );
            assert!(
                shape.map.get(Field::Title).is_some(),
                "{} reads titles",
                shape.name
            );
        }
        let mut names: Vec<_> = shapes.iter().map(|s| s.name.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), shapes.len(), "names are unique");
    }

    #[test]
    fn detectors_read_paths_and_held_text() {
        let shapes = parse_shapes(
            r#"[[shape]]
name = "x"
about = "a test"
detect = ["version~feed.example", "items.origin"]
map = "articles=items,title=t""#,
        )
        .unwrap();
        let detect: Vec<_> = shapes[0].detect.iter().map(ToString::to_string).collect();
        assert_eq!(detect, ["version~feed.example", "items.origin"]);
    }

    #[test]
    fn a_broken_entry_is_named() {
        let err = parse_shapes(
            r#"[[shape]]
name = "x"
about = "a test"
detect = []
map = "articles=items,titel=t""#,
        )
        .unwrap_err();
        assert!(
            err.starts_with("shape x: map: column 16: unknown field `titel`"),
            "{err}"
        );
        let err = parse_shapes("[[shape]]\nname = \"x\"\n").unwrap_err();
        assert!(err.contains("missing field"), "{err}");
    }
}
