//! The CV as Europass XML, schema v3.4 (`SkillsPassport`, document type `ECV`), issue 14 item 1.
//!
//! The schema is Cedefop's *Europass XML Schema Definition* v3.4.0 (© European Union
//! 2002–2019, EUPL 1.1), published with the Europass web application's sources
//! (`europass/ewa-cedefop`, `services/core/src/main/resources/schema/v3.4.0/`) and documented on
//! the Interoperable Europe portal ("Europass XML Schema"); docs/europass.md cites both. Only
//! what Polku holds is written, in the schema's element order: name and contact details, work
//! experience (the completed placements), education (the level of the highest completed
//! education), skills (ESCO labels) and foreign languages with their CEFR level. The output is
//! validated against the vendored XSD by `scripts/europass-xsd.sh`. Every element written is optional in the schema except `DocumentInfo`'s
//! `DocumentType`, `CreationDate`, `LastUpdateDate`, `XSDVersion` and `Generator`.

use time::format_description::well_known::Rfc3339;
use time::{Date, OffsetDateTime};

/// The schema's namespace.
pub const NAMESPACE: &str = "http://europass.cedefop.europa.eu/Europass";
/// Where Cedefop published the schema this output follows.
pub const SCHEMA_LOCATION: &str = "http://europass.cedefop.europa.eu/xml/v3.4.0/EuropassSchema.xsd";

/// One work experience: a period, what the person did and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Experience {
    pub from: Date,
    /// `None`: still going on.
    pub to: Option<Date>,
    /// The position or kind of work, as a label.
    pub position: String,
    /// Tasks, as one line of text.
    pub activities: String,
    pub employer: String,
}

/// One education: what the person studied or completed, and at what level. Polku records the
/// level of the highest completed education (ISCED 2011, 0–8) for the ESF+ indicators, so the
/// usual entry has a title naming that level and the level's label; the period and the
/// organisation are written when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Education {
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// The qualification or education, as a label (e.g. "Highest completed education: ISCED 3").
    pub title: String,
    /// The organisation that provided it.
    pub organisation: Option<String>,
    /// The level as a label (`EducationalLevelType/Label`, e.g. "ISCED 2011 level 3"). The
    /// schema's `Code` is an EQF level, which an ISCED level does not map onto one to one: it
    /// is not written.
    pub level: Option<String>,
}

/// A foreign language: ISO 639-1 code, its name and one CEFR level (A1–C2) for all five skills.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForeignLanguage {
    pub code: String,
    pub label: String,
    pub level: String,
}

/// What the Europass CV is made of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cv {
    /// The locale of the labels (`fi`, `sv`, `en`).
    pub locale: String,
    pub first_name: String,
    pub surname: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub experience: Vec<Experience>,
    pub education: Vec<Education>,
    /// Job-related skills (ESCO labels).
    pub skills: Vec<String>,
    pub languages: Vec<ForeignLanguage>,
    pub created: OffsetDateTime,
}

/// XML text with `&`, `<`, `>`, `"` and `'` escaped, and the characters XML 1.0 does not allow
/// dropped.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A Europass date: `year="2026" month="--03" day="---01"` (XML Schema gYear, gMonth, gDay).
fn date_attrs(d: Date) -> String {
    format!(
        "year=\"{:04}\" month=\"--{:02}\" day=\"---{:02}\"",
        d.year(),
        u8::from(d.month()),
        d.day()
    )
}

/// A CEFR level the schema accepts (`CEFLanguageLevelType`: A1–C2).
fn cefr(level: &str) -> Option<&'static str> {
    ["A1", "A2", "B1", "B2", "C1", "C2"]
        .into_iter()
        .find(|l| l.eq_ignore_ascii_case(level.trim()))
}

