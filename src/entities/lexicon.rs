//! The words the rules read: organisation heads, nationalities, descriptors
//! and cues. They are facts about news usage, so they live as plain word
//! lists in `assets/lexicon/` (one file per list, compiled in) and are read
//! once, on first use.
//!
//! Every list feeds one bit of a word's [`class`]; the tokeniser looks each
//! word up once, and the rules test bits, so a long text costs one hash
//! lookup per word however many lists there are. Three files pair words
//! rather than list them: two-word heads ("Coast Guard"), nouns that need a
//! modifier ("coast guard", "interior ministry") and the descriptions of
//! appositions ("news agency" against "intelligence agency").

use std::collections::HashMap;
use std::sync::OnceLock;

use super::Kind;
use super::hash::{WordHash, WordTable};

/// The classes a word can belong to (one word may be in several).
pub mod class {
    /// A capitalised head that ends an outlet's name ("Gazette").
    pub const SUFFIX_OUTLET: u32 = 1 << 0;
    /// A capitalised head that ends an agency's name ("Police").
    pub const SUFFIX_AGENCY: u32 = 1 << 1;
    /// A head that begins an agency's name before "of" ("Ministry").
    pub const PREFIX_AGENCY: u32 = 1 << 2;
    /// A head that begins an outlet's name before "of" ("Voice").
    pub const PREFIX_OUTLET: u32 = 1 << 3;
    /// A word that begins an outlet's name ("Radio").
    pub const OUTLET_PREFIX: u32 = 1 << 4;
    /// The second word of a two-word head ("Guard" in "Coast Guard").
    pub const TWO_WORD_TAIL: u32 = 1 << 5;
    /// A head too common to stand with one modifier ("Centre").
    pub const WEAK_HEAD: u32 = 1 << 6;
    /// A modifier that makes a weak head official ("Security").
    pub const OFFICIAL: u32 = 1 << 7;
    /// A modifier that makes a weak head a place or firm ("Shopping").
    pub const NON_OFFICIAL: u32 = 1 << 8;
    /// A word joining the parts of a name ("of", "and").
    pub const CONNECTOR: u32 = 1 << 9;
    /// A capitalised word that never begins a name ("The", "However").
    pub const STOP: u32 = 1 << 10;
    /// A day or month.
    pub const CALENDAR: u32 = 1 << 11;
    /// A capitalised word that makes a phrase, not a name ("Breaking").
    pub const GENERIC: u32 = 1 << 12;
    /// A nationality or country adjective ("Dutch", "US").
    pub const NATIONALITY: u32 = 1 << 13;
    /// A capitalised adjective that is no nationality ("European").
    pub const BROAD: u32 = 1 << 14;
    /// A lower-case noun for an official body ("police").
    pub const BODY_NOUN: u32 = 1 << 15;
    /// A lower-case noun that needs a modifier to be a body ("unit").
    pub const MODIFIED_BODY_NOUN: u32 = 1 << 16;
    /// A lower-case modifier of a body noun ("federal").
    pub const BODY_MODIFIER: u32 = 1 << 17;
    /// A noun that describes an outlet or agency in an apposition ("newspaper").
    pub const DESCRIPTOR: u32 = 1 << 18;
    /// A word near an ambiguous name that says it is an outlet ("reported").
    pub const CUE_OUTLET: u32 = 1 << 19;
    /// A word near an ambiguous name that says it is an agency ("officers").
    pub const CUE_AGENCY: u32 = 1 << 20;
    /// A word a full stop follows without ending the sentence ("Mr").
    pub const ABBREVIATION: u32 = 1 << 21;
    /// A head that, after "the", points back to a body named before
    /// ("the Commission").
    pub const ANAPHORIC_HEAD: u32 = 1 << 22;
    /// A trailing word of an outlet's name that its short form drops
    /// ("Holdings").
    pub const CORPORATE_TAIL: u32 = 1 << 23;
    /// The last part of a hyphenated word that describes ("language" of
    /// "Bengali-language").
    pub const HYPHEN_TAIL: u32 = 1 << 24;
    /// A lower-case noun for a person ("reporter").
    pub const PERSON_NOUN: u32 = 1 << 25;
    /// A noun for something that is neither agency nor outlet ("party").
    pub const NON_ORG_NOUN: u32 = 1 << 26;
    /// A word in capitals that is no part of a name ("CEO").
    pub const COMMON_CAPITALS: u32 = 1 << 27;
    /// A common given name ("Maria").
    pub const GIVEN_NAME: u32 = 1 << 28;
    /// A word that makes a body with an agency's head a news service
    /// ("Press" in "Agence de Presse Sénégalaise").
    pub const NEWS_WORD: u32 = 1 << 29;
    /// A title whose holder's office is a public body ("Attorney").
    pub const OFFICE_HOLDER: u32 = 1 << 30;
    /// A head that begins an agency's name without a connector, in a
    /// language that puts the noun first ("Direzione", "Finanzamt").
    pub const BARE_PREFIX: u32 = 1 << 31;

