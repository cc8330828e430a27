//! Use cases shared by the web pages, the JSON API and the CLI. Every call takes an [`Actor`];
//! [`authz`] decides; the [`Store`] persists and audits in one transaction.

pub mod account;
pub mod actor;
pub mod agreements;
pub mod allocation;
pub mod analyzer;
pub mod api_views;
pub mod audit;
pub mod audit_segments;
pub mod auth;
pub mod authz;
pub mod candidates;
pub mod clock;
pub mod consents;
pub mod contacts;
pub mod crypto;
pub mod denial_budget;
pub mod denials;
pub mod documents;
pub mod employer_users;
pub mod employers;
pub mod erasure;
pub mod error;
pub mod esco;
pub mod esf;
pub mod exclusions;
pub mod experience;
pub mod fidelity;
pub mod follow_ups;
pub mod gigs;
pub mod home;
pub mod interactions;
pub mod matching;
pub mod meetings;
pub mod mentoring;
pub mod operator;
pub mod optional_fields;
pub mod participants;
pub mod placements;
pub mod plan;
pub mod proposal_view;
pub mod qualifications;
pub mod reference;
pub mod referral_intake;
pub mod referrals;
pub mod register;
pub mod reports;
pub mod restrictions;
pub mod retention;
pub mod second_factor;
pub mod security_log;
pub mod shares;
pub mod skill_search;
pub mod staff;
pub mod store;
pub mod subject;
pub mod subject_requests;
pub mod subsidy;
pub mod users;

pub use actor::Actor;
pub use clock::today;
pub use error::{Result, ServiceError};
pub use store::Store;

use crypto::Keys;
use std::sync::Arc;

/// Check values of each key, recorded at first start; a different key is refused later.
const KEY_CHECKS: [&str; 3] = ["master_key_check", "audit_key_check", "lookup_key_check"];

/// The service: a store plus the keys. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Service {
    store: Arc<dyn Store>,
    keys: Arc<Keys>,
    second_factor_required: bool,
    report_threshold: reports::Threshold,
    denials: Arc<denial_budget::DenialBudget>,
}

impl Service {
    /// Opens the service on a migrated store. The first start records check values of the
    /// master, audit and lookup keys; a later start with any different key is refused (R29):
    /// a wrong audit key would otherwise break the chain for good, a wrong lookup key would
    /// silently stop duplicate detection.
    pub async fn open(store: Arc<dyn Store>, keys: Keys) -> Result<Self> {
        for (name, check) in KEY_CHECKS.iter().zip(keys.check_values()) {
            store.set_meta_if_absent(name, &check).await?;
            if store.get_meta(name).await?.as_deref() != Some(check.as_str()) {
                let key = name.trim_end_matches("_check").replace('_', " ");
                return Err(ServiceError::Config(format!(
                    "the {key} does not match this database (wrong key file?)"
                )));
            }
        }
        Ok(Service {
            store,
            keys: Arc::new(keys),
            second_factor_required: false,
            report_threshold: reports::Threshold::default(),
            denials: Arc::default(),
        })
    }

    /// Requires every account to sign in with a second factor (R3): an account without one
    /// must set it up before its session acts for it. `polku serve` turns this on (not in demo
    /// mode); the library default is off so that tools and tests sign in with a password.
    /// The deployment's suppression threshold k for the manager's reports (R46; default 5,
    /// floor 3, set by `report_min_cell` in the configuration file).
    pub fn with_report_threshold(mut self, k: reports::Threshold) -> Self {
        self.report_threshold = k;
        self
    }

    pub fn report_threshold(&self) -> reports::Threshold {
        self.report_threshold
    }

    pub fn with_second_factor_required(mut self, on: bool) -> Self {
        self.second_factor_required = on;
        self
    }

    pub fn second_factor_required(&self) -> bool {
        self.second_factor_required
    }

    /// The storage port, for the use cases only: nothing outside this crate goes around them
    /// (docs/ARCHITECTURE.md, "No way around the use cases").
    pub(crate) fn store(&self) -> &Arc<dyn Store> {
        &self.store
    }

    /// The per-actor budget of denied-access audit rows ([`denials`]).
    pub(crate) fn denials(&self) -> &denial_budget::DenialBudget {
        &self.denials
    }

    pub fn keys(&self) -> &Keys {
        &self.keys
    }

    /// Recomputes the audit chain page by page, up to the head read at the start: entries
    /// appended while the check runs are left for the next check, so a busy system does not
    /// look truncated. When expired segments were deleted (R38) it starts from the last deleted
    /// segment's checkpoint ([`Service::verify_audit_report`]). Returns the number of entries
    /// checked.
    pub async fn verify_audit(
        &self,
        checkpoint: Option<(i64, String)>,
    ) -> Result<std::result::Result<i64, audit::VerifyError>> {
        Ok(self
            .verify_audit_report(checkpoint)
            .await?
            .map(|r| r.entries))
    }
}
