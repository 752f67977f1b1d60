//! Names built around an organisation head word: after capitalised
//! modifiers ("Roswell Gazette", "Belgian Federal Prosecutor's Office") or
//! before "of"/"for" ("Ministry of Coastal Affairs", "Federal Bureau of
//! Investigation"), and outlets that start with "Radio".

use std::cell::OnceCell;

use super::super::Kind;
use super::super::lexicon::{
    class, english_connector, generic_modifier, head_connector, non_official_modifier,
    official_modifier, prefix_head, suffix_head, two_word_head, weak_head,
};
use super::super::tokens::Tokens;
use super::{RuleMatch, name_run_back, name_run_forward, name_word, span};

/// How many words a name may have before its head.
const MAX_MODIFIERS: usize = 5;
/// How many words may follow "of" in a prefix name.
const MAX_TAIL: usize = 7;
/// How many capitalised words may follow a head that needs no connector.
const MAX_BARE_TAIL: usize = 3;
/// How many words the modifiers of a head may span when runs of them are
/// joined by connectors ("Economic and Financial Crimes Commission" has
/// four). Real names stay well under it; without a bound, an article that
/// joins capitalised names with "and" in one long sentence ("A Police and
/// B News C Police and …") would be walked back to its start from every
/// head, and read as one name thousands of words long.
const MAX_MODIFIER_CHAIN: usize = 24;

pub(super) fn find(tokens: &Tokens<'_>, found: &mut Vec<RuleMatch>) {
    // Read once, and only if a council asks: a long article may name many.
    let speaks_of_councils = OnceCell::new();
    for i in 0..tokens.words.len() {
        // A possessive head ends its name ("the Interior Ministry's
        // spokesman"): the lexicon knows the word without its "'s".
        let word_class = if tokens.words[i].class == 0
            && tokens.text.as_bytes()[tokens.words[i].range.start].is_ascii_uppercase()
            && tokens.ends_possessive(i)
        {
            super::super::lexicon::class(super::super::tokens::without_possessive(tokens.word(i)))
                & class::SUFFIX_HEAD
        } else {
            tokens.words[i].class
        };
        let possessive_office = word_class & class::MODIFIED_BODY_NOUN != 0
            && tokens.word(i) == "office"
            && i > 0
            && super::super::tokens::is_possessive(tokens.word(i - 1));
        if word_class & class::SUFFIX_HEAD != 0 || possessive_office {
            suffix_name(tokens, i, &speaks_of_councils, found);
        }
        if word_class & class::PREFIX_HEAD != 0 {
            prefix_name(tokens, i, found);
        }
        if word_class & class::OUTLET_PREFIX != 0 {
            radio_name(tokens, i, found);
        }
    }
}

/// "Roswell Gazette", "Coast Guard", "Xinhua News Agency".
/// `speaks_of_councils` caches whether the text says "council" in lower
/// case ([`local_council`]).
fn suffix_name(
    tokens: &Tokens<'_>,
    i: usize,
    speaks_of_councils: &OnceCell<bool>,
    found: &mut Vec<RuleMatch>,
) {
    let word = super::super::tokens::without_possessive(tokens.word(i));
    let two_word = (i > 0 && tokens.joined(i - 1) && !owned_prefix_name(tokens, i))
        .then(|| two_word_head(tokens.word(i - 1), word))
        .flatten();
    let (kind, head_start) = match (two_word, suffix_head(word)) {
        (Some(kind), _) => (kind, i - 1),
        (None, Some(kind)) => (kind, i),
        (None, None) => return,
    };
    let modifiers_end = head_start.checked_sub(1).filter(|&m| tokens.joined(m));
    // "Kerala Fire and Rescue Services": a two-word head may share its
    // name with a field before "and", one that is no head of its own
    // ("the Navy and Coast Guard" are two).
    let modifiers_end = match modifiers_end {
        Some(m)
            if head_start < i
                && tokens.word(m) == "and"
                && m > 0
                && tokens.joined(m - 1)
                && name_word(tokens, m - 1)
                && !tokens.is(m - 1, class::SUFFIX_HEAD) =>
        {
            Some(m - 1)
        }
        other => other,
    };
    let start = modifiers_end.and_then(|m| modifier_run_back(tokens, m));
    let start = match start {
        Some(start) => start,
        // A two-word head can stand alone ("the Coast Guard"), except the
        // ones that only describe ("News Agency").
        None if head_start < i
            && name_word(tokens, head_start)
            && !matches!(tokens.word(head_start), "News" | "Press" | "Media") =>
        {
            head_start
        }
        None => return,
    };
    // Across an inner "and" the name may be two ("Joy News and Citi FM"):
    // the part after it is offered too, and resolution against the
    // gazetteer decides.
    if let Some(nearest) = modifiers_end.and_then(|m| name_run_back(tokens, m, MAX_MODIFIERS))
        && nearest > start
    {
        push_suffix_name(
            tokens,
            (nearest, head_start, i),
            kind,
            speaks_of_councils,
            found,
        );
    }
    push_suffix_name(
        tokens,
        (start, head_start, i),
        kind,
        speaks_of_councils,
        found,
    );
}

