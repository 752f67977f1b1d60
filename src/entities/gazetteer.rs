//! The gazetteer: known organisations, their kind and the names they go by.
//!
//! Stored as JSON:
//!
//! ```json
//! {"organisations": [
//!   {"name": "Europol", "kind": "agency", "aliases": ["EUROPOL"]},
//!   {"name": "The Sun", "kind": "outlet", "aliases": [{"text": "The Sun", "case": "exact"}]},
//!   {"name": "DAZN", "kind": "outlet", "source": "wikidata:Q15590336 (class); dazn.com"}
//! ]}
//! ```
//!
//! The built-in list is two files: `assets/gazetteer.json`, the list the
//! recogniser started with, and `assets/gazetteer-additions.json`, where
//! every entry says in `source` where it comes from (a Wikidata item or
//! class and the organisation's own site). `source` is for the people who
//! keep the list; the recogniser does not read it.

use serde::Deserialize;
use serde::de::IgnoredAny;

use super::Kind;

/// The gazetteer compiled into the binary.
pub const BUILTIN_JSON: &str = include_str!("../../assets/gazetteer.json");

/// Organisations added to the built-in gazetteer, each with its source.
pub const ADDITIONS_JSON: &str = include_str!("../../assets/gazetteer-additions.json");

/// How the letter case of a name must match the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CaseRule {
    /// Only exactly as written ("AP", "VICE", "Mirror").
    Exact,
    /// Any letter case.
    Ignore,
    /// Any case, as long as every word capitalised in the name is
    /// capitalised in the text.
    Capitalised,
}

impl CaseRule {
    /// The rule for a name given without one: acronyms (no lowercase letter)
    /// must match exactly, so "AP" never fires inside "ap" or "Ap"; other
    /// names match in any case but must keep the capitals of their words.
    pub fn default_for(name: &str) -> Self {
        let has_lower = name.chars().any(char::is_lowercase);
        if has_lower {
            Self::Capitalised
        } else {
            Self::Exact
        }
    }

    /// Whether `found` (which equals `name` ignoring ASCII case) is acceptable.
    pub fn accepts(self, name: &str, found: &str) -> bool {
        match self {
            Self::Exact => name == found,
            Self::Ignore => true,
            // Word by word: "Amaq News Agency" is not "Amaq news agency",
            // where "news agency" only describes. As `found` is `name` up
            // to ASCII case, their words line up byte by byte, and only an
            // ASCII capital can be missing.
            Self::Capitalised => {
                let (want, got) = (name.as_bytes(), found.as_bytes());
                want.iter().enumerate().all(|(at, &byte)| {
                    let word_start = at == 0 || want[at - 1] == b' ';
                    !(word_start && byte.is_ascii_uppercase())
                        || got.get(at).is_some_and(u8::is_ascii_uppercase)
                })
            }
        }
    }
}

/// One name an organisation goes by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    /// The name as written.
    pub text: String,
    /// How its case must match.
    pub case: CaseRule,
    /// Whether the name is ambiguous ("Mirror", "the Met") and counts only
    /// where the article says what kind of body it is.
    pub needs_context: bool,
}

/// A known organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    /// Canonical name, shown in the pane.
    pub name: String,
    /// Agency or outlet.
    pub kind: Kind,
    /// Every name that identifies it, the canonical one first.
    pub aliases: Vec<Alias>,
}

/// A list of known organisations.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Gazetteer {
    /// The organisations, in file order.
    pub organisations: Vec<Organisation>,
}

/// Why a gazetteer file could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{origin}:{line}:{column}: {message}")]
pub struct GazetteerError {
    /// The file, or "built-in".
    pub origin: String,
    /// Line of the problem, from 1.
    pub line: usize,
    /// Column of the problem, from 1.
    pub column: usize,
    /// What was wrong.
    pub message: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    organisations: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    name: String,
    kind: Kind,
    #[serde(default)]
    aliases: Vec<AliasEntry>,
    #[serde(default)]
    case: Option<CaseRule>,
    /// Where the entry comes from: kept in the file, not in memory.
    #[serde(default, rename = "source")]
    _source: Option<IgnoredAny>,
}

/// An alias as written in a file: a plain string, or text with rules.
#[derive(Deserialize)]
#[serde(untagged)]
pub(super) enum AliasEntry {
    Plain(String),
    Ruled {
        text: String,
        #[serde(default)]
        case: Option<CaseRule>,
        #[serde(default)]
        context: bool,
    },
}

