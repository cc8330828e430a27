//! Small-cell suppression for published tables (R46): primary suppression of every count below
//! the threshold *k*, and complementary (secondary) suppression so that no suppressed count can
//! be worked out from the published cells and margins.
//!
//! The rules, in the order they are applied to a table of counts with its row totals, column
//! totals and grand total:
//!
//! 1. **Primary.** Every cell below *k* is suppressed. **Zeros count as small cells** and are
//!    suppressed too: a published 0 says that nobody in the group has the attribute (an attribute
//!    disclosure), and publishing zeros would let a reader narrow the suppressed cells next to
//!    them. A row or column whose total is below *k* is suppressed entirely, with its total; a
//!    grand total below *k* suppresses the whole table.
//! 2. **Complementary.** The table with its margins is a set of linear equations (every row and
//!    column adds up to its total). A suppressed figure is safe when there is another table of
//!    non-negative whole numbers that agrees with everything published and differs in that
//!    figure. That is the case exactly when the figure lies on a cycle of suppressed figures
//!    (row → column → row … in the table with its margins) along which all counts can be moved
//!    by one, up and down in turn, without any becoming negative. While some suppressed figure has
//!    no such cycle, one more figure of its row or column is suppressed: one that closes a
//!    cycle if there is one, and among those the smallest non-zero cell first, a total only when
//!    no cell will do.
//!
//! A one-dimensional table (categories and their total) is the one-row case.
//!
//! The module is pure: no I/O, no words. The tests check the promise with an independent brute
//! force over small random tables.

use serde::Serialize;

/// The smallest threshold a deployment may configure (R46: floor 3).
pub const MIN_K: i64 = 3;
/// The threshold unless the deployment configures another (R46: default 5).
pub const DEFAULT_K: i64 = 5;

/// The suppression threshold *k*: counts below it are never published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Threshold(i64);

impl Threshold {
    /// At least [`MIN_K`]; at most 100 (a larger value would hide every figure of a project).
    pub fn new(k: i64) -> Result<Self, String> {
        if !(MIN_K..=100).contains(&k) {
            return Err(format!(
                "the suppression threshold must be from {MIN_K} to 100, not {k}"
            ));
        }
        Ok(Threshold(k))
    }

    pub fn get(self) -> i64 {
        self.0
    }
}

impl Default for Threshold {
    fn default() -> Self {
        Threshold(DEFAULT_K)
    }
}

/// One published figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cell {
    Count(i64),
    /// Below the threshold, or suppressed so that another suppressed figure stays hidden.
    Suppressed,
}

impl Cell {
    pub fn count(self) -> Option<i64> {
        match self {
            Cell::Count(n) => Some(n),
            Cell::Suppressed => None,
        }
    }

    pub fn is_suppressed(self) -> bool {
        matches!(self, Cell::Suppressed)
    }
}

/// A two-dimensional table as published: cells, row totals, column totals and the grand total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Grid {
    pub cells: Vec<Vec<Cell>>,
    pub row_totals: Vec<Cell>,
    pub column_totals: Vec<Cell>,
    pub total: Cell,
}

/// A one-dimensional table as published: one figure per category and the total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct List {
    pub cells: Vec<Cell>,
    pub total: Cell,
}

/// Exact figures of a table with its margins, `(r + 1) × (c + 1)`: the last column holds the
/// row totals, the last row the column totals, the corner the grand total.
struct Extended {
    v: Vec<Vec<i64>>,
    hidden: Vec<Vec<bool>>,
    r: usize,
    c: usize,
}

impl Extended {
    fn new(counts: &[Vec<i64>]) -> Self {
        let r = counts.len();
        let c = counts.first().map_or(0, Vec::len);
        assert!(
            counts.iter().all(|row| row.len() == c),
            "every row of a table has the same number of cells"
        );
        let mut v = vec![vec![0i64; c + 1]; r + 1];
        for (i, row) in counts.iter().enumerate() {
            for (j, &n) in row.iter().enumerate() {
                assert!(n >= 0, "counts are never negative");
                v[i][j] = n;
                v[i][c] += n;
                v[r][j] += n;
                v[r][c] += n;
            }
        }
        Extended {
            v,
            hidden: vec![vec![false; c + 1]; r + 1],
            r,
            c,
        }
    }

