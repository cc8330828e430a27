//! `polku retention`: the retention job (R41). With `--dry-run` it prints what a run would erase
//! and delete, and why anyone past the cut-off is kept, changing nothing; `--today` (dry run
//! only) asks what would happen on another day. Without it, it erases (appending each tombstone
//! to the tombstone file, as `polku subject erase`) and deletes expired sign-in rows. `polku
//! serve` runs the same job once a day.

use crate::config::Config;
use crate::exit::{CliError, CliResult, CONFIG, INVALID_INPUT};
use crate::open::{with_service, Mode};
use clap::Args;
use polku_service::retention::{Kept, RetentionPlan, RetentionPolicy, RetentionRun};
use polku_service::{Actor, Service};
use time::OffsetDateTime;

#[derive(Debug, Args)]
pub struct RetentionArgs {
    /// Print what a run would do; change nothing.
    #[arg(long)]
    dry_run: bool,
    /// With --dry-run: the day to plan for (YYYY-MM-DD) instead of today.
    #[arg(long, requires = "dry_run")]
    today: Option<String>,
}

/// The configured policy, or a configuration error naming the key.
pub fn policy(cfg: &Config) -> CliResult<RetentionPolicy> {
    RetentionPolicy::from_months(cfg.retention_case_months)
        .map_err(|e| CliError::new(CONFIG, format!("retention_case_months: {e}")))
}

pub async fn run(cfg: &Config, a: RetentionArgs) -> CliResult {
    let policy = policy(cfg)?;
    let now = match &a.today {
        None => OffsetDateTime::now_utc(),
        Some(text) => {
            let format = time::macros::format_description!("[year]-[month]-[day]");
            let day = time::Date::parse(text.trim(), &format).map_err(|_| {
                CliError::new(
                    INVALID_INPUT,
                    format!("--today: {text:?} is not a date (YYYY-MM-DD)"),
                )
            })?;
            day.with_time(time::macros::time!(12:00)).assume_utc()
        }
    };
    with_service(cfg, Mode::Existing, |svc| async move {
        let actor = Actor::system("retention");
        if a.dry_run {
            let plan = svc.retention_plan(&actor, policy, now).await?;
            super::emit(&render(&plan, None))
        } else {
            let done = apply(cfg, &svc, policy).await?;
            super::emit(&render(&done.plan, Some(&done)))
        }
    })
    .await
}

/// Runs the job now and appends the tombstones to the tombstone file.
pub async fn apply(
    cfg: &Config,
    svc: &Service,
    policy: RetentionPolicy,
) -> CliResult<RetentionRun> {
    let actor = Actor::system("retention");
    let done = svc
        .apply_retention(&actor, policy, OffsetDateTime::now_utc())
        .await?;
    if !done.erased.is_empty() {
        let stored = svc.erasures(&actor).await?;
        for (id, at) in &done.erased {
            let at = stored
                .iter()
                .find(|(t, _)| t == id)
                .map_or(*at, |(_, at)| *at);
            super::subject::append_tombstone(cfg, *id, at).map_err(|e| {
                CliError::new(
                    crate::exit::FAILURE,
                    format!(
                        "{id} was erased, but its tombstone could not be written to {}: {e}",
                        super::subject::tombstone_file(cfg).display()
                    ),
                )
            })?;
        }
    }
    Ok(done)
}

/// The report, for people: one line per decision.
pub fn render(plan: &RetentionPlan, done: Option<&RetentionRun>) -> String {
    let mut out = format!(
        "retention on {}{}\n",
        plan.today,
        if done.is_none() {
            " (dry run: nothing changed)"
        } else {
            ""
        }
    );
    match plan.cutoff {
        None => out.push_str(
            "case records: no retention period is set (retention_case_months = 0): nothing is \
             erased automatically\n",
        ),
        Some(cutoff) => out.push_str(&format!(
            "case records: kept until the period after leaving ends; due if left on or before {cutoff}\n"
        )),
    }
    let verb = if done.is_some() { "erased" } else { "erase" };
    for (id, left) in &plan.erase {
        let erased = done.is_none_or(|d| d.erased.iter().any(|(e, _)| e == id));
        let verb = if erased {
            verb
        } else {
            "skipped (erased or held meanwhile)"
        };
        out.push_str(&format!("  {verb}\t{id}\tleft {left}\n"));
    }
    for (id, left, why) in &plan.kept {
        let why = match why {
            Kept::Held {
                ground,
                article,
                until,
            } => format!("legal hold {ground} ({article}) until {until}"),
            Kept::Restricted => "processing restricted (GDPR Art. 18)".to_owned(),
        };
        out.push_str(&format!("  kept\t{id}\tleft {left}\t{why}\n"));
    }
    for id in &plan.undated {
        out.push_str(&format!(
            "  undated\t{id}\tleft the service on an unknown day: check and erase by hand if due\n"
        ));
    }
    match done {
        None => out.push_str(&format!(
            "sign-ins: {} expired sessions and {} used or expired activation tokens would be deleted\n\
             would erase {} participant(s), keep {}, undated {}\n",
            plan.sessions,
            plan.activation_tokens,
            plan.erase.len(),
            plan.kept.len(),
            plan.undated.len()
        )),
        Some(d) => out.push_str(&format!(
            "sign-ins: deleted {} expired sessions and {} used or expired activation tokens\n\
             erased {} participant(s), kept {}, undated {}\n",
            d.sessions_deleted,
            d.activation_tokens_deleted,
            d.erased.len(),
            plan.kept.len(),
            plan.undated.len()
        )),
    }
    out
}
