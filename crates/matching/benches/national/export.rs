//! Writes the compiled dataset for the peers: raw little-endian arrays for NumPy and CSV files
//! for PostgreSQL's COPY, plus `meta.json`. The peers read exactly the data the engine indexed,
//! including what an explained answer prints (ids, titles, kinds, municipality names, wages,
//! employer flags, the accommodation table, the language slots and the dimension keys).

use polku_domain::{Dimension, OpeningKind};
use polku_matching::internals::accommodate::MAX_ACCS;
use polku_matching::internals::dict::Rows;
use polku_matching::internals::feasible::cefr;
use polku_matching::internals::index::Index;
use polku_matching::internals::score::WEIGHTS;
use polku_matching::internals::swar;
use serde::Serialize;
use serde_json::json;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use time::Date;

fn bytes(dir: &Path, name: &str, data: &[u8]) {
    std::fs::write(dir.join(name), data).expect("write array");
}

fn u32s(dir: &Path, name: &str, data: impl IntoIterator<Item = u32>) {
    let v: Vec<u8> = data.into_iter().flat_map(u32::to_le_bytes).collect();
    bytes(dir, name, &v);
}

fn flags(dir: &Path, name: &str, data: &[bool]) {
    bytes(
        dir,
        name,
        &data.iter().map(|&b| u8::from(b)).collect::<Vec<_>>(),
    );
}

/// A JSON array (of strings, or of strings and nulls).
fn strings<T: Serialize>(dir: &Path, name: &str, data: &[T]) {
    let mut f = BufWriter::with_capacity(1 << 20, File::create(dir.join(name)).expect("json"));
    serde_json::to_writer(&mut f, data).expect("write strings");
    f.flush().expect("flush");
}

/// Opening kinds in the order of their codes in `open_kind.u8`.
const KINDS: [OpeningKind; 5] = [
    OpeningKind::Job,
    OpeningKind::WorkTrial,
    OpeningKind::EducationTrial,
    OpeningKind::Apprenticeship,
    OpeningKind::Gig,
];

fn rows(dir: &Path, name: &str, r: &Rows) {
    let (off, val) = r.raw();
    u32s(dir, &format!("{name}_off.u32"), off.iter().copied());
    u32s(dir, &format!("{name}.u32"), val.iter().copied());
}

fn lanes22(v: &[[u64; 3]]) -> Vec<u8> {
    v.iter().flat_map(swar::unpack).collect()
}

fn lang3(v: &[u64]) -> Vec<u8> {
    v.iter()
        .flat_map(|w| [(*w) as u8, (*w >> 8) as u8, (*w >> 16) as u8])
        .collect()
}

/// Cheapest single accommodation per dimension and gap (the benchmark's accommodations each
/// relieve one dimension, so the cheapest cover is the sum over gap dimensions).
pub fn cost_table(ix: &Index) -> Vec<Vec<i64>> {
    (0..22)
        .map(|d| {
            (0..=4)
                .map(|g| {
                    if g == 0 {
                        return 0;
                    }
                    ix.accs
                        .iter()
                        .filter(|a| a.relieves[d] >= g)
                        .map(|a| i64::from(a.cost_eur))
                        .min()
                        .unwrap_or(-1)
                })
                .collect()
        })
        .collect()
}

