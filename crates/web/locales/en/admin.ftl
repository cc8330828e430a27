## admin area (en)
adm-title = Administration
adm-new-user-title = Create an account
adm-field-email = E-mail address
adm-field-name = Name
adm-field-role = Role
adm-field-project = Project
adm-hint-project = Every role except administrator belongs to a project.
adm-no-project = No project (administrators only)
adm-create-user = Create the account
adm-users-title = Accounts
adm-users-caption = { $n ->
    [one] { $n } account
   *[other] { $n } accounts
}
adm-col-roles = Roles
adm-col-status = Status
adm-col-link = Sign-in link
adm-active = Active
adm-not-active = Not activated
adm-new-link = New sign-in link
adm-new-link-for = New sign-in link for { $name }
adm-projects-title = Projects
adm-projects-caption = { $n ->
    [one] { $n } project
   *[other] { $n } projects
}
adm-col-code = Code
adm-col-organisation = Organisation
adm-organisations-title = Organisations
adm-organisations-caption = { $n ->
    [one] { $n } organisation
   *[other] { $n } organisations
}
adm-col-business-id = Business ID
adm-role-admin = Administrator
adm-role-manager = Project manager
adm-role-coach = Job coach
adm-role-coordinator = Employer coordinator
adm-role-employer = Employer
adm-role-mentor = Workplace mentor
adm-role-institution = Educational institution
adm-role-participant = Participant
adm-error-email = Enter a valid e-mail address, e.g. name@example.fi.
adm-error-email-taken = There is already an account with this e-mail address.
adm-error-name = Enter a name (at most 200 characters).
adm-error-role = Choose a role.
adm-error-project = Choose the project the role belongs to.
adm-error-project-admin = Administrators do not belong to a project: choose “no project”.
adm-link-title = One-time sign-in link
adm-user-created = The account of { $name } ({ $email }) was created.
adm-link-issued = A new sign-in link was made for { $name } ({ $email }).
adm-link-once = Give this link to the person by a safe route. It is shown only now, works once, and lets them choose a password.
adm-link-label = Sign-in link
adm-link-expires = The link works until { $time }.
adm-back = Back to administration
adm-new-organisation = New organisation
adm-edit-organisation = Edit organisation
adm-new-project = New project
adm-edit-project = Edit project
adm-save = Save
adm-choose = Choose…
adm-deactivated = Deactivated
adm-hint-business-id = Optional. The Finnish business ID (Y-tunnus), e.g. 1234567-8.
adm-error-business-id = Enter a valid business ID, e.g. 1234567-8, or leave it empty.
adm-error-business-id-taken = Another organisation already has this business ID.
adm-hint-code = A short code used in lists and on the command line, e.g. MOMENTUM-PH: letters, digits, - and _. It cannot be changed later.
adm-field-objective = Funding programme and specific objective
adm-hint-objective = The ESF+ specific objective the project is funded under, as in the funding decision.
adm-field-start = First day
adm-field-end = Last day
adm-field-municipalities = Municipalities
adm-hint-municipalities = The municipalities where the project works, separated by commas, e.g. Lahti, Hollola.
adm-field-lead = Lead organisation
adm-hint-lead = The organisation that administers the project (the beneficiary).
adm-field-partners = Partner organisations
adm-hint-partners = Tick every other organisation that carries out the project.
adm-field-target-groups = Target groups
adm-error-code = Enter a code of at most 32 letters, digits, - and _.
adm-error-code-taken = There is already a project with this code.
adm-error-lead = Choose the lead organisation.
adm-error-partner-lead = The lead organisation cannot also be a partner.
adm-error-partners = A chosen partner organisation no longer exists. Check the list.
adm-error-date = Enter a date, e.g. 2025-01-31.
adm-error-end-before-start = The last day cannot be before the first day.
adm-error-objective = Choose the funding programme and specific objective.
adm-error-start-programme = The project must start while its funding programme is in force.
adm-error-municipalities = Enter at least one municipality.
adm-error-municipality-unknown = “{ $word }” is not a municipality in Finland. Check the spelling.
adm-deactivate = Deactivate the account
adm-deactivate-hint = A deactivated person cannot sign in, and their open sessions end at once. Everything they recorded stays.
adm-reactivate = Reactivate the account
adm-no-roles = No roles. Add one below.
adm-remove-role = Remove
adm-add-role = Add a role
adm-error-grant-held = The person already has this role in this project.
adm-error-last-admin = This is the last active administrator. Make someone else an administrator first.
notice-organisation = Organisation saved.
notice-project = Project saved.
notice-grant = Role added. It applies from the person's next page load.
notice-grant-removed = Role removed. It no longer applies from the person's next page load.
notice-deactivated = Account deactivated. Its sessions have ended.
notice-reactivated = Account reactivated.
