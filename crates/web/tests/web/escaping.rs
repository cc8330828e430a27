//! R21, every free-text field: generated hostile text (tags, quotes, ampersands, entities, event
//! handlers, any Unicode) stored in each field a user can fill in and a page shows, then every
//! page that shows it is parsed: the text comes back the same (as text, or as the same attribute
//! value in a form), and the page has the same elements with the same attributes as with plain
//! text (nothing injected). The participant's names are `properties::stored_text_is_escaped_in_
//! text_and_attributes`; here: employer names, tasks' titles and descriptions, employer contact
//! summaries and heard needs, contact people, plan steps, meeting notes, document titles,
//! referral texts, trial agreement texts (objective, terms, signatory title),
//! project names and user display names. Each family stores its cases through the page's own
//! form (as a browser would submit it, one field changed) or the service where no form edits it.

use crate::harness::{html, TestApp, User};
use axum::http::StatusCode;
use polku_domain::{DocumentKind, Email, Role};
use polku_store_tests::fixtures::system;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;

/// Cases per field family: each is a save and two or three page loads.
const CASES: usize = 16;

/// Text that breaks out of markup when not escaped (as `properties::hostile`), without space at
/// either end (forms trim).
fn hostile() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-ZäöåÄÖ<>\"'&=/;:(){}\\[\\]!#%*+.,?`|\\\\-][a-zA-ZäöåÄÖ<>\"'& =/;:(){}!#%*+.,?`|-]{0,30}[<>\"'&a-z>]",
        Just("<script>alert(1)</script>".to_owned()),
        Just("\"><img src=x onerror=alert(1)>".to_owned()),
        Just("' onmouseover='alert(1)".to_owned()),
        Just("&lt;b&gt;&amp;&quot;".to_owned()),
        Just("</textarea><svg onload=alert(1)>".to_owned()),
        Just("</title><style>*{}</style><a href=javascript:x>".to_owned()),
        "\\PC{1,20}".prop_map(|s| format!("x{}x", s.trim())),
    ]
}

/// `n` generated cases (made before any await: the runner is not `Send`), after two of plain
/// text for the baseline pages (the second save of a record may add a version history).
fn cases(n: usize) -> Vec<String> {
    let mut runner = TestRunner::new(ProptestConfig::with_cases(n as u32));
    let strategy = hostile();
    ["Tavallinen teksti", "Toinen tavallinen teksti"]
        .into_iter()
        .map(str::to_owned)
        .chain((0..n).map(|_| strategy.new_tree(&mut runner).expect("value").current()))
        .collect()
}

/// The shape of a page: each element's name with its attribute names, in document order.
fn shape(body: &str) -> Vec<String> {
    html(body)
        .root_element()
        .descendants()
        .filter_map(scraper::ElementRef::wrap)
        .map(|e| {
            let mut attrs: Vec<&str> = e.value().attrs().map(|(k, _)| k).collect();
            attrs.sort_unstable();
            format!("{}[{}]", e.value().name(), attrs.join(","))
        })
        .collect()
}

/// The distinct element shapes of a page (for lists that grow by a row per case).
fn shape_set(body: &str) -> Vec<String> {
    let mut s = shape(body);
    s.sort();
    s.dedup();
    s
}

/// Whether the page shows `text` verbatim: in its text, or as a whole attribute value.
fn shows(body: &str, text: &str) -> bool {
    let doc = html(body);
    let all: String = doc.root_element().text().collect();
    all.contains(text)
        || doc
            .root_element()
            .descendants()
            .filter_map(scraper::ElementRef::wrap)
            .any(|e| e.value().attrs().any(|(_, v)| v == text))
}

