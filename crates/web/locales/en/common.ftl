app-name = Polku
skip-to-content = Skip to content
nav-main-label = Main menu
nav-caseload = Caseload
nav-employers = Employers
nav-reports = Project overview
nav-admin = Administration
language-switch-label = Change language
sign-out = Sign out
footer-text = Polku – supported employment. Open source (AGPL-3.0).
home-title = Home
home-greeting = Hello, { $name }!
home-intro = Choose what you want to do.
form-error-summary = Please correct the following

# Shared with me (employer, mentor, institution users)
nav-shared = Shared with me
shared-title = Participants shared with me
shared-intro = You see only the information about participants that their coach has shared with you and that the participant has consented to. If the consent is withdrawn, the information disappears at once.
shared-none = No participants have been shared with you.
shared-participant-n = Participant { $n }
shared-contact = Contact details
shared-skills = Skills
shared-languages = Languages
shared-goals = Goals
shared-availability-label = Availability
shared-availability = { $min }–{ $max } hours a week, at most { $days } days a week
shared-functioning = Functioning (0–4)
shared-accommodations = Workplace adjustments needed

## Confirmations after a save (shown once as a status message)
notice-saved = Saved.
