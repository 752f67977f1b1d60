//! Short forms of names the article has already given in full: "the
//! Commission" after "the European Commission", "the Times" after "The New
//! York Times", "Meridian" after "Meridian Press Holdings".
//!
//! An article may name thousands of organisations and use their short
//! forms thousands of times, and its text is untrusted. So each pass reads
//! the words once and keeps what it has passed in maps with a per-process
//! seed (the latest body named with each head, the latest paper with each
//! last word); where many outlets have short forms, they are found with a
//! trie walked from each word start rather than each tried there
//! ([`search`]).

use std::collections::HashMap;

use foldhash::fast::RandomState;

use super::lexicon::{anaphoric_head, class, corporate_tail};
use super::tokens::{Tokens, without_possessive};
use super::{Kind, Mention};

mod search;

/// Adds mentions for short forms of organisations already named in full.
/// `mentions` must be sorted and non-overlapping, and stays so.
pub fn link(tokens: &Tokens<'_>, mentions: &mut Vec<Mention>) {
    let mut added = paper_short_forms(tokens, mentions);
    let mentions_so_far: &[Mention] = mentions;
    // As the words are read, the latest mention before them by the last
    // word of its name: "the Commission" stands for it. A map, not a scan
    // back, as a long article may hold thousands of each.
    let mut latest: HashMap<&str, usize, RandomState> = HashMap::default();
    let mut passed = 0;
    for i in 1..tokens.words.len() {
        // "the Commission", "The Commission's", "a Commission spokesman":
        // most words follow no article, and that is the cheapest to ask.
        if tokens.words[i - 1].range.len() > 3
            || !tokens.joined(i - 1)
            || !matches!(tokens.word(i - 1), "the" | "The" | "a" | "A")
        {
            continue;
        }
        let head = if tokens.is(i, class::ANAPHORIC_HEAD) {
            tokens.word(i)
        } else if tokens.ends_possessive(i) && anaphoric_head(without_possessive(tokens.word(i))) {
            without_possessive(tokens.word(i))
        } else {
            continue;
        };
        let word = head;
        let range = tokens.words[i].range.start..tokens.words[i].range.start + word.len();
        if goes_on_as_a_longer_name(tokens, i) {
            continue;
        }
        while let Some(mention) = mentions_so_far
            .get(passed)
            .filter(|m| m.range.end <= range.start)
        {
            // Only a name with a head can be asked for.
            if let Some(head) = head_of(&mention.name) {
                latest.insert(head, passed);
            }
            passed += 1;
        }
        if let Some(&earlier) = latest.get(word) {
            let earlier = &mentions_so_far[earlier];
            added.push(Mention {
                range,
                kind: earlier.kind,
                name: earlier.name.clone(),
            });
        }
    }
    added.extend(outlet_short_forms(tokens, mentions));
    super::acronyms::add_disjoint(mentions, added);
}

/// Whether the head at word `i` goes on as a longer name, and so is no
/// short form: before a capitalised word ("the Commission Vice-President"),
/// or a connector and a capitalised word that is no day, month or stop
/// word ("the Council on American-Islamic Relations", not "the Council on
/// Monday"). A possessive ends the name: "the Commission's
/// Directorate-General" is two.
fn goes_on_as_a_longer_name(tokens: &Tokens<'_>, i: usize) -> bool {
    if tokens.ends_possessive(i) || i + 1 >= tokens.words.len() || !tokens.joined(i) {
        return false;
    }
    tokens.is_capitalised(i + 1)
        || (i + 2 < tokens.words.len()
            && tokens.joined(i + 1)
            && super::lexicon::head_connector(tokens.word(i + 1))
            && tokens.is_capitalised(i + 2)
            && !tokens.is(i + 2, class::CALENDAR | class::STOP))
}

