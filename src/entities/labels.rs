//! The kind and name of every mention while the acronyms a text defines
//! are applied one after another ([`super::acronyms`]).
//!
//! A definition does one of two things: it gives its kind and name to
//! every mention written as its acronym, or (a description defined by a
//! known acronym) it renames every mention that bears a name to what
//! another mention is called at that moment. Done on the mentions
//! themselves, each step reads them all, and a long article that defines
//! thousands of acronyms is read thousands of times over.
//!
//! Here mentions with the same kind and name share a group, so that a
//! renaming joins groups (a union-find forest) instead of visiting
//! mentions; and the mentions written as one acronym move together, so
//! that giving them a name again points them at another group. Each step
//! costs about the same however long the article is; the mentions are
//! written once, at the end.

use std::collections::HashMap;

use foldhash::fast::RandomState;

use super::{Kind, Mention};

/// A label: a kind and the index of a name.
type Label = (Kind, usize);

/// Kinds and names of mentions, changed by acronym definitions.
pub struct Labels<'n> {
    /// Every name seen, by index.
    names: Vec<&'n str>,
    name_index: HashMap<&'n str, usize, RandomState>,
    /// The forest of groups: a group's parent, itself at a root.
    parent: Vec<usize>,
    /// The label of each group; only roots' labels count.
    label: Vec<Label>,
    /// The root group that holds each label in use.
    holder: HashMap<Label, usize, RandomState>,
    /// Each mention's place: its own at first, shared by the mentions
    /// written as one acronym once that acronym is defined.
    place_of: Vec<usize>,
    /// The group each place is in.
    group_of_place: Vec<usize>,
    /// The place of each acronym's mentions, once made.
    place_of_acronym: Vec<Option<usize>>,
}

impl<'n> Labels<'n> {
    /// The labels of `mentions` as they are, for `acronyms` acronyms.
    pub fn new(mentions: &'n [Mention], acronyms: usize) -> Self {
        let mut labels = Self {
            names: Vec::new(),
            name_index: HashMap::default(),
            parent: Vec::new(),
            label: Vec::new(),
            holder: HashMap::default(),
            place_of: (0..mentions.len()).collect(),
            group_of_place: Vec::with_capacity(mentions.len()),
            place_of_acronym: vec![None; acronyms],
        };
        for mention in mentions {
            let name = labels.name(&mention.name);
            let group = labels.group((mention.kind, name));
            labels.group_of_place.push(group);
        }
        labels
    }

    /// The index of `name`, added if new.
    fn name(&mut self, name: &'n str) -> usize {
        *self.name_index.entry(name).or_insert_with(|| {
            self.names.push(name);
            self.names.len() - 1
        })
    }

    /// The root group holding `label`, made if no group holds it.
    fn group(&mut self, label: Label) -> usize {
        *self.holder.entry(label).or_insert_with(|| {
            self.parent.push(self.parent.len());
            self.label.push(label);
            self.parent.len() - 1
        })
    }

    /// The root of `group`, shortening the path to it.
    fn root(&mut self, group: usize) -> usize {
        let mut root = group;
        while self.parent[root] != root {
            root = self.parent[root];
        }
        let mut at = group;
        while self.parent[at] != root {
            let next = self.parent[at];
            self.parent[at] = root;
            at = next;
        }
        root
    }

    /// The kind and name of mention `at` now.
    fn label_of(&mut self, at: usize) -> Label {
        let group = self.group_of_place[self.place_of[at]];
        let root = self.root(group);
        self.label[root]
    }

    /// Gives `kind` and `name` to the mentions written as acronym
    /// `acronym`: `written` lists them, and is asked only the first time.
    pub fn assign(
        &mut self,
        acronym: usize,
        written: impl FnOnce() -> Vec<usize>,
        kind: Kind,
        name: &'n str,
    ) {
        let place = if let Some(place) = self.place_of_acronym[acronym] {
            place
        } else {
            let place = self.group_of_place.len();
            self.group_of_place.push(0);
            for at in written() {
                self.place_of[at] = place;
            }
            self.place_of_acronym[acronym] = Some(place);
            place
        };
        let name = self.name(name);
        self.group_of_place[place] = self.group((kind, name));
    }

