//! The tamper-evident access and disclosure log (R35, R36).
//!
//! Every read and write of a participant's personal data appends an [`AuditEvent`] in the same
//! transaction as the change (the store does the append). Entries form a chain:
//! `entry_hash = HMAC-SHA256(k_audit, prev_hash ‖ canonical_json(entry))`, with the key kept
//! outside the database. [`verify`] recomputes the chain and names the first bad entry.

use crate::crypto::{hex_decode, hex_encode, Key};
use crate::error::{Result, ServiceError};
use serde::Serialize;
use time::OffsetDateTime;

/// Purpose codes (R44): every audit event names one of these.
pub const PURPOSES: &[(&str, &str)] = &[
    (
        "service_delivery",
        "Coaching and service-path work with the participant",
    ),
    ("matching", "Matching, job crafting and allocation"),
    (
        "placement",
        "Proposals, placements, trial agreements, mentoring and follow-ups",
    ),
    (
        "employer_cooperation",
        "Employer register, needs and task inventories",
    ),
    ("administration", "Accounts, organisations and projects"),
    ("import", "Reference-data import"),
    ("demo_seed", "Generating demonstration data"),
    ("reporting", "Pseudonymised reporting"),
    (
        "funder_reporting",
        "Exact indicator figures for the funder (ESF+ reporting)",
    ),
    (
        "data_subject_request",
        "GDPR access, rectification or erasure",
    ),
    ("maintenance", "Backups, key rotation and integrity checks"),
    (
        "retention",
        "Deleting what has passed its retention period (R41)",
    ),
    (
        "breach_investigation",
        "Finding out who accessed whose data when a breach is suspected",
    ),
];

tokio::task_local! {
    /// The id of the web request being served, set around each request by the web layer, so
    /// that every audit event appended for it names the request (R35) without each call
    /// passing it on.
    pub static REQUEST_ID: String;
}

/// The request id of the current task, if it runs inside a request.
pub fn current_request_id() -> Option<String> {
    REQUEST_ID.try_with(Clone::clone).ok()
}

/// Outcome of an audited action: done.
pub const OUTCOME_OK: &str = "ok";
/// Outcome of an audited action: refused (nothing changed, nothing disclosed).
pub const OUTCOME_REFUSED: &str = "refused";

/// The data categories an event touches, from the kind of subject and the action (R35). The
/// names are those of consents and shares (`identity`, `contact`, `skills`, `functioning` …)
/// plus the registers that are not about one participant. Comma-separated, stable.
pub fn categories_for(subject_kind: &str, action: &str) -> &'static str {
    match (subject_kind, action) {
        ("participant", "list_hit") => "identity",
        ("participant", a) if a.contains("consent") => "identity,consent",
        ("participant", "share" | "revoke_share") => "identity,sharing",
        ("participant", a) if a.starts_with("refuse") => "none",
        ("participant", _) => "identity,contact,skills,functioning",
        ("employer" | "employer_contact" | "task" | "opening", _) => "employer",
        ("user" | "session", _) => "account",
        ("organisation" | "project", _) => "organisation",
        ("allocation", _) => "identity,skills,functioning",
        ("audit_log", _) => "audit",
        _ => "reference",
    }
}

/// What happened, to whom, by whom and why, with the data categories touched, the outcome and
/// the request it happened in (R35). Contains identifiers only, never personal data (R32).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEvent {
    pub actor: String,
    pub actor_role: String,
    pub subject_kind: String,
    pub subject: Option<String>,
    pub action: String,
    pub purpose: String,
    pub categories: String,
    pub outcome: String,
    pub request_id: Option<String>,
}

impl AuditEvent {
    pub fn new(
        actor: &crate::Actor,
        subject_kind: &str,
        subject: Option<String>,
        action: &str,
        purpose: &str,
    ) -> Result<Self> {
        if !PURPOSES.iter().any(|(p, _)| *p == purpose) {
            return Err(ServiceError::Config(format!(
                "unknown audit purpose {purpose:?}"
            )));
        }
        Ok(AuditEvent {
            actor: actor.audit_id(),
            actor_role: actor.audit_role(),
            subject_kind: subject_kind.to_owned(),
            subject,
            action: action.to_owned(),
            purpose: purpose.to_owned(),
            categories: categories_for(subject_kind, action).to_owned(),
            outcome: if action.starts_with("refuse") {
                OUTCOME_REFUSED
            } else {
                OUTCOME_OK
            }
            .to_owned(),
            request_id: current_request_id(),
        })
    }

