//! The reports' organisation filter (issue 12 item 4): a participant counts for the organisation
//! their responsible coach works for when it is the lead or a partner of the project, and for
//! the lead otherwise (no coach organisation recorded, or one outside the project).

use super::*;
use time::macros::date;

/// A participant of `coach` who entered on 1 March 2026.
async fn entrant(svc: &Service, world: &World, coach: &Actor, gender: Gender) -> ParticipantId {
    let mut p = world.new_participant();
    p.personal.hetu = None;
    p.personal.esf.birth_year = Some(1990);
    let id = svc
        .create_participant(coach, p, "service_delivery")
        .await
        .unwrap();
    svc.save_esf_entry(
        coach,
        id,
        EsfEntryData {
            entered_on: date!(2026 - 03 - 01),
            gender,
            status: EntryStatus::Unemployed,
            education: Education::Basic,
            third_country_national: Answer::No,
            foreign_background: Answer::No,
            homeless: Answer::No,
            special: EsfSpecial {
                disability: Answer::NotKnown,
                minority: Answer::NotKnown,
            },
        },
        0,
        date!(2026 - 12 - 31),
    )
    .await
    .unwrap();
    id
}

pub(crate) async fn a_partner_counts_the_participants_of_its_own_staff(db: Arc<TestDb>) {
    let svc = &db.service;
    let sys = system();
    let world = World::new(svc).await;
    let lead = world.project.organisation_id;
    let org = |name: &str| Organisation {
        id: OrganisationId::new(),
        name: name.into(),
        business_id: None,
    };
    let partner = svc
        .create_organisation(&sys, org("Koulutuskeskus Salpaus"))
        .await
        .unwrap()
        .id;
    let outsider = svc
        .create_organisation(&sys, org("Muu yhdistys"))
        .await
        .unwrap()
        .id;
    let mut project = svc.admin_project(&sys, &world.project.code).await.unwrap();
    project.partners = vec![partner];
    svc.update_project(&sys, project).await.unwrap();

    // a: no organisation recorded; b: the partner's; c: an organisation outside the project;
    // d: the lead's.
    let a = world.user(svc, Role::Coach).await;
    let b = world.user(svc, Role::Coach).await;
    let c = world.user(svc, Role::Coach).await;
    let d = world.user(svc, Role::Coach).await;
    let id = |x: &Actor| x.user_id().unwrap();
    assert!(svc
        .set_staff_organisation(&sys, id(&b), Some(partner))
        .await
        .unwrap());
    assert!(!svc
        .set_staff_organisation(&sys, id(&b), Some(partner))
        .await
        .unwrap());
    svc.set_staff_organisation(&sys, id(&c), Some(outsider))
        .await
        .unwrap();
    svc.set_staff_organisation(&sys, id(&d), Some(lead))
        .await
        .unwrap();
    assert_eq!(
        svc.staff_organisation(&sys, id(&b)).await.unwrap(),
        Some(partner)
    );
    entrant(svc, &world, &a, Gender::Woman).await;
    entrant(svc, &world, &b, Gender::Man).await;
    entrant(svc, &world, &c, Gender::Woman).await;
    entrant(svc, &world, &d, Gender::NonBinary).await;

    let year = ReportFilter::new(date!(2026 - 01 - 01), date!(2026 - 12 - 31)).unwrap();
    let entered = |t: &IndicatorTable| {
        let r = t.row("PLK-O01").expect("PLK-O01");
        (r.women, r.men, r.non_binary, r.total)
    };
    let esf = |f: ReportFilter| async move {
        entered(
            &svc.esf_indicators_as(&system(), &f, "funder_reporting")
                .await
                .unwrap(),
        )
    };
    let people = |f: ReportFilter| async move {
        let t = svc.project_tally(&system(), &f).await.unwrap();
        (t.participants, t.enrolled)
    };
    assert_eq!(esf(year.clone()).await, (2, 1, 1, 4));
    assert_eq!(
        esf(year.clone().with_organisation(partner)).await,
        (0, 1, 0, 1),
        "the partner counts its own coach's participant only"
    );
    assert_eq!(
        esf(year.clone().with_organisation(lead)).await,
        (2, 0, 1, 3),
        "the lead counts its own, the unrecorded and the outsider's"
    );
    assert_eq!(
        esf(year.clone().with_organisation(outsider)).await,
        (0, 0, 0, 0)
    );
    assert_eq!(
        people(year.clone().with_organisation(partner)).await,
        (1, 1)
    );
    assert_eq!(people(year.clone().with_organisation(lead)).await, (3, 3));
    assert_eq!(
        people(year.clone().with_organisation(outsider)).await,
        (0, 0)
    );
    assert_eq!(
        people(
            year.clone()
                .with_project(world.project.id)
                .with_organisation(partner)
        )
        .await,
        (1, 1)
    );

    // The partner is one of the filter's choices and its scope is the project.
    let manager = world.user(svc, Role::Manager).await;
    let choices = svc.report_organisations(&manager).await.unwrap();
    assert!(choices.iter().any(|o| o.id == partner) && choices.iter().any(|o| o.id == lead));
    assert!(!choices.iter().any(|o| o.id == outsider));
    let scope = svc
        .report_scope(&manager, &year.clone().with_organisation(partner))
        .await
        .unwrap();
    assert_eq!(
        scope.iter().map(|p| p.id).collect::<Vec<_>>(),
        vec![world.project.id]
    );

    // Clearing b's organisation gives the participant back to the lead.
    assert!(svc
        .set_staff_organisation(&sys, id(&b), None)
        .await
        .unwrap());
    assert_eq!(
        esf(year.clone().with_organisation(partner)).await,
        (0, 0, 0, 0)
    );
    assert_eq!(people(year.clone().with_organisation(lead)).await, (4, 4));

    // Only administrators set it; unknown accounts and organisations change nothing.
    assert!(matches!(
        svc.set_staff_organisation(&manager, id(&a), Some(partner))
            .await,
        Err(ServiceError::Forbidden)
    ));
    assert!(matches!(
        svc.set_staff_organisation(&sys, id(&a), Some(OrganisationId::new()))
            .await,
        Err(ServiceError::NotFound)
    ));
    assert!(matches!(
        svc.set_staff_organisation(&sys, UserId::new(), Some(partner))
            .await,
        Err(ServiceError::NotFound)
    ));
    assert_eq!(svc.staff_organisation(&sys, id(&a)).await.unwrap(), None);
    let audit = db
        .store
        .audit_query(&polku_service::store::AuditQuery {
            subject: Some(id(&b).to_string()),
            limit: 100,
            ..Default::default()
        })
        .await
        .unwrap();
    let set: Vec<&str> = audit
        .iter()
        .map(|r| r.action.as_str())
        .filter(|a| *a == "set_organisation")
        .collect();
    assert_eq!(set.len(), 2, "set, then cleared; the no-op is not written");
}

