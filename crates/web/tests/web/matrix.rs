//! The authorisation matrix (R13, R14): every route of the inventory × every role × own or
//! other's object. Routes are grouped into families by their path; a new route that fits no
//! family fails the test until it is added here. "Allowed" means the request reached the use
//! case (any answer but 401/403/404); "denied" means 403 or 404, and for another person's
//! participant exactly 404, the same as an id that does not exist. Nothing a denied request
//! touched may change.

use crate::employers::user_in;
use crate::harness::{on, TestApp, User, ORIGIN};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use polku_domain::{MunicipalityCode, Opening, OpeningId, OpeningKind, ParticipantId, Role};
use polku_store_tests::fixtures::{system, World};
use polku_store_tests::Backend;
use polku_web::policy::Policy;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    Allowed,
    /// 403 or 404.
    Denied,
    /// Exactly 404: possessing an id must not reveal that it exists (R14).
    NotFound,
    /// Not asserted (a create with an empty form may answer 404 for its missing project).
    Any,
}
use Expect::*;

struct World2 {
    users: BTreeMap<&'static str, User>,
    participant: ParticipantId,
    employer: String,
    task: String,
    opening: String,
    contact: String,
    plan_item: String,
    /// An uploaded document of the participant (version 1).
    document: String,
    consent: String,
    share: String,
    api_consent: String,
    api_share: String,
    placement: String,
    follow_up: String,
    /// An active work trial with the matrix's mentor as its workplace mentor.
    mentored: String,
    /// Open evidence from the mentor's feedback on it.
    evidence: String,
    gig: String,
    project: String,
    /// An account no matrix caller signs in with: the target of `/admin/users/{id}`, since a
    /// new activation link ends the account's sessions (D15).
    account: String,
    /// The matrix project's lead organisation and code, for `/admin/organisations/{id}` and
    /// `/admin/projects/{code}`.
    organisation: String,
    project_code: String,
    /// A school's pending referral of a student to the matrix project (by an institution user
    /// who is not a matrix caller).
    referral: String,
}

