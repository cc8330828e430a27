//! National-scale benchmark of the matching engine (not a test; run by `bench/compare.sh`).
//!
//! `cargo bench -p polku-matching --bench national -- [--out DIR] [--scale F] [--queries N]
//!  [--explained N] [--no-export] [--no-pg] [--no-batch] [--no-alloc]`
//!
//! Measures, in order: memory read bandwidth; dataset generation and index build (time, peak
//! resident memory); a full hard-filter scan over every task; participant → top-20 openings
//! with explanations; opening → top-20 participants; every participant's top-20 on two
//! threads; allocation of 10,000 and 100,000 participants; crafting from 40 tasks. Figures go
//! to `OUT/ours.json`; sampled queries, their results and the allocation instances go to
//! `OUT/` for the peers, with the explained answers (as codes and figures, and with sentences) of
//! the first `--explained` sampled participants (default 500), one JSON line per query, so a peer
//! can check it builds the same answer.

mod export;
mod gen;
mod write;

use gen::{Rng, World};
use polku_matching::input::{Input, Participant};
use polku_matching::internals::allocate::{self, Problem};
use polku_matching::internals::answer as api;
use polku_matching::internals::build::Builder;
use polku_matching::internals::craft;
use polku_matching::internals::dict::BitSet;
use polku_matching::internals::feasible::{self, Job};
use polku_matching::internals::hit::{OpeningCandidates, PersonResults};
use polku_matching::internals::index::Index;
use polku_matching::internals::search::{self, Scratch};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::time::Instant;
use write::JsonWriter;

struct Args {
    out: PathBuf,
    data: String,
    scale: f64,
    queries: usize,
    explained: usize,
    export: bool,
    pg: bool,
    batch: bool,
    alloc: bool,
    opening: bool,
}

fn args() -> Args {
    let a: Vec<String> = std::env::args().collect();
    let get = |n: &str| {
        a.iter()
            .position(|x| x == n)
            .and_then(|i| a.get(i + 1).cloned())
    };
    Args {
        out: PathBuf::from(get("--out").unwrap_or_else(|| "target/bench-national".into())),
        data: get("--data").unwrap_or_else(|| {
            std::env::var("POLKU_SHARED_DATA").unwrap_or_else(|_| "/work/shared/data".into())
        }),
        scale: get("--scale").and_then(|s| s.parse().ok()).unwrap_or(1.0),
        queries: get("--queries")
            .and_then(|s| s.parse().ok())
            .unwrap_or(2000),
        explained: get("--explained")
            .and_then(|s| s.parse().ok())
            .unwrap_or(500),
        export: !a.iter().any(|x| x == "--no-export"),
        pg: !a.iter().any(|x| x == "--no-pg"),
        batch: !a.iter().any(|x| x == "--no-batch"),
        alloc: !a.iter().any(|x| x == "--no-alloc"),
        opening: !a.iter().any(|x| x == "--no-opening"),
    }
}

fn rss_peak_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|k| k.parse::<f64>().ok())
        .map_or(0.0, |k| k / 1024.0)
}

fn percentile(v: &mut [f64], q: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    v[((v.len() as f64 - 1.0) * q).round() as usize]
}

/// Best of five sequential reads of a 1 GiB buffer, in GB/s (one core).
fn bandwidth() -> f64 {
    let buf: Vec<u64> = (0..(1u64 << 27)).map(|i| i ^ 0x5555).collect();
    let mut best = 0.0f64;
    for _ in 0..5 {
        let t = Instant::now();
        let mut acc = [0u64; 8];
        for c in buf.chunks_exact(8) {
            for k in 0..8 {
                acc[k] = acc[k].wrapping_add(c[k]);
            }
        }
        let s = t.elapsed().as_secs_f64();
        std::hint::black_box(acc);
        best = best.max((buf.len() * 8) as f64 / s / 1e9);
    }
    best
}