/// One organisation that leads a project and is a partner of another (the reports oracle's
/// datasets, where every organisation is both): it counts everyone of the project it leads
/// (whatever their coach's organisation), and of the other project only the participants and
/// employers of its own staff; the two organisations' figures add up to the national ones.
pub(crate) async fn an_organisation_leading_one_project_and_partner_of_another(db: Arc<TestDb>) {
    let svc = &db.service;
    let sys = system();
    let one = World::new(svc).await;
    let two = World::new(svc).await;
    let (a, b) = (one.project.organisation_id, two.project.organisation_id);
    let mut project = svc.admin_project(&sys, &two.project.code).await.unwrap();
    project.partners = vec![a];
    svc.update_project(&sys, project).await.unwrap();

    let staff = |w: &World, role: Role, org: Option<OrganisationId>| {
        let w = w.clone();
        async move {
            let c = w.user(svc, role).await;
            if org.is_some() {
                svc.set_staff_organisation(&system(), c.user_id().unwrap(), org)
                    .await
                    .unwrap();
            }
            c
        }
    };
    // Project one (led by a): a coach of a, and a coach of b, which does not work in it.
    let one_a = staff(&one, Role::Coach, Some(a)).await;
    let one_b = staff(&one, Role::Coach, Some(b)).await;
    // Project two (led by b, a partner): a coach of a, one with none recorded, one of b.
    let two_a = staff(&two, Role::Coach, Some(a)).await;
    let two_none = staff(&two, Role::Coach, None).await;
    let two_b = staff(&two, Role::Coach, Some(b)).await;
    entrant(svc, &one, &one_a, Gender::Woman).await;
    entrant(svc, &one, &one_b, Gender::Man).await;
    entrant(svc, &two, &two_a, Gender::Woman).await;
    entrant(svc, &two, &two_none, Gender::Man).await;
    entrant(svc, &two, &two_b, Gender::NonBinary).await;
    // Employers of project two: coordinated by a's coordinator, by b's, and by nobody.
    let coordinator_a = staff(&two, Role::Coordinator, Some(a)).await;
    let coordinator_b = staff(&two, Role::Coordinator, Some(b)).await;
    let creator = staff(&two, Role::Coordinator, None).await;
    for (by, depth, business_id) in [
        (Some(&coordinator_a), CooperationDepth::Deeper, "1572860-0"),
        (Some(&coordinator_b), CooperationDepth::Engaged, "0112038-9"),
        (None, CooperationDepth::Contacted, "0245437-2"),
    ] {
        let mut e = two.employer();
        e.coordinator_id = by.map(|c| c.user_id().unwrap());
        e.cooperation = depth;
        e.business_id = BusinessId::parse(business_id).unwrap();
        svc.create_employer(&creator, e).await.unwrap();
    }

    let year = ReportFilter::new(date!(2026 - 01 - 01), date!(2026 - 12 - 31)).unwrap();
    let entered = |f: ReportFilter| async move {
        let t = svc
            .esf_indicators_as(&system(), &f, "funder_reporting")
            .await
            .unwrap();
        let r = t.row("PLK-O01").expect("PLK-O01");
        (r.women, r.men, r.non_binary, r.total)
    };
    let tally = |f: ReportFilter| async move {
        let t = svc.project_tally(&system(), &f).await.unwrap();
        (t.participants, t.enrolled, t.employers_by_depth)
    };
    assert_eq!(entered(year.clone()).await, (2, 2, 1, 5));
    assert_eq!(
        entered(year.clone().with_organisation(a)).await,
        (2, 1, 0, 3),
        "a: both of project one, and its own coach's of project two"
    );
    assert_eq!(
        entered(year.clone().with_organisation(b)).await,
        (0, 1, 1, 2),
        "b: the unrecorded and its own of project two; none of project one"
    );
    assert_eq!(
        entered(
            year.clone()
                .with_project(two.project.id)
                .with_organisation(a)
        )
        .await,
        (1, 0, 0, 1)
    );
    assert_eq!(
        entered(
            year.clone()
                .with_project(one.project.id)
                .with_organisation(b)
        )
        .await,
        (0, 0, 0, 0)
    );
    assert_eq!(tally(year.clone()).await, (5, 5, [1, 1, 1]));
    assert_eq!(
        tally(year.clone().with_organisation(a)).await,
        (3, 3, [0, 0, 1]),
        "a counts the employer its own coordinator works with"
    );
    assert_eq!(
        tally(year.clone().with_organisation(b)).await,
        (2, 2, [1, 1, 0]),
        "b, the lead, counts the employer without a coordinator"
    );
    assert_eq!(
        tally(
            year.clone()
                .with_project(one.project.id)
                .with_organisation(b)
        )
        .await,
        (0, 0, [0, 0, 0])
    );
}