    /// Any head that ends a name ("Gazette", "Police", "Guard").
    pub const SUFFIX_HEAD: u32 = SUFFIX_OUTLET | SUFFIX_AGENCY | TWO_WORD_TAIL;
    /// Any head that begins a name ("Ministry", "Voice", "Direzione").
    pub const PREFIX_HEAD: u32 = PREFIX_AGENCY | PREFIX_OUTLET | BARE_PREFIX;
}

/// The plain word lists and the class bit each one sets.
const LISTS: &[(&str, u32)] = &[
    (
        include_str!("../../assets/lexicon/heads-outlet-suffix.txt"),
        class::SUFFIX_OUTLET,
    ),
    (
        include_str!("../../assets/lexicon/heads-agency-suffix.txt"),
        class::SUFFIX_AGENCY,
    ),
    (
        include_str!("../../assets/lexicon/heads-agency-prefix.txt"),
        class::PREFIX_AGENCY,
    ),
    (
        include_str!("../../assets/lexicon/heads-agency-bare-prefix.txt"),
        class::BARE_PREFIX,
    ),
    (
        include_str!("../../assets/lexicon/heads-outlet-prefix.txt"),
        class::PREFIX_OUTLET,
    ),
    (
        include_str!("../../assets/lexicon/outlet-prefixes.txt"),
        class::OUTLET_PREFIX,
    ),
    (
        include_str!("../../assets/lexicon/weak-heads.txt"),
        class::WEAK_HEAD,
    ),
    (
        include_str!("../../assets/lexicon/official-modifiers.txt"),
        class::OFFICIAL,
    ),
    (
        include_str!("../../assets/lexicon/non-official-modifiers.txt"),
        class::NON_OFFICIAL,
    ),
    (
        include_str!("../../assets/lexicon/connectors.txt"),
        class::CONNECTOR,
    ),
    (
        include_str!("../../assets/lexicon/stop-words.txt"),
        class::STOP,
    ),
    (
        include_str!("../../assets/lexicon/calendar.txt"),
        class::CALENDAR,
    ),
    (
        include_str!("../../assets/lexicon/generic-modifiers.txt"),
        class::GENERIC,
    ),
    (
        include_str!("../../assets/lexicon/nationalities.txt"),
        class::NATIONALITY,
    ),
    (
        include_str!("../../assets/lexicon/broad-adjectives.txt"),
        class::BROAD,
    ),
    (
        include_str!("../../assets/lexicon/body-nouns.txt"),
        class::BODY_NOUN,
    ),
    (
        include_str!("../../assets/lexicon/body-modifiers.txt"),
        class::BODY_MODIFIER,
    ),
    (
        include_str!("../../assets/lexicon/cues-outlet.txt"),
        class::CUE_OUTLET,
    ),
    (
        include_str!("../../assets/lexicon/cues-agency.txt"),
        class::CUE_AGENCY,
    ),
    (
        include_str!("../../assets/lexicon/abbreviations.txt"),
        class::ABBREVIATION,
    ),
    (
        include_str!("../../assets/lexicon/anaphoric-heads.txt"),
        class::ANAPHORIC_HEAD,
    ),
    (
        include_str!("../../assets/lexicon/corporate-tails.txt"),
        class::CORPORATE_TAIL,
    ),
    (
        include_str!("../../assets/lexicon/hyphen-tails.txt"),
        class::HYPHEN_TAIL,
    ),
    (
        include_str!("../../assets/lexicon/person-nouns.txt"),
        class::PERSON_NOUN,
    ),
    (
        include_str!("../../assets/lexicon/non-organisation-nouns.txt"),
        class::NON_ORG_NOUN,
    ),
    (
        include_str!("../../assets/lexicon/common-capitals.txt"),
        class::COMMON_CAPITALS,
    ),
    (
        include_str!("../../assets/lexicon/given-names.txt"),
        class::GIVEN_NAME,
    ),
    (
        include_str!("../../assets/lexicon/news-words.txt"),
        class::NEWS_WORD,
    ),
    (
        include_str!("../../assets/lexicon/office-holders.txt"),
        class::OFFICE_HOLDER,
    ),
];

