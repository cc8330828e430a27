## participants area (en)

# Caseload
p-caseload-title = My caseload
p-add-participant = Add a participant
p-caseload-empty = You have no participants yet.
p-caseload-intro = Those who have waited longest are at the top.
p-caseload-attention = { $n ->
    [one] { $n } participant has waited over 90 days with no meeting booked.
   *[other] { $n } participants have waited over 90 days with no meeting booked.
}
p-caseload-caption = { $n ->
    [one] { $n } participant
   *[other] { $n } participants
}
p-col-name = Name
p-col-stage = Stage
p-col-waiting = Waiting
p-col-next-meeting = Next meeting
p-flag-attention = Needs attention
p-waiting-days = { $n ->
    [one] { $n } day
   *[other] { $n } days
}
p-since = since { $date }
p-no-meeting = No meeting booked

# Participant pages
p-back-to-caseload = Back to caseload
p-stage-label = Stage
p-tabs-label = Participant's details
p-tabgroup-person = Person
p-tabgroup-progress = Progress
p-tabgroup-work = Work
p-tabgroup-consent = Consent
p-tab-background = Background
p-tab-functioning = Functioning
p-tab-skills = Skills
p-tab-languages = Languages
p-tab-availability = Availability
p-tab-path = Service path
p-tab-meetings = Meetings
p-tab-suggestions = Suggested work
p-tab-craft = Craft a job
p-conflict-title = Someone else changed this at the same time
p-conflict-text = Nothing was saved. Below is what is stored now. The form has your values: check them and save again if you want to replace the other change.
p-save = Save
p-yes = Yes
p-no = No
p-unknown = Not known
p-not-recorded = Not recorded
p-choose = Choose
p-add-named = Add: { $name }
p-remove-named = Remove: { $name }
p-search = Search
p-search-hint = Type a word or the start of one, for example "cleaning".
p-search-none = Nothing was found.
p-search-count = { $n ->
    [one] Found { $n } match.
   *[other] Found { $n } matches.
}

# Stages
p-stage-enrolled = Enrolled
p-stage-assessment = Assessment
p-stage-coaching = Coaching
p-stage-trial = Work trial
p-stage-job-or-education = In work or education
p-stage-retention = Support to stay in work
p-stage-exited = Ended

# Background and new participant
p-new-title = Add a participant
p-new-intro = Fill in the participant's basic details. You can add the rest later.
p-new-submit = Add participant
p-field-project = Project
p-section-identity = Identity
p-section-contact = Contact details
p-section-hours = Working hours
p-section-times = Suitable working times
p-section-mobility = Getting to work
p-section-esf = ESF+ entry data
p-esf-hint = Entry data is asked for project monitoring. The participant may choose not to answer.
p-field-given-name = Given name
p-field-family-name = Family name
p-field-hetu = Personal identity code
p-hetu-hint = In the form ddmmyy-nnnc, for example 131052-308T. You may leave it empty.
p-hetu-recorded = Recorded (not shown)
p-field-email = Email
p-field-phone = Phone
p-field-home = Home municipality
p-home-hint = Type the name of the municipality. A former one is fine too, for example Nastola: today's municipality is saved.
p-field-hours-min = Hours a week, at least
p-field-hours-max = Hours a week, at most
p-field-days-max = Days a week, at most
p-field-waiting-since = Service started
p-field-labour-market-status = Labour market status
p-status-unemployed = Unemployed
p-status-inactive = Outside the labour force
p-status-employed = Employed
p-status-in-education = In education
p-field-education = Level of education
p-education-0 = No schooling, or primary school not finished
p-education-1 = No comprehensive school certificate
p-education-2 = Comprehensive school (basic education)
p-education-3 = Upper secondary school or vocational upper secondary qualification
p-education-4 = Specialist vocational qualification
p-education-5 = College diploma (for example technician)
p-education-6 = Bachelor's degree, from a university or a university of applied sciences
p-education-7 = Master's degree, from a university or a university of applied sciences
p-education-8 = Licentiate or doctorate
p-field-long-term-unemployed = Long-term unemployed
p-field-birth-year = Year of birth
p-field-foreign-background = Foreign background
p-field-disability = Disability or long-term illness
p-goals-title = Goals
p-goals-none = No goals recorded yet.
p-goal-search-label = Search for a goal occupation

