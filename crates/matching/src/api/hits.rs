//! One hit explained as views into the index ([`crate::hit`]): what the API turns into its owned
//! answers, and what the benchmark writes straight to JSON text.

use super::InputError;
use crate::dict::BitSet;
use crate::explain;
use crate::feasible::Job;
use crate::hit::{AccIds, MatchResult, TaskRefs};
use crate::index::Index;
use crate::search::Hit;
use crate::subsidy;
use crate::views::Packed;
use time::Date;

pub(crate) fn person(ix: &Index, id: &str) -> Result<usize, InputError> {
    ix.person_by_id
        .get(id)
        .map(|&p| p as usize)
        .ok_or_else(|| InputError::not_found("participant", "participant", id))
}

/// One feasible pair with its explanation, typed; `skills` holds the person's skills.
pub fn hit_out<'a>(ix: &'a Index, h: &Hit, skills: &BitSet, today: Date) -> MatchResult<'a> {
    hit_out_words(ix, h, skills, today, true)
}

/// [`hit_out`], with the English sentences only when `words` (without them every item still
/// carries its code and figures: the same information, for an interface to render).
pub fn hit_out_words<'a>(
    ix: &'a Index,
    h: &Hit,
    skills: &BitSet,
    today: Date,
    words: bool,
) -> MatchResult<'a> {
    hit_out_on(ix, h, skills, &subsidy::RulesOn::new(ix, today), words)
}

/// [`hit_out_words`] with the day's subsidy rules looked up already.
fn hit_out_on<'a>(
    ix: &'a Index,
    h: &Hit,
    skills: &BitSet,
    rules: &subsidy::RulesOn,
    words: bool,
) -> MatchResult<'a> {
    let (p, o) = (h.person as usize, h.opening as usize);
    let tasks = ix.openings.tasks.row(o);
    let job = Job::opening(ix, o);
    let (parts, explanation) = explain::parts_of(
        ix,
        p,
        Packed(ix.openings.packed.row(o)),
        skills,
        &h.parts,
        h.cover.cost_eur,
        ix.openings.employer[o] as usize,
        words,
    );
    MatchResult {
        participant: &ix.people.id[p],
        opening: &ix.openings.id[o],
        employer: &ix.employers.id[ix.openings.employer[o] as usize],
        kind: ix.openings.kind[o],
        title: ix.openings.title[o].as_deref(),
        score: explain::micro(h.score()),
        parts,
        explanation,
        fits: explain::fits(ix, p, &job, h.cover.accs, words),
        to_check: explain::to_check(&job, h.to_check, words),
        accommodations: AccIds::new(&ix.accs, h.cover.accs),
        accommodation_cost_eur: h.cover.cost_eur,
        accommodation_subsidies: subsidy::for_accommodations_on(ix, h.cover.accs, rules),
        subsidy: subsidy::for_opening_on(ix, p, o, rules).map(|mut s| {
            s.text.words = words;
            s
        }),
        hours_per_week: ix.openings.hours[o],
        tasks: TaskRefs::new(&ix.tasks, tasks),
    }
}

/// [`hit_out_words`] for a list of hits (one person's or one opening's answer). The data of the
/// results is scattered over the index: a first pass loads a byte of each string and row an
/// answer reads, so the cache misses of all results overlap.
pub fn hits_out<'a>(
    ix: &'a Index,
    hits: &[Hit],
    skills: &BitSet,
    today: Date,
    words: bool,
) -> Vec<MatchResult<'a>> {
    let first = |s: &str| s.as_bytes().first().copied().unwrap_or(0);
    let mut touch = 0u8;
    let op = &ix.openings;
    for h in hits {
        let o = h.opening as usize;
        touch ^= first(&op.id[o]) ^ op.days[o] ^ op.sched[o] ^ (op.employer[o] as u8);
        touch ^= (op.hours[o] as u8) ^ (op.municipality[o] as u8) ^ (op.wage[o].is_some() as u8);
        touch ^= op.title[o].as_deref().map_or(0, first);
        for &t in op.tasks.row(o) {
            touch ^= ix.tasks.hours[t as usize];
        }
    }
    for h in hits {
        let o = h.opening as usize;
        touch ^= first(&ix.employers.id[op.employer[o] as usize]);
        for &t in op.tasks.row(o) {
            touch ^= first(&ix.tasks.id[t as usize]) ^ first(&ix.tasks.title[t as usize]);
        }
    }
    std::hint::black_box(touch);
    let rules = subsidy::RulesOn::new(ix, today);
    hits.iter()
        .map(|h| hit_out_on(ix, h, skills, &rules, words))
        .collect()
}
