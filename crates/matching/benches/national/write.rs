//! The benchmark's writer (also compiled into the property tests, which check it): the
//! engine's explained answer written straight to compact JSON text, byte for byte what `serde_json`
//! writes for it (tested on random inputs), without escaping the keys one byte at a time: the
//! keys are literals, and only strings that come from the input are escaped.

use polku_matching::internals::hit::{AccSubsidy, Check, Fit, MatchResult, PartText, PartsOut};
use polku_matching::internals::hit::{Micro, OpeningCandidates, PaySubsidy, PersonResults};
use polku_matching::internals::hit::{TaskRef, Text};

/// A JSON writer over a byte buffer, with a reusable buffer for sentences.
#[derive(Debug, Default)]
pub struct JsonWriter {
    text: String,
}

/// Whether `s` can be written between quotes as it is.
#[inline]
fn plain(s: &str) -> bool {
    // No early exit, so the loop is vectorised: the strings are short and almost always plain.
    !s.bytes().fold(false, |bad, b| {
        bad | (b < 0x20) | (b == b'"') | (b == b'\\')
    })
}

impl JsonWriter {
    pub fn new() -> Self {
        Self::default()
    }

    #[inline]
    fn str(out: &mut Vec<u8>, s: &str) {
        if plain(s) {
            out.push(b'"');
            out.extend_from_slice(s.as_bytes());
            out.push(b'"');
        } else {
            // Writing to a Vec cannot fail.
            let _ = serde_json::to_writer(&mut *out, s);
        }
    }

    #[inline]
    fn opt_str(out: &mut Vec<u8>, s: Option<&str>) {
        match s {
            Some(s) => Self::str(out, s),
            None => out.extend_from_slice(b"null"),
        }
    }

    /// A number as serde_json writes it (its shortest round-trip form). Most of ours are
    /// millionths: a value at least 0.01 that is exactly the double nearest `m / 10⁶` has the
    /// shortest form "int.fraction" with the fraction's trailing zeros dropped ("0.05", "1.0"),
    /// written here directly; anything else goes through serde_json.
    #[inline]
    pub(crate) fn f64(out: &mut Vec<u8>, x: f64) {
        let m = (x * 1e6).round();
        if (0.01..1e9).contains(&x) && m / 1e6 == x {
            let m = m as u64;
            Self::u64(out, m / 1_000_000);
            out.push(b'.');
            let mut frac = m % 1_000_000;
            if frac == 0 {
                out.push(b'0');
                return;
            }
            let mut digits = 6;
            while frac.is_multiple_of(10) {
                frac /= 10;
                digits -= 1;
            }
            // Six digits are written and the trailing zeros dropped again, so the copy has a
            // fixed length.
            let mut buf = [b'0'; 6];
            let mut rest = m % 1_000_000;
            for b in buf.iter_mut().rev() {
                *b = b'0' + (rest % 10) as u8;
                rest /= 10;
            }
            out.extend_from_slice(&buf);
            out.truncate(out.len() - (6 - digits));
        } else {
            let _ = serde_json::to_writer(&mut *out, &x);
        }
    }

    /// Millionths as serde_json writes the number they stand for: [`Self::f64`]'s direct form
    /// without its checks, since `m / 10⁶` is by construction the double nearest it.
    #[inline]
    pub(crate) fn micro(out: &mut Vec<u8>, m: Micro) {
        let v = m.0;
        if v < 10_000 {
            // 0 is "0.0"; below 0.01 serde_json may write an exponent.
            return Self::f64(out, m.as_f64());
        }
        Self::u64(out, u64::from(v / 1_000_000));
        let frac = v % 1_000_000;
        if frac == 0 {
            out.extend_from_slice(b".0");
            return;
        }
        let mut buf = *b".000000";
        let mut rest = frac;
        for b in buf[1..].iter_mut().rev() {
            *b = b'0' + (rest % 10) as u8;
            rest /= 10;
        }
        // Drop the fraction's trailing zeros (at most five: it is not zero).
        let trailing = 5 - [100_000, 10_000, 1_000, 100, 10]
            .iter()
            .take_while(|&&d| !frac.is_multiple_of(d))
            .count();
        out.extend_from_slice(&buf);
        out.truncate(out.len() - trailing);
    }

    #[inline]
    fn u64(out: &mut Vec<u8>, x: u64) {
        // Most figures are below 100: write them without a copy of a variable length.
        if x < 10 {
            out.push(b'0' + x as u8);
            return;
        }
        if x < 100 {
            out.extend_from_slice(&[b'0' + (x / 10) as u8, b'0' + (x % 10) as u8]);
            return;
        }
        let mut buf = [0u8; 20];
        let mut i = buf.len();
        let mut x = x;
        loop {
            i -= 1;
            buf[i] = b'0' + (x % 10) as u8;
            x /= 10;
            if x == 0 {
                break;
            }
        }
        out.extend_from_slice(&buf[i..]);
    }

