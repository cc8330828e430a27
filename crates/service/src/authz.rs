//! The one place where access decisions are made (R13, R14, R18). Deny by default: every
//! function returns the narrowest access that a rule grants, and `Access::None` otherwise.

use crate::Actor;
use polku_domain::{
    Consent, DataCategory, ParticipantId, ProjectId, RecipientClass, Role, Share, UserId,
};
use std::collections::BTreeSet;
use time::OffsetDateTime;

/// What an actor may see of one participant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Access {
    None,
    /// Only these field groups (a share with an outside party).
    Categories(BTreeSet<DataCategory>),
    /// Everything, including special-category data (the participant's own coach, the
    /// participant themself).
    Full,
}

impl Access {
    pub fn allows(&self, c: DataCategory) -> bool {
        match self {
            Access::None => false,
            Access::Categories(set) => set.contains(&c),
            Access::Full => true,
        }
    }
}

/// The facts about a participant that access depends on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParticipantScope {
    pub id: ParticipantId,
    pub project_id: ProjectId,
    pub coach_id: Option<UserId>,
    pub user_id: Option<UserId>,
    /// Processing is restricted (GDPR Art. 18, R43): only storage, the operator (the data
    /// protection officer's tool) and the person's own access export remain.
    pub restricted: bool,
}

/// Read access to a participant. Coaches see their own caseload in their own project; a
/// participant sees themself; anyone else only through an active, unexpired, unrevoked share
/// addressed to them, and of its field groups only those the participant has an active consent
/// for to the recipient's kind (employer, mentor, institution) in that project (R14, R16, R17).
/// Managers and admins get no row-level data. The CLI operator (system) acts for maintenance and
/// demo data only and has full access.
pub fn participant_access(
    actor: &Actor,
    p: &ParticipantScope,
    shares: &[Share],
    consents: &[Consent],
    now: OffsetDateTime,
) -> Access {
    let uid = match actor {
        Actor::System { .. } => return Access::Full,
        Actor::User { id, .. } => *id,
    };
    if p.restricted {
        return Access::None;
    }
    if p.user_id == Some(uid) && actor.has(Role::Participant, p.project_id) {
        return Access::Full;
    }
    if p.coach_id == Some(uid) && actor.has(Role::Coach, p.project_id) {
        return Access::Full;
    }
    let classes: Vec<RecipientClass> = recipient_classes(actor, p.project_id);
    let granted: BTreeSet<DataCategory> = shares
        .iter()
        .filter(|s| {
            s.participant_id == p.id
                && s.recipient == uid
                && s.revoked_at.is_none()
                && s.until >= now.date()
        })
        .flat_map(|s| s.categories.iter().map(move |&c| (c, s.purpose)))
        .filter(|&(c, purpose)| {
            // The consent must be for the share's purpose too (D24).
            consents.iter().any(|k| {
                k.participant_id == p.id
                    && k.category == c
                    && k.purpose == purpose
                    && classes.contains(&k.recipient)
                    && k.active(now)
            })
        })
        .map(|(c, _)| c)
        .collect();
    if granted.is_empty() {
        Access::None
    } else {
        Access::Categories(granted)
    }
}

/// The kinds of consent recipient an actor is in a project, from their roles.
pub fn recipient_classes(actor: &Actor, project: ProjectId) -> Vec<RecipientClass> {
    [
        (Role::Employer, RecipientClass::Employer),
        (Role::Mentor, RecipientClass::Mentor),
        (Role::Institution, RecipientClass::Institution),
    ]
    .into_iter()
    .filter(|(r, _)| actor.has(*r, project))
    .map(|(_, c)| c)
    .collect()
}

/// Who may take a right-of-access export of a participant (R39): the own coach, the participant
/// themself, or the operator. Managers, administrators and share recipients may not. While
/// processing is restricted (R43) the coach may not either: the person and the operator may.
pub fn may_export_subject(actor: &Actor, p: &ParticipantScope) -> bool {
    match actor {
        Actor::System { .. } => true,
        Actor::User { id, .. } => {
            (!p.restricted && p.coach_id == Some(*id) && actor.has(Role::Coach, p.project_id))
                || (p.user_id == Some(*id) && actor.has(Role::Participant, p.project_id))
        }
    }
}

