//! Use cases shared by the web pages, the JSON API and the CLI. Every call takes an [`Actor`];
//! [`authz`] decides; the [`Store`] persists and audits in one transaction.

pub mod actor;
pub mod audit;
pub mod authz;
pub mod crypto;
pub mod demo;
pub mod employers;
pub mod error;
pub mod esco;
pub mod matching;
pub mod participants;
pub mod store;
pub mod users;

pub use actor::Actor;
pub use error::{Result, ServiceError};
pub use store::Store;

use crypto::Keys;
use std::sync::Arc;

const KEY_CHECK: &str = "master_key_check";

/// The service: a store plus the keys. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Service {
    store: Arc<dyn Store>,
    keys: Arc<Keys>,
}

impl Service {
    /// Opens the service on a migrated store. The first start records a check value of the
    /// master key; a later start with a different key is refused (R29).
    pub async fn open(store: Arc<dyn Store>, keys: Keys) -> Result<Self> {
        let check = keys.check_value();
        store.set_meta_if_absent(KEY_CHECK, &check).await?;
        match store.get_meta(KEY_CHECK).await? {
            Some(stored) if stored == check => Ok(Service {
                store,
                keys: Arc::new(keys),
            }),
            _ => Err(ServiceError::Config(
                "the master key does not match this database (wrong or missing key file)".into(),
            )),
        }
    }

    pub fn store(&self) -> &Arc<dyn Store> {
        &self.store
    }

    pub fn keys(&self) -> &Keys {
        &self.keys
    }

    /// Recomputes the audit chain page by page. Returns the number of entries.
    pub async fn verify_audit(
        &self,
        checkpoint: Option<(i64, String)>,
    ) -> Result<std::result::Result<i64, audit::VerifyError>> {
        let chain = audit::AuditChain::new(self.keys.audit.clone());
        let mut verifier = audit::Verifier::new(&chain, checkpoint);
        let mut after = 0;
        loop {
            let page = self.store.audit_page(after, 5000).await?;
            let Some(last) = page.last() else { break };
            after = last.seq;
            for row in &page {
                if let Err(e) = verifier.push(row) {
                    return Ok(Err(e));
                }
            }
        }
        let head = self.store.audit_head().await?;
        Ok(verifier.finish(head))
    }
}
