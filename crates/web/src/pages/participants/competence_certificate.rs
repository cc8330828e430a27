//! The osaamistodistus (competence certificate) of opinnollistaminen: for each placement with
//! qualification evidence, the workplace, the mentor, the period, and per qualification unit
//! each requirement item with the day, the task and what the mentor saw. Generated as a tagged
//! PDF with extractable text (`polku-documents`) in fi, sv, en or plain-language Finnish, every
//! word from the catalogue (`doc-cert-…` keys in documents.ftl). It says that Polku does not
//! award credit and points to the school's own HOKS process. Each generation is stored as the
//! next version of the participant's one competence-certificate document (sealed, versioned,
//! like the other generated documents; kind admitted by migration 0038) and offered as a
//! download (`GET /api/v1/participants/{id}/competence-certificate`).

use crate::error::WebResult;
use crate::html::format;
use crate::i18n::{I18n, Locale};
use crate::state::AppState;
use polku_documents::{Document, Table};
use polku_domain::{CompetenceShown, DocumentKind, ParticipantId};
use polku_service::placements::PlacementView;
use polku_service::qualifications::EvidenceLine;
use polku_service::Actor;

/// The participant's placements that have evidence, with it (read with the caller's access,
/// every read audited by the service).
pub async fn evidence_of(
    state: &AppState,
    actor: &Actor,
    id: ParticipantId,
) -> WebResult<Vec<(PlacementView, Vec<EvidenceLine>)>> {
    let mut out = Vec::new();
    for view in state.service.participant_placements(actor, id).await? {
        let (_, lines) = state
            .service
            .qualification_evidence(actor, view.placement.id)
            .await?;
        if !lines.is_empty() {
            out.push((view, lines));
        }
    }
    Ok(out)
}

fn shown_key(s: CompetenceShown) -> &'static str {
    match s {
        CompetenceShown::Shown => "doc-cert-shown",
        CompetenceShown::PartlyShown => "doc-cert-partly-shown",
        CompetenceShown::NotYetShown => "doc-cert-not-yet-shown",
    }
}

fn lang(locale: Locale) -> &'static str {
    match locale {
        Locale::Sv => "sv",
        Locale::En => "en",
        Locale::Fi | Locale::FiSelko => "fi",
    }
}

/// The certificate; `None` when no placement has evidence.
pub fn build(
    i18n: &I18n,
    locale: Locale,
    name: &str,
    placements: &[(PlacementView, Vec<EvidenceLine>)],
) -> Option<Document> {
    if placements.is_empty() {
        return None;
    }
    let t = |key: &str| i18n.text(locale, key);
    let l = lang(locale);
    let title = t(crate::pages::participants::documents::kind_key(
        DocumentKind::CompetenceCertificate,
    ));
    let mut d = Document::new(locale.tag(), format!("{title}: {name}"))
        .author("Polku")
        .h1(title)
        .key_values([(t("doc-field-name"), name.to_owned())])
        .paragraph(t("doc-cert-intro"))
        .paragraph(t("doc-cert-scale"));
    let mut sources: Vec<String> = Vec::new();
    for (view, lines) in placements {
        let p = &view.placement;
        let period = match p.ended_on.or(p.ends_on) {
            Some(to) => format!(
                "{}–{}",
                format::date(locale, p.starts_on),
                format::date(locale, to)
            ),
            None => format::date(locale, p.starts_on),
        };
        d = d.h2(view.employer_name.clone()).key_values([
            (t("doc-cert-workplace"), view.employer_name.clone()),
            (
                t("doc-cert-mentor"),
                view.mentor_name.clone().unwrap_or_else(|| t("doc-none")),
            ),
            (t("doc-col-period"), period),
        ]);
        // Units in the order first seen, each with its items.
        let mut units: Vec<String> = Vec::new();
        for line in lines {
            let key = format!(
                "{}|{}",
                line.requirement.unit, line.requirement.diaarinumero
            );
            if !units.contains(&key) {
                units.push(key);
            }
        }
        for key in units {
            let of_unit: Vec<&EvidenceLine> = lines
                .iter()
                .filter(|x| format!("{}|{}", x.requirement.unit, x.requirement.diaarinumero) == key)
                .collect();
            let first = of_unit[0];
            let unit_name = first.unit.as_ref().map_or_else(
                || first.requirement.unit.to_string(),
                |u| u.name.get(l).to_owned(),
            );
            d = d.h3(format!(
                "{unit_name} ({}, {})",
                first.requirement.unit, first.requirement.diaarinumero
            ));
            let mut table = Table::new([
                t("doc-cert-requirement"),
                t("doc-cert-date"),
                t("doc-col-tasks"),
                t("doc-cert-assessment"),
            ]);
            for x in of_unit {
                let task = view
                    .tasks
                    .iter()
                    .find(|(id, _, _)| *id == x.evidence.task_id)
                    .map_or_else(String::new, |(_, title, _)| title.clone());
                table = table.row([
                    x.requirement.text.get(l).to_owned(),
                    format::date(locale, x.evidence.shown_on),
                    task,
                    t(shown_key(x.evidence.assessment)),
                ]);
            }
            d = d.table(table);
            let source = format!(
                "{} {}",
                t("doc-cert-source"),
                first.requirement.diaarinumero
            );
            if !sources.contains(&source) {
                sources.push(source);
            }
        }
    }
    d = d
        .h2(t("doc-cert-hoks-heading"))
        .paragraph(t("qualification-hoks-notice"))
        .bullets(sources);
    Some(d)
}