async fn world(app: &TestApp) -> World2 {
    let svc = app.service();
    let other_project = World::new(svc).await;
    let mut users = BTreeMap::new();
    let coach = app.user(Role::Coach).await;
    let participant = svc
        .create_participant(
            &coach.actor,
            app.world.new_participant(),
            "service_delivery",
        )
        .await
        .expect("participant");
    users.insert("own coach", coach);
    users.insert("other coach", app.user(Role::Coach).await);
    let spare = app.user(Role::Coach).await;
    users.insert("coordinator", app.user(Role::Coordinator).await);
    users.insert("manager", app.user(Role::Manager).await);
    users.insert("admin", app.user(Role::Admin).await);
    users.insert("employer", app.user(Role::Employer).await);
    users.insert("mentor", app.user(Role::Mentor).await);
    users.insert(
        "coach of another project",
        user_in(app, &other_project, Role::Coach).await,
    );
    users.insert(
        "coordinator of another project",
        user_in(app, &other_project, Role::Coordinator).await,
    );
    users.insert(
        "manager of another project",
        user_in(app, &other_project, Role::Manager).await,
    );
    let e = app.world.employer();
    svc.create_employer(&system(), e.clone())
        .await
        .expect("employer");
    let t = app.world.task(e.id, "Toimistosiivous");
    svc.add_task(&system(), t.clone()).await.expect("task");
    let o = Opening {
        id: OpeningId::new(),
        employer_id: e.id,
        kind: OpeningKind::WorkTrial,
        title: "Työkokeilu".into(),
        tasks: vec![t.id],
        municipality: MunicipalityCode::parse("398").expect("Lahti"),
        capacity: 1,
        monthly_wage_eur: None,
        starts_on: None,
        ends_on: None,
        version: 1,
    };
    svc.add_opening(&system(), o.clone())
        .await
        .expect("opening");
    let contact = polku_service::contacts::EmployerContact {
        id: uuid::Uuid::new_v4(),
        employer_id: e.id,
        name: "Kaisa Yhteyshenkilö".into(),
        title: "Tuotantopäällikkö".into(),
        email: None,
        phone: None,
    };
    svc.add_contact(&system(), contact.clone())
        .await
        .expect("contact");
    let plan_item = svc
        .add_plan_item(
            &users["own coach"].actor,
            participant,
            "Käydään työkokeilupaikassa",
            None,
            "service_delivery",
        )
        .await
        .expect("plan item");
    let document = svc
        .save_document(
            &users["own coach"].actor,
            participant,
            polku_service::documents::DocumentSave {
                document: None,
                kind: polku_domain::DocumentKind::Upload,
                title: "Todistus".into(),
                bytes: b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0".to_vec(),
                language: None,
                note: None,
            },
            "service_delivery",
        )
        .await
        .expect("document");
    let consent = svc
        .give_consent(
            &users["own coach"].actor,
            participant,
            polku_service::consents::NewConsent {
                recipient: polku_domain::RecipientClass::Employer,
                purpose: polku_domain::ConsentPurpose::Placement,
                categories: vec![polku_domain::DataCategory::Skills],
                method: polku_domain::ConsentMethod::Written,
                shown: Default::default(),
            },
            "service_delivery",
        )
        .await
        .expect("consent")[0];
    let share = polku_domain::Share {
        id: polku_domain::ShareId::new(),
        participant_id: participant,
        recipient: users["employer"].actor.user_id().expect("user"),
        categories: vec![polku_domain::DataCategory::Skills],
        until: polku_service::clock::today(),
        revoked_at: None,
        purpose: polku_domain::ConsentPurpose::Placement,
    };
    svc.share_participant(&users["own coach"].actor, share.clone(), "matching")
        .await
        .expect("share");
    // The API's withdraw and revoke routes get records of their own (the pages' ones are gone
    // by then).
    let api_consent = svc
        .give_consent(
            &users["own coach"].actor,
            participant,
            polku_service::consents::NewConsent {
                recipient: polku_domain::RecipientClass::Employer,
                purpose: polku_domain::ConsentPurpose::Placement,
                categories: vec![polku_domain::DataCategory::Languages],
                method: polku_domain::ConsentMethod::Written,
                shown: Default::default(),
            },
            "service_delivery",
        )
        .await
        .expect("consent")[0];
    let api_share = polku_domain::Share {
        id: polku_domain::ShareId::new(),
        ..share.clone()
    };
    svc.share_participant(&users["own coach"].actor, api_share.clone(), "matching")
        .await
        .expect("share");
    // A proposal to the employer, whose user is the matrix's employer.
    svc.link_employer_user(
        &system(),
        users["employer"].actor.user_id().expect("user"),
        e.id,
    )
    .await
    .expect("link");
    let placement = svc
        .propose_placement(
            &users["own coach"].actor,
            polku_service::placements::NewPlacement {
                participant,
                employer: e.id,
                opening: Some(o.id),
                kind: OpeningKind::WorkTrial,
                pay_subsidy: false,
                tasks: vec![t.id],
                starts_on: time::macros::date!(2027 - 03 - 01),
                ends_on: Some(time::macros::date!(2027 - 04 - 30)),
                hours_per_day: 6,
                days_per_week: 4,
                mentor: None,
                categories: None,
                gig: None,
            },
        )
        .await
        .expect("proposal");
    // A job of the participant that has started, so it has follow-ups.
    let job = svc
        .propose_placement(
            &users["own coach"].actor,
            polku_service::placements::NewPlacement {
                participant,
                employer: e.id,
                opening: None,
                kind: OpeningKind::Job,
                pay_subsidy: false,
                tasks: vec![t.id],
                starts_on: time::macros::date!(2026 - 01 - 15),
                ends_on: None,
                hours_per_day: 6,
                days_per_week: 5,
                mentor: None,
                categories: None,
                gig: None,
            },
        )
        .await
        .expect("job");
    let coach = &users["own coach"].actor;
    svc.answer_proposal(coach, job.id, polku_domain::EmployerAnswer::Yes, None, 1)
        .await
        .expect("agreed");
    svc.move_placement(
        coach,
        job.id,
        polku_domain::PlacementState::Active,
        None,
        time::macros::date!(2026 - 01 - 15),
        2,
    )
    .await
    .expect("active");
    let follow_up = svc
        .participant_follow_ups(coach, participant, polku_service::today())
        .await
        .expect("follow-ups")[0]
        .follow_up
        .id;
    // ESF+ entry data, so the record's own-coach reads reach the use case (before any entry
    // data the read answers 404 by design).
    svc.save_esf_entry(
        coach,
        participant,
        polku_domain::EsfEntryData {
            entered_on: time::macros::date!(2026 - 01 - 12),
            gender: polku_domain::Gender::NotKnown,
            status: polku_domain::EntryStatus::Unemployed,
            education: polku_domain::Education::NotKnown,
            third_country_national: polku_domain::Answer::NotKnown,
            foreign_background: polku_domain::Answer::NotKnown,
            homeless: polku_domain::Answer::NotKnown,
            special: polku_domain::EsfSpecial::default(),
        },
        0,
        polku_service::today(),
    )
    .await
    .expect("esf entry");
    // An active work trial at the same employer with the matrix's mentor, and feedback that
    // offers the coach evidence (a task skill the participant does not have).
    // At another employer: no work trial where the participant already works (the job above).
    let e2 = polku_domain::Employer {
        id: polku_domain::EmployerId::new(),
        business_id: polku_domain::BusinessId::parse("0737546-2").expect("business id"),
        name: "Varastopalvelu Oy".into(),
        ..e.clone()
    };
    svc.create_employer(&system(), e2.clone())
        .await
        .expect("employer");
    let mut t2 = app.world.task(e2.id, "Hyllytys");
    t2.skills_essential = vec![polku_domain::EscoUri::parse(
        "http://data.europa.eu/esco/skill/0a1b2c3d-0000-4000-8000-00000000000f",
    )
    .expect("uri")];
    svc.add_task(&system(), t2.clone()).await.expect("task");
    let today = polku_service::today();
    let mentored = svc
        .propose_placement(
            &users["own coach"].actor,
            polku_service::placements::NewPlacement {
                participant,
                employer: e2.id,
                opening: None,
                kind: OpeningKind::WorkTrial,
                pay_subsidy: false,
                tasks: vec![t2.id],
                starts_on: today - time::Duration::days(10),
                ends_on: Some(today + time::Duration::days(20)),
                hours_per_day: 6,
                days_per_week: 4,
                mentor: None,
                categories: None,
                gig: None,
            },
        )
        .await
        .expect("proposal");
    let coach = &users["own coach"].actor;
    svc.answer_proposal(
        coach,
        mentored.id,
        polku_domain::EmployerAnswer::Yes,
        None,
        1,
    )
    .await
    .expect("yes");
    // A trial starts under an agreement every party has accepted (on paper here).
    let agreement = svc
        .save_agreement(
            coach,
            mentored.id,
            polku_service::agreements::AgreementInput {
                objective: "Hyllytyksen työkokeilu".into(),
                signatory_name: "Eeva Esimies".into(),
                signatory_title: "Toimitusjohtaja".into(),
                authority_name: "Tarja Virkailija".into(),
                authority_organisation: "Työllisyysalue".into(),
                authority_contact: "040 000 0000".into(),
                mentor_name: None,
                allowance_per_day: 9,
                allowance_payer: polku_domain::AllowancePayer::Kela,
                other_terms: String::new(),
                terms: None,
            },
            None,
        )
        .await
        .expect("agreement");
    for party in [
        polku_domain::AgreementParty::Participant,
        polku_domain::AgreementParty::Organiser,
        polku_domain::AgreementParty::Authority,
    ] {
        svc.record_paper_acceptance(
            coach,
            mentored.id,
            party,
            "Allekirjoittaja",
            today,
            agreement.version,
        )
        .await
        .expect("accepted");
    }
    svc.move_placement(
        coach,
        mentored.id,
        polku_domain::PlacementState::Active,
        None,
        today - time::Duration::days(10),
        2,
    )
    .await
    .expect("active");
    svc.assign_mentor(coach, mentored.id, users["mentor"].actor.user_id(), 3)
        .await
        .expect("mentor");
    svc.give_task_feedback(
        &users["mentor"].actor,
        mentored.id,
        t2.id,
        polku_domain::FeedbackLevel::Independent,
        "",
    )
    .await
    .expect("feedback");
    let evidence = svc
        .evidence(coach, participant)
        .await
        .expect("evidence")
        .first()
        .expect("one")
        .id
        .to_string();
    // A gig the coordinator posted for the same employer.
    let gig = svc
        .post_gig(
            &users["coordinator"].actor,
            polku_service::gigs::NewGig {
                employer: e.id,
                on: polku_service::today(),
                starts_at: time::macros::time!(9:00),
                hours: polku_domain::GigHours::from_hours(4.0).expect("hours"),
                municipality: None,
                place: "Kauppakatu 1".into(),
                tasks: vec![t.id],
                places: 1,
            },
            polku_service::today(),
        )
        .await
        .expect("gig");
    let school = app.user(Role::Institution).await;
    let referral = svc
        .refer_student(
            &school.actor,
            polku_service::referrals::NewSchoolReferral {
                project: app.world.project.id,
                organisation: "Koulutuskeskus Salpaus".into(),
                reason: "Valmistuu keväällä".into(),
                handover: polku_service::referrals::Handover {
                    given_name: "Eino".into(),
                    family_name: "Korhonen".into(),
                    email: None,
                    phone: None,
                    home_municipality: MunicipalityCode::parse("398").expect("Lahti"),
                    birth_year: None,
                    goals: String::new(),
                    strengths: String::new(),
                    support_needs: String::new(),
                },
                consent: Some(polku_service::referrals::ConsentGiven {
                    categories: vec![polku_domain::DataCategory::Contact],
                    method: polku_domain::ConsentMethod::Written,
                    shown: Default::default(),
                }),
            },
        )
        .await
        .expect("referral")
        .id
        .to_string();
    World2 {
        referral,
        follow_up: follow_up.to_string(),
        mentored: mentored.id.to_string(),
        evidence,
        gig: gig.id.to_string(),
        placement: placement.id.to_string(),
        project: app.world.project.id.to_string(),
        api_share: api_share.id.0.to_string(),
        api_consent: api_consent.to_string(),
        share: share.id.0.to_string(),
        plan_item: plan_item.to_string(),
        document: document.id.to_string(),
        consent: consent.to_string(),
        contact: contact.id.to_string(),
        users,
        participant,
        employer: e.id.to_string(),
        task: t.id.to_string(),
        opening: o.id.to_string(),
        account: spare.actor.user_id().expect("user").to_string(),
        organisation: app.world.project.organisation_id.to_string(),
        project_code: app.world.project.code.clone(),
    }
}

