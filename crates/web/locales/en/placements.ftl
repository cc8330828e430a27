## Placements: proposals, work trials, education trials, jobs, apprenticeships and gigs.
## Broken rules (the API's field errors and the forms' errors): rule-<code>.

rule-placement-needs-tasks = Choose at least one task.
rule-end-before-start = The end date is before the start date.
rule-days-per-week-range = Days a week can be 1–7.
rule-hours-per-day-range = Hours a day can be 1–12.
rule-work-trial-hours-per-day = A work trial is 4–8 hours a day.
rule-work-trial-days-per-week = A trial is at most 5 days a week.
rule-trial-needs-end = A trial needs an end date.
rule-work-trial-at-own-workplace = A work trial cannot take place where the participant already works.
rule-work-trial-six-months-per-organiser = Work trials with the same organiser last at most 6 months in all, earlier trials included.
rule-work-trial-twelve-months-total = Work trials last at most 12 months in all, earlier trials included.
rule-education-trial-ten-days = An education trial lasts at most 10 days at a time.
rule-gig-needs-end = A gig needs an end date.
rule-pay-subsidy-only-for-jobs = Pay subsidy applies to a job only.
rule-participant-has-no-coach = The participant has no job coach to confirm the proposal.
rule-employer-not-in-project = The employer is not in this project's register.
rule-task-not-at-employer = The task is not one of this employer's tasks.
rule-opening-not-at-employer = The opening is not one of this employer's openings.
rule-mentor-not-found = The workplace mentor was not found.
rule-not-a-mentor-of-project = The user is not a workplace mentor in this project.
rule-proposal-not-waiting = The proposal has already been answered or is not waiting for an answer.
rule-answer-no-needs-reason = Say why the answer is no.
rule-text-too-long = The text is too long (at most 2,000 characters).
rule-ending-needs-reason = Give the reason.
rule-user-not-found = The user was not found.
rule-not-an-employer-user-of-project = The user is not an employer user in this project.
rule-proposal-category-without-consent = The participant has not consented to disclosing all the chosen information to employers.
rule-proposal-needs-consent = The participant has not consented to disclosing any information to employers. Record the consent first.
rule-placement-state-move-not-allowed = The placement cannot move to this state from its current one.

## The employer's view of a proposal and the answer (proposal-…).

nav-proposals = Proposals
home-proposals-title = Proposals waiting for your answer
home-proposals-none = No proposal is waiting for your answer.
notice-answer = Your answer has been saved. The job coach can see it.
proposal-list-title = Proposals
proposal-list-intro = The job coaches' proposals and the placements for the employers you represent.
proposal-waiting-title = Waiting for your answer
proposal-waiting-none = No proposal is waiting for your answer.
proposal-others-title = Other proposals and placements
proposal-others-none = No other proposals or placements.
proposal-waited-days = { $n ->
    [0] waiting for less than a day
    [one] waiting for { $n } day
   *[other] waiting for { $n } days
}
proposal-starts = starts { $date }
proposal-person = Participant
proposal-state-prepared = Prepared
proposal-state-proposed = Waiting for an answer
proposal-state-agreed = Agreed
proposal-state-active = Under way
proposal-state-completed = Completed
proposal-state-interrupted = Interrupted
proposal-state-declined = Not going ahead
proposal-state-withdrawn = Withdrawn
proposal-preview-note = This is how the employer sees the proposal.
proposal-conflict = The proposal has changed since you opened the page. Your answer was not saved. Check the proposal and answer again.
proposal-term-start = Starts
proposal-term-end = Ends
proposal-term-time = Working time
proposal-term-time-value = { $hours } hours a day, { $days } days a week
proposal-term-mentor = Workplace mentor
proposal-term-coach = Job coach
proposal-tasks-title = Work tasks
proposal-tasks-caption = { $n ->
    [one] The tasks, { $n } hour a week in all
   *[other] The tasks, { $n } hours a week in all
}
proposal-col-task = Task
proposal-col-hours = Hours a week
proposal-col-days = Days a week
proposal-col-schedule = Working time
proposal-col-fit = What the participant can do
proposal-fit-independent = Can do the task independently.
proposal-fit-induction = Needs induction: { $skills }.
proposal-fit-training = Needs training before starting: { $skills }.
proposal-fit-language = Language skills are enough for the task ({ $language }).
proposal-fit-language-support = Needs support in the language ({ $language }).
proposal-fit-suits = Suits the task without workplace adjustments.
proposal-fit-suits-with = Suits the task when the workplace has { $accommodations }.
proposal-fit-agree = Workplace adjustments are agreed with the job coach.
proposal-fit-nothing = No information about this task has been shared.
proposal-not-shared = This information has not been shared and was not used: { $groups }.
proposal-group-skills = skills
proposal-group-languages = language skills
proposal-group-functioning = workplace adjustments
proposal-adjustments-title = Workplace adjustments and costs
proposal-adjustments-none = The work needs no workplace adjustments.
proposal-adjustments-total = { $amount ->
    [0] The workplace adjustments cost nothing.
   *[other] Workplace adjustments about { $eur } in all.
}
proposal-subsidy-title = Pay subsidy
proposal-subsidy-none = The proposal comes with no pay subsidy.
proposal-subsidy-no-wage = The proposal is a job with pay subsidy. No wage has been recorded, so the subsidy cannot be estimated in euros.
proposal-subsidy-estimate-note = An estimate: confirm it with the employment authority.
proposal-answered-title = Answer
proposal-answer-title = Answer the proposal
proposal-answer-legend = Your answer
proposal-answer-yes = Yes
proposal-answer-meet = Let's meet first
proposal-answer-no = No
proposal-answer-required = Choose an answer.
proposal-reason-label = Reason
proposal-reason-hint = Required if you answer no. Give a reason about the work (for example the tasks or the schedule), not about health. At most 2,000 characters.
proposal-answer-send = Send the answer
## The coach's and coordinator's pages: the placements tab, the proposal form, open proposals, employer users (pl-).

