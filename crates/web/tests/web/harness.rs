//! `TestApp`: the whole application on a fresh database, with helpers to create signed-in
//! users of each role and to send requests as a browser would (session cookie, `Origin`).

#![allow(dead_code)]

use axum::body::Body;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use polku_domain::{Email, ParticipantId, Role};
use polku_service::Actor;
use polku_store_tests::fixtures::{system, World};
use polku_store_tests::{Backend, TestDb};
use std::future::Future;
use std::sync::Arc;
use time::OffsetDateTime;
use tower::ServiceExt;

/// The origin the test application believes it is served from.
pub const ORIGIN: &str = "http://polku.test";
pub const PASSWORD: &str = "kissa istuu ikkunalla 42";

/// Runs a test on a fresh SQLite database (and drops it afterwards).
pub fn sqlite<F, Fut>(test: F)
where
    F: FnOnce(TestApp) -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    on(Backend::Sqlite, test)
}

/// Runs a test on a fresh database of `backend` (PostgreSQL only when configured).
pub fn on<F, Fut>(backend: Backend, test: F)
where
    F: FnOnce(TestApp) -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    polku_store_tests::run(backend, move |db| async move {
        let app = TestApp::new(db).await;
        test(app).await;
    })
}

/// A signed-in user.
#[derive(Debug, Clone)]
pub struct User {
    pub actor: Actor,
    pub email: String,
    /// The session token (cookie value and bearer token).
    pub token: String,
}

impl User {
    pub fn cookie(&self) -> String {
        format!("__Host-polku_session={}", self.token)
    }
}

/// A response read to the end.
#[derive(Debug)]
pub struct Res {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Res {
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

pub struct TestApp {
    pub db: Arc<TestDb>,
    pub app: Router,
    pub world: World,
}

impl TestApp {
    pub async fn new(db: Arc<TestDb>) -> TestApp {
        let config = polku_web::WebConfig::for_origin(ORIGIN);
        let state = polku_web::state(db.service.clone(), config).expect("catalogues");
        let app = polku_web::app(state);
        let world = World::new(&db.service).await;
        TestApp { db, app, world }
    }

    pub fn service(&self) -> &polku_service::Service {
        &self.db.service
    }

    /// A new active user holding `role` in this test's project, signed in.
    pub async fn user(&self, role: Role) -> User {
        let svc = self.service();
        let email = format!(
            "{}-{}@example.fi",
            role.as_str(),
            &uuid::Uuid::new_v4().simple().to_string()[..8]
        );
        let project = (role != Role::Admin).then_some(self.world.project.code.as_str());
        let created = svc
            .add_user(
                &system(),
                Email::parse(&email).expect("email"),
                "Testi Käyttäjä",
                role,
                project,
            )
            .await
            .expect("user");
        let now = OffsetDateTime::now_utc();
        svc.activate_account(&created.activation_token, PASSWORD, now)
            .await
            .expect("activate");
        let token = svc.sign_in(&email, PASSWORD, now).await.expect("sign in");
        User {
            actor: Actor::user(created.user.id, created.user.roles),
            email,
            token: token.token,
        }
    }

