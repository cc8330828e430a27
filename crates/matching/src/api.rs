//! The operations behind `polku match|craft|allocate` and the service layer: typed answers
//! ([`crate::output`]) for callers in Rust, and thin JSON wrappers (`*_json`) for the edges
//! where JSON is the contract (the command line and the HTTP API).

use crate::dict::BitSet;
pub use crate::error::InputError;
use crate::explain;
use crate::feasible::Job;
use crate::hit::{self, AccIds, MatchResult, TaskRefs};
use crate::index::Index;
use crate::input::Input;
use crate::output::{Excluded, Matches, OpeningMatches, PersonMatches, Ranked};
use crate::search::{self, Hit, Scratch};
use crate::subsidy;
use crate::validate;
use crate::views::Packed;

mod allocation;
mod crafting;

pub use allocation::{allocate_input, allocate_json, allocation_problem, fairness_micro};
pub use crafting::{craft, craft_json};
use serde_json::Value;
use time::Date;

/// Arguments of `polku match`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatchArgs {
    pub participant: Option<String>,
    pub opening: Option<String>,
    pub top: usize,
    pub include_excluded: bool,
}

impl Default for MatchArgs {
    fn default() -> Self {
        Self {
            participant: None,
            opening: None,
            top: 20,
            include_excluded: false,
        }
    }
}

/// Arguments of `polku craft`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CraftArgs {
    pub participant: String,
    pub employer: String,
    pub hours: Option<(u8, u8)>,
}

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

fn excluded_pair(ix: &Index, p: usize, o: usize) -> Option<Excluded> {
    let job = Job::opening(ix, o);
    let why = explain::excluded_by(ix, p, &job, true);
    (!why.is_empty()).then(|| {
        Excluded::from(&hit::Excluded {
            participant: &ix.people.id[p],
            opening: &ix.openings.id[o],
            excluded_by: why,
        })
    })
}

fn for_person(
    ix: &Index,
    p: usize,
    list: List,
    scratch: &mut Scratch,
    skills: &mut BitSet,
    today: Date,
) -> PersonMatches {
    let hits = search::top_openings(ix, p, list.top, scratch);
    let row = ix.people.skills.row(p);
    skills.set_all(row);
    let results = hits_out(ix, &hits, skills, today, true)
        .iter()
        .map(Ranked::from)
        .collect();
    skills.clear_all(row);
    let mut excluded: Vec<Excluded> = Vec::new();
    if list.include_excluded {
        excluded = (0..ix.openings.len())
            .filter_map(|o| excluded_pair(ix, p, o))
            .collect();
        excluded.sort_by(|a, b| a.opening.cmp(&b.opening));
    }
    PersonMatches {
        participant: ix.people.id[p].clone(),
        results,
        excluded,
    }
}

/// How long an answer is: the best `top` results, and whether to list the excluded pairs too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct List {
    pub top: usize,
    pub include_excluded: bool,
}

/// The best openings for one participant, explained.
pub fn match_person(
    input: &Input,
    participant: &str,
    list: List,
    today: Date,
) -> Result<PersonMatches, InputError> {
    validate::validate(input)?;
    let ix = Index::build(input);
    let p = person(&ix, participant)?;
    let mut skills = BitSet::with_len(ix.skills.len());
    Ok(for_person(
        &ix,
        p,
        list,
        &mut Scratch::new(&ix),
        &mut skills,
        today,
    ))
}

/// The best candidates for one opening, explained.
pub fn match_opening(
    input: &Input,
    opening: &str,
    list: List,
    today: Date,
) -> Result<OpeningMatches, InputError> {
    validate::validate(input)?;
    let ix = Index::build(input);
    let o = *ix
        .opening_by_id
        .get(opening)
        .ok_or_else(|| InputError::not_found("opening", "opening", opening))? as usize;
    let mut skills = BitSet::with_len(ix.skills.len());
    let hits = search::top_people(&ix, o, list.top, &mut Scratch::new(&ix));
    let candidates = hits
        .iter()
        .map(|h| {
            let row = ix.people.skills.row(h.person as usize);
            skills.set_all(row);
            let r = Ranked::from(&hit_out(&ix, h, &skills, today));
            skills.clear_all(row);
            r
        })
        .collect();
    let excluded = if list.include_excluded {
        (0..ix.people.len())
            .filter_map(|p| excluded_pair(&ix, p, o))
            .collect()
    } else {
        Vec::new()
    };
    Ok(OpeningMatches {
        opening: opening.to_owned(),
        candidates,
        excluded,
    })
}

/// Every participant's best openings, explained.
pub fn match_everyone(
    input: &Input,
    list: List,
    today: Date,
) -> Result<Vec<PersonMatches>, InputError> {
    validate::validate(input)?;
    let ix = Index::build(input);
    let mut scratch = Scratch::new(&ix);
    let mut skills = BitSet::with_len(ix.skills.len());
    Ok((0..ix.people.len())
        .map(|p| for_person(&ix, p, list, &mut scratch, &mut skills, today))
        .collect())
}

/// `polku match`: ranked openings for a participant, ranked candidates for an opening, or every
/// participant's ranked openings, as the arguments ask.
pub fn match_input(input: &Input, args: &MatchArgs, today: Date) -> Result<Matches, InputError> {
    let list = List {
        top: args.top,
        include_excluded: args.include_excluded,
    };
    match (&args.participant, &args.opening) {
        (Some(_), Some(_)) => {
            // Reported after the input is known to be valid, as before.
            validate::validate(input)?;
            Err(InputError::new(
                "",
                "invalid_arguments",
                "give --participant or --opening, not both",
            ))
        }
        (None, Some(o)) => match_opening(input, o, list, today).map(Matches::Opening),
        (Some(p), None) => match_person(input, p, list, today).map(Matches::Person),
        (None, None) => match_everyone(input, list, today)
            .map(|participants| Matches::Everyone { participants }),
    }
}

/// [`match_input`] on JSON text, answered as JSON: the contract of `polku match --input` and
/// `POST /api/v1/match`.
pub fn match_json(input: &str, args: &MatchArgs, today: Date) -> Result<Value, InputError> {
    match_input(&validate::parse(input)?, args, today).map(|m| to_json(&m))
}

/// An answer as a JSON value (object keys sorted, as the answers have always been written).
pub fn to_json(answer: &impl serde::Serialize) -> Value {
    // The answers hold strings, numbers and maps with string keys only, which cannot fail.
    serde_json::to_value(answer).unwrap_or(Value::Null)
}
