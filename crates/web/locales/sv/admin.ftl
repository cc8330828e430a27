## admin area (sv)
adm-title = Administration
adm-new-user-title = Skapa ett konto
adm-field-email = E-postadress
adm-field-name = Namn
adm-field-role = Roll
adm-field-project = Projekt
adm-hint-project = Alla roller utom administratör hör till ett projekt.
adm-no-project = Inget projekt (endast administratörer)
adm-create-user = Skapa kontot
adm-users-title = Konton
adm-users-caption = { $n ->
    [one] { $n } konto
   *[other] { $n } konton
}
adm-col-roles = Roller
adm-col-status = Status
adm-col-link = Inloggningslänk
adm-active = Aktivt
adm-not-active = Inte aktiverat
adm-new-link = Ny inloggningslänk
adm-new-link-for = Ny inloggningslänk för { $name }
adm-projects-title = Projekt
adm-projects-caption = { $n ->
    [one] { $n } projekt
   *[other] { $n } projekt
}
adm-col-code = Kod
adm-col-organisation = Organisation
adm-organisations-title = Organisationer
adm-organisations-caption = { $n ->
    [one] { $n } organisation
   *[other] { $n } organisationer
}
adm-col-business-id = FO-nummer
adm-role-admin = Administratör
adm-role-manager = Projektchef
adm-role-coach = Jobbcoach
adm-role-coordinator = Arbetsgivarkoordinator
adm-role-employer = Arbetsgivare
adm-role-mentor = Arbetsplatshandledare
adm-role-institution = Läroanstalt
adm-role-participant = Deltagare
adm-error-email = Skriv en giltig e-postadress, t.ex. namn@example.fi.
adm-error-email-taken = Det finns redan ett konto med denna e-postadress.
adm-error-name = Skriv ett namn (högst 200 tecken).
adm-error-role = Välj en roll.
adm-error-project = Välj det projekt som rollen hör till.
adm-error-project-admin = Administratörer hör inte till något projekt: välj ”inget projekt”.
adm-link-title = Engångslänk för inloggning
adm-user-created = Kontot för { $name } ({ $email }) skapades.
adm-link-issued = En ny inloggningslänk skapades för { $name } ({ $email }).
adm-link-once = Ge länken till personen på ett säkert sätt. Den visas bara nu, fungerar en gång och med den väljer personen ett lösenord.
adm-link-label = Inloggningslänk
adm-link-expires = Länken fungerar till { $time }.
adm-back = Tillbaka till administrationen
