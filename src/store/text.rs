//! Plain-text articles: the first non-empty line is the title, the rest the body.

use super::Article;

/// Reads one article from a text file's contents.
pub(super) fn parse_article(text: &str) -> Article {
    let text = text.trim_start_matches(['\n', '\r', ' ', '\t']);
    let (title, body) = text.split_once('\n').unwrap_or((text, ""));
    let body = body.trim_start_matches(['\n', '\r']).trim_end();
    Article::new(title.trim(), body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_non_empty_line_is_the_title() {
        let article = parse_article("\n\n  Headline here \r\n\r\nFirst paragraph.\n\nSecond.\n");
        assert_eq!(article.title, "Headline here");
        assert_eq!(article.body, "First paragraph.\n\nSecond.");
    }

    #[test]
    fn title_only_file_has_empty_body() {
        let article = parse_article("Only a title");
        assert_eq!(article.title, "Only a title");
        assert_eq!(article.body, "");
    }

    #[test]
    fn empty_file_gives_an_empty_article() {
        let article = parse_article("");
        assert_eq!((article.title.as_str(), &*article.body.text()), ("", ""));
    }
}
