//! The words the rules read: organisation heads, nationalities, descriptors
//! and cues. Facts about English news usage, kept apart from the logic.
//!
//! Every word list feeds one bit of a word's [`class`]; the tokeniser looks
//! each word up once, and the rules test bits, so a long text costs one
//! hash lookup per word however many lists there are.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::Kind;
use super::hash::{SignatureSet, WordHash, signature};

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
}

/// Capitalised heads that end an outlet's name ("Roswell Gazette").
const SUFFIX_OUTLET_HEADS: &[&str] = &[
    "Gazette",
    "Times",
    "Herald",
    "Tribune",
    "Chronicle",
    "Journal",
    "Observer",
    "Courier",
    "Radio",
    "TV",
    "Television",
    "News",
    "Sentinel",
    "Telegraph",
    "Inquirer",
    "Examiner",
    "Dispatch",
    "Bulletin",
    "Monitor",
    "Mercury",
    "Magazine",
    "Newspaper",
    "FM",
    "Broadcasting",
    "Daily",
    "Weekly",
    "Post",
    "Ledger",
    "Record",
    "Echo",
];

/// Capitalised heads that end an agency's name ("Dutch National Police").
const SUFFIX_AGENCY_HEADS: &[&str] = &[
    "Police",
    "Gendarmerie",
    "Constabulary",
    "Agency",
    "Bureau",
    "Directorate",
    "Inspectorate",
    "Court",
    "Tribunal",
    "Ministry",
    "Department",
    "Commission",
    "Authority",
    "Prosecution",
    "Procuracy",
    "Command",
    "Unit",
    "Squad",
    "Brigade",
    "Administration",
    "Secretariat",
    "Regulator",
    "Board",
    "Cell",
    "Division",
    "Council",
    "Battalion",
    "Regiment",
    "Corps",
    "Embassy",
    "Navy",
    "Office",
    "Centre",
    "Center",
    "Service",
];

/// Heads that begin an agency's name before "of" or "for" ("Ministry of Justice").
const PREFIX_AGENCY_HEADS: &[&str] = &[
    "Ministry",
    "Department",
    "Bureau",
    "Office",
    "Directorate",
    "Directorate-General",
    "Court",
    "Agency",
    "Commission",
    "Inspectorate",
    "Prosecutor",
    "Council",
    "Service",
    "Authority",
    "Secretariat",
    "Commissioner",
    "Procurator",
];

/// Heads that begin an outlet's name before "of" ("Voice of America").
const PREFIX_OUTLET_HEADS: &[&str] = &["Voice"];

/// Words that begin an outlet's name ("Radio Andalus").
const OUTLET_PREFIXES: &[&str] = &[
    "Radio",
    "Rádio",
    "Radyo",
    "Télé",
    "Tele",
    "TV",
    "Télévision",
];

/// Second words of the two-word heads in [`two_word_head`].
const TWO_WORD_TAILS: &[&str] = &[
    "Agency",
    "Bank",
    "Center",
    "Centre",
    "Company",
    "Corporation",
    "Council",
    "Force",
    "Forces",
    "Foundation",
    "Group",
    "Guard",
    "Guards",
    "Holdings",
    "Network",
    "Office",
    "Service",
    "Services",
    "Station",
];

/// Heads too common alone: the name needs two modifiers, or an official one ("Emergency Operations Centre", "Security Service"; not "Shopping Centre").
const WEAK_HEADS: &[&str] = &[
    "Centre", "Center", "Service", "Office", "Council", "Board", "Division",
];

/// Modifiers that make a weak head official on their own.
const OFFICIAL_MODIFIERS: &[&str] = &[
    "Assessment",
    "Audit",
    "Border",
    "Broadcasting",
    "Cabinet",
    "Command",
    "Competition",
    "Coordination",
    "Counter-Terrorism",
    "Crisis",
    "Customs",
    "Cyber",
    "Cybersecurity",
    "Election",
    "Electoral",
    "Emergency",
    "Enforcement",
    "Ethics",
    "Foreign",
    "Fraud",
    "Fusion",
    "Home",
    "Information",
    "Integrity",
    "Intelligence",
    "Investigation",
    "Investigations",
    "Judicial",
    "Legal",
    "Liaison",
    "Media",
    "Monitoring",
    "Operations",
    "Oversight",
    "Patent",
    "Police",
    "Prosecution",
    "Regulatory",
    "Response",
    "Review",
    "Security",
    "Statistics",
    "Supervisory",
    "Tax",
];

