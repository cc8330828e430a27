//! Why each task the crafted job leaves out was left out.

use crate::accommodate;
use crate::craft::Crafted;
use crate::dict::BitSet;
use crate::explain;
use crate::feasible::Job;
use crate::index::Index;
use crate::output::{LeftOut, Limit, Reason};
use crate::swar;
use polku_domain::Dimension;

fn need(ix: &Index, p: usize, tasks: impl Iterator<Item = u32>) -> [u8; Dimension::COUNT] {
    let cap = swar::unpack(&ix.people.cap[p]);
    let mut need = [0u8; Dimension::COUNT];
    for t in tasks {
        let g = accommodate::gaps(&swar::unpack(&ix.tasks.demand[t as usize]), &cap);
        for d in 0..Dimension::COUNT {
            need[d] = need[d].max(g[d]);
        }
    }
    need
}

/// Every task of the employer not in the crafted job, with the reason.
pub fn left_out(ix: &Index, p: usize, c: &Crafted, _skills: &BitSet) -> Vec<LeftOut> {
    let (lo, hi) = c.hours_range;
    let mut out = Vec::new();
    for &(t, gain) in &c.gains {
        if c.tasks.contains(&t) {
            continue;
        }
        let id = &ix.tasks.id[t as usize];
        let item = |reason, text| LeftOut {
            task: id.clone(),
            reason,
            text,
        };
        let h = ix.tasks.hours[t as usize];
        if c.infeasible.contains(&t) {
            let job = Job::task(ix, t as usize);
            let why = explain::excluded_by(ix, p, &job, false);
            if why.is_empty() {
                out.push(item(
                    Reason::Hours,
                    format!("On its own it takes {h} hours a week, more than the maximum {hi}."),
                ));
            } else {
                let text = why.iter().map(|w| w.text()).collect::<Vec<_>>().join(" ");
                let excluded_by = why.iter().map(Limit::from).collect();
                out.push(item(Reason::HardLimit { excluded_by }, text));
            }
            continue;
        }
        if !c.found {
            out.push(item(
                Reason::MinHours,
                format!(
                    "No combination of feasible tasks reaches the minimum of {lo} hours a week."
                ),
            ));
            continue;
        }
        let with = need(ix, p, c.tasks.iter().copied().chain([t]));
        let extra = accommodate::cheapest(&ix.accs, &with)
            .map_or(0, |cv| cv.cost_eur.saturating_sub(c.acc_cost));
        let fits_hours = c.hours + u16::from(h) <= u16::from(hi);
        if fits_hours && extra > 0 {
            let ids = accommodate::cheapest(&ix.accs, &with)
                .map(|cv| accommodate::ids(&ix.accs, cv.accs & !c.accs).join(", "))
                .unwrap_or_default();
            out.push(item(
                Reason::AccommodationCost { extra_cost_eur: extra },
                format!("It would need {ids} (about €{extra} more), which costs more than the task adds ({:.1} points).", gain as f64 / 1000.0),
            ));
        } else if !fits_hours {
            out.push(item(
                Reason::Hours,
                format!("Adding its {h} hours to the chosen {} would exceed the maximum {hi}; the chosen tasks give more value together.", c.hours),
            ));
        } else {
            out.push(item(
                Reason::LowerValue,
                "A combination without it gives more value.".to_owned(),
            ));
        }
    }
    out
}
