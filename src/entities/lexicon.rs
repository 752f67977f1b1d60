//! The words the rules read: organisation heads, nationalities, descriptors
//! and cues. Facts about English news usage, kept apart from the logic.

use super::Kind;

/// Capitalised head words that end an organisation's name, with the kind
/// they make ("Roswell Gazette", "Dutch National Police").
pub fn suffix_head(word: &str) -> Option<Kind> {
    match word {
        "Gazette" | "Times" | "Herald" | "Tribune" | "Chronicle" | "Journal" | "Observer"
        | "Courier" | "Radio" | "TV" | "Television" | "News" | "Sentinel" | "Telegraph"
        | "Inquirer" | "Examiner" | "Dispatch" | "Bulletin" | "Monitor" | "Mercury"
        | "Magazine" | "Newspaper" | "FM" | "Broadcasting" | "Daily" | "Weekly" | "Post"
        | "Ledger" | "Record" | "Echo" => Some(Kind::Outlet),
        "Police" | "Gendarmerie" | "Constabulary" | "Agency" | "Bureau" | "Directorate"
        | "Inspectorate" | "Court" | "Tribunal" | "Ministry" | "Department" | "Commission"
        | "Authority" | "Prosecution" | "Procuracy" | "Command" | "Unit" | "Squad" | "Brigade"
        | "Administration" | "Secretariat" | "Regulator" | "Board" | "Cell" | "Division"
        | "Council" | "Battalion" | "Regiment" | "Corps" | "Embassy" | "Navy" | "Office"
        | "Centre" | "Center" | "Service" => Some(Kind::Agency),
        _ => None,
    }
}

/// Two-word heads whose second word alone is too common ("Coast Guard",
/// "Media Center", "Prosecutor's Office").
pub fn two_word_head(first: &str, second: &str) -> Option<Kind> {
    if second == "Office" && super::tokens::is_possessive(first) {
        // "Prosecutor's Office", "Attorney General's Office", "Mayor's Office".
        return Some(Kind::Agency);
    }
    let first = first.trim_end_matches("'s").trim_end_matches("’s");
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

/// Head words that begin a name followed by "of" or "for" ("Ministry of
/// Justice", "Federal Bureau of Investigation", "Voice of America").
pub fn prefix_head(word: &str) -> Option<Kind> {
    match word {
        "Ministry"
        | "Department"
        | "Bureau"
        | "Office"
        | "Directorate"
        | "Directorate-General"
        | "Court"
        | "Agency"
        | "Commission"
        | "Inspectorate"
        | "Prosecutor"
        | "Council"
        | "Service"
        | "Authority"
        | "Secretariat"
        | "Commissioner"
        | "Procurator" => Some(Kind::Agency),
        "Voice" => Some(Kind::Outlet),
        _ => None,
    }
}

/// Capitalised words that begin an outlet's name ("Radio Andalus").
pub fn outlet_prefix(word: &str) -> bool {
    matches!(
        word,
        "Radio" | "Rádio" | "Radyo" | "Télé" | "Tele" | "TV" | "Télévision"
    )
}

/// Heads too common alone: the name needs at least two modifiers, or
/// one that says the body is official ("Emergency Operations Centre",
/// "Security Service"; not "Shopping Centre", "Memorial Service").
pub fn weak_head(word: &str) -> bool {
    matches!(
        word,
        "Centre" | "Center" | "Service" | "Office" | "Council" | "Board" | "Division"
    )
}

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

/// Modifiers that make a weak head official on their own.
pub fn official_modifier(word: &str) -> bool {
    OFFICIAL_MODIFIERS.binary_search(&word).is_ok()
}

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

/// Modifiers that make a weak head a place or a firm ("Oval Office").
pub fn non_official_modifier(word: &str) -> bool {
    NON_OFFICIAL_MODIFIERS.binary_search(&word).is_ok()
}

/// Words that join the parts of a name after a prefix head.
pub fn connector(word: &str) -> bool {
    matches!(
        word,
        "of" | "for" | "and" | "on" | "the" | "de" | "du" | "des" | "del" | "la"
    )
}

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

/// Capitalised words that start sentences and never begin a name.
pub fn stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

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

/// Days and months: capitalised, next to organisation words, never names.
pub fn calendar_word(word: &str) -> bool {
    CALENDAR.binary_search(&word).is_ok()
}

const GENERIC_MODIFIERS: &[&str] = &[
    "Bad", "Big", "Breaking", "Daily", "Evening", "Fake", "Good", "Latest", "Live", "Local",
    "More", "Morning", "Other", "Top", "World",
];

/// Capitalised words that make a phrase, not a name ("Breaking News").
pub fn generic_modifier(word: &str) -> bool {
    GENERIC_MODIFIERS.binary_search(&word).is_ok()
}

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

/// Nationality and country words that can stand before a body noun
/// ("Dutch police", "US prosecutors' office").
pub fn nationality(word: &str) -> bool {
    NATIONALITIES.binary_search(&word).is_ok()
}

/// Capitalised adjectives that are neither nationalities nor places
/// ("European police agency", "Federal police").
pub fn broad_adjective(word: &str) -> bool {
    matches!(
        word,
        "European"
            | "Western"
            | "Eastern"
            | "Northern"
            | "Southern"
            | "Central"
            | "International"
            | "Federal"
            | "National"
            | "State"
            | "Local"
            | "Regional"
            | "Military"
            | "Secret"
            | "Special"
            | "Foreign"
            | "Domestic"
            | "Global"
            | "Senior"
            | "Top"
    )
}

/// Lower-case nouns for an official body, after a nationality.
pub fn body_noun(word: &str) -> bool {
    matches!(
        word,
        "police"
            | "gendarmerie"
            | "prosecutor"
            | "prosecution"
            | "army"
            | "navy"
            | "military"
            | "coastguard"
            | "judiciary"
            | "customs"
            | "regulator"
            | "intelligence"
            | "prosecutors"
            | "regulators"
            | "counterintelligence"
            | "counter-intelligence"
    )
}

/// Lower-case nouns that make an official body only after a modifier
/// ("anti-terrorist unit", "interior ministry", "coast guard").
pub fn modified_body_noun(previous: &str, word: &str) -> bool {
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

/// Lower-case modifiers allowed between a nationality and a body noun.
pub fn body_modifier(word: &str) -> bool {
    BODY_MODIFIERS.binary_search(&word).is_ok()
}

/// Descriptions of an outlet used in appositions ("the news agency X",
/// "X, a Kurdish news site"). Each entry is the last word of the phrase.
pub fn outlet_noun(previous: &str, word: &str) -> bool {
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

/// Words near an ambiguous name that say it is the outlet ("the Sun
/// reported") or the agency ("the Met said officers …").
pub fn cue(kind: Kind, word: &str) -> bool {
    let cues = match kind {
        Kind::Outlet => OUTLET_CUES,
        Kind::Agency => AGENCY_CUES,
    };
    cues.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        for list in [
            STOP_WORDS,
            CALENDAR,
            NATIONALITIES,
            BODY_MODIFIERS,
            OFFICIAL_MODIFIERS,
            NON_OFFICIAL_MODIFIERS,
            GENERIC_MODIFIERS,
            OUTLET_CUES,
            AGENCY_CUES,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
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