/// Whether the head at word `i` follows a possessive that owns it and
/// begins a name of its own ("WMATA's Office of Inspector General"), rather
/// than ending a title-holder's office ("the Attorney General's Office").
fn owned_prefix_name(tokens: &Tokens<'_>, i: usize) -> bool {
    let owner = tokens.word(i - 1);
    let stem = super::super::tokens::without_possessive(owner);
    super::super::tokens::is_possessive(owner)
        && super::super::lexicon::class(stem) & class::OFFICE_HOLDER == 0
        && !matches!(
            stem,
            "General" | "Minister" | "President" | "Chancellor" | "Premier"
        )
        && i + 2 < tokens.words.len()
        && tokens.joined(i)
        && tokens.joined(i + 1)
        && english_connector(tokens.word(i + 1))
        && name_word(tokens, i + 2)
}

/// Adds the name from word `start` to the head ending at word `i` (which
/// begins at `head_start`), unless its modifiers are all generic or too
/// weak for a common head.
fn push_suffix_name(
    tokens: &Tokens<'_>,
    (start, head_start, i): (usize, usize, usize),
    kind: Kind,
    speaks_of_councils: &OnceCell<bool>,
    found: &mut Vec<RuleMatch>,
) {
    let word = super::super::tokens::without_possessive(tokens.word(i));
    if (start..head_start).all(|m| generic_modifier(tokens.word(m))) && start < head_start {
        return;
    }
    if ranked_officer(tokens, start..head_start, i) {
        return;
    }
    if head_start == i && weak_head(word) {
        let modifiers: Vec<&str> = (start..i).map(|m| tokens.word(m)).collect();
        let official = modifiers.iter().any(|m| official_modifier(m))
            || local_council(tokens, start, i, speaks_of_councils)
            || owned_by_a_body(tokens, start);
        // A list of fields ("Youth and Sports", "Culture, Sports and
        // Tourism") is a public body's remit, whatever its words.
        let listed = (start..i).any(|m| tokens.words[m].comma_after);
        if (!listed && modifiers.iter().any(|m| non_official_modifier(m)))
            || (modifiers.len() < 2 && !official)
        {
            return;
        }
    }
    let Some(range) = span(tokens, start, i) else {
        return;
    };
    // "Xinhua News" then "Xinhua News Agency": keep the longer.
    if found.last().is_some_and(|last: &RuleMatch| {
        last.range.start == range.start && last.range.end < range.end
    }) {
        found.pop();
    }
    found.push(RuleMatch { range, kind });
}

/// Whether modifiers `modifiers`, all ranks, and the head at word `i`
/// make an officer's title with the word after it ("Chief Police Officer",
/// "the Association of Chief Police Officers"): no body is named by a rank.
fn ranked_officer(tokens: &Tokens<'_>, modifiers: std::ops::Range<usize>, i: usize) -> bool {
    !modifiers.is_empty()
        && modifiers.clone().all(|m| {
            matches!(
                tokens.word(m),
                "Chief" | "Deputy" | "Assistant" | "Senior" | "Principal"
            )
        })
        && i + 1 < tokens.words.len()
        && tokens.joined(i)
        && matches!(
            tokens.word(i + 1),
            "Officer" | "Officers" | "officer" | "officers"
        )
}

/// Whether the name starting at word `start` is a unit of a body named
/// just before it in the possessive: an acronym ("UNICEF's Supply
/// Division", "the FBI's Cyber Division") or a name ending in an agency's
/// head ("the Interior Ministry's Border Division").
fn owned_by_a_body(tokens: &Tokens<'_>, start: usize) -> bool {
    let Some(owner) = start.checked_sub(1).filter(|&o| tokens.joined(o)) else {
        return false;
    };
    if !tokens.ends_possessive(owner) {
        return false;
    }
    let stem = super::super::tokens::without_possessive(tokens.word(owner));
    super::super::tokens::is_in_capitals(stem)
        || super::super::lexicon::class(stem) & class::SUFFIX_AGENCY != 0
}