    /// The same event with another outcome (e.g. [`OUTCOME_REFUSED`]).
    pub fn with_outcome(mut self, outcome: &str) -> Self {
        self.outcome = outcome.to_owned();
        self
    }

    /// The same event naming the categories actually touched (e.g. a share's groups).
    pub fn with_categories(mut self, categories: &str) -> Self {
        self.categories = categories.to_owned();
        self
    }
}

/// One stored entry of the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditRow {
    pub seq: i64,
    /// RFC 3339 UTC with microseconds, as hashed.
    pub at: String,
    pub actor: String,
    pub actor_role: String,
    pub subject_kind: String,
    pub subject: Option<String>,
    pub action: String,
    pub purpose: String,
    /// `None` on entries written before migration 0024 (R35).
    pub categories: Option<String>,
    pub outcome: Option<String>,
    pub request_id: Option<String>,
    pub prev_hash: String,
    pub entry_hash: String,
}

/// What the hash covers. The fields added by migration 0024 are left out when absent, so the
/// entries written before it hash as they did and `polku audit verify` still passes on them.
#[derive(Serialize)]
struct Canonical<'a> {
    seq: i64,
    at: &'a str,
    actor: &'a str,
    actor_role: &'a str,
    subject_kind: &'a str,
    subject: Option<&'a str>,
    action: &'a str,
    purpose: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    categories: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    outcome: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    request_id: Option<&'a str>,
}

/// The hash that precedes the first entry.
pub fn genesis_hash() -> String {
    hex_encode(&[0u8; 32])
}

/// The current time as stored in `at` (UTC, microsecond precision).
pub fn timestamp(now: OffsetDateTime) -> String {
    let t = now.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:06}Z",
        t.year(),
        t.month() as u8,
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        t.microsecond()
    )
}

/// Seals audit entries with the audit key.
#[derive(Debug, Clone)]
pub struct AuditChain {
    key: Key,
    clock: crate::clock::Clock,
}

impl AuditChain {
    pub fn new(key: Key) -> Self {
        AuditChain {
            key,
            clock: crate::clock::Clock::system(),
        }
    }

    /// The same chain stamping entries with `clock`'s time (tests: an injected clock).
    pub fn with_clock(mut self, clock: crate::clock::Clock) -> Self {
        self.clock = clock;
        self
    }

    /// The time a new entry is stamped with.
    pub fn now(&self) -> OffsetDateTime {
        self.clock.now()
    }

    /// The audit key, for sealing segment checkpoints (`audit_segments`).
    pub(crate) fn key(&self) -> &Key {
        &self.key
    }

    /// Builds the next row after `(prev_seq, prev_hash)`.
    pub fn next_row(
        &self,
        prev_seq: i64,
        prev_hash: &str,
        event: &AuditEvent,
        now: OffsetDateTime,
    ) -> AuditRow {
        let mut row = AuditRow {
            seq: prev_seq + 1,
            at: timestamp(now),
            actor: event.actor.clone(),
            actor_role: event.actor_role.clone(),
            subject_kind: event.subject_kind.clone(),
            subject: event.subject.clone(),
            action: event.action.clone(),
            purpose: event.purpose.clone(),
            categories: Some(event.categories.clone()),
            outcome: Some(event.outcome.clone()),
            request_id: event.request_id.clone(),
            prev_hash: prev_hash.to_owned(),
            entry_hash: String::new(),
        };
        row.entry_hash = self.hash(&row);
        row
    }

    fn hash(&self, row: &AuditRow) -> String {
        let canonical = Canonical {
            seq: row.seq,
            at: &row.at,
            actor: &row.actor,
            actor_role: &row.actor_role,
            subject_kind: &row.subject_kind,
            subject: row.subject.as_deref(),
            action: &row.action,
            purpose: &row.purpose,
            categories: row.categories.as_deref(),
            outcome: row.outcome.as_deref(),
            request_id: row.request_id.as_deref(),
        };
        let json = serde_json::to_vec(&canonical).unwrap_or_default();
        let prev = hex_decode(&row.prev_hash).unwrap_or_default();
        hex_encode(&self.key.mac(&[&prev, &json]))
    }
}