    #[inline]
    fn bool(out: &mut Vec<u8>, b: bool) {
        out.extend_from_slice(if b { b"true" } else { b"false" });
    }

    /// `,"text":"…"` when the text is to be written.
    #[inline]
    fn text(&mut self, out: &mut Vec<u8>, t: &Text<'_>) {
        if t.words {
            self.text.clear();
            t.msg.render(&mut self.text);
            out.extend_from_slice(b",\"text\":");
            Self::str(out, &self.text);
        }
    }

    /// `{"participant":…,"results":[…]}`.
    pub fn person_results(&mut self, out: &mut Vec<u8>, r: &PersonResults<'_>) {
        self.ranked(
            out,
            b"{\"participant\":",
            r.participant,
            b",\"results\":[",
            &r.results,
        );
    }

    /// `{"opening":…,"candidates":[…]}`.
    pub fn opening_candidates(&mut self, out: &mut Vec<u8>, r: &OpeningCandidates<'_>) {
        self.ranked(
            out,
            b"{\"opening\":",
            r.opening,
            b",\"candidates\":[",
            &r.candidates,
        );
    }

    /// `{"<id key>":id,"<list key>":[results…]}`, the shape of both ranking answers.
    fn ranked(
        &mut self,
        out: &mut Vec<u8>,
        id_key: &[u8],
        id: &str,
        list_key: &[u8],
        results: &[MatchResult<'_>],
    ) {
        out.extend_from_slice(id_key);
        Self::str(out, id);
        out.extend_from_slice(list_key);
        for (k, m) in results.iter().enumerate() {
            if k > 0 {
                out.push(b',');
            }
            self.result(out, m);
        }
        out.extend_from_slice(b"]}");
    }

    /// One result.
    pub fn result(&mut self, out: &mut Vec<u8>, m: &MatchResult<'_>) {
        out.extend_from_slice(b"{\"participant\":");
        Self::str(out, m.participant);
        out.extend_from_slice(b",\"opening\":");
        Self::str(out, m.opening);
        out.extend_from_slice(b",\"employer\":");
        Self::str(out, m.employer);
        out.extend_from_slice(b",\"kind\":");
        Self::str(out, m.kind.as_str());
        if let Some(t) = m.title {
            out.extend_from_slice(b",\"title\":");
            Self::str(out, t);
        }
        out.extend_from_slice(b",\"score\":");
        Self::micro(out, m.score);
        out.extend_from_slice(b",\"parts\":");
        Self::parts(out, &m.parts);
        out.extend_from_slice(b",\"explanation\":[");
        for (k, p) in m.explanation.iter().enumerate() {
            if k > 0 {
                out.push(b',');
            }
            self.part(out, p);
        }
        out.extend_from_slice(b"],\"fits\":[");
        for (k, f) in m.fits.iter().enumerate() {
            if k > 0 {
                out.push(b',');
            }
            self.fit(out, f);
        }
        out.extend_from_slice(b"],\"to_check\":[");
        for (k, c) in m.to_check.iter().enumerate() {
            if k > 0 {
                out.push(b',');
            }
            self.check(out, c);
        }
        out.extend_from_slice(b"],\"accommodations\":");
        Self::strs(out, m.accommodations.iter());
        out.extend_from_slice(b",\"accommodation_cost_eur\":");
        Self::u64(out, m.accommodation_cost_eur);
        out.extend_from_slice(b",\"accommodation_subsidies\":[");
        for (k, a) in m.accommodation_subsidies.iter().enumerate() {
            if k > 0 {
                out.push(b',');
            }
            Self::acc_subsidy(out, a);
        }
        out.extend_from_slice(b"],\"subsidy\":");
        match &m.subsidy {
            Some(s) => self.pay(out, s),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"hours_per_week\":");
        Self::u64(out, u64::from(m.hours_per_week));
        out.extend_from_slice(b",\"tasks\":[");
        for (k, t) in m.tasks.iter().enumerate() {
            if k > 0 {
                out.push(b',');
            }
            Self::task(out, &t);
        }
        out.extend_from_slice(b"]}");
    }

    fn strs<'s>(out: &mut Vec<u8>, list: impl Iterator<Item = &'s str>) {
        out.push(b'[');
        for (k, s) in list.enumerate() {
            if k > 0 {
                out.push(b',');
            }
            Self::str(out, s);
        }
        out.push(b']');
    }

