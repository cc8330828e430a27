//! Builds an [`Index`] record by record, so a very large dataset can be compiled while it is
//! generated or read, without holding the whole [`crate::input::Input`] in memory.

use crate::dict::Rows;
use crate::index::{self, Index, PersonFilter, NONE};
use crate::input::{Accommodation, Employer, Participant};
use crate::swar::{self, Lanes};
use polku_domain::{CefrLevel, Dimension, LanguageCode};
use std::collections::{BTreeMap, HashMap};

/// Incremental index builder. Add employers and participants in any order, then `finish`.
#[derive(Debug)]
pub struct Builder {
    ix: Index,
    /// Person, language code, CEFR rank: languages resolved to slots at the end.
    person_langs: Vec<(u32, String, u8)>,
    /// Municipality per opening before sorting.
    unsorted: bool,
}

impl Builder {
    pub fn new(accommodations: &[Accommodation]) -> Self {
        let (accs, relief_max) = index::compile_accs(accommodations);
        let acc_single = crate::accommodate::SingleTable::new(&accs);
        let ix = Index {
            accs,
            relief_max,
            acc_single,
            languages: vec!["fi".into(), "sv".into(), "en".into()],
            fairness_weight: 0.2,
            ..Index::default()
        };
        Self {
            ix,
            person_langs: Vec::new(),
            unsorted: false,
        }
    }

    pub fn fairness_weight(&mut self, w: f64) {
        self.ix.fairness_weight = w;
    }

    fn lang_word(languages: &mut Vec<String>, langs: &BTreeMap<LanguageCode, CefrLevel>) -> u64 {
        let mut w = 0u64;
        for (code, level) in langs {
            let slot = match languages.iter().position(|c| c == code.as_str()) {
                Some(s) => s,
                None if languages.len() < 8 => {
                    languages.push(code.as_str().to_owned());
                    languages.len() - 1
                }
                // More than eight required languages: the last slot is shared (documented).
                None => 7,
            };
            let shift = slot * 8;
            let cur = (w >> shift) & 0xFF;
            w = (w & !(0xFF << shift)) | (cur.max(u64::from(level.rank())) << shift);
        }
        w
    }

    pub fn add_employer(&mut self, e: &Employer) {
        let ix = &mut self.ix;
        let eid = ix.employers.id.len() as u32;
        ix.employer_by_id.insert(e.id.clone(), eid);
        let emuni = ix.municipalities.intern(e.municipality.as_str());
        let first = ix.tasks.len() as u32;
        let mut local: HashMap<&str, u32> = HashMap::new();
        for t in &e.tasks {
            let tid = ix.tasks.len() as u32;
            local.insert(t.id.as_str(), tid);
            let mut levels = [0u8; Dimension::COUNT];
            let mut demanded = 0u32;
            for (d, l) in &t.demands {
                levels[d.index()] = l.get();
                if l.get() > 0 {
                    demanded |= 1 << d.index();
                }
            }
            let lang = Self::lang_word(&mut ix.languages, &t.languages);
            let tk = &mut ix.tasks;
            tk.id.push(t.id.clone());
            tk.title.push(t.title.clone());
            tk.employer.push(eid);
            tk.hours.push(t.hours_per_week);
            tk.days.push(t.days());
            tk.sched.push(index::schedule_bits(t.schedule));
            tk.lang.push(lang);
            tk.demand.push(swar::pack(&levels));
            tk.demanded.push(demanded);
            tk.learnable.push(t.learnable_on_job);
            tk.value.push(t.value);
            tk.occupation.push(
                t.occupation
                    .as_ref()
                    .map_or(NONE, |o| ix.occupations.intern(o.as_str())),
            );
            let ess: Vec<u32> = t
                .skills_essential
                .iter()
                .map(|s| ix.skills.intern(s.as_str()))
                .collect();
            let opt: Vec<u32> = t
                .skills_optional
                .iter()
                .map(|s| ix.skills.intern(s.as_str()))
                .collect();
            tk.essential.push_set(ess);
            tk.optional.push_set(opt);
        }
        let emp = &mut ix.employers;
        emp.id.push(e.id.clone());
        emp.municipality.push(emuni);
        emp.mentor.push(e.mentor_available);
        emp.offers_trials.push(index::offers_trials(e));
        emp.hourly_wage.push(e.hourly_wage_eur);
        emp.legal_form.push(e.legal_form);
        emp.tasks.push((first, ix.tasks.len() as u32));
        for o in &e.openings {
            let tasks: Vec<u32> = o
                .tasks
                .iter()
                .filter_map(|t| local.get(t.as_str()).copied())
                .collect();
            let tk = &ix.tasks;
            let (mut hours, mut days, mut sched, mut lang) = (0u16, 0u8, 0u8, 0u64);
            let mut demand: Lanes = [0; 3];
            let mut demanded = 0u32;
            for &t in &tasks {
                demanded |= tk.demanded[t as usize];
                let t = t as usize;
                hours += u16::from(tk.hours[t]);
                days = days.max(tk.days[t]);
                sched |= tk.sched[t];
                lang = swar::word_max(lang, tk.lang[t]);
                demand = swar::max(&demand, &tk.demand[t]);
            }
            let muni = o
                .municipality
                .as_ref()
                .map_or(emuni, |m| ix.municipalities.intern(m.as_str()));
            let op = &mut ix.openings;
            op.id.push(o.id.clone());
            op.title.push(o.title.clone());
            op.employer.push(eid);
            op.kind.push(o.kind);
            op.municipality.push(muni);
            op.capacity.push(o.capacity);
            op.wage.push(o.monthly_wage_eur);
            op.hours.push(hours);
            op.days.push(days);
            op.sched.push(sched);
            op.lang.push(lang);
            op.demand.push(demand);
            op.demanded.push(demanded);
            op.tasks.push(tasks);
            self.unsorted = true;
        }
    }

