//! Laying out each kind of block.

use super::{
    leading, Cursor, Kind, Node, BODY, BODY_BOLD, BOTTOM, CONTENT_WIDTH, MARGIN_X, SMALL, TOP,
};
use crate::fonts::{Style, Weight};
use crate::model::{Block, HeadingLevel, Signature, SignatureMark, Table};

/// Space after a paragraph, list or table.
const GAP: f32 = 7.0;
/// Indent of a list item's text.
const INDENT: f32 = 16.0;
const CELL_PAD_X: f32 = 4.0;
const CELL_PAD_Y: f32 = 3.0;
/// Width of the line to sign on.
const SIGNATURE_LINE: f32 = 260.0;
/// Room above the line to sign on.
const SIGNING_ROOM: f32 = 30.0;

/// Lays out the blocks in order; returns the structure of their content.
pub(crate) fn lay_out_blocks(cursor: &mut Cursor<'_>, blocks: &[Block]) -> Vec<Node> {
    let mut nodes = Vec::new();
    for block in blocks {
        match block {
            Block::Heading(level, text) => nodes.extend(heading(cursor, *level, text)),
            Block::Paragraph(text) => nodes.extend(paragraph(cursor, text)),
            Block::KeyValues(pairs) => nodes.extend(key_values(cursor, pairs)),
            Block::Table(t) => nodes.extend(table(cursor, t)),
            Block::Bullets(items) => nodes.extend(bullets(cursor, items)),
            Block::Signatures(all) => nodes.extend(all.iter().map(|s| signature(cursor, s))),
        }
    }
    nodes
}

/// Style, space before and space after a heading.
fn heading_style(level: HeadingLevel) -> (Style, f32, f32) {
    match level {
        HeadingLevel::H1 => (Style::new(Weight::Bold, 18.0), 6.0, 10.0),
        HeadingLevel::H2 => (Style::new(Weight::Bold, 13.5), 14.0, 5.0),
        HeadingLevel::H3 => (Style::new(Weight::Bold, 11.5), 10.0, 3.0),
    }
}

fn heading(cursor: &mut Cursor<'_>, level: HeadingLevel, text: &str) -> Option<Node> {
    let (style, before, after) = heading_style(level);
    let lines = cursor.wrap(style, text, CONTENT_WIDTH);
    if lines.is_empty() {
        return None;
    }
    let line_height = leading(style);
    cursor.space(before);
    // Keep the heading with the first two lines of what follows.
    cursor.ensure(lines.len() as f32 * line_height + after + 2.0 * leading(BODY));
    let title = text.split_whitespace().collect::<Vec<_>>().join(" ");
    cursor.bookmark(level, &title);
    let mut leaves = Vec::new();
    for line in &lines {
        let top = cursor.y;
        leaves.push(cursor.put(MARGIN_X, top, style, line));
        cursor.y += line_height;
    }
    cursor.y += after;
    Some(Node::Group(Kind::Heading(level, title), leaves))
}

fn paragraph(cursor: &mut Cursor<'_>, text: &str) -> Option<Node> {
    let leaves = cursor.flow(MARGIN_X, CONTENT_WIDTH, BODY, text);
    if leaves.is_empty() {
        return None;
    }
    cursor.y += GAP;
    Some(Node::Group(Kind::P, leaves))
}

fn bullets(cursor: &mut Cursor<'_>, items: &[String]) -> Option<Node> {
    let line_height = leading(BODY);
    let mut list = Vec::new();
    for item in items {
        let lines = cursor.wrap(BODY, item, CONTENT_WIDTH - INDENT);
        if lines.is_empty() {
            continue;
        }
        cursor.ensure(line_height);
        let top = cursor.y;
        let label = cursor.put(MARGIN_X + 4.0, top, BODY, "•");
        let mut body = Vec::new();
        for (index, line) in lines.iter().enumerate() {
            if index > 0 {
                cursor.ensure(line_height);
            }
            let top = cursor.y;
            body.push(cursor.put(MARGIN_X + INDENT, top, BODY, line));
            cursor.y += line_height;
        }
        cursor.y += 2.0;
        list.push(Node::Group(
            Kind::LI,
            vec![
                Node::Group(Kind::Lbl, vec![label]),
                Node::Group(Kind::LBody, body),
            ],
        ));
    }
    if list.is_empty() {
        return None;
    }
    cursor.y += GAP - 2.0;
    Some(Node::Group(Kind::L, list))
}

