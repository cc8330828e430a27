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
