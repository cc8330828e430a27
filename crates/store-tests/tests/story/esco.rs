//! ESCO reference data: idempotent import, and search that folds å, ä and ö.

use super::*;

pub(crate) async fn esco_upsert_is_idempotent(db: Arc<TestDb>) {
    let svc = &db.service;
    let c = |uri: &str, en: &str| EscoConcept {
        uri: uri.into(),
        kind: "skill".into(),
        label_fi: None,
        label_sv: None,
        label_en: Some(en.into()),
        alt_labels: String::new(),
        ..EscoConcept::default()
    };
    let batch = vec![
        c("http://data.europa.eu/esco/skill/a", "clean"),
        c("http://data.europa.eu/esco/skill/b", "cook"),
    ];
    let first = svc.import_esco(&system(), &batch, |_| {}).await.unwrap();
    assert_eq!((first.inserted, first.updated, first.unchanged), (2, 0, 0));
    let again = svc.import_esco(&system(), &batch, |_| {}).await.unwrap();
    assert_eq!((again.inserted, again.updated, again.unchanged), (0, 0, 2));
    let fi = vec![EscoConcept {
        label_fi: Some("siivota".into()),
        label_en: None,
        ..c("http://data.europa.eu/esco/skill/a", "")
    }];
    let merged = svc.import_esco(&system(), &fi, |_| {}).await.unwrap();
    assert_eq!(merged.updated, 1);
    let got = db
        .store
        .get_esco("http://data.europa.eu/esco/skill/a")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (got.label_fi.as_deref(), got.label_en.as_deref()),
        (Some("siivota"), Some("clean"))
    );
    assert_eq!(db.store.count_esco("skill").await.unwrap(), 2);
}

/// SQLite's `LIKE` folds ASCII letters only: without the store's Unicode `search_text`,
/// "äidinkieli" would miss "Äidinkieli" there while PostgreSQL's `ILIKE` found it.
pub(crate) async fn esco_search_folds_finnish_and_swedish_letters(db: Arc<TestDb>) {
    let svc = &db.service;
    let skill = |n: &str| format!("http://data.europa.eu/esco/skill/{n}");
    let c = |n: &str, fi: Option<&str>, sv: Option<&str>| EscoConcept {
        uri: skill(n),
        kind: "skill".into(),
        label_fi: fi.map(Into::into),
        label_sv: sv.map(Into::into),
        label_en: None,
        alt_labels: String::new(),
        ..EscoConcept::default()
    };
    let batch = vec![
        c("mother-tongue", Some("Äidinkieli ja kirjallisuus"), None),
        c("aland", None, Some("Kännedom om ÅLAND")),
        c("recycling", Some("öljyn kierrätys"), None),
    ];
    svc.import_esco(&system(), &batch, |_| {}).await.unwrap();
    // A concept stored before migration 0009 has no search text until `migrate` fills it.
    db.raw(
        "INSERT INTO esco_concepts (uri, kind, label_fi, label_sv, label_en, alt_labels) \
         VALUES ('http://data.europa.eu/esco/skill/oil-change', 'skill', 'Öljynvaihto', NULL, NULL, '')",
    )
    .await
    .unwrap();
    db.store.migrate().await.unwrap();

    let found = |query: &'static str, lang: &'static str| async move {
        let mut uris: Vec<String> = svc
            .search_skills(&system(), query, lang, 10)
            .await
            .unwrap()
            .into_iter()
            .map(|h| h.uri.to_string())
            .collect();
        uris.sort();
        uris
    };
    assert_eq!(
        found("äidinkieli", "fi").await,
        vec![skill("mother-tongue")]
    );
    assert_eq!(
        found("ÄIDINKIELI", "fi").await,
        vec![skill("mother-tongue")]
    );
    assert_eq!(found("åland", "sv").await, vec![skill("aland")]);
    assert_eq!(found("ÅLAND", "sv").await, vec![skill("aland")]);
    let oil = vec![skill("oil-change"), skill("recycling")];
    assert_eq!(found("öljy", "fi").await, oil);
    assert_eq!(found("Öljy", "fi").await, oil);
    // The port itself folds the prefixes it is given.
    let terms = vec![polku_service::analyzer::QueryTerm {
        word: "öljynv".into(),
        alternatives: vec![vec!["ÖLJYNV".into()]],
    }];
    let direct = db.store.search_esco("skill", &terms, 10).await.unwrap();
    assert_eq!(direct.len(), 1);
    assert_eq!(direct[0].uri, skill("oil-change"));
}