/// `Service::report` (issue 12 item 7): the project figures and the ESF+ indicators computed at
/// once are the two computed one after the other, over the same whole months; someone who may
/// report on no project gets the figures' "no projects" and no indicators, not an error.
pub(crate) async fn the_report_is_the_figures_and_the_indicators_of_the_same_months(
    db: Arc<TestDb>,
) {
    let svc = &db.service;
    let world = World::new(svc).await;
    let coach = world.user(svc, Role::Coach).await;
    let manager = world.user(svc, Role::Manager).await;
    entrant(svc, &world, &coach, Gender::Woman).await;
    entrant(svc, &world, &coach, Gender::Man).await;
    entrant(svc, &world, &coach, Gender::Woman).await;

    // Days inside March: the report is over the whole of March.
    let days = ReportFilter::new(date!(2026 - 03 - 10), date!(2026 - 03 - 20)).unwrap();
    let march = ReportFilter::new(date!(2026 - 03 - 01), date!(2026 - 03 - 31)).unwrap();
    for (who, filter) in [
        (system(), days.clone()),
        (manager.clone(), days.clone().with_project(world.project.id)),
    ] {
        let report = svc.report(&who, &filter, "reporting").await.unwrap();
        let alone = svc.project_figures(&who, &filter).await.unwrap();
        assert_eq!(report.figures, alone);
        assert_eq!(report.figures.filter.from, march.from);
        assert_eq!(report.figures.filter.to, march.to);
        let esf = report.esf.expect("the indicators of a reportable project");
        let snapped = svc
            .esf_indicators(&who, &report.figures.filter)
            .await
            .unwrap();
        assert_eq!(esf, snapped);
        assert_eq!((esf.filter.from, esf.filter.to), (march.from, march.to));
        let entered = esf.row("PLK-O01").expect("PLK-O01");
        assert_eq!(
            (entered.women, entered.men, entered.total),
            (2, 1, 3),
            "everyone who entered on 1 March, a day outside the days asked"
        );
    }

    // A coach reports on no project: figures that say so, and no indicators.
    let report = svc.report(&coach, &days, "reporting").await.unwrap();
    assert!(report.figures.projects.is_empty());
    assert_eq!(
        report.figures.empty,
        Some(polku_service::reports::Empty::NoProjects)
    );
    assert_eq!(report.esf, None);
    // Bad input is still refused: a purpose reports never have.
    assert!(matches!(
        svc.report(&manager, &days, "marketing").await,
        Err(ServiceError::NotFound)
    ));
}
