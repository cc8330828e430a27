//! Layout: blocks → positioned lines on A4 pages, plus the logical structure that says which
//! lines form which heading, paragraph, list or table. Pure: no PDF here, so it is testable on
//! its own and the renderer only draws what it is given.

mod blocks;
mod wrap;

use crate::fonts::{Measure, Style, Weight};
use crate::model::{Document, HeadingLevel};

pub(crate) use blocks::lay_out_blocks;

/// A4 in points.
pub(crate) const PAGE_WIDTH: f32 = 595.276;
pub(crate) const PAGE_HEIGHT: f32 = 841.89;
pub(crate) const MARGIN_X: f32 = 62.0;
pub(crate) const TOP: f32 = 60.0;
/// Content ends here; the footer sits below.
pub(crate) const BOTTOM: f32 = PAGE_HEIGHT - 72.0;
pub(crate) const FOOTER_BASELINE: f32 = PAGE_HEIGHT - 40.0;
pub(crate) const CONTENT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN_X;

pub(crate) const BODY: Style = Style::new(Weight::Regular, 10.5);
pub(crate) const BODY_BOLD: Style = Style::new(Weight::Bold, 10.5);
pub(crate) const SMALL: Style = Style::new(Weight::Regular, 8.5);
pub(crate) const FOOTER: Style = Style::new(Weight::Regular, 9.0);

/// Line height for a style: 1.4 × the size.
pub(crate) fn leading(style: Style) -> f32 {
    style.size * 1.4
}

/// Index of a tagged line, in drawing order over the whole document.
pub(crate) type LeafId = usize;

/// What a line or rule is to a reader: content in the structure tree, or an artifact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Content {
    /// Real content, a leaf of the structure tree.
    Tagged(LeafId),
    /// Layout decoration (rules, a table header repeated on a new page).
    Layout,
    /// The page number in the footer.
    PageNumber,
}

/// One line of text at a position (x from the left edge, baseline from the top edge).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Run {
    pub(crate) x: f32,
    pub(crate) baseline: f32,
    pub(crate) text: String,
    pub(crate) style: Style,
    pub(crate) content: Content,
}

/// A straight line (table rule, signature line); always an artifact.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Rule {
    pub(crate) x1: f32,
    pub(crate) x2: f32,
    pub(crate) y: f32,
    pub(crate) width: f32,
    pub(crate) grey: u8,
}

/// What goes on one page.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Page {
    pub(crate) runs: Vec<Run>,
    pub(crate) rules: Vec<Rule>,
}

/// A structure element kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Heading(HeadingLevel, String),
    P,
    L,
    LI,
    Lbl,
    LBody,
    Table,
    THead,
    TBody,
    TR,
    /// A column header cell.
    ThColumn,
    /// A row header cell (the label of a label–value pair).
    ThRow,
    TD,
    Div,
}

/// The logical structure: groups of groups, ending in tagged lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Node {
    Group(Kind, Vec<Node>),
    Leaf(LeafId),
}

/// Where a heading is, for the document outline (bookmarks).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Bookmark {
    pub(crate) level: HeadingLevel,
    pub(crate) title: String,
    pub(crate) page: usize,
    pub(crate) y: f32,
}

/// A laid-out document.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Laid {
    pub(crate) pages: Vec<Page>,
    pub(crate) structure: Vec<Node>,
    pub(crate) leaves: usize,
    pub(crate) bookmarks: Vec<Bookmark>,
}

/// Lays out the whole document, footers included.
pub(crate) fn lay_out(document: &Document, measure: &Measure) -> Laid {
    let mut cursor = Cursor::new(measure);
    let structure = lay_out_blocks(&mut cursor, document.blocks());
    let total = cursor.pages.len();
    for (index, page) in cursor.pages.iter_mut().enumerate() {
        let text = format!("{} / {}", index + 1, total);
        let x = (PAGE_WIDTH - measure.width(FOOTER, &text)) / 2.0;
        page.runs.push(Run {
            x,
            baseline: FOOTER_BASELINE,
            text,
            style: FOOTER,
            content: Content::PageNumber,
        });
    }
    Laid {
        pages: cursor.pages,
        structure,
        leaves: cursor.next_leaf,
        bookmarks: cursor.bookmarks,
    }
}