    pub fn add_participant(&mut self, p: &Participant) {
        let ix = &mut self.ix;
        let pid = ix.people.id.len() as u32;
        ix.person_by_id.insert(p.id.clone(), pid);
        let mut cap = [4u8; Dimension::COUNT];
        let mut na = (1u32 << Dimension::COUNT) - 1;
        for (d, l) in &p.capacity {
            cap[d.index()] = l.get();
            na &= !(1 << d.index());
        }
        let mut plus = cap;
        for (d, v) in plus.iter_mut().enumerate() {
            *v = (*v + ix.relief_max[d]).min(4);
        }
        let pe = &mut ix.people;
        pe.id.push(p.id.clone());
        pe.cap.push(swar::pack(&cap));
        pe.cap_plus.push(swar::pack(&plus));
        pe.not_assessed.push(na);
        pe.assessed.push(swar::lane_mask(!na));
        pe.hours.push((p.hours_per_week.min, p.hours_per_week.max));
        pe.days_max.push(p.days_per_week_max);
        pe.cannot.push(index::cannot_bits(p));
        pe.lang.push(0);
        for (code, level) in &p.languages {
            self.person_langs
                .push((pid, code.as_str().to_owned(), level.rank()));
        }
        let ix = &mut self.ix;
        let skills: Vec<u32> = p
            .skills
            .iter()
            .map(|s| ix.skills.intern(s.as_str()))
            .collect();
        let goals: Vec<u32> = p
            .goals
            .iter()
            .map(|s| ix.occupations.intern(s.as_str()))
            .collect();
        let home = ix.municipalities.intern(p.municipality.as_str());
        let mut acc: Vec<u32> = vec![home];
        acc.extend(
            p.acceptable_municipalities
                .iter()
                .map(|m| ix.municipalities.intern(m.as_str())),
        );
        let pe = &mut ix.people;
        pe.skills.push_set(skills);
        pe.goals.push_set(goals);
        pe.home.push(home);
        pe.acceptable.push_set(acc);
        pe.waiting_days.push(p.waiting_days);
        pe.reduced.push(p.reduced_work_ability);
        pe.subsidy.push(p.subsidy_facts());
    }