/// The expected answer for `who` on a route of `path` with `method`, or `None` when the route
/// belongs to no family (the test then fails, naming the route).
fn expect(path: &str, method: &Method, who: &str) -> Option<Expect> {
    // Forms that only editors may open count as writes.
    let read = *method == Method::GET
        && !path.ends_with("/new")
        && !path.ends_with("/edit")
        && !path.ends_with("/prepare");
    let p = path.trim_start_matches("/api/v1");
    Some(if p.starts_with("/participants/{id}") {
        match who {
            "own coach" => Allowed,
            "other coach" | "coach of another project" => NotFound,
            _ => Denied,
        }
    } else if p == "/participants" || p == "/participants/new" {
        match who {
            "own coach" | "other coach" | "coach of another project" => Allowed,
            _ => Denied,
        }
    } else if p.starts_with("/employers/{id}") {
        match (who, read) {
            ("coordinator", _) => Allowed,
            ("own coach" | "other coach", true) => Allowed,
            ("manager", true) if path.starts_with("/api/") => Allowed,
            ("coordinator of another project", _) | ("coach of another project", true) => NotFound,
            _ => Denied,
        }
    } else if p == "/employers" || p == "/employers/new" {
        match (who, read) {
            ("coordinator" | "coordinator of another project", _) if *method == Method::POST => Any,
            ("coordinator" | "coordinator of another project", _) => Allowed,
            ("own coach" | "other coach" | "coach of another project", true) => Allowed,
            ("manager" | "manager of another project", true) if path.starts_with("/api/") => {
                Allowed
            }
            _ => Denied,
        }
    } else if p == "/reports" || p == "/reports/export" {
        if who.starts_with("manager") {
            Allowed
        } else {
            Denied
        }
    } else if p.starts_with("/admin") {
        if who == "admin" {
            Allowed
        } else {
            Denied
        }
    } else if p == "/match" || p == "/craft" || p == "/allocate" {
        // The engine on files: staff only.
        if who == "employer" || who == "mentor" {
            Denied
        } else {
            Allowed
        }
    } else if p == "/allocation" || p.starts_with("/allocation/") {
        // Sharing trial places: coordinators and managers, each in their own project (the
        // form and the result open the caller's own project; an empty choice is 422).
        if who.starts_with("coordinator") || who.starts_with("manager") {
            Allowed
        } else {
            Denied
        }
    } else if p.starts_with("/projects/{id}/fidelity") {
        // The IPS fidelity profile and its ratings: the project's managers and admins only.
        match (who, read) {
            ("manager" | "admin", true) => Allowed,
            ("manager" | "admin", false) => Any,
            ("manager of another project", _) => NotFound,
            _ => Denied,
        }
    } else if p == "/projects/{id}/allocation" {
        match who {
            "coordinator" | "manager" => Allowed,
            "coordinator of another project" | "manager of another project" => NotFound,
            _ => Denied,
        }
    } else if p == "/consent-wording" {
        // The wording is the same for everyone; coaches record consents.
        if who.contains("coach") {
            Allowed
        } else {
            Denied
        }
    } else if p == "/placements/{id}/proposal" || p == "/proposals/{id}" {
        // The proposal as the employer sees it: the employer's users and the own coach
        // (preview); a coordinator gets no participant data (R13).
        match who {
            "own coach" | "employer" => Allowed,
            "other coach" | "coach of another project" => NotFound,
            _ => Denied,
        }
    } else if p == "/proposals/{id}/answer" {
        // The empty answer is refused with a field error; only the employer's users answer here.
        match who {
            "employer" => Any,
            _ => Denied,
        }
    } else if p == "/proposals" {
        if who == "employer" {
            Allowed
        } else {
            Denied
        }
    } else if p.starts_with("/mentoring/{id}") || is_mentoring_route(p) {
        // The active trial whose workplace mentor is the matrix's mentor.
        match (who, read) {
            ("own coach" | "mentor", true) => Allowed,
            ("own coach" | "mentor", false) => Any,
            ("other coach" | "coach of another project", true) => NotFound,
            _ => Denied,
        }
    } else if p == "/mentoring" || p == "/mentor/placements" {
        if who == "mentor" {
            Allowed
        } else {
            Denied
        }
    } else if !path.starts_with("/api/")
        && (p == "/placements/{id}"
            || p == "/placements/{id}/state"
            || p == "/placements/{id}/confirm")
    {
        // The coach's and coordinator's page of a placement (the employer's is elsewhere).
        match (who, read) {
            ("own coach" | "coordinator", true) => Allowed,
            ("own coach" | "coordinator", false) => Any,
            ("other coach" | "coach of another project", _)
            | ("coordinator of another project", true) => NotFound,
            ("coordinator of another project", false) => Denied,
            _ => Denied,
        }
    } else if p == "/open-proposals" {
        // Each coordinator sees their projects' open proposals, each coach their own.
        if who.contains("coach") || who.contains("coordinator") {
            Allowed
        } else {
            Denied
        }
    } else if p.starts_with("/placements/{id}/agreement") {
        // The trial agreement: its parties only (the coach, the employer's users, the
        // participant). The matrix's placement is only proposed, so there is no agreement yet.
        match (who, read) {
            ("own coach" | "employer", _) => Any,
            ("other coach" | "coach of another project" | "coordinator", true)
            | ("coordinator of another project", true) => NotFound,
            // Writes: 403 where the role may not (accepting is for the parties themselves),
            // 404 where it may but the placement is not theirs.
            _ => Denied,
        }
    } else if p.starts_with("/placements/{id}") {
        // A proposal by the own coach to the employer the matrix's employer user represents.
        match (who, read) {
            ("own coach" | "coordinator" | "employer", true) => Allowed,
            ("own coach" | "coordinator" | "employer", false) => Any,
            ("other coach" | "coach of another project", _)
            | ("coordinator of another project", true) => NotFound,
            _ => Denied,
        }
    } else if p == "/placements" {
        // A proposal: coaches and coordinators (the empty body is refused before the use case).
        match who {
            w if w.contains("coach") || w.contains("coordinator") => Any,
            _ => Denied,
        }
    } else if p == "/employer-placements" {
        if who == "employer" {
            Allowed
        } else {
            Denied
        }
    } else if p.starts_with("/projects/{id}/proposals") {
        match who {
            "coordinator" | "own coach" | "other coach" => Allowed,
            "coordinator of another project" | "coach of another project" => NotFound,
            _ => Denied,
        }
    } else if p.starts_with("/follow-ups/{id}") {
        // A follow-up of the own coach's participant's job.
        match (who, read) {
            ("own coach", true) => Allowed,
            ("own coach", false) => Any,
            ("other coach" | "coach of another project", _) => NotFound,
            _ => Denied,
        }
    } else if p == "/follow-ups" {
        // The caller's own follow-ups due: every coach has a list.
        if who.contains("coach") {
            Allowed
        } else {
            Denied
        }
    } else if p == "/gigs" || p == "/gigs/new" {
        // Employer users and coordinators post (an empty body is refused by the use case);
        // coaches read the open gigs.
        let poster = who == "employer" || who.starts_with("coordinator");
        match (who, read) {
            (_, true) if poster || who.contains("coach") => Allowed,
            _ if poster => Any,
            _ => Denied,
        }
    } else if p.starts_with("/gigs/{id}/candidates") {
        match who {
            "own coach" | "other coach" | "coordinator" => Allowed,
            "coach of another project" | "coordinator of another project" => NotFound,
            _ => Denied,
        }
    } else if p.starts_with("/gigs/{id}/offers") {
        // Offers are the coaches'; results the coaches' and the employer's (the empty body is
        // refused before anything changes).
        match who {
            "own coach" | "other coach" => Any,
            "employer" if p.ends_with("/result") => Any,
            "coach of another project" => NotFound,
            _ => Denied,
        }
    } else if p == "/gigs/{id}/cancel" {
        // Cancelling: the employer's users and the project's coordinators (a request without
        // the current version changes nothing).
        match who {
            "coordinator" | "employer" => Any,
            "coordinator of another project" => NotFound,
            _ => Denied,
        }
    } else if p.starts_with("/gigs/{id}") {
        match who {
            "own coach" | "other coach" | "coordinator" | "employer" => Allowed,
            "coach of another project" | "coordinator of another project" => NotFound,
            _ => Denied,
        }
    } else if p.starts_with("/shared/participants/") {
        // Institution users only (the matrix has none): everyone here is refused.
        Denied
    } else if p == "/qualification-units" {
        // Reference data from ePerusteet: every signed-in user.
        Allowed
    } else if p == "/shared" {
        if who == "employer" || who == "mentor" {
            Allowed
        } else {
            Denied
        }
    } else if p.starts_with("/shared/{id}/documents") {
        // The recipients' route; the matrix's share has no "documents" category.
        if who == "employer" || who == "mentor" {
            NotFound
        } else {
            Denied
        }
    } else if p == "/referrals" {
        // Institutions make referrals (no matrix caller is one); coaches and managers list
        // the incoming ones of their projects.
        match (who, read) {
            (w, true) if w.contains("coach") || w.starts_with("manager") => Allowed,
            _ => Denied,
        }
    } else if p == "/referrals/new" {
        // The refer form (pages): institution users only; no matrix caller is one.
        Denied
    } else if p == "/referrals/intake" {
        // Coaches record incoming referrals of people who are not yet participants; the API
        // lists them as the referral list does (coaches and managers).
        let api = path.starts_with("/api/");
        match (who, read) {
            (w, true) if w.contains("coach") => Allowed,
            (w, true) if api && w.starts_with("manager") => Allowed,
            (w, false) if w.contains("coach") => Any,
            _ => Denied,
        }
    } else if p.starts_with("/referrals/{id}") {
        // A school's referral to the matrix project: its coaches and managers receive it;
        // another project's get 404; the referrer's own routes are the institution's.
        let institution_only = p.ends_with("/withdraw") || p == "/referrals/{id}/documents";
        match (who, read) {
            _ if institution_only && *method == Method::POST => Denied,
            ("own coach" | "other coach" | "manager", true) if p == "/referrals/{id}" => Allowed,
            ("own coach" | "other coach" | "manager", _) => Any,
            ("coach of another project", _) => NotFound,
            ("manager of another project", _) if !p.ends_with("/accept") => NotFound,
            _ => Denied,
        }
    } else if p == "/shared/{id}/qualifications" {
        // The referring institution's view of the competence shown: no matrix caller is one.
        Denied
    } else if p == "/qualifications" {
        // The units page (reference data): the roles that work with opinnollistaminen.
        match who {
            "manager" | "manager of another project" | "admin" | "employer" => Denied,
            _ => Allowed,
        }
    } else if p == "/organisations/{id}/optional-fields" {
        // R42: an organisation's optional participant fields are the administrators' (a change
        // without a body is refused and changes nothing).
        match (who, read) {
            ("admin", true) => Allowed,
            ("admin", false) => Any,
            _ => Denied,
        }
    } else {
        return None;
    })
}