impl Cv {
    /// The document as UTF-8 XML.
    pub fn to_xml(&self) -> String {
        let at = self
            .created
            .to_offset(time::UtcOffset::UTC)
            .replace_nanosecond(0)
            .unwrap_or(self.created)
            .format(&Rfc3339)
            .unwrap_or_else(|_| "1970-01-01T00:00:00Z".to_owned());
        let mut x = String::new();
        x.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.push_str(&format!(
            "<SkillsPassport xmlns=\"{NAMESPACE}\" \
             xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
             xsi:schemaLocation=\"{NAMESPACE} {SCHEMA_LOCATION}\" locale=\"{}\">\n",
            esc(&self.locale)
        ));
        x.push_str("  <DocumentInfo>\n    <DocumentType>ECV</DocumentType>\n");
        x.push_str(&format!(
            "    <CreationDate>{at}</CreationDate>\n    <LastUpdateDate>{at}</LastUpdateDate>\n"
        ));
        x.push_str("    <XSDVersion>V3.4</XSDVersion>\n    <Generator>Polku</Generator>\n");
        x.push_str("    <EuropassLogo>false</EuropassLogo>\n  </DocumentInfo>\n");
        x.push_str("  <LearnerInfo>\n    <Identification>\n      <PersonName>\n");
        x.push_str(&format!(
            "        <FirstName>{}</FirstName>\n        <Surname>{}</Surname>\n",
            esc(&self.first_name),
            esc(&self.surname)
        ));
        x.push_str("      </PersonName>\n");
        if self.email.is_some() || self.phone.is_some() {
            x.push_str("      <ContactInfo>\n");
            if let Some(e) = &self.email {
                x.push_str(&format!(
                    "        <Email>\n          <Contact>{}</Contact>\n        </Email>\n",
                    esc(e)
                ));
            }
            if let Some(p) = &self.phone {
                x.push_str(&format!(
                    "        <TelephoneList>\n          <Telephone>\n            \
                     <Contact>{}</Contact>\n          </Telephone>\n        </TelephoneList>\n",
                    esc(p)
                ));
            }
            x.push_str("      </ContactInfo>\n");
        }
        x.push_str("    </Identification>\n");
        if !self.experience.is_empty() {
            x.push_str("    <WorkExperienceList>\n");
            for e in &self.experience {
                x.push_str("      <WorkExperience>\n        <Period>\n");
                x.push_str(&format!("          <From {}/>\n", date_attrs(e.from)));
                match e.to {
                    Some(to) => x.push_str(&format!("          <To {}/>\n", date_attrs(to))),
                    None => x.push_str("          <Current>true</Current>\n"),
                }
                x.push_str("        </Period>\n");
                x.push_str(&format!(
                    "        <Position>\n          <Label>{}</Label>\n        </Position>\n",
                    esc(&e.position)
                ));
                if !e.activities.is_empty() {
                    x.push_str(&format!(
                        "        <Activities>{}</Activities>\n",
                        esc(&e.activities)
                    ));
                }
                x.push_str(&format!(
                    "        <Employer>\n          <Name>{}</Name>\n        </Employer>\n",
                    esc(&e.employer)
                ));
                x.push_str("      </WorkExperience>\n");
            }
            x.push_str("    </WorkExperienceList>\n");
        }
        if !self.education.is_empty() {
            x.push_str("    <EducationList>\n");
            for e in &self.education {
                x.push_str("      <Education>\n");
                if e.from.is_some() || e.to.is_some() {
                    x.push_str("        <Period>\n");
                    if let Some(from) = e.from {
                        x.push_str(&format!("          <From {}/>\n", date_attrs(from)));
                    }
                    if let Some(to) = e.to {
                        x.push_str(&format!("          <To {}/>\n", date_attrs(to)));
                    }
                    x.push_str("        </Period>\n");
                }
                x.push_str(&format!("        <Title>{}</Title>\n", esc(&e.title)));
                if let Some(o) = &e.organisation {
                    x.push_str(&format!(
                        "        <Organisation>\n          <Name>{}</Name>\n        </Organisation>\n",
                        esc(o)
                    ));
                }
                if let Some(l) = &e.level {
                    x.push_str(&format!(
                        "        <Level>\n          <Label>{}</Label>\n        </Level>\n",
                        esc(l)
                    ));
                }
                x.push_str("      </Education>\n");
            }
            x.push_str("    </EducationList>\n");
        }
        let languages: Vec<(&ForeignLanguage, &str)> = self
            .languages
            .iter()
            .filter_map(|l| cefr(&l.level).map(|c| (l, c)))
            .collect();
        if !languages.is_empty() || !self.skills.is_empty() {
            x.push_str("    <Skills>\n");
            if !languages.is_empty() {
                x.push_str("      <Linguistic>\n        <ForeignLanguageList>\n");
                for (l, level) in languages {
                    x.push_str("          <ForeignLanguage>\n            <Description>\n");
                    x.push_str(&format!(
                        "              <Code>{}</Code>\n              <Label>{}</Label>\n",
                        esc(&l.code),
                        esc(&l.label)
                    ));
                    x.push_str("            </Description>\n            <ProficiencyLevel>\n");
                    for skill in [
                        "Listening",
                        "Reading",
                        "SpokenInteraction",
                        "SpokenProduction",
                        "Writing",
                    ] {
                        x.push_str(&format!("              <{skill}>{level}</{skill}>\n"));
                    }
                    x.push_str("            </ProficiencyLevel>\n          </ForeignLanguage>\n");
                }
                x.push_str("        </ForeignLanguageList>\n      </Linguistic>\n");
            }
            if !self.skills.is_empty() {
                x.push_str(&format!(
                    "      <JobRelated>\n        <Description>{}</Description>\n      </JobRelated>\n",
                    esc(&self.skills.join(", "))
                ));
            }
            x.push_str("    </Skills>\n");
        }
        x.push_str("  </LearnerInfo>\n</SkillsPassport>\n");
        x
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    fn cv() -> Cv {
        Cv {
            locale: "fi".into(),
            first_name: "Aino".into(),
            surname: "Mäki & <Koski>".into(),
            email: Some("aino@example.fi".into()),
            phone: None,
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
                    position: "Työ".into(),
                    activities: String::new(),
                    employer: "Kahvila".into(),
                },
            ],
            education: vec![Education {
                from: None,
                to: Some(date!(2024 - 05 - 31)),
                title: "Korkein suoritettu koulutus: ISCED 3".into(),
                organisation: Some("Koulutuskeskus Salpaus".into()),
                level: Some("ISCED 2011 3".into()),
            }],
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
                    level: "not a level".into(),
                },
            ],
            created: datetime!(2026-12-06 17:00:00.5 UTC),
        }
    }

    /// The position of each tag in `xml`, which must appear in this order (the schema's
    /// sequences: SkillsPassport, DocumentInfo, LearnerInfo, Identification, ContactInfo,
    /// WorkExperience after ExperienceType's Period, Skills, ForeignLanguage, ProficiencyLevel).
    fn in_order(xml: &str, tags: &[&str]) {
        let mut at = 0;
        for t in tags {
            let i = xml[at..]
                .find(t)
                .unwrap_or_else(|| panic!("{t} missing or out of order in\n{xml}"));
            at += i + t.len();
        }
    }

    #[test]
    fn the_cv_follows_the_v3_4_element_order() {
        let xml = cv().to_xml();
        in_order(
            &xml,
            &[
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<SkillsPassport xmlns=\"http://europass.cedefop.europa.eu/Europass\"",
                "<DocumentInfo>",
                "<DocumentType>ECV</DocumentType>",
                "<CreationDate>2026-12-06T17:00:00Z</CreationDate>",
                "<LastUpdateDate>",
                "<XSDVersion>V3.4</XSDVersion>",
                "<Generator>Polku</Generator>",
                "<EuropassLogo>false</EuropassLogo>",
                "</DocumentInfo>",
                "<LearnerInfo>",
                "<Identification>",
                "<PersonName>",
                "<FirstName>Aino</FirstName>",
                "<Surname>Mäki &amp; &lt;Koski&gt;</Surname>",
                "<ContactInfo>",
                "<Email>",
                "<Contact>aino@example.fi</Contact>",
                "</Identification>",
                "<WorkExperienceList>",
                "<WorkExperience>",
                "<Period>",
                "<From year=\"2026\" month=\"--03\" day=\"---01\"/>",
                "<To year=\"2026\" month=\"--05\" day=\"---31\"/>",
                "</Period>",
                "<Position>",
                "<Label>Työkokeilu</Label>",
                "<Activities>Siivous, pyykkihuolto</Activities>",
                "<Employer>",
                "<Name>Lahden Puhdas Oy</Name>",
                "<WorkExperience>",
                "<Current>true</Current>",
                "</WorkExperienceList>",
                "<EducationList>",
                "<Education>",
                "<Period>",
                "<To year=\"2024\" month=\"--05\" day=\"---31\"/>",
                "</Period>",
                "<Title>Korkein suoritettu koulutus: ISCED 3</Title>",
                "<Organisation>",
                "<Name>Koulutuskeskus Salpaus</Name>",
                "<Level>",
                "<Label>ISCED 2011 3</Label>",
                "</Level>",
                "</EducationList>",
                "<Skills>",
                "<Linguistic>",
                "<ForeignLanguageList>",
                "<Code>en</Code>",
                "<Label>englanti</Label>",
                "<ProficiencyLevel>",
                "<Listening>B1</Listening>",
                "<Reading>B1</Reading>",
                "<SpokenInteraction>B1</SpokenInteraction>",
                "<SpokenProduction>B1</SpokenProduction>",
                "<Writing>B1</Writing>",
                "</Linguistic>",
                "<JobRelated>",
                "<Description>siivota tiloja, käsitellä pyykkiä</Description>",
                "</Skills>",
                "</LearnerInfo>",
                "</SkillsPassport>",
            ],
        );
        assert!(!xml.contains("<TelephoneList>"), "no phone, no list");
        assert!(!xml.contains("ruotsi"), "a level outside A1–C2 is left out");
        assert!(!xml.contains("<Activities></Activities>"));
        // Every opened element is closed.
        for tag in [
            "SkillsPassport",
            "LearnerInfo",
            "WorkExperience",
            "Skills",
            "Period",
            "EducationList",
            "Education",
            "Level",
        ] {
            assert_eq!(
                xml.matches(&format!("<{tag}>")).count() + xml.matches(&format!("<{tag} ")).count(),
                xml.matches(&format!("</{tag}>")).count(),
                "{tag}"
            );
        }
    }

    #[test]
    fn empty_sections_are_left_out_and_control_characters_dropped() {
        let mut c = cv();
        c.experience.clear();
        c.skills.clear();
        c.languages.clear();
        c.education.clear();
        c.email = None;
        c.first_name = "A\u{1}ino".into();
        let xml = c.to_xml();
        assert!(!xml.contains("<WorkExperienceList>"));
        assert!(!xml.contains("<Skills>"));
        assert!(!xml.contains("<EducationList>"));
        assert!(!xml.contains("<ContactInfo>"));
        assert!(xml.contains("<FirstName>Aino</FirstName>"));
    }
}
