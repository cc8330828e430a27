//! ESF+ participant data and indicators (Regulation (EU) 2021/1057 Annex I; docs/ESF.md).
//!
//! - The record: the entry data (output indicators), the result on leaving and the six-month
//!   follow-up (result indicators), one per participant. Only the participant's own coach (and
//!   the operator) reads and writes it; "not yours" is `NotFound`; every read and write is
//!   audited (`service_delivery`) and every write version-checked. Age at entry and the rural
//!   answer are derived on saving, the first from the identity code's birth date or the year of
//!   birth, the second from the home municipality. The special-category answers (disability,
//!   minority) are sealed with the participant's data key.
//! - The indicators: [`Service::esf_indicators`] counts every indicator in force by gender over
//!   a [`ReportFilter`]: outputs over those who entered in the period, results over those who
//!   left in it, six-month results over those whose six-month point falls in it. Coded items
//!   are counted by the store (`SUM(CASE …) GROUP BY gender`); the sealed items are opened and
//!   counted here, and only the counts leave (docs/SECURITY.md). Managers of the project,
//!   admins and the operator only; audited.

use crate::audit::AuditEvent;
use crate::crypto::Key;
use crate::store::{DueSixMonths, EsfRow, EsfScope};
use crate::{authz, Actor, Result, Service, ServiceError};
use polku_domain::esf::{self, Counting, IndicatorDef, Window};
use polku_domain::{
    Answer, Education, EntryStatus, EsfEntryData, EsfRecord, EsfSpecial, Gender, IndicatorRow,
    IndicatorTable, Leaving, LeavingResult, MunicipalityCode, ParticipantId, ProjectId,
    ReportFilter, Role, SixMonths,
};
use time::{Date, OffsetDateTime};

mod sealed;

const PURPOSE: &str = "service_delivery";

use sealed::special_aad;

/// Seals the special-category answers of a record (version `version`) under a new data key of
/// the participant: returns the data key wrapped by the master key and the sealed answers, as
/// `participant_keys.wrapped_key` and `esf_records.special_sealed` store them. For bulk loads
/// that bypass the use cases (the report benchmark, `polku report bench-seal`).
pub fn seal_special(
    keys: &crate::crypto::Keys,
    participant: ParticipantId,
    version: i64,
    special: &EsfSpecial,
) -> Result<(Vec<u8>, Vec<u8>)> {
    let dek = Key::random();
    let wrapped = keys.wrap_data_key(&dek, &participant.0)?;
    let plain = serde_json::to_vec(special)
        .map_err(|_| ServiceError::Crypto("ESF+ answers cannot be written"))?;
    let sealed = dek.seal(&plain, &special_aad(participant, version))?;
    Ok((wrapped, sealed))
}

fn bad(what: &str) -> ServiceError {
    ServiceError::Storage(format!("stored ESF+ record has an invalid {what}"))
}

fn answer(s: &str) -> Result<Answer> {
    Answer::parse(s).map_err(|_| bad("answer"))
}

fn opt_answer(s: Option<&String>) -> Result<Answer> {
    s.map_or(Ok(Answer::NotKnown), |s| answer(s))
}

/// Turns a stored row into the domain record, opening the sealed answers with `dek`.
pub(crate) fn record_of(row: &EsfRow, dek: &Key) -> Result<EsfRecord> {
    let plain = dek.open(
        &row.special_sealed,
        &special_aad(row.participant_id, row.version),
    )?;
    let special: EsfSpecial = serde_json::from_slice(&plain)
        .map_err(|_| ServiceError::Crypto("sealed ESF+ answers are not readable"))?;
    record_with(row, special)
}

/// The record without its sealed answers (after crypto-erasure): they read "not known".
pub(crate) fn record_of_unsealed(row: &EsfRow) -> Result<EsfRecord> {
    record_with(row, EsfSpecial::default())
}