/// Modifiers that make a weak head a place, a firm or a research body ("Oval Office").
const NON_OFFICIAL_MODIFIERS: &[&str] = &[
    "Academic",
    "Art",
    "Arts",
    "Back",
    "Box",
    "Business",
    "Call",
    "Championship",
    "Community",
    "Conference",
    "Convention",
    "Cultural",
    "Customer",
    "Data",
    "Editorial",
    "First",
    "Front",
    "Garden",
    "Head",
    "Heritage",
    "Human",
    "Innovation",
    "Learning",
    "Medical",
    "Memorial",
    "Oceanographic",
    "Oval",
    "Planet",
    "Policy",
    "Post",
    "Premier",
    "Privacy",
    "Refugee",
    "Research",
    "Rights",
    "Science",
    "Sciences",
    "Scientific",
    "Second",
    "Shopping",
    "Space",
    "Sports",
    "Student",
    "Studies",
    "Technology",
    "Third",
    "Trade",
];

/// Words that join the parts of a name.
const CONNECTORS: &[&str] = &[
    "of", "for", "and", "on", "the", "de", "du", "des", "del", "la",
];

/// Capitalised words that start sentences and never begin a name.
const STOP_WORDS: &[&str] = &[
    "A",
    "About",
    "According",
    "After",
    "Against",
    "All",
    "Already",
    "Also",
    "Although",
    "Among",
    "An",
    "And",
    "As",
    "Asked",
    "At",
    "Because",
    "Before",
    "Between",
    "Both",
    "But",
    "By",
    "Despite",
    "Dr",
    "During",
    "Each",
    "Earlier",
    "Either",
    "Even",
    "Every",
    "First",
    "Following",
    "For",
    "From",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Including",
    "Indeed",
    "Instead",
    "It",
    "Its",
    "Last",
    "Later",
    "Like",
    "Many",
    "Meanwhile",
    "Most",
    "Mr",
    "Mrs",
    "Ms",
    "My",
    "Neither",
    "Next",
    "No",
    "Not",
    "Now",
    "Of",
    "On",
    "Once",
    "One",
    "Only",
    "Other",
    "Our",
    "Over",
    "Said",
    "Says",
    "Several",
    "She",
    "Since",
    "So",
    "Some",
    "Still",
    "Than",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Three",
    "Through",
    "Thus",
    "To",
    "Today",
    "Told",
    "Tomorrow",
    "Two",
    "Under",
    "Unlike",
    "Until",
    "We",
    "What",
    "When",
    "Where",
    "While",
    "Who",
    "Why",
    "With",
    "Within",
    "Without",
    "Yesterday",
    "Yet",
    "You",
    "Your",
];

/// Days and months: capitalised, next to organisation words, never names.
const CALENDAR: &[&str] = &[
    "April",
    "August",
    "December",
    "February",
    "Friday",
    "January",
    "July",
    "June",
    "March",
    "May",
    "Monday",
    "November",
    "October",
    "Saturday",
    "September",
    "Sunday",
    "Thursday",
    "Tuesday",
    "Wednesday",
];

/// Capitalised words that make a phrase, not a name ("Breaking News").
const GENERIC_MODIFIERS: &[&str] = &[
    "Bad", "Big", "Breaking", "Daily", "Evening", "Fake", "Good", "Latest", "Live", "Local",
    "More", "Morning", "Other", "Top", "World",
];