pl-tab = Placements
pl-tab-intro = The participant's proposals and placements. Proposals a coordinator prepared wait for you to confirm them.
pl-new = New proposal to an employer
pl-none = No proposals or placements.
pl-list-caption = Proposals and placements
pl-col-employer = Employer
pl-col-kind = Kind
pl-col-state = State
pl-col-start = Starts
pl-col-end = Ends
pl-col-current = Placement
pl-col-waited = Waited
pl-waiting-for-you = Waiting for your confirmation
pl-state-prepared = Prepared
pl-state-proposed = Proposed
pl-state-agreed = Agreed
pl-state-active = Active
pl-state-completed = Completed
pl-state-interrupted = Interrupted
pl-state-declined = Declined
pl-state-withdrawn = Withdrawn
pl-error-invalid = Check the value.
pl-error-employer = Choose an employer.
pl-error-kind = Choose the kind of placement.
pl-error-date = Give the date as yyyy-mm-dd.
pl-error-number = Give a whole number.
pl-error-categories = Choose at least one group of information the participant has consented to disclosing.
pl-task-hours = { $title } ({ $hours } h/week)
pl-no-mentor = No workplace mentor yet
pl-no-consent = no consent
pl-new-for = Proposal to an employer: { $name }
pl-back-to-tab = Back to placements
pl-back-to-candidates = Back to the candidates
pl-prepare-title = Prepare a proposal: { $title }
pl-prepare-intro = The proposal is prepared for the participant's coach. The coach confirms it and chooses the information to disclose as the participant has consented; only then does the employer see it.
pl-field-employer = Employer
pl-choose-employer = Choose the tasks
pl-field-opening = Opening
pl-field-kind = Kind
pl-field-pay-subsidy = Pay subsidy
pl-pay-subsidy-hint = For a job only.
pl-field-tasks = Tasks
pl-no-tasks = The employer has no tasks yet.
pl-field-start = Start date
pl-field-end = End date
pl-field-hours-per-day = Hours a day
pl-field-days-per-week = Days a week
pl-field-mentor = Workplace mentor
pl-field-categories = Information disclosed to the employer
pl-categories-hint = Only groups of information with a consent in force can be chosen.
pl-propose = Send the proposal
pl-prepare = Prepare the proposal
pl-propose-suggestion = Propose to the employer
pl-propose-crafted = Propose this job
pl-prepare-link = Prepare a proposal
pl-prepare-for-n = Prepare a proposal for candidate { $n }
pl-detail-title = Placement
pl-field-participant = Participant
pl-field-state = State
pl-field-dates = Dates
pl-field-time = Working time
pl-hours-per-day = { $n ->
    [one] { $n } hour a day
   *[other] { $n } hours a day
}
pl-days-per-week = { $n ->
    [one] { $n } day a week
   *[other] { $n } days a week
}
pl-field-coach = Coach
pl-field-disclosed = Information disclosed
pl-disclosed-none = Nothing disclosed yet
pl-field-answer = The employer's answer
pl-field-ended = Ended
pl-answer-yes = Yes
pl-answer-meet = Let's meet first
pl-answer-no = No
pl-open-ended = until further notice
pl-conflict-title = The placement was changed meanwhile
pl-conflict-text = Someone changed the placement while the page was open. The stored placement is shown below; check it and make the change again.
pl-confirm-title = Confirm the proposal
pl-confirm-intro = A coordinator prepared this proposal. When you confirm it, the employer sees the proposal and the information you choose.
pl-confirm = Confirm and send
pl-moves-title = Change the state
pl-move-withdraw = Withdraw the proposal
pl-move-start = The placement started
pl-move-complete = The placement was completed
pl-move-interrupt = Interrupt the placement
pl-field-started-on = Start date
pl-field-ended-on = Date
pl-field-reason = Reason
pl-reason-hint = Give the reason in terms of the work; do not write health information.
pl-open-title = Open proposals
pl-open-intro = Prepared proposals and those waiting for the employer's answer, per employer, the longest wait first.
pl-open-none = No open proposals.
pl-open-caption = Open proposals: { $employer }
pl-days-waited = { $n ->
    [one] { $n } day
   *[other] { $n } days
}
pl-path-title = Placements
pl-home-prepared-title = Proposals waiting for your confirmation
pl-employer-users-title = Employer users
pl-employer-users-intro = Employer users see this employer's proposals and answer them.
pl-employer-users-none = No linked users.
pl-employer-users-no-others = The project has no other employer users to link.
pl-employer-user-choose = Employer user
pl-employer-user-link = Link the user
pl-employer-user-unlink = Remove the link
pl-employer-user-unlink-named = Remove the link of { $name }
nav-open-proposals = Open proposals
notice-proposal = The proposal was sent to the employer.
notice-proposal-prepared = The proposal was prepared. The coach confirms it.
notice-proposal-confirmed = The proposal was confirmed and sent to the employer.
notice-placement-moved = The placement's state was saved.
notice-employer-user = The user was linked to the employer.
notice-employer-user-removed = The user's link was removed.
rule-date-invalid = Give a date.
rule-proposal-needs-categories = Choose at least one group of information.
## Follow-ups after hiring (staying in work): follow-up-…

