//! How a feed-rs entry becomes the fields of an article:
//! - `title` from `entry.title` (`title`);
//! - `body` from `entry.content` (`content:encoded`, Atom `content`), else
//!   `entry.summary` (`description`, in RSS 1.0 also `dc:description`, Atom
//!   `summary`), else the first `entry.media[].description`
//!   (`media:description`, `itunes:summary`);
//! - `author` from the names in `entry.authors` (`author`, `dc:creator`,
//!   Atom `author`), else in `feed.authors`, which Atom says stand for every
//!   entry without its own;
//! - `published` from `entry.published` (`pubDate`, `dc:date`, Atom
//!   `published`), else `entry.updated` (Atom `updated`);
//! - `url` from the first alternate link in `entry.links` (`link`, Atom
//!   `link rel="alternate"`), else for Atom the first link, else for RSS a
//!   `guid` that is a web address;
//! - `tags` from `entry.categories`, the label or else the term.
//!
//! Text that the file marks as HTML (Atom `type="html"` or `"xhtml"`,
//! `content:encoded`, `media:description type="html"`) is turned into plain
//! text, and so is any body text that looks like HTML. feed-rs marks every
//! RSS `description` HTML whatever it holds, so there only its looks decide,
//! and plain text keeps its line breaks. Titles are converted only when
//! marked HTML.

use feed_rs::model::{Entry, Feed, Link, Person, Text};

use crate::store::html::{inline_to_text, looks_like_html, to_text};

/// How a text is marked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Markup {
    Plain,
    Html,
}

/// The markup a media type names: HTML for `text/html` and XHTML (which
/// feed-rs calls `application/xhtml`).
fn markup_of(media_type: &str) -> Markup {
    let essence = essence(media_type);
    if ["text/html", "application/xhtml", "application/xhtml+xml"]
        .iter()
        .any(|html| essence.eq_ignore_ascii_case(html))
    {
        Markup::Html
    } else {
        Markup::Plain
    }
}

/// A media type without its parameters (`text/html; charset=utf-8` is
/// `text/html`).
fn essence(media_type: &str) -> &str {
    media_type.split(';').next().unwrap_or_default().trim()
}

/// HTML when the file says so, or when the text looks like it.
fn sniffed(text: &str, declared: Markup) -> Markup {
    if declared == Markup::Html || looks_like_html(text) {
        Markup::Html
    } else {
        Markup::Plain
    }
}

/// A title (of an entry or a feed) and its markup, which only a type the
/// file gives makes HTML.
fn chosen_title(title: &Text) -> (&str, Markup) {
    (&title.content, markup_of(title.content_type.as_str()))
}

/// The plain text of a title (of an entry or a feed).
pub(super) fn title_text(title: &Text) -> String {
    match chosen_title(title) {
        (text, Markup::Html) => inline_to_text(text).trim().to_owned(),
        // Feeds often escape an HTML entity once more than the title
        // needs (`&amp;#8217;`): a reference left after XML's own is read.
        (text, Markup::Plain) if text.contains('&') => inline_to_text(text).trim().to_owned(),
        (text, Markup::Plain) => text.trim().to_owned(),
    }
}

/// The text that becomes an entry's body, and its markup: the full content,
/// else the summary, else the first media description.
fn chosen_body(entry: &Entry, atom: bool) -> Option<(&str, Markup)> {
    let filled = |text: &str| !text.trim().is_empty();
    let content = entry.content.as_ref().and_then(|content| {
        let text = content.body.as_deref().filter(|t| filled(t))?;
        let media_type = content.content_type.as_str();
        let essence = essence(media_type);
        // Atom content of another type (an image in base64, an XML
        // document) is not text to read.
        let text_like = essence
            .get(..5)
            .is_some_and(|t| t.eq_ignore_ascii_case("text/"));
        let xml = essence.eq_ignore_ascii_case("text/xml");
        let declared = markup_of(media_type);
        ((text_like && !xml) || declared == Markup::Html).then(|| (text, sniffed(text, declared)))
    });
    let summary = || {
        let summary = entry.summary.as_ref().filter(|s| filled(&s.content))?;
        // feed-rs marks every RSS description HTML, which says nothing.
        let declared = if atom {
            markup_of(summary.content_type.as_str())
        } else {
            Markup::Plain
        };
        Some((
            summary.content.as_str(),
            sniffed(&summary.content, declared),
        ))
    };
    let media = || {
        let text = entry
            .media
            .iter()
            .filter_map(|media| media.description.as_ref())
            .find(|text| filled(&text.content))?;
        let declared = markup_of(text.content_type.as_str());
        Some((text.content.as_str(), sniffed(&text.content, declared)))
    };
    content.or_else(summary).or_else(media)
}