    /// Interior cells and the grand total move with the cycle's sign; margins against it (the
    /// table with negated margins has every line summing to zero).
    fn orientation(&self, i: usize, j: usize) -> i64 {
        if (i < self.r) == (j < self.c) {
            1
        } else {
            -1
        }
    }

    /// Whether figure `(i, j)` can change by `step` (±1) without becoming negative.
    fn can_move(&self, i: usize, j: usize, step: i64) -> bool {
        self.orientation(i, j) * step > 0 || self.v[i][j] >= 1
    }

    fn primary(&mut self, k: i64) {
        let (r, c) = (self.r, self.c);
        for i in 0..=r {
            for j in 0..=c {
                if self.v[i][j] < k {
                    self.hidden[i][j] = true;
                }
            }
        }
        // A small row or column total takes its whole line with it.
        for i in 0..r {
            if self.v[i][c] < k {
                self.hidden[i].iter_mut().for_each(|h| *h = true);
            }
        }
        for j in 0..c {
            if self.v[r][j] < k {
                (0..=r).for_each(|i| self.hidden[i][j] = true);
            }
        }
        if self.v[r][c] < k {
            self.hidden
                .iter_mut()
                .for_each(|row| row.iter_mut().for_each(|h| *h = true));
        }
    }

    /// Whether the suppressed figure `(i, j)` lies on a cycle of suppressed figures along which
    /// a unit move (up or down) keeps every count non-negative: then another table agrees with
    /// all that is published and differs in this figure.
    fn is_protected(&self, i: usize, j: usize) -> bool {
        [1i64, -1].into_iter().any(|s| {
            // `(i, j)` is walked from row i to column j with sign s; we look for a way back from
            // column j to row i. Walking row → column a figure moves by +s, column → row by −s.
            if !self.can_move(i, j, s) {
                return false;
            }
            let (r, c) = (self.r, self.c);
            let rows = r + 1;
            // Nodes: rows 0..=r, then columns as rows + j.
            let mut seen = vec![false; rows + c + 1];
            let mut queue = std::collections::VecDeque::from([rows + j]);
            seen[rows + j] = true;
            while let Some(node) = queue.pop_front() {
                if node < rows {
                    let a = node;
                    for b in 0..=c {
                        if (a, b) != (i, j)
                            && self.hidden[a][b]
                            && !seen[rows + b]
                            && self.can_move(a, b, s)
                        {
                            seen[rows + b] = true;
                            queue.push_back(rows + b);
                        }
                    }
                } else {
                    let b = node - rows;
                    // `a` indexes both the grid and the row half of `seen`.
                    #[allow(clippy::needless_range_loop)]
                    for a in 0..=r {
                        if (a, b) != (i, j) && self.hidden[a][b] && self.can_move(a, b, -s) {
                            if a == i {
                                return true;
                            }
                            if !seen[a] {
                                seen[a] = true;
                                queue.push_back(a);
                            }
                        }
                    }
                }
            }
            false
        })
    }

    fn first_exposed(&self) -> Option<(usize, usize)> {
        (0..=self.r)
            .flat_map(|i| (0..=self.c).map(move |j| (i, j)))
            .find(|&(i, j)| self.hidden[i][j] && !self.is_protected(i, j))
    }

    /// Preference for a complementary suppression: cells before totals, non-zero before zero
    /// (a zero cannot move down), then the smallest count (the least information lost).
    fn cost(&self, i: usize, j: usize) -> (bool, bool, i64) {
        let margin = i == self.r || j == self.c;
        (margin, self.v[i][j] == 0, self.v[i][j])
    }

