//! The confirmation after a save (Post/Redirect/Get): a successful POST answers 303 to the page
//! with `?saved=<slug>`, and the page shows the matching message once as a status message
//! (`role="status"`, WCAG 4.1.3). The slug is looked up in a fixed allow-list, so the URL never
//! carries text to show: an unknown slug shows nothing. A stateless query parameter rather than a
//! flash cookie: no cookie to sign, set or clear, it survives the redirect through any proxy,
//! and loading the page again from a link or the navigation (without the parameter) shows no
//! confirmation.

use polku_domain::geo::{merger, Merger};
use polku_domain::MunicipalityCode;

/// One confirmation; each is a catalogue key in every locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    Saved,
    ParticipantAdded,
    Details,
    Functioning,
    Availability,
    Languages,
    Skills,
    Path,
    Meeting,
    PlanStep,
    PlanDone,
    Consent,
    ConsentWithdrawn,
    Share,
    ShareEnded,
    EmployerAdded,
    EmployerSaved,
    Contact,
    ContactRemoved,
    Task,
    TaskSaved,
    Opening,
    OpeningSaved,
    Interaction,
    Password,
    Answer,
    Allocation,
    Proposal,
    ProposalPrepared,
    ProposalConfirmed,
    PlacementMoved,
    EmployerUserLinked,
    EmployerUserUnlinked,
    Agreement,
    AgreementAccepted,
    MentorAssigned,
    MentorCheckin,
    MentorFeedback,
    MentorFinal,
    MentorSelfAssessment,
    MentorEvidenceAccepted,
    MentorEvidenceRejected,
    Gig,
    GigOffer,
    GigResult,
    Organisation,
    Project,
    Grant,
    GrantRemoved,
    Deactivated,
    Reactivated,
    AnswerRecorded,
    GigCancelled,
    EsfEntry,
    EsfLeaving,
    EsfSixMonths,
    PasswordChanged,
    SecondFactorChanged,
    SteppedUp,
    ReferralSent,
    ReferralAccepted,
    ReferralDeclined,
    ReferralRecorded,
    ReferralWithdrawn,
    ReferralConsentWithdrawn,
    ReferralDocument,
    StaffOrganisation,
    OptionalFields,
}

impl Notice {
    /// Every notice, for the allow-list and the tests.
    pub const ALL: [Notice; 68] = [
        Notice::Saved,
        Notice::ParticipantAdded,
        Notice::Details,
        Notice::Functioning,
        Notice::Availability,
        Notice::Languages,
        Notice::Skills,
        Notice::Path,
        Notice::Meeting,
        Notice::PlanStep,
        Notice::PlanDone,
        Notice::Consent,
        Notice::ConsentWithdrawn,
        Notice::Share,
        Notice::ShareEnded,
        Notice::EmployerAdded,
        Notice::EmployerSaved,
        Notice::Contact,
        Notice::ContactRemoved,
        Notice::Task,
        Notice::TaskSaved,
        Notice::Opening,
        Notice::OpeningSaved,
        Notice::Interaction,
        Notice::Password,
        Notice::Answer,
        Notice::Allocation,
        Notice::Proposal,
        Notice::ProposalPrepared,
        Notice::ProposalConfirmed,
        Notice::PlacementMoved,
        Notice::EmployerUserLinked,
        Notice::EmployerUserUnlinked,
        Notice::Agreement,
        Notice::AgreementAccepted,
        Notice::MentorAssigned,
        Notice::MentorCheckin,
        Notice::MentorFeedback,
        Notice::MentorFinal,
        Notice::MentorSelfAssessment,
        Notice::MentorEvidenceAccepted,
        Notice::MentorEvidenceRejected,
        Notice::Gig,
        Notice::GigOffer,
        Notice::GigResult,
        Notice::Organisation,
        Notice::Project,
        Notice::Grant,
        Notice::GrantRemoved,
        Notice::Deactivated,
        Notice::Reactivated,
        Notice::AnswerRecorded,
        Notice::GigCancelled,
        Notice::EsfEntry,
        Notice::EsfLeaving,
        Notice::EsfSixMonths,
        Notice::PasswordChanged,
        Notice::SecondFactorChanged,
        Notice::SteppedUp,
        Notice::ReferralSent,
        Notice::ReferralAccepted,
        Notice::ReferralDeclined,
        Notice::ReferralRecorded,
        Notice::ReferralWithdrawn,
        Notice::ReferralConsentWithdrawn,
        Notice::ReferralDocument,
        Notice::StaffOrganisation,
        Notice::OptionalFields,
    ];