# Functioning
p-functioning-intro = Answer each question together with the participant. If something has not been assessed, choose "not assessed".
p-not-assessed = Not assessed
p-level-option = { $level }: { $text }
p-step-progress = Part { $step } of { $steps }: { $name }
p-step-with-count = { $name } ({ $done } of { $total } assessed)
p-step-physical = Body and movement
p-step-senses = Senses and surroundings
p-step-cognitive = Learning and concentration
p-step-social = Other people and independence
p-step-arrangements = Workplace adjustments and notes
p-save-and-next = Save and continue
p-save-and-back = Save and go back
p-accommodations-legend = Workplace adjustments needed
p-field-functional-notes = Notes on functioning
p-functional-notes-hint = Record functioning only, never diagnoses.

# Skills
p-skills-none = No skills recorded yet.
p-skills-caption = The participant's skills
p-col-skill = Skill
p-col-evidence = How shown
p-col-actions = Actions
p-skills-add-title = Add a skill
p-skill-search-label = Search for a skill
p-skill-have = Already added
p-evidence-self-assessed = Self-assessed
p-evidence-coach-observed = Observed by the coach
p-evidence-work-trial = Shown in a work trial
p-evidence-certificate = Certificate
esco-working = working translation
esco-working-title = Polku's own working translation, not ESCO's official label. The official label replaces it when ESCO's Finnish or Swedish data is imported.
p-goal-skills-title = Essential skills of the goal occupations
p-goal-skills-hint = Choose the skills to add to the person's skills. Skills already added are not listed.
p-goal-skills-add = Add the chosen skills of { $name }
p-goal-skills-link = The essential skills of the goal occupations can be added on the Skills tab.

# Languages
p-languages-none = No languages recorded yet.
p-languages-legend = Language skills
p-language-level-for = Level: { $name }
p-language-remove = Remove language
p-language-add-legend = Add a language
p-field-language-code = Language
p-language-code-hint = Choose a language and a level and save. You can add languages one at a time: after saving, the form is ready for the next language.
p-field-language-level = Level
p-choose-language = Choose a language
p-cefr-hint = The levels A1–C2 are those of the Common European Framework of Reference (CEFR). A1 is a beginner, C2 close to a native speaker.
cefr-a1 = A1 – Beginner: understands and uses familiar everyday expressions and very simple phrases
cefr-a2 = A2 – Elementary: manages simple everyday situations, such as shopping and short work instructions
cefr-b1 = B1 – Intermediate: copes with most situations at work and in daily life and can describe experiences
cefr-b2 = B2 – Upper intermediate: talks fluently and understands even difficult texts in their own field
cefr-c1 = C1 – Advanced: expresses themselves fluently and flexibly, also at work and in study
cefr-c2 = C2 – Proficient: understands almost everything and expresses themselves precisely, as in their mother tongue

# Availability
p-field-evenings = Evenings
p-field-nights = Nights
p-field-weekends = Weekends
p-field-acceptable = Other suitable municipalities
p-acceptable-hint = Separate municipalities with commas, for example Hollola, Nastola.
p-field-driving-licence = Driving licence

# Path
p-path-now = now
p-path-move-legend = Which stage next?
p-path-move = Change stage

# Meetings
p-meetings-none = No meetings recorded yet.
p-meetings-caption = Meetings, newest first
p-col-when = When
p-col-place = Where
p-col-duration = Length
p-col-notes = Notes
p-minutes = { $n ->
    [one] { $n } minute
   *[other] { $n } minutes
}
p-meeting-record-title = Record a meeting
p-meeting-record = Record meeting
p-field-date = Date
p-field-time = Time
p-field-duration = Length in minutes
p-field-place = Where did you meet?
p-field-notes = Notes
p-notes-hint = Notes are encrypted. Record only what is needed.
p-place-office = At the office
p-place-outside-office = Outside the office
p-place-remote = Remotely
p-place-pop-up = At a pop-up point