/// Nationality and country words that can stand before a body noun ("Dutch police").
const NATIONALITIES: &[&str] = &[
    "Afghan",
    "African",
    "Albanian",
    "Algerian",
    "American",
    "Angolan",
    "Arab",
    "Argentine",
    "Argentinian",
    "Armenian",
    "Australian",
    "Austrian",
    "Azerbaijani",
    "Bahraini",
    "Balkan",
    "Bangladeshi",
    "Basque",
    "Bavarian",
    "Belarusian",
    "Belgian",
    "Beninese",
    "Bolivian",
    "Bosnian",
    "Brazilian",
    "British",
    "Bulgarian",
    "Burkinabe",
    "Burmese",
    "Burundian",
    "Californian",
    "Cambodian",
    "Cameroonian",
    "Canadian",
    "Catalan",
    "Chadian",
    "Chilean",
    "Chinese",
    "Colombian",
    "Congolese",
    "Croatian",
    "Cuban",
    "Cypriot",
    "Czech",
    "Danish",
    "Dutch",
    "EU",
    "Ecuadorian",
    "Egyptian",
    "Emirati",
    "English",
    "Eritrean",
    "Estonian",
    "Ethiopian",
    "Filipino",
    "Finnish",
    "Flemish",
    "French",
    "Gabonese",
    "Gambian",
    "Georgian",
    "German",
    "Ghanaian",
    "Greek",
    "Guatemalan",
    "Guinean",
    "Gulf",
    "Haitian",
    "Honduran",
    "Hungarian",
    "Icelandic",
    "Indian",
    "Indonesian",
    "Iranian",
    "Iraqi",
    "Irish",
    "Israeli",
    "Italian",
    "Ivorian",
    "Jamaican",
    "Japanese",
    "Jordanian",
    "Kazakh",
    "Kenyan",
    "Korean",
    "Kosovan",
    "Kosovar",
    "Kurdish",
    "Kuwaiti",
    "Kyrgyz",
    "Lankan",
    "Latin",
    "Latvian",
    "Lebanese",
    "Leonean",
    "Liberian",
    "Libyan",
    "Lithuanian",
    "Luxembourgish",
    "Macedonian",
    "Malawian",
    "Malaysian",
    "Malian",
    "Maltese",
    "Mauritanian",
    "Mexican",
    "Moldovan",
    "Mongolian",
    "Montenegrin",
    "Moroccan",
    "Mozambican",
    "Namibian",
    "Nepalese",
    "Nepali",
    "Nicaraguan",
    "Nigerian",
    "Nigerien",
    "Nordic",
    "Norwegian",
    "Omani",
    "Pakistani",
    "Palestinian",
    "Panamanian",
    "Paraguayan",
    "Peruvian",
    "Philippine",
    "Polish",
    "Portuguese",
    "Qatari",
    "Romanian",
    "Russian",
    "Rwandan",
    "Sahrawi",
    "Salvadoran",
    "Saudi",
    "Scottish",
    "Senegalese",
    "Serbian",
    "Singaporean",
    "Slovak",
    "Slovenian",
    "Somali",
    "Spanish",
    "Sudanese",
    "Swedish",
    "Swiss",
    "Syrian",
    "Taiwanese",
    "Tajik",
    "Tanzanian",
    "Texan",
    "Thai",
    "Togolese",
    "Tunisian",
    "Turkish",
    "Turkmen",
    "UK",
    "US",
    "Ugandan",
    "Ukrainian",
    "Uruguayan",
    "Uzbek",
    "Venezuelan",
    "Vietnamese",
    "Walloon",
    "Welsh",
    "Yemeni",
    "Zambian",
    "Zealand",
    "Zimbabwean",
];

/// Capitalised adjectives that are neither nationalities nor places ("European police agency").
const BROAD_ADJECTIVES: &[&str] = &[
    "European",
    "Western",
    "Eastern",
    "Northern",
    "Southern",
    "Central",
    "International",
    "Federal",
    "National",
    "State",
    "Local",
    "Regional",
    "Military",
    "Secret",
    "Special",
    "Foreign",
    "Domestic",
    "Global",
    "Senior",
    "Top",
];

/// Lower-case nouns for an official body, after a nationality.
const BODY_NOUNS: &[&str] = &[
    "police",
    "gendarmerie",
    "prosecutor",
    "prosecution",
    "army",
    "navy",
    "military",
    "coastguard",
    "judiciary",
    "customs",
    "regulator",
    "intelligence",
    "prosecutors",
    "regulators",
    "counterintelligence",
    "counter-intelligence",
];