fn build(w: &World, scale: f64) -> (Index, f64, f64) {
    let n_emp = (100_000.0 * scale) as usize;
    let n_people = (300_000.0 * scale) as usize;
    let mut r = Rng::new(2026);
    let mut b = Builder::new(&gen::accommodations());
    let (mut gen_s, mut build_s) = (0.0, 0.0);
    let chunk = 5_000;
    for start in (0..n_emp).step_by(chunk) {
        let t = Instant::now();
        let emps: Vec<_> = (start..(start + chunk).min(n_emp))
            .map(|e| gen::employer(w, &mut r, e, 10, 2, 100))
            .collect();
        gen_s += t.elapsed().as_secs_f64();
        let t = Instant::now();
        for e in &emps {
            b.add_employer(e);
        }
        build_s += t.elapsed().as_secs_f64();
    }
    for start in (0..n_people).step_by(chunk) {
        let t = Instant::now();
        let people: Vec<Participant> = (start..(start + chunk).min(n_people))
            .map(|p| gen::participant(w, &mut r, p))
            .collect();
        gen_s += t.elapsed().as_secs_f64();
        let t = Instant::now();
        for p in &people {
            b.add_participant(p);
        }
        build_s += t.elapsed().as_secs_f64();
    }
    let t = Instant::now();
    let ix = b.finish();
    build_s += t.elapsed().as_secs_f64();
    (ix, gen_s, build_s)
}

/// Hard-filter scan of every task for one person; returns the number of feasible tasks.
fn scan_tasks(ix: &Index, p: usize) -> usize {
    let pe = &ix.people;
    let (plus, lang, days, cannot) = (pe.cap_plus[p], pe.lang[p], pe.days_max[p], pe.cannot[p]);
    let tk = &ix.tasks;
    let mut n = 0usize;
    for (((d, l), dy), s) in tk.demand.iter().zip(&tk.lang).zip(&tk.days).zip(&tk.sched) {
        let ok = polku_matching::internals::swar::all_le(d, &plus)
            & polku_matching::internals::swar::word_le(*l, lang)
            & (*dy <= days)
            & (*s & cannot == 0);
        n += usize::from(ok);
    }
    n
}

