//! Invariants on random inputs, checked against the independent reference in `naive.rs`.

use crate::gen::{self, Rng};
use crate::naive;
use polku_matching::api::{self, CraftArgs, MatchArgs};
use polku_matching::internals::allocate::{self, Problem};
use proptest::prelude::*;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

fn today() -> time::Date {
    time::macros::date!(2026 - 01 - 15)
}

fn all(participant: Option<&str>, opening: Option<&str>) -> MatchArgs {
    MatchArgs {
        participant: participant.map(str::to_owned),
        opening: opening.map(str::to_owned),
        top: 10_000,
        include_excluded: true,
    }
}

/// (opening id → score) of the feasible results for one participant.
fn scores(input: &polku_matching::Input, p: &str) -> BTreeMap<String, f64> {
    let v = api::to_json(&api::match_input(input, &all(Some(p), None), today()).expect("match"));
    v["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter(|r| r.get("excluded_by").is_none())
        .map(|r| {
            (
                r["opening"].as_str().expect("id").to_owned(),
                r["score"].as_f64().expect("score"),
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Feasible results break no hard limit, every feasible opening is found, accommodations
    /// are the cheapest, not-assessed demands are listed to check, parts add up.
    #[test]
    fn no_hard_limit_is_violated(seed in any::<u64>()) {
        let input = gen::input(seed, 4, 5);
        for p in &input.participants {
            let v = api::to_json(&api::match_input(&input, &all(Some(&p.id), None), today()).expect("match"));
            let mut found = BTreeSet::new();
            for r in v["results"].as_array().expect("results") {
                let oid = r["opening"].as_str().expect("id");
                let (e, o) = input.employers.iter().find_map(|e| e.openings.iter().position(|o| o.id == oid).map(|o| (e, o))).expect("opening");
                let naive = naive::feasible(&input, p, e, o);
                if r.get("excluded_by").is_some() {
                    prop_assert!(naive.is_none(), "{oid} excluded but feasible for {}", p.id);
                    prop_assert!(!r["excluded_by"].as_array().expect("list").is_empty());
                    continue;
                }
                let cost = naive.expect("engine result must be feasible");
                prop_assert_eq!(r["accommodation_cost_eur"].as_u64(), Some(cost));
                found.insert(oid.to_owned());
                let tasks = naive::opening_tasks(e, &e.openings[o].tasks);
                let checks: BTreeSet<String> = r["to_check"].as_array().expect("list").iter().map(|c| c["dimension"].as_str().expect("dim").to_owned()).collect();
                prop_assert_eq!(checks, naive::to_check(p, &tasks));
                let sum: f64 = r["parts"].as_object().expect("parts").values().map(|x| x.as_f64().expect("num")).sum();
                let score = r["score"].as_f64().expect("score");
                prop_assert!((sum - score).abs() < 1e-9 && (0.0..=1.0).contains(&score));
            }
            for e in &input.employers {
                for (o, op) in e.openings.iter().enumerate() {
                    prop_assert_eq!(found.contains(&op.id), naive::feasible(&input, p, e, o).is_some(), "{} {}", p.id, op.id);
                }
            }
        }
    }

    /// A pair scores the same whichever side asks.
    #[test]
    fn both_directions_agree(seed in any::<u64>()) {
        let input = gen::input(seed, 5, 4);
        let by_person: BTreeMap<(String, String), f64> = input.participants.iter()
            .flat_map(|p| scores(&input, &p.id).into_iter().map(move |(o, s)| ((p.id.clone(), o), s)))
            .collect();
        let mut by_opening = BTreeMap::new();
        for e in &input.employers {
            for op in &e.openings {
                let v = api::to_json(&api::match_input(&input, &all(None, Some(&op.id)), today()).expect("match"));
                for c in v["candidates"].as_array().expect("list").iter().filter(|c| c.get("excluded_by").is_none()) {
                    by_opening.insert((c["participant"].as_str().expect("id").to_owned(), op.id.clone()), c["score"].as_f64().expect("score"));
                }
            }
        }
        prop_assert_eq!(by_person, by_opening);
    }

    /// A short top-K list (where bounds skip openings that cannot enter) is exactly the head
    /// of the full ranking, in both directions.
    #[test]
    fn top_k_is_the_head_of_the_full_ranking(seed in any::<u64>(), k in 1usize..4) {
        let input = gen::input(seed, 6, 12);
        let ranked = |args: MatchArgs, key: &str| -> Vec<(String, f64)> {
            let v = api::to_json(&api::match_input(&input, &args, today()).expect("match"));
            v[key].as_array().expect("list").iter()
                .filter(|r| r.get("excluded_by").is_none())
                .map(|r| (format!("{}/{}", r["participant"].as_str().unwrap_or(""), r["opening"].as_str().unwrap_or("")), r["score"].as_f64().unwrap_or(-1.0)))
                .collect()
        };
        for p in &input.participants {
            let full = ranked(all(Some(&p.id), None), "results");
            let short = ranked(MatchArgs { top: k, include_excluded: false, ..all(Some(&p.id), None) }, "results");
            prop_assert_eq!(&short[..], &full[..k.min(full.len())]);
        }
        for e in &input.employers {
            for op in &e.openings {
                let full = ranked(all(None, Some(&op.id)), "candidates");
                let short = ranked(MatchArgs { top: k, include_excluded: false, ..all(None, Some(&op.id)) }, "candidates");
                prop_assert_eq!(&short[..], &full[..k.min(full.len())]);
            }
        }
    }

    /// Adding a skill the participant did not have never lowers a score.
    #[test]
    fn adding_a_skill_never_lowers_a_score(seed in any::<u64>(), extra in 0u64..12) {
        let mut input = gen::input(seed, 2, 5);
        let before = scores(&input, "p0");
        input.participants[0].skills.push(gen::skill(extra));
        let after = scores(&input, "p0");
        prop_assert_eq!(before.keys().collect::<Vec<_>>(), after.keys().collect::<Vec<_>>());
        for (o, s) in &before {
            prop_assert!(after[o] >= *s, "{o}: {s} -> {}", after[o]);
        }
    }

    /// Crafting equals brute force on up to 16 tasks; never too many hours, never an
    /// infeasible task.
    #[test]
    fn crafting_equals_brute_force(seed in any::<u64>(), n in 1usize..=16) {
        let mut r = Rng::new(seed);
        let mut input = gen::input(seed, 1, 0);
        input.employers = vec![gen::employer(&mut r, 0, n)];
        let p = input.participants[0].clone();
        let e = input.employers[0].clone();
        let (lo, hi) = (p.hours_per_week.min, p.hours_per_week.max);
        let v = api::to_json(&api::craft(&input, &CraftArgs { participant: p.id.clone(), employer: e.id.clone(), hours: None }, today()).expect("craft"));
        let expected = naive::craft(&input, &p, &e, lo, hi);
        prop_assert_eq!(v["found"].as_bool(), Some(expected.is_some()));
        if let Some(best) = expected {
            prop_assert_eq!((v["objective"].as_f64().expect("num") * 1000.0).round() as i64, best);
        }
        let chosen: Vec<&str> = v["tasks"].as_array().expect("list").iter().map(|t| t.as_str().expect("id")).collect();
        let tasks: Vec<_> = e.tasks.iter().filter(|t| chosen.contains(&t.id.as_str())).collect();
        let hours: u32 = tasks.iter().map(|t| u32::from(t.hours_per_week)).sum();
        prop_assert_eq!(v["hours_per_week"].as_u64(), Some(u64::from(hours)));
        if !chosen.is_empty() {
            prop_assert!(hours >= u32::from(lo) && hours <= u32::from(hi));
        }
        let accs = input.accommodations.clone().unwrap_or_default();
        for t in &tasks {
            prop_assert!(naive::tasks_ok(&p, &[t], e.municipality.as_str(), &accs));
        }
        let left: usize = v["left_out"].as_array().expect("list").len();
        prop_assert_eq!(left + chosen.len(), e.tasks.len());
        for l in ["fi", "sv", "en", "fi-x-selko"] {
            prop_assert!(v["description"][l].as_str().is_some_and(|s| !s.is_empty()));
        }
    }

    /// Allocation never exceeds a capacity and equals brute force on small instances.
    #[test]
    fn allocation_is_optimal_and_within_capacity(seed in any::<u64>()) {
        let mut r = Rng::new(seed);
        let m = 1 + r.below(4) as usize;
        let n = 1 + r.below(7) as usize;
        let mut problem = Problem::new((0..m).map(|_| 1 + r.below(2) as u32).collect());
        for _ in 0..n {
            let arcs: BTreeMap<u32, i64> = (0..r.below(4)).map(|_| (r.below(m as u64) as u32, r.below(1000) as i64)).collect();
            problem.push_person(arcs);
        }
        let sol = allocate::solve(&problem);
        let mut load = vec![0u32; m];
        for a in sol.assignment.iter().flatten() {
            load[*a as usize] += 1;
        }
        prop_assert!(load.iter().zip(&problem.capacities).all(|(l, c)| l <= c));
        prop_assert_eq!(sol.objective, brute_force(&problem, 0, &mut vec![0; m]));
    }

    /// The full allocation through the API: capacities hold, each person at most once.
    #[test]
    fn allocate_api_respects_capacities(seed in any::<u64>()) {
        let input = gen::input(seed, 8, 4);
        let v = api::allocate_input(&input).expect("allocate");
        let mut per_opening: BTreeMap<String, u64> = BTreeMap::new();
        let mut people = BTreeSet::new();
        for a in v["assignments"].as_array().expect("list") {
            *per_opening.entry(a["opening"].as_str().expect("id").to_owned()).or_default() += 1;
            prop_assert!(people.insert(a["participant"].as_str().expect("id").to_owned()));
        }
        for e in &input.employers {
            for o in &e.openings {
                prop_assert!(per_opening.get(&o.id).copied().unwrap_or(0) <= u64::from(o.capacity));
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The explained allocation is the same assignment as the JSON one, explains every pair with
    /// the pair's own score, gives every unassigned person a reason that holds, and is never
    /// beaten by first come, first served, which keeps within the capacities too.
    #[test]
    fn explained_allocation_agrees_and_beats_first_come_first_served(seed in any::<u64>()) {
        use polku_matching::output::UnplacedReason;
        let input = gen::input(seed, 8, 4);
        let plain = api::allocate(&input).expect("allocate");
        prop_assert_eq!(api::to_json(&plain), api::allocate_input(&input).expect("json"));
        let x = api::allocate_explained(&input, today()).expect("explained");
        prop_assert_eq!(&x.allocation, &plain);
        prop_assert_eq!(x.explained.len(), plain.assignments.len());
        for (a, r) in plain.assignments.iter().zip(&x.explained) {
            prop_assert_eq!(&a.participant, &r.participant);
            prop_assert_eq!(&a.opening, &r.opening);
            prop_assert!((a.score - r.score).abs() < 1e-9);
        }
        prop_assert_eq!(x.unplaced.len(), plain.unassigned.len());
        for u in &x.unplaced {
            let fits = scores(&input, &u.participant);
            match &u.reason {
                UnplacedReason::NoFit { .. } => prop_assert!(fits.is_empty()),
                UnplacedReason::PlacesTaken { feasible } => {
                    prop_assert!(!feasible.is_empty());
                    prop_assert!(feasible.iter().all(|o| fits.contains_key(o)));
                }
            }
        }
        prop_assert!(x.greedy.objective_micro <= plain.objective_micro);
        let mut load: BTreeMap<&str, u64> = BTreeMap::new();
        for a in &x.greedy.assignments {
            *load.entry(a.opening.as_str()).or_default() += 1;
        }
        for e in &input.employers {
            for o in &e.openings {
                prop_assert!(load.get(o.id.as_str()).copied().unwrap_or(0) <= u64::from(o.capacity));
            }
        }
    }
}

fn brute_force(p: &Problem, person: usize, load: &mut Vec<u32>) -> i64 {
    if person == p.people() {
        return 0;
    }
    let mut best = brute_force(p, person + 1, load);
    for k in p.starts[person] as usize..p.starts[person + 1] as usize {
        let o = p.heads[k] as usize;
        if load[o] < p.capacities[o] {
            load[o] += 1;
            best = best.max(p.weights[k] + brute_force(p, person + 1, load));
            load[o] -= 1;
        }
    }
    best
}

#[test]
fn scores_are_plain_numbers() {
    let input = gen::input(7, 3, 3);
    let v: Value =
        api::to_json(&api::match_input(&input, &MatchArgs::default(), today()).expect("match"));
    assert!(v["participants"].as_array().is_some_and(|a| a.len() == 3));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// The direct JSON writer writes exactly what serde_json writes for the typed answer, with
    /// and without sentences, in both directions (including strings that need escaping).
    #[test]
    fn json_writer_equals_serde(seed in any::<u64>()) {
        use crate::write::JsonWriter;
        use polku_matching::internals::hit::{OpeningCandidates, PersonResults};
        use polku_matching::internals::search::{self, Scratch};
        let mut input = gen::input(seed, 10, 8);
        if let Some(e) = input.employers.first_mut() {
            if let Some(t) = e.tasks.first_mut() {
                t.title = "Hylly \"A\"\n\\ ä\u{1}".to_owned();
            }
            if let Some(o) = e.openings.first_mut() {
                o.title = Some("Kassa / \"yö\"\t".to_owned());
            }
        }
        let ix = polku_matching::internals::index::Index::build(&input);
        let mut scratch = Scratch::new(&ix);
        let mut writer = JsonWriter::new();
        let mut skills = polku_matching::internals::dict::BitSet::with_len(ix.skills.len());
        for words in [true, false] {
            for p in 0..ix.people.len() {
                let hits = search::top_openings(&ix, p, 50, &mut scratch);
                let row = ix.people.skills.row(p);
                skills.set_all(row);
                let results = polku_matching::internals::answer::hits_out(&ix, &hits, &skills, today(), words);
                skills.clear_all(row);
                let answer = PersonResults { participant: &ix.people.id[p], results };
                let mut ours = Vec::new();
                writer.person_results(&mut ours, &answer);
                let theirs = serde_json::to_vec(&answer).expect("json");
                prop_assert_eq!(String::from_utf8_lossy(&ours), String::from_utf8_lossy(&theirs));
            }
            for o in 0..ix.openings.len() {
                let hits = search::top_people(&ix, o, 50, &mut scratch);
                let candidates = hits
                    .iter()
                    .map(|h| {
                        let row = ix.people.skills.row(h.person as usize);
                        skills.set_all(row);
                        let r = polku_matching::internals::answer::hit_out_words(&ix, h, &skills, today(), words);
                        skills.clear_all(row);
                        r
                    })
                    .collect();
                let answer = OpeningCandidates { opening: &ix.openings.id[o], candidates };
                let mut ours = Vec::new();
                writer.opening_candidates(&mut ours, &answer);
                let theirs = serde_json::to_vec(&answer).expect("json");
                prop_assert_eq!(String::from_utf8_lossy(&ours), String::from_utf8_lossy(&theirs));
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// The score bound (skill signatures, per-task popular-skill bits) is never below the
    /// true score of a feasible pair.
    #[test]
    fn score_bound_is_never_below_the_score(seed in any::<u64>()) {
        use polku_matching::internals::search::{self, Scratch};
        let input = gen::input(seed, 12, 10);
        let ix = polku_matching::internals::index::Index::build(&input);
        let mut scratch = Scratch::new(&ix);
        for p in 0..ix.people.len() {
            let mut hits = Vec::new();
            search::all_openings(&ix, p, &mut scratch, &mut hits);
            for h in hits {
                let b = polku_matching::internals::prune::bound(&ix, p, h.opening as usize, h.cover.cost_eur);
                prop_assert!(b >= h.score(), "bound {} < score {} (p{}, o{})", b, h.score(), p, h.opening);
            }
        }
    }
}
