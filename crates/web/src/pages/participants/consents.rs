//! The consents tab (R16): the participant's consent history, recording a consent the
//! participant gives, and withdrawing one.
//!
//! Recording takes two steps, so the participant sees the exact wording before anything is
//! ticked: first the purpose and the kind of recipient (a GET form), then the wording for each
//! kind of information with an unticked box, the wording's hash carried along, and how the
//! consent was given. Withdrawing is one button per consent, fewer steps than giving, and takes
//! effect on the next request.

use super::common::{fmt_datetime, load, parse_id, Head};
use crate::error::{WebError, WebResult};
use crate::html::ctx::Ctx;
use crate::html::{render_status, see_other_saved, Notice};
use crate::middleware::session::Session;
use crate::pages::form::FieldErrors;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use polku_domain::{ConsentId, ConsentMethod, ConsentPurpose, DataCategory, RecipientClass};
use polku_service::consents::{wording, NewConsent};
use polku_service::participants::ParticipantView;
use serde::Deserialize;
use std::collections::BTreeMap;

/// One consent in the history table.
pub struct ConsentRow {
    pub id: String,
    pub category_key: String,
    pub recipient_key: String,
    pub purpose_key: String,
    pub method_key: String,
    pub given: String,
    pub hash: String,
    pub withdrawn: Option<String>,
}

/// One share in the sharing table.
pub struct ShareRow {
    pub id: String,
    pub recipient: String,
    pub categories: Vec<String>,
    pub until: String,
    /// `p-share-active`, `p-share-revoked` or `p-share-expired`.
    pub state_key: &'static str,
    pub active: bool,
}

/// A user the information can be shared with, as a select option.
pub struct RecipientOpt {
    pub id: String,
    pub label: String,
    pub selected: bool,
}

/// A data category as a checkbox of the share form.
pub struct CategoryOpt {
    pub value: &'static str,
    pub label_key: String,
    pub checked: bool,
}

/// What the share form was sent with (kept when it comes back with errors).
#[derive(Debug, Clone, Default)]
pub struct ShareForm {
    recipient: String,
    categories: Vec<DataCategory>,
    until: String,
    /// What the share is for (D24); empty shows placement chosen.
    purpose: String,
}

/// One kind of information in the second step, with its wording.
pub struct Choice {
    pub category: &'static str,
    pub label_key: String,
    pub text: String,
    pub hash: String,
    pub checked: bool,
}

/// One radio button: its value and the catalogue key of its label.
pub struct Opt {
    pub value: &'static str,
    pub label_key: String,
}

fn opts(values: impl IntoIterator<Item = &'static str>, prefix: &str) -> Vec<Opt> {
    values
        .into_iter()
        .map(|value| Opt {
            value,
            label_key: format!("{prefix}{value}"),
        })
        .collect()
}

/// The first step's choices (also carried, hidden, through the second).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Step {
    #[serde(default)]
    purpose: String,
    #[serde(default)]
    recipient: String,
}

#[derive(Template)]
#[template(path = "participants/consents.html")]
struct ConsentsPage<'a> {
    ctx: &'a Ctx,
    head: Head,
    title_key: &'static str,
    errors: FieldErrors,
    conflict: Option<Vec<super::common::Shown>>,
    rows: Vec<ConsentRow>,
    active: i64,
    purposes: Vec<Opt>,
    recipients: Vec<Opt>,
    methods: Vec<Opt>,
    step: Step,
    /// The second step's wordings, when purpose and recipient are chosen.
    choices: Vec<Choice>,
    method: String,
    shares: Vec<ShareRow>,
    share_recipients: Vec<RecipientOpt>,
    share_categories: Vec<CategoryOpt>,
    share_until: String,
    share_purpose: String,
}

fn methods() -> Vec<&'static str> {
    // Consents the participant gives in the service themselves are recorded there, not here.
    vec![
        ConsentMethod::Written.as_str(),
        ConsentMethod::InMeeting.as_str(),
    ]
}

fn choices(
    ctx: &Ctx,
    purpose: ConsentPurpose,
    recipient: RecipientClass,
    checked: &[DataCategory],
) -> Vec<Choice> {
    let texts = polku_domain::catalogue::consent_texts();
    DataCategory::ALL
        .into_iter()
        .map(|c| Choice {
            category: c.as_str(),
            label_key: format!("p-consent-category-{}", c.as_str()),
            text: texts.text(purpose, recipient, c, ctx.locale.tag()),
            hash: wording(purpose, recipient, c).hash,
            checked: checked.contains(&c),
        })
        .collect()
}

