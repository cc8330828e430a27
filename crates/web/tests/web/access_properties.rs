//! R56 proptests of the service's access rules (`polku_service::authz`, `polku_service::consents`;
//! pure functions, tested in this binary, which has the service and proptest built already):
//!
//! - consent evaluation (R16): a consent withdrawn at or before the moment, or given after it,
//!   never grants; withdrawing every consent or letting every share run out shows nothing;
//! - visibility (R14, R17, R18): whatever the shares and consents, an outside user sees only the
//!   field groups that one of *their own* unrevoked, unexpired shares of *this* participant names
//!   *and* that an active consent for the share's purpose to their kind of recipient covers;
//!   managers, administrators, coordinators, other coaches and anyone in another project see
//!   nothing; a restriction (R43) closes every door but the operator's.

use polku_domain::{
    Consent, ConsentId, ConsentMethod, ConsentPurpose, DataCategory, ParticipantId, ProjectId,
    RecipientClass, Role, RoleGrant, Share, ShareId, UserId,
};
use polku_service::authz::{participant_access, recipient_classes, Access, ParticipantScope};
use polku_service::consents::{consented, consented_for};
use polku_service::Actor;
use proptest::prelude::*;
use std::collections::BTreeSet;
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

const NOW: OffsetDateTime = datetime!(2026-12-06 12:00 UTC);

/// The fixed cast: the participant, their coach, two outside users and the projects.
struct Cast {
    project: ProjectId,
    other_project: ProjectId,
    participant: ParticipantId,
    other_participant: ParticipantId,
    coach: UserId,
    users: [UserId; 2],
}

fn cast() -> Cast {
    Cast {
        project: ProjectId::new(),
        other_project: ProjectId::new(),
        participant: ParticipantId::new(),
        other_participant: ParticipantId::new(),
        coach: UserId::new(),
        users: [UserId::new(), UserId::new()],
    }
}

/// Minutes relative to `NOW`.
fn at(minutes: i64) -> OffsetDateTime {
    NOW + Duration::minutes(minutes)
}

#[derive(Debug, Clone)]
struct ConsentSpec {
    other_participant: bool,
    recipient: usize,
    category: usize,
    purpose: usize,
    given: i64,
    withdrawn: Option<i64>,
}

#[derive(Debug, Clone)]
struct ShareSpec {
    other_participant: bool,
    recipient: usize,
    categories: Vec<usize>,
    purpose: usize,
    until_days: i64,
    revoked: Option<i64>,
}

fn consent_spec() -> impl Strategy<Value = ConsentSpec> {
    (
        prop::bool::weighted(0.1),
        0..3usize,
        0..6usize,
        0..2usize,
        -3000i64..30,
        prop::option::of(-3000i64..3000),
    )
        .prop_map(
            |(other_participant, recipient, category, purpose, given, withdrawn)| ConsentSpec {
                other_participant,
                recipient,
                category,
                purpose,
                given,
                withdrawn,
            },
        )
}

fn share_spec() -> impl Strategy<Value = ShareSpec> {
    (
        prop::bool::weighted(0.1),
        0..2usize,
        prop::collection::vec(0..6usize, 1..4),
        0..2usize,
        -3i64..3,
        prop::option::of(-3000i64..3000),
    )
        .prop_map(
            |(other_participant, recipient, categories, purpose, until_days, revoked)| ShareSpec {
                other_participant,
                recipient,
                categories,
                purpose,
                until_days,
                revoked,
            },
        )
}

fn build(c: &Cast, cs: &[ConsentSpec], ss: &[ShareSpec]) -> (Vec<Consent>, Vec<Share>) {
    let consents = cs
        .iter()
        .map(|k| Consent {
            id: ConsentId::new(),
            participant_id: if k.other_participant {
                c.other_participant
            } else {
                c.participant
            },
            recipient: RecipientClass::ALL[k.recipient],
            category: DataCategory::ALL[k.category],
            purpose: ConsentPurpose::ALL[k.purpose],
            text_version_hash: "h".into(),
            given_at: at(k.given),
            given_by: c.coach,
            method: ConsentMethod::Written,
            withdrawn_at: k.withdrawn.map(at),
            withdrawn_by: k.withdrawn.map(|_| c.coach),
        })
        .collect();
    let shares = ss
        .iter()
        .map(|s| Share {
            id: ShareId::new(),
            participant_id: if s.other_participant {
                c.other_participant
            } else {
                c.participant
            },
            recipient: c.users[s.recipient],
            categories: s.categories.iter().map(|&i| DataCategory::ALL[i]).collect(),
            until: NOW.date() + Duration::days(s.until_days),
            revoked_at: s.revoked.map(at),
            purpose: ConsentPurpose::ALL[s.purpose],
        })
        .collect();
    (consents, shares)
}

fn actor(id: UserId, role: Role, project: ProjectId) -> Actor {
    let project = (role != Role::Admin).then_some(project);
    Actor::user(id, vec![RoleGrant::new(role, project).expect("grant")])
}

fn scope(c: &Cast, restricted: bool) -> ParticipantScope {
    ParticipantScope {
        id: c.participant,
        project_id: c.project,
        coach_id: Some(c.coach),
        user_id: None,
        restricted,
    }
}

/// A consent in force at `NOW`, written out again from the rule (given, not yet withdrawn).
fn in_force(k: &Consent) -> bool {
    k.given_at <= NOW && k.withdrawn_at.is_none_or(|w| w > NOW)
}

fn granted(a: &Access) -> BTreeSet<DataCategory> {
    match a {
        Access::None => BTreeSet::new(),
        Access::Categories(s) => s.clone(),
        Access::Full => DataCategory::ALL.into_iter().collect(),
    }
}