pub fn write(ix: &Index, dir: &Path, pg: bool, today: Date) {
    std::fs::create_dir_all(dir).expect("mkdir");
    let pe = &ix.people;
    bytes(dir, "people_cap.u8", &lanes22(&pe.cap));
    bytes(dir, "people_capplus.u8", &lanes22(&pe.cap_plus));
    u32s(dir, "people_na.u32", pe.not_assessed.iter().copied());
    bytes(
        dir,
        "people_hours.u8",
        &pe.hours
            .iter()
            .flat_map(|(a, b)| [*a, *b])
            .collect::<Vec<_>>(),
    );
    bytes(dir, "people_days.u8", &pe.days_max);
    bytes(dir, "people_cannot.u8", &pe.cannot);
    bytes(dir, "people_lang.u8", &lang3(&pe.lang));
    rows(dir, "people_skill", &pe.skills);
    rows(dir, "people_goal", &pe.goals);
    rows(dir, "people_accept", &pe.acceptable);
    strings(dir, "people_id.json", &pe.id);
    flags(dir, "people_reduced.u8", &pe.reduced);
    let op = &ix.openings;
    u32s(dir, "open_by_muni.u32", ix.by_municipality.iter().copied());
    let hours: Vec<u8> = op.hours.iter().flat_map(|h| h.to_le_bytes()).collect();
    bytes(dir, "open_hours.u16", &hours);
    bytes(dir, "open_days.u8", &op.days);
    bytes(dir, "open_sched.u8", &op.sched);
    bytes(dir, "open_lang.u8", &lang3(&op.lang));
    bytes(dir, "open_demand.u8", &lanes22(&op.demand));
    u32s(dir, "open_employer.u32", op.employer.iter().copied());
    rows(dir, "open_task", &op.tasks);
    strings(dir, "open_id.json", &op.id);
    strings(dir, "open_title.json", &op.title);
    let kind = |k: &OpeningKind| KINDS.iter().position(|x| x == k).unwrap_or(0) as u8;
    bytes(
        dir,
        "open_kind.u8",
        &op.kind.iter().map(kind).collect::<Vec<_>>(),
    );
    u32s(dir, "open_muni.u32", op.municipality.iter().copied());
    // A monthly wage in euros, u32::MAX for none.
    u32s(
        dir,
        "open_wage.u32",
        op.wage.iter().map(|w| w.unwrap_or(u32::MAX)),
    );
    let e = &ix.employers;
    let ready: Vec<u32> = (0..e.id.len())
        .map(|i| {
            (if e.mentor[i] { WEIGHTS[7] * 6 / 10 } else { 0 })
                + if e.offers_trials[i] {
                    WEIGHTS[7] * 4 / 10
                } else {
                    0
                }
        })
        .collect();
    u32s(dir, "employer_ready.u32", ready.iter().copied());
    strings(dir, "employer_id.json", &e.id);
    flags(dir, "employer_mentor.u8", &e.mentor);
    flags(dir, "employer_trials.u8", &e.offers_trials);
    let tk = &ix.tasks;
    bytes(dir, "task_hours.u8", &tk.hours);
    bytes(dir, "task_lang.u8", &lang3(&tk.lang));
    bytes(dir, "task_demand.u8", &lanes22(&tk.demand));
    bytes(
        dir,
        "task_learnable.u8",
        &tk.learnable
            .iter()
            .map(|&b| u8::from(b))
            .collect::<Vec<_>>(),
    );
    u32s(dir, "task_occ.u32", tk.occupation.iter().copied());
    rows(dir, "task_ess", &tk.essential);
    rows(dir, "task_opt", &tk.optional);
    strings(dir, "task_id.json", &tk.id);
    strings(dir, "task_title.json", &tk.title);
    let accs: Vec<_> = ix
        .accs
        .iter()
        .take(MAX_ACCS)
        .map(|a| json!({"id": a.id, "relieves": a.relieves, "cost_eur": a.cost_eur, "subsidy": a.subsidy}))
        .collect();
    let meta = json!({
        "people": pe.len(), "openings": op.len(), "tasks": tk.len(), "employers": e.id.len(),
        "municipalities": ix.municipalities.len(), "skills": ix.skills.len(),
        "weights": WEIGHTS, "acc_cost": cost_table(ix),
        "today": today.to_string(),
        "municipality_names": (0..ix.municipalities.len() as u32).map(|m| ix.municipalities.name(m)).collect::<Vec<_>>(),
        "languages": ix.languages,
        "dimensions": Dimension::ALL.iter().map(|d| d.key()).collect::<Vec<_>>(),
        "cefr": (0..=6u8).map(cefr).collect::<Vec<_>>(),
        "kinds": KINDS.map(OpeningKind::as_str),
        "accommodations": accs,
    });
    std::fs::write(dir.join("meta.json"), meta.to_string()).expect("meta");
    if pg {
        write_pg(ix, dir, &ready);
    }
}

