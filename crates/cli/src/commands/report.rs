//! `polku report esf …`: the funder's ESF+ indicator export (issue 12 item 5). The command-line
//! operator's action, audited with the purpose `funder_reporting`; exact by default because the
//! funder needs exact figures, `--suppress` applies R46 (the deployment's k) for anything that
//! will be published, writing a suppressed figure as `..` (docs/SECURITY.md).

use crate::config::Config;
use crate::exit::{CliError, CliResult, FAILURE, INVALID_INPUT, NOT_FOUND};
use crate::open::{with_service, Mode};
use clap::Subcommand;
use polku_documents::xlsx::{workbook, Sheet, XCell};
use polku_domain::{IndicatorTable, ReportFilter};
use polku_service::reports::{suppress_indicator, Cell, Threshold};
use polku_service::{Actor, ServiceError};
use std::path::PathBuf;
use time::Date;

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// The ESF+ indicators of one project by gender, for the funder (audited).
    Esf {
        /// The project's code.
        #[arg(long)]
        project: String,
        /// The first day of the period (YYYY-MM-DD).
        #[arg(long)]
        from: String,
        /// The last day of the period (YYYY-MM-DD).
        #[arg(long)]
        to: String,
        /// csv, xlsx or json.
        #[arg(long, default_value = "csv")]
        format: String,
        /// Write to FILE (must not exist) instead of standard output (required for xlsx).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Suppress small figures (R46) for publishing; a suppressed figure is written as `..`.
        #[arg(long)]
        suppress: bool,
        /// Language of the indicator names: fi, sv or en.
        #[arg(long, default_value = "en")]
        lang: String,
    },
    /// Times the report use cases over the filters of a JSON file and prints the timings and
    /// the exact figures as JSON (bench/reports.sh, scripts/test-reports-oracle.sh).
    #[command(hide = true)]
    Bench {
        /// A JSON list of {name, from, to, project?, organisation?, region?, municipality?}.
        #[arg(long)]
        queries: PathBuf,
        /// Timed runs of each report, after one warm-up run.
        #[arg(long, default_value_t = 20)]
        runs: usize,
    },
    /// Seals generated special-category ESF+ answers with this deployment's keys for a bulk
    /// load (bench/reports.sh): CSV participant_id,version,disability,minority in, CSV
    /// participant_id,wrapped_key,special_sealed (hexadecimal) out.
    #[command(hide = true)]
    BenchSeal {
        #[arg(long = "in")]
        input: PathBuf,
        #[arg(long)]
        out: PathBuf,
    },
}

pub async fn run(cfg: &Config, c: ReportCommand) -> CliResult {
    match c {
        ReportCommand::Esf {
            project,
            from,
            to,
            format,
            out,
            suppress,
            lang,
        } => esf(cfg, &project, &from, &to, &format, out, suppress, &lang).await,
        ReportCommand::Bench { queries, runs } => {
            super::report_bench::bench(cfg, &queries, runs).await
        }
        ReportCommand::BenchSeal { input, out } => {
            super::report_bench::seal(cfg, &input, &out).await
        }
    }
}

fn date(flag: &str, text: &str) -> CliResult<Date> {
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(text.trim(), &fmt).map_err(|_| {
        CliError::new(
            INVALID_INPUT,
            format!("--{flag}: {text:?} is not a date (YYYY-MM-DD)"),
        )
    })
}

/// One indicator row as written: exact counts, or suppressed ones as `None`.
struct Line {
    code: String,
    name: String,
    kind: &'static str,
    figures: [Option<i64>; 4],
}

fn lines(t: &IndicatorTable, lang: &str, k: Option<Threshold>) -> Vec<Line> {
    t.rows
        .iter()
        .map(|r| {
            let name = polku_domain::esf::indicator(&r.code)
                .map(|d| d.names.get(lang).to_owned())
                .unwrap_or_default();
            let figures = match k {
                None => [
                    Some(r.women),
                    Some(r.men),
                    Some(r.non_binary),
                    Some(r.total),
                ],
                Some(k) => {
                    let (cells, total) = suppress_indicator(r, k);
                    [
                        cells[0].count(),
                        cells[1].count(),
                        cells[2].count(),
                        Cell::count(total),
                    ]
                }
            };
            Line {
                code: r.code.clone(),
                name,
                kind: match r.kind {
                    polku_domain::esf::IndicatorKind::Output => "output",
                    polku_domain::esf::IndicatorKind::Result => "result",
                },
                figures,
            }
        })
        .collect()
}

fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

fn shown(n: Option<i64>) -> String {
    n.map_or_else(|| "..".to_owned(), |n| n.to_string())
}

/// `code,indicator,women,men,non_binary,total`, one row per indicator.
fn csv(lines_: &[Line]) -> String {
    let mut out = String::from("code,indicator,women,men,non_binary,total\n");
    for l in lines_ {
        out.push_str(&format!(
            "{},{},{},{},{},{}\n",
            field(&l.code),
            field(&l.name),
            shown(l.figures[0]),
            shown(l.figures[1]),
            shown(l.figures[2]),
            shown(l.figures[3])
        ));
    }
    out
}