fn record_with(row: &EsfRow, special: EsfSpecial) -> Result<EsfRecord> {
    let entry = EsfEntryData {
        entered_on: row.entered_on,
        gender: Gender::parse(&row.gender).map_err(|_| bad("gender"))?,
        status: EntryStatus::parse(&row.labour_status).map_err(|_| bad("status"))?,
        education: Education::parse(&row.education).map_err(|_| bad("education"))?,
        third_country_national: answer(&row.third_country)?,
        foreign_background: answer(&row.foreign_background)?,
        homeless: answer(&row.homeless)?,
        special,
    };
    let leaving = match (row.left_on, &row.leaving_result) {
        (Some(left_on), Some(result)) => Some(Leaving {
            left_on,
            result: LeavingResult::parse(result).map_err(|_| bad("result"))?,
            qualification: row.qualification.as_deref() == Some("yes"),
        }),
        _ => None,
    };
    let six_months = match row.six_checked_on {
        Some(checked_on) => Some(SixMonths {
            checked_on,
            employed: opt_answer(row.six_employed.as_ref())?,
            improved: opt_answer(row.six_improved.as_ref())?,
        }),
        None => None,
    };
    Ok(EsfRecord {
        participant_id: row.participant_id,
        entry,
        age_at_entry: row.age_at_entry.and_then(|a| u8::try_from(a).ok()),
        municipality: MunicipalityCode::parse(&row.municipality)
            .map_err(|_| bad("municipality"))?,
        rural: answer(&row.rural)?,
        leaving,
        six_months,
        version: row.version,
    })
}

/// The stored row of `r` (whose `version` is the new version), sealing the special answers.
fn row_of(r: &EsfRecord, dek: &Key, now: OffsetDateTime) -> Result<EsfRow> {
    let special =
        serde_json::to_vec(&r.entry.special).map_err(|e| ServiceError::Storage(e.to_string()))?;
    let e = &r.entry;
    Ok(EsfRow {
        participant_id: r.participant_id,
        entered_on: e.entered_on,
        gender: e.gender.as_str().into(),
        labour_status: e.status.as_str().into(),
        education: e.education.as_str().into(),
        age_at_entry: r.age_at_entry.map(i64::from),
        municipality: r.municipality.as_str().into(),
        rural: r.rural.as_str().into(),
        third_country: e.third_country_national.as_str().into(),
        foreign_background: e.foreign_background.as_str().into(),
        homeless: e.homeless.as_str().into(),
        special_sealed: dek.seal(&special, &special_aad(r.participant_id, r.version))?,
        left_on: r.leaving.map(|l| l.left_on),
        leaving_result: r.leaving.map(|l| l.result.as_str().into()),
        qualification: r
            .leaving
            .map(|l| if l.qualification { "yes" } else { "no" }.into()),
        follow_up_due: r.follow_up_due(),
        six_checked_on: r.six_months.map(|s| s.checked_on),
        six_employed: r.six_months.map(|s| s.employed.as_str().into()),
        six_improved: r.six_months.map(|s| s.improved.as_str().into()),
        version: r.version,
        updated_at: now,
    })
}

/// Which projects an actor may count: `None` is all (admins and the operator).
fn reportable(actor: &Actor) -> Option<Vec<ProjectId>> {
    match actor {
        Actor::System { .. } => None,
        _ if actor.is_admin() => None,
        Actor::User { grants, .. } => Some(
            grants
                .iter()
                .filter(|g| g.role == Role::Manager)
                .filter_map(|g| g.project)
                .collect(),
        ),
    }
}

impl Service {
    async fn check_own_coach(&self, actor: &Actor, participant: ParticipantId) -> Result<()> {
        let scope = self
            .store()
            .participant_scope(participant)
            .await?
            .ok_or(ServiceError::NotFound)?;
        if authz::may_edit_participant(actor, &scope) {
            Ok(())
        } else {
            Err(ServiceError::NotFound)
        }
    }