fn main() {
    let a = args();
    std::fs::create_dir_all(&a.out).expect("out dir");
    let mut report = serde_json::Map::new();
    let today = time::macros::date!(2026 - 01 - 15);

    eprintln!("measuring memory bandwidth …");
    let bw = bandwidth();
    report.insert("bandwidth_gbs".into(), json!(bw));
    // Reset the peak resident size so it reflects the dataset, not the bandwidth buffer.
    let _ = std::fs::write("/proc/self/clear_refs", "5");

    eprintln!("generating and indexing (scale {}) …", a.scale);
    let mut r = Rng::new(7);
    let world = World::load(&a.data, &mut r);
    let base_rss = rss_peak_mib();
    let (ix, gen_s, build_s) = build(&world, a.scale);
    report.insert("generate_s".into(), json!(gen_s));
    report.insert("build_s".into(), json!(build_s));
    report.insert("rss_peak_mib".into(), json!(rss_peak_mib()));
    report.insert("rss_before_mib".into(), json!(base_rss));
    report.insert(
        "index_heap_mib".into(),
        json!(ix.heap_bytes() as f64 / 1048576.0),
    );
    report.insert(
        "dataset".into(),
        json!({"participants": ix.people.len(), "employers": ix.employers.id.len(), "openings": ix.openings.len(),
               "tasks": ix.tasks.len(), "skills": ix.skills.len(), "municipalities": ix.municipalities.len(),
               "skills_in_reference": world.skills.len(), "regions": world.regions.len()}),
    );
    eprintln!(
        "  {:.2} s build, {:.0} MiB peak RSS",
        build_s,
        rss_peak_mib()
    );

    // Hard-filter scan over all tasks.
    let n = ix.people.len();
    let mut rs = Rng::new(99);
    let mut times = Vec::new();
    let mut feasible_tasks = 0;
    for _ in 0..50 {
        let p = rs.below(n as u64) as usize;
        let t = Instant::now();
        feasible_tasks += scan_tasks(&ix, p);
        times.push(t.elapsed().as_secs_f64());
    }
    let scan_bytes = ix.tasks.len() as f64 * (24.0 + 8.0 + 1.0 + 1.0);
    let scan_med = percentile(&mut times, 0.5);
    report.insert(
        "scan".into(),
        json!({"tasks": ix.tasks.len(), "bytes": scan_bytes, "median_ms": scan_med * 1e3,
               "gbs": scan_bytes / scan_med / 1e9, "share_of_bandwidth": scan_bytes / scan_med / 1e9 / bw,
               "feasible_per_person": feasible_tasks / 50}),
    );

    // Participant → top-20 openings with explanations.
    let mut scratch = Scratch::new(&ix);
    let mut skills = BitSet::with_len(ix.skills.len());
    let sample: Vec<usize> = (0..a.queries)
        .map(|_| rs.below(n as u64) as usize)
        .collect();
    let (mut with, mut bare, mut results) = (Vec::new(), Vec::new(), Vec::new());
    let mut bytes_out = 0usize;
    let mut body: Vec<u8> = Vec::with_capacity(1 << 20);
    // Writes the typed answer as JSON text: byte for byte serde_json's output (tested).
    let mut json = JsonWriter::new();
    // With English sentences (what `polku match` prints).
    for &p in &sample {
        let t = Instant::now();
        let hits = search::top_openings(&ix, p, 20, &mut scratch);
        bare.push(t.elapsed().as_secs_f64());
        let row = ix.people.skills.row(p);
        skills.set_all(row);
        let v = api::hits_out(&ix, &hits, &skills, today, true);
        skills.clear_all(row);
        body.clear();
        json.person_results(
            &mut body,
            &PersonResults {
                participant: &ix.people.id[p],
                results: v,
            },
        );
        bytes_out += body.len();
        with.push(t.elapsed().as_secs_f64());
        results.push(json!({"person": p, "top": hits.iter().map(|h| json!([h.opening, h.score()])).collect::<Vec<_>>()}));
    }
    // The same explanations as codes and figures (every item's code and numbers, no sentence):
    // the same information, what an interface renders in its own locale.
    let (mut with_codes, mut bytes_codes) = (Vec::new(), 0usize);
    for &p in &sample {
        let t = Instant::now();
        let hits = search::top_openings(&ix, p, 20, &mut scratch);
        let row = ix.people.skills.row(p);
        skills.set_all(row);
        let v = api::hits_out(&ix, &hits, &skills, today, false);
        skills.clear_all(row);
        body.clear();
        json.person_results(
            &mut body,
            &PersonResults {
                participant: &ix.people.id[p],
                results: v,
            },
        );
        bytes_codes += body.len();
        with_codes.push(t.elapsed().as_secs_f64());
    }
    // The answers themselves, for the peers to compare with (not timed).
    for (words, name) in [
        (false, "ours_person_explained_codes.jsonl"),
        (true, "ours_person_explained_text.jsonl"),
    ] {
        let mut out = Vec::new();
        for &p in sample.iter().take(a.explained) {
            let hits = search::top_openings(&ix, p, 20, &mut scratch);
            let row = ix.people.skills.row(p);
            skills.set_all(row);
            let v = api::hits_out(&ix, &hits, &skills, today, words);
            skills.clear_all(row);
            json.person_results(
                &mut out,
                &PersonResults {
                    participant: &ix.people.id[p],
                    results: v,
                },
            );
            out.push(b'\n');
        }
        std::fs::write(a.out.join(name), out).expect("write");
    }
    let (mut scanned, mut passed) = (Vec::new(), Vec::new());
    for &p in &sample {
        let (mut a, mut b) = (0usize, 0usize);
        for &m in ix.people.acceptable.row(p) {
            for o in ix.opening_range(m) {
                a += 1;
                b += usize::from(feasible::quick(&ix, p, &Job::opening(&ix, o), true));
            }
        }
        scanned.push(a as f64);
        passed.push(b as f64);
    }
    report.insert(
        "person_candidates".into(),
        json!({"scanned_p50": percentile(&mut scanned, 0.5), "scanned_p99": percentile(&mut scanned, 0.99),
               "passed_p50": percentile(&mut passed, 0.5), "passed_p99": percentile(&mut passed, 0.99)}),
    );
    report.insert(
        "person_top20".into(),
        json!({"queries": sample.len(), "p50_ms": percentile(&mut with, 0.5) * 1e3, "p99_ms": percentile(&mut with, 0.99) * 1e3,
               "p50_ms_scores_only": percentile(&mut bare, 0.5) * 1e3, "p99_ms_scores_only": percentile(&mut bare, 0.99) * 1e3,
               "mean_json_bytes": bytes_out / sample.len().max(1),
               "p50_ms_codes": percentile(&mut with_codes, 0.5) * 1e3, "p99_ms_codes": percentile(&mut with_codes, 0.99) * 1e3,
               "mean_json_bytes_codes": bytes_codes / sample.len().max(1)}),
    );
    std::fs::write(
        a.out.join("ours_person_results.json"),
        Value::Array(results).to_string(),
    )
    .expect("write");

    // Opening → top-20 participants with explanations.
    let no = ix.openings.len();
    let mut times = Vec::new();
    for _ in 0..if a.opening { a.queries } else { 1 } {
        let o = rs.below(no as u64) as usize;
        let t = Instant::now();
        let hits = search::top_people(&ix, o, 20, &mut scratch);
        let v: Vec<_> = hits
            .iter()
            .map(|h| {
                let row = ix.people.skills.row(h.person as usize);
                skills.set_all(row);
                let out = api::hit_out(&ix, h, &skills, today);
                skills.clear_all(row);
                out
            })
            .collect();
        body.clear();
        json.opening_candidates(
            &mut body,
            &OpeningCandidates {
                opening: &ix.openings.id[o],
                candidates: v,
            },
        );
        times.push(t.elapsed().as_secs_f64());
    }
    report.insert(
        "opening_top20".into(),
        json!({"queries": a.queries, "p50_ms": percentile(&mut times, 0.5) * 1e3, "p99_ms": percentile(&mut times, 0.99) * 1e3}),
    );

    if a.batch {
        eprintln!("batch: every participant's top-20 on 2 threads …");
        let t = Instant::now();
        let total: usize = std::thread::scope(|s| {
            let ix = &ix;
            let hs: Vec<_> = (0..2)
                .map(|k| {
                    s.spawn(move || {
                        let mut scratch = Scratch::new(ix);
                        (k..n)
                            .step_by(2)
                            .map(|p| search::top_openings(ix, p, 20, &mut scratch).len())
                            .sum::<usize>()
                    })
                })
                .collect();
            hs.into_iter().map(|h| h.join().unwrap_or(0)).sum()
        });
        report.insert("batch".into(), json!({"participants": n, "threads": 2, "seconds": t.elapsed().as_secs_f64(), "results": total}));
    }

    if a.alloc {
        for size in [10_000usize, 100_000] {
            eprintln!("allocation with {size} participants …");
            let problem = allocation_instance(&ix, size.min(n), &mut scratch);
            let t = Instant::now();
            let sol = allocate::solve(&problem);
            let secs = t.elapsed().as_secs_f64();
            write_instance(&a.out.join(format!("alloc_{size}.bin")), &problem);
            report.insert(
                format!("alloc_{size}"),
                json!({"participants": problem.people(), "openings": problem.capacities.len(), "arcs": problem.heads.len(),
                       "seconds": secs, "objective": sol.objective,
                       "assigned": sol.assignment.iter().flatten().count()}),
            );
        }
    }

    eprintln!("crafting from 40 tasks …");
    report.insert("craft40".into(), craft_bench(&world));

    if a.export {
        eprintln!("exporting for the peers …");
        export::write(&ix, &a.out, a.pg, today);
        std::fs::write(a.out.join("sample_people.json"), json!(sample).to_string()).expect("write");
    }
    let report = Value::Object(report);
    std::fs::write(
        a.out.join("ours.json"),
        serde_json::to_string_pretty(&report).unwrap_or_default(),
    )
    .expect("write");
    println!(
        "{}",
        serde_json::to_string_pretty(&report).unwrap_or_default()
    );
}