/// Lower-case nouns that make a body only after a modifier, see [`modified_body_noun`].
const MODIFIED_BODY_NOUNS: &[&str] = &[
    "unit",
    "ministry",
    "agency",
    "squad",
    "directorate",
    "office",
    "guard",
    "service",
    "services",
    "forces",
    "force",
    "bank",
    "court",
];

/// Lower-case modifiers allowed between a nationality and a body noun.
const BODY_MODIFIERS: &[&str] = &[
    "administrative",
    "air",
    "anti-corruption",
    "anti-drug",
    "anti-fraud",
    "anti-narcotics",
    "anti-terror",
    "anti-terrorism",
    "anti-terrorist",
    "appeals",
    "armed",
    "army",
    "attorney's",
    "attorney’s",
    "aviation",
    "border",
    "broadcasting",
    "central",
    "coast",
    "competition",
    "constitutional",
    "counter-terrorism",
    "counterterrorism",
    "criminal",
    "customs",
    "cyber",
    "cybercrime",
    "data",
    "defence",
    "defense",
    "district",
    "domestic",
    "economic",
    "electoral",
    "electronic",
    "elite",
    "energy",
    "external",
    "federal",
    "finance",
    "financial",
    "financial-crimes",
    "foreign",
    "fraud",
    "health",
    "high",
    "intelligence",
    "interior",
    "judicial",
    "justice",
    "maritime",
    "media",
    "military",
    "national",
    "naval",
    "police",
    "presidential",
    "prosecution",
    "prosecutor's",
    "prosecutors",
    "prosecutors'",
    "prosecutor’s",
    "public",
    "riot",
    "secret",
    "security",
    "signals",
    "special",
    "spy",
    "state",
    "supreme",
    "telecoms",
];

/// Nouns that [`outlet_noun`] and [`agency_noun`] may accept.
const DESCRIPTOR_NOUNS: &[&str] = &[
    "agencies",
    "agency",
    "broadcaster",
    "broadcasters",
    "broadcasters'",
    "bulletin",
    "channel",
    "channels",
    "court",
    "dailies",
    "daily",
    "force",
    "gendarmerie",
    "magazine",
    "magazines",
    "ministry",
    "newsletter",
    "newsletters",
    "newspaper",
    "newspapers",
    "newswire",
    "outlet",
    "outlets",
    "paper",
    "papers",
    "portal",
    "portals",
    "program",
    "programme",
    "prosecutor",
    "radio",
    "regulator",
    "service",
    "site",
    "sites",
    "station",
    "stations",
    "tabloid",
    "tabloids",
    "watchdog",
    "website",
    "websites",
    "weekly",
    "wire",
];

/// Words near an ambiguous name that say it is the outlet ("the Sun reported").
const OUTLET_CUES: &[&str] = &[
    "account",
    "aired",
    "article",
    "broadcast",
    "broadcaster",
    "channel",
    "channels",
    "cited",
    "column",
    "columnist",
    "columns",
    "daily",
    "edition",
    "editor",
    "feed",
    "followers",
    "front",
    "headline",
    "headlines",
    "interview",
    "journalist",
    "journalists",
    "media",
    "newspaper",
    "page",
    "paper",
    "podcast",
    "posted",
    "published",
    "quoted",
    "radio",
    "report",
    "reported",
    "reporter",
    "reporters",
    "reports",
    "revealed",
    "story",
    "subscribers",
    "tabloid",
    "told",
    "video",
    "videos",
    "website",
    "weekly",
    "wrote",
];

/// Words near an ambiguous name that say it is the agency ("the Met said officers …").
const AGENCY_CUES: &[&str] = &[
    "agency",
    "arrest",
    "arrested",
    "arrests",
    "authority",
    "charged",
    "commissioner",
    "counter-terrorism",
    "counterterrorism",
    "court",
    "custody",
    "detective",
    "detectives",
    "fined",
    "inquiry",
    "interest",
    "investigation",
    "investigators",
    "judge",
    "judges",
    "minister",
    "ministry",
    "officer",
    "officers",
    "officials",
    "operation",
    "police",
    "prosecutors",
    "raid",
    "raids",
    "rates",
    "regulator",
    "ruled",
    "sanctions",
    "warrant",
];