/// The mentoring routes under a placement (`p` without `/api/v1`).
fn is_mentoring_route(p: &str) -> bool {
    [
        "/checkins",
        "/feedback",
        "/final-feedback",
        "/mentor",
        "/qualification-evidence",
    ]
    .iter()
    .any(|s| p.starts_with("/placements/{id}") && p.ends_with(s))
}

fn concrete(path: &str, w: &World2) -> String {
    let p = path.trim_start_matches("/api/v1");
    path.replace(
        "{id}",
        &if path.contains("/participants/") {
            w.participant.to_string()
        } else if path.contains("/follow-ups/") {
            w.follow_up.clone()
        } else if p.starts_with("/mentoring/") || is_mentoring_route(p) {
            w.mentored.clone()
        } else if path.contains("/placements/") || path.contains("/proposals/") {
            w.placement.clone()
        } else if path.contains("/gigs/") {
            w.gig.clone()
        } else if path.contains("/projects/") {
            w.project.clone()
        } else if path.starts_with("/admin/users/") {
            w.account.clone()
        } else if path.starts_with("/admin/organisations/") {
            w.organisation.clone()
        } else if path.starts_with("/api/v1/referrals/") || path.starts_with("/referrals/") {
            w.referral.clone()
        } else if path.starts_with("/api/v1/organisations/") {
            w.organisation.clone()
        } else {
            w.employer.clone()
        },
    )
    .replace("{code}", &w.project_code)
    .replace("{placement}", &w.placement)
    .replace("{task}", &w.task)
    .replace("{participant}", &w.participant.to_string())
    // Unlinking someone who is not linked changes nothing (the matrix's employer user stays).
    .replace(
        "{user}",
        &w.users["other coach"]
            .actor
            .user_id()
            .expect("user")
            .to_string(),
    )
    .replace("{opening}", &w.opening)
    .replace("{contact}", &w.contact)
    .replace("{item}", &w.plan_item)
    .replace("{document}", &w.document)
    .replace("{version}", "1")
    .replace("{evidence}", &w.evidence)
    .replace("{referral}", &w.referral)
    .replace(
        "{consent}",
        if path.starts_with("/api/") {
            &w.api_consent
        } else {
            &w.consent
        },
    )
    .replace(
        "{share}",
        if path.starts_with("/api/") {
            &w.api_share
        } else {
            &w.share
        },
    )
}