# Suggestions
p-suggestions-intro = Suggestions are based on the participant's details and the tasks of the project's employers.
p-suggestions-none = No suitable openings were found.
p-untitled-opening = Untitled opening
p-score = Fit { $score } / 100
p-hours-per-week = { $n ->
    [one] { $n } hour a week
   *[other] { $n } hours a week
}
p-task-hours = { $title } ({ $hours } h/week)
p-tasks-title = Tasks
p-why-title = Why it fits
p-check-title = To check
p-check-none = Nothing to check.
p-accommodations-title = Workplace adjustments
p-accommodations-none = No adjustments needed.
p-subsidy-title = Pay subsidy
p-parts-caption = What the fit is made of
p-col-part = Part
p-col-explanation = Explanation
p-col-points = Points
p-craft-at = Craft a job: { $employer }
p-kind-job = Job
p-kind-work-trial = Work trial
p-kind-education-trial = Education trial
p-kind-apprenticeship = Apprenticeship
p-kind-gig = Gig
p-fit-hours = { $hours } hours a week is within the { $min }–{ $max } hours wished for.
p-fit-days = { $days } days a week is within the maximum of { $max }.
p-fit-municipality = The workplace is in a suitable municipality: { $place }.
p-fit-language = { $language }: { $required } required, the participant has { $has }.
p-fit-functioning = Manages without support: { $dimensions }.
p-fit-accommodated = { $dimension }: the work needs level { $demand }, the participant is at { $capacity }. Works with these adjustments: { $accommodations }.
p-check-dimension = Check { $dimension }: the task demands level { $demand }, but it has not been assessed.
p-acc-item = { $amount ->
    [0] { $name }, at no cost.
   *[other] { $name }, about { $eur }.
}
p-acc-subsidy = The subsidy for arranging working conditions may cover the cost.
p-acc-subsidy-cap = The subsidy for arranging working conditions may cover the cost, up to { $eur }.
p-acc-total = { $amount ->
    [0] The adjustments cost nothing.
   *[other] The adjustments cost about { $eur } in total.
}
p-subsidy-estimate = Estimated pay subsidy about { $eur } a month ({ $rate } of the wage).
p-subsidy-months = { $n ->
    [one] For at most { $n } month.
   *[other] For at most { $n } months.
}
p-subsidy-rate = The pay subsidy may be { $rate } of the wage. No wage is recorded, so no amount can be estimated.
p-subsidy-none = The pay subsidy cannot be estimated for today.
p-subsidy-unpaid = Unpaid place, no pay subsidy.
p-part-essential-skills = Essential skills
p-part-essential-skills-text = { $of ->
    [0] No essential skills are recorded for the tasks.
   *[other] The participant has { $have } of the { $of } essential skills.
}
p-part-optional-skills = Other skills
p-part-optional-skills-text = { $of ->
    [0] No other useful skills are recorded for the tasks.
   *[other] The participant has { $have } of the { $of } useful skills.
}
p-part-learnable-gaps = Learnable on the job
p-part-learnable-gaps-text = { $missing ->
    [0] The participant already has every essential skill.
    [one] { $learnable ->
        [0] One essential skill is missing, and it cannot be learnt on the job.
       *[other] One essential skill is missing, but it can be learnt on the job.
    }
   *[other] { $learnable ->
        [0] { $missing } essential skills are missing, and none of them can be learnt on the job.
        [one] { $missing } essential skills are missing, and one of them can be learnt on the job.
       *[other] { $missing } essential skills are missing, and { $learnable } of them can be learnt on the job.
    }
}
p-part-language-margin = Language
p-part-language-margin-none = The tasks need no particular language.
p-part-language-margin-text = { $above ->
    [0] { $language }: { $required } required, and the participant meets it.
    [one] { $language }: { $required } required, and the participant is one level above it.
   *[other] { $language }: { $required } required, and the participant is { $above } levels above it.
}
p-part-functioning-margin = Functioning
p-part-functioning-margin-text = { $demands ->
    [0] The tasks make no particular demands on functioning.
    [one] { $spare ->
        [0] The tasks make one demand on functioning, and the participant just meets it.
       *[other] The tasks make one demand on functioning, and the participant meets it with room to spare.
    }
   *[other] { $spare ->
        [0] The tasks make { $demands } demands on functioning, none of them met with room to spare.
        [one] The tasks make { $demands } demands on functioning, one of them met with room to spare.
       *[other] The tasks make { $demands } demands on functioning, { $spare } of them met with room to spare.
    }
}
p-part-functioning-unassessed = { $n ->
    [one] One demand concerns something not yet assessed.
   *[other] { $n } demands concern things not yet assessed.
}
p-part-accommodation-cost = Cost of adjustments
p-part-accommodation-cost-text = { $amount ->
    [0] The adjustments cost nothing.
   *[other] The adjustments cost about { $eur }.
}
p-part-goal-fit = Fit with goals
p-part-goal-fit-text = { $hours ->
    [0] The tasks do not match the participant's career goals.
    [one] One hour a week matches the participant's career goals.
   *[other] { $hours } hours a week match the participant's career goals.
}
p-part-employer-readiness = Employer readiness
p-part-readiness-mentor-trials = The employer has a workplace mentor and trial places.
p-part-readiness-mentor = The employer has a workplace mentor.
p-part-readiness-trials = The employer has trial places.
p-part-readiness-none = The employer has no mentor and no trial places.