/// Which list feeds which class bit.
const CLASSES: &[(&[&str], u32)] = &[
    (SUFFIX_OUTLET_HEADS, class::SUFFIX_OUTLET),
    (SUFFIX_AGENCY_HEADS, class::SUFFIX_AGENCY),
    (PREFIX_AGENCY_HEADS, class::PREFIX_AGENCY),
    (PREFIX_OUTLET_HEADS, class::PREFIX_OUTLET),
    (OUTLET_PREFIXES, class::OUTLET_PREFIX),
    (TWO_WORD_TAILS, class::TWO_WORD_TAIL),
    (WEAK_HEADS, class::WEAK_HEAD),
    (OFFICIAL_MODIFIERS, class::OFFICIAL),
    (NON_OFFICIAL_MODIFIERS, class::NON_OFFICIAL),
    (CONNECTORS, class::CONNECTOR),
    (STOP_WORDS, class::STOP),
    (CALENDAR, class::CALENDAR),
    (GENERIC_MODIFIERS, class::GENERIC),
    (NATIONALITIES, class::NATIONALITY),
    (BROAD_ADJECTIVES, class::BROAD),
    (BODY_NOUNS, class::BODY_NOUN),
    (MODIFIED_BODY_NOUNS, class::MODIFIED_BODY_NOUN),
    (BODY_MODIFIERS, class::BODY_MODIFIER),
    (DESCRIPTOR_NOUNS, class::DESCRIPTOR),
    (OUTLET_CUES, class::CUE_OUTLET),
    (AGENCY_CUES, class::CUE_AGENCY),
];

type Table = HashMap<&'static str, u32, WordHash>;

/// The word table, and the signatures of its words.
fn table() -> &'static (Table, SignatureSet) {
    static TABLE: OnceLock<(Table, SignatureSet)> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = Table::default();
        let mut signatures = SignatureSet::default();
        for (words, bit) in CLASSES {
            for word in *words {
                *table.entry(word).or_insert(0) |= bit;
                signatures.insert(signature(word.as_bytes()));
            }
        }
        (table, signatures)
    })
}

/// The classes of `word`, as [`class`] bits (0 for an ordinary word).
pub fn class(word: &str) -> u32 {
    let (table, signatures) = table();
    if !signatures.may_contain(signature(word.as_bytes())) {
        return 0;
    }
    table.get(word).copied().unwrap_or(0)
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
    if class(second) & class::TWO_WORD_TAIL == 0 {
        return None;
    }
    if second == "Office" && super::tokens::is_possessive(first) {
        // "Prosecutor's Office", "Attorney General's Office", "Mayor's Office".
        return Some(Kind::Agency);
    }
    let first = super::tokens::without_possessive(first);
    match (first, second) {
        (
            "Media",
            "Center" | "Centre" | "Foundation" | "Office" | "Group" | "Holdings" | "Network",
        )
        | ("Press" | "Broadcasting" | "Publishing", "Holdings" | "Group")
        | ("Radio" | "Television" | "TV", "Network" | "Group" | "Station")
        | ("News" | "Press", "Agency" | "Service" | "Network")
        | ("Broadcasting", "Corporation" | "Service" | "Company") => Some(Kind::Outlet),
        ("Prosecutor" | "Prosecutors" | "Attorney" | "Prosecutor-General", "Office")
        | ("Coast" | "National" | "Border" | "Revolutionary", "Guard" | "Guards")
        | ("Armed" | "Defence" | "Defense" | "Self-Defense", "Forces")
        | (
            "Security"
            | "Intelligence"
            | "Prosecution"
            | "Border"
            | "Customs"
            | "Investigation"
            | "Revenue"
            | "Immigration"
            | "Protection"
            | "Counterintelligence"
            | "Marshals"
            | "Secret",
            "Service" | "Services",
        )
        | ("Task", "Force" | "Group")
        | ("Air", "Force")
        | ("Central", "Bank")
        | ("Security" | "Defence" | "Defense", "Council") => Some(Kind::Agency),
        _ => None,
    }
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
    if class(word) & class::MODIFIED_BODY_NOUN == 0 {
        return false;
    }
    match word {
        "unit" | "ministry" | "agency" | "squad" | "directorate" | "office" => true,
        "guard" => matches!(previous, "coast" | "border" | "national"),
        "service" | "services" => matches!(
            previous,
            "intelligence" | "security" | "prosecution" | "border" | "secret" | "spy" | "customs"
        ),
        "forces" | "force" => {
            matches!(previous, "armed" | "air" | "defence" | "defense" | "police")
        }
        "bank" => previous == "central",
        "court" => matches!(
            previous,
            "supreme"
                | "constitutional"
                | "high"
                | "military"
                | "criminal"
                | "appeals"
                | "district"
                | "administrative"
        ),
        _ => false,
    }
}

