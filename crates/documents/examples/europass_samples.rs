//! Writes Europass CVs as `Cv::to_xml` makes them into a directory, for
//! `scripts/europass-xsd.sh` to validate against the vendored v3.4.0 schema: one with every
//! section Polku writes (contact details, work experience current and ended, education with a
//! period, organisation and level, foreign languages, job-related skills, text to escape), one
//! with only the name, and one per locale.
//!
//! Usage: `cargo run -p polku-documents --example europass_samples -- DIR`

use polku_documents::europass::{Cv, Education, Experience, ForeignLanguage};
use time::macros::{date, datetime};

fn full(locale: &str) -> Cv {
    Cv {
        locale: locale.into(),
        first_name: "Aino".into(),
        surname: "Mäki & <Koski> \"O'Neil\"".into(),
        email: Some("aino.maki@example.fi".into()),
        phone: Some("+358 40 123 4567".into()),
        experience: vec![
            Experience {
                from: date!(2026 - 03 - 01),
                to: Some(date!(2026 - 05 - 31)),
                position: "Työkokeilu".into(),
                activities: "Siivous, pyykkihuolto".into(),
                employer: "Lahden Puhdas Oy".into(),
            },
            Experience {
                from: date!(2026 - 09 - 01),
                to: None,
                position: "Palkkatuettu työ".into(),
                activities: String::new(),
                employer: "Kahvila Kulma".into(),
            },
        ],
        education: vec![
            Education {
                from: None,
                to: None,
                title: "Lukio tai ammatillinen perustutkinto".into(),
                organisation: None,
                level: Some("ISCED 2011: 3".into()),
            },
            Education {
                from: Some(date!(2021 - 08 - 01)),
                to: Some(date!(2024 - 05 - 31)),
                title: "Puhtaus- ja kiinteistöpalvelualan perustutkinto".into(),
                organisation: Some("Koulutuskeskus Salpaus".into()),
                level: Some("ISCED 2011: 3".into()),
            },
        ],
        skills: vec!["siivota tiloja".into(), "käsitellä pyykkiä".into()],
        languages: vec![
            ForeignLanguage {
                code: "en".into(),
                label: "englanti".into(),
                level: "B1".into(),
            },
            ForeignLanguage {
                code: "sv".into(),
                label: "ruotsi".into(),
                level: "A2".into(),
            },
        ],
        created: datetime!(2026-12-06 17:00:00.5 UTC),
    }
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .expect("usage: europass_samples DIR");
    let dir = std::path::Path::new(&dir);
    let mut docs = vec![("full-fi".to_owned(), full("fi"))];
    for l in ["sv", "en"] {
        docs.push((format!("full-{l}"), full(l)));
    }
    let mut bare = full("fi");
    bare.email = None;
    bare.phone = None;
    bare.experience.clear();
    bare.education.clear();
    bare.skills.clear();
    bare.languages.clear();
    docs.push(("name-only".into(), bare));
    for (name, cv) in docs {
        let path = dir.join(format!("{name}.xml"));
        std::fs::write(&path, cv.to_xml()).expect("write the sample");
        println!("{}", path.display());
    }
}