/// Every field of the first form matching `form_css` as a browser would submit it unchanged
/// (text inputs and hidden fields with their values, checked boxes and radios, each select's
/// selected or first option, textareas' text; buttons left out).
fn form_fields(body: &str, form_css: &str) -> Vec<(String, String)> {
    let doc = html(body);
    let sel = |css: &str| scraper::Selector::parse(css).expect("selector");
    let Some(form) = doc.select(&sel(form_css)).next() else {
        panic!("no form {form_css} in {body}");
    };
    let mut out = Vec::new();
    for e in form.select(&sel("input[name], select[name], textarea[name]")) {
        let v = e.value();
        let name = v.attr("name").unwrap_or_default().to_owned();
        match v.name() {
            "input" => {
                let ty = v.attr("type").unwrap_or("text");
                if matches!(ty, "submit" | "button" | "file" | "image" | "reset") {
                    continue;
                }
                if matches!(ty, "checkbox" | "radio") && v.attr("checked").is_none() {
                    continue;
                }
                let value = v
                    .attr("value")
                    .unwrap_or(if ty == "checkbox" { "on" } else { "" });
                out.push((name, value.to_owned()));
            }
            "select" => {
                let options: Vec<_> = e.select(&sel("option")).collect();
                let chosen = options
                    .iter()
                    .find(|o| o.value().attr("selected").is_some())
                    .or(options.first());
                if let Some(o) = chosen {
                    let value = o
                        .value()
                        .attr("value")
                        .map(str::to_owned)
                        .unwrap_or_else(|| o.text().collect());
                    out.push((name, value));
                }
            }
            _ => out.push((name, e.text().collect())),
        }
    }
    out
}

/// Sets (or adds) the fields in `set`.
fn with(mut fields: Vec<(String, String)>, set: &[(&str, &str)]) -> Vec<(String, String)> {
    for (k, v) in set {
        match fields.iter_mut().find(|(n, _)| n == k) {
            Some(f) => f.1 = (*v).to_owned(),
            None => fields.push(((*k).to_owned(), (*v).to_owned())),
        }
    }
    fields
}

/// Posts a form; `Some(location)` when it saved (303), `None` when the form refused the text
/// (a 4xx form page with an error summary: nothing stored, nothing to show).
async fn post(
    app: &TestApp,
    user: &User,
    action: &str,
    fields: &[(String, String)],
) -> Option<String> {
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let res = app.post_form(action, Some(user), &pairs).await;
    match res.status {
        StatusCode::SEE_OTHER => Some(res.header("location").to_owned()),
        s if s.is_client_error() && res.body.contains("error-summary") => None,
        s => panic!("{action}: {s}: {}", res.body),
    }
}

/// Reads the form at `form`, sets the fields in `set` and posts it back to the same address:
/// whether it saved (see [`post`]).
async fn fill_and_post(app: &TestApp, user: &User, form: &str, set: &[(&str, &str)]) -> bool {
    let page = app.get(form, Some(user)).await;
    let fields = with(
        form_fields(&page.body, &format!("form[action=\"{form}\"]")),
        set,
    );
    post(app, user, form, &fields).await.is_some()
}

/// The pages that show a stored value, checked against the first (plain) case's pages: the
/// same shape (`grows`: the same set of element shapes, for lists that gain a row per case) and
/// the value shown verbatim.
struct Views {
    paths: Vec<(String, bool)>,
    baseline: Vec<Vec<String>>,
    calls: usize,
}

impl Views {
    fn new(paths: &[(&str, bool)]) -> Views {
        Views {
            paths: paths.iter().map(|(p, g)| ((*p).to_owned(), *g)).collect(),
            baseline: Vec::new(),
            calls: 0,
        }
    }

    async fn check(&mut self, app: &TestApp, user: &User, values: &[&str]) {
        // The first (plain) save is only checked for its text; the second gives the baseline.
        self.calls += 1;
        for (i, (path, grows)) in self.paths.iter().enumerate() {
            let page = app.get(path, Some(user)).await;
            assert_eq!(page.status, StatusCode::OK, "{path} for {values:?}");
            for v in values {
                assert!(shows(&page.body, v), "{path} does not show {v:?}");
            }
            let got = if *grows {
                shape_set(&page.body)
            } else {
                shape(&page.body)
            };
            if self.calls == 1 {
                continue;
            } else if self.calls == 2 {
                self.baseline.push(got);
            } else {
                assert_eq!(
                    got, self.baseline[i],
                    "{path}: the markup changed for {values:?}"
                );
            }
        }
    }
}

