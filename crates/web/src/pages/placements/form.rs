//! The proposal form, shared by the coach (proposing at once, choosing the field groups to
//! disclose) and the coordinator (preparing it for the coach): its values as typed, the
//! prefill from an opening (a suggestion or a crafted job), the parse into a `NewPlacement`
//! and the choices it offers.

use super::common::{category_key, kind_key};
use crate::html::ctx::Ctx;
use crate::pages::form::{FieldErrors, Fields};
use crate::pages::participants::common::{opt, Opt};
use polku_domain::{
    DataCategory, EmployerId, Opening, OpeningId, OpeningKind, ParticipantId, Task, TaskId, UserId,
};
use polku_service::employer_users::NamedUser;
use polku_service::placements::NewPlacement;
use time::macros::format_description;
use time::{Date, Duration};

/// One checkbox of a group, its label already in the page's language.
#[derive(Debug, Clone)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub checked: bool,
    /// Offered but not choosable (a field group without consent).
    pub disabled: bool,
}

/// The form's values as typed (shown again after a refusal).
#[derive(Debug, Clone, Default)]
pub struct Values {
    pub employer: String,
    pub opening: String,
    pub kind: String,
    pub pay_subsidy: bool,
    pub tasks: Vec<String>,
    pub start: String,
    pub end: String,
    pub hours_per_day: String,
    pub days_per_week: String,
    pub mentor: String,
    pub categories: Vec<String>,
}

fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

fn parse_date(s: &str) -> Option<Date> {
    Date::parse(s.trim(), format_description!("[year]-[month]-[day]")).ok()
}

impl Values {
    /// Read from a submitted form.
    pub fn from_fields(f: &Fields) -> Values {
        Values {
            employer: f.get("employer"),
            opening: f.get("opening"),
            kind: f.get("kind"),
            pay_subsidy: f.checked("pay_subsidy"),
            tasks: f.all("tasks"),
            start: f.get("start"),
            end: f.get("end"),
            hours_per_day: f.get("hours_per_day"),
            days_per_week: f.get("days_per_week"),
            mentor: f.get("mentor"),
            categories: f.all("categories"),
        }
    }

    /// A first proposal at an employer: an opening's kind, tasks and dates when one is given
    /// (a suggestion or a crafted job), the hours from its tasks, every consented field group.
    pub fn prefill(
        employer: EmployerId,
        opening: Option<&Opening>,
        tasks: &[Task],
        consented: &[DataCategory],
        today: Date,
    ) -> Values {
        let kind = opening.map_or(OpeningKind::WorkTrial, |o| o.kind);
        let chosen: Vec<&Task> = match opening {
            Some(o) => tasks.iter().filter(|t| o.tasks.contains(&t.id)).collect(),
            None => Vec::new(),
        };
        let start = opening
            .and_then(|o| o.starts_on)
            .filter(|d| *d > today)
            .unwrap_or(today + Duration::days(14));
        let end = opening.and_then(|o| o.ends_on).or_else(|| {
            (kind != OpeningKind::Job && kind != OpeningKind::Apprenticeship)
                .then(|| polku_domain::work::add_months(start, 3) - Duration::days(1))
        });
        let week: u32 = chosen.iter().map(|t| u32::from(t.hours_per_week)).sum();
        let days = chosen
            .iter()
            .map(|t| t.days_per_week)
            .max()
            .unwrap_or(5)
            .clamp(1, 5);
        let mut per_day = if week == 0 {
            6
        } else {
            week.div_ceil(u32::from(days)).clamp(1, 12)
        };
        if kind == OpeningKind::WorkTrial {
            per_day = per_day.clamp(4, 8);
        }
        Values {
            employer: employer.to_string(),
            opening: opening.map(|o| o.id.to_string()).unwrap_or_default(),
            kind: kind.as_str().to_owned(),
            pay_subsidy: false,
            tasks: chosen.iter().map(|t| t.id.to_string()).collect(),
            start: iso(start),
            end: end.map(iso).unwrap_or_default(),
            hours_per_day: per_day.to_string(),
            days_per_week: days.to_string(),
            mentor: String::new(),
            categories: consented.iter().map(|c| c.as_str().to_owned()).collect(),
        }
    }