/// The plain text of an entry's body; empty when it has none.
pub(super) fn body_text(entry: &Entry, atom: bool) -> String {
    match chosen_body(entry, atom) {
        Some((text, Markup::Html)) => to_text(text).trim().to_owned(),
        Some((text, Markup::Plain)) => text.trim().to_owned(),
        None => String::new(),
    }
}

/// The names of the entry's authors (else of the feed's, which Atom says
/// stand for every entry without its own), each once.
pub(super) fn author(entry: &Entry, feed: &Feed) -> Option<String> {
    let people = if entry.authors.is_empty() {
        &feed.authors
    } else {
        &entry.authors
    };
    let mut names: Vec<String> = Vec::new();
    for name in people.iter().filter_map(person_name) {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    (!names.is_empty()).then(|| names.join(", "))
}

/// A person's name, else their e-mail address. RSS writes `author` as
/// `address (Name)`, which feed-rs splits leaving the brackets on the name.
fn person_name(person: &Person) -> Option<String> {
    let trimmed = |s: &Option<String>| {
        s.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    let email = trimmed(&person.email);
    let Some(name) = trimmed(&person.name) else {
        return email;
    };
    if email.is_none() {
        return Some(name);
    }
    let bare = name
        .strip_prefix('(')
        .and_then(|n| n.strip_suffix(')'))
        .map_or(name.as_str(), str::trim);
    Some(bare)
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
        .or(email)
}

/// Seconds since the epoch of the entry's publication, else of its last
/// update; feed-rs leaves out a date it cannot read.
pub(super) fn published_seconds(entry: &Entry) -> Option<i64> {
    entry.published.or(entry.updated).map(|t| t.timestamp())
}

/// The page of the entry: its alternate link (in RSS, `link`; comment links
/// are left out), else for Atom its first link, else for RSS a `guid` that
/// is a web address (RSS takes a `guid` for a permalink unless told not to,
/// which feed-rs does not keep).
pub(super) fn entry_url(entry: &Entry, atom: bool, own_id: Option<&str>) -> Option<String> {
    let links = || entry.links.iter().filter(|link| !link.href.is_empty());
    let alternate = |link: &&Link| {
        link.target.is_none()
            && link
                .rel
                .as_deref()
                .is_none_or(|rel| rel.eq_ignore_ascii_case("alternate"))
    };
    let link = links().find(alternate);
    let link = if atom {
        link.or_else(|| links().next())
    } else {
        link
    };
    match link {
        Some(link) => Some(link.href.clone()),
        None if !atom => own_id.filter(|id| is_web_address(id)).map(str::to_owned),
        None => None,
    }
}

/// Whether `text` is an `http` or `https` address.
fn is_web_address(text: &str) -> bool {
    let scheme = |s: &str| {
        text.get(..s.len())
            .is_some_and(|t| t.eq_ignore_ascii_case(s))
    };
    (scheme("http://") || scheme("https://")) && !text.contains(char::is_whitespace)
}

/// Category labels (else terms), trimmed, each once.
pub(super) fn tags(entry: &Entry) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for category in &entry.categories {
        let label = category.label.as_deref().map(str::trim);
        let tag = label
            .filter(|l| !l.is_empty())
            .unwrap_or(category.term.trim());
        if !tag.is_empty() && !tags.iter().any(|t| t == tag) {
            tags.push(tag.to_owned());
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::feed::fixtures::{articles, atom, entries, rss2};
    use crate::store::{Published, derived_id};

    #[test]
    fn rss_092_items_without_title_keep_their_description_and_take_a_title_from_it() {
        let text = r#"<rss version="0.92"><channel><title>Night Shift Radio</title>
<item><description>&lt;p&gt;Tonight: the lighthouse keepers.&lt;/p&gt;</description>
<category domain="http://radio.example/topics">Coast</category>
<enclosure url="http://radio.example/ep1.mp3" length="12" type="audio/mpeg"/></item>
</channel></rss>"#;
        let [show] = &articles(text)[..] else {
            panic!("one article")
        };
        assert_eq!(
            show.body,
            to_text("<p>Tonight: the lighthouse keepers.</p>")
        );
        assert_eq!(
            show.title,
            crate::store::convert::title_from(&show.body.text())
        );
        assert_eq!(show.tags, ["Coast"]);
        assert_eq!(show.source.as_deref(), Some("Night Shift Radio"));
        assert_eq!(show.url, None, "an enclosure is not the page");
        let entries = entries(text);
        assert_eq!(
            chosen_body(&entries[0], false),
            Some(("<p>Tonight: the lighthouse keepers.</p>", Markup::Html))
        );
    }

    const RSS_10: &str = r#"<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://lab.example/rss">
<title>Lab Notes</title><link>https://lab.example/</link><description>Bench work</description>
<items><rdf:Seq><rdf:li resource="https://lab.example/fusion"/></rdf:Seq></items>
</channel>
<item rdf:about="https://lab.example/fusion">
<title>Cold fusion, one more time</title>
<link>https://lab.example/fusion</link>
<description>A second look at the numbers.</description>
<dc:date>2024-03-01T09:30:00+01:00</dc:date>
<dc:creator>Ines Varga</dc:creator>
</item>
<item rdf:about="https://lab.example/orphan"><title>No link here</title></item>
</rdf:RDF>"#;

    #[test]
    fn rss_10_reads_dublin_core_date_and_creator() {
        let [fusion] = &articles(RSS_10)[..] else {
            panic!("feed-rs leaves out the item without a link")
        };
        assert_eq!(fusion.title, "Cold fusion, one more time");
        assert_eq!(fusion.body, "A second look at the numbers.");
        assert_eq!(fusion.author.as_deref(), Some("Ines Varga"));
        assert_eq!(fusion.source.as_deref(), Some("Lab Notes"));
        assert_eq!(
            fusion.id,
            derived_id(Some("https://lab.example/fusion"), "", "")
        );
        assert_eq!(published_seconds(&entries(RSS_10)[0]), Some(1_709_281_800));
    }

    #[test]
    fn content_encoded_is_the_body_and_is_html() {
        let html = "<p>The <b>ferry</b> is back.</p><p>Timetables <a href=\"https://gazette.example/t\">here</a>.</p>";
        let text = rss2(&format!(
            "<item><title>Ferry back</title><description>Short teaser</description>\
             <content:encoded><![CDATA[{html}]]></content:encoded></item>"
        ));
        assert_eq!(
            chosen_body(&entries(&text)[0], false),
            Some((html, Markup::Html))
        );
        assert_eq!(articles(&text)[0].body, to_text(html).trim());
    }

    #[test]
    fn a_plain_description_keeps_its_line_breaks() {
        let text = rss2(
            "<item><title>Tides</title><description>High at six.\n\nLow at noon.</description></item>",
        );
        assert_eq!(
            chosen_body(&entries(&text)[0], false),
            Some(("High at six.\n\nLow at noon.", Markup::Plain))
        );
        assert_eq!(articles(&text)[0].body, "High at six.\n\nLow at noon.");
    }

    #[test]
    fn authors_come_from_author_and_dc_creator_each_once() {
        let text = rss2(
            "<item><title>Quay works</title>\
             <author>desk@gazette.example (Mara Quint)</author>\
             <dc:creator>Tomas Irving</dc:creator><dc:creator>Mara Quint</dc:creator></item>\
             <item><title>Letters</title><author>letters@gazette.example</author></item>\
             <item><title>Nobody's</title></item>",
        );
        let authors: Vec<_> = articles(&text).into_iter().map(|a| a.author).collect();
        assert_eq!(
            authors,
            [
                Some("Mara Quint, Tomas Irving".to_owned()),
                Some("letters@gazette.example".to_owned()),
                None
            ]
        );
    }

    #[test]
    fn categories_become_tags_trimmed_and_each_once() {
        let text = rss2(
            "<item><title>Storm</title><category> Harbour </category><category>Weather</category>\
             <category>Harbour</category><category>  </category>\
             <category domain=\"https://gazette.example/t\">Ferries</category></item>",
        );
        assert_eq!(articles(&text)[0].tags, ["Harbour", "Weather", "Ferries"]);
    }

    #[test]
    fn rfc_2822_dates_with_offset_gmt_and_us_zones_are_read_and_others_dropped() {
        let dates = [
            "Mon, 03 Nov 2025 07:15:00 +0000",
            "Mon, 03 Nov 2025 14:00:00 GMT",
            "Tue, 04 Nov 2025 09:00:00 EST",
            "Tue, 04 Nov 2025 15:00:00 CET",
            "the fourth of November",
        ];
        let items = dates.map(|d| format!("<item><title>{d}</title><pubDate>{d}</pubDate></item>"));
        let text = rss2(&items.concat());
        let seconds: Vec<_> = entries(&text).iter().map(published_seconds).collect();
        assert_eq!(
            seconds,
            [
                Some(1_762_154_100),
                Some(1_762_178_400),
                Some(1_762_264_800),
                None,
                None
            ]
        );
        let published: Vec<_> = articles(&text).into_iter().map(|a| a.published).collect();
        let expected: Vec<_> = seconds
            .iter()
            .map(|s| s.and_then(|s| Published::from_unix(s).ok()))
            .collect();
        assert_eq!(published, expected);
    }

    #[test]
    fn a_link_only_item_has_an_empty_body() {
        let text = rss2(
            "<item><title>Photos: the regatta</title>\
             <link>https://gazette.example/regatta</link></item>",
        );
        let [regatta] = &articles(&text)[..] else {
            panic!("one article")
        };
        assert_eq!(regatta.title, "Photos: the regatta");
        assert_eq!(regatta.body, "");
        assert_eq!(
            regatta.url.as_deref(),
            Some("https://gazette.example/regatta")
        );
    }

    #[test]
    fn a_guid_is_the_id_and_a_web_guid_stands_in_for_a_missing_link() {
        let text = rss2(
            "<item><title>Pier</title><guid isPermaLink=\"true\">https://gazette.example/pier</guid></item>\
             <item><title>Crane</title><guid isPermaLink=\"false\">gazette-4411</guid>\
             <comments>https://gazette.example/crane#comments</comments></item>\
             <item><title>Lock</title><guid> lock-7 </guid><link>https://gazette.example/lock</link></item>",
        );
        let got: Vec<_> = articles(&text).into_iter().map(|a| (a.id, a.url)).collect();
        let pier = "https://gazette.example/pier".to_owned();
        assert_eq!(
            got,
            [
                (pier.clone(), Some(pier)),
                ("gazette-4411".to_owned(), None),
                (
                    "lock-7".to_owned(),
                    Some("https://gazette.example/lock".to_owned())
                ),
            ]
        );
    }

    #[test]
    fn atom_html_content_wins_over_summary() {
        let text = atom(
            r#"<entry><title>Relay</title><id>tag:signal.example,2026:1</id>
<updated>2026-01-20T10:00:00Z</updated>
<summary>Short</summary>
<content type="html">&lt;p&gt;Full &lt;em&gt;story&lt;/em&gt;&lt;/p&gt;</content></entry>"#,
        );
        assert_eq!(
            chosen_body(&entries(&text)[0], true),
            Some(("<p>Full <em>story</em></p>", Markup::Html))
        );
        assert_eq!(articles(&text)[0].id, "tag:signal.example,2026:1");
    }

    #[test]
    fn atom_xhtml_content_is_html_without_its_wrapping_div() {
        let text = atom(
            r#"<entry><title>Antenna</title><id>a</id><updated>2026-01-20T10:00:00Z</updated>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Up on the <b>roof</b>.</p></div></content>
</entry>"#,
        );
        let entries = entries(&text);
        let (body, markup) = chosen_body(&entries[0], true).unwrap();
        assert_eq!(markup, Markup::Html);
        assert_eq!(body, "<p>Up on the <b>roof</b>.</p>");
    }

    #[test]
    fn atom_summary_is_the_body_when_there_is_no_content() {
        let text = atom(
            r#"<entry><title>Static</title><id>s</id><updated>2026-01-20T10:00:00Z</updated>
<summary type="text">Crackle on line two.

Fixed by noon.</summary></entry>"#,
        );
        assert_eq!(
            chosen_body(&entries(&text)[0], true),
            Some(("Crackle on line two.\n\nFixed by noon.", Markup::Plain))
        );
        assert_eq!(
            articles(&text)[0].body,
            "Crackle on line two.\n\nFixed by noon."
        );
    }

    #[test]
    fn atom_content_that_is_not_text_is_passed_over() {
        let text = atom(
            r#"<entry><title>Chart</title><id>c</id><updated>2026-01-20T10:00:00Z</updated>
<summary>Rates, charted.</summary>
<content type="image/png">iVBORw0KGgo=</content></entry>"#,
        );
        assert_eq!(articles(&text)[0].body, "Rates, charted.");
    }

    #[test]
    fn a_media_description_is_the_body_when_nothing_else_is() {
        let text = atom(
            r#"<entry><title>Clip</title><id>v1</id><updated>2026-01-20T10:00:00Z</updated>
<media:group><media:title>Clip</media:title>
<media:content url="https://video.example/v1.mp4" type="video/mp4"/>
<media:description>Divers inspect the breakwater.</media:description></media:group>
</entry>"#,
        );
        assert_eq!(articles(&text)[0].body, "Divers inspect the breakwater.");
    }

    #[test]
    fn atom_authors_are_joined_and_the_feed_author_stands_in() {
        let text = atom(
            r"<entry><title>Two bylines</title><id>1</id><updated>2026-01-20T10:00:00Z</updated>
<author><name>Ada Okoro</name></author><author><name>Li Wen</name><email>li@signal.example</email></author>
<contributor><name>Not An Author</name></contributor></entry>
<entry><title>House</title><id>2</id><updated>2026-01-20T10:00:00Z</updated></entry>",
        );
        let authors: Vec<_> = articles(&text).into_iter().map(|a| a.author).collect();
        assert_eq!(
            authors,
            [
                Some("Ada Okoro, Li Wen".to_owned()),
                Some("Signal Newsroom".to_owned())
            ]
        );
    }

    #[test]
    fn atom_updated_stands_in_for_a_missing_published() {
        let text = atom(
            r"<entry><title>Only updated</title><id>1</id><updated>2026-01-20T10:00:00Z</updated></entry>
<entry><title>Both</title><id>2</id><published>2026-01-21T07:45:00+01:00</published>
<updated>2026-01-22T12:00:00Z</updated></entry>",
        );
        let seconds: Vec<_> = entries(&text).iter().map(published_seconds).collect();
        assert_eq!(seconds, [Some(1_768_903_200), Some(1_768_977_900)]);
    }

    #[test]
    fn atom_alternate_link_wins_else_the_first_link() {
        let text = atom(
            r#"<entry><title>Links</title><id>1</id><updated>2026-01-20T10:00:00Z</updated>
<link rel="self" href="https://signal.example/1.atom"/>
<link rel="enclosure" href="https://signal.example/1.mp3"/>
<link rel="alternate" type="text/html" href="https://signal.example/1"/>
<link rel="alternate" href="https://signal.example/1-again"/></entry>
<entry><title>No alternate</title><id>2</id><updated>2026-01-20T10:00:00Z</updated>
<link rel="related" href="https://signal.example/elsewhere"/>
<link rel="self" href="https://signal.example/2.atom"/></entry>
<entry><title>No rel</title><id>3</id><updated>2026-01-20T10:00:00Z</updated>
<link rel="self" href="https://signal.example/3.atom"/><link href="https://signal.example/3"/></entry>"#,
        );
        let urls: Vec<_> = articles(&text).into_iter().map(|a| a.url).collect();
        assert_eq!(
            urls,
            [
                Some("https://signal.example/1".to_owned()),
                Some("https://signal.example/elsewhere".to_owned()),
                Some("https://signal.example/3".to_owned()),
            ]
        );
    }

    #[test]
    fn only_titles_marked_html_are_converted() {
        let text = atom(
            r#"<entry><title type="html">Rates &amp;lt;b&amp;gt;up&amp;lt;/b&amp;gt;</title><id>1</id>
<updated>2026-01-20T10:00:00Z</updated></entry>
<entry><title type="text">Why &lt;b&gt; is a tag</title><id>2</id><updated>2026-01-20T10:00:00Z</updated></entry>"#,
        );
        let entries = entries(&text);
        let titles: Vec<_> = entries
            .iter()
            .map(|e| chosen_title(e.title.as_ref().unwrap()))
            .collect();
        assert_eq!(
            titles,
            [
                ("Rates &lt;b&gt;up&lt;/b&gt;", Markup::Html),
                ("Why <b> is a tag", Markup::Plain)
            ]
        );
        let rss = rss2("<item><title>Pay &lt;b&gt;rise&lt;/b&gt;</title></item>");
        let rss_title = entries_title(&rss);
        assert_eq!(rss_title, ("Pay <b>rise</b>".to_owned(), Markup::Plain));
        assert_eq!(articles(&rss)[0].title, "Pay <b>rise</b>");
    }

    fn entries_title(text: &str) -> (String, Markup) {
        let entries = entries(text);
        let (title, markup) = chosen_title(entries[0].title.as_ref().unwrap());
        (title.to_owned(), markup)
    }

    #[test]
    fn atom_category_labels_win_over_terms() {
        let text = atom(
            r#"<entry><title>Tagged</title><id>1</id><updated>2026-01-20T10:00:00Z</updated>
<category term="econ" label=" Economy "/><category term="ports"/><category term="econ2" label="Economy"/>
<category term=" " label=""/></entry>"#,
        );
        assert_eq!(articles(&text)[0].tags, ["Economy", "ports"]);
    }
}