/// Where and why verification failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("audit entry {seq}: {reason}")]
pub struct VerifyError {
    pub seq: i64,
    pub reason: String,
}

/// Verification state fed one row at a time, in `seq` order, so large logs stream.
#[derive(Debug)]
pub struct Verifier<'a> {
    chain: &'a AuditChain,
    expected_seq: i64,
    prev_hash: String,
    checkpoint: Option<(i64, String)>,
}

impl<'a> Verifier<'a> {
    /// `checkpoint` is an external `(seq, entry_hash)` written earlier outside the database.
    pub fn new(chain: &'a AuditChain, checkpoint: Option<(i64, String)>) -> Self {
        Verifier {
            chain,
            expected_seq: 1,
            prev_hash: genesis_hash(),
            checkpoint,
        }
    }

    /// Continues a chain whose entries up to `after_seq` are gone (deleted audit segments,
    /// R38): the next entry must be `after_seq + 1` and link to `after_hash`.
    pub fn resume(
        chain: &'a AuditChain,
        after_seq: i64,
        after_hash: String,
        checkpoint: Option<(i64, String)>,
    ) -> Self {
        Verifier {
            chain,
            expected_seq: after_seq + 1,
            prev_hash: after_hash,
            checkpoint,
        }
    }

    pub fn push(&mut self, row: &AuditRow) -> Result<(), VerifyError> {
        let fail = |reason: &str| {
            Err(VerifyError {
                seq: row.seq,
                reason: reason.to_owned(),
            })
        };
        if row.seq != self.expected_seq {
            return Err(VerifyError {
                seq: self.expected_seq,
                reason: format!(
                    "missing or reordered: expected entry {} but found {}",
                    self.expected_seq, row.seq
                ),
            });
        }
        if row.prev_hash != self.prev_hash {
            return fail(
                "does not link to the previous entry (deleted, inserted or reordered entry)",
            );
        }
        if self.chain.hash(row) != row.entry_hash {
            return fail("content does not match its hash (modified entry or wrong audit key)");
        }
        if matches!(&self.checkpoint, Some((seq, hash)) if *seq == row.seq && *hash != row.entry_hash)
        {
            return fail("differs from the external checkpoint");
        }
        self.expected_seq += 1;
        self.prev_hash = row.entry_hash.clone();
        Ok(())
    }

    /// Checks the end of the chain against the head the database recorded and the external
    /// checkpoint (detects truncation of the tail). Returns the number of entries.
    pub fn finish(self, head: Option<(i64, String)>) -> Result<i64, VerifyError> {
        let last = self.expected_seq - 1;
        match head {
            Some((seq, hash)) if seq != last || hash != self.prev_hash => {
                return Err(VerifyError { seq: last + 1, reason: format!("the log ends at entry {last} but its head records entry {seq} (truncated or altered)") });
            }
            None if last > 0 => {
                return Err(VerifyError {
                    seq: 1,
                    reason: "entries exist but the chain head is missing".into(),
                });
            }
            _ => {}
        }
        if let Some((seq, _)) = self.checkpoint {
            if seq > last {
                return Err(VerifyError { seq: last + 1, reason: format!("the external checkpoint records entry {seq} but the log ends at {last} (truncated)") });
            }
        }
        Ok(last)
    }
}