# Craft
p-craft-intro = Choose an employer. Polku puts together the job from its tasks that fits the participant best.
p-field-employer = Employer
p-craft-show = Show the job
p-craft-result-title = Crafted job: { $employer }
p-craft-hours = In total { $hours } hours a week (wish { $min }–{ $max }).
p-craft-none = No suitable job can be put together from the tasks.
p-description-title = Description
p-left-out-title = Tasks left out
p-left-out-item = { $task }: { $why }
p-left-out-hours = { $hours ->
    [one] The task's { $hours } hour does not fit within the weekly hours.
   *[other] The task's { $hours } hours do not fit within the weekly hours.
}
p-left-out-min-hours = The suitable tasks do not reach the minimum hours.
p-left-out-accommodation-cost = The task would need further adjustments costing about { $eur }, more than it adds to the whole.
p-left-out-lower-value = The job is better as a whole without it.
p-limit-functioning = { $dimension }: the work needs level { $demand }, the participant is at { $capacity }.
p-limit-language = { $language }: { $required } required, the participant has { $has }.
p-limit-hours = { $hours } hours a week does not fit the wish of { $min }–{ $max }.
p-limit-days = { $days } days a week is more than { $max }.
p-limit-schedule = The working time does not suit.
p-limit-schedule-evenings = The work is in the evenings.
p-limit-schedule-nights = The work is at night.
p-limit-schedule-weekends = The work is at weekends.
p-limit-municipality = The workplace is in a municipality the participant cannot reach: { $place }.
p-craft-save-title = Save as an opening
p-field-opening-title = Name of the opening
p-field-opening-kind = Kind of opening
p-craft-save = Save opening
p-craft-saved-title = Opening saved
p-craft-saved-named = The opening "{ $title }" was saved for the employer.
p-craft-saved-text = The opening was saved for the employer.
p-craft-again = Back to crafting

