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

#[test]
fn held_out_set_does_not_regress() {
    // Never tuned on: the bar is what it scored when first measured, less
    // a margin, so that only a real regression fails here.
    let (scores, _) = score("tests/heldout");
    for (kind, counts, floor) in [
        ("agency", scores.agency, 0.93),
        ("outlet", scores.outlet, 0.85),
    ] {
        let f1 = counts.overlap().f1;
        assert!(
            f1 >= floor,
            "{kind}: overlap F1 {f1:.3} below {floor}\n{scores}"
        );
    }
}