async fn call(app: &TestApp, method: &Method, path: &str, user: &User) -> StatusCode {
    let mut req = Request::builder().method(method.clone()).uri(path);
    let body = if path.starts_with("/api/") {
        req = req
            .header(header::AUTHORIZATION, format!("Bearer {}", user.token))
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::IF_MATCH, "\"1\"");
        Body::from("{}")
    } else {
        req = req.header(header::COOKIE, user.cookie());
        if *method != Method::GET {
            req = req
                .header(header::ORIGIN, ORIGIN)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        }
        Body::from(if *method == Method::GET {
            ""
        } else {
            "version=1"
        })
    };
    app.send(req.body(body).expect("request")).await.status
}

async fn matrix(app: TestApp) {
    let w = world(&app).await;
    let svc = app.service().clone();
    let own = &w.users["own coach"];
    let before = svc
        .get_participant(&own.actor, w.participant, "service_delivery")
        .await
        .expect("view")
        .version;
    let mut problems = Vec::new();
    let mut checked = 0;
    // Everyone but the own coach first, so that the participant must be unchanged after it.
    let (mine, others): (Vec<_>, Vec<_>) =
        w.users.iter().partition(|(who, _)| **who == "own coach");
    for pass in [others, mine] {
        if pass.iter().any(|(who, _)| **who == "own coach") {
            let now = svc
                .get_participant(&own.actor, w.participant, "service_delivery")
                .await
                .expect("view")
                .version;
            assert_eq!(before, now, "a denied request changed the participant");
        }
        for route in polku_web::inventory() {
            if route.policy == Policy::Public || !is_subject_route(route.path) {
                continue;
            }
            for (who, user) in &pass {
                let who: &str = who;
                let Some(want) = expect(route.path, &route.method, who) else {
                    problems.push(format!(
                        "{} {} belongs to no family in the matrix",
                        route.method, route.path
                    ));
                    break;
                };
                let path = concrete(route.path, &w);
                let got = call(&app, &route.method, &path, user).await;
                checked += 1;
                let ok = match want {
                    Allowed => {
                        !matches!(
                            got,
                            StatusCode::UNAUTHORIZED
                                | StatusCode::FORBIDDEN
                                | StatusCode::NOT_FOUND
                        ) && !got.is_server_error()
                    }
                    Denied => matches!(got, StatusCode::FORBIDDEN | StatusCode::NOT_FOUND),
                    NotFound => got == StatusCode::NOT_FOUND,
                    Any => !got.is_server_error(),
                };
                if !ok {
                    problems.push(format!(
                        "{} {} as {who}: {got}, expected {want:?}",
                        route.method, route.path
                    ));
                }
            }
        }
    }
    assert!(checked > 200, "only {checked} checks");
    assert!(
        problems.is_empty(),
        "authorisation matrix:\n{}",
        problems.join("\n")
    );
    // Lists: another coach's caseload, page and API, does not contain the participant.
    let id = w.participant.to_string();
    for who in ["other coach", "coach of another project"] {
        let u = &w.users[who];
        let page = app.get("/participants", Some(u)).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            !page.body.contains(&id),
            "{who} sees the participant in the caseload"
        );
        let api = app
            .api(Method::GET, "/api/v1/participants", Some(u), None, &[])
            .await;
        assert!(
            !api.body.contains(&id),
            "{who} sees the participant in the API list"
        );
    }
    assert!(app.get("/participants", Some(own)).await.body.contains(&id));
}

/// Routes about participants, employers, reports, administration or the engine (sign-in,
/// language and the caller's own session are covered by the security tests).
fn is_subject_route(path: &str) -> bool {
    let p = path.trim_start_matches("/api/v1");
    [
        "/participants",
        "/employers",
        "/reports",
        "/admin",
        "/match",
        "/craft",
        "/allocate",
        "/shared",
        "/consent-wording",
        "/allocation",
        "/placements",
        "/employer-placements",
        "/proposals",
        "/projects",
        "/open-proposals",
        "/follow-ups",
        "/mentoring",
        "/mentor/",
        "/gigs",
        "/referrals",
    ]
    .iter()
    .any(|prefix| p.starts_with(prefix))
}

#[test]
fn authorisation_matrix_on_sqlite() {
    on(Backend::Sqlite, matrix);
}

#[test]
fn authorisation_matrix_on_postgres() {
    on(Backend::Postgres, matrix);
}
