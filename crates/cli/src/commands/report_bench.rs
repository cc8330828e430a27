//! `polku report bench` and `polku report bench-seal`: the product's side of the report
//! benchmark and the report oracle (bench/reports.sh, scripts/test-reports-oracle.sh; issue 12
//! items 7 and 8). Not for everyday use: `bench` times the real report use cases as the
//! command-line operator (the report as the pages compute it, then the ESF+ indicators and the
//! project figures each alone) over a list of filters and prints the timings and the exact
//! figures as JSON; `bench-seal` seals generated special-category answers with the deployment's
//! keys so that a bulk-loaded dataset reads like one the service wrote.

use crate::config::Config;
use crate::exit::{CliError, CliResult, FAILURE, INVALID_INPUT, NOT_FOUND};
use crate::open::{with_service, Mode};
use polku_domain::esf::{Answer, EsfSpecial};
use polku_domain::geo::MunicipalityCode;
use polku_domain::{OrganisationId, ParticipantId, ReportFilter};
use polku_service::{Actor, Service, ServiceError};
use serde::Deserialize;
use std::io::{BufRead, Write};
use std::path::Path;
use std::time::Instant;

/// One report to time: a period and a scope, as `polku report esf` and `/reports` take them.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Query {
    pub name: String,
    pub from: String,
    pub to: String,
    /// A project's code.
    #[serde(default)]
    pub project: Option<String>,
    /// An organisation's id.
    #[serde(default)]
    pub organisation: Option<String>,
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub municipality: Option<String>,
}

fn bad(what: String) -> CliError {
    CliError::new(INVALID_INPUT, what)
}

fn date(query: &str, text: &str) -> CliResult<time::Date> {
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(text.trim(), &fmt)
        .map_err(|_| bad(format!("{query}: {text:?} is not a date (YYYY-MM-DD)")))
}

async fn filter_of(svc: &Service, actor: &Actor, q: &Query) -> CliResult<ReportFilter> {
    let (from, to) = (date(&q.name, &q.from)?, date(&q.name, &q.to)?);
    let mut f = ReportFilter::new(from, to)
        .map_err(|_| bad(format!("{}: the period ends before it starts", q.name)))?;
    if let Some(code) = &q.project {
        let p = match svc.project_by_code(actor, code).await {
            Ok(p) => p,
            Err(ServiceError::NotFound) => {
                return Err(CliError::new(
                    NOT_FOUND,
                    format!("{}: no project has the code {code:?}", q.name),
                ))
            }
            Err(e) => return Err(e.into()),
        };
        f = f.with_project(p.id);
    }
    if let Some(o) = &q.organisation {
        let id = uuid::Uuid::parse_str(o)
            .map_err(|_| bad(format!("{}: {o:?} is not an organisation id", q.name)))?;
        f = f.with_organisation(OrganisationId(id));
    }
    if let Some(r) = &q.region {
        f = f
            .with_region(r)
            .map_err(|e| bad(format!("{}: {e}", q.name)))?;
    }
    if let Some(m) = &q.municipality {
        let code = MunicipalityCode::parse(m)
            .map_err(|_| bad(format!("{}: {m:?} is not a municipality code", q.name)))?;
        f = f.with_municipality(code);
    }
    Ok(f)
}

/// p50 and p95 (nearest rank), min and max of `ms`.
fn stats(ms: &[f64]) -> serde_json::Value {
    let mut v = ms.to_vec();
    v.sort_by(f64::total_cmp);
    let rank = |p: f64| {
        let i = ((p / 100.0 * v.len() as f64).ceil() as usize).max(1) - 1;
        v.get(i).copied().unwrap_or(f64::NAN)
    };
    serde_json::json!({
        "p50": rank(50.0),
        "p95": rank(95.0),
        "min": v.first(),
        "max": v.last(),
    })
}