    /// Gives every mention called `name`, of either kind, the kind and name
    /// mention `known` has now.
    pub fn rename(&mut self, name: &str, known: usize) {
        // A name no mention has ever had has no mentions to rename.
        let Some(&name) = self.name_index.get(name) else {
            return;
        };
        let target = self.label_of(known);
        let target = self.group(target);
        for kind in [Kind::Agency, Kind::Outlet] {
            if let Some(&group) = self.holder.get(&(kind, name))
                && group != target
            {
                self.parent[group] = target;
                self.holder.remove(&(kind, name));
            }
        }
    }

    /// The mentions whose kind or name changed, with what they are now.
    pub fn changed(mut self, mentions: &[Mention]) -> Vec<(usize, Kind, String)> {
        (0..mentions.len())
            .filter_map(|at| {
                let (kind, name) = self.label_of(at);
                let name = self.names[name];
                (kind != mentions[at].kind || name != mentions[at].name)
                    .then(|| (at, kind, name.to_owned()))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(at: usize, kind: Kind, name: &str) -> Mention {
        Mention {
            range: at..at + 1,
            kind,
            name: name.to_owned(),
        }
    }

    #[test]
    fn a_renaming_reaches_every_mention_of_the_name_and_no_other() {
        let mentions = [
            mention(0, Kind::Agency, "Kestrel Office"),
            mention(2, Kind::Outlet, "Kestrel Office"),
            mention(4, Kind::Agency, "Heron Bureau"),
            mention(6, Kind::Outlet, "Heron Times"),
        ];
        let mut labels = Labels::new(&mentions, 0);
        labels.rename("Kestrel Office", 1);
        assert_eq!(
            labels.changed(&mentions),
            [(0, Kind::Outlet, "Kestrel Office".to_owned())]
        );
        let mut labels = Labels::new(&mentions, 0);
        labels.rename("Kestrel Office", 1);
        labels.rename("Kestrel Office", 1);
        labels.rename("Heron Times", 0);
        labels.rename("Nowhere", 0);
        assert_eq!(
            labels.changed(&mentions),
            [
                (0, Kind::Outlet, "Kestrel Office".to_owned()),
                (3, Kind::Outlet, "Kestrel Office".to_owned())
            ]
        );
    }

    #[test]
    fn mentions_given_a_name_leave_their_group_and_are_renamed_with_the_new_one() {
        let mentions = [
            mention(0, Kind::Agency, "Kestrel Office"),
            mention(2, Kind::Agency, "KO"),
            mention(4, Kind::Agency, "KO"),
            mention(6, Kind::Outlet, "Heron Times"),
        ];
        let mut labels = Labels::new(&mentions, 1);
        labels.assign(0, || vec![2], Kind::Outlet, "Heron Times");
        labels.rename("KO", 0);
        // Mention 2 is called "Heron Times" now: renaming "KO" passes it by,
        // renaming "Heron Times" does not.
        labels.rename("Heron Times", 0);
        assert_eq!(
            labels.changed(&mentions),
            [
                (1, Kind::Agency, "Kestrel Office".to_owned()),
                (2, Kind::Agency, "Kestrel Office".to_owned()),
                (3, Kind::Agency, "Kestrel Office".to_owned())
            ]
        );
        let mut labels = Labels::new(&mentions, 1);
        labels.assign(0, || vec![1, 2], Kind::Outlet, "Heron Times");
        labels.assign(
            0,
            || unreachable!("asked once"),
            Kind::Agency,
            "Kestrel Office",
        );
        labels.rename("Kestrel Office", 3);
        assert_eq!(
            labels.changed(&mentions),
            [
                (0, Kind::Outlet, "Heron Times".to_owned()),
                (1, Kind::Outlet, "Heron Times".to_owned()),
                (2, Kind::Outlet, "Heron Times".to_owned())
            ]
        );
    }
}