    /// The participant's ESF+ record (`None` before the entry data is recorded): for the own
    /// coach and the operator, audited.
    pub async fn esf_record(
        &self,
        actor: &Actor,
        participant: ParticipantId,
    ) -> Result<Option<EsfRecord>> {
        self.check_own_coach(actor, participant).await?;
        let audit = AuditEvent::new(
            actor,
            "participant",
            Some(participant.to_string()),
            "read_esf",
            PURPOSE,
        )?;
        let Some(row) = self.store().esf_record(participant, &audit).await? else {
            return Ok(None);
        };
        let dek = self.data_key(participant).await?;
        record_of(&row, &dek).map(Some)
    }

    async fn write_esf(
        &self,
        actor: &Actor,
        mut r: EsfRecord,
        expected: i64,
        what: &str,
        today: Date,
    ) -> Result<EsfRecord> {
        r.validate(today)?;
        r.version = expected + 1;
        let dek = self.data_key(r.participant_id).await?;
        let row = row_of(&r, &dek, OffsetDateTime::now_utc())?;
        let audit = AuditEvent::new(
            actor,
            "participant",
            Some(r.participant_id.to_string()),
            what,
            PURPOSE,
        )?;
        self.store().save_esf_record(&row, expected, &audit).await?;
        Ok(r)
    }

    /// Records (`expected == 0`) or corrects the entry data. Age at entry and the rural answer
    /// are derived from the participant's details; the leaving and follow-up stay as they were.
    pub async fn save_esf_entry(
        &self,
        actor: &Actor,
        participant: ParticipantId,
        entry: EsfEntryData,
        expected: i64,
        today: Date,
    ) -> Result<EsfRecord> {
        self.check_own_coach(actor, participant).await?;
        entry.validate(today)?;
        let current = self.esf_record(actor, participant).await?;
        match (&current, expected) {
            (None, 0) => {}
            (Some(c), v) if c.version == v => {}
            (c, _) => {
                return Err(ServiceError::Conflict {
                    current: c.as_ref().map_or(0, |c| c.version),
                })
            }
        }
        let p = self.get_participant(actor, participant, PURPOSE).await?;
        let age = esf::age_at_entry(
            p.personal.hetu.as_ref().map(|h| h.birth_date()),
            p.personal.esf.birth_year,
            entry.entered_on,
        );
        let municipality = p.personal.mobility.home.clone();
        let r = EsfRecord {
            participant_id: participant,
            age_at_entry: age,
            rural: esf::rural(&municipality),
            municipality,
            leaving: current.as_ref().and_then(|c| c.leaving),
            six_months: current.as_ref().and_then(|c| c.six_months),
            version: expected,
            entry,
        };
        self.write_esf(actor, r, expected, "save_esf_entry", today)
            .await
    }

    /// Records or corrects the leaving (the entry data must be recorded first). `None` takes a
    /// recorded leaving back (with its follow-up), e.g. when the person carries on.
    pub async fn record_leaving(
        &self,
        actor: &Actor,
        participant: ParticipantId,
        leaving: Option<Leaving>,
        expected: i64,
        today: Date,
    ) -> Result<EsfRecord> {
        let mut r = self.current_for_write(actor, participant, expected).await?;
        if leaving.map(|l| l.left_on) != r.leaving.map(|l| l.left_on) {
            r.six_months = None;
        }
        r.leaving = leaving;
        self.write_esf(actor, r, expected, "record_leaving", today)
            .await
    }

    /// Records or corrects the six-month follow-up (the leaving must be recorded first).
    pub async fn record_six_months(
        &self,
        actor: &Actor,
        participant: ParticipantId,
        six: SixMonths,
        expected: i64,
        today: Date,
    ) -> Result<EsfRecord> {
        let mut r = self.current_for_write(actor, participant, expected).await?;
        r.six_months = Some(six);
        self.write_esf(actor, r, expected, "record_six_months", today)
            .await
    }

    async fn current_for_write(
        &self,
        actor: &Actor,
        participant: ParticipantId,
        expected: i64,
    ) -> Result<EsfRecord> {
        let Some(r) = self.esf_record(actor, participant).await? else {
            return Err(ServiceError::Invalid(polku_domain::DomainError::Invalid {
                field: "entered_on",
                reason: "record the entry data first".into(),
            }));
        };
        if r.version != expected {
            return Err(ServiceError::Conflict { current: r.version });
        }
        Ok(r)
    }

