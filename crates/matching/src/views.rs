//! What scoring reads of a task and of a person: from the struct-of-arrays index, or from an
//! opening's packed copy of its tasks (one contiguous row per opening, read in one pass).

use crate::index::Index;
use crate::swar::Lanes;

/// What scoring reads of a task, from the task arrays or from an opening's packed copy.
#[derive(Debug, Clone, Copy)]
pub struct TaskView<'a> {
    pub hours: u8,
    pub learnable: bool,
    pub demanded: u32,
    pub occupation: u32,
    pub lang: u64,
    pub demand: Lanes,
    pub essential: &'a [u32],
    pub optional: &'a [u32],
}

impl<'a> TaskView<'a> {
    pub fn of(ix: &'a Index, t: usize) -> Self {
        let tk = &ix.tasks;
        TaskView {
            hours: tk.hours[t],
            learnable: tk.learnable[t],
            demanded: tk.demanded[t],
            occupation: tk.occupation[t],
            lang: tk.lang[t],
            demand: tk.demand[t],
            essential: tk.essential.row(t),
            optional: tk.optional.row(t),
        }
    }
}

/// Packs task `t` for [`Packed`]: hours | learnable | #essential | #optional, demanded,
/// occupation, language (2 words), demand lanes (6 words), essential ids, optional ids.
pub fn pack_task(ix: &Index, t: usize, out: &mut Vec<u32>) {
    let v = TaskView::of(ix, t);
    out.push(
        u32::from(v.hours)
            | u32::from(v.learnable) << 8
            | (v.essential.len().min(255) as u32) << 16
            | (v.optional.len().min(255) as u32) << 24,
    );
    out.extend([
        v.demanded,
        v.occupation,
        v.lang as u32,
        (v.lang >> 32) as u32,
    ]);
    for w in v.demand {
        out.extend([w as u32, (w >> 32) as u32]);
    }
    out.extend(v.essential.iter().take(255));
    out.extend(v.optional.iter().take(255));
}

/// Iterates the tasks packed by [`pack_task`].
#[derive(Debug, Clone)]
pub struct Packed<'a>(pub &'a [u32]);

impl<'a> Iterator for Packed<'a> {
    type Item = TaskView<'a>;
    #[inline]
    fn next(&mut self) -> Option<TaskView<'a>> {
        let w = self.0;
        if w.len() < 11 {
            return None;
        }
        let (ne, no) = ((w[0] >> 16 & 0xFF) as usize, (w[0] >> 24) as usize);
        let word = |i: usize| u64::from(w[i]) | u64::from(w[i + 1]) << 32;
        let view = TaskView {
            hours: w[0] as u8,
            learnable: w[0] >> 8 & 1 == 1,
            demanded: w[1],
            occupation: w[2],
            lang: word(3),
            demand: [word(5), word(7), word(9)],
            essential: &w[11..11 + ne],
            optional: &w[11 + ne..11 + ne + no],
        };
        self.0 = &w[11 + ne + no..];
        Some(view)
    }
}

/// What scoring reads of a person.
#[derive(Debug, Clone, Copy)]
pub struct PersonView<'a> {
    pub lang: u64,
    pub cap: Lanes,
    /// 0xFF in the lanes of assessed dimensions.
    pub assessed: Lanes,
    pub goals: &'a [u32],
}

impl<'a> PersonView<'a> {
    pub fn of(ix: &'a Index, p: usize) -> Self {
        PersonView {
            lang: ix.people.lang[p],
            cap: ix.people.cap[p],
            assessed: ix.people.assessed[p],
            goals: ix.people.goals.row(p),
        }
    }
}