/// Lower-case endings that describe an outlet rather than name it.
const OUTLET_NAME_TAILS: &str = include_str!("../../assets/lexicon/outlet-name-tails.txt");

/// Words near a call sign that say it is a station.
const STATION_WORDS: &str = include_str!("../../assets/lexicon/station-words.txt");
/// Words of a faith ("Muslim", "Churches") and heads of associations
/// ("Council", "Assembly"): together they name a religious body.
const FAITH_WORDS: &str = include_str!("../../assets/lexicon/faith-words.txt");
const COMMUNITY_HEADS: &str = include_str!("../../assets/lexicon/community-heads.txt");
/// Nouns an outlet noun can describe ("radio station").
const COMPOUND_OUTLET_TAILS: &str = include_str!("../../assets/lexicon/compound-outlet-tails.txt");

/// Two-word heads: "kind First Second" a line.
const TWO_WORD_HEADS: &str = include_str!("../../assets/lexicon/heads-two-word.txt");
/// Nouns that need a modifier: "noun: modifier modifier" or "noun: *".
const MODIFIED_BODY_NOUNS: &str = include_str!("../../assets/lexicon/body-nouns-modified.txt");
/// Apposition nouns: "kind noun noun[: previous previous]".
const DESCRIPTORS: &str = include_str!("../../assets/lexicon/descriptors.txt");

/// Every word list as compiled in, in a fixed order: what a cache of
/// recognised names must be keyed by, as a changed list changes them.
pub fn texts() -> impl Iterator<Item = &'static str> {
    LISTS.iter().map(|&(text, _)| text).chain([
        OUTLET_NAME_TAILS,
        STATION_WORDS,
        COMPOUND_OUTLET_TAILS,
        FAITH_WORDS,
        COMMUNITY_HEADS,
        TWO_WORD_HEADS,
        MODIFIED_BODY_NOUNS,
        DESCRIPTORS,
    ])
}

