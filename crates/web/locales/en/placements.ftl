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