/// Whether words `start..=i` are a place's council ("Hackney Council") in a
/// text that speaks of "the council": one plain capitalised word, no
/// nationality or broad adjective ("British Council", "Atlantic Council"
/// stay out). `speaks_of_councils` holds the answer for the text once
/// asked.
fn local_council(
    tokens: &Tokens<'_>,
    start: usize,
    i: usize,
    speaks_of_councils: &OnceCell<bool>,
) -> bool {
    start + 1 == i
        && tokens.word(i) == "Council"
        && !tokens.is(
            start,
            class::NATIONALITY | class::BROAD | class::GENERIC | class::NON_OFFICIAL,
        )
        && *speaks_of_councils.get_or_init(|| tokens.text.contains(" council"))
}

/// Capitalised modifiers before a head, allowing inner connectors
/// ("Economic and Financial Crimes Commission"), at most
/// [`MAX_MODIFIER_CHAIN`] words: a longer chain is cut after the last
/// connector that keeps it within the bound.
fn modifier_run_back(tokens: &Tokens<'_>, end: usize) -> Option<usize> {
    let mut start = name_run_back(tokens, end, MAX_MODIFIERS)?;
    let mut after_and = false;
    while start >= 2
        && tokens.is(start - 1, class::CONNECTOR)
        && tokens.joined(start - 1)
        && tokens.joined(start - 2)
        && !matches!(tokens.word(start - 1), "the" | "of")
    {
        match name_run_back(tokens, start - 2, MAX_MODIFIERS) {
            Some(earlier) if end - earlier < MAX_MODIFIER_CHAIN => {
                after_and |= tokens.word(start - 1) == "and";
                start = earlier;
            }
            _ => break,
        }
    }
    // "Culture, Sports and Tourism Committee": fields listed before the
    // "and", each short, none a head of its own.
    let mut fields = 0;
    while after_and
        && fields < MAX_FIELDS
        && start >= 1
        && tokens.words[start - 1].comma_after
        && !is_head(tokens, start - 1)
    {
        match name_run_back(tokens, start - 1, 3) {
            Some(earlier) if (earlier..start).all(|w| !is_head(tokens, w)) => {
                start = earlier;
                fields += 1;
            }
            _ => break,
        }
    }
    Some(start)
}

/// Whether word `w` is a head of a name of its own.
fn is_head(tokens: &Tokens<'_>, w: usize) -> bool {
    tokens.is(w, class::SUFFIX_HEAD | class::PREFIX_HEAD)
}

/// "Ministry of Coastal Affairs", "Federal Bureau of Investigation",
/// "Office of the Director of National Intelligence", "Voice of America",
/// and the Romance order, where up to two capitalised words may stand
/// between head and connector ("Agência Nacional do Petróleo", "Policía
/// Nacional del Perú").
fn prefix_name(tokens: &Tokens<'_>, i: usize, found: &mut Vec<RuleMatch>) {
    let bare = tokens.is(i, class::BARE_PREFIX);
    let Some(kind) = prefix_head(tokens.word(i)).or(bare.then_some(Kind::Agency)) else {
        return;
    };
    let words = tokens.words.len();
    // "Directorate General of Immigration": "General" belongs to the head.
    let general = |c: usize| c == i + 2 && tokens.word(i + 1) == "General";
    let Some(connector) = (i + 1..words.min(i + 4))
        .take_while(|&c| tokens.joined(c - 1))
        .find(|&c| !name_word(tokens, c))
        .filter(|&c| {
            head_connector(tokens.word(c))
                && (c == i + 1 || !english_connector(tokens.word(c)) || general(c))
        })
    else {
        if bare {
            bare_prefix_name(tokens, i, found);
        }
        return;
    };
    let mut last = None;
    let mut next = connector + 1;
    while next < words && next - connector < MAX_TAIL && tokens.joined(next - 1) {
        if name_word(tokens, next) {
            let word = tokens.word(next);
            let stem = super::super::tokens::without_possessive(word);
            // "… Inspector General and KTA's Office of Audit": an acronym
            // after "and" is another body, not the rest of this name.
            if tokens.word(next - 1) == "and" && super::super::tokens::is_in_capitals(stem) {
                break;
            }
            last = Some(next);
            if super::super::tokens::is_possessive(word) {
                break;
            }
        } else if !(tokens.is(next, class::CONNECTOR)
            && last.is_some()
            && tokens.word(next) != "the"
            // "Office of the Director", but not "Department of
            // Investigation and the NYPD": after "and" comes another name.
            || matches!(tokens.word(next), "the" | "la" | "las" | "los" | "le" | "les")
                && head_connector(tokens.word(next - 1)))
        {
            break;
        }
        next += 1;
    }
    let Some(last) = last else { return };
    let last = listed_fields_end(tokens, last).unwrap_or(last);
    let head_is_name = tokens.is_capitalised(i) && !tokens.is_ordinary_sentence_start(i);
    if !head_is_name {
        return;
    }
    // "the House of Representatives' Committee on Agriculture": a plural
    // possessive before the head owns the body and is no part of its name.
    let start = i
        .checked_sub(1)
        .filter(|&m| tokens.joined(m) && !tokens.gap_after(m).starts_with(['\'', '’']))
        .and_then(|m| name_run_back(tokens, m, MAX_MODIFIERS))
        .unwrap_or(i);
    // "News Agency of Nigeria", "Agence de Presse Sénégalaise" publish.
    let kind = if (start..=last).any(|w| tokens.is(w, class::NEWS_WORD)) {
        Kind::Outlet
    } else {
        kind
    };
    if let Some(range) = span(tokens, start, last) {
        found.push(RuleMatch { range, kind });
    }
}