/// The entries of a list file: its lines, without comments and blanks.
fn entries(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// Which words may come before a noun: any, or only those listed.
#[derive(Debug)]
enum Before {
    Any,
    Only(Vec<&'static str>),
}

impl Before {
    fn parse(words: Option<&'static str>) -> Self {
        match words.map(str::trim) {
            None | Some("*") => Self::Any,
            Some(words) => Self::Only(words.split_whitespace().collect()),
        }
    }

    fn admits(&self, previous: &str) -> bool {
        match self {
            Self::Any => true,
            Self::Only(words) => words.contains(&previous),
        }
    }
}

/// Everything read from the lexicon files.
#[derive(Debug)]
struct Lexicon {
    /// Word → class bits.
    classes: WordTable,
    /// (first, second) → kind of the two-word head.
    two_word: HashMap<(&'static str, &'static str), Kind, WordHash>,
    /// Noun → the modifiers that make it a body.
    modified: HashMap<&'static str, Before, WordHash>,
    /// Noun → 1 + its index in `readings`.
    descriptors: WordTable,
    /// Per description noun, (kind, words allowed before it), outlet
    /// readings first.
    readings: Vec<Vec<(Kind, Before)>>,
    /// Outlet name tails, longest first, and station words, matched in
    /// any case: short lists read once and scanned.
    outlet_name_tails: Vec<&'static str>,
    station_words: Vec<&'static str>,
    /// The lists beyond the 32 bits of [`class`], matched as written, by
    /// their bits in [`short_list`].
    short_lists: WordTable,
}

/// The bits of [`Lexicon::short_lists`].
mod short_list {
    /// A noun an outlet noun can describe ("station" after "radio").
    pub const COMPOUND_OUTLET_TAIL: u32 = 1;
    /// A word of a faith ("Muslim", "Churches").
    pub const FAITH: u32 = 2;
    /// A head of an association ("Council", "Assembly").
    pub const COMMUNITY_HEAD: u32 = 4;
}

fn kind_named(word: &str) -> Option<Kind> {
    match word {
        "outlet" => Some(Kind::Outlet),
        "agency" => Some(Kind::Agency),
        _ => None,
    }
}

impl Lexicon {
    fn read() -> Self {
        let mut classes: Vec<(&'static str, u32)> = Vec::new();
        let mut add = |word: &'static str, bit: u32| classes.push((word, bit));
        for &(file, bit) in LISTS {
            for word in entries(file) {
                add(word, bit);
            }
        }
        let mut two_word = HashMap::default();
        for line in entries(TWO_WORD_HEADS) {
            let mut parts = line.split_whitespace();
            if let (Some(kind), Some(first), Some(second)) = (
                parts.next().and_then(kind_named),
                parts.next(),
                parts.next(),
            ) {
                two_word.insert((first, second), kind);
                add(second, class::TWO_WORD_TAIL);
            }
        }
        let mut modified = HashMap::default();
        for line in entries(MODIFIED_BODY_NOUNS) {
            let (noun, before) = line.split_once(':').unwrap_or((line, "*"));
            let noun = noun.trim();
            modified.insert(noun, Before::parse(Some(before)));
            add(noun, class::MODIFIED_BODY_NOUN);
        }
        let mut nouns_seen: Vec<&'static str> = Vec::new();
        let mut readings: Vec<Vec<(Kind, Before)>> = Vec::new();
        for line in entries(DESCRIPTORS) {
            let (nouns, before) = match line.split_once(':') {
                Some((nouns, before)) => (nouns, Some(before)),
                None => (line, None),
            };
            let mut words = nouns.split_whitespace();
            let Some(kind) = words.next().and_then(kind_named) else {
                continue;
            };
            for noun in words {
                let at = if let Some(at) = nouns_seen.iter().position(|n| *n == noun) {
                    at
                } else {
                    nouns_seen.push(noun);
                    readings.push(Vec::new());
                    readings.len() - 1
                };
                readings[at].push((kind, Before::parse(before)));
                add(noun, class::DESCRIPTOR);
            }
        }
        for noun_readings in &mut readings {
            noun_readings.sort_by_key(|(kind, _)| *kind != Kind::Outlet);
        }
        let descriptors: Vec<(&'static str, u32)> = nouns_seen
            .iter()
            .enumerate()
            .map(|(at, noun)| (*noun, u32::try_from(at + 1).unwrap_or(0)))
            .collect();
        Self {
            classes: WordTable::new(&classes),
            two_word,
            modified,
            descriptors: WordTable::new(&descriptors),
            readings,
            outlet_name_tails: entries(OUTLET_NAME_TAILS).collect(),
            station_words: entries(STATION_WORDS).collect(),
            short_lists: WordTable::new(
                &[
                    (COMPOUND_OUTLET_TAILS, short_list::COMPOUND_OUTLET_TAIL),
                    (FAITH_WORDS, short_list::FAITH),
                    (COMMUNITY_HEADS, short_list::COMMUNITY_HEAD),
                ]
                .into_iter()
                .flat_map(|(file, bit)| entries(file).map(move |word| (word, bit)))
                .collect::<Vec<_>>(),
            ),
        }
    }
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::read)
}

/// The classes of `word`, as [`class`] bits (0 for an ordinary word).
pub fn class(word: &str) -> u32 {
    lexicon().classes.get(word)
}

/// The classes of the word at `range` of `text`, whose first eight bytes
/// are `prefix` ([`super::hash::prefix_at`]): [`class`] without reading
/// the word's start again.
pub fn class_keyed(prefix: u64, text: &str, range: std::ops::Range<usize>) -> u32 {
    lexicon().classes.get_keyed(prefix, text.as_bytes(), range)
}

fn is(word: &str, bit: u32) -> bool {
    class(word) & bit != 0
}

/// The kind of organisation a head word ends ("Roswell Gazette").
pub fn suffix_head(word: &str) -> Option<Kind> {
    let class = class(word);
    if class & class::SUFFIX_OUTLET != 0 {
        Some(Kind::Outlet)
    } else if class & class::SUFFIX_AGENCY != 0 {
        Some(Kind::Agency)
    } else {
        None
    }
}

/// Two-word heads whose second word alone is too common ("Coast Guard",
/// "Media Center", "Prosecutor's Office").
pub fn two_word_head(first: &str, second: &str) -> Option<Kind> {
    let possessive = super::tokens::is_possessive(first);
    if second == "Office" && possessive {
        // "Prosecutor's Office", "Attorney General's Office", "Mayor's Office".
        return Some(Kind::Agency);
    }
    if matches!(second, "office" | "Court")
        && possessive
        && is(
            super::tokens::without_possessive(first),
            class::OFFICE_HOLDER,
        )
    {
        // "the Bronx District Attorney's office", "the Kilkenny Coroner's
        // Court", not "Newsom's office".
        return Some(Kind::Agency);
    }
    if class(second) & class::TWO_WORD_TAIL == 0 {
        return None;
    }
    let first = super::tokens::without_possessive(first);
    lexicon().two_word.get(&(first, second)).copied()
}

/// The kind of organisation a head word begins ("Ministry of Justice",
/// "Voice of America").
pub fn prefix_head(word: &str) -> Option<Kind> {
    let class = class(word);
    if class & class::PREFIX_AGENCY != 0 {
        Some(Kind::Agency)
    } else if class & class::PREFIX_OUTLET != 0 {
        Some(Kind::Outlet)
    } else {
        None
    }
}

/// Whether a head is too common to stand with one ordinary modifier.
pub fn weak_head(word: &str) -> bool {
    is(word, class::WEAK_HEAD)
}

/// Whether a modifier makes a weak head official.
pub fn official_modifier(word: &str) -> bool {
    is(word, class::OFFICIAL)
}

/// Whether a modifier makes a weak head a place or a firm.
pub fn non_official_modifier(word: &str) -> bool {
    is(word, class::NON_OFFICIAL)
}

/// Whether `word` joins the parts of a name.
pub fn connector(word: &str) -> bool {
    is(word, class::CONNECTOR)
}

/// Whether `word` joins a prefix head to the rest of its name ("Ministry
/// of …", "Policía Nacional del …"): a connector other than "and" and the
/// articles.
pub fn head_connector(word: &str) -> bool {
    connector(word) && !matches!(word, "and" | "the" | "la")
}

/// Whether `word` is an English connector, which follows its head directly
/// ("Ministry of …", "Commission on …").
pub fn english_connector(word: &str) -> bool {
    matches!(word, "of" | "for" | "on")
}

/// Whether a capitalised word never begins a name.
pub fn stop_word(word: &str) -> bool {
    is(word, class::STOP)
}

/// Whether a capitalised word makes a phrase, not a name.
pub fn generic_modifier(word: &str) -> bool {
    is(word, class::GENERIC)
}

/// Whether `word` is a nationality that can stand before a body noun.
pub fn nationality(word: &str) -> bool {
    is(word, class::NATIONALITY)
}

/// Whether `word` is a lower-case noun for an official body.
pub fn body_noun(word: &str) -> bool {
    is(word, class::BODY_NOUN)
}

/// Whether `word` may stand between a nationality and a body noun.
pub fn body_modifier(word: &str) -> bool {
    is(word, class::BODY_MODIFIER)
}

/// Lower-case nouns that make an official body only after a modifier
/// ("anti-terrorist unit", "interior ministry", "coast guard").
pub fn modified_body_noun(previous: &str, word: &str) -> bool {
    class(word) & class::MODIFIED_BODY_NOUN != 0
        && lexicon()
            .modified
            .get(word)
            .is_some_and(|before| before.admits(previous))
}

/// What a description noun says, given the word before it: the noun of
/// "the news agency X" or "X, a Kurdish news site" is an outlet's, that of
/// "the intelligence agency X" an agency's.
pub fn descriptor(previous: &str, word: &str) -> Option<Kind> {
    let lexicon = lexicon();
    let at = (lexicon.descriptors.get(word) as usize).checked_sub(1)?;
    lexicon.readings[at]
        .iter()
        .find(|(_, before)| before.admits(previous))
        .map(|(kind, _)| *kind)
}

/// Whether `word`, capitalised after "the", points back to a body named
/// with it before ("the Commission").
pub fn anaphoric_head(word: &str) -> bool {
    is(word, class::ANAPHORIC_HEAD)
}

/// Whether `word` ends an outlet's name and drops from its short form.
pub fn corporate_tail(word: &str) -> bool {
    is(word, class::CORPORATE_TAIL)
}

/// Whether a hyphenated word describes rather than names ("Bengali-language",
/// "London-based").
pub fn descriptive_compound(word: &str) -> bool {
    word.rsplit_once('-')
        .is_some_and(|(_, tail)| is(tail, class::HYPHEN_TAIL))
}

/// Whether `word` names something that is neither agency nor outlet
/// ("party", "club").
pub fn non_organisation_noun(word: &str) -> bool {
    is(word, class::NON_ORG_NOUN)
}

/// Whether a word in capitals is no part of a name ("CEO", "TV").
pub fn common_capitals(word: &str) -> bool {
    is(word, class::COMMON_CAPITALS)
}

/// Lower-case endings that describe an outlet rather than name it ("news
/// agency", "radio"), longest first.
pub fn outlet_name_tails() -> impl Iterator<Item = &'static str> {
    lexicon().outlet_name_tails.iter().copied()
}

/// Whether `word`, in any case, speaks of broadcasting beside a call sign
/// ("station", "affiliate", "reported").
pub fn station_word(word: &str) -> bool {
    lexicon()
        .station_words
        .iter()
        .any(|entry| entry.eq_ignore_ascii_case(word))
}

/// Whether `word` is a noun an outlet noun can describe ("station" after
/// "radio", "group" after "TV"). Asked only after an outlet noun.
pub fn compound_outlet_tail(word: &str) -> bool {
    lexicon().short_lists.get(word) & short_list::COMPOUND_OUTLET_TAIL != 0
}

/// Whether `name` is a religious or community body: among its words (and
/// the parts of hyphenated ones) a word of a faith and a head of an
/// association ("Muslim Council of Britain", "World Council of Churches").
/// Asked only of the few names the rules read as agencies.
pub fn religious_body(name: &str) -> bool {
    let table = &lexicon().short_lists;
    let both = short_list::FAITH | short_list::COMMUNITY_HEAD;
    // Split at ASCII bytes (always between characters), without decoding.
    let bits = name
        .as_bytes()
        .split(|&b| b == b'-' || b.is_ascii_whitespace())
        .scan(0, |start, part| {
            let word = &name[*start..*start + part.len()];
            *start += part.len() + 1;
            Some(word)
        })
        .fold(0, |bits, word| {
            bits | table.get(super::tokens::without_possessive(word))
        });
    bits & both == both
}

/// Whether `word` (in lower case) near an ambiguous name says it is of `kind`.
pub fn cue(kind: Kind, word: &str) -> bool {
    match kind {
        Kind::Outlet => is(word, class::CUE_OUTLET),
        Kind::Agency => is(word, class::CUE_AGENCY),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_word_has_its_class() {
        for &(file, bit) in LISTS {
            for word in entries(file) {
                assert!(class(word) & bit != 0, "{word}");
            }
        }
        assert_eq!(class("ordinary"), 0);
        assert!(class("Guard") & class::TWO_WORD_TAIL != 0);
        assert!(class("guard") & class::MODIFIED_BODY_NOUN != 0);
        assert!(class("newspaper") & class::DESCRIPTOR != 0);
    }

    #[test]
    fn list_files_hold_one_word_a_line_without_repeats() {
        let short_lists = [
            STATION_WORDS,
            COMPOUND_OUTLET_TAILS,
            FAITH_WORDS,
            COMMUNITY_HEADS,
        ];
        for file in LISTS.iter().map(|&(file, _)| file).chain(short_lists) {
            let mut seen = std::collections::HashSet::new();
            for word in entries(file) {
                assert!(!word.contains(char::is_whitespace), "{word:?}");
                assert!(seen.insert(word), "{word} is listed twice");
            }
        }
    }

    #[test]
    fn a_faith_and_an_association_name_a_religious_body() {
        assert!(religious_body("Muslim Council of Britain"));
        assert!(religious_body("World Council of Churches"));
        assert!(religious_body("Council on American-Islamic Relations"));
        assert!(religious_body("Catholic Bishops' Conference"));
        assert!(
            !religious_body("Ministry of Islamic Affairs"),
            "no association"
        );
        assert!(!religious_body("Islamic Revolutionary Guard Corps"));
        assert!(!religious_body("Council of Europe"), "no faith");
        assert!(!religious_body("Muslim"));
        assert!(
            religious_body("Église Council of Churches"),
            "after a letter of two bytes"
        );
    }

    #[test]
    fn every_line_of_the_paired_files_is_understood() {
        for line in entries(TWO_WORD_HEADS) {
            let parts: Vec<&str> = line.split_whitespace().collect();
            assert!(parts.len() == 3 && kind_named(parts[0]).is_some(), "{line}");
        }
        for line in entries(DESCRIPTORS) {
            let kind = line.split_whitespace().next().and_then(kind_named);
            assert!(kind.is_some(), "{line}");
        }
        for line in entries(MODIFIED_BODY_NOUNS) {
            assert!(line.contains(':'), "{line}");
        }
    }

    #[test]
    fn heads_give_kinds() {
        assert_eq!(suffix_head("Gazette"), Some(Kind::Outlet));
        assert_eq!(suffix_head("Police"), Some(Kind::Agency));
        assert_eq!(suffix_head("gazette"), None);
        assert_eq!(two_word_head("Prosecutor’s", "Office"), Some(Kind::Agency));
        assert_eq!(two_word_head("Attorney's", "office"), Some(Kind::Agency));
        assert_eq!(two_word_head("brother's", "office"), None);
        assert_eq!(two_word_head("Newsom's", "office"), None);
        assert_eq!(two_word_head("Media", "Center"), Some(Kind::Outlet));
        assert_eq!(two_word_head("Shopping", "Center"), None);
    }

    #[test]
    fn modified_nouns_need_the_right_modifier() {
        assert!(modified_body_noun("coast", "guard"));
        assert!(!modified_body_noun("security", "guard"));
        assert!(modified_body_noun("intelligence", "services"));
        assert!(!modified_body_noun("postal", "services"));
        assert!(modified_body_noun("anything", "unit"));
    }

    #[test]
    fn descriptors_tell_news_agencies_from_government_ones() {
        assert_eq!(descriptor("news", "agency"), Some(Kind::Outlet));
        assert_eq!(descriptor("intelligence", "agency"), Some(Kind::Agency));
        assert_eq!(descriptor("", "newspaper"), Some(Kind::Outlet));
        assert_eq!(descriptor("", "agency"), None);
        assert_eq!(descriptor("streaming", "service"), Some(Kind::Outlet));
        assert_eq!(descriptor("intelligence", "service"), Some(Kind::Agency));
        assert_eq!(descriptor("", "ordinary"), None);
    }

    #[test]
    fn hyphenated_descriptions_are_told_from_names() {
        assert!(descriptive_compound("Bengali-language"));
        assert!(descriptive_compound("London-based"));
        assert!(!descriptive_compound("Al-Jazeera"));
        assert!(!descriptive_compound("Bengali"));
    }

    #[test]
    fn every_list_file_is_among_the_texts_a_cache_is_keyed_by() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/lexicon");
        let files = std::fs::read_dir(dir).map_or(0, Iterator::count);
        assert_eq!(texts().count(), files);
        assert!(files > 30, "the lists are where they were: {files}");
    }
}
