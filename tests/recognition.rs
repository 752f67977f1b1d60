//! Recognition quality on the hand-labelled articles: a regression guard
//! for the figures in docs/recognition.md.

use std::fs;
use std::path::Path;

use newsdesk::entities::Recogniser;
use newsdesk::entities::score::{Labelled, Scores};

fn score(dir: &str) -> (Scores, usize) {
    let recogniser = Recogniser::builtin().expect("the built-in gazetteer builds");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut scores = Scores::default();
    let mut words = 0;
    // Articles are the .txt files; a README beside them is not one.
    let mut paths: Vec<_> = fs::read_dir(&dir)
        .expect("the labelled set is there")
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    paths.sort();
    for path in &paths {
        let marked = fs::read_to_string(path).expect("readable file");
        let body = marked.split_once("\n\n").map_or("", |(_, body)| body);
        let labelled =
            Labelled::parse(body).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        words += labelled.text.split_whitespace().count();
        scores.add(&labelled.mentions, &recogniser.recognise(&labelled.text));
    }
    (scores, words)
}

#[test]
fn development_set_is_large_enough_and_scores_at_least_0_90_per_kind() {
    let (scores, words) = score("tests/devset");
    assert!(words >= 15_000, "{words} words");
    assert!(
        fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/devset"))
            .unwrap()
            .count()
            >= 40
    );
    for (kind, counts) in [("agency", scores.agency), ("outlet", scores.outlet)] {
        let f1 = counts.overlap().f1;
        assert!(f1 >= 0.90, "{kind}: overlap F1 {f1:.3}\n{scores}");
    }
}

/// Fails if any kind's overlap F1 (or both kinds' together) is below its
/// floor.
#[track_caller]
fn assert_floors(set: &str, scores: &Scores, floors: [f64; 3]) {
    let [agency, outlet, both] = floors;
    for (kind, counts, floor) in [
        ("agency", scores.agency, agency),
        ("outlet", scores.outlet, outlet),
        ("both", scores.all(), both),
    ] {
        let f1 = counts.overlap().f1;
        assert!(
            f1 >= floor,
            "{set}, {kind}: overlap F1 {f1:.3} below {floor}\n{scores}"
        );
    }
}

#[test]
fn held_out_set_meets_the_targets() {
    // Never tuned on. The targets of issue 12: agency 0.95, outlet 0.92,
    // both 0.93; measured 0.969, 0.939 and 0.957.
    let (scores, _) = score("tests/heldout");
    assert_floors("tests/heldout", &scores, [0.95, 0.92, 0.93]);
}

#[test]
fn second_held_out_set_meets_the_targets() {
    // Written before any rule change (tests/heldout2/README.md), never
    // tuned on. The same targets; measured 0.951 for agencies (one
    // labelled agency above the floor), 0.960 for outlets, 0.957 for both.
    let (scores, words) = score("tests/heldout2");
    assert!(words >= 18_000, "{words} words");
    let labelled = scores.all().labelled;
    assert!(labelled >= 300, "{labelled} labelled mentions");
    assert_floors("tests/heldout2", &scores, [0.95, 0.92, 0.93]);
}

#[test]
fn a_seat_of_government_named_for_the_government_is_no_agency() {
    let recogniser = Recogniser::builtin().expect("the built-in gazetteer builds");
    let text = "The Kremlin said talks would go on, Downing Street said they would not, \
                and at Holyrood the Scottish Parliament debated it.";
    let found: Vec<&str> = recogniser
        .recognise(text)
        .iter()
        .map(|m| &text[m.range.clone()])
        .collect();
    assert_eq!(found, ["Scottish Parliament"]);
}

#[test]
fn a_given_name_written_before_a_surname_is_that_person_elsewhere() {
    let recogniser = Recogniser::builtin().expect("the built-in gazetteer builds");
    let outlets = |text: &str| -> Vec<String> {
        recogniser
            .recognise(text)
            .iter()
            .map(|m| text[m.range.clone()].to_owned())
            .collect()
    };
    let text = "Max Ranjit is a reporter for the Roswell Gazette. \
                Max got an internship at a radio station and worked as a reporter.";
    assert!(
        !outlets(text).iter().any(|m| m == "Max"),
        "{:?}",
        outlets(text)
    );
    let text = "The streaming service Max reported record subscribers. Max aired the final.";
    assert_eq!(
        outlets(text).iter().filter(|m| *m == "Max").count(),
        2,
        "{:?}",
        outlets(text)
    );
}