/// How many fields a prefix name may list after its connector.
const MAX_FIELDS: usize = 6;

/// Where a list of fields ends that goes on from word `last` after a comma
/// ("Ministry of Culture, Sports and Tourism", "Ministry of Land,
/// Infrastructure, Transport and Tourism"): short capitalised fields
/// between commas, the last after "and". A field that holds a head is
/// another body ("Ministry of Defence, Interior Ministry and …").
fn listed_fields_end(tokens: &Tokens<'_>, last: usize) -> Option<usize> {
    let field = |start: usize| {
        let end = name_run_forward(tokens, start, 3)?;
        (start..=end).all(|w| !is_head(tokens, w)).then_some(end)
    };
    let mut end = last;
    for _ in 0..MAX_FIELDS {
        if !tokens.words[end].comma_after {
            break;
        }
        end = field(end + 1)?;
    }
    if end == last || end + 2 >= tokens.words.len() {
        return None;
    }
    (tokens.joined(end) && tokens.word(end + 1) == "and" && tokens.joined(end + 1))
        .then(|| field(end + 2))
        .flatten()
}

/// "Direzione Distrettuale Antimafia", "Finanzamt Köln-Altstadt", "Badan
/// Reserse Kriminal": a head that takes its name straight after it, in
/// languages that put the noun first, without a connector.
fn bare_prefix_name(tokens: &Tokens<'_>, i: usize, found: &mut Vec<RuleMatch>) {
    if i + 1 >= tokens.words.len()
        || !tokens.joined(i)
        || !tokens.is_capitalised(i)
        || tokens.is_ordinary_sentence_start(i)
    {
        return;
    }
    let Some(last) = name_run_forward(tokens, i + 1, MAX_BARE_TAIL) else {
        return;
    };
    if let Some(range) = span(tokens, i, last) {
        found.push(RuleMatch {
            range,
            kind: Kind::Agency,
        });
    }
}

