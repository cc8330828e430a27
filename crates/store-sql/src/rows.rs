//! Row shapes shared by both stores: the tuple each `SELECT` returns and its conversion into
//! the port's records, plus the JSON encodings of enum and list columns. No database types: the
//! same Rust values decode on SQLite and PostgreSQL.

use polku_domain::{
    BusinessId, Email, Employer, EmployerId, Interaction, InteractionId, Meeting, MeetingId, Need,
    NeedId, OrganisationId, ParticipantId, Project, ProjectId, Share, ShareId, UserId,
};
use polku_service::audit::AuditRow;
use polku_service::store::{
    EmployerContact, EscoConcept, MeetingRecord, ParticipantRecord, ParticipantSummary,
};
use polku_service::{Result, ServiceError};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

/// A value as JSON text (lists and nested values stored in TEXT columns).
pub fn json<T: serde::Serialize>(v: &T) -> Result<String> {
    serde_json::to_string(v).map_err(|e| ServiceError::Storage(e.to_string()))
}

pub fn from_json<T: serde::de::DeserializeOwned>(s: &str) -> Result<T> {
    serde_json::from_str(s)
        // Only where, never what: serde's message can quote the stored value (D29).
        .map_err(|e| {
            ServiceError::Storage(format!(
                "stored JSON is malformed ({:?} at line {} column {})",
                e.classify(),
                e.line(),
                e.column()
            ))
        })
}

/// A unit enum as its serde name, e.g. `EmployerSize::Small` → `small`.
pub fn text<T: serde::Serialize>(v: &T) -> Result<String> {
    Ok(json(v)?.trim_matches('"').to_owned())
}

pub fn enum_from<T: serde::de::DeserializeOwned>(s: &str) -> Result<T> {
    from_json(&format!("\"{s}\""))
}

pub const AUDIT_COLS: &str = "SELECT seq, at, actor, actor_role, subject_kind, subject, action, purpose, prev_hash, entry_hash, categories, outcome, request_id FROM audit_events";
pub type AuditTuple = (
    i64,
    String,
    String,
    String,
    String,
    Option<String>,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
);

pub fn audit_row(
    (
        seq,
        at,
        actor,
        actor_role,
        subject_kind,
        subject,
        action,
        purpose,
        prev_hash,
        entry_hash,
        categories,
        outcome,
        request_id,
    ): AuditTuple,
) -> AuditRow {
    AuditRow {
        seq,
        at,
        actor,
        actor_role,
        subject_kind,
        subject,
        action,
        purpose,
        categories,
        outcome,
        request_id,
        prev_hash,
        entry_hash,
    }
}

pub const PROJECT_COLS: &str = "SELECT id, organisation_id, code, name, regions, target_groups, starts_on, ends_on, funding_programme, specific_objective, municipalities FROM projects";
pub type ProjectRow = (
    Uuid,
    Uuid,
    String,
    String,
    String,
    String,
    Date,
    Date,
    Option<String>,
    Option<String>,
    String,
);

/// A project from its row; the partners are read separately (`project_partners`) and set by the
/// caller.
pub fn project(
    (
        id,
        org,
        code,
        name,
        regions,
        groups,
        starts_on,
        ends_on,
        programme,
        objective,
        municipalities,
    ): ProjectRow,
) -> Result<Project> {
    Ok(Project {
        id: ProjectId(id),
        organisation_id: OrganisationId(org),
        code,
        name,
        regions: from_json(&regions)?,
        target_groups: from_json(&groups)?,
        starts_on,
        ends_on,
        // Stored values were checked when written; a programme no longer in the list is still
        // shown as stored.
        funding: match (programme, objective) {
            (Some(programme), Some(objective)) => Some(polku_domain::Funding {
                programme,
                objective,
            }),
            _ => None,
        },
        municipalities: from_json(&municipalities)?,
        partners: Vec::new(),
    })
}

pub const EMPLOYER_COLS: &str = "SELECT id, project_id, coordinator_id, business_id, name, industry_tol, size, municipalities, cooperation, mentor_available, legal_form, version FROM employers";
pub type EmployerRow = (
    Uuid,
    Uuid,
    Option<Uuid>,
    String,
    String,
    String,
    String,
    String,
    String,
    bool,
    Option<String>,
    i64,
);

pub fn employer(
    (id, project, coord, bid, name, tol, size, munis, coop, mentor, legal_form, version): EmployerRow,
) -> Result<Employer> {
    Ok(Employer {
        id: EmployerId(id),
        project_id: ProjectId(project),
        coordinator_id: coord.map(UserId),
        business_id: BusinessId::parse(&bid)?,
        name,
        industry_tol: tol,
        size: enum_from(&size)?,
        municipalities: from_json(&munis)?,
        cooperation: enum_from(&coop)?,
        mentor_available: mentor,
        legal_form: legal_form.as_deref().map(enum_from).transpose()?,
        version,
    })
}

pub const ESCO_COLS: &str =
    "SELECT uri, kind, label_fi, label_sv, label_en, alt_labels, working_fi, working_sv FROM esco_concepts";