/// Descriptions of an outlet used in appositions ("the news agency X",
/// "X, a Kurdish news site"). Each entry is the last word of the phrase.
pub fn outlet_noun(previous: &str, word: &str) -> bool {
    if class(word) & class::DESCRIPTOR == 0 {
        return false;
    }
    match word {
        "newspaper" | "newspapers" | "daily" | "dailies" | "tabloid" | "tabloids" | "weekly"
        | "broadcaster" | "broadcasters" | "magazine" | "magazines" | "newsletter"
        | "newsletters" | "outlet" | "outlets" | "channel" | "channels" | "broadcasters'"
        | "newswire" | "wire" | "portal" | "portals" | "radio" | "paper" | "papers" => true,
        "agency" | "agencies" => matches!(previous, "news" | "press" | "propaganda"),
        "site" | "sites" | "website" | "websites" => matches!(previous, "news" | "propaganda"),
        "station" | "stations" => matches!(previous, "radio" | "television" | "TV"),
        "programme" | "program" | "bulletin" => matches!(previous, "news" | "radio"),
        _ => false,
    }
}

/// Descriptions of an official body used in appositions ("the regulator
/// Ofcom", "X, the country's media watchdog").
pub fn agency_noun(previous: &str, word: &str) -> bool {
    if class(word) & class::DESCRIPTOR == 0 {
        return false;
    }
    match word {
        "regulator" | "watchdog" | "ministry" | "prosecutor" | "gendarmerie" => true,
        "agency" => matches!(
            previous,
            "intelligence"
                | "spy"
                | "security"
                | "government"
                | "law-enforcement"
                | "police"
                | "regulatory"
                | "anti-corruption"
                | "enforcement"
                | "cybersecurity"
                | "cyber"
        ),
        "service" => matches!(
            previous,
            "intelligence" | "security" | "spy" | "prosecution"
        ),
        "force" => previous == "police",
        "court" => matches!(previous, "supreme" | "constitutional" | "high" | "federal"),
        _ => false,
    }
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
        for (words, bit) in CLASSES {
            for word in *words {
                assert!(class(word) & bit != 0, "{word}");
            }
        }
        assert_eq!(class("ordinary"), 0);
    }

    #[test]
    fn heads_give_kinds() {
        assert_eq!(suffix_head("Gazette"), Some(Kind::Outlet));
        assert_eq!(suffix_head("Police"), Some(Kind::Agency));
        assert_eq!(suffix_head("gazette"), None);
        assert_eq!(two_word_head("Prosecutor’s", "Office"), Some(Kind::Agency));
        assert_eq!(two_word_head("Media", "Center"), Some(Kind::Outlet));
        assert_eq!(two_word_head("Shopping", "Center"), None);
    }

    #[test]
    fn modified_nouns_need_the_right_modifier() {
        assert!(modified_body_noun("coast", "guard"));
        assert!(!modified_body_noun("security", "guard"));
        assert!(modified_body_noun("intelligence", "services"));
        assert!(!modified_body_noun("postal", "services"));
    }

    #[test]
    fn outlet_nouns_tell_news_agencies_from_government_ones() {
        assert!(outlet_noun("news", "agency"));
        assert!(!outlet_noun("intelligence", "agency"));
        assert!(agency_noun("intelligence", "agency"));
    }
}