/// Runs every case: `store` saves the case (returns false when refused), then the views are
/// checked. More than half the generated cases must be stored.
macro_rules! each_case {
    ($app:expr, $user:expr, $views:expr, |$text:ident| $store:expr, |$t2:ident| $shown:expr) => {{
        let mut stored = 0;
        for $text in cases(CASES) {
            if !$store {
                continue;
            }
            stored += 1;
            let $t2 = &$text;
            let shown: Vec<&str> = $shown;
            $views.check($app, $user, &shown).await;
        }
        assert!(stored > CASES / 2, "only {stored} cases were stored");
    }};
}

fn in_days(days: i64) -> String {
    (polku_service::clock::today() + time::Duration::days(days)).to_string()
}

/// An employer in the test project, with one task, edited by a coordinator.
async fn employer(app: &TestApp) -> (User, polku_domain::EmployerId, polku_domain::TaskId) {
    let coordinator = app.user(Role::Coordinator).await;
    let e = app.world.employer();
    app.service()
        .create_employer(&coordinator.actor, e.clone())
        .await
        .expect("employer");
    let t = app.world.task(e.id, "Toimistosiivous");
    app.service()
        .add_task(&coordinator.actor, t.clone())
        .await
        .expect("task");
    (coordinator, e.id, t.id)
}

/// Employer name: the edit form, the employer's page and the register.
#[test]
fn employer_names_are_escaped() {
    crate::harness::sqlite(|app: TestApp| async move {
        let (coordinator, id, _) = employer(&app).await;
        let form = format!("/employers/{id}/edit");
        let mut views = Views::new(&[
            (&form, false),
            (&format!("/employers/{id}"), false),
            ("/employers", false),
        ]);
        each_case!(
            &app,
            &coordinator,
            views,
            |text| { fill_and_post(&app, &coordinator, &form, &[("name", &text)]).await },
            |t| vec![t.as_str()]
        );
    });
}

/// A task's title and description: the task form and the employer's task list.
#[test]
fn task_titles_and_descriptions_are_escaped() {
    crate::harness::sqlite(|app: TestApp| async move {
        let (coordinator, id, task) = employer(&app).await;
        let form = format!("/employers/{id}/tasks/{task}/edit");
        let mut views = Views::new(&[(&form, false), (&format!("/employers/{id}/tasks"), false)]);
        each_case!(
            &app,
            &coordinator,
            views,
            |text| {
                let description = format!("{text} kuvaus");
                fill_and_post(
                    &app,
                    &coordinator,
                    &form,
                    &[("title", &text), ("description", &description)],
                )
                .await
            },
            |t| vec![t.as_str()]
        );
    });
}

/// An employer contact's summary and a need heard: the contacts page (a row per contact).
#[test]
fn employer_contact_summaries_and_needs_are_escaped() {
    crate::harness::sqlite(|app: TestApp| async move {
        let (coordinator, id, _) = employer(&app).await;
        let form = format!("/employers/{id}/interactions");
        let mut views = Views::new(&[(&form, true)]);
        let today = in_days(0);
        each_case!(
            &app,
            &coordinator,
            views,
            |text| {
                let page = app.get(&form, Some(&coordinator)).await;
                let need = format!("{text} tarve");
                let mut fields = form_fields(&page.body, &format!("form[action=\"{form}\"]"));
                if !fields.iter().any(|(k, _)| k == "kind") {
                    let kind = crate::harness::select_attr(&page.body, "input[name=kind]", "value")
                        .expect("a contact kind");
                    fields.push(("kind".into(), kind));
                }
                let fields = with(
                    fields,
                    &[("date", &today), ("summary", &text), ("need_1", &need)],
                );
                post(&app, &coordinator, &form, &fields).await.is_some()
            },
            |t| vec![t.as_str()]
        );
    });
}

/// A coach and a participant on the caseload.
async fn caseload(app: &TestApp) -> (User, polku_domain::ParticipantId) {
    crate::harness::coach_with_participant(app).await
}

/// Plan steps: the plan page (a row per step).
#[test]
fn plan_steps_are_escaped() {
    crate::harness::sqlite(|app: TestApp| async move {
        let (coach, id) = caseload(&app).await;
        let form = format!("/participants/{id}/plan");
        let mut views = Views::new(&[(&form, true)]);
        let due = in_days(14);
        each_case!(
            &app,
            &coach,
            views,
            |text| { fill_and_post(&app, &coach, &form, &[("text", &text), ("due", &due)]).await },
            |t| vec![t.as_str()]
        );
    });
}