/// One row of cells, each wrapped to its column.
struct Row {
    cells: Vec<Vec<String>>,
    /// One style per cell; all of one size, so the cells' lines keep in step.
    styles: Vec<Style>,
}

impl Row {
    /// Wraps `cells` to `widths`; `styles` gives each column's style (the last one repeats).
    fn new(cursor: &Cursor<'_>, cells: &[String], widths: &[f32], styles: &[Style]) -> Self {
        let styles: Vec<Style> = (0..cells.len())
            .map(|i| styles.get(i).or(styles.last()).copied().unwrap_or(BODY))
            .collect();
        let cells = cells
            .iter()
            .zip(widths)
            .zip(&styles)
            .map(|((text, width), style)| cursor.wrap(*style, text, width - 2.0 * CELL_PAD_X))
            .collect();
        Self { cells, styles }
    }

    fn line_height(&self) -> f32 {
        leading(self.styles.first().copied().unwrap_or(BODY))
    }

    fn height(&self) -> f32 {
        let lines = self.cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
        lines as f32 * self.line_height() + 2.0 * CELL_PAD_Y
    }

    /// Moves to a new page unless the row fits here; a row taller than half a page only needs
    /// room for its first three lines (it continues on the next page).
    fn keep(&self, cursor: &mut Cursor<'_>) -> bool {
        let height = self.height();
        if height > (BOTTOM - TOP) / 2.0 {
            cursor.ensure(3.0 * self.line_height() + 2.0 * CELL_PAD_Y)
        } else {
            cursor.ensure(height)
        }
    }

    /// Puts the row at the cursor and moves below it. A row taller than the room left on a
    /// page continues on the next one (cells side by side keep their lines in step). Tagged
    /// rows return one group per cell (an empty cell still gets an empty tagged line, so a
    /// screen reader counts its column); an artifact row (a header repeated on a new page)
    /// returns nothing.
    fn put(
        &self,
        cursor: &mut Cursor<'_>,
        left: f32,
        widths: &[f32],
        kinds: &[Kind],
        tagged: bool,
    ) -> Vec<Node> {
        let line_height = self.line_height();
        let total = self.cells.iter().map(Vec::len).max().unwrap_or(0);
        let mut lefts = Vec::with_capacity(widths.len());
        let mut x = left;
        for width in widths {
            lefts.push(x + CELL_PAD_X);
            x += width;
        }
        let mut leaves: Vec<Vec<Node>> = vec![Vec::new(); self.cells.len()];
        if tagged {
            let cells = self.cells.iter().zip(&self.styles).zip(&mut leaves);
            for (((lines, style), cell), x) in cells.zip(&lefts) {
                if lines.is_empty() {
                    let top = cursor.y + CELL_PAD_Y;
                    cell.push(cursor.put(*x, top, *style, ""));
                }
            }
        }
        let mut first = 0;
        loop {
            let top = cursor.y;
            // At least one line per page, so a long row always moves on.
            let room = ((BOTTOM - top - 2.0 * CELL_PAD_Y) / line_height).floor();
            let last = (first + (room.max(1.0) as usize)).min(total);
            let cells = self.cells.iter().zip(&self.styles).zip(&mut leaves);
            for (((lines, style), cell), x) in cells.zip(&lefts) {
                for (n, line) in lines.iter().enumerate().take(last).skip(first) {
                    let y = top + CELL_PAD_Y + (n - first) as f32 * line_height;
                    if tagged {
                        cell.push(cursor.put(*x, y, *style, line));
                    } else {
                        cursor.put_artifact(*x, y, *style, line);
                    }
                }
            }
            if last >= total {
                let lines = (last - first).max(1);
                cursor.y = top + lines as f32 * line_height + 2.0 * CELL_PAD_Y;
                break;
            }
            cursor.new_page();
            first = last;
        }
        if !tagged {
            return Vec::new();
        }
        leaves
            .into_iter()
            .enumerate()
            .map(|(index, cell)| {
                let kind = kinds.get(index).or(kinds.last()).cloned();
                Node::Group(kind.unwrap_or(Kind::TD), cell)
            })
            .collect()
    }
}