/// Adds the other uses of names the rules read off the text at one place:
/// a rule needs a description or a head beside a name ("Pampa Play, a
/// streaming service"), and an article gives it once, then writes the name
/// bare ("Pampa Play had refused"). `named` are the ranges of the rules'
/// mentions among `mentions` (sorted and non-overlapping, and kept so). A
/// use glued to another capitalised word is part of a longer name.
pub fn repeat_rule_names(
    tokens: &Tokens<'_>,
    mentions: &mut Vec<Mention>,
    named: &[std::ops::Range<usize>],
) {
    let text = tokens.text;
    let mut forms: Vec<(&str, Kind, &str)> = Vec::new();
    for range in named {
        let Ok(at) = mentions.binary_search_by_key(&range.start, |m| m.range.start) else {
            continue;
        };
        let mention = &mentions[at];
        let surface = &text[range.clone()];
        if mention.range == *range && distinctive_name(surface) && !names_itself(surface) {
            forms.push((surface, mention.kind, mention.name.as_str()));
        }
    }
    keep_first_of_each(&mut forms, |(surface, _, _)| surface);
    if forms.is_empty() {
        return;
    }
    let surfaces: Vec<&str> = forms.iter().map(|(surface, _, _)| *surface).collect();
    let mut added = Vec::new();
    for (at, form) in search::uses(text, &tokens.starts, &surfaces) {
        let (surface, kind, name) = forms[form];
        let range = at..at + surface.len();
        if !super::context::glued(tokens, &range) {
            added.push(Mention {
                range,
                kind,
                name: name.to_owned(),
            });
        }
    }
    super::acronyms::add_disjoint(mentions, added);
}

/// Whether a rule finds `name` wherever it is written, with no help from
/// the words around it: it ends in a head or a body noun ("Roswell
/// Gazette", "Dutch police") or opens with one ("Ministry of Coastal
/// Affairs", "Radio Andalus"). Only the others need seeking again.
fn names_itself(name: &str) -> bool {
    let first = name.split(' ').next().unwrap_or_default();
    let last = without_possessive(name.rsplit(' ').next().unwrap_or_default());
    super::lexicon::class(last)
        & (class::SUFFIX_HEAD | class::BODY_NOUN | class::MODIFIED_BODY_NOUN)
        != 0
        || super::lexicon::class(first) & (class::PREFIX_HEAD | class::OUTLET_PREFIX) != 0
}

/// Whether a name is distinctive enough to be sought alone: four letters
/// or more, capitalised, and no nationality, stop word or generic word.
fn distinctive_name(name: &str) -> bool {
    name.chars().count() >= 4
        && name.chars().next().is_some_and(char::is_uppercase)
        && !super::lexicon::nationality(name)
        && !super::lexicon::generic_modifier(name)
        && !super::lexicon::stop_word(name)
}

/// The head a short form of `name` would use: its last word ("European
/// Commission"), or the head that opens its English prefix part ("Texas
/// Commission on Jail Standards", "Ministry of Defence").
fn head_of(name: &str) -> Option<&str> {
    let last = name.rsplit(' ').next().unwrap_or_default();
    if anaphoric_head(last) {
        return Some(last);
    }
    let mut words = name.split(' ');
    while let Some(word) = words.next() {
        if anaphoric_head(word) {
            return words
                .next()
                .is_some_and(super::lexicon::english_connector)
                .then_some(word);
        }
    }
    None
}

/// The outlets `mentions` name in `text`, in text order: where each naming
/// ends, the last word of its surface (without a possessive), and which
/// mention it is.
fn outlets_by_last_word<'t>(text: &'t str, mentions: &[Mention]) -> Vec<(usize, &'t str, usize)> {
    mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind == Kind::Outlet)
        .map(|(at, m)| {
            let surface = &text[m.range.clone()];
            let last = surface.rsplit_once(' ').map_or("", |(_, last)| last);
            (m.range.end, without_possessive(last), at)
        })
        .collect()
}