    fn complementary(&mut self) {
        while let Some((i, j)) = self.first_exposed() {
            let (r, c) = (self.r, self.c);
            let line = (0..=c)
                .map(|b| (i, b))
                .chain((0..=r).map(|a| (a, j)))
                .filter(|&(a, b)| !self.hidden[a][b]);
            let line: Vec<(usize, usize)> = line.collect();
            // Best: the cheapest figure of its lines that gives it a cycle at once.
            let mut closing = Vec::new();
            for &(a, b) in &line {
                self.hidden[a][b] = true;
                if self.is_protected(i, j) {
                    closing.push((a, b));
                }
                self.hidden[a][b] = false;
            }
            let protecting = closing.into_iter().min_by_key(|&(a, b)| self.cost(a, b));
            let pick = protecting
                .or_else(|| line.iter().copied().min_by_key(|&(a, b)| self.cost(a, b)))
                .or_else(|| {
                    (0..=r)
                        .flat_map(|a| (0..=c).map(move |b| (a, b)))
                        .filter(|&(a, b)| !self.hidden[a][b])
                        .min_by_key(|&(a, b)| self.cost(a, b))
                });
            match pick {
                Some((a, b)) => self.hidden[a][b] = true,
                // Everything is suppressed: nothing can be worked out.
                None => break,
            }
        }
    }

    fn cell(&self, i: usize, j: usize) -> Cell {
        if self.hidden[i][j] {
            Cell::Suppressed
        } else {
            Cell::Count(self.v[i][j])
        }
    }
}

/// Suppresses a two-dimensional table of counts (rows × columns) with its margins.
pub fn suppress_grid(counts: &[Vec<i64>], k: Threshold) -> Grid {
    let mut t = Extended::new(counts);
    t.primary(k.get());
    t.complementary();
    let (r, c) = (t.r, t.c);
    Grid {
        cells: (0..r)
            .map(|i| (0..c).map(|j| t.cell(i, j)).collect())
            .collect(),
        row_totals: (0..r).map(|i| t.cell(i, c)).collect(),
        column_totals: (0..c).map(|j| t.cell(r, j)).collect(),
        total: t.cell(r, c),
    }
}

/// Suppresses a one-dimensional table (a count per category) with its total.
pub fn suppress_list(counts: &[i64], k: Threshold) -> List {
    // The one-row table: its column totals equal the cells, its row total the grand total, so
    // a figure is published only when both of its copies are.
    let g = suppress_grid(&[counts.to_vec()], k);
    let both = |a: Cell, b: Cell| if a == b { a } else { Cell::Suppressed };
    List {
        cells: g.cells[0]
            .iter()
            .zip(&g.column_totals)
            .map(|(&a, &b)| both(a, b))
            .collect(),
        total: both(g.row_totals[0], g.total),
    }
}

/// A mean (or other figure derived from `n` observations) is published only with a published
/// count (R46: derived rates and means are suppressed with their counts).
pub fn derived<T>(n: i64, value: T, k: Threshold) -> Option<T> {
    (n >= k.get()).then_some(value)
}

