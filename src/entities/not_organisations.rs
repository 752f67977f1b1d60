//! Names that look like agencies or outlets and are neither: sports bodies,
//! leagues and competitions above all, and the few parties and companies
//! whose names hold a body's words or a known acronym.
//!
//! They are listed in `assets/not_organisations.json` in the gazetteer's
//! alias format, and matched together with the gazetteer in one pass. A
//! listed name takes part in choosing the leftmost-longest names like any
//! other, so "UEFA Champions League" hides whatever lies inside it, and is
//! then left out of the mentions. A name a rule builds on a listed one
//! ("Serie A TV", "IOC Ethics Commission") belongs to the sports body and
//! is dropped too: a league's channel counts only as a gazetteer entry,
//! where it needs the text to speak of it as a channel.

use std::sync::OnceLock;

use serde::Deserialize;

use super::gazetteer::{AliasEntry, aliases_of, error_in};
use super::{GazetteerError, Kind, Organisation};

/// The list compiled into the binary.
pub const BUILTIN_JSON: &str = include_str!("../../assets/not_organisations.json");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    not_organisations: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    name: String,
    /// What the name is instead: read so that a typo in the file is an
    /// error, not used to decide anything.
    #[serde(rename = "what")]
    _what: What,
    #[serde(default)]
    aliases: Vec<AliasEntry>,
}

#[derive(Deserialize)]
enum What {
    #[serde(rename = "sports body")]
    SportsBody,
    #[serde(rename = "league")]
    League,
    #[serde(rename = "competition")]
    Competition,
    #[serde(rename = "party")]
    Party,
    #[serde(rename = "company")]
    Company,
    #[serde(rename = "religious body")]
    ReligiousBody,
}

/// Parses a list of non-organisations. Each comes back as an
/// [`Organisation`] so that the matcher can hold it beside the gazetteer;
/// its kind means nothing.
pub fn parse(origin: &str, text: &str) -> Result<Vec<Organisation>, GazetteerError> {
    let file: File = serde_json::from_str(text).map_err(|err| error_in(origin, &err))?;
    Ok(file
        .not_organisations
        .into_iter()
        .map(|entry| Organisation {
            aliases: aliases_of(&entry.name, None, entry.aliases),
            name: entry.name,
            kind: Kind::Agency,
        })
        .collect())
}

/// The built-in list, read once.
pub fn builtin() -> &'static [Organisation] {
    static LIST: OnceLock<Vec<Organisation>> = OnceLock::new();
    // The file is compiled in and checked by a test; were it ever broken,
    // recognition would go on without it rather than stop.
    LIST.get_or_init(|| parse("built-in non-organisations", BUILTIN_JSON).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Gazetteer;

    #[test]
    fn the_built_in_list_parses_and_covers_the_big_names() {
        let list = parse("built-in", BUILTIN_JSON).unwrap();
        assert!(list.len() > 150, "{}", list.len());
        for name in [
            "UEFA",
            "FIFA",
            "Premier League",
            "Formula One",
            "IPL",
            "Serie A",
        ] {
            assert!(
                list.iter()
                    .any(|org| org.aliases.iter().any(|a| a.text == name)),
                "{name}"
            );
        }
    }

    #[test]
    fn no_listed_name_is_also_a_gazetteer_name() {
        let gazetteer = Gazetteer::builtin().unwrap();
        let known: std::collections::HashSet<&str> = gazetteer
            .organisations
            .iter()
            .flat_map(|org| org.aliases.iter().map(|a| a.text.as_str()))
            .collect();
        for org in builtin() {
            for alias in &org.aliases {
                assert!(!known.contains(alias.text.as_str()), "{}", alias.text);
            }
        }
    }

    #[test]
    fn an_unknown_category_is_an_error_with_its_place() {
        let err = parse(
            "mine.json",
            "{\"not_organisations\": [\n{\"name\": \"X\", \"what\": \"band\"}]}",
        )
        .unwrap_err();
        assert_eq!((err.origin.as_str(), err.line), ("mine.json", 2));
    }
}