struct Shows {
    step: Step,
    checked: Vec<DataCategory>,
    method: String,
    share: ShareForm,
    errors: FieldErrors,
    status: StatusCode,
}

impl Shows {
    fn plain() -> Shows {
        Shows {
            step: Step::default(),
            checked: Vec::new(),
            method: String::new(),
            share: ShareForm::default(),
            errors: FieldErrors::new(),
            status: StatusCode::OK,
        }
    }

    /// The page again with `errors` next to the fields (422).
    fn invalid(errors: FieldErrors) -> Shows {
        Shows {
            errors,
            status: StatusCode::UNPROCESSABLE_ENTITY,
            ..Shows::plain()
        }
    }
}

async fn page(
    state: &AppState,
    session: &Session,
    ctx: &Ctx,
    view: &ParticipantView,
    shows: Shows,
) -> WebResult<Response> {
    let history = state
        .service
        .consents(&session.actor, view.id, super::common::PURPOSE)
        .await?;
    let mut rows: Vec<ConsentRow> = history
        .iter()
        .map(|c| ConsentRow {
            id: c.id.to_string(),
            category_key: format!("p-consent-category-{}", c.category.as_str()),
            recipient_key: format!("p-consent-recipient-{}", c.recipient.as_str()),
            purpose_key: format!("p-consent-purpose-{}", c.purpose.as_str()),
            method_key: format!("p-consent-method-{}", c.method.as_str()),
            given: fmt_datetime(ctx.locale, c.given_at),
            hash: c.text_version_hash.chars().take(12).collect(),
            withdrawn: c.withdrawn_at.map(|t| fmt_datetime(ctx.locale, t)),
        })
        .collect();
    // Newest first.
    rows.reverse();
    let active = rows.iter().filter(|r| r.withdrawn.is_none()).count() as i64;
    let chosen = (
        ConsentPurpose::parse(&shows.step.purpose),
        RecipientClass::parse(&shows.step.recipient),
    );
    let choices = match chosen {
        (Ok(p), Ok(r)) => choices(ctx, p, r, &shows.checked),
        _ => Vec::new(),
    };
    let today = crate::html::format::today();
    let shares = state
        .service
        .shares(&session.actor, view.id, super::common::PURPOSE)
        .await?
        .into_iter()
        .map(|s| {
            let (state_key, active) = if s.share.revoked_at.is_some() {
                ("p-share-revoked", false)
            } else if s.share.until < today {
                ("p-share-expired", false)
            } else {
                ("p-share-active", true)
            };
            ShareRow {
                id: s.share.id.to_string(),
                recipient: format!("{} ({})", s.recipient_name, s.recipient_email),
                categories: s
                    .share
                    .categories
                    .iter()
                    .map(|c| format!("p-consent-category-{}", c.as_str()))
                    .collect(),
                until: super::common::fmt_date(ctx.locale, s.share.until),
                state_key,
                active,
            }
        })
        .collect();
    let share_recipients = state
        .service
        .share_recipients(&session.actor, view.id)
        .await?
        .into_iter()
        .map(|r| RecipientOpt {
            selected: r.id.to_string() == shows.share.recipient,
            id: r.id.to_string(),
            label: format!("{} ({})", r.name, r.email),
        })
        .collect();
    let share_categories = DataCategory::ALL
        .into_iter()
        .map(|c| CategoryOpt {
            value: c.as_str(),
            label_key: format!("p-consent-category-{}", c.as_str()),
            checked: shows.share.categories.contains(&c),
        })
        .collect();
    render_status(
        shows.status,
        &ConsentsPage {
            ctx,
            head: Head::new(view, "/consents"),
            title_key: "p-tab-consents",
            errors: shows.errors,
            conflict: None,
            rows,
            active,
            purposes: opts(
                ConsentPurpose::ALL.iter().map(|p| p.as_str()),
                "p-consent-purpose-",
            ),
            recipients: opts(
                RecipientClass::ALL.iter().map(|r| r.as_str()),
                "p-consent-recipient-",
            ),
            methods: opts(methods(), "p-consent-method-"),
            step: shows.step,
            choices,
            method: shows.method,
            shares,
            share_recipients,
            share_categories,
            share_until: shows.share.until,
            // Nothing is chosen in advance; a share sent without a choice is for placement.
            share_purpose: shows.share.purpose,
        },
    )
}

