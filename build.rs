//! Build script: digests the recogniser's source for the cache's key
//! (`src/cache/source_digest.rs`).

#[path = "src/cache/source_digest.rs"]
mod source_digest;

fn main() {
    println!("cargo::rerun-if-changed=src/entities");
    println!("cargo::rerun-if-changed=src/entities.rs");
    println!("cargo::rerun-if-changed=src/cache/source_digest.rs");
    let root = std::path::PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"),
    );
    let digest = source_digest::digest(&root).expect("the recogniser's source is readable");
    println!("cargo::rustc-env=NEWSDESK_RECOGNISER_DIGEST={digest:016x}");
}
