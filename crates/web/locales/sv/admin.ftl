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
adm-new-organisation = Ny organisation
adm-edit-organisation = Redigera organisationen
adm-new-project = Nytt projekt
adm-edit-project = Redigera projektet
adm-save = Spara
adm-choose = Välj…
adm-deactivated = Avaktiverat
adm-hint-business-id = Frivilligt. FO-nummer, t.ex. 1234567-8.
adm-error-business-id = Ange ett giltigt FO-nummer, t.ex. 1234567-8, eller lämna fältet tomt.
adm-error-business-id-taken = En annan organisation har redan detta FO-nummer.
adm-hint-code = En kort kod för listor och kommandoraden, t.ex. MOMENTUM-PH: bokstäver, siffror, - och _. Koden kan inte ändras senare.
adm-field-objective = Finansieringsprogram och specifikt mål
adm-hint-objective = Det specifika ESF+-mål som projektet finansieras under, som i finansieringsbeslutet.
adm-field-start = Första dag
adm-field-end = Sista dag
adm-field-municipalities = Kommuner
adm-hint-municipalities = Kommunerna där projektet verkar, åtskilda med kommatecken, t.ex. Lahtis, Hollola.
adm-field-lead = Huvudgenomförare
adm-hint-lead = Organisationen som förvaltar projektet (stödmottagaren).
adm-field-partners = Delgenomförare
adm-hint-partners = Kryssa för alla andra organisationer som genomför projektet.
adm-field-target-groups = Målgrupper
adm-error-code = Ange en kod på högst 32 bokstäver, siffror, - och _.
adm-error-code-taken = Det finns redan ett projekt med denna kod.
adm-error-lead = Välj huvudgenomförare.
adm-error-partner-lead = Huvudgenomföraren kan inte också vara delgenomförare.
adm-error-partners = En vald delgenomförare finns inte längre. Kontrollera listan.
adm-error-date = Ange ett datum, t.ex. 2025-01-31.
adm-error-end-before-start = Sista dagen kan inte vara före första dagen.
adm-error-objective = Välj finansieringsprogram och specifikt mål.
adm-error-start-programme = Projektet måste börja medan finansieringsprogrammet gäller.
adm-error-municipalities = Ange minst en kommun.
adm-error-municipality-unknown = ”{ $word }” är inte en kommun i Finland. Kontrollera stavningen.
adm-deactivate = Avaktivera kontot
adm-deactivate-hint = En avaktiverad person kan inte logga in, och hens öppna sessioner avslutas genast. Allt hen har antecknat finns kvar.
adm-reactivate = Aktivera kontot igen
adm-no-roles = Inga roller. Lägg till en nedan.
adm-remove-role = Ta bort
adm-add-role = Lägg till en roll
adm-error-grant-held = Personen har redan denna roll i detta projekt.
adm-error-last-admin = Detta är den sista aktiva administratören. Gör först någon annan till administratör.
notice-organisation = Organisationen har sparats.
notice-project = Projektet har sparats.
notice-grant = Rollen har lagts till. Den gäller från personens nästa sidladdning.
notice-grant-removed = Rollen har tagits bort. Den gäller inte längre från personens nästa sidladdning.
notice-deactivated = Kontot har avaktiverats. Dess sessioner har avslutats.
notice-reactivated = Kontot har aktiverats igen.