# Errors
p-error-invalid = Check the details.
p-error-name = Enter a name (at most 100 characters).
p-error-hetu = The personal identity code is not valid.
p-error-hetu-length = A personal identity code has 11 characters, for example 131052-308T.
p-error-hetu-check = The last character of the identity code does not match. Check the digits.
p-error-hetu-century = The middle sign of the identity code is wrong. Use -, + or A (or a new sign such as B or Y).
p-error-hetu-date = The identity code must start with a real date (ddmmyy).
p-error-hetu-duplicate = There is already a participant with this identity code.
p-error-email = Enter an email address like name@example.fi.
p-error-phone = Use digits, spaces and + - ( ) in the phone number.
p-error-municipality = Enter the name of a municipality, for example Lahti.
p-error-municipality-unknown = Municipality not recognised: { $word }. Check the name, for example Lahti.
p-error-hours = Enter hours as a number 0–60.
p-error-hours-range = The minimum hours must not be more than the maximum.
p-error-days = Enter days as a number 1–7.
p-error-birth-year = Enter the year of birth as four digits.
p-error-isced = Choose the level of education from the list.
p-error-stage = The path cannot move straight to this stage.
p-error-stage-choose = Choose a stage.
p-error-level = Choose a level from the list.
p-error-language = Choose a language from the list. This language is not recognised.
p-error-date = Enter the date as yyyy-mm-dd.
p-error-time = Enter the time as hh:mm.
p-error-duration = The length is 5–480 minutes.
p-error-place = Choose the place.
p-error-notes = The notes are too long (at most 10,000 characters).
p-error-title = Enter a name for the opening.
p-error-employer = Choose an employer.
p-error-kind = Choose the kind of opening.
p-error-no-tasks = The job got no tasks.
p-suggestions-failed = Suggestions could not be worked out because some employer data is incomplete. Ask the employer coordinator to check the tasks.
p-craft-failed = The job could not be put together because the employer data is incomplete (for example, no tasks recorded yet).
p-path-history-title = Stage changes
p-path-history-none = The stage has not changed yet.
p-path-history-caption = Stage changes, newest first
p-col-from = From
p-col-to = To
p-error-skill = Choose a skill from the search results.

## Plan tab
p-tab-plan = Plan
p-plan-none = The plan has no steps yet.
p-plan-caption = { $n ->
    [0] Steps of the plan, all done
    [one] Steps of the plan, one open
   *[other] Steps of the plan, { $n } open
}
p-plan-col-step = Step
p-plan-col-due = Due
p-plan-col-status = Status
p-plan-overdue = Overdue
p-plan-done-on = Done { $date }
p-plan-open = Open
p-plan-reopen = Mark as open
p-plan-mark-done = Mark as done
p-plan-add-title = Add a step
p-plan-field-text = What will be done
p-plan-text-hint = Write the step as you agreed it, for example “Visit the warehouse together”.
p-plan-field-due = Due date (optional)
p-plan-add = Add to the plan
p-plan-error-text-empty = Write what will be done.
p-plan-error-text-long = The step is too long (at most 2000 characters).
p-plan-error-due = Give the date as yyyy-mm-dd.
p-plan-conflict-label = Step
p-plan-conflict-value = Someone else changed this step meanwhile. Check its status and try again.

# Consents (R16)
p-tab-consents = Consents
p-consent-intro = A participant's information is shown to an employer, a mentor or an educational institution only with their consent, for each kind of information separately. A consent can be withdrawn at any time with one click, and the withdrawal applies at once.
p-consent-none = No consents have been recorded.
p-consent-caption = { $n ->
    [0] Consents, none in force
    [one] Consents, one in force
   *[other] Consents, { $n } in force
}
p-consent-col-category = Information
p-consent-col-recipient = To whom
p-consent-col-purpose = What for
p-consent-col-given = Given
p-consent-col-wording = Wording (code)
p-consent-col-status = Status
p-consent-withdrawn-on = Withdrawn { $date }
p-consent-active = In force
p-consent-withdraw = Withdraw consent
p-consent-add-title = Record a new consent
p-consent-field-purpose = What is the information used for?
p-consent-field-recipient = Who sees the information?
p-consent-show-wording = Show the consent wording
p-consent-read-aloud = Read the wording with the participant. Tick only the information they consent to.
p-consent-field-categories = Information the participant consents to
p-consent-field-method = How was the consent given?
p-consent-record = Record consent
p-consent-cancel = Cancel
p-consent-purpose-placement = Proposing the participant for a job, a work trial or a gig, and its follow-up
p-consent-purpose-transition = The move from school to work or from one course of education to another
p-consent-recipient-employer = Employer
p-consent-recipient-mentor = Mentor at work
p-consent-recipient-institution = Educational institution
p-consent-category-contact = Contact details
p-consent-category-skills = Skills
p-consent-category-languages = Languages
p-consent-category-goals = Goals and availability
p-consent-category-functioning = Functioning and workplace adjustments
p-consent-category-documents = Documents
p-consent-method-written = In writing, signed
p-consent-method-in_meeting = Orally in a meeting
p-consent-method-electronic = Electronically in the service
p-consent-error-purpose = Choose what the information is used for.
p-consent-error-recipient = Choose who sees the information.
p-consent-error-category = Tick at least one kind of information the participant consents to.
p-consent-error-method = Choose how the consent was given.
p-consent-error-wording = The consent wording has changed. Read the new wording with the participant and record the consent again.