/// Verifies a whole chain held in memory. Returns the number of entries.
pub fn verify(
    chain: &AuditChain,
    rows: &[AuditRow],
    head: Option<(i64, String)>,
    checkpoint: Option<(i64, String)>,
) -> Result<i64, VerifyError> {
    let mut v = Verifier::new(chain, checkpoint);
    for r in rows {
        v.push(r)?;
    }
    v.finish(head)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn event(i: usize) -> AuditEvent {
        AuditEvent {
            actor: format!("user:{i}"),
            actor_role: "coach".into(),
            subject_kind: "participant".into(),
            subject: Some(format!("p{}", i % 3)),
            action: if i.is_multiple_of(2) {
                "read".into()
            } else {
                "update".into()
            },
            purpose: "service_delivery".into(),
            categories: "identity".into(),
            outcome: OUTCOME_OK.into(),
            request_id: Some(format!("req{i:08}")),
        }
    }

    /// Entries written before migration 0024 (no categories, outcome or request id) still
    /// verify in a chain that continues with entries carrying them, and each new field is
    /// covered by the hash.
    #[test]
    fn old_entries_verify_and_new_fields_are_sealed() {
        let chain = AuditChain::new(Key::random());
        let (mut rows, _) = build(&chain, 3);
        // An old entry: its hash computed without the new fields, as before 0024.
        for r in rows.iter_mut() {
            r.categories = None;
            r.outcome = None;
            r.request_id = None;
        }
        let mut prev = genesis_hash();
        for r in rows.iter_mut() {
            r.prev_hash = prev.clone();
            r.entry_hash = chain.hash(r);
            prev = r.entry_hash.clone();
        }
        let new = chain.next_row(3, &prev, &event(3), OffsetDateTime::UNIX_EPOCH);
        assert_eq!(new.outcome.as_deref(), Some("ok"));
        rows.push(new);
        let head = rows.last().map(|r| (r.seq, r.entry_hash.clone()));
        assert_eq!(verify(&chain, &rows, head.clone(), None), Ok(4));
        for tamper in [
            |r: &mut AuditRow| r.categories = Some("none".into()),
            |r: &mut AuditRow| r.outcome = Some(OUTCOME_REFUSED.into()),
            |r: &mut AuditRow| r.request_id = None,
        ] {
            let mut t = rows.clone();
            tamper(&mut t[3]);
            assert_eq!(verify(&chain, &t, head.clone(), None).unwrap_err().seq, 4);
        }
    }

    fn build(chain: &AuditChain, n: usize) -> (Vec<AuditRow>, Option<(i64, String)>) {
        let mut rows: Vec<AuditRow> = Vec::new();
        for i in 0..n {
            let (seq, prev) = rows
                .last()
                .map_or((0, genesis_hash()), |r| (r.seq, r.entry_hash.clone()));
            rows.push(chain.next_row(
                seq,
                &prev,
                &event(i),
                OffsetDateTime::UNIX_EPOCH + time::Duration::seconds(i as i64),
            ));
        }
        let head = rows.last().map(|r| (r.seq, r.entry_hash.clone()));
        (rows, head)
    }

    #[test]
    fn intact_chain_verifies_and_wrong_key_fails() {
        let chain = AuditChain::new(Key::random());
        let (rows, head) = build(&chain, 20);
        assert_eq!(verify(&chain, &rows, head.clone(), None), Ok(20));
        assert_eq!(verify(&chain, &[], None, None), Ok(0));
        let other = AuditChain::new(Key::random());
        assert_eq!(verify(&other, &rows, head, None).unwrap_err().seq, 1);
    }

    #[test]
    fn truncation_is_caught_by_head_or_checkpoint() {
        let chain = AuditChain::new(Key::random());
        let (rows, head) = build(&chain, 10);
        assert_eq!(
            verify(&chain, &rows[..8], head.clone(), None)
                .unwrap_err()
                .seq,
            9
        );
        // An attacker who also rewrites the head is caught by the external checkpoint.
        let forged_head = Some((8, rows[7].entry_hash.clone()));
        assert_eq!(
            verify(&chain, &rows[..8], forged_head, head)
                .unwrap_err()
                .seq,
            9
        );
    }

    proptest! {
        #[test]
        fn any_single_mutation_is_detected(n in 2usize..30, victim in 0usize..30, kind in 0u8..5) {
            let chain = AuditChain::new(Key::from_bytes([7; 32]));
            let (mut rows, head) = build(&chain, n);
            let v = victim % n;
            match kind {
                0 => rows[v].actor.push('x'),
                1 => rows[v].purpose = "matching".into(),
                2 => { rows.remove(v); }
                3 => { let w = (v + 1) % n; rows.swap(v, w); }
                _ => rows[v].at = "2000-01-01T00:00:00.000000Z".into(),
            }
            prop_assert!(verify(&chain, &rows, head, None).is_err());
        }
    }
}
