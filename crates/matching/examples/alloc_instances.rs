//! Writes random allocation instances and the engine's optimal objective for each, for the
//! OR-Tools oracle (`scripts/test-matching-oracle.sh`).
//!
//! `alloc_instances OUT_DIR COUNT SEED` writes `OUT_DIR/NNNN.bin` (layout in
//! `bench/peers/alloc_ortools.py`) and `OUT_DIR/manifest.json`.

use polku_matching::internals::allocate::{self, Problem};
use polku_matching::internals::answer::allocation_problem;
use polku_matching::internals::index::Index;
use std::path::PathBuf;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn write(path: &PathBuf, p: &Problem) {
    let mut out: Vec<u8> = Vec::new();
    for v in [
        p.people() as u64,
        p.capacities.len() as u64,
        p.heads.len() as u64,
    ] {
        out.extend(v.to_le_bytes());
    }
    out.extend(
        p.capacities
            .iter()
            .flat_map(|c| u64::from(*c).to_le_bytes()),
    );
    out.extend(p.starts.iter().flat_map(|c| u64::from(*c).to_le_bytes()));
    out.extend(p.heads.iter().flat_map(|c| u64::from(*c).to_le_bytes()));
    out.extend(p.weights.iter().flat_map(|c| c.to_le_bytes()));
    std::fs::write(path, out).expect("write instance");
}

fn random(r: &mut Rng) -> Problem {
    let m = 1 + r.below(120) as usize;
    let n = 1 + r.below(600) as usize;
    let cap_max = 1 + r.below(4);
    let mut p = Problem::new((0..m).map(|_| 1 + r.below(cap_max) as u32).collect());
    let arcs = 1 + r.below(12);
    // A few weight ranges: small (many ties), realistic scores, large.
    let scale = [5u64, 1_200_000, 1 << 40][r.below(3) as usize];
    for _ in 0..n {
        let k = r.below(arcs + 1);
        let mut seen = std::collections::BTreeMap::new();
        for _ in 0..k {
            seen.insert(r.below(m as u64) as u32, r.below(scale) as i64);
        }
        p.push_person(seen);
    }
    p
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let out = PathBuf::from(
        args.get(1)
            .cloned()
            .unwrap_or_else(|| "target/oracle".into()),
    );
    let count: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(200);
    let seed: u64 = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(1);
    std::fs::create_dir_all(&out).expect("mkdir");
    let mut r = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut manifest = Vec::new();
    for i in 0..count {
        let problem = random(&mut r);
        let sol = allocate::solve(&problem);
        let file = out.join(format!("{i:04}.bin"));
        write(&file, &problem);
        manifest.push(serde_json::json!({"file": file, "objective": sol.objective}));
    }
    // The full engine path on the hand-made cases (scores and fairness bonus as arc weights).
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/cases.json"
    ))
    .expect("fixture");
    let input = polku_matching::internals::validate::parse(&text).expect("input");
    let problem = allocation_problem(&Index::build(&input));
    let sol = allocate::solve(&problem);
    let file = out.join("cases.bin");
    write(&file, &problem);
    manifest.push(serde_json::json!({"file": file, "objective": sol.objective}));
    std::fs::write(
        out.join("manifest.json"),
        serde_json::Value::Array(manifest).to_string(),
    )
    .expect("manifest");
    println!("{} instances in {}", count + 1, out.display());
}