pub type EscoRow = (
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
);

/// What ESCO search matches ([`polku_service::analyzer::index_text`]): every label's words, their
/// Snowball stems and Finnish compound parts, lower-cased with Unicode rules (so `Ä` matches `ä`
/// on both databases, which SQLite's `LIKE` and a locale-dependent `lower()` would not do).
pub fn esco_search_text(c: &EscoConcept) -> String {
    let finnish: Vec<&str> = [&c.label_fi, &c.working_fi]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    let others: Vec<&str> = [&c.label_sv, &c.label_en, &c.working_sv]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .chain([c.alt_labels.as_str()])
        .collect();
    polku_service::analyzer::index_text(&finnish, &others)
}

pub fn esco(
    (uri, kind, label_fi, label_sv, label_en, alt_labels, working_fi, working_sv): EscoRow,
) -> EscoConcept {
    EscoConcept {
        uri,
        kind,
        label_fi,
        label_sv,
        label_en,
        alt_labels,
        working_fi,
        working_sv,
    }
}

/// What an upsert does with one concept given the stored one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EscoChange {
    Insert(EscoConcept),
    Update(EscoConcept),
    Unchanged,
}

/// Labels present in `new` replace stored ones, with `new`'s working-translation mark (none for
/// an official import, which so clears the mark); a language missing from `new` keeps its stored
/// label and mark, so importing fi, sv and en files one at a time accumulates.
pub fn esco_change(new: &EscoConcept, old: Option<EscoConcept>) -> EscoChange {
    let Some(old) = old else {
        return EscoChange::Insert(new.clone());
    };
    let (label_fi, working_fi) = match &new.label_fi {
        Some(_) => (new.label_fi.clone(), new.working_fi.clone()),
        None => (old.label_fi.clone(), old.working_fi.clone()),
    };
    let (label_sv, working_sv) = match &new.label_sv {
        Some(_) => (new.label_sv.clone(), new.working_sv.clone()),
        None => (old.label_sv.clone(), old.working_sv.clone()),
    };
    let merged = EscoConcept {
        uri: new.uri.clone(),
        kind: new.kind.clone(),
        label_fi,
        label_sv,
        label_en: new.label_en.clone().or(old.label_en.clone()),
        alt_labels: if new.alt_labels.is_empty() {
            old.alt_labels.clone()
        } else {
            new.alt_labels.clone()
        },
        working_fi,
        working_sv,
    };
    if merged == old {
        EscoChange::Unchanged
    } else {
        EscoChange::Update(merged)
    }
}

/// The shipped reference concept `new` merged with the stored `old`: the English label and
/// alternative labels come from the shipped data unless an import stored others; a working
/// label replaces a stored label only when that one is missing or itself a working label (an
/// official label imported with `polku import esco` stays).
pub fn esco_reference_merge(new: &EscoConcept, old: Option<&EscoConcept>) -> EscoConcept {
    let Some(old) = old else {
        return new.clone();
    };
    let pick = |stored: &Option<String>,
                stored_mark: &Option<String>,
                label: &Option<String>,
                mark: &Option<String>| {
        if stored.is_none() || stored_mark.is_some() {
            (label.clone(), mark.clone())
        } else {
            (stored.clone(), None)
        }
    };
    let (label_fi, working_fi) = pick(
        &old.label_fi,
        &old.working_fi,
        &new.label_fi,
        &new.working_fi,
    );
    let (label_sv, working_sv) = pick(
        &old.label_sv,
        &old.working_sv,
        &new.label_sv,
        &new.working_sv,
    );
    EscoConcept {
        uri: new.uri.clone(),
        kind: new.kind.clone(),
        label_fi,
        label_sv,
        label_en: new.label_en.clone().or(old.label_en.clone()),
        alt_labels: if old.alt_labels.is_empty() {
            new.alt_labels.clone()
        } else {
            old.alt_labels.clone()
        },
        working_fi,
        working_sv,
    }
}

pub const PARTICIPANT_COLS: &str = "SELECT id, project_id, coach_id, user_id, family_name, given_name, home_municipality, stage, waiting_since, \
     personal_json, hetu_sealed, hetu_lookup, sensitive_sealed, version, restricted_since FROM participants";
pub type ParticipantRow = (
    Uuid,
    Uuid,
    Option<Uuid>,
    Option<Uuid>,
    String,
    String,
    String,
    String,
    Date,
    String,
    Option<Vec<u8>>,
    Option<String>,
    Vec<u8>,
    i64,
    Option<OffsetDateTime>,
);

pub fn participant(
    (
        id,
        project,
        coach,
        user,
        family_name,
        given_name,
        home,
        stage,
        waiting_since,
        personal_json,
        hetu_sealed,
        hetu_lookup,
        sensitive_sealed,
        version,
        restricted_since,
    ): ParticipantRow,
) -> ParticipantRecord {
    ParticipantRecord {
        id: ParticipantId(id),
        project_id: ProjectId(project),
        coach_id: coach.map(UserId),
        user_id: user.map(UserId),
        family_name,
        given_name,
        home_municipality: home,
        stage,
        waiting_since,
        personal_json,
        hetu_sealed,
        hetu_lookup,
        sensitive_sealed,
        version,
        restricted: restricted_since.is_some(),
    }
}

