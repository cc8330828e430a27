//! Small building blocks of the index: a string interner and compressed sparse rows.

use std::collections::HashMap;

/// Maps strings to dense `u32` ids.
#[derive(Debug, Default, Clone)]
pub struct Interner {
    ids: HashMap<String, u32>,
    names: Vec<String>,
}

impl Interner {
    pub fn intern(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.names.len() as u32;
        self.ids.insert(s.to_owned(), id);
        self.names.push(s.to_owned());
        id
    }
    pub fn get(&self, s: &str) -> Option<u32> {
        self.ids.get(s).copied()
    }
    pub fn name(&self, id: u32) -> &str {
        &self.names[id as usize]
    }
    pub fn len(&self) -> usize {
        self.names.len()
    }
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// Rows of `u32` values stored back to back (compressed sparse rows).
#[derive(Debug, Clone)]
pub struct Rows {
    offsets: Vec<u32>,
    values: Vec<u32>,
}

impl Default for Rows {
    fn default() -> Self {
        Self {
            offsets: vec![0],
            values: Vec::new(),
        }
    }
}

impl Rows {
    /// Appends a row.
    pub fn push(&mut self, row: impl IntoIterator<Item = u32>) {
        self.values.extend(row);
        self.offsets.push(self.values.len() as u32);
    }
    /// Appends a row, sorted and without duplicates.
    pub fn push_set(&mut self, row: impl IntoIterator<Item = u32>) {
        let start = self.values.len();
        self.values.extend(row);
        self.values[start..].sort_unstable();
        let mut w = start;
        for r in start..self.values.len() {
            if w == start || self.values[w - 1] != self.values[r] {
                self.values[w] = self.values[r];
                w += 1;
            }
        }
        self.values.truncate(w);
        self.offsets.push(self.values.len() as u32);
    }
    pub fn row(&self, i: usize) -> &[u32] {
        &self.values[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }
    pub fn len(&self) -> usize {
        self.offsets.len() - 1
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Reorders the rows: row `i` of the result is row `order[i]` of `self`.
    pub fn permuted(&self, order: &[u32]) -> Rows {
        let mut out = Rows::default();
        out.values.reserve(self.values.len());
        for &i in order {
            out.push(self.row(i as usize).iter().copied());
        }
        out
    }
    pub fn heap_bytes(&self) -> usize {
        (self.offsets.capacity() + self.values.capacity()) * 4
    }
    /// Offsets (one more than rows) and values, for export.
    pub fn raw(&self) -> (&[u32], &[u32]) {
        (&self.offsets, &self.values)
    }
}

/// A set of `u32` ids as bits, reused between queries: set a row, test, clear the same row.
#[derive(Debug, Clone, Default)]
pub struct BitSet {
    words: Vec<u64>,
}

impl BitSet {
    pub fn with_len(n: usize) -> Self {
        Self {
            words: vec![0; n.div_ceil(64).max(1)],
        }
    }
    #[inline]
    pub fn contains(&self, i: u32) -> bool {
        self.words
            .get((i >> 6) as usize)
            .is_some_and(|w| w >> (i & 63) & 1 == 1)
    }
    pub fn set_all(&mut self, ids: &[u32]) {
        for &i in ids {
            if let Some(w) = self.words.get_mut((i >> 6) as usize) {
                *w |= 1 << (i & 63);
            }
        }
    }
    pub fn clear_all(&mut self, ids: &[u32]) {
        for &i in ids {
            if let Some(w) = self.words.get_mut((i >> 6) as usize) {
                *w = 0;
            }
        }
    }
}
