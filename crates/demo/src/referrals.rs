//! Referrals in the demo (issue 14 items 2 and 3), so the school's, the coach's and the
//! participant's pages have something to show. In each project:
//!
//! - the project's school (its institution user) refers three final-year students with their
//!   written consent: one still waiting, with a PDF summary of the student's plan attached; one
//!   a coach has accepted (the student became a participant); one a coach declined with a reason;
//! - a coach has recorded an incoming referral from Ohjaamo of a young person who is not yet a
//!   participant, waiting for an answer;
//! - on two participants' paths: a referral in from the employment services (accepted) and a
//!   referral out to rehabilitation (started).
//!
//! Written through the use cases as the school and the coach would. Referral ids are made by the
//! service, so each one done is remembered in the operator's settings
//! (`demo_referral:<project>:<slot>`), which are read without an audit entry: a second run
//! writes nothing.

use super::{DemoPlan, PlannedParticipant};
use polku_domain::{
    ConsentMethod, DataCategory, ParticipantId, Project, ReferralDestination, ReferralDirection,
    ReferralSource, ReferralStatus, Role, RoleGrant, UserId,
};
use polku_service::referral_intake::NewIntakeReferral;
use polku_service::referrals::{ConsentGiven, Handover, NewParticipantReferral, NewSchoolReferral};
use polku_service::{Actor, Result, Service, ServiceError};
use std::collections::BTreeMap;
use time::{Date, Duration};

fn actor(user: UserId, role: Role, project: &Project) -> Actor {
    Actor::user(
        user,
        vec![RoleGrant {
            role,
            project: Some(project.id),
        }],
    )
}

fn first_user(plan: &DemoPlan, project: &Project, role: Role) -> Option<UserId> {
    plan.users
        .iter()
        .find(|u| {
            u.roles
                .iter()
                .any(|g| g.role == role && g.project == Some(project.id))
        })
        .map(|u| u.id)
}

/// One handed-over student or young person (fixed, realistic; no real person).
struct Person {
    given: &'static str,
    family: &'static str,
    birth_year: u16,
    goals: &'static str,
    strengths: &'static str,
    support: &'static str,
    reason: &'static str,
}

const STUDENTS: [Person; 3] = [
    Person {
        given: "Ella",
        family: "Kivimäki",
        birth_year: 2006,
        goals: "Työ varastossa tai kaupan hyllytyksessä valmistumisen jälkeen.",
        strengths: "Täsmällinen, oppii käytännössä, hyvä fyysinen kunto.",
        support: "Selkeät kirjalliset ohjeet ja yksi nimetty ohjaaja työpaikalla auttavat.",
        reason: "Valmistuu logistiikan perustutkinnosta keväällä; tarvitsee tukea ensimmäiseen työpaikkaan.",
    },
    Person {
        given: "Joona",
        family: "Laaksonen",
        birth_year: 2005,
        goals: "Kiinteistöhuollon työ omalla paikkakunnalla.",
        strengths: "Huolellinen, pitää rutiineista, hyvä koneiden kanssa.",
        support: "Uusiin tilanteisiin totuttelu vie aikaa; ennakkoon kerrottu päivän rakenne auttaa.",
        reason: "Valmistuu puhtaus- ja kiinteistöpalvelualalta; haluaa työkokeilun kautta töihin.",
    },
    Person {
        given: "Aada",
        family: "Salo",
        birth_year: 2006,
        goals: "Ravintola-alan työ, aluksi osa-aikaisesti.",
        strengths: "Asiakaspalvelu, ystävällisyys, ruoanvalmistus.",
        support: "Lyhyemmät työpäivät alussa.",
        reason: "Valmistuu ravintola- ja catering-alalta; toivoo osa-aikatyötä.",
    },
];

const YOUNG_PERSON: Person = Person {
    given: "Niko",
    family: "Heinonen",
    birth_year: 2003,
    goals: "Löytää oma ala; kiinnostaa logistiikka ja kauppa.",
    strengths: "Sosiaalinen, ajokortti.",
    support: "",
    reason: "Ohjaamon ohjaaja ehdottaa työhönvalmennusta ja työkokeilua alan löytämiseksi.",
};

fn handover(p: &Person, project: &Project) -> Result<Handover> {
    let home = project.municipalities.first().cloned().ok_or_else(|| {
        ServiceError::Config(format!("project {} has no municipality", project.code))
    })?;
    Ok(Handover {
        given_name: p.given.to_owned(),
        family_name: p.family.to_owned(),
        email: None,
        phone: None,
        home_municipality: home,
        birth_year: Some(p.birth_year),
        goals: p.goals.to_owned(),
        strengths: p.strengths.to_owned(),
        support_needs: p.support.to_owned(),
    })
}

fn consent(categories: &[DataCategory], method: ConsentMethod) -> ConsentGiven {
    ConsentGiven {
        categories: categories.to_vec(),
        method,
        shown: BTreeMap::new(),
    }
}

/// A school's summary of the student's plan as a PDF (tagged, text extractable).
fn plan_summary(p: &Person, school: &str) -> Result<Vec<u8>> {
    polku_documents::Document::new("fi", format!("Tiivistelmä: {} {}", p.given, p.family))
        .author(school)
        .h1("Henkilökohtaisen osaamisen kehittämissuunnitelman tiivistelmä")
        .paragraph(format!("Opiskelija: {} {}", p.given, p.family))
        .paragraph(format!("Tavoitteet: {}", p.goals))
        .paragraph(format!("Vahvuudet: {}", p.strengths))
        .render()
        .map_err(|e| ServiceError::Storage(format!("demo document: {e}")))
}