/// The first `size` participants with their 50 best openings (the engine's own scores plus
/// the fairness bonus) as arcs.
fn allocation_instance(ix: &Index, size: usize, scratch: &mut Scratch) -> Problem {
    let mut problem = Problem::new(ix.openings.capacity.iter().map(|&c| u32::from(c)).collect());
    let stride = (ix.people.len() / size.max(1)).max(1);
    for k in 0..size {
        let p = (k * stride) % ix.people.len();
        let bonus = polku_matching::internals::answer::fairness_micro(ix, p);
        let hits = search::top_openings(ix, p, 50, scratch);
        problem.push_person(
            hits.iter()
                .map(|h| (h.opening, i64::from(h.score()) + bonus)),
        );
    }
    problem
}

/// Binary instance for the OR-Tools peer: counts, capacities, starts, heads, weights.
fn write_instance(path: &std::path::Path, p: &Problem) {
    let mut out: Vec<u8> = Vec::new();
    out.extend((p.people() as u64).to_le_bytes());
    out.extend((p.capacities.len() as u64).to_le_bytes());
    out.extend((p.heads.len() as u64).to_le_bytes());
    out.extend(
        p.capacities
            .iter()
            .flat_map(|c| (u64::from(*c)).to_le_bytes()),
    );
    out.extend(p.starts.iter().flat_map(|c| (u64::from(*c)).to_le_bytes()));
    out.extend(p.heads.iter().flat_map(|c| (u64::from(*c)).to_le_bytes()));
    out.extend(p.weights.iter().flat_map(|c| c.to_le_bytes()));
    std::fs::write(path, out).expect("write instance");
}