# Sharing (R17)
p-share-title = Sharing information
p-share-intro = Share information with one employer, mentor or educational institution user until a date. Only the information the participant's consent is in force for is shown.
p-share-none = Nothing has been shared with anyone.
p-share-caption = Shares
p-share-col-recipient = With whom
p-share-col-until = Ends
p-share-active = In force
p-share-revoked = Revoked
p-share-expired = Ended
p-share-revoke = Stop sharing
p-share-no-recipients = The project has no employer, mentor or institution users to share with.
p-share-field-recipient = Share with
p-share-choose = Choose a recipient
p-share-field-categories = Information to share
p-share-field-purpose = What the information is used for
p-share-purpose-hint = The participant must have consented to this use of each kind of information. Without a choice, the share is for proposing the participant for work.
p-share-categories-hint = Only information covered by the participant's consent can be shared.
p-share-field-until = Shared until (yyyy-mm-dd)
p-share-submit = Share the information
p-share-error-recipient = Choose who to share the information with.
p-share-error-category = Tick at least one kind of information to share.
p-share-error-until = Give the end date as yyyy-mm-dd, today at the earliest and at most one year from today.
p-share-error-consent = The participant has not consented to sharing all the chosen information with this recipient. Record the consent first.

# Access request (R39)
p-export-title = Access request
p-export-intro = The participant has the right to get all the data stored about them (EU General Data Protection Regulation, Articles 15 and 20): personal and functioning data, service path, meetings, plan, consents, who the data was shared with, and when and why the data was processed. The file is machine-readable (JSON) and names no staff. It holds sensitive data: give it only to the participant themself. The download is logged.
p-export-download = Download all data (JSON)

## Confirmations after a save (shown once as a status message)
notice-participant = Participant added.
notice-details = Basic details saved.
notice-functioning = Functioning saved.
notice-availability = Availability saved.
notice-municipality-merged = { $former } merged with another municipality in { $year }. Today it is { $current }, which was saved.
notice-languages = Languages saved.
notice-skills = Skills saved.
notice-path = Path stage saved.
notice-meeting = Meeting recorded.
notice-plan-step = Plan step added.
notice-plan-done = Step marked done.
notice-consent = Consent recorded.
notice-consent-withdrawn = Consent withdrawn.
notice-share = Information shared.
notice-share-ended = Sharing ended.

## Why there are few suggestions, and what would change that.
p-why-few-title = Why there are few suggestions
p-left-out = { $n ->
    [one] One opening of the project was left out.
   *[other] { $n } openings of the project were left out.
}
p-left-out-reason = { $reason }: { $n ->
    [one] one opening
   *[other] { $n } openings
}
p-reason-hours = Hours
p-reason-days = Working days
p-reason-schedule = Working times
p-reason-municipality = Place of work
p-reason-language = Language skills
p-reason-functioning = Functioning
p-change-hours = Widen the hours to { $min }–{ $max } a week to see { $n ->
    [one] one more opening
   *[other] { $n } more openings
}.
p-change-days = Allow up to { $days } working days a week to see { $n ->
    [one] one more opening
   *[other] { $n } more openings
}.
p-change-schedule = If work { $times } suits the participant, { $n ->
    [one] one more opening
   *[other] { $n } more openings
} can be suggested.
p-change-municipalities = If the participant can also work in { $places }, { $n ->
    [one] one more opening
   *[other] { $n } more openings
} can be suggested.
p-change-languages = With language skills of { $levels }, { $n ->
    [one] one more opening
   *[other] { $n } more openings
} can be suggested.
p-change-none = Most were left out because of functioning. Check the functioning assessment and the workplace adjustments, or craft a job with an employer.
p-when-evenings = in the evenings
p-when-nights = at night
p-when-weekends = at weekends