    fn parts(out: &mut Vec<u8>, p: &PartsOut) {
        let fields: [(&[u8], Micro); 8] = [
            (b"{\"essential_skills\":", p.essential_skills),
            (b",\"optional_skills\":", p.optional_skills),
            (b",\"learnable_gaps\":", p.learnable_gaps),
            (b",\"language_margin\":", p.language_margin),
            (b",\"functioning_margin\":", p.functioning_margin),
            (b",\"accommodation_cost\":", p.accommodation_cost),
            (b",\"goal_fit\":", p.goal_fit),
            (b",\"employer_readiness\":", p.employer_readiness),
        ];
        for (key, v) in fields {
            out.extend_from_slice(key);
            Self::micro(out, v);
        }
        out.push(b'}');
    }

    fn head(out: &mut Vec<u8>, part: &[u8], points: Micro, max: Micro) {
        out.extend_from_slice(b"{\"part\":\"");
        out.extend_from_slice(part);
        out.extend_from_slice(b"\",\"points\":");
        Self::micro(out, points);
        out.extend_from_slice(b",\"max\":");
        Self::micro(out, max);
    }

    fn field_u(out: &mut Vec<u8>, key: &[u8], v: u64) {
        out.extend_from_slice(key);
        Self::u64(out, v);
    }

    fn part(&mut self, out: &mut Vec<u8>, p: &PartText<'_>) {
        let text = match p {
            PartText::EssentialSkills {
                points,
                max,
                have,
                of,
                text,
            } => {
                Self::head(out, b"essential_skills", *points, *max);
                Self::field_u(out, b",\"have\":", u64::from(*have));
                Self::field_u(out, b",\"of\":", u64::from(*of));
                text
            }
            PartText::OptionalSkills {
                points,
                max,
                have,
                of,
                text,
            } => {
                Self::head(out, b"optional_skills", *points, *max);
                Self::field_u(out, b",\"have\":", u64::from(*have));
                Self::field_u(out, b",\"of\":", u64::from(*of));
                text
            }
            PartText::LearnableGaps {
                points,
                max,
                missing,
                learnable_on_job,
                text,
            } => {
                Self::head(out, b"learnable_gaps", *points, *max);
                Self::field_u(out, b",\"missing\":", u64::from(*missing));
                Self::field_u(out, b",\"learnable_on_job\":", u64::from(*learnable_on_job));
                text
            }
            PartText::LanguageMargin {
                points,
                max,
                language,
                required,
                levels_above,
                text,
            } => {
                Self::head(out, b"language_margin", *points, *max);
                if let Some(l) = language {
                    out.extend_from_slice(b",\"language\":");
                    Self::str(out, l);
                }
                if let Some(r) = required {
                    out.extend_from_slice(b",\"required\":");
                    Self::str(out, r);
                }
                if let Some(a) = levels_above {
                    Self::field_u(out, b",\"levels_above\":", u64::from(*a));
                }
                text
            }
            PartText::FunctioningMargin {
                points,
                max,
                demands,
                spare,
                not_assessed,
                text,
            } => {
                Self::head(out, b"functioning_margin", *points, *max);
                Self::field_u(out, b",\"demands\":", u64::from(*demands));
                Self::field_u(out, b",\"spare\":", u64::from(*spare));
                Self::field_u(out, b",\"not_assessed\":", u64::from(*not_assessed));
                text
            }
            PartText::AccommodationCost {
                points,
                max,
                cost_eur,
                text,
            } => {
                Self::head(out, b"accommodation_cost", *points, *max);
                Self::field_u(out, b",\"cost_eur\":", *cost_eur);
                text
            }
            PartText::GoalFit {
                points,
                max,
                goal_hours,
                text,
            } => {
                Self::head(out, b"goal_fit", *points, *max);
                Self::field_u(out, b",\"goal_hours\":", u64::from(*goal_hours));
                text
            }
            PartText::EmployerReadiness {
                points,
                max,
                mentor,
                trial_places,
                text,
            } => {
                Self::head(out, b"employer_readiness", *points, *max);
                out.extend_from_slice(b",\"mentor\":");
                Self::bool(out, *mentor);
                out.extend_from_slice(b",\"trial_places\":");
                Self::bool(out, *trial_places);
                text
            }
        };
        self.text(out, text);
        out.push(b'}');
    }

