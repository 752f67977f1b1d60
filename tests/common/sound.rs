//! What a load of any input must give, as the fuzz targets and the tests
//! that replay their finds check it: an error is one line naming the file;
//! every article has an id and a title or a body.

use newsdesk::store::{Store, StoreError};

/// Panics unless `loaded` (the load of the file `name`) is sound.
#[track_caller]
pub fn assert_sound(name: &str, loaded: &Result<Store, StoreError>) {
    match loaded {
        Ok(store) => {
            for article in &store.articles {
                assert!(!article.id.is_empty(), "an article without an id");
                assert!(
                    !(article.title.is_empty() && article.body.is_empty()),
                    "an article without a title or a body"
                );
            }
        }
        Err(err) => {
            let message = err.to_string();
            assert!(message.contains(name), "{message}");
            assert!(!message.contains('\n'), "{message:?}");
        }
    }
}