/// The shipped reference data: loaded once per version in one go, named results for the six
/// queries of the usability review, essential skills of an occupation, and an official import
/// replacing a working label and clearing its mark.
pub(crate) async fn esco_reference_data_loads_and_searches(db: Arc<TestDb>) {
    use polku_service::reference::{ReferenceLoad, ESCO_REFERENCE_VERSION};
    let svc = &db.service;
    let started = std::time::Instant::now();
    let first = svc.load_reference_data().await.unwrap();
    eprintln!(
        "{}: reference data loaded in {:.2} s",
        db.store.backend(),
        started.elapsed().as_secs_f64()
    );
    assert!(
        matches!(first, ReferenceLoad::Loaded { from: None, .. }),
        "{first:?}"
    );
    assert_eq!(db.store.count_esco("skill").await.unwrap(), 13_913);
    assert_eq!(db.store.count_esco("occupation").await.unwrap(), 3_039);
    let again = svc.load_reference_data().await.unwrap();
    assert_eq!(
        again,
        ReferenceLoad::Current {
            version: ESCO_REFERENCE_VERSION
        }
    );

    let search = |kind: EscoKind, query: &'static str, lang: &'static str| async move {
        svc.search_esco_concepts(&system(), kind, query, lang, 10)
            .await
            .unwrap()
    };
    for (query, lang) in [
        ("siivous", "fi"),
        ("siivoo", "fi"),
        ("varasto", "fi"),
        ("asiakaspalvelu", "fi"),
        ("städ", "sv"),
        ("lager", "sv"),
    ] {
        for kind in [EscoKind::Skill, EscoKind::Occupation] {
            let hits = search(kind, query, lang).await;
            assert!(!hits.is_empty(), "{query} ({lang}, {kind:?}) found nothing");
            for h in &hits {
                assert!(!h.label.starts_with("http"), "{query}: unnamed {}", h.uri);
            }
        }
    }
    // The user's language first, and the Finnish working label is marked.
    let cleaners = search(EscoKind::Occupation, "siivooja", "fi").await;
    assert_eq!(cleaners[0].label, "siivooja", "{cleaners:?}");
    assert!(cleaners[0].working);
    let st = search(EscoKind::Occupation, "städare", "sv").await;
    assert!(st[0].label.contains("städare"), "{st:?}");
    // "asiakaspalvelu" also finds a label where the compound is split.
    let service = search(EscoKind::Skill, "asiakaspalvelu", "fi").await;
    assert!(
        service
            .iter()
            .any(|h| !h.label.contains("asiakaspalvelu") && h.label.contains("asiak")),
        "{service:?}"
    );

    // Essential skills of the building cleaner, named.
    let cleaner = polku_domain::EscoUri::parse(
        "http://data.europa.eu/esco/occupation/303a1e34-cb16-4054-b323-81e5eec17397",
    )
    .unwrap();
    let skills = svc.essential_skills(&system(), &cleaner).await.unwrap();
    assert!(skills.len() >= 5, "{skills:?}");
    let named = svc.esco_labels(&skills, "en").await.unwrap();
    assert!(named.iter().all(|h| !h.label.starts_with("http")));

    // An official Finnish pack replaces the working label and clears the mark; loading a newer
    // version keeps the official label.
    let official = vec![EscoConcept {
        uri: cleaners[0].uri.to_string(),
        kind: "occupation".into(),
        label_fi: Some("siivoustyöntekijä".into()),
        ..EscoConcept::default()
    }];
    svc.import_esco(&system(), &official, |_| {}).await.unwrap();
    let after = svc
        .esco_labels(&[cleaners[0].uri.clone()], "fi")
        .await
        .unwrap();
    assert_eq!(
        (after[0].label.as_str(), after[0].working),
        ("siivoustyöntekijä", false)
    );
    let data = polku_service::reference::shipped().unwrap();
    let newer = svc
        .load_reference_version(ESCO_REFERENCE_VERSION + 1, &data)
        .await
        .unwrap();
    assert!(matches!(newer, ReferenceLoad::Loaded { .. }));
    let kept = svc
        .esco_labels(&[cleaners[0].uri.clone()], "fi")
        .await
        .unwrap();
    assert_eq!(
        (kept[0].label.as_str(), kept[0].working),
        ("siivoustyöntekijä", false)
    );
    // An older shipped version changes nothing.
    let older = svc.load_reference_version(1, &data).await.unwrap();
    assert!(matches!(older, ReferenceLoad::Current { .. }));
}
