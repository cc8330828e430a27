//! The importer's parser on the ePerusteet samples shipped in `data/qualifications/samples/`
//! (three trimmed real responses and one synthetic file; see that folder's README).

use super::eperusteet::parse;
use polku_domain::{RequirementId, UnitCode};

const YTO: &str = include_str!(
    "../../../../data/qualifications/samples/sample-real-yhteiset-tutkinnonosat-OPH-456-2022.json"
);
const PUUTARHA: &str = include_str!(
    "../../../../data/qualifications/samples/sample-real-puutarha-alan-perustutkinto-OPH-901-2020.json"
);
const SOTE: &str = include_str!(
    "../../../../data/qualifications/samples/sample-real-sote-perustutkinto-79-011-2014.json"
);
const SYNTHETIC: &str =
    include_str!("../../../../data/qualifications/samples/sample-synthetic-peruste.json");

fn code(s: &str) -> UnitCode {
    UnitCode::parse(s).expect("unit code")
}

#[test]
fn the_current_format_reads_areas_codes_and_three_languages() {
    let p = parse(YTO).expect("OPH-456-2022");
    assert_eq!((p.id, p.diaarinumero.as_str()), (8_505_691, "OPH-456-2022"));
    let counts: Vec<(String, usize)> = p
        .units
        .iter()
        .map(|(u, r)| (u.code.to_string(), r.len()))
        .collect();
    assert_eq!(
        counts,
        vec![
            ("tutkinnonosat_106733".into(), 15),
            ("tutkinnonosat_106731".into(), 15),
            ("tutkinnonosat_106730".into(), 24),
        ]
    );
    let (unit, reqs) = &p.units[0];
    assert_eq!(unit.name.en.as_deref(), Some("Working in an enterprise"));
    assert_eq!(unit.osp, Some(15.0));
    assert_eq!(
        unit.valid_from,
        Some(time::macros::date!(2022 - 08 - 01)),
        "midnight Finnish time"
    );
    assert_eq!(unit.source_version, Some(1_692_355_379_729));
    let first = &reqs[0];
    assert_eq!(first.key, "ammattitaitovaatimukset_9513");
    assert_eq!(
        first.text.fi,
        "hankkii yrityksen liiketoiminnan eri osa-alueiden suunnittelussa tarvittavaa tietoa"
    );
    assert_eq!(
        first.area.as_ref().map(|a| a.fi.as_str()),
        Some("Yrityksen liiketoiminnan suunnittelu")
    );
    assert!(first.text.sv.is_some() && first.text.en.is_some());
    assert_eq!(
        first.id,
        RequirementId::derive(&unit.code, "OPH-456-2022", "ammattitaitovaatimukset_9513")
    );
    assert_eq!(
        reqs.iter().map(|r| r.position).collect::<Vec<_>>(),
        (1..=15).collect::<Vec<u32>>()
    );
}

#[test]
fn osp_comes_from_the_references_when_the_unit_has_none() {
    let p = parse(PUUTARHA).expect("OPH-901-2020");
    let got: Vec<(UnitCode, Option<f64>, usize)> = p
        .units
        .iter()
        .map(|(u, r)| (u.code.clone(), u.osp, r.len()))
        .collect();
    assert_eq!(
        got,
        vec![
            (code("tutkinnonosat_103908"), Some(25.0), 23),
            (code("tutkinnonosat_103910"), Some(30.0), 28),
        ]
    );
    assert_eq!(
        p.units[0].0.qualification_code.as_deref(),
        Some("koulutus_361201")
    );
}

#[test]
fn the_legacy_format_splits_the_html_list_in_both_languages() {
    let p = parse(SOTE).expect("79/011/2014");
    let got: Vec<(UnitCode, Option<f64>, usize)> = p
        .units
        .iter()
        .map(|(u, r)| (u.code.clone(), u.osp, r.len()))
        .collect();
    assert_eq!(
        got,
        vec![
            (code("tutkinnonosat_100833"), Some(30.0), 17),
            (code("tutkinnonosat_100846"), Some(50.0), 15),
            (code("tutkinnonosat_101052"), Some(15.0), 9),
        ]
    );
    let first = &p.units[0].1[0];
    assert_eq!(first.key, "html-1");
    assert_eq!(
        first.text.fi,
        "asettaa tavoitteita omalle toiminnalleen hoito- ja huolenpitotyössä"
    );
    assert!(
        first.text.sv.is_some(),
        "the Swedish list has as many items"
    );
    assert!(!first.text.fi.contains('<'));
    assert_eq!(
        p.units[0].0.qualification_code.as_deref(),
        Some("koulutus_371101")
    );
}

#[test]
fn the_synthetic_file_exercises_every_variant() {
    let p = parse(SYNTHETIC).expect("synthetic");
    assert_eq!(p.diaarinumero, "ESIMERKKI-0000-2000");
    let (u1, r1) = &p.units[0];
    assert_eq!(u1.code, code("tutkinnonosat_999901"));
    assert!(r1
        .iter()
        .all(|r| r.key.starts_with("ammattitaitovaatimukset_999")));
    assert!(r1.iter().all(|r| r.area.is_some()));
    let (u2, r2) = &p.units[1];
    assert_eq!(
        (u2.code.as_str(), u2.osp),
        ("tutkinnonosat_999902", Some(30.0))
    );
    let keys: Vec<&str> = r2.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(keys, vec!["ammattitaitovaatimukset_99905", "k0-2"]);
    assert_eq!(r2[1].text.fi, "ESIMERKKI: vaatimus ilman koodia");
    assert!(r2[1].text.sv.is_none(), "Finnish only");
    let (u3, r3) = &p.units[2];
    assert_eq!(u3.code, code("tutkinnonosat_999903"));
    let texts: Vec<(&str, Option<&str>)> = r3
        .iter()
        .map(|r| (r.text.fi.as_str(), r.text.sv.as_deref()))
        .collect();
    assert_eq!(
        texts,
        vec![
            (
                "ESIMERKKI: ensimmäinen vapaatekstinen vaatimus",
                Some("EXEMPEL: första fritextkravet")
            ),
            (
                "ESIMERKKI: toinen vapaatekstinen vaatimus",
                Some("EXEMPEL: andra fritextkravet")
            ),
        ]
    );
}

#[test]
fn malformed_requirement_items_name_their_path() {
    let mut v: serde_json::Value = serde_json::from_str(SYNTHETIC).expect("json");
    v["tutkinnonOsat"][0]["ammattitaitovaatimukset2019"]["kohdealueet"][1]["vaatimukset"][0]
        ["vaatimus"] = serde_json::json!(42);
    let e = super::eperusteet::parse_value(&v).expect_err("number as text");
    assert_eq!(
        e.path,
        "$.tutkinnonOsat[0].ammattitaitovaatimukset2019.kohdealueet[1].vaatimukset[0].vaatimus"
    );
    let mut v: serde_json::Value = serde_json::from_str(SYNTHETIC).expect("json");
    v["tutkinnonOsat"][2]["koodi"]["uri"] = serde_json::json!("tutkinnonosat_999901");
    let e = super::eperusteet::parse_value(&v).expect_err("duplicate unit");
    assert_eq!(e.path, "$.tutkinnonOsat[2].koodi.uri");
}
