## employers area (en)
emp-list-title = Employers
emp-list-empty = No employers in the register yet.
emp-list-caption = { $n ->
    [one] { $n } employer
   *[other] { $n } employers
}
emp-new-link = Add an employer
emp-new-title = Add an employer
emp-edit-title = Edit employer details
emp-edit-link = Edit details
emp-overview-title = Employer overview
emp-tabs-label = Employer pages
emp-tab-overview = Overview
emp-tab-tasks = Tasks
emp-tab-openings = Openings
emp-tab-interactions = Contacts and needs
emp-col-open-openings = Openings available
emp-field-name = Name
emp-field-business-id = Business ID
emp-hint-business-id = Seven digits, a hyphen and a check digit, e.g. 1572860-0.
emp-field-industry = Industry (TOL 2008)
emp-hint-industry = Search for the industry by name or code, for example cleaning or 81210, and choose it from the list.
emp-field-size = Size
emp-field-municipalities = Municipalities
emp-hint-municipalities = Names or codes separated by commas, e.g. Lahti, Hollola.
emp-field-cooperation = Cooperation depth
emp-field-mentor = A workplace mentor is available
emp-size-micro = Micro (under 10 people)
emp-size-small = Small (10–49 people)
emp-size-medium = Medium-sized (50–249 people)
emp-size-large = Large (250 people or more)
emp-depth-contacted = Contacted
emp-depth-engaged = Engaged
emp-depth-deeper = Deeper cooperation
emp-unknown = Unknown
emp-yes = Yes
emp-no = No
emp-save = Save
emp-conflict-title = Someone else changed this in the meantime
emp-conflict-text = Your changes were not saved. Compare your values with the stored ones below. Saving again replaces the stored values with yours.
emp-conflict-caption = Stored values and yours
emp-conflict-field = Field
emp-conflict-stored = Stored now
emp-conflict-yours = Your value
emp-error-name = Enter a name (at most 200 characters).
emp-error-business-id = Check the business ID: it must be seven digits, a hyphen and a valid check digit, e.g. 1572860-0.
emp-error-business-id-taken = This business ID is already in the project's register.
emp-error-industry = Choose an industry from the TOL 2008 classification: search by name or code and choose from the list.
emp-error-municipalities = Enter at least one municipality, and only municipalities that exist.
emp-error-municipality = Enter a municipality that exists.
emp-error-choose = Choose one of the options.
emp-error-invalid = Check this value.
emp-error-title = Enter a title (at most 200 characters).
emp-error-too-long = The text is too long.
emp-error-hours = Enter the hours per week as a whole number from 1 to 40.
emp-error-days = Enter the days per week as a whole number from 1 to 7.
emp-error-value = Choose the value from 1 to 5.
emp-error-skills = A skill was not recognised. Search for it by name and add it again.
emp-error-occupation = The occupation was not recognised. Search for it by name and choose it again.
emp-error-level = Choose a level from 0 to 4, or no demand.
emp-error-tasks = Choose at least one task from the inventory.
emp-error-capacity = Enter how many people can start, at least 1.
emp-error-wage = Enter the monthly wage in whole euros, or leave it empty.
emp-error-wage-trial = Work and education trials are unpaid: leave the wage empty.
emp-error-date = Enter the date as year-month-day.
emp-error-ends-before = The end date is before the start date.
emp-error-summary = Write what was discussed (at most 4,000 characters).
emp-tasks-title = Tasks
emp-tasks-heading = Tasks at { $name }
emp-tasks-empty = No tasks in the inventory yet.
emp-task-count = { $n ->
    [one] { $n } task
   *[other] { $n } tasks
}
emp-task-new-link = Add a task
emp-task-new-title = Add a task
emp-task-edit-title = Edit task
emp-field-title = Title
emp-field-description = Description
emp-field-hours = Hours per week
emp-field-days = Days per week
emp-field-schedule = Working time
emp-schedule-daytime = Daytime
emp-schedule-evenings = Evenings
emp-schedule-nights = Nights
emp-schedule-weekends = Weekends
emp-schedule-flexible = Flexible
emp-field-municipality = Municipality
emp-field-learnable = Can be learned on the job
emp-field-value = Value to the employer
emp-hint-value = 1 = small, 5 = very important.
emp-field-demands = Demands on functioning
emp-hint-demands = For each dimension, how much the task demands. Leave “no demand” where the task does not need it.
emp-demand-none = No demand
emp-demands-none = No demands recorded
emp-field-skills-essential = Essential skills
emp-field-skills-optional = Useful skills
emp-hint-skills = Search for skills by name in the search field below and add them as essential or useful.
emp-field-languages = Language requirements
emp-hint-languages = Choose the language and the level the work needs. Empty rows are left out.
emp-field-occupation = Occupation (ESCO, optional)
emp-col-skills = Skills
emp-openings-title = Openings
emp-openings-heading = Openings at { $name }
emp-openings-empty = No openings yet.
emp-opening-count = { $n ->
    [one] { $n } opening
   *[other] { $n } openings
}
emp-opening-new-link = Add an opening
emp-opening-new-title = Add an opening
emp-opening-needs-tasks = Add tasks to the inventory first: an opening is made of tasks.
emp-field-kind = Kind
emp-kind-job = Job
emp-kind-work-trial = Work trial
emp-kind-education-trial = Education trial
emp-kind-apprenticeship = Apprenticeship
emp-kind-gig = Gig
emp-field-tasks = Tasks
emp-field-capacity = Places
emp-field-wage = Monthly wage (€)
emp-hint-wage = Leave empty for work and education trials and when the wage is not yet known.
emp-field-starts = Starts on
emp-field-ends = Ends on
emp-col-candidates = Candidates
emp-candidates-link = Candidates for { $title }
emp-candidates-title = Candidates for { $title }
emp-candidates-intro = Candidates are shown without names or health details. Talk to their coach to go further.
emp-candidates-empty = No suitable candidates right now.
emp-candidates-caption = { $n ->
    [one] { $n } candidate, best first
   *[other] { $n } candidates, best first
}
emp-col-candidate = Candidate
emp-col-score = Score
emp-col-fits = What fits
emp-col-to-check = To check
emp-candidate-n = Candidate { $n }
emp-fit-hours = Working hours fit
emp-fit-days = Working days fit
emp-fit-municipality = The place of work is reachable
emp-fit-language = Language skills are enough
emp-fit-functioning = The demands of the work fit
emp-fit-accommodated = Fits with workplace adjustments
emp-nothing-to-check = Nothing
emp-check-dimension = Check with the coach: { $dimension }
emp-interactions-title = Contacts and needs
emp-interactions-heading = Contacts and needs: { $name }
emp-interaction-new-title = Record a contact
emp-field-contact-kind = Kind of contact
emp-contact-call = Phone call
emp-contact-visit = Visit
emp-contact-event = Event
emp-contact-email = E-mail
emp-field-date = Date
emp-field-summary = What was discussed
emp-field-needs = Needs heard
emp-hint-needs = Write each need on its own line. Tick “hidden job” when the work has not been advertised.
emp-need-n = Need { $n }
emp-field-hidden-job = Hidden job
emp-field-cooperation-after = Cooperation depth after this contact
emp-interaction-save = Save the contact
emp-needs-title = Needs heard
emp-needs-empty = No needs recorded yet.
emp-needs-caption = { $n ->
    [one] { $n } need, newest first
   *[other] { $n } needs, newest first
}
emp-col-need = Need
emp-contacts-title = Contacts
emp-contacts-empty = No contacts recorded yet.
emp-contacts-caption = { $n ->
    [one] { $n } contact, newest first
   *[other] { $n } contacts, newest first
}
emp-contact-persons-title = Contact persons
emp-contact-persons-empty = No contact persons recorded yet.
emp-contact-persons-caption = { $n ->
    [one] { $n } contact person
   *[other] { $n } contact persons
}
emp-field-contact-name = Name
emp-field-contact-title = Title or role
emp-field-contact-email = E-mail address
emp-field-contact-phone = Phone number
emp-col-actions = Actions
emp-contact-remove = Remove
emp-contact-remove-named = Remove { $name }
emp-contact-add-title = Add a contact person
emp-contact-add = Add the contact person
emp-error-email = Enter a valid e-mail address, e.g. name@example.fi, or leave it empty.
emp-error-phone = Enter the phone number with digits, spaces and + - ( ), e.g. +358 40 123 4567.
emp-opening-edit-title = Edit the opening
emp-error-depth-conflict = Someone else changed the employer at the same time and the contact was not saved. Check the cooperation depth and save again.