    pub async fn send(&self, req: Request<Body>) -> Res {
        let res = self.app.clone().oneshot(req).await.expect("infallible");
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = res.into_body().collect().await.expect("body").to_bytes();
        Res {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    /// A browser GET, signed in as `user` when given.
    pub async fn get(&self, path: &str, user: Option<&User>) -> Res {
        let mut req = Request::builder().method(Method::GET).uri(path);
        if let Some(u) = user {
            req = req.header(header::COOKIE, u.cookie());
        }
        self.send(req.body(Body::empty()).expect("request")).await
    }

    /// A browser form POST from our own origin.
    pub async fn post_form(&self, path: &str, user: Option<&User>, fields: &[(&str, &str)]) -> Res {
        let body = fields
            .iter()
            .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
            .collect::<Vec<_>>()
            .join("&");
        let mut req = Request::builder()
            .method(Method::POST)
            .uri(path)
            .header(header::ORIGIN, ORIGIN)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        if let Some(u) = user {
            req = req.header(header::COOKIE, u.cookie());
        }
        self.send(req.body(Body::from(body)).expect("request"))
            .await
    }

    /// Follows a save's 303 as a browser does: the page shows the confirmation `text` once, as
    /// the one success status message (`role="status"`), and loading the page again without the
    /// redirect's `saved=` parameter shows none. Returns the confirmed page.
    pub async fn confirms(&self, res: &Res, user: &User, text: &str) -> Res {
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let to = res.header("location").to_owned();
        assert!(to.contains("saved="), "no confirmation asked for: {to}");
        let page = self.get(&to, Some(user)).await;
        assert_eq!(page.status, StatusCode::OK, "{to}");
        assert_eq!(
            select_texts(&page.body, "[role=status].notice-success"),
            vec![text.to_owned()],
            "{to}"
        );
        let (path, query) = to.split_once('?').expect("a query");
        let rest: Vec<&str> = query
            .split('&')
            .filter(|p| !p.starts_with("saved="))
            .collect();
        let again = if rest.is_empty() {
            path.to_owned()
        } else {
            format!("{path}?{}", rest.join("&"))
        };
        let next = self.get(&again, Some(user)).await;
        assert_eq!(next.status, StatusCode::OK, "{again}");
        assert!(
            !has(&next.body, "[role=status].notice-success"),
            "the confirmation shows again on {again}"
        );
        page
    }

    /// An API call with a bearer token and an optional JSON body and extra headers.
    pub async fn api(
        &self,
        method: Method,
        path: &str,
        user: Option<&User>,
        body: Option<serde_json::Value>,
        extra: &[(&str, &str)],
    ) -> Res {
        let mut req = Request::builder().method(method).uri(path);
        if let Some(u) = user {
            req = req.header(header::AUTHORIZATION, format!("Bearer {}", u.token));
        }
        for (k, v) in extra {
            req = req.header(*k, *v);
        }
        let body = match body {
            Some(v) => {
                req = req.header(header::CONTENT_TYPE, "application/json");
                Body::from(v.to_string())
            }
            None => Body::empty(),
        };
        self.send(req.body(body).expect("request")).await
    }
}

/// Form-urlencodes one value.
pub fn enc(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The page parsed as a browser would, for assertions on its structure with CSS selectors.
pub fn html(body: &str) -> scraper::Html {
    scraper::Html::parse_document(body)
}

fn selector(css: &str) -> scraper::Selector {
    scraper::Selector::parse(css).unwrap_or_else(|e| panic!("selector {css:?}: {e}"))
}

/// Whether some element matches `css`.
pub fn has(body: &str, css: &str) -> bool {
    html(body).select(&selector(css)).next().is_some()
}

/// How many elements match `css`.
pub fn count(body: &str, css: &str) -> usize {
    html(body).select(&selector(css)).count()
}

/// The value of `attr` on the first element matching `css`.
pub fn select_attr(body: &str, css: &str, attr: &str) -> Option<String> {
    select_attrs(body, css, attr).into_iter().next()
}

/// The values of `attr` on every element matching `css` that has it, in document order.
pub fn select_attrs(body: &str, css: &str, attr: &str) -> Vec<String> {
    html(body)
        .select(&selector(css))
        .filter_map(|e| e.value().attr(attr).map(str::to_owned))
        .collect()
}

/// The text of every element matching `css`, whitespace collapsed, in document order.
pub fn select_texts(body: &str, css: &str) -> Vec<String> {
    html(body)
        .select(&selector(css))
        .map(|e| e.text().collect::<Vec<_>>().join(" "))
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// The text of the first element matching `css`, whitespace collapsed.
pub fn select_text(body: &str, css: &str) -> Option<String> {
    select_texts(body, css).into_iter().next()
}

/// The value of the form field `name` (an `input`'s `value`) on the page.
pub fn field_value(body: &str, name: &str) -> Option<String> {
    select_attr(body, &format!("[name=\"{name}\"]"), "value")
}

/// Whether an `input` or an `option` on the page carries exactly `value`.
pub fn has_value(body: &str, value: &str) -> bool {
    has(
        body,
        &format!("input[value=\"{value}\"], option[value=\"{value}\"]"),
    )
}

/// Whether an element matching `css` has exactly the text `text` (whitespace collapsed).
pub fn has_text(body: &str, css: &str, text: &str) -> bool {
    select_texts(body, css).iter().any(|t| t == text)
}

/// The cells (`th` and `td`) of each table row, as text.
pub fn rows(body: &str) -> Vec<Vec<String>> {
    let cell = selector("th, td");
    html(body)
        .select(&selector("tr"))
        .map(|tr| {
            tr.select(&cell)
                .map(|c| c.text().collect::<Vec<_>>().join(" ").trim().to_owned())
                .collect()
        })
        .collect()
}

/// Whether some table row has `cells` next to each other.
pub fn has_cells(body: &str, cells: &[&str]) -> bool {
    rows(body).iter().any(|r| {
        r.windows(cells.len())
            .any(|w| w.iter().zip(cells).all(|(a, b)| a == b))
    })
}

/// The value of the field `name` inside the first form matching `form_css`.
pub fn form_field(body: &str, form_css: &str, name: &str) -> Option<String> {
    let doc = html(body);
    let form = doc.select(&selector(form_css)).next()?;
    let field = form
        .select(&selector(&format!("[name=\"{name}\"]")))
        .next()?;
    field.value().attr("value").map(str::to_owned)
}

/// The value of a cookie the response sets, if it sets a non-empty one.
pub fn cookie_value(res: &Res, name: &str) -> Option<String> {
    res.headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, v)| *k == name && !v.is_empty())
        .map(|(_, v)| v.to_owned())
}

/// A form post with a cookie, from `origin`.
pub async fn post_form(app: &TestApp, path: &str, cookie: &str, origin: &str, body: &str) -> Res {
    let req = Request::builder()
        .method(Method::POST)
        .uri(path)
        .header(header::ORIGIN, origin)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::COOKIE, cookie)
        .body(Body::from(body.to_owned()))
        .expect("request");
    app.send(req).await
}

/// A GET with a cookie.
pub async fn get_with_cookie(app: &TestApp, path: &str, cookie: &str) -> Res {
    let req = Request::builder()
        .uri(path)
        .header(header::COOKIE, cookie)
        .body(Body::empty())
        .expect("request");
    app.send(req).await
}

/// RFC 4648 base32 without padding (the TOTP secret as the set-up page shows it).
pub fn base32_decode(s: &str) -> Vec<u8> {
    const ALPHABET: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let (mut buf, mut bits, mut out) = (0u64, 0u32, Vec::new());
    for c in s.chars().filter(|c| !c.is_whitespace()) {
        buf = (buf << 5) | ALPHABET.find(c).expect("base32 letter") as u64;
        bits += 5;
        if bits >= 8 {
            out.push((buf >> (bits - 8)) as u8);
            bits -= 8;
        }
    }
    out
}

/// A coach and a participant on their caseload.
pub async fn coach_with_participant(app: &TestApp) -> (User, ParticipantId) {
    let coach = app.user(Role::Coach).await;
    let id = app
        .service()
        .create_participant(
            &coach.actor,
            app.world.new_participant(),
            "service_delivery",
        )
        .await
        .expect("participant");
    (coach, id)
}

/// The `version` hidden field of a form page (the version the form was read at).
pub fn version_in(body: &str) -> String {
    field_value(body, "version").expect("version field")
}

/// A coach with a participant who has consented to disclosing contact details and skills to
/// employers; an employer with two tasks, its coordinator, and an employer user linked to it.
pub struct PlacementWorld {
    pub coach: User,
    pub coordinator: User,
    pub employer_user: User,
    pub participant: ParticipantId,
    pub employer: polku_domain::EmployerId,
    pub tasks: Vec<polku_domain::TaskId>,
}

pub async fn placement_world(app: &TestApp) -> PlacementWorld {
    use polku_domain::{ConsentMethod, ConsentPurpose, DataCategory, RecipientClass};
    let (coach, participant) = coach_with_participant(app).await;
    let coordinator = app.user(Role::Coordinator).await;
    let employer_user = app.user(Role::Employer).await;
    let svc = app.service();
    let e = app.world.employer();
    svc.create_employer(&coordinator.actor, e.clone())
        .await
        .expect("employer");
    let mut tasks = Vec::new();
    for title in ["Toimistosiivous", "Ikkunanpesu"] {
        let t = app.world.task(e.id, title);
        svc.add_task(&coordinator.actor, t.clone())
            .await
            .expect("task");
        tasks.push(t.id);
    }
    svc.link_employer_user(
        &coordinator.actor,
        employer_user.actor.user_id().expect("user"),
        e.id,
    )
    .await
    .expect("link");
    svc.give_consent(
        &coach.actor,
        participant,
        polku_service::consents::NewConsent {
            recipient: RecipientClass::Employer,
            purpose: ConsentPurpose::Placement,
            categories: vec![DataCategory::Contact, DataCategory::Skills],
            method: ConsentMethod::Written,
            shown: Default::default(),
        },
        "service_delivery",
    )
    .await
    .expect("consent");
    PlacementWorld {
        coach,
        coordinator,
        employer_user,
        participant,
        employer: e.id,
        tasks,
    }
}