    /// The proposal, or the errors of the values that do not parse. `with_categories`: the
    /// coach's variant (the coordinator's leaves the choice to the coach).
    pub fn parse(
        &self,
        participant: ParticipantId,
        with_categories: bool,
    ) -> Result<NewPlacement, FieldErrors> {
        let mut errors = FieldErrors::new();
        let employer = EmployerId::parse(&self.employer)
            .map_err(|_| errors.add("employer", "pl-error-employer"))
            .ok();
        let opening = if self.opening.is_empty() {
            None
        } else {
            OpeningId::parse(&self.opening)
                .map_err(|_| errors.add("employer", "pl-error-employer"))
                .ok()
        };
        let kind = OpeningKind::parse(&self.kind)
            .map_err(|_| errors.add("kind", "pl-error-kind"))
            .ok();
        let mut tasks = Vec::new();
        for t in &self.tasks {
            match TaskId::parse(t) {
                Ok(id) => tasks.push(id),
                Err(_) => errors.add("tasks", "pl-error-invalid"),
            }
        }
        let start = parse_date(&self.start);
        if start.is_none() {
            errors.add("start", "pl-error-date");
        }
        let end = if self.end.is_empty() {
            None
        } else {
            let d = parse_date(&self.end);
            if d.is_none() {
                errors.add("end", "pl-error-date");
            }
            d
        };
        let number = |v: &str, field: &str, errors: &mut FieldErrors| -> u8 {
            v.parse::<u8>().unwrap_or_else(|_| {
                errors.add(field, "pl-error-number");
                0
            })
        };
        let hours_per_day = number(&self.hours_per_day, "hours_per_day", &mut errors);
        let days_per_week = number(&self.days_per_week, "days_per_week", &mut errors);
        let mentor = if self.mentor.is_empty() {
            None
        } else {
            UserId::parse(&self.mentor)
                .map_err(|_| errors.add("mentor", "rule-mentor-not-found"))
                .ok()
        };
        let mut categories = Vec::new();
        for c in &self.categories {
            match DataCategory::parse(c) {
                Ok(c) => categories.push(c),
                Err(_) => errors.add("categories", "pl-error-invalid"),
            }
        }
        if with_categories && categories.is_empty() && errors.is_empty() {
            errors.add("categories", "pl-error-categories");
        }
        match (employer, kind, start, errors.is_empty()) {
            (Some(employer), Some(kind), Some(starts_on), true) => Ok(NewPlacement {
                participant,
                employer,
                opening,
                kind,
                pay_subsidy: self.pay_subsidy,
                tasks,
                starts_on,
                ends_on: end,
                hours_per_day,
                days_per_week,
                mentor,
                categories: with_categories.then_some(categories),
                gig: None,
            }),
            _ => Err(errors),
        }
    }
}

/// What the form offers, built from the employer's tasks, the project's mentors and the
/// consents in force.
#[derive(Debug, Clone)]
pub struct Choices {
    pub kinds: Vec<Opt>,
    pub tasks: Vec<Choice>,
    pub mentors: Vec<Opt>,
    /// Empty in the coordinator's variant.
    pub categories: Vec<Choice>,
}

pub fn choices(
    ctx: &Ctx,
    v: &Values,
    tasks: &[Task],
    mentors: &[NamedUser],
    consented: Option<&[DataCategory]>,
) -> Choices {
    let kinds = [
        OpeningKind::WorkTrial,
        OpeningKind::EducationTrial,
        OpeningKind::Job,
        OpeningKind::Apprenticeship,
        OpeningKind::Gig,
    ]
    .into_iter()
    .map(|k| opt(k.as_str(), ctx.t(kind_key(k)), &v.kind))
    .collect();
    let tasks = tasks
        .iter()
        .map(|t| Choice {
            value: t.id.to_string(),
            label: ctx.ts2(
                "pl-task-hours",
                "title",
                &t.title,
                "hours",
                &t.hours_per_week.to_string(),
            ),
            checked: v.tasks.contains(&t.id.to_string()),
            disabled: false,
        })
        .collect();
    let mut mentor_opts = vec![opt("", ctx.t("pl-no-mentor"), &v.mentor)];
    mentor_opts.extend(
        mentors
            .iter()
            .map(|m| opt(m.id.to_string(), m.name.clone(), &v.mentor)),
    );
    let categories = match consented {
        Some(consented) => category_choices(ctx, &v.categories, consented),
        None => Vec::new(),
    };
    Choices {
        kinds,
        tasks,
        mentors: mentor_opts,
        categories,
    }
}

/// The field groups as checkboxes: the consented ones choosable, the others disabled.
pub fn category_choices(ctx: &Ctx, chosen: &[String], consented: &[DataCategory]) -> Vec<Choice> {
    DataCategory::ALL
        .into_iter()
        .map(|c| {
            let ok = consented.contains(&c);
            Choice {
                value: c.as_str().to_owned(),
                label: ctx.t(&category_key(c)),
                checked: ok && chosen.iter().any(|s| s == c.as_str()),
                disabled: !ok,
            }
        })
        .collect()
}
