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

/// Whole euros with digit groups: "1 500 euroa" in Finnish and Swedish (no-break spaces, so the
/// amount never breaks over two lines), "€1,500" in English.
fn euros(n: u64, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + 4);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
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
        "Räätälöity työ, {e}: {n} {}, yhteensä {h} tuntia viikossa enintään {d} päivänä. Tehtävät: {}. Työaika: {}.",
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
        en.push_str(" No workplace adjustments are needed.");
        selko.push_str(" Et tarvitse apuvälineitä.");
    } else if c == 0 {
        // Adjustments that cost nothing (a quiet room, a fixed routine): no "0 euros".
        fi.push_str(&format!(
            " Työjärjestelyt: {}. Niistä ei aiheudu kustannuksia.",
            list(&fi_acc, "ja")
        ));
        sv.push_str(&format!(
            " Anpassningar: {}. De medför inga kostnader.",
            list(&sv_acc, "och")
        ));
        en.push_str(&format!(
            " Workplace adjustments: {}, at no cost.",
            list(&en_acc, "and")
        ));
        selko.push_str(&format!(" Saat avuksi: {}.", list(&fi_acc, "ja")));
    } else {
        let (fi_c, en_c) = (euros(c, '\u{a0}'), euros(c, ','));
        fi.push_str(&format!(
            " Työjärjestelyt: {} (noin {fi_c} euroa); työolosuhteiden järjestelytuki voi korvata kustannukset.",
            list(&fi_acc, "ja")
        ));
        sv.push_str(&format!(
            " Anpassningar: {} (cirka {fi_c} euro); stödet för ordnande av arbetsförhållanden kan ersätta kostnaderna.",
            list(&sv_acc, "och")
        ));
        en.push_str(&format!(
            " Workplace adjustments: {} (about €{en_c}); the subsidy for arranging working conditions may cover the cost.",
            list(&en_acc, "and")
        ));
        selko.push_str(&format!(" Saat avuksi: {}.", list(&fi_acc, "ja")));
    }
    if f.mentor {
        fi.push_str(" Työpaikalla on nimetty työpaikkaohjaaja, joka tukee työn alussa.");
        sv.push_str(" På arbetsplatsen finns en utsedd handledare som ger stöd i början.");
        en.push_str(" A named workplace mentor supports the start.");
        selko.push_str(" Työpaikalla on ohjaaja. Ohjaaja auttaa sinua.");
    } else {
        fi.push_str(" Työhönvalmentaja tukee työn alussa.");
        sv.push_str(" Jobbcoachen ger stöd i början.");
        en.push_str(" The job coach supports the start.");
        selko.push_str(" Työhönvalmentaja auttaa sinua alussa.");
    }
    // A zero estimate (no wage) is left unsaid.
    if let Some(s) = f.subsidy_eur_month.filter(|s| s.round() >= 1.0) {
        // A positive monthly amount in euros, far below u64::MAX.
        let s = s.round() as u64;
        let (fi_s, en_s) = (euros(s, '\u{a0}'), euros(s, ','));
        fi.push_str(&format!(
            " Työnantaja voi saada palkkatukea arviolta {fi_s} euroa kuukaudessa."
        ));
        sv.push_str(&format!(
            " Arbetsgivaren kan få lönesubvention, uppskattningsvis {fi_s} euro i månaden."
        ));
        en.push_str(&format!(
            " The employer may receive a pay subsidy of about €{en_s} a month."
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Input;

    fn facts(accs: u64, acc_cost: u64, subsidy: Option<f64>) -> Facts<'static> {
        Facts {
            employer: "Kiinteistöhuolto Oy",
            tasks: vec!["Siivous", "Pihatyöt"],
            hours: 20,
            days: 4,
            sched: 0,
            accs,
            acc_cost,
            mentor: true,
            subsidy_eur_month: subsidy,
        }
    }

    #[test]
    fn amounts_are_grouped_and_zero_amounts_are_never_written() {
        let ix = Index::build(&Input::default());
        for (accs, cost, subsidy) in [(0, 0, None), (1, 0, Some(0.0)), (1, 1500, Some(1260.4))] {
            let d = describe(&ix, &facts(accs, cost, subsidy));
            for text in [&d.fi, &d.sv, &d.en, &d.fi_x_selko] {
                for zero in [" 0 euro", "€0", "(noin 0", "(cirka 0"] {
                    assert!(!text.contains(zero), "{zero:?} in {text}");
                }
                assert!(!text.contains("Muotoiltu"), "{text}");
                assert!(!text.contains("mentori"), "{text}");
            }
            if cost > 0 {
                assert!(d.fi.contains("noin 1\u{a0}500 euroa"), "{}", d.fi);
                assert!(d.en.contains("about €1,500"), "{}", d.en);
                assert!(d.fi.contains("arviolta 1\u{a0}260 euroa"), "{}", d.fi);
            }
        }
        assert_eq!(euros(1_000_000, ','), "1,000,000");
        assert_eq!(euros(999, ','), "999");
    }
}