fn json(t: &IndicatorTable, project: &str, lines_: &[Line], suppressed: bool) -> String {
    let value = |n: Option<i64>| n.map_or(serde_json::Value::String("..".into()), |n| n.into());
    let doc = serde_json::json!({
        "project": project,
        "from": t.filter.from.to_string(),
        "to": t.filter.to.to_string(),
        "suppressed": suppressed,
        "not_known": t.not_known,
        "indicators": lines_.iter().map(|l| serde_json::json!({
            "code": l.code,
            "indicator": l.name,
            "kind": l.kind,
            "women": value(l.figures[0]),
            "men": value(l.figures[1]),
            "non_binary": value(l.figures[2]),
            "total": value(l.figures[3]),
        })).collect::<Vec<_>>(),
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}

fn xlsx(lines_: &[Line], note: &str) -> CliResult<Vec<u8>> {
    let head = ["code", "indicator", "women", "men", "non_binary", "total"];
    let cell = |n: Option<i64>| n.map_or(XCell::Text("..".into()), |n| XCell::Number(n as f64));
    let sheets = [
        Sheet {
            name: "ESF+".into(),
            rows: std::iter::once(head.iter().map(|h| XCell::Text((*h).into())).collect())
                .chain(lines_.iter().map(|l| {
                    vec![
                        XCell::Text(l.code.clone()),
                        XCell::Text(l.name.clone()),
                        cell(l.figures[0]),
                        cell(l.figures[1]),
                        cell(l.figures[2]),
                        cell(l.figures[3]),
                    ]
                }))
                .collect(),
        },
        Sheet {
            name: "Notes".into(),
            rows: vec![
                vec![XCell::Text("note".into())],
                vec![XCell::Text(note.to_owned())],
            ],
        },
    ];
    workbook(&sheets).map_err(|e| CliError::new(FAILURE, e.to_string()))
}

#[allow(clippy::too_many_arguments)]
async fn esf(
    cfg: &Config,
    project: &str,
    from: &str,
    to: &str,
    format: &str,
    out: Option<PathBuf>,
    suppress: bool,
    lang: &str,
) -> CliResult {
    if !matches!(format, "csv" | "xlsx" | "json") {
        return Err(CliError::new(
            INVALID_INPUT,
            format!("--format: {format:?} is not one of csv, xlsx, json"),
        ));
    }
    if !matches!(lang, "fi" | "sv" | "en") {
        return Err(CliError::new(
            INVALID_INPUT,
            format!("--lang: {lang:?} is not one of fi, sv, en"),
        ));
    }
    let (from, to) = (date("from", from)?, date("to", to)?);
    let filter = ReportFilter::new(from, to).map_err(|_| {
        CliError::new(
            INVALID_INPUT,
            format!("--to: the period ends ({to}) before it starts ({from})"),
        )
    })?;
    if format == "xlsx" && out.is_none() {
        return Err(CliError::new(
            INVALID_INPUT,
            "--format xlsx needs --out FILE".to_owned(),
        ));
    }
    if let Some(path) = &out {
        if path.exists() {
            return Err(CliError::new(
                INVALID_INPUT,
                format!(
                    "--out: {} exists already; not overwriting it",
                    path.display()
                ),
            ));
        }
    }
    let code = project.trim().to_owned();
    let (table, k) = with_service(cfg, Mode::Existing, |svc| async move {
        let actor = Actor::system("report esf");
        let p = match svc.project_by_code(&actor, &code).await {
            Ok(p) => p,
            Err(ServiceError::NotFound) => {
                return Err(CliError::new(
                    NOT_FOUND,
                    format!("--project: no project has the code {code:?}"),
                ))
            }
            Err(e) => return Err(e.into()),
        };
        let t = svc
            .esf_indicators_as(&actor, &filter.with_project(p.id), "funder_reporting")
            .await?;
        Ok((t, svc.report_threshold()))
    })
    .await?;
    let lines_ = lines(&table, lang, suppress.then_some(k));
    if table.rows.iter().all(|r| r.total == 0) {
        eprintln!(
            "note: nobody entered or left {} in {from}..{to}: every indicator is 0",
            project.trim()
        );
    }
    let note = if suppress {
        format!(
            "Figures below {} are suppressed per R46 and written as `..`, with complementary suppression within each indicator.",
            k.get()
        )
    } else {
        "Exact figures for the funder (audited with the purpose funder_reporting). Total counts everyone, also those whose gender is not known or who declined to say.".to_owned()
    };
    let bytes = match format {
        "csv" => csv(&lines_).into_bytes(),
        "json" => json(&table, project.trim(), &lines_, suppress).into_bytes(),
        _ => xlsx(&lines_, &note)?,
    };
    match out {
        None => super::emit(&String::from_utf8_lossy(&bytes)),
        Some(path) => std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .and_then(|mut f| {
                use std::io::Write;
                f.write_all(&bytes).and_then(|()| f.sync_all())
            })
            .map_err(|e| CliError::new(FAILURE, format!("cannot write {}: {e}", path.display()))),
    }
}
