//! The README's key tables are the reader's key tables.

use newsdesk::keymap::{self, Binding};

fn rows(table: &[Binding]) -> Vec<String> {
    keymap::grouped(table)
        .into_iter()
        .map(|(keys, action)| {
            let keys: Vec<String> = keys.split(' ').map(|k| format!("`{k}`")).collect();
            format!(
                "| {} | {} | `{}` |",
                keys.join(" "),
                action.description(),
                action.name().unwrap_or_default()
            )
        })
        .collect()
}

#[test]
fn readme_lists_every_key_binding() {
    let readme = include_str!("../README.md");
    for row in rows(keymap::NORMAL).into_iter().chain(rows(keymap::FIND)) {
        assert!(readme.contains(&row), "README.md lacks the row {row}");
    }
}

#[test]
#[ignore = "prints the README's key tables, for copying"]
fn print_the_key_tables() {
    for row in rows(keymap::NORMAL) {
        println!("{row}");
    }
    println!();
    for row in rows(keymap::FIND) {
        println!("{row}");
    }
}