    pub fn finish(mut self) -> Index {
        for (pid, code, rank) in std::mem::take(&mut self.person_langs) {
            if let Some(slot) = self.ix.languages.iter().position(|c| *c == code) {
                let w = &mut self.ix.people.lang[pid as usize];
                let shift = slot * 8;
                let cur = (*w >> shift) & 0xFF;
                *w = (*w & !(0xFF << shift)) | (cur.max(u64::from(rank)) << shift);
            }
        }
        if self.unsorted {
            sort_openings(&mut self.ix);
        }
        let ix = &mut self.ix;
        let nm = ix.municipalities.len();
        let mut starts = vec![0u32; nm + 1];
        for &m in &ix.openings.municipality {
            starts[m as usize + 1] += 1;
        }
        for m in 0..nm {
            starts[m + 1] += starts[m];
        }
        ix.by_municipality = starts;
        ix.opening_by_id = ix
            .openings
            .id
            .iter()
            .enumerate()
            .map(|(i, id)| (id.clone(), i as u32))
            .collect();
        let mut lists: Vec<Vec<u32>> = vec![Vec::new(); nm];
        for p in 0..ix.people.len() {
            for &m in ix.people.acceptable.row(p) {
                lists[m as usize].push(p as u32);
            }
        }
        let mut accepting = Rows::default();
        let mut filters = Vec::new();
        for l in lists {
            let pe = &ix.people;
            filters.extend(l.iter().map(|&p| {
                let p = p as usize;
                PersonFilter {
                    cap_plus: pe.cap_plus[p],
                    lang: pe.lang[p],
                    person: p as u32,
                    hours: pe.hours[p],
                    days_max: pe.days_max[p],
                    cannot: pe.cannot[p],
                }
            }));
            accepting.push(l);
        }
        ix.accepting = accepting;
        ix.accepting_filter = filters;
        let mut packed = Rows::default();
        let mut buf = Vec::new();
        for o in 0..ix.openings.len() {
            buf.clear();
            for &t in ix.openings.tasks.row(o) {
                crate::score::pack_task(ix, t as usize, &mut buf);
            }
            packed.push(buf.iter().copied());
        }
        ix.openings.packed = packed;
        ix.openings.ready = (0..ix.openings.len())
            .map(|o| crate::score::readiness(ix, ix.openings.employer[o] as usize))
            .collect();
        let rank = crate::prune::ranks(ix);
        let (sig, occ, base) = crate::prune::openings(ix, &rank);
        ix.openings.sig = sig;
        ix.openings.occ_sig = occ;
        ix.openings.skill_base = base;
        let (task_sig, bound) = crate::prune::task_sigs(ix, &rank);
        ix.openings.task_sig = task_sig;
        ix.openings.bound = bound;
        let (sig, goals) = crate::prune::people(ix, &rank);
        ix.people.sig = sig;
        ix.people.goal_sig = goals;
        self.ix
    }
}

fn permute<T: Default>(v: &mut Vec<T>, order: &[u32]) {
    let mut old: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    *v = order
        .iter()
        .map(|&i| old[i as usize].take().unwrap_or_default())
        .collect();
}

fn sort_openings(ix: &mut Index) {
    let op = &mut ix.openings;
    let mut order: Vec<u32> = (0..op.id.len() as u32).collect();
    order.sort_by_key(|&i| (op.municipality[i as usize], i));
    permute(&mut op.id, &order);
    permute(&mut op.title, &order);
    permute(&mut op.employer, &order);
    let mut kinds: Vec<Option<polku_domain::OpeningKind>> =
        op.kind.iter().copied().map(Some).collect();
    permute(&mut kinds, &order);
    op.kind = kinds.into_iter().flatten().collect();
    permute(&mut op.municipality, &order);
    permute(&mut op.capacity, &order);
    permute(&mut op.wage, &order);
    permute(&mut op.hours, &order);
    permute(&mut op.days, &order);
    permute(&mut op.sched, &order);
    permute(&mut op.lang, &order);
    permute(&mut op.demand, &order);
    permute(&mut op.demanded, &order);
    op.tasks = op.tasks.permuted(&order);
}