    fn fit(&mut self, out: &mut Vec<u8>, f: &Fit<'_>) {
        let text = match f {
            Fit::Hours {
                hours_per_week,
                min,
                max,
                text,
            } => {
                out.extend_from_slice(b"{\"code\":\"hours\"");
                Self::field_u(out, b",\"hours_per_week\":", u64::from(*hours_per_week));
                Self::field_u(out, b",\"min\":", u64::from(*min));
                Self::field_u(out, b",\"max\":", u64::from(*max));
                text
            }
            Fit::Days {
                days_per_week,
                max,
                text,
            } => {
                out.extend_from_slice(b"{\"code\":\"days\"");
                Self::field_u(out, b",\"days_per_week\":", u64::from(*days_per_week));
                Self::field_u(out, b",\"max\":", u64::from(*max));
                text
            }
            Fit::Municipality { municipality, text } => {
                out.extend_from_slice(b"{\"code\":\"municipality\",\"municipality\":");
                Self::str(out, municipality);
                text
            }
            Fit::Language {
                language,
                required,
                has,
                text,
            } => {
                out.extend_from_slice(b"{\"code\":\"language\",\"language\":");
                Self::str(out, language);
                out.extend_from_slice(b",\"required\":");
                Self::str(out, required);
                out.extend_from_slice(b",\"has\":");
                Self::str(out, has);
                text
            }
            Fit::Functioning { dimensions, text } => {
                out.extend_from_slice(b"{\"code\":\"functioning\",\"dimensions\":[");
                for (k, d) in polku_matching::internals::score::dims(dimensions.dims).enumerate() {
                    if k > 0 {
                        out.push(b',');
                    }
                    out.extend_from_slice(b"{\"dimension\":");
                    Self::str(out, d.key());
                    Self::field_u(
                        out,
                        b",\"demand\":",
                        u64::from(dimensions.demand[d.index()]),
                    );
                    Self::field_u(
                        out,
                        b",\"capacity\":",
                        u64::from(dimensions.capacity[d.index()]),
                    );
                    out.push(b'}');
                }
                out.push(b']');
                text
            }
            Fit::Accommodated {
                dimension,
                demand,
                capacity,
                accommodations,
                text,
            } => {
                out.extend_from_slice(b"{\"code\":\"accommodated\",\"dimension\":");
                Self::str(out, dimension.key());
                Self::field_u(out, b",\"demand\":", u64::from(*demand));
                Self::field_u(out, b",\"capacity\":", u64::from(*capacity));
                out.extend_from_slice(b",\"accommodations\":");
                Self::strs(out, accommodations.iter());
                text
            }
        };
        self.text(out, text);
        out.push(b'}');
    }

    fn check(&mut self, out: &mut Vec<u8>, c: &Check<'_>) {
        out.extend_from_slice(b"{\"dimension\":");
        Self::str(out, c.dimension.key());
        Self::field_u(out, b",\"demand\":", u64::from(c.demand));
        self.text(out, &c.text);
        out.push(b'}');
    }

    fn acc_subsidy(out: &mut Vec<u8>, a: &AccSubsidy<'_>) {
        out.extend_from_slice(b"{\"accommodation\":");
        Self::str(out, a.accommodation);
        Self::field_u(out, b",\"cost_eur\":", u64::from(a.cost_eur));
        out.extend_from_slice(b",\"subsidy\":");
        Self::str(out, a.subsidy);
        out.extend_from_slice(b",\"label\":");
        Self::opt_str(out, a.label);
        out.extend_from_slice(b",\"cap_eur_total\":");
        match a.cap_eur_total {
            Some(c) => Self::u64(out, u64::from(c)),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"in_force\":");
        Self::bool(out, a.in_force);
        out.push(b'}');
    }

    fn pay(&mut self, out: &mut Vec<u8>, s: &PaySubsidy) {
        out.extend_from_slice(b"{\"rule\":");
        Self::str(out, s.rule);
        out.extend_from_slice(b",\"available\":");
        Self::bool(out, s.available);
        if let Some(l) = s.label {
            out.extend_from_slice(b",\"label\":");
            Self::str(out, l);
        }
        if let Some(r) = s.rate {
            out.extend_from_slice(b",\"rate\":");
            Self::f64(out, r);
        }
        if let Some(c) = s.cap_eur_month {
            Self::field_u(out, b",\"cap_eur_month\":", u64::from(c));
        }
        if let Some(m) = s.max_months {
            Self::field_u(out, b",\"max_months\":", u64::from(m));
        }
        if let Some(w) = s.monthly_wage_eur {
            out.extend_from_slice(b",\"monthly_wage_eur\":");
            Self::f64(out, w);
        }
        if let Some(h) = s.hours_per_week {
            Self::field_u(out, b",\"hours_per_week\":", u64::from(h));
        }
        if let Some(e) = s.estimate_eur_month {
            out.extend_from_slice(b",\"estimate_eur_month\":");
            Self::f64(out, e);
        }
        self.text(out, &s.text);
        out.push(b'}');
    }

    fn task(out: &mut Vec<u8>, t: &TaskRef<'_>) {
        out.extend_from_slice(b"{\"id\":");
        Self::str(out, t.id);
        out.extend_from_slice(b",\"title\":");
        Self::str(out, t.title);
        Self::field_u(out, b",\"hours_per_week\":", u64::from(t.hours_per_week));
        out.push(b'}');
    }
}
