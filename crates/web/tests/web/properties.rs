//! R56 proptests of the web layer:
//!
//! - R50, version/ETag logic: a write is let through only when `If-Match` names the record's
//!   current version as a strong tag; a stale, weak, malformed or missing tag never is;
//! - R21, HTML escaping: arbitrary text stored in a participant's names and rendered through the
//!   askama templates (the caseload list and the participant's form page) comes back as the same
//!   text and the same attribute value, and adds no element and no attribute to the page: no
//!   `<`, `"`, `'` or `&` of stored data reaches the markup unescaped.

use crate::harness::{coach_with_participant, html, TestApp};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use polku_web::api::v1::io::{etag, if_match, require_version};
use polku_web::error::WebError;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;

fn headers(values: &[String]) -> HeaderMap {
    let mut h = HeaderMap::new();
    for v in values {
        if let Ok(v) = HeaderValue::from_str(v) {
            h.append(header::IF_MATCH, v);
        }
    }
    h
}

/// One `If-Match` list item: the strong tag of a version, its weak form, a bare number, or junk.
fn tag() -> impl Strategy<Value = (Option<i64>, String)> {
    prop_oneof![
        (0..50i64).prop_map(|v| (Some(v), etag(v).to_str().unwrap_or_default().to_owned())),
        (0..50i64).prop_map(|v| (None, format!("W/\"{v}\""))),
        (0..50i64).prop_map(|v| (None, v.to_string())),
        "[ -~]{0,12}".prop_map(|s| (None, s)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// R50: `require_version` lets a write through exactly when a strong tag names the current
    /// version (junk may not smuggle one in); with no tag or `*` it is 428, else 412.
    #[test]
    fn only_the_current_strong_tag_lets_a_write_through(
        items in prop::collection::vec(tag(), 0..5),
        current in 0..50i64,
    ) {
        let line = items.iter().map(|(_, s)| s.as_str()).collect::<Vec<_>>().join(", ");
        let h = headers(std::slice::from_ref(&line));
        let named: Vec<i64> = items.iter().filter_map(|(v, _)| *v).collect();
        let result = require_version(&h, current);
        match if_match(&h) {
            Err(WebError::PreconditionRequired) => {
                prop_assert!(matches!(result, Err(WebError::PreconditionRequired)));
                prop_assert!(!named.contains(&current) || line.contains('*'), "{line}");
            }
            Ok(accepted) => {
                // Every accepted version was written as a strong tag (junk may spell one too).
                for v in &accepted {
                    prop_assert!(line.contains(&format!("\"{v}\"")), "{line}: {v}");
                }
                for v in &named {
                    prop_assert!(accepted.contains(v), "{line}: {v}");
                }
                if accepted.contains(&current) {
                    prop_assert!(result.is_ok(), "{line}");
                } else {
                    prop_assert!(matches!(result, Err(WebError::PreconditionFailed)), "{line}");
                }
            }
            Err(other) => prop_assert!(false, "unexpected {other:?}"),
        }
    }

    /// R50: a stale version (any other than the current one) never passes, even listed with
    /// its own weak form.
    #[test]
    fn a_stale_version_never_passes(stale in 0..1_000_000i64, current in 0..1_000_000i64) {
        prop_assume!(stale != current);
        let h = headers(&[format!("{}, W/\"{current}\"", etag(stale).to_str().unwrap_or_default())]);
        prop_assert!(matches!(require_version(&h, current), Err(WebError::PreconditionFailed)));
        let h = headers(&[etag(current).to_str().unwrap_or_default().to_owned()]);
        prop_assert!(require_version(&h, current).is_ok());
    }
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

/// Text that breaks out of markup when not escaped: tags, quotes, ampersands, entities,
/// event handlers, any Unicode letters, with no space at either end (names are trimmed).
fn hostile() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-ZäöåÄÖ<>\"'&=/;:(){}\\[\\]!#%*+.,?`|\\\\-][a-zA-ZäöåÄÖ<>\"'& =/;:(){}!#%*+.,?`|-]{0,30}[<>\"'&a-z>]",
        Just("<script>alert(1)</script>".to_owned()),
        Just("\"><img src=x onerror=alert(1)>".to_owned()),
        Just("' onmouseover='alert(1)".to_owned()),
        Just("&lt;b&gt;&amp;&quot;".to_owned()),
        Just("</textarea><svg onload=alert(1)>".to_owned()),
        "\\PC{1,20}".prop_map(|s| format!("x{}x", s.trim())),
    ]
}

/// R21: whatever a participant's names hold, the caseload list and the participant's page show
/// them as the same text and the same form values, with the page's shape unchanged.
#[test]
fn stored_text_is_escaped_in_text_and_attributes() {
    crate::harness::sqlite(|app: TestApp| async move {
        let (coach, baseline) = coach_with_participant(&app).await;
        let base_list = app.get("/participants", Some(&coach)).await;
        let base_page = app
            .get(&format!("/participants/{baseline}"), Some(&coach))
            .await;
        assert_eq!(base_page.status, StatusCode::OK);
        // Generated before the first await: the runner is not `Send`.
        let cases: Vec<(String, String)> = {
            let mut runner = TestRunner::new(ProptestConfig::with_cases(48));
            let strategy = (hostile(), hostile());
            (0..48)
                .map(|_| strategy.new_tree(&mut runner).expect("value").current())
                .collect()
        };
        let mut checked = 0;
        for (given, family) in cases {
            let mut new = app.world.new_participant();
            new.personal.given_name = given.clone();
            new.personal.family_name = family.clone();
            new.personal.hetu = None;
            // Each case adds one participant to the coach's caseload (the list has no paging).
            let Ok(id) = app
                .service()
                .create_participant(&coach.actor, new, "service_delivery")
                .await
            else {
                continue; // refused by validation (too long, control characters): nothing shown
            };
            checked += 1;
            let page = app.get(&format!("/participants/{id}"), Some(&coach)).await;
            assert_eq!(page.status, StatusCode::OK, "{given:?} {family:?}");
            let value = |name: &str| {
                crate::harness::select_attr(&page.body, &format!("input[name={name}]"), "value")
            };
            assert_eq!(
                value("given_name").as_deref(),
                Some(given.as_str()),
                "{given:?}"
            );
            assert_eq!(
                value("family_name").as_deref(),
                Some(family.as_str()),
                "{family:?}"
            );
            assert_eq!(
                shape(&page.body),
                shape(&base_page.body),
                "the page's markup changed for {given:?} {family:?}"
            );
            let list = app.get("/participants", Some(&coach)).await;
            assert_eq!(list.status, StatusCode::OK);
            let text: String = {
                let doc = html(&list.body);
                let t: String = doc.root_element().text().collect();
                t
            };
            assert!(
                text.contains(&given) && text.contains(&family),
                "{given:?} {family:?} not shown as text"
            );
            let mut expected = shape(&base_list.body);
            let mut got = shape(&list.body);
            // The list grows by the same row shape each time: compare the set of shapes.
            expected.sort();
            expected.dedup();
            got.sort();
            got.dedup();
            assert_eq!(
                got, expected,
                "the list's markup changed for {given:?} {family:?}"
            );
        }
        assert!(checked >= 24, "only {checked} cases were stored");
    });
}