/// The position on the page being filled.
#[derive(Debug)]
pub(crate) struct Cursor<'m> {
    pub(crate) measure: &'m Measure,
    pub(crate) pages: Vec<Page>,
    /// The top of the next line, from the top edge.
    pub(crate) y: f32,
    next_leaf: LeafId,
    bookmarks: Vec<Bookmark>,
}

impl<'m> Cursor<'m> {
    fn new(measure: &'m Measure) -> Self {
        Self {
            measure,
            pages: vec![Page::default()],
            y: TOP,
            next_leaf: 0,
            bookmarks: Vec::new(),
        }
    }

    pub(crate) fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = TOP;
    }

    pub(crate) fn at_top(&self) -> bool {
        self.y <= TOP + 0.01
    }

    /// Starts a new page unless `height` still fits here (or nothing would fit better because
    /// the page is still empty).
    pub(crate) fn ensure(&mut self, height: f32) -> bool {
        if self.y + height > BOTTOM && !self.at_top() {
            self.new_page();
            true
        } else {
            false
        }
    }

    /// Vertical space, dropped at the top of a page.
    pub(crate) fn space(&mut self, height: f32) {
        if !self.at_top() {
            self.y += height;
        }
    }

    fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.pages.push(Page::default());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Puts one tagged line of text with its top at `top`; returns its structure leaf.
    pub(crate) fn put(&mut self, x: f32, top: f32, style: Style, text: &str) -> Node {
        let leaf = self.next_leaf;
        self.next_leaf += 1;
        self.push_run(x, top, style, text, Content::Tagged(leaf));
        Node::Leaf(leaf)
    }

    /// Puts one line of text that is a layout artifact (e.g. a repeated table header).
    pub(crate) fn put_artifact(&mut self, x: f32, top: f32, style: Style, text: &str) {
        self.push_run(x, top, style, text, Content::Layout);
    }

    fn push_run(&mut self, x: f32, top: f32, style: Style, text: &str, content: Content) {
        self.page().runs.push(Run {
            x,
            baseline: top + leading(style) * 0.75,
            text: text.to_owned(),
            style,
            content,
        });
    }

    /// Marks a heading at the cursor for the outline.
    pub(crate) fn bookmark(&mut self, level: HeadingLevel, title: &str) {
        self.bookmarks.push(Bookmark {
            level,
            title: title.to_owned(),
            page: self.pages.len().saturating_sub(1),
            y: self.y,
        });
    }

    /// Draws a horizontal rule at `y`.
    pub(crate) fn rule(&mut self, x1: f32, x2: f32, y: f32, width: f32, grey: u8) {
        self.page().rules.push(Rule {
            x1,
            x2,
            y,
            width,
            grey,
        });
    }

    /// Wraps `text` to `width` and puts the lines at `x`, moving down, breaking pages between
    /// lines. Returns the tagged lines.
    pub(crate) fn flow(&mut self, x: f32, width: f32, style: Style, text: &str) -> Vec<Node> {
        let lines = wrap::wrap(self.measure, style, text, width);
        let height = leading(style);
        let mut leaves = Vec::new();
        for line in lines.iter().filter(|l| !l.is_empty()) {
            self.ensure(height);
            let y = self.y;
            leaves.push(self.put(x, y, style, line));
            self.y += height;
        }
        leaves
    }

    /// The lines `text` wraps into at `width`.
    pub(crate) fn wrap(&self, style: Style, text: &str, width: f32) -> Vec<String> {
        wrap::wrap(self.measure, style, text, width)
            .into_iter()
            .filter(|l| !l.is_empty())
            .collect()
    }

    /// Narrowest and natural one-line width of `text`.
    pub(crate) fn widths(&self, style: Style, text: &str) -> (f32, f32) {
        wrap::widths(self.measure, style, text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::measure;
    use crate::model::{Signature, Table};

    fn busy_document() -> Document {
        let long =
            "Osallistuja harjoittelee asiakaspalvelua, kassatyötä ja tuotteiden esillepanoa \
                    ohjaajan tuella; tavoitteena on itsenäinen työskentely. ";
        let mut table = Table::new(["Tehtävä", "Kuvaus", "Tunnit"]);
        for n in 0..40 {
            table = table.row([
                format!("Tehtävä {n}"),
                format!("{long}Pitkäsanaisuusesimerkkitoimintakokonaisuus{n}"),
                String::new(),
            ]);
        }
        Document::new("fi", "Testi")
            .h1(long)
            .paragraph(long.repeat(20))
            .key_values([
                (
                    "Hyvin pitkä nimike, joka ei mahdu sarakkeeseen kokonaan",
                    long.to_owned(),
                ),
                // A value longer than a page.
                ("Tavoitteet", long.repeat(120)),
            ])
            .table(table)
            .bullets(std::iter::repeat_n(long, 30))
            .signatures([
                Signature::accepted("Äijälä Åsa", "Osallistuja", long),
                Signature::on_paper("Kahvila Mäntylä Oy", "Järjestäjä", "Allekirjoitus"),
            ])
    }

    fn leaves(nodes: &[Node], out: &mut Vec<LeafId>) {
        for node in nodes {
            match node {
                Node::Leaf(leaf) => out.push(*leaf),
                Node::Group(_, children) => leaves(children, out),
            }
        }
    }

    #[test]
    fn every_line_stays_inside_the_page_area() {
        let m = measure();
        let laid = lay_out(&busy_document(), m);
        assert!(laid.pages.len() > 3);
        for (index, page) in laid.pages.iter().enumerate() {
            for run in &page.runs {
                let right = run.x + m.width(run.style, &run.text);
                assert!(run.x >= MARGIN_X - 4.01, "page {index}: {run:?}");
                assert!(
                    right <= PAGE_WIDTH - MARGIN_X + 0.01,
                    "page {index}: {run:?}"
                );
                match run.content {
                    Content::PageNumber => assert_eq!(run.baseline, FOOTER_BASELINE),
                    _ => assert!(
                        run.baseline > TOP && run.baseline <= BOTTOM,
                        "page {index}: {run:?}"
                    ),
                }
            }
        }
    }

    #[test]
    fn every_tagged_line_is_in_the_structure_once() {
        let laid = lay_out(&busy_document(), measure());
        let mut in_tree = Vec::new();
        leaves(&laid.structure, &mut in_tree);
        let drawn: Vec<LeafId> = laid
            .pages
            .iter()
            .flat_map(|page| &page.runs)
            .filter_map(|run| match run.content {
                Content::Tagged(leaf) => Some(leaf),
                _ => None,
            })
            .collect();
        assert_eq!(drawn.len(), laid.leaves);
        // Cells of a row split across pages are drawn page by page, and read cell by cell.
        in_tree.sort_unstable();
        assert_eq!(in_tree, (0..laid.leaves).collect::<Vec<_>>());
    }

    #[test]
    fn a_heading_is_never_the_last_line_of_a_page() {
        // Filler of every length that puts the heading somewhere near the foot of page 1.
        for filler in 30..60 {
            let document = Document::new("fi", "Testi")
                .paragraph("Rivi\n".repeat(filler))
                .h2("Osio")
                .paragraph("Teksti.");
            let laid = lay_out(&document, measure());
            for page in &laid.pages {
                let last = page
                    .runs
                    .iter()
                    .filter(|run| matches!(run.content, Content::Tagged(_)))
                    .max_by(|a, b| a.baseline.total_cmp(&b.baseline))
                    .map(|run| run.text.as_str());
                assert_ne!(last, Some("Osio"), "after {filler} lines of filler");
            }
        }
    }
}