    /// Six-month follow-ups of the coach's caseload not yet recorded and due by the end of the
    /// week of `today` (Monday–Sunday), by due date. Coaches only; each hit audited.
    pub async fn due_six_month_follow_ups(
        &self,
        actor: &Actor,
        today: Date,
    ) -> Result<Vec<DueSixMonths>> {
        let Actor::User { id: coach, grants } = actor else {
            return Err(ServiceError::NotFound);
        };
        if !grants.iter().any(|g| g.role == Role::Coach) {
            return Err(ServiceError::NotFound);
        }
        let audit = AuditEvent::new(actor, "participant", None, "list_esf_follow_ups", PURPOSE)?;
        self.store()
            .due_six_months(*coach, crate::follow_ups::week_end(today), &audit)
            .await
    }

    /// Every ESF+ indicator in force during the period, by gender, audited as `reporting`.
    pub async fn esf_indicators(
        &self,
        actor: &Actor,
        filter: &ReportFilter,
    ) -> Result<IndicatorTable> {
        self.esf_indicators_as(actor, filter, "reporting").await
    }

    /// [`Service::esf_indicators`] audited with `purpose` (`reporting` for the manager's pages,
    /// `funder_reporting` for the funder's export). Managers of the filtered project, admins and
    /// the operator; a manager without a project in the filter counts their own projects only.
    pub async fn esf_indicators_as(
        &self,
        actor: &Actor,
        filter: &ReportFilter,
        purpose: &str,
    ) -> Result<IndicatorTable> {
        report_purpose(purpose)?;
        let projects = match (reportable(actor), filter.project) {
            (None, None) => None,
            (None, Some(p)) => Some(vec![p]),
            (Some(own), None) if !own.is_empty() => Some(own),
            (Some(own), Some(p)) if own.contains(&p) && authz::may_report(actor, p) => {
                Some(vec![p])
            }
            _ => return Err(ServiceError::NotFound),
        };
        if let Some(p) = filter.project {
            self.store()
                .get_project(p)
                .await?
                .ok_or(ServiceError::NotFound)?;
        }
        let municipalities = match (&filter.municipality, &filter.region) {
            (Some(m), _) => Some(vec![m.as_str().to_owned()]),
            (None, Some(region)) => Some(
                polku_domain::geo::municipalities()
                    .iter()
                    .filter(|m| m.region.code == region.as_str())
                    .map(|m| m.code.as_str().to_owned())
                    .collect(),
            ),
            (None, None) => None,
        };
        let scope = |window| EsfScope {
            window,
            from: filter.from,
            to: filter.to,
            projects: projects.clone(),
            organisation: filter.organisation,
            municipalities: municipalities.clone(),
        };
        let defs: Vec<&IndicatorDef> = esf::indicators()
            .iter()
            .filter(|d| d.valid_during(filter.from, filter.to))
            .collect();
        let mut rows: Vec<Option<IndicatorRow>> = vec![None; defs.len()];
        let mut not_known = Vec::new();
        let mut sealed = Vec::new();
        // The coded indicators of each window: (indicator index, condition).
        let mut coded: [Vec<(usize, esf::Condition)>; 3] = Default::default();
        let windows = [Window::Entered, Window::Left, Window::SixMonths];
        for (w, window) in windows.iter().enumerate() {
            for (i, d) in defs.iter().enumerate() {
                if d.measure.window() != *window {
                    continue;
                }
                match d.measure.counting() {
                    Counting::Coded(c) => coded[w].push((i, c)),
                    Counting::Sealed(f) => sealed.push((i, f)),
                    Counting::NotKnown => not_known.push(d.code.clone()),
                }
            }
        }
        // The three windows' counts and the sealed answers are independent: they run at once
        // (each on its own pooled connection), and the sealed answers are opened on the
        // blocking pool while the counts are still running (docs/ESF.md, "Performance").
        let started = std::time::Instant::now();
        let count_window = |w: usize| {
            let conditions: Vec<esf::Condition> = coded[w].iter().map(|(_, c)| c.clone()).collect();
            let scope = scope(windows[w]);
            async move {
                if conditions.is_empty() {
                    return Ok(Vec::new());
                }
                let t = std::time::Instant::now();
                let counts = self.store().esf_counts(&scope, &conditions).await;
                let ms = t.elapsed().as_millis() as u64;
                tracing::debug!(window = ?scope.window, ms, "esf counts");
                counts
            }
        };
        let items: Vec<esf::SealedItem> = sealed.iter().map(|(_, f)| *f).collect();
        let sealed_scope = scope(Window::Entered);
        let open_sealed = async {
            if items.is_empty() {
                return Ok(Vec::new());
            }
            // An erased participant's answers are unreadable (their key is gone): not counted.
            let t = std::time::Instant::now();
            // Two reads over the two halves of the period, each on its own pooled connection,
            // feed one count: SQLite reads a statement's rows on its connection's one thread,
            // and one thread could not keep both cores busy (docs/ESF.md, "Performance").
            let (first, second) = sealed::halves(&sealed_scope);
            let (tx, rx) = tokio::sync::mpsc::channel(4);
            let read_first = self.store().esf_sealed(&first, sealed::CHUNK, tx.clone());
            let read_second = async {
                match &second {
                    Some(second) => self.store().esf_sealed(second, sealed::CHUNK, tx).await,
                    None => Ok(()),
                }
            };
            let open = sealed::count_yes(self.keys().clone(), rx, items);
            let ((), (), (yes, n)) = tokio::try_join!(read_first, read_second, open)?;
            tracing::debug!(
                records = n,
                ms = t.elapsed().as_millis() as u64,
                "esf sealed answers read and opened"
            );
            Ok(yes)
        };
        let (entered, left, six, yes) = tokio::try_join!(
            count_window(0),
            count_window(1),
            count_window(2),
            open_sealed
        )?;
        for (w, counts) in [entered, left, six].iter().enumerate() {
            for (k, (i, _)) in coded[w].iter().enumerate() {
                let mut row = empty_row(defs[*i]);
                for g in counts {
                    add(&mut row, &g.gender, g.counts[k]);
                }
                rows[*i] = Some(row);
            }
        }
        for ((i, _), by_gender) in sealed.iter().zip(yes) {
            let mut row = empty_row(defs[*i]);
            for (gender, n) in by_gender {
                add(&mut row, &gender, n);
            }
            rows[*i] = Some(row);
        }
        tracing::debug!(
            ms = started.elapsed().as_millis() as u64,
            "esf indicators counted"
        );
        self.store()
            .append_audit(&AuditEvent::new(
                actor,
                "report",
                filter.project.map(|p| p.to_string()),
                "esf_indicators",
                purpose,
            )?)
            .await?;
        Ok(IndicatorTable {
            filter: filter.clone(),
            rows: rows.into_iter().flatten().collect(),
            not_known,
        })
    }
}

/// The purposes a report is computed for: `reporting` (the manager's pages) and
/// `funder_reporting` (the funder's export); any other is "not found".
pub(crate) fn report_purpose(purpose: &str) -> Result<()> {
    if matches!(purpose, "reporting" | "funder_reporting") {
        Ok(())
    } else {
        Err(ServiceError::NotFound)
    }
}

fn empty_row(d: &IndicatorDef) -> IndicatorRow {
    IndicatorRow {
        code: d.code.clone(),
        kind: d.kind,
        women: 0,
        men: 0,
        non_binary: 0,
        total: 0,
    }
}

fn add(row: &mut IndicatorRow, gender: &str, n: i64) {
    match gender {
        "woman" => row.women += n,
        "man" => row.men += n,
        "non_binary" => row.non_binary += n,
        _ => {}
    }
    row.total += n;
}