## When unemployment began, and the subsidy estimate (the pay-subsidy rules)
p-field-unemployed-since = Unemployed since
p-hint-unemployed-since = The day the current unemployment began, for example 2024-03-01 or 1.3.2024. It tells how many of the last 28 months the person has been unemployed. Twelve months or more mark the person as long-term unemployed.
p-error-unemployed-since = Enter the day as 2024-03-01 or 1.3.2024.
p-error-unemployed-since-future = The day unemployment began cannot be in the future.
p-sub-caption = Subsidies that may apply
p-sub-col-rule = Subsidy
p-sub-col-rate = Share of the wage
p-sub-col-cap = At most a month
p-sub-col-months = For at most
p-sub-col-month = Estimate a month
p-sub-col-total = Estimate for the whole period
p-sub-col-why = Why, and what to check
p-sub-best = best
p-sub-none = No pay subsidy applies here.
p-sub-no-cap = no cap
p-sub-no-eur = –
p-sub-months-n = { $n ->
    [one] { $n } month
   *[other] { $n } months
}
p-sub-status-confirmed = The rule is confirmed by its sources.
p-sub-status-partly_confirmed = The rule is partly confirmed: check it.
p-sub-status-uncertain = The rule is uncertain: check it.
p-sub-estimate-note = These are estimates, not decisions. Confirm the subsidy with the employment authority.
p-sub-reason-reduced_work_ability = The person has reduced work ability.
p-sub-reason-age = The person is { $at_least } or over.
p-sub-reason-long_term_unemployed = The person is long-term unemployed.
p-sub-reason-unemployed_months = Unemployed { $months } of the last 28 months ({ $at_least } needed).
p-sub-reason-nonprofit_employer = The employer is: { $form }.
p-sub-reason-hours = { $hours } hours a week (at least { $at_least } needed).
p-sub-reason-worktime_ceiling = Covers the pay for at most { $hours } hours a week (65 % of full time), multiplied by { $factor }.
p-sub-reason-confirm_non_business_tasks = Check: the tasks are not business activity.
p-sub-reason-confirm_disadvantaged_group = Check: the person is in a group the pay subsidy is for (for example aged 50 or over, no vocational qualification, or no paid work in the last 6 months).
p-sub-missing-birth_date = Missing: the date of birth. Only the year is known, and it does not tell whether the age limit is reached yet.
p-sub-missing-age = Missing: the year of birth.
p-sub-missing-unemployment_history = Missing: the day unemployment began.
p-sub-missing-employer_legal_form = Missing: the employer's legal form.
p-sub-note-state_employer = The state cannot get pay subsidy.
p-sub-note-municipal_employer = A municipality can get pay subsidy only for hiring a person with reduced work ability or a long-term unemployed person aged 60 or over.
p-sub-note-employer_legal_form_unknown = The employer's legal form is not recorded, so the estimate may change.
p-sub-arrangement-title = Subsidy for arranging working conditions
p-sub-arrangement-one-off = { $name }: up to { $eur } once.
p-sub-arrangement-monthly = { $name }: { $eur } a month for up to { $n } months.
p-sub-arrangement-not-in-force = { $name }: the subsidy cannot be estimated for today.
p-sub-arrangement-total = Subsidy for arranging working conditions in all: about { $eur }.
p-sub-total = The best pay subsidy and the subsidy for arranging working conditions together: about { $eur } for the whole period.
p-kept-title = Stored earlier, no longer recorded
p-kept-hint = Your organisation no longer records these fields. The values stored earlier are kept until you remove them or the person's data is erased.
p-kept-note = (your organisation no longer records this; it is kept until erased)
p-kept-clear = Remove { $name }
rule-field-not-enabled = Your organisation does not record this field. An administrator can switch it on.
