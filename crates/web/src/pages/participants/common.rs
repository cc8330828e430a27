//! What the participant pages share: the header with the tabs, loading a participant through
//! the service, the field errors for refused values and the stored values shown after a
//! conflict. The save cycle of the tabs is in `tab.rs`.

use crate::error::{WebError, WebResult};
use crate::middleware::session::Session;
use crate::state::AppState;
use polku_domain::{DomainError, ParticipantId, PathStage, ProjectId, Role};
use polku_service::participants::ParticipantView;

/// Why the coach reads or writes: delivering the service to the participant.
pub const PURPOSE: &str = "service_delivery";

/// One tab of a participant's pages.
#[derive(Debug, Clone)]
pub struct Tab {
    pub href: String,
    pub label_key: &'static str,
    pub current: bool,
}

/// The tabs in their groups: group label key, then each tab's path suffix and label key. The
/// groups follow the coach's work: who the person is, where the work with them stands, what
/// work fits, and what they have agreed to.
const TAB_GROUPS: [(&str, &[(&str, &str)]); 4] = [
    (
        "p-tabgroup-person",
        &[
            ("", "p-tab-background"),
            ("/functioning", "p-tab-functioning"),
            ("/skills", "p-tab-skills"),
            ("/languages", "p-tab-languages"),
            ("/availability", "p-tab-availability"),
        ],
    ),
    (
        "p-tabgroup-progress",
        &[
            ("/path", "p-tab-path"),
            ("/plan", "p-tab-plan"),
            ("/meetings", "p-tab-meetings"),
            ("/esf", "p-tab-esf"),
            ("/referrals", "p-tab-referrals"),
        ],
    ),
    (
        "p-tabgroup-work",
        &[
            ("/suggestions", "p-tab-suggestions"),
            ("/craft", "p-tab-craft"),
            ("/placements", "pl-tab"),
            ("/documents", "p-tab-documents"),
        ],
    ),
    ("p-tabgroup-consent", &[("/consents", "p-tab-consents")]),
];

/// One group of tabs, e.g. the person's own data.
#[derive(Debug, Clone)]
pub struct TabGroup {
    pub label_key: &'static str,
    pub tabs: Vec<Tab>,
    /// Whether the current tab is in this group.
    pub current: bool,
}

/// The participant's name, stage and tabs shown above every tab.
#[derive(Debug, Clone)]
pub struct Head {
    pub id: String,
    pub name: String,
    pub stage_key: &'static str,
    pub groups: Vec<TabGroup>,
}

impl Head {
    pub fn new(view: &ParticipantView, active: &str) -> Head {
        let id = view.id.to_string();
        Head {
            groups: TAB_GROUPS
                .iter()
                .map(|(group, tabs)| {
                    let tabs: Vec<Tab> = tabs
                        .iter()
                        .map(|(suffix, key)| Tab {
                            href: format!("/participants/{id}{suffix}"),
                            label_key: key,
                            current: *suffix == active,
                        })
                        .collect();
                    TabGroup {
                        label_key: group,
                        current: tabs.iter().any(|t| t.current),
                        tabs,
                    }
                })
                .collect(),
            name: format!("{} {}", view.personal.given_name, view.personal.family_name),
            stage_key: stage_key(view.stage),
            id,
        }
    }

    /// The URL of this participant's tab `suffix` (e.g. `/skills`).
    pub fn url(&self, suffix: &str) -> String {
        format!("/participants/{}{suffix}", self.id)
    }
}

/// The catalogue key of a stage's name.
pub fn stage_key(stage: PathStage) -> &'static str {
    match stage {
        PathStage::Enrolled => "p-stage-enrolled",
        PathStage::Assessment => "p-stage-assessment",
        PathStage::Coaching => "p-stage-coaching",
        PathStage::Trial => "p-stage-trial",
        PathStage::JobOrEducation => "p-stage-job-or-education",
        PathStage::Retention => "p-stage-retention",
        PathStage::Exited => "p-stage-exited",
    }
}