## Confirmations after a save (shown once as a status message)
notice-employer = Employer added.
notice-employer-saved = Employer details saved.
notice-contact = Contact person added.
notice-contact-removed = Contact person removed.
notice-task = Task added.
notice-task-saved = Task saved.
notice-opening = Opening added.
notice-opening-saved = Opening saved.
notice-interaction = Contact recorded.

emp-industry-search-label = Search industries
emp-industry-none = No industry chosen yet.
emp-industry-hits-none = No industries found. Try another word or code.
emp-industry-source = Source: Statistics Finland, Standard Industrial Classification TOL 2008 (CC BY 4.0).
emp-field-skills = Skills (ESCO)
emp-skills-none = No skills chosen yet.
emp-skills-uncheck-hint = To remove a skill or the occupation, untick it and save.
emp-occupation-none = No occupation chosen. You can search occupations in the same field as skills.
emp-skill-search-label = Search skills or occupations
emp-skill-search-hint = Type a word, for example cleaning or warehouse, and choose Search.
emp-search = Search
emp-search-none = No skills or occupations found. Try another word.
emp-search-count = { $n ->
    [one] Found { $n } match.
   *[other] Found { $n } matches.
}
emp-skill-chosen = Chosen
emp-add-essential = Add as essential
emp-add-optional = Add as useful
emp-occupation-hits = Occupations
emp-set-occupation = Choose as occupation
emp-field-language = Language
emp-field-language-level = Level needed
emp-language-none = No language
emp-more-languages = Add a language row
emp-error-language = Choose a language from the list. This language is not recognised.
emp-error-language-level = Choose the level needed for the language.
emp-skills-none-short = No skills

## Legal form (the pay-subsidy rules)
emp-field-legal-form = Legal form
emp-hint-legal-form = Decides which pay subsidy the employer can get: 100 % only for associations, foundations and religious communities; municipalities only for hiring a person with reduced work ability or a long-term unemployed person aged 60 or over; the state none.
emp-legal-form-unknown = Not recorded
emp-legal-form-company = Company (limited company, cooperative or other company)
emp-legal-form-sole_trader = Sole trader
emp-legal-form-association = Association
emp-legal-form-foundation = Foundation
emp-legal-form-religious_community = Religious community
emp-legal-form-municipality = Municipality or joint municipal authority
emp-legal-form-state = State
emp-legal-form-other = Other
emp-error-legal-form = Choose a legal form from the list, or leave it not recorded.
