//! Where the panes go: the one place that knows, used by `update` for
//! paging and mouse hits and by rendering to draw. It takes a size and the
//! arrangement asked for, and knows nothing else of the app or the
//! terminal.

use ratatui::layout::{Constraint, Layout, Margin, Rect};

/// The smallest terminal the reader draws in.
pub const MIN_WIDTH: u16 = 60;
/// The smallest terminal height the reader draws in.
pub const MIN_HEIGHT: u16 = 15;
/// From this width on, `auto` stands the three panes side by side.
pub const WIDE: u16 = 120;
/// A list pane narrower inside than this gives each article two lines:
/// the title on the first, the day and source on the second.
pub const TWO_LINE_ROWS_BELOW: u16 = 70;

/// How the panes are arranged.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Arrangement {
    /// Side by side from [`WIDE`] columns on, stacked below.
    #[default]
    Auto,
    /// Always side by side.
    Columns,
    /// Always the list on top, the article and the organisations below.
    Stacked,
}

/// Which pane is shown alone on the whole screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// The article list.
    Articles,
    /// The article.
    Body,
    /// The agencies and outlets.
    Entities,
}

/// Where each pane goes. A pane that is not shown (another is zoomed) has
/// an empty rectangle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    /// The article list, with its border.
    pub articles: Rect,
    /// The article body, with its border.
    pub body: Rect,
    /// The agencies and outlets, with its border.
    pub entities: Rect,
    /// The status bar (one line).
    pub status: Rect,
}

impl Panes {
    /// How many lines each article takes in the list.
    pub fn lines_per_article(&self) -> u16 {
        if inner(self.articles).width < TWO_LINE_ROWS_BELOW {
            2
        } else {
            1
        }
    }

    /// How many articles the list shows at once.
    pub fn articles_shown(&self) -> usize {
        usize::from(inner(self.articles).height / self.lines_per_article())
    }

    /// The pane of `pane`.
    pub fn of(&self, pane: Pane) -> Rect {
        match pane {
            Pane::Articles => self.articles,
            Pane::Body => self.body,
            Pane::Entities => self.entities,
        }
    }
}

/// The panes for a terminal of `area` arranged as `arrangement`, with
/// `zoomed` alone if given; `None` if the terminal is too small.
///
/// Side by side, the list takes about a third (46 to 90 columns), the
/// organisations 28 columns (34 from 140 on) and the article the rest.
/// Stacked, the list takes the top third and the article sits beside the
/// organisations below.
pub fn layout(area: Rect, arrangement: Arrangement, zoomed: Option<Pane>) -> Option<Panes> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let [main, status] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    if let Some(zoomed) = zoomed {
        let alone = |pane| {
            if pane == zoomed {
                main
            } else {
                Rect::default()
            }
        };
        return Some(Panes {
            articles: alone(Pane::Articles),
            body: alone(Pane::Body),
            entities: alone(Pane::Entities),
            status,
        });
    }
    let columns = match arrangement {
        Arrangement::Auto => area.width >= WIDE,
        Arrangement::Columns => true,
        Arrangement::Stacked => false,
    };
    let (articles, body, entities) = if columns {
        let list = (main.width * 35 / 100).clamp(46, 90);
        let organisations = if main.width >= 140 { 34 } else { 28 };
        let [articles, body, entities] = Layout::horizontal([
            Constraint::Length(list),
            Constraint::Fill(1),
            Constraint::Length(organisations),
        ])
        .areas(main);
        (articles, body, entities)
    } else {
        let [articles, lower] =
            Layout::vertical([Constraint::Percentage(36), Constraint::Fill(1)]).areas(main);
        let [body, entities] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Length(26)]).areas(lower);
        (articles, body, entities)
    };
    Some(Panes {
        articles,
        body,
        entities,
        status,
    })
}

/// The inside of a bordered pane.
pub fn inner(rect: Rect) -> Rect {
    rect.inner(Margin::new(1, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn panes(width: u16, height: u16, arrangement: Arrangement) -> Panes {
        layout(Rect::new(0, 0, width, height), arrangement, None).unwrap()
    }

    #[test]
    fn wide_terminals_stand_the_panes_side_by_side_with_room_for_titles() {
        for (width, list_inner) in [(120, 44), (160, 54), (190, 64)] {
            let at = panes(width, 40, Arrangement::Auto);
            assert_eq!(at.articles.y, at.body.y, "{width}: side by side");
            assert_eq!(inner(at.articles).width, list_inner, "{width}");
            assert_eq!(at.lines_per_article(), 2, "{width}");
            assert!(inner(at.body).width >= 44, "{width}: the article has room");
            assert_eq!(at.articles.width + at.body.width + at.entities.width, width);
        }
    }

    #[test]
    fn a_very_wide_list_has_one_line_an_article() {
        let at = panes(300, 40, Arrangement::Auto);
        assert_eq!(inner(at.articles).width, 88);
        assert_eq!(at.lines_per_article(), 1);
    }

    #[test]
    fn narrower_terminals_stack_the_list_over_the_article() {
        let at = panes(119, 40, Arrangement::Auto);
        assert!(at.articles.y < at.body.y);
        assert_eq!(at.articles.width, 119);
        assert_eq!(
            at.lines_per_article(),
            1,
            "a wide list has one line an article"
        );
        let forced = panes(200, 40, Arrangement::Stacked);
        assert!(forced.articles.y < forced.body.y);
        let columns = panes(80, 24, Arrangement::Columns);
        assert_eq!(columns.articles.y, columns.body.y);
    }

    #[test]
    fn a_zoomed_pane_takes_the_screen_and_the_others_none() {
        let at = layout(
            Rect::new(0, 0, 120, 40),
            Arrangement::Auto,
            Some(Pane::Body),
        )
        .unwrap();
        assert_eq!(at.body, Rect::new(0, 0, 120, 39));
        assert_eq!(at.articles.area(), 0);
        assert_eq!(at.entities.area(), 0);
        assert_eq!(at.status, Rect::new(0, 39, 120, 1));
    }

    #[test]
    fn two_line_rows_halve_the_articles_shown() {
        let at = panes(120, 40, Arrangement::Auto);
        assert_eq!(
            at.articles_shown(),
            usize::from(inner(at.articles).height / 2)
        );
        let stacked = panes(100, 40, Arrangement::Auto);
        assert_eq!(
            stacked.articles_shown(),
            usize::from(inner(stacked.articles).height)
        );
    }

    #[test]
    fn too_small_is_none() {
        assert!(layout(Rect::new(0, 0, 59, 40), Arrangement::Auto, None).is_none());
        assert!(layout(Rect::new(0, 0, 80, 14), Arrangement::Columns, None).is_none());
    }
}