/// Meeting notes: the meetings page (a row per meeting).
#[test]
fn meeting_notes_are_escaped() {
    crate::harness::sqlite(|app: TestApp| async move {
        let (coach, id) = caseload(&app).await;
        let form = format!("/participants/{id}/meetings");
        let mut views = Views::new(&[(&form, true)]);
        let day = in_days(-1);
        each_case!(
            &app,
            &coach,
            views,
            |text| {
                let page = app.get(&form, Some(&coach)).await;
                let mut fields = form_fields(&page.body, &format!("form[action=\"{form}\"]"));
                if !fields.iter().any(|(k, _)| k == "place") {
                    let place =
                        crate::harness::select_attr(&page.body, "input[name=place]", "value")
                            .expect("a place");
                    fields.push(("place".into(), place));
                }
                let fields = with(
                    fields,
                    &[
                        ("date", &day),
                        ("time", "10:00"),
                        ("duration_min", "60"),
                        ("notes", &text),
                    ],
                );
                post(&app, &coach, &form, &fields).await.is_some()
            },
            |t| vec![t.as_str()]
        );
    });
}

/// Document titles: the documents tab (a row per document).
#[test]
fn document_titles_are_escaped() {
    crate::harness::sqlite(|app: TestApp| async move {
        let (coach, id) = caseload(&app).await;
        let png =
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0\x90wS\xde".to_vec();
        let mut views = Views::new(&[(&format!("/participants/{id}/documents"), true)]);
        each_case!(
            &app,
            &coach,
            views,
            |text| {
                app.service()
                    .save_document(
                        &coach.actor,
                        id,
                        polku_service::documents::DocumentSave {
                            document: None,
                            kind: DocumentKind::Upload,
                            title: text.clone(),
                            bytes: png.clone(),
                            language: None,
                            note: None,
                        },
                        "service_delivery",
                    )
                    .await
                    .is_ok()
            },
            |t| vec![t.as_str()]
        );
    });
}

/// A school's referral: the reason and the student's names, on the referral's page.
#[test]
fn referral_texts_are_escaped() {
    crate::harness::sqlite(|app: TestApp| async move {
        let school = app.user(Role::Institution).await;
        let mut first: Option<Vec<String>> = None;
        let mut stored = 0;
        for text in cases(CASES) {
            let page = app.get("/referrals/new", Some(&school)).await;
            assert_eq!(page.status, StatusCode::OK, "{}", page.body);
            let reason = format!("{text} syy");
            let fields = with(
                form_fields(&page.body, "form[action=\"/referrals/new\"]"),
                &[
                    ("project", &app.world.project.id.to_string()),
                    ("organisation", &text),
                    ("reason", &reason),
                    ("given_name", &text),
                    ("family_name", "Opiskelija"),
                    ("home", "Lahti"),
                    ("consent-contact", "on"),
                    ("method", "written"),
                ],
            );
            let Some(location) = post(&app, &school, "/referrals/new", &fields).await else {
                continue;
            };
            stored += 1;
            let path = location.split('?').next().unwrap_or_default().to_owned();
            let shown = app.get(&path, Some(&school)).await;
            assert_eq!(shown.status, StatusCode::OK, "{path}");
            for v in [&text, &reason] {
                assert!(shows(&shown.body, v), "{path} does not show {v:?}");
            }
            let got = shape(&shown.body);
            match &first {
                None => first = Some(got),
                Some(base) => assert_eq!(&got, base, "the referral page changed for {text:?}"),
            }
        }
        assert!(stored > CASES / 2, "only {stored} cases were stored");
    });
}