/// Write access to a participant: the own coach (or the system operator).
pub fn may_edit_participant(actor: &Actor, p: &ParticipantScope) -> bool {
    match actor {
        Actor::System { .. } => true,
        Actor::User { id, .. } => {
            !p.restricted && p.coach_id == Some(*id) && actor.has(Role::Coach, p.project_id)
        }
    }
}

/// Creating a participant in a project: coaches of that project (they become the coach).
pub fn may_create_participant(actor: &Actor, project: ProjectId) -> bool {
    actor.is_system() || actor.has(Role::Coach, project)
}

/// Employer register: coordinators and coaches of the project read; coordinators write.
pub fn may_read_employers(actor: &Actor, project: ProjectId) -> bool {
    actor.is_system()
        || actor.has(Role::Coordinator, project)
        || actor.has(Role::Coach, project)
        || actor.has(Role::Manager, project)
}

pub fn may_edit_employers(actor: &Actor, project: ProjectId) -> bool {
    actor.is_system() || actor.has(Role::Coordinator, project)
}

/// Accounts, organisations and projects: admins and the operator.
pub fn may_administer(actor: &Actor) -> bool {
    actor.is_system() || actor.is_admin()
}

/// Aggregated, pseudonymised project figures (small cells suppressed elsewhere).
pub fn may_report(actor: &Actor, project: ProjectId) -> bool {
    actor.is_system() || actor.has(Role::Manager, project)
}

/// The IPS-25 fidelity profile of a project or of one of its coaches, and rating its items:
/// the project's managers and admins (figures about staff and aggregates; no participant rows).
pub fn may_assess_fidelity(actor: &Actor, project: ProjectId) -> bool {
    actor.is_system() || actor.is_admin() || actor.has(Role::Manager, project)
}

/// Ranked candidates for an employer's opening (pseudonymous unless shared): coordinators and
/// coaches of the project. Managers get aggregates only.
pub fn may_see_candidates(actor: &Actor, project: ProjectId) -> bool {
    actor.is_system() || actor.has(Role::Coordinator, project) || actor.has(Role::Coach, project)
}

/// Sharing scarce trial places (the allocation page): coordinators and managers of the project.
/// Both see participants pseudonymously; a manager sees no explanation per person (R13, R18).
pub fn may_allocate(actor: &Actor, project: ProjectId) -> bool {
    actor.is_system() || actor.has(Role::Coordinator, project) || actor.has(Role::Manager, project)
}

/// Accepting an allocation prepares proposals: the project's coordinators (or the operator).
pub fn may_accept_allocation(actor: &Actor, project: ProjectId) -> bool {
    actor.is_system() || actor.has(Role::Coordinator, project)
}

/// Whether the allocation is shown to `actor` with each person's explanation (coordinators, the
/// operator) or only in aggregate (managers).
pub fn allocation_explained(actor: &Actor, project: ProjectId) -> bool {
    actor.is_system() || actor.has(Role::Coordinator, project)
}

/// Who may post a gig for an employer of `project`: a coordinator of the project, or an
/// employer user who represents that employer (`employers`: those the actor represents).
pub fn may_post_gig(
    actor: &Actor,
    project: ProjectId,
    employer: polku_domain::EmployerId,
    employers: &[polku_domain::EmployerId],
) -> bool {
    actor.is_system()
        || actor.has(Role::Coordinator, project)
        || (actor.has(Role::Employer, project) && employers.contains(&employer))
}

/// Who may see a gig: the project's coaches and coordinators, and the employer's own users.
pub fn may_see_gig(
    actor: &Actor,
    project: ProjectId,
    employer: polku_domain::EmployerId,
    employers: &[polku_domain::EmployerId],
) -> bool {
    may_post_gig(actor, project, employer, employers) || actor.has(Role::Coach, project)
}

/// How an actor relates to one placement; `None` sees nothing of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlacementRole {
    None,
    /// The participant's own coach (or the operator): proposes, confirms, moves it on.
    Coach,
    /// A coordinator of the project: prepares proposals, sees them without the participant's
    /// data (R13), records an employer's answer given another way.
    Coordinator,
    /// A user of the employer, once the proposal has been sent (not while only prepared).
    Employer,
    /// The workplace mentor assigned to it, once agreed.
    Mentor,
    /// The participant themself.
    Participant,
}