#[cfg(test)]
// The checks walk the true table and the published one side by side by row and column.
#[allow(clippy::needless_range_loop)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn k(n: i64) -> Threshold {
        Threshold::new(n).unwrap()
    }

    /// The published view as the reader sees it: `None` where suppressed.
    struct Published {
        cells: Vec<Vec<Option<i64>>>,
        rows: Vec<Option<i64>>,
        cols: Vec<Option<i64>>,
        total: Option<i64>,
    }

    fn published(g: &Grid) -> Published {
        Published {
            cells: g
                .cells
                .iter()
                .map(|r| r.iter().map(|c| c.count()).collect())
                .collect(),
            rows: g.row_totals.iter().map(|c| c.count()).collect(),
            cols: g.column_totals.iter().map(|c| c.count()).collect(),
            total: g.total.count(),
        }
    }

    /// Independent of the algorithm: tries every table whose hidden cells differ from the true
    /// ones by −1, 0 or +1, keeps those that agree with everything published and are
    /// non-negative, and returns which hidden figures (cells, row totals, column totals, grand
    /// total) took more than one value among them.
    fn ambiguous(
        truth: &[Vec<i64>],
        p: &Published,
    ) -> (Vec<Vec<bool>>, Vec<bool>, Vec<bool>, bool) {
        let r = truth.len();
        let c = truth[0].len();
        let hidden: Vec<(usize, usize)> = (0..r)
            .flat_map(|i| (0..c).map(move |j| (i, j)))
            .filter(|&(i, j)| p.cells[i][j].is_none())
            .collect();
        let mut cell_var = vec![vec![false; c]; r];
        let mut row_var = vec![false; r];
        let mut col_var = vec![false; c];
        let mut total_var = false;
        let combos = 3usize.pow(hidden.len() as u32);
        for code in 0..combos {
            let mut t = truth.to_vec();
            let mut x = code;
            let mut ok = true;
            for &(i, j) in &hidden {
                let d = (x % 3) as i64 - 1;
                x /= 3;
                t[i][j] += d;
                ok &= t[i][j] >= 0;
            }
            if !ok {
                continue;
            }
            let row_sums: Vec<i64> = t.iter().map(|row| row.iter().sum()).collect();
            let col_sums: Vec<i64> = (0..c).map(|j| t.iter().map(|row| row[j]).sum()).collect();
            let total: i64 = row_sums.iter().sum();
            let agrees = (0..r).all(|i| p.rows[i].is_none_or(|n| n == row_sums[i]))
                && (0..c).all(|j| p.cols[j].is_none_or(|n| n == col_sums[j]))
                && p.total.is_none_or(|n| n == total);
            if !agrees {
                continue;
            }
            for &(i, j) in &hidden {
                cell_var[i][j] |= t[i][j] != truth[i][j];
            }
            for i in 0..r {
                row_var[i] |= row_sums[i] != truth[i].iter().sum::<i64>();
            }
            for j in 0..c {
                col_var[j] |= col_sums[j] != truth.iter().map(|row| row[j]).sum::<i64>();
            }
            total_var |= total != truth.iter().flatten().sum::<i64>();
        }
        (cell_var, row_var, col_var, total_var)
    }

    fn check_grid(truth: &[Vec<i64>], kk: i64) -> Result<(), TestCaseError> {
        let g = suppress_grid(truth, k(kk));
        let p = published(&g);
        let r = truth.len();
        let c = truth[0].len();
        // R46 1: every published figure is at least k.
        for n in p
            .cells
            .iter()
            .flatten()
            .chain(&p.rows)
            .chain(&p.cols)
            .chain([&p.total])
            .flatten()
        {
            prop_assert!(*n >= kk, "published {n} below k = {kk}");
        }
        // Published figures are the true ones.
        for i in 0..r {
            for j in 0..c {
                if let Some(n) = p.cells[i][j] {
                    prop_assert_eq!(n, truth[i][j]);
                }
            }
        }
        // R46 2: no row or column (margins included) has exactly one suppressed figure.
        for i in 0..r {
            let hidden = p.cells[i].iter().filter(|x| x.is_none()).count()
                + usize::from(p.rows[i].is_none());
            prop_assert!(hidden != 1, "row {i} has a lone suppressed figure");
        }
        for j in 0..c {
            let hidden = (0..r).filter(|&i| p.cells[i][j].is_none()).count()
                + usize::from(p.cols[j].is_none());
            prop_assert!(hidden != 1, "column {j} has a lone suppressed figure");
        }
        // The promise: every suppressed figure takes at least two values among the tables that
        // agree with what is published.
        let (cells, rows, cols, total) = ambiguous(truth, &p);
        for i in 0..r {
            for j in 0..c {
                if p.cells[i][j].is_none() {
                    prop_assert!(cells[i][j], "cell ({i},{j}) can be worked out: {truth:?}");
                }
            }
            if p.rows[i].is_none() {
                prop_assert!(rows[i], "row total {i} can be worked out: {truth:?}");
            }
        }
        for j in 0..c {
            if p.cols[j].is_none() {
                prop_assert!(cols[j], "column total {j} can be worked out: {truth:?}");
            }
        }
        if p.total.is_none() {
            prop_assert!(total, "the grand total can be worked out: {truth:?}");
        }
        Ok(())
    }

    fn table(max_rows: usize, max_cols: usize) -> impl Strategy<Value = Vec<Vec<i64>>> {
        (1..=max_rows, 1..=max_cols).prop_flat_map(|(r, c)| {
            // Many small counts and zeros, some large ones, as in a small project's figures.
            let count = prop_oneof![3 => 0i64..=4, 2 => 5i64..=12, 1 => 13i64..=40];
            proptest::collection::vec(proptest::collection::vec(count, c), r)
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(160))]

        #[test]
        fn no_suppressed_figure_can_be_worked_out(t in table(3, 3), kk in MIN_K..=6) {
            check_grid(&t, kk)?;
        }

        #[test]
        fn no_suppressed_figure_of_a_list_can_be_worked_out(
            counts in proptest::collection::vec(prop_oneof![0i64..=4, 5i64..=20], 1..=7),
            kk in MIN_K..=6,
        ) {
            let l = suppress_list(&counts, k(kk));
            let p = Published {
                cells: vec![l.cells.iter().map(|c| c.count()).collect()],
                rows: vec![l.total.count()],
                cols: l.cells.iter().map(|c| c.count()).collect(),
                total: l.total.count(),
            };
            let (cells, rows, _, _) = ambiguous(std::slice::from_ref(&counts), &p);
            for (j, c) in l.cells.iter().enumerate() {
                match c {
                    Cell::Count(n) => prop_assert!(*n >= kk && *n == counts[j]),
                    Cell::Suppressed => prop_assert!(cells[0][j], "{counts:?}: cell {j}"),
                }
            }
            if l.total.is_suppressed() {
                prop_assert!(rows[0], "{counts:?}: the total");
            }
        }
    }

    #[test]
    fn a_lone_small_cell_takes_a_partner_and_the_total_stays() {
        let l = suppress_list(&[6, 3, 9], Threshold::default());
        assert_eq!(
            l.cells,
            vec![Cell::Suppressed, Cell::Suppressed, Cell::Count(9)],
            "3 alone would be 18 − 6 − 9; the smallest other cell goes with it"
        );
        assert_eq!(l.total, Cell::Count(18));
        let l = suppress_list(&[5, 7], Threshold::default());
        assert_eq!(l.cells, vec![Cell::Count(5), Cell::Count(7)]);
        assert_eq!(l.total, Cell::Count(12));
    }

    #[test]
    fn hidden_zeros_are_not_left_pinned_to_zero() {
        // Two zeros in a row with a published total would both be known to be 0.
        let l = suppress_list(&[0, 0, 8, 9], Threshold::default());
        assert_eq!(l.cells[0], Cell::Suppressed);
        assert_eq!(l.cells[1], Cell::Suppressed);
        assert!(
            l.cells[2].is_suppressed() || l.total.is_suppressed(),
            "{l:?}"
        );
    }

    #[test]
    fn a_small_row_total_suppresses_its_row() {
        let g = suppress_grid(
            &[vec![1, 2], vec![10, 12], vec![9, 8]],
            Threshold::default(),
        );
        assert_eq!(g.row_totals[0], Cell::Suppressed);
        assert!(g.cells[0].iter().all(|c| c.is_suppressed()));
        check_grid(&[vec![1, 2], vec![10, 12], vec![9, 8]], 5).unwrap();
    }

    #[test]
    fn the_threshold_has_a_floor() {
        assert!(Threshold::new(2).is_err());
        assert_eq!(Threshold::new(3).unwrap().get(), 3);
        assert_eq!(Threshold::default().get(), 5);
        assert_eq!(derived(4, 1.5, Threshold::default()), None);
        assert_eq!(derived(5, 1.5, Threshold::default()), Some(1.5));
    }
}