fn csv(dir: &Path, name: &str) -> BufWriter<File> {
    BufWriter::with_capacity(1 << 20, File::create(dir.join(name)).expect("csv"))
}

fn write_pg(ix: &Index, dir: &Path, ready: &[u32]) {
    let pe = &ix.people;
    let mut f = csv(dir, "pg_people.csv");
    for p in 0..pe.len() {
        let l = pe.lang[p];
        let cap = swar::unpack(&pe.cap[p]);
        let plus = swar::unpack(&pe.cap_plus[p]);
        let c: Vec<String> = cap.iter().chain(plus.iter()).map(u8::to_string).collect();
        writeln!(
            f,
            "{p},{},{},{},{},{},{},{},{},{}",
            pe.hours[p].0,
            pe.hours[p].1,
            pe.days_max[p],
            pe.cannot[p],
            l & 0xFF,
            (l >> 8) & 0xFF,
            (l >> 16) & 0xFF,
            pe.not_assessed[p],
            c.join(",")
        )
        .expect("write");
    }
    drop(f);
    let mut f = csv(dir, "pg_accept.csv");
    let mut s = csv(dir, "pg_person_skill.csv");
    let mut g = csv(dir, "pg_person_goal.csv");
    for p in 0..pe.len() {
        for m in pe.acceptable.row(p) {
            writeln!(f, "{p},{m}").expect("write");
        }
        for k in pe.skills.row(p) {
            writeln!(s, "{p},{k}").expect("write");
        }
        for k in pe.goals.row(p) {
            writeln!(g, "{p},{k}").expect("write");
        }
    }
    drop((f, s, g));
    let op = &ix.openings;
    let mut f = csv(dir, "pg_openings.csv");
    let mut t = csv(dir, "pg_opening_task.csv");
    for o in 0..op.len() {
        let l = op.lang[o];
        let d: Vec<String> = swar::unpack(&op.demand[o])
            .iter()
            .map(u8::to_string)
            .collect();
        writeln!(
            f,
            "{o},{},{},{},{},{},{},{},{},{}",
            op.municipality[o],
            op.hours[o],
            op.days[o],
            op.sched[o],
            l & 0xFF,
            (l >> 8) & 0xFF,
            (l >> 16) & 0xFF,
            ready[op.employer[o] as usize],
            d.join(",")
        )
        .expect("write");
        for (k, task) in op.tasks.row(o).iter().enumerate() {
            writeln!(t, "{o},{k},{task}").expect("write");
        }
    }
    drop((f, t));
    let tk = &ix.tasks;
    let mut f = csv(dir, "pg_tasks.csv");
    let mut s = csv(dir, "pg_task_skill.csv");
    for i in 0..tk.len() {
        let l = tk.lang[i];
        let d: Vec<String> = swar::unpack(&tk.demand[i])
            .iter()
            .map(u8::to_string)
            .collect();
        let occ = if tk.occupation[i] == u32::MAX {
            -1
        } else {
            i64::from(tk.occupation[i])
        };
        writeln!(
            f,
            "{i},{},{},{},{},{},{},{},{}",
            tk.hours[i],
            l & 0xFF,
            (l >> 8) & 0xFF,
            (l >> 16) & 0xFF,
            tk.learnable[i],
            occ,
            tk.demanded[i],
            d.join(",")
        )
        .expect("write");
        for k in tk.essential.row(i) {
            writeln!(s, "{i},{k},true").expect("write");
        }
        for k in tk.optional.row(i) {
            writeln!(s, "{i},{k},false").expect("write");
        }
    }
}
