//! Exact allocation of people to places: a maximum-weight b-matching (each person at most one
//! place, each opening at most its capacity), solved as a min-cost flow.
//!
//! Network: every person supplies one unit; it flows either to an opening (cost `-weight`) or
//! straight to the sink ("stays unassigned", cost 0); each opening sends up to its capacity to
//! the sink. People are added one at a time and each unit is sent along a shortest path
//! (successive shortest paths with Johnson potentials, Dijkstra stopping as soon as the sink
//! is settled, the potentials of unsettled nodes left alone by a uniform shift). After each
//! step the flow is a min-cost flow of the people added so far, so the end result is optimal.
//! Integer weights make it exact.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// An allocation problem: arcs per person as (opening, weight), weights ≥ 0.
#[derive(Debug, Clone, Default)]
pub struct Problem {
    pub capacities: Vec<u32>,
    /// Arcs of person `p` are `starts[p]..starts[p+1]`.
    pub starts: Vec<u32>,
    pub heads: Vec<u32>,
    pub weights: Vec<i64>,
}

impl Problem {
    pub fn new(capacities: Vec<u32>) -> Self {
        Self {
            capacities,
            starts: vec![0],
            ..Self::default()
        }
    }
    /// Adds the next person with their arcs.
    pub fn push_person(&mut self, arcs: impl IntoIterator<Item = (u32, i64)>) {
        for (o, w) in arcs {
            self.heads.push(o);
            self.weights.push(w);
        }
        self.starts.push(self.heads.len() as u32);
    }
    pub fn people(&self) -> usize {
        self.starts.len() - 1
    }
    fn arcs(&self, p: usize) -> std::ops::Range<usize> {
        self.starts[p] as usize..self.starts[p + 1] as usize
    }
}

/// The optimal assignment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Solution {
    /// Opening of each person, if any.
    pub assignment: Vec<Option<u32>>,
    /// Sum of the weights of the chosen arcs.
    pub objective: i64,
}

const NO: u32 = u32::MAX;

/// Solves `problem` exactly.
pub fn solve(problem: &Problem) -> Solution {
    let n = problem.people();
    let m = problem.capacities.len();
    let sink = n + m;
    // Potentials: reduced cost c(u,v) + pi[u] - pi[v] stays ≥ 0 on residual arcs.
    let mut colmax = vec![0i64; m];
    for (k, &o) in problem.heads.iter().enumerate() {
        colmax[o as usize] = colmax[o as usize].max(problem.weights[k]);
    }
    let top = colmax.iter().copied().max().unwrap_or(0);
    let mut pi = vec![0i64; n + m + 1];
    for o in 0..m {
        pi[n + o] = -colmax[o];
    }
    pi[sink] = -top;
    let mut assigned = vec![NO; n]; // arc index
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); m];
    let mut load = vec![0u32; m];
    let mut dist = vec![0i64; n + m];
    let mut seen = vec![0u32; n + m];
    let mut parent = vec![NO; n + m]; // for openings: the arc used; for people: the opening
    let mut settled: Vec<u32> = Vec::new();
    let mut heap: BinaryHeap<Reverse<(i64, u32)>> = BinaryHeap::new();
    for s in 0..n {
        let gen = s as u32 + 1;
        heap.clear();
        settled.clear();
        dist[s] = 0;
        seen[s] = gen;
        heap.push(Reverse((0, s as u32)));
        // Best way into the sink: (reduced distance, node it comes from).
        let mut best = (i64::MAX, NO);
        while let Some(Reverse((d, u))) = heap.pop() {
            if d >= best.0 {
                break;
            }
            let u = u as usize;
            if d > dist[u] {
                continue;
            }
            settled.push(u as u32);
            if u < n {
                // Person: to the sink (unassigned), or to another opening.
                let to_sink = d + pi[u] - pi[sink];
                if to_sink < best.0 {
                    best = (to_sink, u as u32);
                }
                for k in problem.arcs(u) {
                    if assigned[u] == k as u32 {
                        continue;
                    }
                    let v = n + problem.heads[k] as usize;
                    let nd = d - problem.weights[k] + pi[u] - pi[v];
                    debug_assert!(nd >= d, "negative reduced cost");
                    if seen[v] != gen || nd < dist[v] {
                        seen[v] = gen;
                        dist[v] = nd;
                        parent[v] = k as u32;
                        heap.push(Reverse((nd, v as u32)));
                    }
                }
            } else {
                let o = u - n;
                if load[o] < problem.capacities[o] {
                    let nd = d + pi[u] - pi[sink];
                    if nd < best.0 {
                        best = (nd, u as u32);
                    }
                }
                for &j in &members[o] {
                    let j = j as usize;
                    let nd = d + problem.weights[assigned[j] as usize] + pi[u] - pi[j];
                    if seen[j] != gen || nd < dist[j] {
                        seen[j] = gen;
                        dist[j] = nd;
                        parent[j] = o as u32;
                        heap.push(Reverse((nd, j as u32)));
                    }
                }
            }
        }
        let dt = best.0;
        for &v in &settled {
            let v = v as usize;
            if dist[v] < dt {
                pi[v] -= dt - dist[v];
            }
        }
        // Augment from the sink back to s.
        let mut v = best.1 as usize;
        if v >= n {
            load[v - n] += 1;
        } else if assigned[v] != NO {
            // v leaves its opening and stays unassigned.
            let o = problem.heads[assigned[v] as usize] as usize;
            members[o].retain(|&x| x as usize != v);
            assigned[v] = NO;
            v = o + n;
        } else {
            continue; // s itself stays unassigned
        }
        // Now v is an opening that gains one unit from the person that reached it.
        loop {
            let k = parent[v] as usize;
            let p = {
                // The person owning arc k.
                let mut lo = 0usize;
                let mut hi = n;
                while lo + 1 < hi {
                    let mid = (lo + hi) / 2;
                    if problem.starts[mid] as usize <= k {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                lo
            };
            let o = v - n;
            members[o].push(p as u32);
            assigned[p] = k as u32;
            if p == s {
                break;
            }
            // p was reached backwards from the opening it held: that opening lets p go.
            let from = parent[p] as usize;
            members[from].retain(|&x| x as usize != p);
            v = from + n;
        }
    }
    let mut objective = 0;
    let assignment = assigned
        .iter()
        .map(|&k| {
            (k != NO).then(|| {
                objective += problem.weights[k as usize];
                problem.heads[k as usize]
            })
        })
        .collect();
    Solution {
        assignment,
        objective,
    }
}

/// "First come, first served": people in `order` each take their heaviest arc into an opening
/// with a free place (ties: the lower opening index). Not optimal; the yardstick the optimal
/// assignment is compared with.
pub fn greedy(problem: &Problem, order: &[usize]) -> Solution {
    let mut load = vec![0u32; problem.capacities.len()];
    let mut assignment = vec![None; problem.people()];
    let mut objective = 0;
    for &p in order {
        let best = problem
            .arcs(p)
            .filter(|&k| {
                let o = problem.heads[k] as usize;
                load[o] < problem.capacities[o]
            })
            .max_by_key(|&k| (problem.weights[k], std::cmp::Reverse(problem.heads[k])));
        if let Some(k) = best {
            let o = problem.heads[k];
            load[o as usize] += 1;
            assignment[p] = Some(o);
            objective += problem.weights[k];
        }
    }
    Solution {
        assignment,
        objective,
    }
}