/// "the Times" after "The New York Times", "the Post" after "The Washington
/// Post", "the Register" after "The Register": the last word of an outlet
/// the article has named with more than one word stands for the one named
/// most recently. Where an ambiguous alias already read the word as
/// another outlet ("Times" as the London paper), the article's own earlier
/// naming wins. Returns the short forms no mention covers yet.
fn paper_short_forms(tokens: &Tokens<'_>, mentions: &mut [Mention]) -> Vec<Mention> {
    let text = tokens.text;
    // The last word of each outlet's canonical name is read from the
    // mention when the words reach it.
    let named = outlets_by_last_word(text, mentions);
    if named.is_empty() {
        return Vec::new();
    }
    // As the words are read, the latest outlet named before them, by the
    // last word of its surface and of its name (indices into `named`).
    let mut by_surface: HashMap<&str, usize, RandomState> = HashMap::default();
    let mut by_name: HashMap<&str, usize, RandomState> = HashMap::default();
    let mut passed = 0;
    // A mention given the name of an earlier one is renamed after the
    // words are read, so that the names can be borrowed while they are:
    // (which mention, whose name), in text order. Each source keeps its
    // own name throughout, as only the mention at the word being read is
    // renamed.
    let mut renamed: Vec<(usize, usize)> = Vec::new();
    let source = |renamed: &[(usize, usize)], at: usize| {
        renamed
            .binary_search_by_key(&at, |&(renamed, _)| renamed)
            .map_or(at, |found| renamed[found].1)
    };
    let mut added = Vec::new();
    for i in 1..tokens.words.len() {
        // Cheap tests first: this runs for every word.
        if tokens.words[i - 1].range.len() != 3
            || !tokens.joined(i - 1)
            || !matches!(tokens.word(i - 1), "the" | "The")
        {
            continue;
        }
        if !tokens.is_capitalised(i) || tokens.is(i, class::STOP | class::CALENDAR | class::GENERIC)
        {
            continue;
        }
        // "the Times Square": part of a longer name.
        if i + 1 < tokens.words.len() && tokens.joined(i) && tokens.is_capitalised(i + 1) {
            continue;
        }
        let word = without_possessive(tokens.word(i));
        let start = tokens.words[i].range.start;
        if passed == 0 {
            by_surface.reserve(named.len());
            by_name.reserve(named.len());
        }
        while let Some(&(_, last, at)) = named.get(passed).filter(|n| n.0 <= start) {
            by_surface.insert(last, passed);
            let name = mentions[source(&renamed, at)].name.as_str();
            if let Some((_, name_last)) = name.rsplit_once(' ') {
                by_name.insert(without_possessive(name_last), passed);
            }
            passed += 1;
        }
        let Some(latest) = by_surface.get(word).max(by_name.get(word)) else {
            continue;
        };
        let from = source(&renamed, named[*latest].2);
        let range = start..start + word.len();
        let at = mentions.partition_point(|m| m.range.end <= range.start);
        match mentions.get(at) {
            Some(existing) if existing.range == range => {
                if existing.kind == Kind::Outlet {
                    renamed.push((at, from));
                }
            }
            Some(existing) if existing.range.start < range.end => {}
            _ => added.push(Mention {
                range,
                kind: Kind::Outlet,
                name: mentions[from].name.clone(),
            }),
        }
    }
    for (at, from) in renamed {
        let name = mentions[from].name.clone();
        mentions[at].name = name;
    }
    added
}

/// "Meridian" after "Meridian Press Holdings", "Nour al-Sahel" after
/// "Radio Nour al-Sahel": every use of an outlet's short form after its
/// first full naming, unless a capitalised word follows ("Meridian Bank").
fn outlet_short_forms(tokens: &Tokens<'_>, mentions: &[Mention]) -> Vec<Mention> {
    let forms = short_forms(mentions);
    if forms.is_empty() {
        return Vec::new();
    }
    // Where each form's outlet was first named: no short form before. The
    // mentions are read once, and only a name as long as an outlet's (a
    // bit for each length modulo 64) is looked up.
    let bit = |len: usize| 1u64 << (len % 64);
    let lengths = forms
        .iter()
        .fold(0, |bits, (_, name)| bits | bit(name.len()));
    let of_name: HashMap<&str, usize, RandomState> = forms
        .iter()
        .enumerate()
        .map(|(form, (_, name))| (name.as_str(), form))
        .collect();
    let mut first_uses: Vec<Option<usize>> = vec![None; forms.len()];
    for mention in mentions.iter().filter(|m| lengths & bit(m.name.len()) != 0) {
        if let Some(&form) = of_name.get(mention.name.as_str()) {
            first_uses[form].get_or_insert(mention.range.end);
        }
    }
    let text = tokens.text;
    let shorts: Vec<&str> = forms.iter().map(|(short, _)| short.as_str()).collect();
    let mut found = Vec::new();
    for (at, form) in search::uses(text, &tokens.starts, &shorts) {
        let (short, name) = &forms[form];
        if at < first_uses[form].unwrap_or(0) {
            continue;
        }
        let range = at..at + short.len();
        // "Meridian Bank" is another name; "Meridian" alone is the outlet.
        let next_capitalised = text[range.end..]
            .strip_prefix(' ')
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_uppercase);
        if !next_capitalised {
            found.push(Mention {
                range,
                kind: Kind::Outlet,
                name: name.clone(),
            });
        }
    }
    found
}

