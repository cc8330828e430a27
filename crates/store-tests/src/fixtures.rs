//! Builders for test worlds: `World::new(&service).await.with_coach()` and friends.

use polku_domain::*;
use polku_service::participants::NewParticipant;
use polku_service::{Actor, Service};
use std::collections::BTreeMap;
use time::macros::date;

/// The canary mark (R32): every canary value of the test data contains it (the fixtures' family
/// name and functional notes, the notes tests write, the browser suite's and the drills' names),
/// and `scripts/canary-scan.py` fails when it reaches any captured test output or server log.
/// Tests compare with it; they do not print it.
pub const CANARY_MARK: &str = "Xqzcanary";

/// The canary that must never appear in clear in the database (R29) nor in a log (R32): the
/// fixtures' functional notes (health data).
pub const CANARY: &str = "Xqzcanary-functional-note-7f3a";

/// The fixtures' family name: a common name with the canary mark (R32).
pub const FAMILY_NAME: &str = "Virtanen-Xqzcanary";

pub fn system() -> Actor {
    Actor::system("test")
}

/// An organisation, a project and the people in it.
#[derive(Debug, Clone)]
pub struct World {
    pub project: Project,
}

impl World {
    pub async fn new(svc: &Service) -> World {
        let sys = system();
        let org = Organisation {
            id: OrganisationId::new(),
            name: "Testiosuuskunta".into(),
            business_id: None,
        };
        let org = svc
            .create_organisation(&sys, org)
            .await
            .expect("organisation");
        // The test world's data use every optional field (R42), so its organisation has
        // them all on; a fresh organisation has them off (story `optional_fields`).
        svc.set_optional_fields(&sys, org.id, polku_domain::FieldSettings::all())
            .await
            .expect("optional fields");
        let project = Project::new(
            ProjectId::new(),
            org.id,
            &format!("T-{}", &uuid::Uuid::new_v4().simple().to_string()[..8]),
            "Testihanke",
            vec!["Päijät-Häme".into()],
            vec!["partial_work_ability".into()],
            date!(2025 - 01 - 01),
            date!(2027 - 12 - 31),
        )
        .expect("project");
        let project = svc.create_project(&sys, project).await.expect("project");
        World { project }
    }

    /// A new world with one coach and one participant on that coach's caseload.
    pub async fn enrolled(svc: &Service) -> (World, Actor, ParticipantId) {
        let world = World::new(svc).await;
        let coach = world.user(svc, Role::Coach).await;
        let id = svc
            .create_participant(&coach, world.new_participant(), "service_delivery")
            .await
            .expect("participant");
        (world, coach, id)
    }

    /// A user holding `role` in this project, stored, as an actor. Named "Testi <role> <tag>",
    /// with the same tag as the e-mail address, so every user's name is different.
    pub async fn user(&self, svc: &Service, role: Role) -> Actor {
        let tag = uuid::Uuid::new_v4().simple().to_string()[..8].to_owned();
        let email = Email::parse(&format!("{}-{tag}@example.fi", role.as_str())).expect("email");
        let created = svc
            .add_user(
                &system(),
                email,
                &format!("Testi {} {tag}", role.as_str()),
                role,
                Some(&self.project.code),
            )
            .await
            .expect("user");
        Actor::user(created.user.id, created.user.roles)
    }

    pub fn new_participant(&self) -> NewParticipant {
        NewParticipant {
            id: ParticipantId::new(),
            project_id: self.project.id,
            coach_id: None,
            personal: ParticipantPersonal {
                hetu: Some(random_hetu()),
                ..personal()
            },
            sensitive: sensitive(),
            stage: PathStage::Enrolled,
            waiting_since: date!(2026 - 03 - 01),
        }
    }

    pub fn employer(&self) -> Employer {
        Employer {
            id: EmployerId::new(),
            project_id: self.project.id,
            coordinator_id: None,
            business_id: BusinessId::parse("1572860-0").expect("valid"),
            name: "Lahden Siivouspalvelu Oy".into(),
            industry_tol: "81210".into(),
            size: EmployerSize::Small,
            municipalities: vec![MunicipalityCode::parse("398").expect("Lahti")],
            cooperation: CooperationDepth::Engaged,
            mentor_available: true,
            legal_form: Some(polku_domain::LegalForm::Company),
            version: 1,
        }
    }

    pub fn task(&self, employer: EmployerId, title: &str) -> Task {
        let mut demands = DemandProfile::default();
        demands
            .demands
            .insert(Dimension::Lifting, Level::new(2).expect("level"));
        Task {
            id: TaskId::new(),
            employer_id: employer,
            title: title.into(),
            description: "Toimistotilojen siivous".into(),
            skills_essential: vec![EscoUri::parse(
                "http://data.europa.eu/esco/skill/00090cc1-1f27-439e-a4e0-19a87a501bfc",
            )
            .expect("uri")],
            skills_optional: vec![],
            languages: BTreeMap::from([(LanguageCode::parse("fi").expect("fi"), CefrLevel::A2)]),
            demands,
            hours_per_week: 10,
            days_per_week: 3,
            schedule: Schedule::Daytime,
            municipality: MunicipalityCode::parse("398").expect("Lahti"),
            learnable_on_job: true,
            value: 4,
            occupation: None,
            version: 1,
        }
    }
}

/// A valid permanent identity code with a random date and individual number.
pub fn random_hetu() -> Hetu {
    let r = uuid::Uuid::new_v4().as_u128();
    let (day, month, yy) = (
        1 + (r % 28) as u32,
        1 + ((r >> 8) % 12) as u32,
        ((r >> 16) % 100) as u32,
    );
    let individual = 2 + ((r >> 24) % 898) as u32;
    let nine = day * 10_000_000 + month * 100_000 + yy * 1000 + individual;
    let code = format!(
        "{day:02}{month:02}{yy:02}-{individual:03}{}",
        hetu::check_char(nine)
    );
    Hetu::parse(&code).expect("generated code is valid")
}

pub fn personal() -> ParticipantPersonal {
    ParticipantPersonal {
        given_name: "Aino".into(),
        family_name: FAMILY_NAME.into(),
        email: Some(Email::parse("aino@example.fi").expect("email")),
        phone: Some("+358 40 123 4567".into()),
        hetu: Some(Hetu::parse("131052-308T").expect("valid")),
        languages: BTreeMap::from([(LanguageCode::parse("fi").expect("fi"), CefrLevel::B1)]),
        skills: vec![SkillClaim {
            skill: EscoUri::parse(
                "http://data.europa.eu/esco/skill/00090cc1-1f27-439e-a4e0-19a87a501bfc",
            )
            .expect("uri"),
            evidence: Evidence::CoachObserved,
        }],
        goals: vec![],
        mobility: Mobility {
            home: MunicipalityCode::parse("398").expect("Lahti"),
            acceptable: vec![],
            driving_licence: false,
        },
        availability: Availability::new(
            HoursRange::new(10, 25).expect("hours"),
            4,
            false,
            false,
            false,
        )
        .expect("availability"),
        esf: EsfEntry {
            disability: Some(true),
            foreign_background: Some(true),
            long_term_unemployed: true,
            ..EsfEntry::default()
        },
    }
}

pub fn sensitive() -> ParticipantSensitive {
    let mut functioning = FunctioningProfile::default();
    functioning.set(
        Dimension::Lifting,
        Assessment::Assessed(Level::new(1).expect("level")),
    );
    ParticipantSensitive {
        functioning,
        accommodations: vec!["lifting_trolley".into()],
        functional_notes: CANARY.into(),
    }
}