pub type SummaryRow = (Uuid, String, String, String, Date, String);

pub fn summary(
    (id, family_name, given_name, stage, waiting_since, home_municipality): SummaryRow,
) -> ParticipantSummary {
    ParticipantSummary {
        id: ParticipantId(id),
        family_name,
        given_name,
        stage,
        waiting_since,
        home_municipality,
    }
}

pub type ShareRow = (
    Uuid,
    Uuid,
    Uuid,
    String,
    Date,
    Option<OffsetDateTime>,
    String,
);

pub fn share((id, p, r, cats, until, revoked_at, purpose): ShareRow) -> Result<Share> {
    Ok(Share {
        id: ShareId(id),
        participant_id: ParticipantId(p),
        recipient: UserId(r),
        categories: from_json(&cats)?,
        until,
        revoked_at,
        purpose: polku_domain::ConsentPurpose::parse(&purpose)
            .map_err(|_| ServiceError::Storage("stored share has an unknown purpose".into()))?,
    })
}

/// `id, participant_id, recipient_class, category, purpose, text_version_hash, given_at,
/// given_by, method, withdrawn_at, withdrawn_by`.
pub type ConsentRow = (
    Uuid,
    Uuid,
    String,
    String,
    String,
    String,
    OffsetDateTime,
    Uuid,
    String,
    Option<OffsetDateTime>,
    Option<Uuid>,
);

/// The columns of [`ConsentRow`], in order.
pub const CONSENT_COLUMNS: &str = "id, participant_id, recipient_class, category, purpose, text_version_hash, given_at, given_by, method, withdrawn_at, withdrawn_by";

pub fn consent(
    (
        id,
        p,
        recipient,
        category,
        purpose,
        hash,
        given_at,
        given_by,
        method,
        withdrawn_at,
        withdrawn_by,
    ): ConsentRow,
) -> Result<polku_domain::Consent> {
    let bad = |e: polku_domain::DomainError| {
        ServiceError::Storage(format!("stored consent is malformed: {e}"))
    };
    Ok(polku_domain::Consent {
        id: polku_domain::ConsentId(id),
        participant_id: ParticipantId(p),
        recipient: polku_domain::RecipientClass::parse(&recipient).map_err(bad)?,
        category: polku_domain::DataCategory::parse(&category).map_err(bad)?,
        purpose: polku_domain::ConsentPurpose::parse(&purpose).map_err(bad)?,
        text_version_hash: hash,
        given_at,
        given_by: UserId(given_by),
        method: polku_domain::ConsentMethod::parse(&method).map_err(bad)?,
        withdrawn_at,
        withdrawn_by: withdrawn_by.map(UserId),
    })
}

pub type MeetingRow = (Uuid, Uuid, Uuid, OffsetDateTime, i64, String, Vec<u8>);

pub fn meeting(
    (id, p, c, starts_at, duration, place, notes_sealed): MeetingRow,
) -> Result<MeetingRecord> {
    Ok(MeetingRecord {
        meeting: Meeting {
            id: MeetingId(id),
            participant_id: ParticipantId(p),
            coach_id: UserId(c),
            starts_at,
            duration_min: u16::try_from(duration)
                .map_err(|_| ServiceError::Storage("stored duration is out of range".into()))?,
            place: enum_from(&place)?,
            notes: String::new(),
        },
        notes_sealed,
    })
}

/// The row a store reads for an interaction: id, employer, by, kind, at, summary.
pub type InteractionRow = (
    uuid::Uuid,
    uuid::Uuid,
    uuid::Uuid,
    String,
    OffsetDateTime,
    String,
);

pub fn interaction_from_row((id, e, by, kind, at, summary): InteractionRow) -> Result<Interaction> {
    Ok(Interaction {
        id: InteractionId(id),
        employer_id: EmployerId(e),
        by: polku_domain::UserId(by),
        kind: enum_from(&kind)?,
        at,
        summary,
    })
}

/// The row a store reads for a need: id, employer, description, hidden, heard on.
pub type NeedRow = (uuid::Uuid, uuid::Uuid, String, bool, Date);

pub fn need_from_row((id, e, description, hidden, heard_at): NeedRow) -> Need {
    Need {
        id: NeedId(id),
        employer_id: EmployerId(e),
        description,
        hidden,
        heard_at,
    }
}

/// The row a store reads for an employer contact.
pub type ContactRow = (Uuid, Uuid, String, String, Option<String>, Option<String>);

pub fn contact_from_row(
    (id, employer, name, title, email, phone): ContactRow,
) -> Result<EmployerContact> {
    Ok(EmployerContact {
        id,
        employer_id: EmployerId(employer),
        name,
        title,
        email: email.map(|e| Email::parse(&e)).transpose()?,
        phone,
    })
}