    /// The value of `saved=` in the URL.
    pub fn slug(self) -> &'static str {
        match self {
            Notice::Saved => "saved",
            Notice::ParticipantAdded => "participant",
            Notice::Details => "details",
            Notice::Functioning => "functioning",
            Notice::Availability => "availability",
            Notice::Languages => "languages",
            Notice::Skills => "skills",
            Notice::Path => "path",
            Notice::Meeting => "meeting",
            Notice::PlanStep => "plan-step",
            Notice::PlanDone => "plan-done",
            Notice::Consent => "consent",
            Notice::ConsentWithdrawn => "consent-withdrawn",
            Notice::Share => "share",
            Notice::ShareEnded => "share-ended",
            Notice::EmployerAdded => "employer",
            Notice::EmployerSaved => "employer-saved",
            Notice::Contact => "contact",
            Notice::ContactRemoved => "contact-removed",
            Notice::Task => "task",
            Notice::TaskSaved => "task-saved",
            Notice::Opening => "opening",
            Notice::OpeningSaved => "opening-saved",
            Notice::Interaction => "interaction",
            Notice::Password => "password",
            Notice::Answer => "answer",
            Notice::Allocation => "allocation",
            Notice::Proposal => "proposal",
            Notice::ProposalPrepared => "proposal-prepared",
            Notice::ProposalConfirmed => "proposal-confirmed",
            Notice::PlacementMoved => "placement-moved",
            Notice::EmployerUserLinked => "employer-user",
            Notice::EmployerUserUnlinked => "employer-user-removed",
            Notice::Agreement => "agreement",
            Notice::AgreementAccepted => "agreement-accepted",
            Notice::MentorAssigned => "mentor-assigned",
            Notice::MentorCheckin => "mentor-checkin",
            Notice::MentorFeedback => "mentor-feedback",
            Notice::MentorFinal => "mentor-final",
            Notice::MentorSelfAssessment => "mentor-self-assessment",
            Notice::MentorEvidenceAccepted => "mentor-evidence-accepted",
            Notice::MentorEvidenceRejected => "mentor-evidence-rejected",
            Notice::Gig => "gig",
            Notice::GigOffer => "gig-offer",
            Notice::GigResult => "gig-result",
            Notice::Organisation => "organisation",
            Notice::Project => "project",
            Notice::Grant => "grant",
            Notice::GrantRemoved => "grant-removed",
            Notice::Deactivated => "deactivated",
            Notice::Reactivated => "reactivated",
            Notice::AnswerRecorded => "answer-recorded",
            Notice::GigCancelled => "gig-cancelled",
            Notice::EsfEntry => "esf-entry",
            Notice::EsfLeaving => "esf-leaving",
            Notice::EsfSixMonths => "esf-six-months",
            Notice::PasswordChanged => "password-changed",
            Notice::SecondFactorChanged => "second-factor-changed",
            Notice::SteppedUp => "stepped-up",
            Notice::ReferralSent => "referral-sent",
            Notice::ReferralAccepted => "referral-accepted",
            Notice::ReferralDeclined => "referral-declined",
            Notice::ReferralRecorded => "referral-recorded",
            Notice::ReferralWithdrawn => "referral-withdrawn",
            Notice::ReferralConsentWithdrawn => "referral-consent-withdrawn",
            Notice::ReferralDocument => "referral-document",
            Notice::StaffOrganisation => "staff-organisation",
            Notice::OptionalFields => "optional-fields",
        }
    }

    /// The catalogue key of the message: `notice-<slug>`.
    pub fn key(self) -> String {
        format!("notice-{}", self.slug())
    }

    /// The notice a slug names, if it is on the allow-list.
    pub fn from_slug(slug: &str) -> Option<Notice> {
        Notice::ALL.into_iter().find(|n| n.slug() == slug)
    }

    /// The notice a request's query asks for (`saved=<slug>`), if any and allowed.
    pub fn from_query(query: Option<&str>) -> Option<Notice> {
        query?
            .split('&')
            .find_map(|pair| pair.strip_prefix("saved="))
            .and_then(Notice::from_slug)
    }

    /// `to` with this notice added to its query.
    pub fn on(self, to: &str) -> String {
        let sep = if to.contains('?') { '&' } else { '?' };
        format!("{to}{sep}saved={}", self.slug())
    }
}

/// The former municipalities a save mapped to today's (`merged=<former code>`, repeated), told
/// with the confirmation ("Nastola merged in 2016; Lahti was saved"). Only codes on the
/// merger list count, so the URL still carries no text to show.
pub fn merged_from_query(query: Option<&str>) -> Vec<&'static Merger> {
    let mut out: Vec<&'static Merger> = Vec::new();
    for code in query
        .unwrap_or_default()
        .split('&')
        .filter_map(|pair| pair.strip_prefix("merged="))
    {
        let found = MunicipalityCode::parse(code).ok().and_then(|c| merger(&c));
        if let Some(m) = found.filter(|m| !out.contains(m)) {
            out.push(m);
        }
    }
    out
}

/// `to` with `merged=<former code>` added for each merger.
pub fn with_merged(to: &str, merged: &[&Merger]) -> String {
    let mut out = to.to_owned();
    for m in merged {
        out.push(if out.contains('?') { '&' } else { '?' });
        out.push_str("merged=");
        out.push_str(m.former_code.as_str());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{merged_from_query, with_merged, Notice};

    #[test]
    fn slugs_round_trip_and_unknown_ones_are_refused() {
        for n in Notice::ALL {
            assert_eq!(Notice::from_slug(n.slug()), Some(n));
            assert_eq!(Notice::from_query(Some(&n.on("/x?q=a")[3..])), Some(n));
        }
        assert_eq!(Notice::from_query(Some("saved=<b>hi</b>")), None);
        assert_eq!(Notice::from_query(Some("saved=")), None);
        assert_eq!(Notice::from_query(None), None);
        assert_eq!(Notice::Task.on("/e/1/tasks"), "/e/1/tasks?saved=task");
    }

    #[test]
    fn merged_codes_round_trip_and_others_are_ignored() {
        let nastola = merged_from_query(Some("merged=532"));
        assert_eq!(nastola.len(), 1);
        assert_eq!(nastola[0].current.name_fi, "Lahti");
        let to = with_merged("/p/1/availability", &nastola);
        assert_eq!(to, "/p/1/availability?merged=532");
        let back = Notice::Availability.on(&to);
        assert_eq!(
            merged_from_query(Some(&back[back.find('?').map_or(0, |i| i + 1)..])).len(),
            1
        );
        // A current municipality, a malformed code and repeats add nothing.
        assert!(merged_from_query(Some("merged=398&merged=<b>&merged=")).is_empty());
        assert_eq!(merged_from_query(Some("merged=532&merged=532")).len(), 1);
        assert!(merged_from_query(None).is_empty());
    }
}