/// The actor's role in a placement. `participant` is the participant's scope (`None` after
/// erasure), `employers` the employers the actor represents as an employer user. The own coach
/// comes first; an employer user sees only placements of employers they represent, and none
/// that is only prepared; a mentor only the placements they are assigned to, from agreed on.
pub fn placement_role(
    actor: &Actor,
    p: &crate::store::PlacementScope,
    participant: Option<&ParticipantScope>,
    employers: &[polku_domain::EmployerId],
) -> PlacementRole {
    use polku_domain::PlacementState as S;
    let uid = match actor {
        Actor::System { .. } => return PlacementRole::Coach,
        Actor::User { id, .. } => *id,
    };
    let Some(participant) = participant else {
        return PlacementRole::None;
    };
    if participant.project_id != p.project_id {
        return PlacementRole::None;
    }
    if participant.coach_id == Some(uid) && actor.has(Role::Coach, p.project_id) {
        return PlacementRole::Coach;
    }
    if participant.user_id == Some(uid) && actor.has(Role::Participant, p.project_id) {
        return PlacementRole::Participant;
    }
    if actor.has(Role::Coordinator, p.project_id) {
        return PlacementRole::Coordinator;
    }
    if actor.has(Role::Employer, p.project_id)
        && employers.contains(&p.employer_id)
        && p.state != S::Prepared
    {
        return PlacementRole::Employer;
    }
    if actor.has(Role::Mentor, p.project_id)
        && p.mentor_id == Some(uid)
        && !matches!(
            p.state,
            S::Prepared | S::Proposed | S::Declined | S::Withdrawn
        )
    {
        return PlacementRole::Mentor;
    }
    PlacementRole::None
}

#[cfg(test)]
mod tests {
    use super::*;
    use polku_domain::{ConsentId, ConsentMethod, ConsentPurpose, RoleGrant, ShareId};
    use time::macros::datetime;

    fn user(role: Role, project: ProjectId) -> (UserId, Actor) {
        let id = UserId::new();
        (
            id,
            Actor::user(id, vec![RoleGrant::new(role, Some(project)).unwrap()]),
        )
    }

    #[test]
    fn matrix_of_roles_against_one_participant() {
        let now = datetime!(2026-11-27 12:00 UTC);
        let project = ProjectId::new();
        let other_project = ProjectId::new();
        let (coach_id, coach) = user(Role::Coach, project);
        let (_, other_coach) = user(Role::Coach, project);
        let (_, coach_elsewhere) = user(Role::Coach, other_project);
        let (_, manager) = user(Role::Manager, project);
        let (_, coordinator) = user(Role::Coordinator, project);
        let (employer_id, employer) = user(Role::Employer, project);
        let (_, admin) = (
            UserId::new(),
            Actor::user(
                UserId::new(),
                vec![RoleGrant::new(Role::Admin, None).unwrap()],
            ),
        );
        let p = ParticipantScope {
            id: ParticipantId::new(),
            project_id: project,
            coach_id: Some(coach_id),
            user_id: None,
            restricted: false,
        };

        assert_eq!(participant_access(&coach, &p, &[], &[], now), Access::Full);
        for denied in [
            &other_coach,
            &coach_elsewhere,
            &manager,
            &coordinator,
            &employer,
            &admin,
        ] {
            assert_eq!(participant_access(denied, &p, &[], &[], now), Access::None);
            assert!(!may_edit_participant(denied, &p));
        }
        // The coach's grant in another project does not carry over (R18).
        let p_elsewhere = ParticipantScope {
            project_id: other_project,
            ..p.clone()
        };
        assert_eq!(
            participant_access(&coach, &p_elsewhere, &[], &[], now),
            Access::None
        );

        let share = Share {
            id: ShareId::new(),
            participant_id: p.id,
            recipient: employer_id,
            categories: vec![DataCategory::Skills, DataCategory::Languages],
            until: now.date(),
            revoked_at: None,
            purpose: polku_domain::ConsentPurpose::Placement,
        };
        // A share alone shows nothing: each field group needs the participant's consent to
        // this kind of recipient (R16, R17).
        assert_eq!(
            participant_access(&employer, &p, std::slice::from_ref(&share), &[], now),
            Access::None
        );
        let consent = |category, recipient| Consent {
            id: ConsentId::new(),
            participant_id: p.id,
            recipient,
            category,
            purpose: ConsentPurpose::Placement,
            text_version_hash: "h".into(),
            given_at: now - time::Duration::minutes(1),
            given_by: coach_id,
            method: ConsentMethod::Written,
            withdrawn_at: None,
            withdrawn_by: None,
        };
        let skills = consent(DataCategory::Skills, RecipientClass::Employer);
        let consents = vec![
            skills.clone(),
            consent(DataCategory::Languages, RecipientClass::Mentor),
        ];
        let a = participant_access(&employer, &p, std::slice::from_ref(&share), &consents, now);
        assert_eq!(
            a,
            Access::Categories([DataCategory::Skills].into_iter().collect())
        );
        // A restriction of processing (R43) closes every door but the operator's and the
        // person's own access export, whatever the shares and consents say.
        let restricted = ParticipantScope {
            restricted: true,
            ..p.clone()
        };
        assert_eq!(
            participant_access(
                &employer,
                &restricted,
                std::slice::from_ref(&share),
                &consents,
                now
            ),
            Access::None
        );
        assert_eq!(
            participant_access(&coach, &restricted, &[], &[], now),
            Access::None
        );
        assert!(!may_edit_participant(&coach, &restricted));
        assert!(!may_export_subject(&coach, &restricted));
        assert!(may_export_subject(&coach, &p));
        let system = Actor::System {
            command: "subject export",
        };
        assert_eq!(
            participant_access(&system, &restricted, &[], &[], now),
            Access::Full
        );
        assert!(may_export_subject(&system, &restricted));
        let withdrawn = Consent {
            withdrawn_at: Some(now),
            withdrawn_by: Some(coach_id),
            ..skills
        };
        assert_eq!(
            participant_access(
                &employer,
                &p,
                std::slice::from_ref(&share),
                &[withdrawn],
                now
            ),
            Access::None
        );
        let consents = vec![consent(DataCategory::Skills, RecipientClass::Employer)];
        let revoked = Share {
            revoked_at: Some(now),
            ..share.clone()
        };
        assert_eq!(
            participant_access(&employer, &p, &[revoked], &consents, now),
            Access::None
        );
        let expired = Share {
            until: now.date().previous_day().unwrap(),
            ..share
        };
        assert_eq!(
            participant_access(&employer, &p, &[expired], &consents, now),
            Access::None
        );
    }