/// The aliases of an entry named `name` (whose own case rule is `case`),
/// the name first; empty names are dropped and a name listed twice keeps
/// its later, more specific rules.
pub(super) fn aliases_of(
    name: &str,
    case: Option<CaseRule>,
    listed: Vec<AliasEntry>,
) -> Vec<Alias> {
    let canonical = Alias {
        case: case.unwrap_or_else(|| CaseRule::default_for(name)),
        text: name.to_owned(),
        needs_context: false,
    };
    std::iter::once(canonical)
        .chain(listed.into_iter().map(|alias| match alias {
            AliasEntry::Plain(text) => Alias {
                case: CaseRule::default_for(&text),
                text,
                needs_context: false,
            },
            AliasEntry::Ruled {
                text,
                case,
                context,
            } => Alias {
                case: case.unwrap_or_else(|| CaseRule::default_for(&text)),
                text,
                needs_context: context,
            },
        }))
        .filter(|alias| !alias.text.trim().is_empty())
        .fold(Vec::<Alias>::new(), |mut aliases, alias| {
            match aliases.iter_mut().find(|a| a.text == alias.text) {
                Some(existing) => *existing = alias,
                None => aliases.push(alias),
            }
            aliases
        })
}

/// A serde error as a [`GazetteerError`] for the file `origin`.
pub(super) fn error_in(origin: &str, err: &serde_json::Error) -> GazetteerError {
    let full = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    GazetteerError {
        origin: origin.to_owned(),
        line: err.line(),
        column: err.column().max(1),
        message: full.strip_suffix(&suffix).unwrap_or(&full).to_owned(),
    }
}

impl Gazetteer {
    /// The gazetteer that ships with newsdesk: the original list and the
    /// sourced additions, which name no organisation twice.
    pub fn builtin() -> Result<Self, GazetteerError> {
        let mut gazetteer = Self::parse("built-in gazetteer", BUILTIN_JSON)?;
        let additions = Self::parse("built-in gazetteer additions", ADDITIONS_JSON)?;
        gazetteer.organisations.extend(additions.organisations);
        Ok(gazetteer)
    }

    /// Parses gazetteer JSON; `origin` names the file in errors.
    pub fn parse(origin: &str, text: &str) -> Result<Self, GazetteerError> {
        let file: File = serde_json::from_str(text).map_err(|err| error_in(origin, &err))?;
        let organisations = file
            .organisations
            .into_iter()
            .map(|entry| Organisation {
                aliases: aliases_of(&entry.name, entry.case, entry.aliases),
                name: entry.name,
                kind: entry.kind,
            })
            .collect();
        Ok(Self { organisations })
    }

