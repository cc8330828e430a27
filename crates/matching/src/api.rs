//! The operations behind `polku match|craft|allocate` and the service layer: typed answers
//! ([`crate::output`]) for callers in Rust, and thin JSON wrappers (`*_json`) for the edges
//! where JSON is the contract (the command line and the HTTP API).

use crate::dict::BitSet;
pub use crate::error::InputError;
use crate::explain;
use crate::feasible::Job;
use crate::hit;
use crate::index::Index;
use crate::input::Input;
use crate::output::{Excluded, Matches, OpeningMatches, PersonMatches, Ranked};
use crate::search::{self, Scratch};
use crate::validate;

pub(crate) mod allocation;
mod crafting;
pub(crate) mod hits;

pub use allocation::{allocate, allocate_explained, allocate_input, allocate_json};
pub use crafting::{craft, craft_json};
use hits::{hit_out, hits_out, person};
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