/// Renders the certificate of the participant (the own coach; the reads are audited) in
/// `locale` on the blocking pool. `invalid_input` on `participant` when no placement has
/// evidence yet.
pub async fn render(
    state: &AppState,
    actor: &Actor,
    id: ParticipantId,
    locale: Locale,
) -> WebResult<Vec<u8>> {
    state
        .service
        .require_editable_participant(actor, id)
        .await?;
    let view = state
        .service
        .get_participant(actor, id, "service_delivery")
        .await?;
    let placements = evidence_of(state, actor, id).await?;
    let name = format!("{} {}", view.personal.given_name, view.personal.family_name);
    let doc = build(&state.i18n, locale, &name, &placements)
        .ok_or_else(|| crate::api::v1::io::invalid("participant", "doc-cert-error-no-evidence"))?;
    let pdf = tokio::task::spawn_blocking(move || doc.render())
        .await
        .map_err(|_| {
            crate::error::WebError::Internal("rendering the certificate did not finish".into())
        })?
        .map_err(|e| {
            crate::error::WebError::Internal(format!("rendering the certificate failed: {e}"))
        })?;
    store(state, actor, id, locale, &name, pdf.clone()).await?;
    Ok(pdf)
}

/// Keeps the rendered certificate as the next version of the participant's competence
/// certificate document (the first one makes the document).
async fn store(
    state: &AppState,
    actor: &Actor,
    id: ParticipantId,
    locale: Locale,
    name: &str,
    pdf: Vec<u8>,
) -> WebResult<()> {
    const PURPOSE: &str = "service_delivery";
    let existing = state
        .service
        .documents(actor, id, PURPOSE)
        .await?
        .into_iter()
        .find(|d| d.kind == DocumentKind::CompetenceCertificate)
        .map(|d| (d.id, d.version));
    let title = format!(
        "{} {name}",
        state.i18n.text(
            locale,
            crate::pages::participants::documents::kind_key(DocumentKind::CompetenceCertificate)
        )
    );
    state
        .service
        .save_document(
            actor,
            id,
            polku_service::documents::DocumentSave {
                document: existing,
                kind: DocumentKind::CompetenceCertificate,
                title,
                bytes: pdf,
                language: Some(locale.tag().to_owned()),
                note: None,
            },
            PURPOSE,
        )
        .await?;
    Ok(())
}
