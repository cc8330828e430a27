//! The crafted job description in Finnish, Swedish, English and plain-language Finnish
//! (selkokieli: short sentences, common words, one thing per sentence, "sinä" form).

use crate::accommodate;
use crate::index::{Index, EVENINGS, NIGHTS, WEEKENDS};
use crate::output::Descriptions;

/// What the description says.
#[derive(Debug, Clone)]
pub struct Facts<'a> {
    pub employer: &'a str,
    pub tasks: Vec<&'a str>,
    pub hours: u16,
    pub days: u8,
    pub sched: u8,
    pub accs: u64,
    pub acc_cost: u64,
    pub mentor: bool,
    /// Estimated pay subsidy in euros a month.
    pub subsidy_eur_month: Option<f64>,
}

/// Accommodation label in a locale: the built-in catalogue's when it knows the id.
fn acc_labels(ix: &Index, accs: u64, locale: &str) -> Vec<String> {
    accommodate::ids(&ix.accs, accs)
        .into_iter()
        .map(|id| match polku_domain::catalogue::accommodation(id) {
            Some(a) => match locale {
                "fi" => a.label.fi.clone(),
                "sv" => a.label.sv.clone(),
                _ => a.label.en.clone(),
            },
            None => id.replace('_', " "),
        })
        .collect()
}

fn list(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}

fn times(sched: u8, words: [&str; 4]) -> String {
    let mut parts = Vec::new();
    for (bit, w) in [
        (EVENINGS, words[1]),
        (NIGHTS, words[2]),
        (WEEKENDS, words[3]),
    ] {
        if sched & bit != 0 {
            parts.push(w.to_owned());
        }
    }
    if parts.is_empty() {
        words[0].to_owned()
    } else {
        parts.join(", ")
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// Descriptions keyed by locale: `fi`, `sv`, `en`, `fi-x-selko`.
pub fn describe(ix: &Index, f: &Facts<'_>) -> Descriptions {
    let tasks: Vec<String> = f.tasks.iter().map(|t| (*t).to_owned()).collect();
    let n = tasks.len();
    let (fi_acc, sv_acc, en_acc) = (
        acc_labels(ix, f.accs, "fi"),
        acc_labels(ix, f.accs, "sv"),
        acc_labels(ix, f.accs, "en"),
    );
    let e = f.employer;
    let (h, d, c) = (f.hours, f.days, f.acc_cost);

    let mut fi = format!(
        "Muotoiltu työ, {e}: {n} {}, yhteensä {h} tuntia viikossa enintään {d} päivänä. Tehtävät: {}. Työaika: {}.",
        plural(n, "tehtävä", "tehtävää"),
        list(&tasks, "ja"),
        times(f.sched, ["päivätyö", "iltaisin", "öisin", "viikonloppuisin"])
    );
    let mut sv = format!(
        "Skräddarsytt arbete, {e}: {n} {}, sammanlagt {h} timmar i veckan på högst {d} dagar. Uppgifter: {}. Arbetstid: {}.",
        plural(n, "uppgift", "uppgifter"),
        list(&tasks, "och"),
        times(f.sched, ["dagtid", "kvällar", "nätter", "veckoslut"])
    );
    let mut en = format!(
        "Crafted job, {e}: {n} {}, {h} hours a week in total on at most {d} days. Tasks: {}. Working time: {}.",
        plural(n, "task", "tasks"),
        list(&tasks, "and"),
        times(f.sched, ["daytime", "evenings", "nights", "weekends"])
    );
    let mut selko = format!(
        "Tämä työ on paikassa {e}. Teet {n} {}. {} Teet töitä {h} tuntia viikossa. Teet töitä enintään {d} päivänä viikossa. Teet töitä {}.",
        plural(n, "työtehtävän", "työtehtävää"),
        tasks.iter().map(|t| format!("Tehtävä: {t}.")).collect::<Vec<_>>().join(" "),
        times(f.sched, ["päivällä", "illalla", "yöllä", "viikonloppuna"])
    );
    if f.accs == 0 {
        fi.push_str(" Työjärjestelyjä ei tarvita.");
        sv.push_str(" Inga anpassningar behövs.");
        en.push_str(" No accommodations are needed.");
        selko.push_str(" Et tarvitse apuvälineitä.");
    } else {
        fi.push_str(&format!(
            " Työjärjestelyt: {} (noin {c} euroa); työolosuhteiden järjestelytuki voi korvata kustannukset.",
            list(&fi_acc, "ja")
        ));
        sv.push_str(&format!(
            " Anpassningar: {} (cirka {c} euro); stödet för ordnande av arbetsförhållanden kan ersätta kostnaderna.",
            list(&sv_acc, "och")
        ));
        en.push_str(&format!(
            " Accommodations: {} (about €{c}); the work-arrangement subsidy may cover the cost.",
            list(&en_acc, "and")
        ));
        selko.push_str(&format!(" Saat avuksi: {}.", list(&fi_acc, "ja")));
    }
    if f.mentor {
        fi.push_str(" Työpaikalla on nimetty mentori, joka tukee työn alussa.");
        sv.push_str(" På arbetsplatsen finns en utsedd mentor som ger stöd i början.");
        en.push_str(" A named mentor at the workplace supports the start.");
        selko.push_str(" Työpaikalla on ohjaaja. Ohjaaja auttaa sinua.");
    } else {
        fi.push_str(" Työhönvalmentaja tukee työn alussa.");
        sv.push_str(" Jobbcoachen ger stöd i början.");
        en.push_str(" The job coach supports the start.");
        selko.push_str(" Työhönvalmentaja auttaa sinua alussa.");
    }
    if let Some(s) = f.subsidy_eur_month {
        let s = s.round();
        fi.push_str(&format!(
            " Työnantaja voi saada palkkatukea arviolta {s:.0} euroa kuukaudessa."
        ));
        sv.push_str(&format!(
            " Arbetsgivaren kan få lönesubvention, uppskattningsvis {s:.0} euro i månaden."
        ));
        en.push_str(&format!(
            " The employer may receive a pay subsidy of about €{s:.0} a month."
        ));
        selko.push_str(" Työnantaja voi saada rahaa palkkaasi varten.");
    }
    Descriptions {
        fi,
        sv,
        en,
        fi_x_selko: selko,
    }
}
