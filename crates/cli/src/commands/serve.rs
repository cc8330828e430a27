//! `polku serve`: the web application and the JSON API. With `--demo` the database is filled
//! with demonstration data first (when it has none) and one-time sign-in links are printed for a
//! demo user of each role.

use crate::config::Config;
use crate::exit::{CliError, CliResult, CONFIG, FAILURE};
use crate::open::{backend, with_service, Backend, Mode};
use clap::Args;
use polku_demo::DemoOptions;
use polku_domain::Role;
use polku_service::{Actor, Service};
use std::net::{IpAddr, SocketAddr};

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address and port to listen on (default from the configuration: 127.0.0.1:8080).
    #[arg(long)]
    listen: Option<String>,
    /// Fill an empty database with demo data and print one-time sign-in links. Demo mode does
    /// not require a second factor.
    #[arg(long)]
    demo: bool,
    /// Apply pending migrations first. Needed only on PostgreSQL, where the server's role
    /// should have no DDL rights and `polku migrate` runs as the owner instead; on SQLite the
    /// server always migrates (D18).
    #[arg(long)]
    migrate: bool,
}

/// The demo users who get a sign-in link: the first of each role in the first demo project.
const DEMO_ROLES: [Role; 7] = [
    Role::Coach,
    Role::Coordinator,
    Role::Manager,
    Role::Admin,
    Role::Employer,
    Role::Mentor,
    Role::Institution,
];

pub async fn run(cfg: &Config, a: ServeArgs) -> CliResult {
    let listen = a.listen.unwrap_or_else(|| cfg.listen.clone());
    let addr: SocketAddr = listen.parse().map_err(|_| {
        CliError::new(
            CONFIG,
            format!("listen address {listen:?} is not ADDRESS:PORT"),
        )
    })?;
    let demo = a.demo;
    // SQLite is one file owned by the one process that serves it: it migrates at start, so
    // the README's `serve --demo` works on a fresh machine. On PostgreSQL the server runs as an
    // application role with data rights only: it checks that the schema is current and
    // refuses otherwise, naming `polku migrate` (run as the owner), unless `--migrate` (D18).
    let mode = if a.migrate || backend(&cfg.database_url)? == Backend::Sqlite {
        Mode::Migrate
    } else {
        Mode::Existing
    };
    // Held until the server stops: `keys rotate` and `restore` refuse meanwhile (D3). Taken
    // before the keys are read; a key file created by this start is locked right after.
    let mut lock = crate::lock::serving(&cfg.keys_file)?;
    // A second factor is required of everyone, except in demo mode (R3).
    with_service(cfg, mode, |svc| async move {
        if lock.is_none() {
            lock = crate::lock::serving(&cfg.keys_file)?;
        }
        let served = serve(cfg, svc.with_second_factor_required(!demo), addr, demo).await;
        drop(lock);
        served
    })
    .await
}

/// Seeds (in demo mode), binds and serves until a shutdown signal; the caller closes the store.
async fn serve(cfg: &Config, svc: Service, addr: SocketAddr, demo: bool) -> CliResult {
    if demo {
        refuse_real_data(&svc).await?;
        seed_if_empty(&svc).await?;
    }
    // The dummy hash of unknown-account sign-ins, computed once off the async threads (D2).
    polku_service::auth::prepare_dummy_hash().await;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| CliError::new(FAILURE, format!("cannot listen on {addr}: {e}")))?;
    let bound = listener
        .local_addr()
        .map_err(|e| CliError::new(FAILURE, format!("cannot read the bound address: {e}")))?;
    let origin = if cfg.public_origin.is_empty() {
        format!("http://{bound}")
    } else {
        cfg.public_origin.trim_end_matches('/').to_owned()
    };
    let mut config = polku_web::WebConfig::for_origin(origin.clone());
    config.controller = cfg.controller.clone();
    config.controller_contact = cfg.controller_contact.clone();
    if !cfg.trusted_proxy.is_empty() {
        config.trusted_proxy = Some(cfg.trusted_proxy.parse::<IpAddr>().map_err(|_| {
            CliError::new(
                CONFIG,
                format!("trusted_proxy {:?} is not an IP address", cfg.trusted_proxy),
            )
        })?);
    }
    let state = polku_web::state(svc.clone(), config)
        .map_err(|e| CliError::new(FAILURE, format!("translation catalogue: {e}")))?;
    let checkpoints = (!cfg.audit_checkpoint.is_empty()).then(|| {
        tokio::spawn(keep_checkpoint(
            svc.clone(),
            std::path::PathBuf::from(&cfg.audit_checkpoint),
        ))
    });
    let policy = super::retention::policy(cfg)?;
    let audit_keep = super::audit::retention(cfg)?;
    let retention = tokio::spawn(keep_retention(cfg.clone(), svc.clone(), policy, audit_keep));
    println!("Polku is listening on {origin}/");
    if demo {
        print_links(&svc, &origin).await?;
    }
    let served = polku_web::serve(polku_web::app(state), listener, shutdown_signal())
        .await
        .map_err(|e| CliError::new(FAILURE, format!("server error: {e}")));
    if let Some(task) = checkpoints {
        task.abort();
    }
    retention.abort();
    served
}