/// One option of a select or radio group, its label already in the page's language.
#[derive(Debug, Clone)]
pub struct Opt {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

pub fn opt(value: impl Into<String>, label: String, current: &str) -> Opt {
    let value = value.into();
    Opt {
        selected: value == current,
        value,
        label,
    }
}

/// A participant id from the path; a malformed one is simply not found.
pub fn parse_id(s: &str) -> WebResult<ParticipantId> {
    ParticipantId::parse(s).map_err(|_| WebError::NotFound)
}

/// Reads the whole participant (own coach only; anything else is 404, audited by the service).
pub async fn load(state: &AppState, session: &Session, id: &str) -> WebResult<ParticipantView> {
    let id = parse_id(id)?;
    Ok(state
        .service
        .get_participant(&session.actor, id, PURPOSE)
        .await?)
}

/// The projects where the signed-in user is a coach.
pub fn coach_projects(session: &Session) -> Vec<ProjectId> {
    let mut out: Vec<ProjectId> = session
        .user
        .roles
        .iter()
        .filter(|g| g.role == Role::Coach)
        .filter_map(|g| g.project)
        .collect();
    out.sort_by_key(|p| p.0);
    out.dedup();
    out
}

/// The field and message key for a refused value.
pub fn domain_error(e: &DomainError) -> (&'static str, &'static str) {
    match e {
        DomainError::InvalidHetu(reason) => ("hetu", hetu_error_key(reason)),
        DomainError::InvalidEmail => ("email", "p-error-email"),
        DomainError::UnknownMunicipality(_) => ("home", "p-error-municipality"),
        DomainError::InvalidCefr(_) => ("new_level", "p-error-level"),
        DomainError::Rule {
            field,
            rule: "field_not_enabled",
        } => (field, "rule-field-not-enabled"),
        DomainError::Invalid { field, .. } => match *field {
            "given_name" => ("given_name", "p-error-name"),
            "family_name" => ("family_name", "p-error-name"),
            "phone" => ("phone", "p-error-phone"),
            "hours_per_week" => ("hours_min", "p-error-hours"),
            "days_per_week_max" => ("days_max", "p-error-days"),
            "birth_year" => ("birth_year", "p-error-birth-year"),
            "unemployed_since" => ("unemployed_since", "p-error-unemployed-since"),
            "education_isced" => ("education_isced", "p-error-isced"),
            "stage" => ("stage", "p-error-stage"),
            "duration_min" => ("duration_min", "p-error-duration"),
            "notes" => ("notes", "p-error-notes"),
            "title" => ("title", "p-error-title"),
            "tasks" => ("employer", "p-error-no-tasks"),
            "language" => ("new_code", "p-error-language"),
            _ => ("form", "p-error-invalid"),
        },
        _ => ("form", "p-error-invalid"),
    }
}

/// A clear message for each way an identity code can be wrong.
pub fn hetu_error_key(reason: &str) -> &'static str {
    match reason {
        "must be 11 characters" => "p-error-hetu-length",
        "check character does not match" => "p-error-hetu-check",
        "unknown century sign" => "p-error-hetu-century",
        "date part must be digits" | "no such month" | "no such date" => "p-error-hetu-date",
        _ => "p-error-hetu",
    }
}

/// A label and a value of the stored data, shown when a save met a conflict.
#[derive(Debug, Clone)]
pub struct Shown {
    pub label: String,
    pub value: String,
}

pub fn shown(label: String, value: impl Into<String>) -> Shown {
    Shown {
        label,
        value: value.into(),
    }
}

// Dates and times in Finnish time and the locale's form: one formatter for every page.
pub use crate::html::format::{date as fmt_date, date_time as fmt_datetime, from_helsinki};

/// `on` for a checked checkbox.
pub fn checked(v: &Option<String>) -> bool {
    v.as_deref().is_some_and(|v| !v.is_empty())
}

/// A day typed as `YYYY-MM-DD` (a date field) or `D.M.YYYY` (typed by hand); `Ok(None)` when
/// empty, `Err(())` when it is not a date.
pub fn parse_day(s: &str) -> Result<Option<time::Date>, ()> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let iso = time::macros::format_description!("[year]-[month]-[day]");
    if let Ok(d) = time::Date::parse(s, iso) {
        return Ok(Some(d));
    }
    let parts: Vec<&str> = s.split('.').collect();
    let [d, m, y] = parts.as_slice() else {
        return Err(());
    };
    let (d, m, y) = (
        d.parse::<u8>().map_err(|_| ())?,
        m.parse::<u8>().map_err(|_| ())?,
        y.parse::<i32>().map_err(|_| ())?,
    );
    let month = time::Month::try_from(m).map_err(|_| ())?;
    time::Date::from_calendar_date(y, month, d)
        .map(Some)
        .map_err(|_| ())
}
