# Sharing scarce trial places (employer coordinators and project managers).
nav-allocation = Trial places
notice-allocation = Assignment accepted and recorded.
alloc-title = Share trial places
alloc-intro = Choose the trial openings and the participants. Polku works out the assignment with the highest total fit, giving extra weight to those who have waited longest. Nothing is recorded until you accept it.
alloc-no-projects = You have no project where you can share trial places.
alloc-field-project = Project
alloc-choose-project = Show the project
alloc-openings-legend = Trial openings
alloc-no-openings = The project has no current trial openings.
alloc-places = { $n ->
    [one] { $n } place
   *[other] { $n } places
}
alloc-participants-legend = Participants looking for a trial
alloc-participants-hint = Participants in the coaching or trial stage, longest waiting first. Names are not shown.
alloc-no-participants = No participant of the project is looking for a trial.
alloc-waiting-since = waiting since { $date }
alloc-compute = Compute
alloc-participant-n = Participant { $n }
alloc-result-title = Computed assignment of trial places
alloc-result-intro = Nothing has been recorded yet: accept the assignment below to record it.
alloc-changed-title = The assignment has changed
alloc-changed-text = The data changed after the assignment was shown, so it was not accepted. The assignment below is the one computed now; accept it again if it is right.
alloc-summary-title = Total
alloc-total = Total score (fit and waiting time)
alloc-placed = People placed
alloc-greedy-total = Total by first come, first served
alloc-comparison = By first come, first served (longest waiting chooses first) the total would be { $greedy } with { $greedyplaced } people placed. This assignment places { $placed } and gains { $gain }; { $differs ->
    [one] { $differs } person goes
   *[other] { $differs } people go
} elsewhere than they would by first come, first served.
alloc-nobody = No one was placed here.
alloc-table-caption = People placed in { $opening }
alloc-col-participant = Participant
alloc-col-score = Score
alloc-col-bonus = Waiting-time bonus
alloc-why-here = Why { $who } fits here
alloc-unplaced-title = Without a place
alloc-unplaced-none = Everyone chosen got a place.
alloc-why-no-fit = None of the chosen openings fits.
alloc-why-no-fit-limits = None of the chosen openings fits: { $limits }.
alloc-why-places-taken = { $n ->
    [one] One opening fits, but its places give a higher total to others.
   *[other] { $n } openings fit, but their places give a higher total to others.
}
alloc-limit-functioning = the work demands more than the person's functioning allows
alloc-limit-language = the language requirement
alloc-limit-hours = working hours
alloc-limit-days = working days
alloc-limit-schedule = evening, night or weekend work
alloc-limit-municipality = the place of work
alloc-average-title = Average score parts
alloc-average-intro = Project managers see the explanation in aggregate only: the average points of each score part over the people placed.
alloc-average-suppressed = The averages are shown when at least five participants are placed, so that no single participant's figures stand out.
alloc-col-average = Average points
alloc-accept-title = Accept the assignment
alloc-accept-hint = Accepting records this assignment as a decision and prepares a proposal for each person placed, for their coach to confirm. If the data has changed since this page was shown, Polku refuses and shows the new assignment.
alloc-accept = Accept the assignment
alloc-change-choice = Change the choice
alloc-error-openings = Choose trial openings of the project from the list.
alloc-error-participants = Choose participants of the project who are looking for a trial from the list.
alloc-error-no-openings = Choose at least one trial opening.
alloc-error-no-participants = Choose at least one participant.
alloc-error-engine = The assignment could not be computed from the stored data. Check the openings' tasks.
alloc-accept-coordinators = An employer coordinator of the project accepts the assignment and prepares the proposals.
alloc-accepted-title = Assignment accepted
alloc-accepted-intro = The decision is recorded. A proposal has been prepared for each person placed; the participant's coach confirms it before it goes to the employer.
alloc-prepared-title = Proposals prepared
alloc-prepared-none = No proposals were prepared.
alloc-refused-title = No proposal prepared
alloc-proposal-failed = The proposal could not be prepared. Try again, or prepare it by hand.
alloc-back-to-form = Share more trial places