    /// This gazetteer with `other`'s organisations laid over it: an entry of
    /// `other` with the same canonical name replaces the one here.
    #[must_use]
    pub fn merged_with(mut self, other: Self) -> Self {
        for org in other.organisations {
            match self.organisations.iter_mut().find(|o| o.name == org.name) {
                Some(existing) => *existing = org,
                None => self.organisations.push(org),
            }
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_gazetteer_parses_with_both_kinds() {
        let gazetteer = Gazetteer::builtin().unwrap();
        assert!(
            gazetteer
                .organisations
                .iter()
                .any(|o| o.kind == Kind::Agency)
        );
        assert!(
            gazetteer
                .organisations
                .iter()
                .any(|o| o.kind == Kind::Outlet)
        );
    }

    #[test]
    fn every_addition_says_where_it_comes_from() {
        let file: serde_json::Value = serde_json::from_str(ADDITIONS_JSON).unwrap();
        let entries = file["organisations"].as_array().unwrap();
        assert!(entries.len() > 300, "{} additions", entries.len());
        for entry in entries {
            let source = entry["source"].as_str().unwrap_or_default();
            let cites_wikidata = source.starts_with("wikidata:Q")
                && source[10..].starts_with(|c: char| c.is_ascii_digit());
            let cites_a_class = source.starts_with("wikidata class:");
            assert!(
                (cites_wikidata || cites_a_class) && source.contains("; "),
                "{entry}: a source names a Wikidata item or class and a site"
            );
        }
    }

    #[test]
    fn the_built_in_files_name_no_organisation_twice() {
        let gazetteer = Gazetteer::builtin().unwrap();
        let mut names = std::collections::HashSet::new();
        let mut aliases = std::collections::HashMap::new();
        for org in &gazetteer.organisations {
            assert!(
                names.insert(org.name.as_str()),
                "{} is listed twice",
                org.name
            );
            for alias in &org.aliases {
                // The same words may name two bodies only if both say the
                // name is ambiguous.
                if let Some((other, ambiguous)) = aliases.insert(
                    alias.text.as_str(),
                    (org.name.as_str(), alias.needs_context),
                ) {
                    assert!(
                        ambiguous && alias.needs_context || other == org.name,
                        "{:?} names both {other} and {}",
                        alias.text,
                        org.name
                    );
                }
            }
        }
    }

    #[test]
    fn acronyms_default_to_exact_and_names_to_capitalised() {
        assert_eq!(CaseRule::default_for("GCHQ"), CaseRule::Exact);
        assert_eq!(CaseRule::default_for("AP"), CaseRule::Exact);
        assert_eq!(CaseRule::default_for("Europol"), CaseRule::Capitalised);
        assert_eq!(CaseRule::default_for("al-Bayan"), CaseRule::Capitalised);
    }

    #[test]
    fn case_rules_accept_what_they_promise() {
        assert!(CaseRule::Exact.accepts("AP", "AP"));
        assert!(!CaseRule::Exact.accepts("AP", "ap"));
        assert!(CaseRule::Capitalised.accepts("Europol", "EUROPOL"));
        assert!(!CaseRule::Capitalised.accepts("Europol", "europol"));
        assert!(CaseRule::Capitalised.accepts("al-Bayan", "Al-Bayan"));
        assert!(
            CaseRule::Capitalised
                .accepts("Belgian federal prosecutor", "Belgian Federal Prosecutor")
        );
        assert!(!CaseRule::Capitalised.accepts("Amaq News Agency", "Amaq news agency"));
        assert!(CaseRule::Ignore.accepts("Halumu", "halumu"));
    }

    proptest::proptest! {
        #[test]
        fn capitalised_names_are_read_word_by_word(
            name in "[AaZzÉé ]{0,16}",
            flips in proptest::collection::vec(proptest::bool::ANY, 16),
        ) {
            // The name in another ASCII case, as the matcher finds it.
            let found: String = name
                .chars()
                .zip(flips.iter().chain(std::iter::repeat(&false)))
                .map(|(c, &flip)| match (flip, c.is_ascii_uppercase()) {
                    (false, _) => c,
                    (true, true) => c.to_ascii_lowercase(),
                    (true, false) => c.to_ascii_uppercase(),
                })
                .collect();
            let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
            let expected = name
                .split(' ')
                .zip(found.split(' '))
                .all(|(want, got)| !capital(want) || capital(got));
            proptest::prop_assert_eq!(CaseRule::Capitalised.accepts(&name, &found), expected);
        }
    }

    #[test]
    fn aliases_take_plain_and_ruled_forms() {
        let g = Gazetteer::parse(
            "t",
            r#"{"organisations":[{"name":"The Sun","kind":"outlet",
                "aliases":["Sun newspaper",{"text":"The Sun","case":"exact"}]}]}"#,
        )
        .unwrap();
        let aliases = &g.organisations[0].aliases;
        assert_eq!(aliases.len(), 2, "the repeated name is merged");
        assert_eq!(aliases[0].case, CaseRule::Exact, "its explicit rule wins");
        assert_eq!(aliases[1].case, CaseRule::Capitalised);
    }

    #[test]
    fn ambiguous_aliases_are_flagged() {
        let g = Gazetteer::parse(
            "t",
            r#"{"organisations":[{"name":"Daily Mirror","kind":"outlet",
                "aliases":[{"text":"Mirror","case":"exact","context":true},{"text":"DM"}]}]}"#,
        )
        .unwrap();
        let aliases = &g.organisations[0].aliases;
        assert!(aliases[1].needs_context && !aliases[0].needs_context);
        assert_eq!(
            aliases[2].case,
            CaseRule::Exact,
            "the default rule when none is given"
        );
    }

    #[test]
    fn errors_name_origin_line_and_column() {
        let err = Gazetteer::parse(
            "mine.json",
            "{\"organisations\":[\n{\"name\":\"X\",\"kind\":\"blog\"}]}",
        )
        .unwrap_err();
        assert_eq!((err.line, err.origin.as_str()), (2, "mine.json"));
        assert!(err.to_string().contains("unknown variant `blog`"), "{err}");
    }

    #[test]
    fn user_entries_replace_builtin_ones_by_name() {
        let base = Gazetteer::parse(
            "a",
            r#"{"organisations":[{"name":"X","kind":"agency"},{"name":"Y","kind":"agency"}]}"#,
        )
        .unwrap();
        let mine = Gazetteer::parse(
            "b",
            r#"{"organisations":[{"name":"X","kind":"outlet"},{"name":"Z","kind":"outlet"}]}"#,
        )
        .unwrap();
        let merged = base.merged_with(mine);
        let summary: Vec<_> = merged
            .organisations
            .iter()
            .map(|o| (o.name.as_str(), o.kind))
            .collect();
        assert_eq!(
            summary,
            [
                ("X", Kind::Outlet),
                ("Y", Kind::Agency),
                ("Z", Kind::Outlet)
            ]
        );
    }
}