pub async fn show(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(step): Query<Step>,
) -> WebResult<Response> {
    let view = load(&state, &session, &id).await?;
    let mut errors = FieldErrors::new();
    let mut status = StatusCode::OK;
    // The first step was sent: both choices are needed for the second.
    if !step.purpose.is_empty() || !step.recipient.is_empty() {
        if ConsentPurpose::parse(&step.purpose).is_err() {
            errors.add("purpose", "p-consent-error-purpose");
        }
        if RecipientClass::parse(&step.recipient).is_err() {
            errors.add("recipient", "p-consent-error-recipient");
        }
        if !errors.is_empty() {
            status = StatusCode::UNPROCESSABLE_ENTITY;
        }
    }
    let shows = Shows {
        step,
        errors,
        status,
        ..Shows::plain()
    };
    page(&state, &session, &ctx, &view, shows).await
}

pub async fn give(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    let view = load(&state, &session, &id).await?;
    let mut step = Step::default();
    let mut method = String::new();
    let mut checked = Vec::new();
    let mut hashes = BTreeMap::new();
    let mut errors = FieldErrors::new();
    for (k, v) in pairs {
        match k.as_str() {
            "purpose" => step.purpose = v,
            "recipient" => step.recipient = v,
            "method" => method = v,
            "category" => match DataCategory::parse(&v) {
                Ok(c) if !checked.contains(&c) => checked.push(c),
                Ok(_) => {}
                Err(_) => errors.add("category-contact", "p-consent-error-category"),
            },
            _ => {
                if let Some(c) = k.strip_prefix("hash-") {
                    if let Ok(c) = DataCategory::parse(c) {
                        hashes.insert(c, v);
                    }
                }
            }
        }
    }
    let purpose = ConsentPurpose::parse(&step.purpose);
    let recipient = RecipientClass::parse(&step.recipient);
    if purpose.is_err() {
        errors.add("purpose", "p-consent-error-purpose");
    }
    if recipient.is_err() {
        errors.add("recipient", "p-consent-error-recipient");
    }
    if checked.is_empty() {
        errors.add("category-contact", "p-consent-error-category");
    }
    let method_ok = methods()
        .iter()
        .find(|m| **m == method)
        .and_then(|m| ConsentMethod::parse(m).ok());
    if method_ok.is_none() {
        errors.add("method-written", "p-consent-error-method");
    }
    // Every ticked box must carry the wording that was on the page.
    if checked.iter().any(|c| !hashes.contains_key(c)) {
        errors.add("category-contact", "p-consent-error-wording");
    }
    let (Ok(purpose), Ok(recipient), Some(m), true) =
        (purpose, recipient, method_ok, errors.is_empty())
    else {
        // Without a purpose and a recipient the page is back at the first step: only those
        // two errors have fields there.
        if errors.has("purpose") || errors.has("recipient") {
            errors
                .0
                .retain(|f, _| f.as_str() == "purpose" || f.as_str() == "recipient");
        }
        let shows = Shows {
            step,
            checked,
            method,
            ..Shows::invalid(errors)
        };
        return page(&state, &session, &ctx, &view, shows).await;
    };
    let shown: BTreeMap<DataCategory, String> = hashes
        .into_iter()
        .filter(|(c, _)| checked.contains(c))
        .collect();
    let result = state
        .service
        .give_consent(
            &session.actor,
            view.id,
            NewConsent {
                recipient,
                purpose,
                categories: checked.clone(),
                method: m,
                shown,
            },
            super::common::PURPOSE,
        )
        .await;
    match result {
        Ok(_) => Ok(see_other_saved(
            &format!("/participants/{}/consents", view.id),
            Notice::Consent,
        )),
        // The wording changed while the page was open: show the new one.
        Err(polku_service::ServiceError::Invalid(_)) => {
            let mut errors = FieldErrors::new();
            errors.add("category-contact", "p-consent-error-wording");
            let shows = Shows {
                step,
                method,
                ..Shows::invalid(errors)
            };
            page(&state, &session, &ctx, &view, shows).await
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn withdraw(
    session: Session,
    State(state): State<AppState>,
    Path((id, consent)): Path<(String, String)>,
) -> WebResult<Response> {
    let participant = parse_id(&id)?;
    let consent = uuid::Uuid::parse_str(&consent)
        .map(ConsentId)
        .map_err(|_| WebError::NotFound)?;
    state
        .service
        .withdraw_consent(&session.actor, participant, consent, super::common::PURPOSE)
        .await?;
    Ok(see_other_saved(
        &format!("/participants/{participant}/consents"),
        Notice::ConsentWithdrawn,
    ))
}

/// Shares the chosen kinds of information with one employer, mentor or institution user until a
/// date. The service refuses any kind without the participant's consent to that recipient.
pub async fn share(
    ctx: Ctx,
    session: Session,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    let view = load(&state, &session, &id).await?;
    let mut form = ShareForm::default();
    let mut errors = FieldErrors::new();
    for (k, v) in pairs {
        match k.as_str() {
            "recipient" => form.recipient = v,
            "until" => form.until = v,
            "purpose" => form.purpose = v,
            "category" => {
                if let Ok(c) = DataCategory::parse(&v) {
                    if !form.categories.contains(&c) {
                        form.categories.push(c);
                    }
                }
            }
            _ => {}
        }
    }
    let recipient = uuid::Uuid::parse_str(form.recipient.trim()).ok();
    if recipient.is_none() {
        errors.add("share-recipient", "p-share-error-recipient");
    }
    if form.categories.is_empty() {
        errors.add("share-category-contact", "p-share-error-category");
    }
    let until = time::Date::parse(
        form.until.trim(),
        time::macros::format_description!("[year]-[month]-[day]"),
    );
    match until {
        Ok(d)
            if d >= crate::html::format::today()
                && d <= polku_domain::share_until_limit(crate::html::format::today()) => {}
        _ => errors.add("share-until", "p-share-error-until"),
    }
    // No choice is a placement share, as every share was before shares named their purpose.
    let purpose = if form.purpose.is_empty() {
        Ok(ConsentPurpose::Placement)
    } else {
        ConsentPurpose::parse(&form.purpose)
    };
    if purpose.is_err() {
        errors.add("share-purpose", "p-consent-error-purpose");
    }
    let (Some(recipient), Ok(until), Ok(purpose), true) =
        (recipient, until, purpose, errors.is_empty())
    else {
        let shows = Shows {
            share: form,
            ..Shows::invalid(errors)
        };
        return page(&state, &session, &ctx, &view, shows).await;
    };
    let result = state
        .service
        .share_participant(
            &session.actor,
            polku_domain::Share {
                id: polku_domain::ShareId::new(),
                participant_id: view.id,
                recipient: polku_domain::UserId(recipient),
                categories: form.categories.clone(),
                until,
                revoked_at: None,
                purpose,
            },
            "matching",
        )
        .await;
    match result {
        Ok(()) => Ok(see_other_saved(
            &format!("/participants/{}/consents", view.id),
            Notice::Share,
        )),
        Err(polku_service::ServiceError::Invalid(polku_domain::DomainError::Invalid {
            field,
            ..
        })) => {
            let mut errors = FieldErrors::new();
            match field {
                "categories" => errors.add("share-category-contact", "p-share-error-consent"),
                "until" => errors.add("share-until", "p-share-error-until"),
                _ => errors.add("share-recipient", "p-share-error-recipient"),
            }
            let shows = Shows {
                share: form,
                ..Shows::invalid(errors)
            };
            page(&state, &session, &ctx, &view, shows).await
        }
        Err(e) => Err(e.into()),
    }
}

/// Revokes a share: one button; the recipient loses access on the next request.
pub async fn revoke(
    session: Session,
    State(state): State<AppState>,
    Path((id, share)): Path<(String, String)>,
) -> WebResult<Response> {
    let participant = parse_id(&id)?;
    let share = uuid::Uuid::parse_str(&share)
        .map(polku_domain::ShareId)
        .map_err(|_| WebError::NotFound)?;
    state
        .service
        .revoke_share(&session.actor, participant, share, "matching")
        .await?;
    Ok(see_other_saved(
        &format!("/participants/{participant}/consents"),
        Notice::ShareEnded,
    ))
}