/// (short form, full name) for outlets named with corporate tails.
fn short_forms(mentions: &[Mention]) -> Vec<(String, String)> {
    // Each outlet's name once, where it may have a short form: most names
    // end in no corporate word and start with no "Radio", and are passed
    // over without a copy.
    let mut names: Vec<&str> = mentions
        .iter()
        .filter(|m| m.kind == Kind::Outlet)
        .map(|m| m.name.as_str())
        .filter(|name| {
            name.split_once(' ').is_some_and(|(first, _)| {
                let last = name.rsplit(' ').next().unwrap_or_default();
                corporate_tail(last) || matches!(first, "Radio" | "TV")
            })
        })
        .collect();
    keep_first_of_each(&mut names, |name| *name);
    let mut forms: Vec<(String, String)> = Vec::new();
    for name in names {
        let words: Vec<&str> = name.split(' ').collect();
        let kept = words
            .iter()
            .rposition(|w| !corporate_tail(w))
            .map_or(0, |last| last + 1);
        // "Radio Nour al-Sahel" is also "Nour al-Sahel".
        let skipped = usize::from(words.len() > 2 && matches!(words[0], "Radio" | "TV"));
        if kept <= skipped || (kept == words.len() && skipped == 0) {
            continue;
        }
        let short = words[skipped..kept].join(" ");
        if distinctive_name(&short) {
            forms.push((short, name.to_owned()));
        }
    }
    // The first outlet a short form is read from keeps it.
    keep_first_of_each(&mut forms, |(short, _)| short.as_str());
    forms
}

/// Keeps the first of `items` with each key, in their order. Sorted
/// positions rather than a set: most articles have a few items, and a long
/// one thousands.
fn keep_first_of_each<T>(items: &mut Vec<T>, key: impl Fn(&T) -> &str) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_unstable_by(|&a, &b| key(&items[a]).cmp(key(&items[b])).then(a.cmp(&b)));
    let mut first = vec![false; items.len()];
    for (n, &at) in order.iter().enumerate() {
        first[at] = n == 0 || key(&items[order[n - 1]]) != key(&items[at]);
    }
    let mut first = first.into_iter();
    items.retain(|_| first.next().unwrap_or(false));
}

#[cfg(test)]
mod tests {
    use super::super::matcher::is_word_boundary;
    use super::*;
    use proptest::prelude::*;

    fn mention(text: &str, surface: &str, kind: Kind, name: &str) -> Mention {
        let start = text.find(surface).unwrap();
        Mention {
            range: start..start + surface.len(),
            kind,
            name: name.to_owned(),
        }
    }

