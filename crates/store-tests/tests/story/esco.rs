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
    // The port itself folds the patterns it is given.
    let direct = db
        .store
        .search_esco("skill", &["%ÖLJYNV%".into(), "%".into(), "%".into()], 10)
        .await
        .unwrap();
    assert_eq!(direct.len(), 1);
    assert_eq!(direct[0].uri, skill("oil-change"));
}
