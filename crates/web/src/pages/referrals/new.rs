//! "Refer a student" (an institution user): the project, the school, the reason, the student's
//! contact details, goals, strengths and support needs (functional, never a diagnosis), and the
//! student's consent for the purpose "transition": one box per kind of data with the wording
//! shown (its hash carried along) and how the consent was given. Refused values are shown next
//! to their fields and nothing is saved; a sent referral lands on its page with a confirmation.

use super::common::form_refusal;
use crate::error::WebResult;
use crate::html::ctx::Ctx;
use crate::html::{render_status, see_other_saved, Notice};
use crate::i18n::Locale;
use crate::middleware::session::Session;
use crate::pages::form::{FieldErrors, Fields};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use polku_domain::catalogue::consent_texts;
use polku_domain::geo::{find_municipality, merger, municipalities};
use polku_domain::{
    ConsentMethod, ConsentPurpose, DataCategory, Email, ProjectId, RecipientClass, ReferralSource,
};
use polku_service::consents::{intake_wording, wording};
use polku_service::referrals::{ConsentGiven, Handover, NewSchoolReferral};
use polku_service::ServiceError;
use std::collections::BTreeMap;

/// The kinds of data a referral may hand over, in form order.
const CATEGORIES: [DataCategory; 4] = [
    DataCategory::Contact,
    DataCategory::Goals,
    DataCategory::Functioning,
    DataCategory::Documents,
];
const METHODS: [&str; 3] = ["written", "in_meeting", "electronic"];

/// One option of a select or radio group.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// One consent box with the wording shown to the student.
pub struct ConsentBox {
    pub category: &'static str,
    pub label_key: String,
    pub text: String,
    pub hash: String,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "referrals/new.html")]
struct Page<'a> {
    ctx: &'a Ctx,
    /// An intake referral recorded by a coach (`/referrals/intake`) rather than a school's.
    intake: bool,
    sources: Vec<Choice>,
    projects: Vec<Choice>,
    methods: Vec<Choice>,
    consents: Vec<ConsentBox>,
    municipality_names: Vec<&'static str>,
    form: Fields,
    errors: FieldErrors,
}