/// Crafting: 300 employers of 40 tasks each, one participant each; p50/p99 of `craft`.
fn craft_bench(world: &World) -> Value {
    let mut r = Rng::new(40);
    let employers: Vec<_> = (0..300)
        .map(|e| gen::employer(world, &mut r, e, 40, 1, 70))
        .collect();
    let people: Vec<Participant> = (0..300)
        .map(|p| {
            let mut x = gen::participant(world, &mut r, p);
            x.municipality = employers[p].municipality.clone();
            x.hours_per_week.max = x.hours_per_week.max.max(30);
            x
        })
        .collect();
    let input = Input {
        participants: people,
        employers,
        accommodations: Some(gen::accommodations()),
        ..Input::default()
    };
    let ix = Index::build(&input);
    let mut skills = BitSet::with_len(ix.skills.len());
    let mut times = Vec::new();
    let (mut chosen, mut feasible_tasks) = (0usize, 0usize);
    for p in 0..ix.people.len() {
        let row = ix.people.skills.row(p);
        skills.set_all(row);
        let hours = ix.people.hours[p];
        let t = Instant::now();
        let c = craft::craft(&ix, p, p, hours, &skills);
        times.push(t.elapsed().as_secs_f64());
        skills.clear_all(row);
        chosen += c.tasks.len();
        let (a, b) = ix.employers.tasks[p];
        feasible_tasks += (a..b)
            .filter(|&t| feasible::quick(&ix, p, &Job::task(&ix, t as usize), false))
            .count();
    }
    json!({"runs": times.len(), "tasks_per_employer": 40, "p50_ms": percentile(&mut times, 0.5) * 1e3,
           "p99_ms": percentile(&mut times, 0.99) * 1e3, "mean_feasible_tasks": feasible_tasks as f64 / 300.0,
           "mean_chosen_tasks": chosen as f64 / 300.0})
}