const OUTSIDE_ROLES: [Role; 3] = [Role::Employer, Role::Mentor, Role::Institution];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// R16: `consented_for` is true exactly when a consent for that recipient, category and
    /// purpose is in force; a withdrawn one (at or before now) or a future one never counts.
    #[test]
    fn consent_grants_only_while_in_force(cs in prop::collection::vec(consent_spec(), 0..8),
                                          r in 0..3usize, cat in 0..6usize, p in 0..2usize) {
        let c = cast();
        let (consents, _) = build(&c, &cs, &[]);
        let (recipient, category, purpose) =
            (RecipientClass::ALL[r], DataCategory::ALL[cat], ConsentPurpose::ALL[p]);
        let expected = consents.iter().any(|k| {
            k.recipient == recipient && k.category == category && k.purpose == purpose && in_force(k)
        });
        prop_assert_eq!(consented_for(&consents, recipient, category, purpose, NOW), expected);
        if purpose == ConsentPurpose::Placement {
            prop_assert_eq!(consented(&consents, recipient, category, NOW), expected);
        }
        // Withdrawing every consent now: nothing grants any more.
        let withdrawn: Vec<Consent> = consents
            .iter()
            .cloned()
            .map(|k| Consent { withdrawn_at: Some(k.withdrawn_at.map_or(NOW, |w| w.min(NOW))), ..k })
            .collect();
        prop_assert!(!consented_for(&withdrawn, recipient, category, purpose, NOW));
    }

    /// R14/R16/R17: what an outside user sees is exactly the field groups of their own live
    /// shares of this participant that an in-force consent for the share's purpose to their
    /// kind of recipient covers; withdrawn consents, expired or revoked shares show nothing.
    #[test]
    fn outside_users_see_only_shared_and_consented_groups(
        cs in prop::collection::vec(consent_spec(), 0..10),
        ss in prop::collection::vec(share_spec(), 0..5),
        who in 0..2usize,
        role in 0..3usize,
    ) {
        let c = cast();
        let (consents, shares) = build(&c, &cs, &ss);
        let uid = c.users[who];
        let a = actor(uid, OUTSIDE_ROLES[role], c.project);
        let p = scope(&c, false);
        let access = participant_access(&a, &p, &shares, &consents, NOW);
        prop_assert_ne!(&access, &Access::Full);
        let classes = recipient_classes(&a, c.project);
        let mut expected = BTreeSet::new();
        for s in &shares {
            let live = s.participant_id == c.participant
                && s.recipient == uid
                && s.revoked_at.is_none()
                && s.until >= NOW.date();
            if !live {
                continue;
            }
            for &cat in &s.categories {
                if consents.iter().any(|k| {
                    k.participant_id == c.participant
                        && k.category == cat
                        && k.purpose == s.purpose
                        && classes.contains(&k.recipient)
                        && in_force(k)
                }) {
                    expected.insert(cat);
                }
            }
        }
        prop_assert_eq!(granted(&access), expected.clone());
        if expected.is_empty() {
            prop_assert_eq!(&access, &Access::None);
        }

        // Every consent withdrawn now: nothing is visible at the next request.
        let withdrawn: Vec<Consent> = consents
            .iter()
            .cloned()
            .map(|k| Consent { withdrawn_at: Some(NOW), ..k })
            .collect();
        prop_assert_eq!(participant_access(&a, &p, &shares, &withdrawn, NOW), Access::None);
        // Every share ended yesterday, or revoked: nothing is visible.
        let expired: Vec<Share> = shares
            .iter()
            .cloned()
            .map(|s| Share { until: NOW.date() - Duration::days(1), ..s })
            .collect();
        prop_assert_eq!(participant_access(&a, &p, &expired, &consents, NOW), Access::None);
        let revoked: Vec<Share> = shares
            .iter()
            .cloned()
            .map(|s| Share { revoked_at: Some(NOW), ..s })
            .collect();
        prop_assert_eq!(participant_access(&a, &p, &revoked, &consents, NOW), Access::None);
        // A restriction of processing (R43) closes the door whatever was shared.
        prop_assert_eq!(
            participant_access(&a, &scope(&c, true), &shares, &consents, NOW),
            Access::None
        );
        // The same user with the same role in another project sees nothing (R18).
        let elsewhere = actor(uid, OUTSIDE_ROLES[role], c.other_project);
        prop_assert_eq!(participant_access(&elsewhere, &p, &shares, &consents, NOW), Access::None);
    }

    /// R14: managers, administrators, coordinators and coaches other than the participant's own
    /// get no row-level access, whatever shares and consents exist (even ones naming them); the
    /// own coach has full access unless processing is restricted.
    #[test]
    fn staff_other_than_the_own_coach_see_nothing(
        cs in prop::collection::vec(consent_spec(), 0..10),
        ss in prop::collection::vec(share_spec(), 0..5),
        who in 0..2usize,
        role in prop::sample::select(vec![Role::Manager, Role::Admin, Role::Coordinator, Role::Coach]),
        restricted: bool,
    ) {
        let c = cast();
        let (consents, shares) = build(&c, &cs, &ss);
        let p = scope(&c, restricted);
        let a = actor(c.users[who], role, c.project);
        prop_assert_eq!(participant_access(&a, &p, &shares, &consents, NOW), Access::None);
        let coach = actor(c.coach, Role::Coach, c.project);
        let expected = if restricted { Access::None } else { Access::Full };
        prop_assert_eq!(participant_access(&coach, &p, &shares, &consents, NOW), expected);
    }
}