/// Column widths that fill the content width: every column gets at least its longest word
/// where that is possible, and the rest is shared in proportion to how much more each needs.
fn column_widths(cursor: &Cursor<'_>, table: &Table) -> Vec<f32> {
    let columns = table.header.len();
    let mut narrowest = vec![0.0f32; columns];
    let mut natural = vec![0.0f32; columns];
    let rows =
        std::iter::once((&table.header, BODY_BOLD)).chain(table.rows.iter().map(|row| (row, BODY)));
    for (cells, style) in rows {
        for (column, text) in cells.iter().enumerate().take(columns) {
            let (min, max) = cursor.widths(style, text);
            narrowest[column] = narrowest[column].max(min + 2.0 * CELL_PAD_X);
            natural[column] = natural[column].max(max + 2.0 * CELL_PAD_X);
        }
    }
    distribute(&narrowest, &natural, CONTENT_WIDTH)
}

fn distribute(narrowest: &[f32], natural: &[f32], available: f32) -> Vec<f32> {
    let count = natural.len().max(1) as f32;
    let natural_sum: f32 = natural.iter().sum();
    if natural_sum <= 0.0 {
        return vec![available / count; natural.len()];
    }
    if natural_sum <= available {
        return natural
            .iter()
            .map(|w| w * available / natural_sum)
            .collect();
    }
    let narrowest_sum: f32 = narrowest.iter().sum();
    if narrowest_sum >= available || narrowest_sum <= 0.0 {
        return vec![available / count; natural.len()];
    }
    let extra = available - narrowest_sum;
    let flex: Vec<f32> = natural
        .iter()
        .zip(narrowest)
        .map(|(n, m)| (n - m).max(0.0))
        .collect();
    let flex_sum: f32 = flex.iter().sum();
    narrowest
        .iter()
        .zip(&flex)
        .map(|(m, f)| {
            if flex_sum > 0.0 {
                m + extra * f / flex_sum
            } else {
                m + extra / count
            }
        })
        .collect()
}

fn table(cursor: &mut Cursor<'_>, table: &Table) -> Option<Node> {
    let widths = column_widths(cursor, table);
    let right = MARGIN_X + widths.iter().sum::<f32>();
    let header = Row::new(cursor, &table.header, &widths, &[BODY_BOLD]);
    let rows: Vec<Row> = table
        .rows
        .iter()
        .map(|cells| Row::new(cursor, cells, &widths, &[BODY]))
        .collect();

    let first = rows
        .first()
        .map_or(0.0, |row| row.height().min(3.0 * row.line_height()));
    cursor.ensure(header.height() + first);
    let put_header = |cursor: &mut Cursor<'_>, tagged: bool| {
        let top = cursor.y;
        cursor.rule(MARGIN_X, right, top, 0.8, 0);
        let cells = header.put(cursor, MARGIN_X, &widths, &[Kind::ThColumn], tagged);
        let bottom = cursor.y;
        cursor.rule(MARGIN_X, right, bottom, 0.8, 0);
        cells
    };
    let head = put_header(cursor, true);
    let mut body = Vec::new();
    for row in &rows {
        if row.keep(cursor) {
            put_header(cursor, false);
        }
        let cells = row.put(cursor, MARGIN_X, &widths, &[Kind::TD], true);
        let bottom = cursor.y;
        cursor.rule(MARGIN_X, right, bottom, 0.4, 150);
        body.push(Node::Group(Kind::TR, cells));
    }
    cursor.y += GAP;
    let mut children = vec![Node::Group(Kind::THead, vec![Node::Group(Kind::TR, head)])];
    if !body.is_empty() {
        children.push(Node::Group(Kind::TBody, body));
    }
    Some(Node::Group(Kind::Table, children))
}