    /// A user with two grants — coach in A, coordinator in B — gets each grant's rights only in
    /// its own project: nothing of A's coordinator rights, nothing of B's coach rights.
    #[test]
    fn a_two_grant_user_has_each_grant_only_in_its_own_project() {
        let now = datetime!(2026-11-27 12:00 UTC);
        let (a, b) = (ProjectId::new(), ProjectId::new());
        let id = UserId::new();
        let both = Actor::user(
            id,
            vec![
                RoleGrant::new(Role::Coach, Some(a)).unwrap(),
                RoleGrant::new(Role::Coordinator, Some(b)).unwrap(),
            ],
        );
        let in_a = ParticipantScope {
            id: ParticipantId::new(),
            project_id: a,
            coach_id: Some(id),
            user_id: None,
            restricted: false,
        };
        // The same person as coach of a participant recorded in B (a stale row): no access,
        // because they are not a coach in B.
        let in_b = ParticipantScope {
            project_id: b,
            ..in_a.clone()
        };
        assert_eq!(
            participant_access(&both, &in_a, &[], &[], now),
            Access::Full
        );
        assert!(may_edit_participant(&both, &in_a));
        assert_eq!(
            participant_access(&both, &in_b, &[], &[], now),
            Access::None
        );
        assert!(!may_edit_participant(&both, &in_b));
        assert!(!may_export_subject(&both, &in_b));
        assert!(may_create_participant(&both, a));
        assert!(!may_create_participant(&both, b));
        // Employer register: reads in both (coach in A, coordinator in B), writes only in B.
        assert!(may_read_employers(&both, a) && may_read_employers(&both, b));
        assert!(may_edit_employers(&both, b));
        assert!(!may_edit_employers(&both, a));
        assert!(may_accept_allocation(&both, b) && !may_accept_allocation(&both, a));
        assert!(allocation_explained(&both, b) && !allocation_explained(&both, a));
        assert!(may_allocate(&both, b) && !may_allocate(&both, a));
        assert!(may_see_candidates(&both, a) && may_see_candidates(&both, b));
        // Neither grant is a manager's or an admin's.
        assert!(!may_report(&both, a) && !may_report(&both, b));
        assert!(!may_administer(&both));
        // A third project: nothing.
        let c = ProjectId::new();
        assert!(!may_read_employers(&both, c) && !may_see_candidates(&both, c));
        assert!(!may_create_participant(&both, c));
    }
}
