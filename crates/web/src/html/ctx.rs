//! What every page template receives: the language, the CSP nonce, the signed-in user and the
//! navigation. Templates reach text only through `ctx.t(...)` and friends.

use super::notice::merged_from_query;
use super::Notice;
use crate::i18n::{Arg, I18n, Locale};
use crate::middleware::nonce::Nonce;
use crate::middleware::session::Session;
use crate::policy::has_any_role;
use crate::state::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use polku_domain::geo::Merger;
use polku_domain::Role;
use std::convert::Infallible;
use std::sync::Arc;

/// One entry of the main navigation.
#[derive(Debug, Clone)]
pub struct NavItem {
    pub href: &'static str,
    pub label_key: &'static str,
    pub current: bool,
}

/// Page context.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub locale: Locale,
    pub nonce: String,
    pub i18n: Arc<I18n>,
    pub session: Option<Session>,
    pub path: String,
    pub nav: Vec<NavItem>,
    /// The confirmation of a save just made, from the allow-listed `?saved=` (see [`Notice`]).
    pub notice: Option<Notice>,
    /// Former municipalities the save mapped to today's, told with the confirmation.
    pub merged: Vec<&'static Merger>,
}

const NAV: &[(&str, &str, &[Role])] = &[
    ("/participants", "nav-caseload", &[Role::Coach]),
    (
        "/employers",
        "nav-employers",
        &[Role::Coordinator, Role::Coach],
    ),
    (
        "/open-proposals",
        "nav-open-proposals",
        &[Role::Coordinator, Role::Coach],
    ),
    (
        "/gigs",
        "nav-gigs",
        &[Role::Coach, Role::Coordinator, Role::Employer],
    ),
    ("/reports", "nav-reports", &[Role::Manager]),
    (
        "/allocation",
        "nav-allocation",
        &[Role::Coordinator, Role::Manager],
    ),
    ("/admin", "nav-admin", &[Role::Admin]),
    ("/proposals", "nav-proposals", &[Role::Employer]),
    ("/mentoring", "nav-mentoring", &[Role::Mentor]),
    (
        "/shared",
        "nav-shared",
        &[Role::Employer, Role::Mentor, Role::Institution],
    ),
    (
        "/esco",
        "nav-reference",
        &[
            Role::Coach,
            Role::Coordinator,
            Role::Manager,
            Role::Admin,
            Role::Employer,
            Role::Mentor,
            Role::Institution,
        ],
    ),
    (
        "/referrals",
        "nav-referrals",
        &[Role::Coach, Role::Manager, Role::Institution],
    ),
    (
        "/qualifications",
        "nav-qualifications",
        &[
            Role::Coordinator,
            Role::Coach,
            Role::Mentor,
            Role::Institution,
        ],
    ),
];

impl Ctx {
    /// Text for a key. A field error that names the word it refused is stored as the key and
    /// the word joined by [`crate::pages::form::WORD_SEPARATOR`] and shown with `$word` filled in.
    pub fn t(&self, key: &str) -> String {
        match key.split_once(crate::pages::form::WORD_SEPARATOR) {
            Some((key, word)) => self.ts(key, "word", word),
            None => self.i18n.text(self.locale, key),
        }
    }

    /// Text with one numeric argument (plural selection).
    pub fn tn(&self, key: &str, name: &str, n: i64) -> String {
        self.i18n
            .text_with(self.locale, key, &[(name, Arg::Num(n as f64))])
    }

    /// Text with one string argument.
    pub fn ts(&self, key: &str, name: &str, value: &str) -> String {
        self.i18n
            .text_with(self.locale, key, &[(name, Arg::Str(value))])
    }

    /// Text with two string arguments.
    pub fn ts2(&self, key: &str, n1: &str, v1: &str, n2: &str, v2: &str) -> String {
        self.i18n
            .text_with(self.locale, key, &[(n1, Arg::Str(v1)), (n2, Arg::Str(v2))])
    }

    /// The text of the save confirmation to show, if any.
    pub fn notice_text(&self) -> Option<String> {
        self.notice.map(|n| self.t(&n.key()))
    }

    /// With a confirmation: one sentence per former municipality the save mapped to today's
    /// ("Nastola merged with another municipality in 2016. Today it is Lahti, which was saved.").
    pub fn merged_texts(&self) -> Vec<String> {
        if self.notice.is_none() {
            return Vec::new();
        }
        let swedish = self.locale == Locale::Sv;
        self.merged
            .iter()
            .map(|m| {
                let current = if swedish {
                    m.current.name_sv
                } else {
                    m.current.name_fi
                };
                self.i18n.text_with(
                    self.locale,
                    "notice-municipality-merged",
                    &[
                        ("former", Arg::Str(m.former_name(swedish))),
                        ("year", Arg::Str(&m.year.to_string())),
                        ("current", Arg::Str(current)),
                    ],
                )
            })
            .collect()
    }

    pub fn lang(&self) -> &'static str {
        self.locale.html_lang()
    }

    pub fn signed_in(&self) -> bool {
        self.session.is_some()
    }

    pub fn user_name(&self) -> &str {
        self.session
            .as_ref()
            .map_or("", |s| s.user.display_name.as_str())
    }

    /// The languages for the switch: (tag, own name, current?). Participants also get
    /// plain-language Finnish; staff the three staff languages.
    pub fn languages(&self) -> Vec<(&'static str, &'static str, bool)> {
        let participant = self.session.as_ref().is_some_and(|s| {
            s.user.roles.iter().all(|g| g.role == Role::Participant) && !s.user.roles.is_empty()
        });
        let list: &[Locale] = if participant {
            &Locale::ALL
        } else {
            &Locale::STAFF
        };
        list.iter()
            .map(|l| {
                let name = match l {
                    Locale::Fi => "Suomi",
                    Locale::Sv => "Svenska",
                    Locale::En => "English",
                    Locale::FiSelko => "Selkosuomi",
                };
                (l.tag(), name, *l == self.locale)
            })
            .collect()
    }
}

impl FromRequestParts<AppState> for Ctx {
    type Rejection = Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let locale = parts
            .extensions
            .get::<Locale>()
            .copied()
            .unwrap_or(Locale::Fi);
        let nonce = parts
            .extensions
            .get::<Nonce>()
            .map(|n| n.0.clone())
            .unwrap_or_default();
        let session = parts.extensions.get::<Session>().cloned();
        let path = parts.uri.path().to_owned();
        // Only a page loaded with GET confirms: a form answered again after a refused POST never
        // does, whatever URL it was posted to.
        let notice = (parts.method == axum::http::Method::GET)
            .then(|| Notice::from_query(parts.uri.query()))
            .flatten();
        let merged = if notice.is_some() {
            merged_from_query(parts.uri.query())
        } else {
            Vec::new()
        };
        let nav = match &session {
            None => Vec::new(),
            Some(s) => NAV
                .iter()
                .filter(|(_, _, roles)| has_any_role(s, roles))
                .map(|(href, key, _)| NavItem {
                    href,
                    label_key: key,
                    current: path == *href || path.starts_with(&format!("{href}/")),
                })
                .collect(),
        };
        Ok(Ctx {
            locale,
            nonce,
            i18n: state.i18n.clone(),
            session,
            path,
            nav,
            notice,
            merged,
        })
    }
}

/// The signed-in user, for handlers behind a non-public policy.
impl FromRequestParts<AppState> for Session {
    type Rejection = crate::error::WebError;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Session>()
            .cloned()
            .ok_or(crate::error::WebError::Unauthenticated)
    }
}