/// Runs `make` for `slot` of `project` unless a run did it already (remembered in the settings).
async fn once<F, Fut>(
    svc: &Service,
    operator: &Actor,
    project: &Project,
    slot: &str,
    make: F,
) -> Result<()>
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = Result<String>>,
{
    let key = format!("demo_referral:{}:{slot}", project.code);
    if svc.meta(operator, &key).await?.is_some() {
        return Ok(());
    }
    let done = make().await?;
    svc.meta_or_set(operator, &key, &done).await?;
    Ok(())
}

pub async fn seed_referrals(
    svc: &Service,
    operator: &Actor,
    plan: &DemoPlan,
    today: Date,
) -> Result<()> {
    for project in &plan.projects {
        let (Some(school_user), Some(coach_user)) = (
            first_user(plan, project, Role::Institution),
            first_user(plan, project, Role::Coach),
        ) else {
            continue;
        };
        let school = actor(school_user, Role::Institution, project);
        let coach = actor(coach_user, Role::Coach, project);
        let school_name = format!(
            "Ammattiopisto {}",
            project
                .name
                .split_whitespace()
                .last()
                .unwrap_or("Esimerkki")
        );
        let all = [
            DataCategory::Contact,
            DataCategory::Goals,
            DataCategory::Functioning,
            DataCategory::Documents,
        ];
        for (slot, person) in STUDENTS.iter().enumerate() {
            let school = &school;
            let coach = &coach;
            let school_name = &school_name;
            once(
                svc,
                operator,
                project,
                &format!("school{slot}"),
                || async move {
                    let view = svc
                        .refer_student(
                            school,
                            NewSchoolReferral {
                                project: project.id,
                                organisation: school_name.clone(),
                                reason: person.reason.to_owned(),
                                handover: handover(person, project)?,
                                consent: Some(consent(&all, ConsentMethod::Written)),
                            },
                        )
                        .await?;
                    match slot {
                        0 => {
                            svc.attach_referral_document(
                                school,
                                view.id,
                                "HOKS-tiivistelmä",
                                &plan_summary(person, school_name)?,
                            )
                            .await?;
                        }
                        1 => {
                            // The new participant's id follows from the project's, so the
                            // same seed gives the same data.
                            let id = ParticipantId(uuid::Uuid::from_u128(
                                u128::from_be_bytes(*project.id.0.as_bytes()) ^ 0x5EF1,
                            ));
                            svc.accept_referral_as(coach, view.id, view.version, id)
                                .await?;
                        }
                        _ => {
                            svc.decline_referral(
                            coach,
                            view.id,
                            view.version,
                            "Hankkeen ravintola-alan työkokeilupaikat ovat tänä keväänä täynnä; \
                             ohjattu kaupungin työllisyyspalveluihin.",
                        )
                        .await?;
                        }
                    }
                    Ok(view.id.to_string())
                },
            )
            .await?;
        }
        {
            let coach = &coach;
            once(svc, operator, project, "ohjaamo", || async move {
                let view = svc
                    .record_intake_referral(
                        coach,
                        NewIntakeReferral {
                            project: project.id,
                            source: ReferralSource::Ohjaamo,
                            organisation: format!(
                                "Ohjaamo {}",
                                project.name.split_whitespace().last().unwrap_or("")
                            )
                            .trim()
                            .to_owned(),
                            referred_on: today - Duration::days(3),
                            reason: YOUNG_PERSON.reason.to_owned(),
                            handover: handover(&YOUNG_PERSON, project)?,
                            consent: Some(consent(
                                &[DataCategory::Contact, DataCategory::Goals],
                                ConsentMethod::InMeeting,
                            )),
                        },
                    )
                    .await?;
                Ok(view.id.to_string())
            })
            .await?;
        }
        let people: Vec<&PlannedParticipant> = plan
            .participants
            .iter()
            .filter(|p| p.project_id == project.id)
            .skip(4)
            .take(2)
            .collect();
        for (n, p) in people.into_iter().enumerate() {
            let own = actor(p.coach_id, Role::Coach, project);
            let own = &own;
            once(svc, operator, project, &format!("path{n}"), || async move {
                let new = if n == 0 {
                    NewParticipantReferral {
                        direction: ReferralDirection::Incoming,
                        source: Some(ReferralSource::EmploymentServices),
                        destination: None,
                        organisation: "Työllisyyspalvelut".into(),
                        referred_on: today - Duration::days(60),
                        reason: "Pitkään työttömänä; työhönvalmennus ja työkokeilu sovittu työllistymissuunnitelmaan.".into(),
                        status: Some(ReferralStatus::Accepted),
                        outcome: "Aloitti työhönvalmennuksen.".into(),
                        outcome_on: Some(today - Duration::days(55)),
                    }
                } else {
                    NewParticipantReferral {
                        direction: ReferralDirection::Outgoing,
                        source: None,
                        destination: Some(ReferralDestination::Rehabilitation),
                        organisation: "Kelan ammatillinen kuntoutus".into(),
                        referred_on: today - Duration::days(30),
                        reason: "Työkyvyn arvio ja ammatillinen kuntoutusselvitys.".into(),
                        status: Some(ReferralStatus::Started),
                        outcome: "Kuntoutusselvitys alkoi.".into(),
                        outcome_on: Some(today - Duration::days(10)),
                    }
                };
                let view = svc.record_referral(own, p.id, new).await?;
                Ok(view.id.to_string())
            })
            .await?;
        }
    }
    Ok(())
}