fn key_values(cursor: &mut Cursor<'_>, pairs: &[(String, String)]) -> Option<Node> {
    if pairs.is_empty() {
        return None;
    }
    let label_width = pairs
        .iter()
        .map(|(label, _)| cursor.widths(BODY_BOLD, label).1 + 2.0 * CELL_PAD_X + 8.0)
        .fold(0.0, f32::max)
        .min(CONTENT_WIDTH * 0.4);
    let widths = [label_width, CONTENT_WIDTH - label_width];
    // The labels' text lines up with the headings above them.
    let left = MARGIN_X - CELL_PAD_X;
    let mut rows = Vec::new();
    for (label, value) in pairs {
        let cells = [label.clone(), value.clone()];
        let row = Row::new(cursor, &cells, &widths, &[BODY_BOLD, BODY]);
        row.keep(cursor);
        let cells = row.put(cursor, left, &widths, &[Kind::ThRow, Kind::TD], true);
        rows.push(Node::Group(Kind::TR, cells));
    }
    cursor.y += GAP;
    Some(Node::Group(
        Kind::Table,
        vec![Node::Group(Kind::TBody, rows)],
    ))
}

fn signature(cursor: &mut Cursor<'_>, signature: &Signature) -> Node {
    let party = cursor.wrap(BODY_BOLD, &signature.party, CONTENT_WIDTH);
    let role = cursor.wrap(BODY, &signature.role, CONTENT_WIDTH);
    let (mark_style, mark_text, room) = match &signature.mark {
        SignatureMark::Accepted { statement } => (BODY, statement.as_str(), 0.0),
        SignatureMark::OnPaper { caption } => (SMALL, caption.as_str(), SIGNING_ROOM),
    };
    let mark = cursor.wrap(mark_style, mark_text, CONTENT_WIDTH);
    let height = party.len() as f32 * leading(BODY_BOLD)
        + role.len() as f32 * leading(BODY)
        + room
        + mark.len() as f32 * leading(mark_style);
    cursor.space(12.0);
    cursor.ensure(height);

    let lines_of = |cursor: &mut Cursor<'_>, lines: &[String], style: Style| {
        let mut leaves = Vec::new();
        for line in lines {
            let top = cursor.y;
            leaves.push(cursor.put(MARGIN_X, top, style, line));
            cursor.y += leading(style);
        }
        leaves
    };
    let mut children = Vec::new();
    for (lines, style) in [(&party, BODY_BOLD), (&role, BODY)] {
        let leaves = lines_of(cursor, lines, style);
        if !leaves.is_empty() {
            children.push(Node::Group(Kind::P, leaves));
        }
    }
    if room > 0.0 {
        cursor.y += room;
        let y = cursor.y;
        cursor.rule(MARGIN_X, MARGIN_X + SIGNATURE_LINE, y, 0.6, 0);
        cursor.y += 1.0;
    }
    let leaves = lines_of(cursor, &mark, mark_style);
    if !leaves.is_empty() {
        children.push(Node::Group(Kind::P, leaves));
    }
    cursor.y += GAP;
    Node::Group(Kind::Div, children)
}

#[cfg(test)]
mod tests {
    use super::distribute;

    #[test]
    fn narrow_tables_are_stretched_to_the_content_width() {
        let widths = distribute(&[10.0, 10.0], &[50.0, 150.0], 400.0);
        assert_eq!(widths, [100.0, 300.0]);
    }

    #[test]
    fn wide_tables_give_each_column_its_longest_word_first() {
        let widths = distribute(&[60.0, 40.0], &[1000.0, 40.0], 400.0);
        assert!((widths[0] - 360.0).abs() < 0.01, "{widths:?}");
        assert!((widths[1] - 40.0).abs() < 0.01, "{widths:?}");
    }
}