/// Project names: the administrator's project form and overview.
#[test]
fn project_names_are_escaped() {
    crate::harness::sqlite(|app: TestApp| async move {
        let admin = app.user(Role::Admin).await;
        let form = format!("/admin/projects/{}", app.world.project.code);
        let mut views = Views::new(&[(&form, false), ("/admin", false)]);
        each_case!(
            &app,
            &admin,
            views,
            |text| {
                let page = app.get(&form, Some(&admin)).await;
                // The test world's project has no funding or municipalities yet: the first save adds them.
                let fields = with(
                    form_fields(&page.body, &format!("form[action=\"{form}\"]")),
                    &[
                        ("name", &text),
                        ("objective", "FI-ESF+-2021-2027|ESO4.1"),
                        ("municipalities", "Lahti"),
                    ],
                );
                post(&app, &admin, &form, &fields).await.is_some()
            },
            |t| vec![t.as_str()]
        );
    });
}

/// User display names: the administrator's page of the user.
#[test]
fn user_display_names_are_escaped() {
    crate::harness::sqlite(|app: TestApp| async move {
        let admin = app.user(Role::Admin).await;
        let mut first: Option<Vec<String>> = None;
        let mut stored = 0;
        for (n, text) in cases(CASES).into_iter().enumerate() {
            let Ok(created) = app
                .service()
                .add_user(
                    &system(),
                    Email::parse(&format!("nimi{n}@example.fi")).expect("email"),
                    &text,
                    Role::Coach,
                    Some(&app.world.project.code),
                )
                .await
            else {
                continue;
            };
            stored += 1;
            let path = format!("/admin/users/{}", created.user.id);
            let page = app.get(&path, Some(&admin)).await;
            assert_eq!(page.status, StatusCode::OK, "{path}");
            assert!(shows(&page.body, &text), "{path} does not show {text:?}");
            let got = shape(&page.body);
            match &first {
                None => first = Some(got),
                Some(base) => assert_eq!(&got, base, "the user's page changed for {text:?}"),
            }
        }
        assert!(stored > CASES / 2, "only {stored} cases were stored");
    });
}

/// A trial agreement's objective, other terms and the signatory's title: the coach's agreement
/// form and the agreement's page (placement texts).
#[test]
fn trial_agreement_texts_are_escaped() {
    crate::harness::sqlite(|app: TestApp| async move {
        let w = crate::harness::placement_world(&app).await;
        let id = crate::agreements::agreed_trial(&app, &w).await;
        let page = format!("/placements/{id}/agreement");
        let form = format!("{page}/edit");
        let mut views = Views::new(&[(&form, false), (&page, true)]);
        each_case!(
            &app,
            &w.coach,
            views,
            |text| {
                let edit = app.get(&form, Some(&w.coach)).await;
                assert_eq!(edit.status, StatusCode::OK, "{}", edit.body);
                let terms = format!("{text} ehdot");
                let fields = with(
                    form_fields(&edit.body, &format!("form[action=\"{form}\"]")),
                    &[
                        ("objective", &text),
                        ("start", "2027-02-01"),
                        ("end", "2027-03-31"),
                        ("hours_per_day", "6"),
                        ("days_per_week", "5"),
                        ("signatory_name", "Eeva Esimies"),
                        ("signatory_title", &text),
                        ("authority_name", "Tarja Virkailija"),
                        ("authority_organisation", "Työllisyysalue"),
                        ("authority_contact", "040 123 4567"),
                        ("allowance_per_day", "9"),
                        ("allowance_payer", "kela"),
                        ("other_terms", &terms),
                    ],
                );
                post(&app, &w.coach, &form, &fields).await.is_some()
            },
            |t| vec![t.as_str()]
        );
    });
}

/// An employer's contact person's name and title: the employer's page (a row per contact).
#[test]
fn employer_contact_people_are_escaped() {
    crate::harness::sqlite(|app: TestApp| async move {
        let (coordinator, id, _) = employer(&app).await;
        let page = format!("/employers/{id}");
        let form = format!("{page}/contacts");
        let mut views = Views::new(&[(&page, true)]);
        each_case!(
            &app,
            &coordinator,
            views,
            |text| {
                let shown = app.get(&page, Some(&coordinator)).await;
                let title = format!("{text} titteli");
                let fields = with(
                    form_fields(&shown.body, &format!("form[action=\"{form}\"]")),
                    &[
                        ("contact_name", &text),
                        ("contact_title", &title),
                        ("contact_email", "yhteys@example.fi"),
                    ],
                );
                post(&app, &coordinator, &form, &fields).await.is_some()
            },
            |t| vec![t.as_str()]
        );
    });
}