/// "Radio Andalus", "Radio Free Europe".
fn radio_name(tokens: &Tokens<'_>, i: usize, found: &mut Vec<RuleMatch>) {
    // The caller has checked that word `i` is an outlet prefix.
    if i + 1 >= tokens.words.len() || !tokens.joined(i) {
        return;
    }
    let Some(end) = name_run_forward(tokens, i + 1, 3) else {
        return;
    };
    if let Some(range) = span(tokens, i, end) {
        found.push(RuleMatch {
            range,
            kind: Kind::Outlet,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::names;
    use super::*;

    #[test]
    fn capitalised_words_before_a_head_make_a_name() {
        assert_eq!(
            names("Max covers events for Roswell Gazette."),
            [("Roswell Gazette", Kind::Outlet)]
        );
        assert_eq!(
            names("officers of the Dutch National Police arrived"),
            [("Dutch National Police", Kind::Agency)]
        );
    }

    #[test]
    fn a_committee_or_panel_is_a_body_with_an_official_field_or_two_words() {
        assert_eq!(
            names("the Gedaref State Security Committee imposed a curfew"),
            [("Gedaref State Security Committee", Kind::Agency)]
        );
        assert_eq!(
            names("the Greater Manchester Tram Safety Panel said"),
            [("Greater Manchester Tram Safety Panel", Kind::Agency)]
        );
        assert_eq!(
            names("the Portfolio Committee on Communications said"),
            [("Portfolio Committee on Communications", Kind::Agency)]
        );
        assert!(names("the Kenya Olympic Committee named a team").is_empty());
        assert!(names("the Steering Committee agreed").is_empty());
        assert!(names("the Committee to Protect Journalists said").is_empty());
    }

    #[test]
    fn a_spanish_service_or_a_regional_junta_opens_a_name() {
        assert_eq!(
            names("the Servicio de Rentas Internas audited it"),
            [("Servicio de Rentas Internas", Kind::Agency)]
        );
        assert_eq!(
            names("the Junta de Andalucía said"),
            [("Junta de Andalucía", Kind::Agency)]
        );
        assert!(names("a military junta took power").is_empty());
    }

    #[test]
    fn a_two_word_head_shares_its_name_with_a_field_before_and() {
        assert_eq!(
            names("divers from Kerala Fire and Rescue Services searched"),
            [("Kerala Fire and Rescue Services", Kind::Agency)]
        );
        assert_eq!(
            names("the Navy and Coast Guard said"),
            [("Coast Guard", Kind::Agency)]
        );
    }

    #[test]
    fn a_treasury_needs_two_words_and_a_branch_its_field() {
        assert_eq!(
            names("the Social Security Treasury fined it"),
            [("Social Security Treasury", Kind::Agency)]
        );
        assert!(names("the Federal Treasury said").is_empty());
        assert_eq!(
            names("the Crime Branch took over"),
            [("Crime Branch", Kind::Agency)]
        );
        assert!(names("the Oak Branch library").is_empty());
    }

    #[test]
    fn a_broadcast_group_is_an_outlet_with_a_name_before_it() {
        assert_eq!(
            names("the Kalahari Broadcast Group bought it"),
            [("Kalahari Broadcast Group", Kind::Outlet)]
        );
        assert!(names("a broadcast group bought it").is_empty());
    }

    #[test]
    fn papers_are_named_by_their_heads_in_their_own_languages() {
        assert_eq!(
            names("the Stuttgarter Nachrichten reported"),
            [("Stuttgarter Nachrichten", Kind::Outlet)]
        );
        assert_eq!(
            names("the Leeuwarder Courant reported"),
            [("Leeuwarder Courant", Kind::Outlet)]
        );
        assert_eq!(
            names("the Folha de Pernambuco reported"),
            [("Folha de Pernambuco", Kind::Outlet)]
        );
        // A head alone, or not before its connector, is no name.
        assert!(names("the Nachrichten were late").is_empty());
        assert!(names("a Diario entry").is_empty());
    }

    #[test]
    fn a_head_of_a_noun_first_language_takes_its_name_without_a_connector() {
        assert_eq!(
            names("the Direzione Distrettuale Antimafia opened a case"),
            [("Direzione Distrettuale Antimafia", Kind::Agency)]
        );
        assert_eq!(
            names("the Finanzamt Köln-Altstadt ruled"),
            [("Finanzamt Köln-Altstadt", Kind::Agency)]
        );
        assert!(names("an agenzia nazionale report").is_empty());
        assert!(names("a Guardia officer said").is_empty());
        // An English head still needs its connector.
        assert!(names("the Ministry Kestrel Vale said").is_empty());
    }

    #[test]
    fn general_after_a_head_belongs_to_it() {
        assert_eq!(
            names("the Directorate General of Immigration revoked it"),
            [("Directorate General of Immigration", Kind::Agency)]
        );
        assert!(names("the Directorate Kestrel of Immigration").is_empty());
    }

    #[test]
    fn legislatures_and_local_governments_are_bodies() {
        assert_eq!(
            names("the Bihar Legislative Assembly debated it"),
            [("Bihar Legislative Assembly", Kind::Agency)]
        );
        assert_eq!(
            names("the Kuwait Municipality fined them"),
            [("Kuwait Municipality", Kind::Agency)]
        );
        assert_eq!(
            names("the Niigata Prefectural Government said"),
            [("Niigata Prefectural Government", Kind::Agency)]
        );
        assert!(names("the Student Assembly voted").is_empty());
        assert!(names("the Niigata Government said").is_empty());
    }

    #[test]
    fn a_possessive_head_ends_its_name() {
        assert_eq!(
            names("an official of the Interior Ministry's migration unit"),
            [("Interior Ministry", Kind::Agency)]
        );
        assert_eq!(
            names("the Reggio Calabria Public Prosecutor's Office's anti-mafia unit"),
            [("Reggio Calabria Public Prosecutor's Office", Kind::Agency)]
        );
        assert!(names("the Ministry's spokesman said").is_empty());
        assert!(names("the Shopping Centre's owner said").is_empty());
    }

    #[test]
    fn an_article_after_a_romance_connector_goes_on_with_the_name() {
        assert_eq!(
            names("the Contraloría General de la República audited it"),
            [("Contraloría General de la República", Kind::Agency)]
        );
        assert_eq!(
            names("the Corpo Forestale dello Stato said"),
            [("Corpo Forestale dello Stato", Kind::Agency)]
        );
        assert_eq!(names("the Contraloría General de la semana"), []);
    }

    #[test]
    fn patrols_are_bodies_with_a_place_before_them() {
        assert_eq!(
            names("the Ohio State Highway Patrol said"),
            [("Ohio State Highway Patrol", Kind::Agency)]
        );
        assert!(names("a night patrol said").is_empty());
    }

    #[test]
    fn a_title_holder_s_court_is_a_body() {
        assert_eq!(
            names("the Kilkenny Coroner's Court heard it"),
            [("Kilkenny Coroner's Court", Kind::Agency)]
        );
        assert!(names("outside Smith's Court, a housing block").is_empty());
    }

    #[test]
    fn county_governments_and_legislatures_are_bodies() {
        assert_eq!(
            names("the Homa Bay County Government said"),
            [("Homa Bay County Government", Kind::Agency)]
        );
        assert_eq!(
            names("the Washington State Legislature passed it"),
            [("Washington State Legislature", Kind::Agency)]
        );
        assert_eq!(
            names("the Gobierno Regional de Arequipa said"),
            [("Gobierno Regional de Arequipa", Kind::Agency)]
        );
        assert!(names("the county government said").is_empty());
    }

    #[test]
    fn a_branch_needs_an_official_field_or_two_words() {
        assert_eq!(
            names("the Cyber Crimes Branch said"),
            [("Cyber Crimes Branch", Kind::Agency)]
        );
        assert!(names("the Riverside Branch library").is_empty());
    }

    #[test]
    fn a_prefix_name_may_list_its_fields() {
        assert_eq!(
            names("the Ministry of Culture, Sports and Tourism said"),
            [("Ministry of Culture, Sports and Tourism", Kind::Agency)]
        );
        assert_eq!(
            names("the Ministry of Land, Infrastructure, Transport and Tourism said"),
            [(
                "Ministry of Land, Infrastructure, Transport and Tourism",
                Kind::Agency
            )]
        );
        // A list that does not close with "and", or holds another body.
        assert_eq!(
            names("the Ministry of Culture, Sports officials said"),
            [("Ministry of Culture", Kind::Agency)]
        );
        assert_eq!(
            names("the Ministry of Defence, Interior Ministry and Police said"),
            [
                ("Ministry of Defence", Kind::Agency),
                ("Interior Ministry", Kind::Agency)
            ]
        );
    }

    #[test]
    fn fields_listed_before_a_head_are_its_remit() {
        assert_eq!(
            names("the parliament's Culture, Sports and Tourism Committee said"),
            [("Culture, Sports and Tourism Committee", Kind::Agency)]
        );
        assert!(names("the Kestrel Sports Committee met").is_empty());
        // A field that is a head is a body of its own: the list stops there.
        assert_eq!(
            names("Police, Fire and Rescue Committee")[0],
            ("Fire and Rescue Committee", Kind::Agency)
        );
    }

    #[test]
    fn a_plural_owner_before_a_prefix_head_is_no_part_of_the_name() {
        assert_eq!(
            names("members of the Representatives' Committee on Agriculture said"),
            [("Committee on Agriculture", Kind::Agency)]
        );
        assert_eq!(
            names("the Federal Committee on Agriculture said"),
            [("Federal Committee on Agriculture", Kind::Agency)]
        );
    }

    #[test]
    fn a_unit_of_a_body_named_in_the_possessive_needs_one_word() {
        assert_eq!(
            names("UNICEF's Supply Division said"),
            [("Supply Division", Kind::Agency)]
        );
        assert_eq!(
            names("the Interior Ministry's Border Division said"),
            [
                ("Interior Ministry", Kind::Agency),
                ("Border Division", Kind::Agency)
            ]
        );
        assert!(names("Kestrel's Supply Division said").is_empty());
        assert!(names("the Supply Division said").is_empty());
        assert!(names("IBM's Research Division said").is_empty());
    }

    #[test]
    fn a_head_alone_or_after_lowercase_is_not_a_name() {
        assert!(names("Police said the news was old.").is_empty());
        assert!(names("the local police and national radio").is_empty());
    }

    #[test]
    fn sentence_starts_do_not_become_names() {
        assert!(names("In Times Square, crowds gathered.").is_empty());
        assert_eq!(names("The Kyiv Herald"), [("Kyiv Herald", Kind::Outlet)]);
        assert!(names("Local officials spoke. Local Police said so.").is_empty());
        assert!(names("Rural Police said so in rural areas.").is_empty());
    }

    #[test]
    fn a_possessive_owner_is_left_out() {
        assert_eq!(
            names("Romania's Border Police and France’s Police"),
            [("Border Police", Kind::Agency)]
        );
    }

    #[test]
    fn generic_words_alone_do_not_make_a_name() {
        assert!(names("it was Breaking News to them").is_empty());
        assert_eq!(
            names("the Supreme Court"),
            [("Supreme Court", Kind::Agency)]
        );
    }

    #[test]
    fn two_word_heads_join_and_may_stand_alone() {
        assert_eq!(
            names("the Belgian Federal Prosecutor’s Office and the Coast Guard"),
            [
                ("Belgian Federal Prosecutor’s Office", Kind::Agency),
                ("Coast Guard", Kind::Agency)
            ]
        );
        assert_eq!(
            names("the Xinhua News Agency"),
            [("Xinhua News Agency", Kind::Outlet)]
        );
        assert_eq!(
            names("Al-Hayat Media Center"),
            [("Al-Hayat Media Center", Kind::Outlet)]
        );
        assert!(names("a News Agency report").is_empty());
    }

    #[test]
    fn connectors_join_modifiers_and_the_part_after_and_is_offered_too() {
        assert_eq!(
            names("the Economic and Financial Crimes Commission said"),
            [
                ("Economic and Financial Crimes Commission", Kind::Agency),
                ("Financial Crimes Commission", Kind::Agency)
            ]
        );
    }

    #[test]
    fn a_long_chain_of_modifiers_within_the_bound_is_one_name() {
        let name = "Arts and Crafts and Fisheries and Coastal Waters and Heritage Commission";
        assert_eq!(
            names(&format!("the {name} said")),
            [(name, Kind::Agency), ("Heritage Commission", Kind::Agency)]
        );
    }

    #[test]
    fn a_chain_of_names_joined_by_and_is_read_only_as_far_as_the_bound() {
        let text = (0..2_000)
            .map(|n| format!("Kestrel{n} Police and Heron{n} News"))
            .collect::<Vec<_>>()
            .join(" ");
        let found = names(&text);
        assert!(found.len() >= 2_000, "every head still names something");
        for (name, _) in &found {
            let words = name.split(' ').count();
            assert!(words <= MAX_MODIFIER_CHAIN + 1, "{words} words: {name}");
        }
        assert!(
            found
                .iter()
                .any(|&(name, _)| name == "Heron1998 News Kestrel1999 Police")
        );
    }

    #[test]
    fn prefix_heads_take_what_follows_of() {
        assert_eq!(
            names("officials at the Ministry of Coastal Affairs and Fisheries said"),
            [("Ministry of Coastal Affairs and Fisheries", Kind::Agency)]
        );
        assert_eq!(
            names("the Office of the Director of National Intelligence"),
            [(
                "Office of the Director of National Intelligence",
                Kind::Agency
            )]
        );
        assert_eq!(
            names("the Voice of Kestrel"),
            [("Voice of Kestrel", Kind::Outlet)]
        );
        assert!(names("the ministry of health").is_empty());
        assert!(names("Office of course.").is_empty());
    }

    #[test]
    fn a_prefix_name_ends_before_and_the() {
        assert_eq!(
            names("the Department of Investigation and the Harbour Police said"),
            [
                ("Department of Investigation", Kind::Agency),
                ("Harbour Police", Kind::Agency)
            ]
        );
        assert_eq!(
            names("the Department of Health and Human Services said"),
            [("Department of Health and Human Services", Kind::Agency)]
        );
    }

    #[test]
    fn an_owner_before_office_of_is_not_part_of_its_name() {
        assert_eq!(
            names("the transit agency's Office of Inspector General and KTA's Office of Audit"),
            [
                ("Office of Inspector General", Kind::Agency),
                ("Office of Audit", Kind::Agency)
            ]
        );
        // A title-holder's office is one name, also before "of".
        assert_eq!(
            names("the Attorney General's Office of the state"),
            [("Attorney General's Office", Kind::Agency)]
        );
        assert_eq!(
            names("the Mayor's Office said"),
            [("Mayor's Office", Kind::Agency)]
        );
    }

    #[test]
    fn a_division_named_by_its_field_is_a_body() {
        assert_eq!(
            names("the regulator's Division of Enforcement said"),
            [("Division of Enforcement", Kind::Agency)]
        );
        // A division of something named in lower case is a part, not a body.
        assert!(names("the First Division of the league").is_empty());
    }

    #[test]
    fn weak_heads_need_official_or_several_modifiers() {
        assert_eq!(
            names("the Naval Programmes Audit Office said"),
            [("Naval Programmes Audit Office", Kind::Agency)]
        );
        assert_eq!(
            names("the Lake Zone Emergency Operations Centre"),
            [("Lake Zone Emergency Operations Centre", Kind::Agency)]
        );
        assert!(names("at the Westfield Centre and the Oval Office").is_empty());
        assert!(names("a Memorial Service was held").is_empty());
        assert_eq!(
            names("the Attorney General's Office"),
            [("Attorney General's Office", Kind::Agency)]
        );
        assert_eq!(
            names("the Bronx District Attorney's office said"),
            [("Bronx District Attorney's office", Kind::Agency)]
        );
        assert!(names("at her brother's office").is_empty());
        assert_eq!(
            names("at Westminster Magistrates’ Court"),
            [("Westminster Magistrates’ Court", Kind::Agency)]
        );
    }

    #[test]
    fn a_place_council_counts_where_the_text_speaks_of_the_council() {
        assert_eq!(
            names("Hackney Council said the council had paid nothing"),
            [("Hackney Council", Kind::Agency)]
        );
        assert!(names("Hackney Council said it had paid nothing").is_empty());
        assert!(names("the British Council said the council would help").is_empty());
    }

    #[test]
    fn news_agency_of_a_country_is_an_outlet() {
        assert_eq!(
            names("the News Agency of Nigeria reported"),
            [("News Agency of Nigeria", Kind::Outlet)]
        );
        assert_eq!(
            names("said the Agence de Presse Kestrelaise"),
            [("Agence de Presse Kestrelaise", Kind::Outlet)]
        );
    }

    #[test]
    fn romance_names_put_the_head_first() {
        assert_eq!(
            names("fined by the Agência Nacional do Petróleo on Monday"),
            [("Agência Nacional do Petróleo", Kind::Agency)]
        );
        assert_eq!(
            names("the Policía Nacional del Perú said"),
            [("Policía Nacional del Perú", Kind::Agency)]
        );
        assert!(names("the Ministry Spokesman said").is_empty());
        assert!(
            names("the Ministry Building of Kestrel").is_empty(),
            "English connectors follow the head directly"
        );
    }

    #[test]
    fn a_rank_before_a_head_and_an_officer_is_a_title() {
        assert!(names("the Association of Chief Police Officers was replaced").is_empty());
        assert!(names("Jersey's Chief Police Officer said so").is_empty());
        // A place's force keeps its name before the same words.
        assert_eq!(
            names("then Kestrel Police Officers arrived"),
            [("Kestrel Police", Kind::Agency)]
        );
    }

    #[test]
    fn radio_names() {
        assert_eq!(
            names("heard on Radio Tamarind today"),
            [("Radio Tamarind", Kind::Outlet)]
        );
        assert!(names("Radio stations closed").is_empty());
    }

    #[test]
    fn one_official_modifier_is_enough_for_a_weak_head() {
        assert_eq!(
            names("the Audit Office said"),
            [("Audit Office", Kind::Agency)]
        );
    }

    #[test]
    fn a_commercial_modifier_keeps_a_weak_head_from_naming_a_body() {
        assert_eq!(
            names("the Kestrel Security Centre opened"),
            [("Kestrel Security Centre", Kind::Agency)]
        );
        assert!(names("the Kestrel Shopping Centre opened").is_empty());
    }

    #[test]
    fn of_does_not_join_modifiers_before_a_suffix_head() {
        assert_eq!(
            names("the Chief of Kestrel Police said"),
            [("Kestrel Police", Kind::Agency)]
        );
    }

    #[test]
    fn capitalised_words_joined_before_a_prefix_head_are_part_of_its_name() {
        assert_eq!(
            names("the Kestrel Ministry of Fisheries said"),
            [
                ("Kestrel Ministry of Fisheries", Kind::Agency),
                ("Kestrel Ministry", Kind::Agency)
            ]
        );
        assert_eq!(
            names("in Kestrel, Ministry of Fisheries officials said"),
            [("Ministry of Fisheries", Kind::Agency)]
        );
    }

    #[test]
    fn a_prefix_head_capitalised_only_by_a_sentence_start_is_no_name() {
        assert_eq!(
            names("Office of Kestrel Affairs staff left."),
            [("Office of Kestrel Affairs", Kind::Agency)]
        );
        assert!(
            names("Service of Kestrel Rail trains resumed on Monday, and the service was busy.")
                .is_empty()
        );
    }

    #[test]
    fn a_possessive_ends_the_words_after_a_prefix_head() {
        assert_eq!(
            names("the Ministry of Justice's Fraud Unit said"),
            [
                ("Ministry of Justice", Kind::Agency),
                ("Fraud Unit", Kind::Agency)
            ]
        );
    }

    #[test]
    fn radio_and_its_name_must_be_joined() {
        assert_eq!(
            names("heard on Radio Tamarind today"),
            [("Radio Tamarind", Kind::Outlet)]
        );
        assert!(names("Radio, TV and newspapers lost readers").is_empty());
    }

    #[test]
    fn modifiers_must_be_joined_to_their_head() {
        assert!(names("they met in Kestrel. Police said").is_empty());
    }
}