    /// The mentions after linking, given one full name already found.
    fn linked<'t>(text: &'t str, full: &str, kind: Kind) -> Vec<(&'t str, String)> {
        let mut mentions = vec![mention(text, full, kind, full)];
        link(&Tokens::new(text), &mut mentions);
        mentions
            .into_iter()
            .map(|m| (&text[m.range], m.name))
            .collect()
    }

    #[test]
    fn the_head_points_back_to_the_body_named_with_it() {
        let text = "The European Commission fined it. Later the Commission said the Court agreed.";
        let found = linked(text, "European Commission", Kind::Agency);
        assert_eq!(
            found,
            [
                ("European Commission", "European Commission".to_owned()),
                ("Commission", "European Commission".to_owned())
            ]
        );
    }

    #[test]
    fn the_head_may_open_a_sentence_own_something_or_follow_a() {
        let text = "The European Commission fined it. The Commission’s lawyers agreed; \
                    a Commission spokesman said so.";
        let found = linked(text, "European Commission", Kind::Agency);
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!(found[1].0, "Commission");
    }

    #[test]
    fn a_head_joined_to_a_name_by_a_connector_is_no_short_form() {
        let text = "The Council of Europe met. Later the Council on American-Islamic \
                    Relations wrote, and the Council of Europe replied; the Council of the \
                    two spoke, as did the Council and Europol, and the Council on Monday.";
        let found = linked(text, "Council of Europe", Kind::Agency);
        let surfaces: Vec<&str> = found.iter().map(|(surface, _)| *surface).collect();
        // "the Council of the two", "the Council and Europol" and "the
        // Council on Monday" still stand for it; "the Council on …" and
        // "the Council of Europe" are longer names, the latter found by
        // the gazetteer.
        assert_eq!(
            surfaces,
            ["Council of Europe", "Council", "Council", "Council"],
            "{found:?}"
        );
    }

    #[test]
    fn a_possessive_head_stands_alone_before_a_capitalised_name() {
        let text = "The European Commission acted after the Commission’s Legal Service \
                    wrote; the Commission Vice-President spoke.";
        let found = linked(text, "European Commission", Kind::Agency);
        // The possessive is found; the Vice-President's title is not.
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[1].0, "Commission");
    }

    #[test]
    fn a_head_before_of_stands_for_the_whole_name() {
        let text =
            "The Texas Commission on Jail Standards said so. The Commission's report is due.";
        let found = linked(text, "Texas Commission on Jail Standards", Kind::Agency);
        assert_eq!(found.len(), 2);
        assert_eq!(
            found[1],
            (
                "Commission",
                "Texas Commission on Jail Standards".to_owned()
            )
        );
        let text = "The Texas Commission Archive said so. The Commission's report is due.";
        assert_eq!(
            linked(text, "Texas Commission Archive", Kind::Agency).len(),
            1
        );
    }

    #[test]
    fn a_name_a_rule_read_once_counts_wherever_it_is_used_again() {
        let text = "Pampa Play, a streaming service, said so. Later Pampa Play \
                    refused, and Pampa Play Holdings and New Pampa Play did not.";
        let mut mentions = vec![mention(text, "Pampa Play", Kind::Outlet, "Pampa Play")];
        let named = vec![mentions[0].range.clone()];
        repeat_rule_names(&Tokens::new(text), &mut mentions, &named);
        let found: Vec<usize> = mentions.iter().map(|m| m.range.start).collect();
        assert_eq!(found, [0, text.find("Later").unwrap() + 6]);
        // A name with a head is found by its rule wherever it is written:
        // it is not sought here.
        let headed = "Roswell Gazette said so. Later Roswell Gazette agreed.";
        let mut mentions = vec![mention(
            headed,
            "Roswell Gazette",
            Kind::Outlet,
            "Roswell Gazette",
        )];
        let named = vec![mentions[0].range.clone()];
        repeat_rule_names(&Tokens::new(headed), &mut mentions, &named);
        assert_eq!(mentions.len(), 1);
        // A name no rule read is not sought.
        let mut mentions = vec![mention(text, "Pampa Play", Kind::Outlet, "Pampa Play")];
        repeat_rule_names(&Tokens::new(text), &mut mentions, &[]);
        assert_eq!(mentions.len(), 1);
    }

    #[test]
    fn a_force_a_guard_or_a_centre_is_asked_for_by_its_head() {
        let text = "The Kestrel Border Force seized it. The Force said so.";
        let found = linked(text, "Kestrel Border Force", Kind::Agency);
        assert_eq!(found.len(), 2);
        let text = "The Kestrel Anticorruption Centre said so. The Centre agreed.";
        assert_eq!(
            linked(text, "Kestrel Anticorruption Centre", Kind::Agency).len(),
            2
        );
        // Without a body named with that head before, "the Centre" is none.
        let text = "The Kestrel Border Force seized it. The Centre agreed.";
        assert_eq!(linked(text, "Kestrel Border Force", Kind::Agency).len(), 1);
    }

    #[test]
    fn a_head_that_starts_a_longer_name_is_left_alone() {
        let text = "the European Commission; the Commission Vice-President spoke";
        let found = linked(text, "European Commission", Kind::Agency);
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn a_papers_last_word_stands_for_the_paper_named_before() {
        let text = "The Washington Post reported it. Later the Post said so, and the Post’s editor agreed.";
        let found = linked(text, "The Washington Post", Kind::Outlet);
        assert_eq!(
            found,
            [
                ("The Washington Post", "The Washington Post".to_owned()),
                ("Post", "The Washington Post".to_owned()),
                ("Post", "The Washington Post".to_owned())
            ]
        );
    }

    #[test]
    fn a_papers_last_word_needs_the_paper_first_and_no_name_after_it() {
        let text = "the Times Square crowd read The New York Times; the Times Square lights";
        assert_eq!(linked(text, "The New York Times", Kind::Outlet).len(), 1);
        let text = "the Post arrived before The Washington Post was founded";
        assert_eq!(linked(text, "The Washington Post", Kind::Outlet).len(), 1);
    }

    #[test]
    fn the_paper_named_in_full_wins_over_an_ambiguous_reading() {
        let text = "The New York Times reported it; the Times added more.";
        let start = text.rfind("Times").unwrap();
        let mut mentions = vec![
            mention(
                text,
                "The New York Times",
                Kind::Outlet,
                "The New York Times",
            ),
            Mention {
                range: start..start + 5,
                kind: Kind::Outlet,
                name: "The Times".to_owned(),
            },
        ];
        link(&Tokens::new(text), &mut mentions);
        assert_eq!(mentions[1].name, "The New York Times");
    }

    #[test]
    fn outlets_are_known_by_their_first_words() {
        let text = "Meridian Press Holdings bought it. Meridian said so; Meridian Bank did not.";
        let found = linked(text, "Meridian Press Holdings", Kind::Outlet);
        assert_eq!(found.len(), 2);
        assert_eq!(found[1], ("Meridian", "Meridian Press Holdings".to_owned()));
    }

    #[test]
    fn radio_names_drop_radio() {
        let text = "Radio Nour al-Sahel broadcasts. Nour al-Sahel said";
        let found = linked(text, "Radio Nour al-Sahel", Kind::Outlet);
        assert_eq!(found[1].0, "Nour al-Sahel");
    }

    #[test]
    fn a_short_form_must_be_distinctive() {
        let text = "Dutch Media Group said so. Dutch officials agreed.";
        let found = linked(text, "Dutch Media Group", Kind::Outlet);
        assert_eq!(found.len(), 1, "a nationality is no name");
    }

    /// [`link`] as a scan back over the mentions for every word and a try
    /// of every form at every word start.
    fn link_naively(tokens: &Tokens<'_>, mentions: &mut Vec<Mention>) {
        let mut added = paper_short_forms_naively(tokens, mentions);
        for i in 1..tokens.words.len() {
            // "the Commission", "The Commission's", "a Commission spokesman".
            let head = if tokens.is(i, class::ANAPHORIC_HEAD) {
                tokens.word(i)
            } else if tokens.ends_possessive(i)
                && anaphoric_head(without_possessive(tokens.word(i)))
            {
                without_possessive(tokens.word(i))
            } else {
                continue;
            };
            if !matches!(tokens.word(i - 1), "the" | "The" | "a" | "A") || !tokens.joined(i - 1) {
                continue;
            }
            let word = head;
            let range = tokens.words[i].range.start..tokens.words[i].range.start + word.len();
            if goes_on_as_a_longer_name(tokens, i) {
                continue;
            }
            let earlier = mentions
                .iter()
                .take_while(|m| m.range.end <= range.start)
                .filter(|m| head_of(&m.name) == Some(word))
                .last();
            if let Some(earlier) = earlier {
                added.push(Mention {
                    range,
                    kind: earlier.kind,
                    name: earlier.name.clone(),
                });
            }
        }
        let text = tokens.text;
        let forms = short_forms(mentions);
        if !forms.is_empty() {
            // Where each form's outlet was first named: no short form before.
            let first_uses: Vec<usize> = forms
                .iter()
                .map(|(_, name)| {
                    mentions
                        .iter()
                        .find(|m| m.name == *name)
                        .map_or(0, |m| m.range.end)
                })
                .collect();
            let mut first_bytes = [false; 256];
            for (short, _) in &forms {
                first_bytes[usize::from(short.as_bytes()[0])] = true;
            }
            // Names begin only where words do: look there, not at every byte,
            // and only where a form's first letter is.
            let bytes = text.as_bytes();
            for &at in &tokens.starts {
                if !first_bytes[usize::from(bytes[at])] {
                    continue;
                }
                for ((short, name), &first_use) in forms.iter().zip(&first_uses) {
                    if at < first_use || !bytes[at..].starts_with(short.as_bytes()) {
                        continue;
                    }
                    let range = at..at + short.len();
                    if !is_word_boundary(text, range.end) {
                        continue;
                    }
                    // "Meridian Bank" is another name; "Meridian" alone is the
                    // outlet.
                    let next_capitalised = text[range.end..]
                        .strip_prefix(' ')
                        .and_then(|rest| rest.chars().next())
                        .is_some_and(char::is_uppercase);
                    if !next_capitalised {
                        added.push(Mention {
                            range,
                            kind: Kind::Outlet,
                            name: name.clone(),
                        });
                    }
                }
            }
        }
        super::super::acronyms::add_disjoint(mentions, added);
    }

    fn paper_short_forms_naively(tokens: &Tokens<'_>, mentions: &mut [Mention]) -> Vec<Mention> {
        let text = tokens.text;
        let named = outlets_by_last_word(text, mentions);
        if named.is_empty() {
            return Vec::new();
        }
        let mut added = Vec::new();
        for i in 1..tokens.words.len() {
            // Cheap tests first: this runs for every word.
            if tokens.words[i - 1].range.len() != 3
                || !tokens.joined(i - 1)
                || !matches!(tokens.word(i - 1), "the" | "The")
            {
                continue;
            }
            if !tokens.is_capitalised(i)
                || tokens.is(i, class::STOP | class::CALENDAR | class::GENERIC)
            {
                continue;
            }
            // "the Times Square": part of a longer name.
            if i + 1 < tokens.words.len() && tokens.joined(i) && tokens.is_capitalised(i + 1) {
                continue;
            }
            let word = without_possessive(tokens.word(i));
            let start = tokens.words[i].range.start;
            let name_ends_with = |at: usize| {
                mentions[at]
                    .name
                    .rsplit_once(' ')
                    .is_some_and(|(_, last)| without_possessive(last) == word)
            };
            let Some(&(_, _, from)) = named
                .iter()
                .rfind(|&&(end, last, at)| end <= start && (last == word || name_ends_with(at)))
            else {
                continue;
            };
            let name = mentions[from].name.clone();
            let range = start..start + word.len();
            let at = mentions.partition_point(|m| m.range.end <= range.start);
            match mentions.get_mut(at) {
                Some(existing) if existing.range == range => {
                    if existing.kind == Kind::Outlet {
                        existing.name = name;
                    }
                }
                Some(existing) if existing.range.start < range.end => {}
                _ => added.push(Mention {
                    range,
                    kind: Kind::Outlet,
                    name,
                }),
            }
        }
        added
    }

    /// A piece of text, with the mentions in it as (offset, length, kind,
    /// name).
    type Piece = (&'static str, Option<(usize, usize, Kind, &'static str)>);

    const PIECES: &[Piece] = &[
        (
            "The New York Times",
            Some((0, 18, Kind::Outlet, "The New York Times")),
        ),
        (
            "The Washington Post",
            Some((0, 19, Kind::Outlet, "The Washington Post")),
        ),
        ("the Times", Some((4, 5, Kind::Outlet, "The Times"))),
        (
            "Meridian Press Holdings",
            Some((0, 23, Kind::Outlet, "Meridian Press Holdings")),
        ),
        (
            "Meridian Press",
            Some((0, 14, Kind::Outlet, "Meridian Press Ltd")),
        ),
        (
            "Radio Nour al-Sahel",
            Some((0, 19, Kind::Outlet, "Radio Nour al-Sahel")),
        ),
        (
            "European Commission",
            Some((0, 19, Kind::Agency, "European Commission")),
        ),
        (
            "Kestrel Commission",
            Some((0, 18, Kind::Agency, "Kestrel Commission")),
        ),
        ("Heron Times", Some((0, 11, Kind::Outlet, "Heron Times"))),
        ("Heron Times", Some((0, 11, Kind::Outlet, "Heron Daily"))),
        ("the Daily", None),
        ("the Times", None),
        ("the Times Square", None),
        ("the Post’s", None),
        ("the Commission", None),
        ("The Commission's", None),
        ("a Commission spokesman", None),
        ("Meridian", None),
        ("Meridian's", None),
        ("Meridian Bank", None),
        ("Meridian Press", None),
        ("Nour al-Sahel", None),
        ("Nour al-", None),
        ("said", None),
        (".", None),
    ];

    /// Pieces joined by spaces, and their mentions.
    fn article() -> impl Strategy<Value = (String, Vec<Mention>)> {
        proptest::collection::vec(proptest::sample::select(PIECES), 0..30).prop_map(|pieces| {
            let mut text = String::new();
            let mut mentions = Vec::new();
            for (piece, found) in pieces {
                if !text.is_empty() {
                    text.push(' ');
                }
                if let Some((offset, len, kind, name)) = found {
                    let start = text.len() + offset;
                    mentions.push(Mention {
                        range: start..start + len,
                        kind,
                        name: name.to_owned(),
                    });
                }
                text.push_str(piece);
            }
            (text, mentions)
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn short_forms_are_those_a_scan_of_every_mention_and_form_finds(
            (text, mentions) in article()
        ) {
            let tokens = Tokens::new(&text);
            let mut fast = mentions.clone();
            link(&tokens, &mut fast);
            let mut naive = mentions;
            link_naively(&tokens, &mut naive);
            prop_assert_eq!(fast, naive, "{}", text);
        }
    }

    #[test]
    fn a_form_of_too_many_pieces_is_not_sought_but_a_long_real_one_is() {
        let long = vec!["Aa"; 40].join("-");
        let text = format!("{long} Media Group bought it. {long} said. {long}");
        let found = linked(&text, &format!("{long} Media Group"), Kind::Outlet);
        assert_eq!(found.len(), 1, "79 pieces");
        let text = "Nour al-Sahel Kestrel Heron Lagoon Estuary Media Group said. \
                    Nour al-Sahel Kestrel Heron Lagoon Estuary said.";
        let found = linked(
            text,
            "Nour al-Sahel Kestrel Heron Lagoon Estuary Media Group",
            Kind::Outlet,
        );
        assert_eq!(found.len(), 2);
    }

    #[test]
    fn short_forms_are_not_sought_before_the_full_name() {
        let text = "Coastline grew. Coastline Radio Network was sold.";
        let found = linked(text, "Coastline Radio Network", Kind::Outlet);
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn a_head_after_a_word_other_than_an_article_is_no_short_form() {
        let text = "The European Commission fined it. Kestrel’s own Commission disagreed.";
        assert_eq!(linked(text, "European Commission", Kind::Agency).len(), 1);
    }

    #[test]
    fn a_head_stands_for_the_body_named_last_with_it() {
        let text = "the European Commission and the Kestrel Commission met; the Commission left.";
        let mut mentions = vec![
            mention(
                text,
                "European Commission",
                Kind::Agency,
                "European Commission",
            ),
            mention(
                text,
                "Kestrel Commission",
                Kind::Agency,
                "Kestrel Commission",
            ),
        ];
        link(&Tokens::new(text), &mut mentions);
        assert_eq!(mentions.len(), 3);
        assert_eq!(mentions[2].name, "Kestrel Commission");
    }

    #[test]
    fn a_papers_last_word_stands_for_the_paper_named_last() {
        let text = "The Washington Post and The Jerusalem Post ran it. Later the Post said so.";
        let mut mentions = vec![
            mention(
                text,
                "The Washington Post",
                Kind::Outlet,
                "The Washington Post",
            ),
            mention(
                text,
                "The Jerusalem Post",
                Kind::Outlet,
                "The Jerusalem Post",
            ),
        ];
        link(&Tokens::new(text), &mut mentions);
        assert_eq!(mentions.len(), 3);
        assert_eq!(mentions[2].name, "The Jerusalem Post");
    }
}