fn names(locale: Locale) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = municipalities()
        .iter()
        .filter(|m| merger(&m.code).is_none())
        .map(|m| {
            if locale == Locale::Sv {
                m.name_sv
            } else {
                m.name_fi
            }
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The sources an intake referral may come from (a school refers through its own form).
const SOURCES: [ReferralSource; 5] = [
    ReferralSource::Ohjaamo,
    ReferralSource::EmploymentServices,
    ReferralSource::SocialServices,
    ReferralSource::OtherProject,
    ReferralSource::Other,
];

async fn render_form(
    state: &AppState,
    ctx: &Ctx,
    session: &Session,
    form: Fields,
    errors: FieldErrors,
    status: StatusCode,
) -> WebResult<Response> {
    render_mode(state, ctx, session, false, form, errors, status).await
}

/// The "Refer a student" form, or (`intake`) the form of an incoming referral of a person who
/// is not yet a participant: the same fields, with the source, the referring organisation and
/// the date in place of the school, and the consent without documents.
pub(super) async fn render_mode(
    state: &AppState,
    ctx: &Ctx,
    session: &Session,
    intake: bool,
    form: Fields,
    errors: FieldErrors,
    status: StatusCode,
) -> WebResult<Response> {
    let chosen = form.get("project");
    let own = if intake {
        state.service.intake_projects(&session.actor).await?
    } else {
        state.service.referral_projects(&session.actor).await?
    };
    let source = form.get("source");
    let sources = SOURCES
        .iter()
        .map(|s| Choice {
            value: s.as_str().to_owned(),
            label: ctx.t(&format!("referral-source-{}", s.as_str())),
            selected: source == s.as_str(),
        })
        .collect();
    let projects = own
        .into_iter()
        .map(|p| Choice {
            value: p.id.to_string(),
            label: format!("{} ({})", p.name, p.code),
            selected: chosen == p.id.to_string(),
        })
        .collect();
    let method = form.get("method");
    let methods = METHODS
        .iter()
        .map(|m| Choice {
            value: (*m).to_owned(),
            label: ctx.t(&format!("p-consent-method-{m}")),
            selected: method == *m,
        })
        .collect();
    let texts = consent_texts();
    let consents = CATEGORIES
        .iter()
        .filter(|c| !intake || **c != DataCategory::Documents)
        .map(|c| ConsentBox {
            category: c.as_str(),
            label_key: format!("p-consent-category-{}", c.as_str()),
            text: if intake {
                texts.intake_text(*c, ctx.locale.tag())
            } else {
                texts.text(
                    ConsentPurpose::Transition,
                    RecipientClass::Institution,
                    *c,
                    ctx.locale.tag(),
                )
            },
            hash: if intake {
                intake_wording(*c).hash
            } else {
                wording(ConsentPurpose::Transition, RecipientClass::Institution, *c).hash
            },
            checked: form.get(&format!("consent-{}", c.as_str())) == "on",
        })
        .collect();
    render_status(
        status,
        &Page {
            ctx,
            intake,
            sources,
            projects,
            methods,
            consents,
            municipality_names: names(ctx.locale),
            form,
            errors,
        },
    )
}

pub async fn new_form(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
) -> WebResult<Response> {
    render_form(
        &state,
        &ctx,
        &session,
        Fields::default(),
        FieldErrors::new(),
        StatusCode::OK,
    )
    .await
}

/// The referral the form describes, or the field errors (nothing is sent then).
pub(super) fn parse(f: &Fields, own: &[ProjectId]) -> Result<NewSchoolReferral, FieldErrors> {
    let mut errors = FieldErrors::new();
    let project = ProjectId::parse(&f.get("project"))
        .ok()
        .filter(|p| own.contains(p));
    if project.is_none() {
        errors.add("project", "referral-error-project");
    }
    if f.get("organisation").trim().is_empty() {
        errors.add("organisation", "referral-error-organisation");
    }
    if f.get("reason").trim().is_empty() {
        errors.add("reason", "rule-referral-reason-required");
    }
    for (field, value) in [
        ("given_name", f.get("given_name")),
        ("family_name", f.get("family_name")),
    ] {
        if polku_domain::org::name(field, &value, 100).is_err() {
            errors.add(field, "p-error-name");
        }
    }
    let email = match f.get("email").trim() {
        "" => None,
        e => Email::parse(e)
            .map_err(|_| errors.add("email", "p-error-email"))
            .ok(),
    };
    let home_text = f.get("home");
    let home = if home_text.trim().is_empty() {
        errors.add("home", "p-error-municipality");
        None
    } else {
        match find_municipality(&home_text) {
            Some(found) => Some(found.municipality.code.clone()),
            None => {
                errors.add_word("home", "p-error-municipality-unknown", home_text.trim());
                None
            }
        }
    };
    let birth_year = match f.get("birth_year").trim() {
        "" => None,
        y => y
            .parse::<u16>()
            .map_err(|_| errors.add("birth_year", "p-error-birth-year"))
            .ok(),
    };
    let mut categories = Vec::new();
    let mut shown = BTreeMap::new();
    for c in CATEGORIES {
        if f.get(&format!("consent-{}", c.as_str())) == "on" {
            categories.push(c);
            let hash = f.get(&format!("hash-{}", c.as_str()));
            if !hash.is_empty() {
                shown.insert(c, hash);
            }
        }
    }
    let method = ConsentMethod::parse(&f.get("method")).ok();
    if categories.is_empty() {
        errors.add("consent-contact", "referral-error-consent");
    } else if method.is_none() {
        errors.add("method", "referral-error-method");
    }
    match (project, home, errors.is_empty()) {
        (Some(project), Some(home_municipality), true) => Ok(NewSchoolReferral {
            project,
            organisation: f.get("organisation"),
            reason: f.get("reason"),
            handover: Handover {
                given_name: f.get("given_name").trim().to_owned(),
                family_name: f.get("family_name").trim().to_owned(),
                email,
                phone: Some(f.get("phone").trim().to_owned()).filter(|p| !p.is_empty()),
                home_municipality,
                birth_year,
                goals: f.get("goals").trim().to_owned(),
                strengths: f.get("strengths").trim().to_owned(),
                support_needs: f.get("support_needs").trim().to_owned(),
            },
            consent: method.map(|method| ConsentGiven {
                categories,
                method,
                shown,
            }),
        }),
        _ => Err(errors),
    }
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    session: Session,
    Form(form): Form<Fields>,
) -> WebResult<Response> {
    let own: Vec<ProjectId> = state
        .service
        .referral_projects(&session.actor)
        .await?
        .iter()
        .map(|p| p.id)
        .collect();
    let errors = match parse(&form, &own) {
        Ok(new) => match state.service.refer_student(&session.actor, new).await {
            Ok(view) => {
                return Ok(see_other_saved(
                    &format!("/referrals/{}", view.id),
                    Notice::ReferralSent,
                ))
            }
            Err(ServiceError::Invalid(e)) => form_refusal(&e),
            Err(e) => return Err(e.into()),
        },
        Err(errors) => errors,
    };
    render_form(
        &state,
        &ctx,
        &session,
        form,
        errors,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}