/// Times every query `runs` times after one warm-up run and prints one JSON document.
pub async fn bench(cfg: &Config, queries: &Path, runs: usize) -> CliResult {
    let text = std::fs::read_to_string(queries)
        .map_err(|e| bad(format!("--queries: cannot read {}: {e}", queries.display())))?;
    let queries: Vec<Query> = serde_json::from_str(&text)
        .map_err(|e| bad(format!("--queries: not a list of queries: {e}")))?;
    let runs = runs.max(1);
    let cfg_backend = if cfg.database_url.starts_with("postgres") {
        "postgres"
    } else {
        "sqlite"
    };
    let out = with_service(cfg, Mode::Existing, |svc| async move {
        let actor = Actor::system("report bench");
        let mut results = Vec::new();
        for q in &queries {
            let filter = filter_of(&svc, &actor, q).await?;
            let (mut esf_ms, mut figures_ms, mut total_ms) = (Vec::new(), Vec::new(), Vec::new());
            let mut last = None;
            // The first run (the warm-up, not in the statistics) is reported on its own: no
            // report keeps anything between requests, so it shows what a cold cache costs.
            let mut first_ms = 0.0;
            for run in 0..=runs {
                // The report as the pages compute it (the figures and the indicators at once),
                // then each part alone, for where the time goes.
                let t0 = Instant::now();
                let report = svc.report(&actor, &filter, "funder_reporting").await?;
                let t1 = Instant::now();
                let table = svc
                    .esf_indicators_as(&actor, &filter, "funder_reporting")
                    .await?;
                let t2 = Instant::now();
                let figures = svc.project_figures(&actor, &filter).await?;
                let t3 = Instant::now();
                if report.figures != figures {
                    return Err(CliError::new(
                        FAILURE,
                        format!(
                            "{}: the report's figures differ from the figures alone",
                            q.name
                        ),
                    ));
                }
                if run == 0 {
                    first_ms = (t1 - t0).as_secs_f64() * 1e3;
                } else {
                    total_ms.push((t1 - t0).as_secs_f64() * 1e3);
                    esf_ms.push((t2 - t1).as_secs_f64() * 1e3);
                    figures_ms.push((t3 - t2).as_secs_f64() * 1e3);
                }
                last = Some((table, figures));
            }
            let Some((table, figures)) = last else {
                continue;
            };
            let tally = svc.project_tally(&actor, &filter).await?;
            results.push(serde_json::json!({
                "name": q.name,
                "runs": runs,
                "esf_ms": stats(&esf_ms),
                "figures_ms": stats(&figures_ms),
                "total_ms": stats(&total_ms),
                "first_ms": first_ms,
                "esf": table.rows,
                "not_known": table.not_known,
                "empty": figures.empty,
                "tally": tally,
            }));
        }
        Ok(serde_json::json!({
            "backend": cfg_backend,
            "queries": results,
        }))
    })
    .await?;
    let mut s = serde_json::to_string_pretty(&out).unwrap_or_default();
    s.push('\n');
    super::emit(&s)
}

/// Reads `participant_id,version,disability,minority` rows (with a header) and writes
/// `participant_id,wrapped_key,special_sealed` rows (hexadecimal, with a header).
pub async fn seal(cfg: &Config, input: &Path, output: &Path) -> CliResult {
    let io = |e: std::io::Error| CliError::new(FAILURE, format!("bench-seal: {e}"));
    let reader = std::io::BufReader::new(std::fs::File::open(input).map_err(io)?);
    let mut rows = Vec::new();
    for (i, line) in reader.lines().enumerate().skip(1) {
        let line = line.map_err(io)?;
        let f: Vec<&str> = line.trim_end().split(',').collect();
        let parsed = (|| {
            let id = uuid::Uuid::parse_str(f.first()?).ok()?;
            let version: i64 = f.get(1)?.parse().ok()?;
            let disability = Answer::parse(f.get(2)?).ok()?;
            let minority = Answer::parse(f.get(3)?).ok()?;
            Some((
                ParticipantId(id),
                version,
                EsfSpecial {
                    disability,
                    minority,
                },
            ))
        })();
        rows.push(parsed.ok_or_else(|| bad(format!("--in: line {} is not valid", i + 1)))?);
    }
    let keys = with_service(
        cfg,
        Mode::Existing,
        |svc| async move { Ok(svc.keys().clone()) },
    )
    .await?;
    let mut w = std::io::BufWriter::new(std::fs::File::create(output).map_err(io)?);
    writeln!(w, "participant_id,wrapped_key,special_sealed").map_err(io)?;
    for (id, version, special) in rows {
        let (wrapped, sealed) = polku_service::esf::seal_special(&keys, id, version, &special)?;
        writeln!(
            w,
            "{},{},{}",
            id.0,
            polku_service::crypto::hex_encode(&wrapped),
            polku_service::crypto::hex_encode(&sealed)
        )
        .map_err(io)?;
    }
    w.flush().map_err(io)
}