follow-up-home-title = Follow-ups
follow-up-home-none = No follow-ups this week and none overdue.
follow-up-home-overdue = Overdue
follow-up-home-week = This week
follow-up-line = { $employer }, { $checkpoint }, due { $due }
follow-up-days-overdue = { $n ->
    [one] 1 day overdue
   *[other] { $n } days overdue
}
follow-up-placement-ended = The placement ended on { $date }.
follow-up-checkpoint-1m = 1-month follow-up
follow-up-checkpoint-3m = 3-month follow-up
follow-up-checkpoint-6m = 6-month follow-up
follow-up-checkpoint-12m = 12-month follow-up
follow-up-still-same-employer = Working at the same employer
follow-up-still-other-employer = Working at another employer
follow-up-still-not-working = Not working
follow-up-title = Follow-up
follow-up-heading = { $checkpoint }
follow-up-done-on = The follow-up was recorded on { $date }.
follow-up-record-title = Record the follow-up
follow-up-correct-title = Correct the record
follow-up-field-still-working = Is the participant working?
follow-up-field-hours = Hours a week (0–60)
follow-up-field-support = Support given
follow-up-hint-support = For example a visit to the workplace or a talk with the workplace mentor. Do not record health information.
follow-up-field-recrafting = The job needs crafting again
follow-up-field-note = Note
follow-up-save = Save the follow-up
follow-up-recraft-title = Crafting
follow-up-recraft-intro = You recorded that the job needs crafting again. Crafting starts from the job's current tasks.
follow-up-recraft = Craft the job again
follow-up-error-still-working = Choose whether the participant is working.
follow-up-error-conflict = Someone else saved this follow-up meanwhile. The saved record is below; check it and save again.
follow-up-craft-current-title = The job's current tasks
follow-up-craft-current-intro = The starting point: the tasks the participant does now.
rule-follow-up-hours-out-of-range = Hours a week can be 0–60.
rule-follow-up-hours-when-not-working = When the participant is not working, the hours are 0.