/// Runs the retention job (R41) an hour after start, then once a day; a failure is logged and
/// tried again the next day. Each erasure is its own transaction, so stopping `serve` mid-run
/// loses nothing: the next run finishes the rest. The audit retention job (R38) runs after
/// it: it seals the months that have closed and deletes the expired ones, each segment in its
/// own transaction.
async fn keep_retention(
    cfg: Config,
    svc: Service,
    policy: polku_service::retention::RetentionPolicy,
    audit_keep: polku_service::audit_segments::AuditRetention,
) {
    tokio::time::sleep(std::time::Duration::from_secs(3600)).await;
    loop {
        match super::retention::apply(&cfg, &svc, policy).await {
            Ok(done) => tracing::info!(
                event = "retention.run",
                erased = done.erased.len(),
                kept = done.plan.kept.len(),
                undated = done.plan.undated.len(),
                sessions = done.sessions_deleted,
                activation_tokens = done.activation_tokens_deleted,
                "retention job ran"
            ),
            Err(e) => {
                tracing::warn!(event = "retention.failed", error = %e.message, "retention job failed")
            }
        }
        match super::audit::prune(&svc, audit_keep, time::OffsetDateTime::now_utc(), false).await {
            Ok(done) => tracing::info!(
                event = "audit_retention.run",
                sealed = done.sealed.len(),
                deleted = done.deleted.len(),
                kept = done.kept,
                "audit retention job ran"
            ),
            Err(e) => {
                tracing::warn!(event = "audit_retention.failed", error = %e.message, "audit retention job failed")
            }
        }
        tokio::time::sleep(std::time::Duration::from_secs(24 * 3600)).await;
    }
}

/// Entries after which the audit checkpoint is written again.
const CHECKPOINT_EVERY: i64 = 1000;

/// Keeps `file` at the audit chain's head (R36): written at start, then whenever
/// [`CHECKPOINT_EVERY`] entries have been appended since, or a day has passed with any new
/// entry; checked every minute. Atomic and private, as `polku audit checkpoint`; a failure is
/// logged and tried again at the next check.
async fn keep_checkpoint(svc: Service, file: std::path::PathBuf) {
    let actor = Actor::system("audit checkpoint");
    let mut last: Option<(i64, std::time::Instant)> = None;
    loop {
        match svc.audit_head(&actor).await {
            Ok(head) => {
                let (seq, hash) = head.unwrap_or((0, polku_service::audit::genesis_hash()));
                let due = match last {
                    None => true,
                    Some((at_seq, at)) => {
                        seq - at_seq >= CHECKPOINT_EVERY
                            || (seq != at_seq
                                && at.elapsed() >= std::time::Duration::from_secs(24 * 3600))
                    }
                };
                if due {
                    match crate::files::write_private_atomically(
                        &file,
                        format!("{seq} {hash}\n").as_bytes(),
                    ) {
                        Ok(()) => {
                            tracing::info!(
                                event = "audit.checkpoint",
                                seq,
                                "audit checkpoint written"
                            );
                            last = Some((seq, std::time::Instant::now()));
                        }
                        Err(e) => tracing::warn!(
                            event = "audit.checkpoint_failed",
                            file = %file.display(),
                            error = %e,
                            "cannot write the audit checkpoint"
                        ),
                    }
                }
            }
            Err(e) => {
                tracing::warn!(event = "audit.checkpoint_failed", error = %e, "cannot read the audit head")
            }
        }
        tokio::time::sleep(std::time::Duration::from_secs(60)).await;
    }
}

/// `--demo` switches the second factor off and prints sign-in links for the first users of
/// each role: never on a database with real accounts (D17). It runs only on a database that is
/// empty or that the demo filled (the demo marks it in `meta` before writing anything).
async fn refuse_real_data(svc: &Service) -> CliResult {
    let operator = Actor::system("serve --demo");
    if polku_demo::is_seeded(svc, &operator).await? || svc.holds_no_accounts(&operator).await? {
        return Ok(());
    }
    Err(CliError::new(
        CONFIG,
        "refusing --demo: this database holds accounts that the demo did not create; \
         demo mode turns off the second factor and prints sign-in links, so it runs only on \
         an empty database or one filled by `polku demo` (use a new database)"
            .to_owned(),
    ))
}

async fn seed_if_empty(svc: &Service) -> CliResult {
    let operator = Actor::system("demo");
    if polku_demo::is_seeded(svc, &operator).await? {
        return Ok(());
    }
    eprintln!("filling the database with demo data (a minute or two)…");
    let opts = DemoOptions {
        participants: 200,
        employers: 60,
        seed: 1,
    };
    let s = polku_demo::seed(svc, &operator, &opts, &mut |_| {}).await?;
    eprintln!(
        "demo data: {} participants, {} employers, {} openings",
        s.participants_created + s.participants_existing,
        s.employers_created + s.employers_existing,
        s.openings
    );
    Ok(())
}

async fn print_links(svc: &Service, origin: &str) -> CliResult {
    let sys = Actor::system("serve --demo");
    let projects = svc.list_projects(&sys).await?;
    let first = projects
        .iter()
        .find(|p| p.code == "DEMO-PH")
        .or_else(|| projects.iter().min_by(|a, b| a.code.cmp(&b.code)))
        .map(|p| p.id);
    let mut users = svc.list_users(&sys).await?;
    users.sort_by(|a, b| a.email.as_str().cmp(b.email.as_str()));
    println!("One-time sign-in links for demo users (valid 24 hours; each link works once):");
    for role in DEMO_ROLES {
        let Some(user) = users.iter().find(|u| {
            u.roles
                .iter()
                .any(|g| g.role == role && (g.project == first || role == Role::Admin))
        }) else {
            continue;
        };
        let (token, _) = svc
            .issue_activation(&sys, user.id, time::Duration::hours(24))
            .await?;
        println!(
            "  {:<12} {:<34} {origin}/activate?token={token}",
            role.as_str(),
            user.email.as_str()
        );
    }
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    eprintln!("shutting down: finishing requests in flight");
}
