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
