app-name = Polku
skip-to-content = Hoppa till innehållet
nav-main-label = Huvudmeny
nav-caseload = Deltagare
nav-employers = Arbetsgivare
nav-reports = Projektets läge
nav-admin = Administration
language-switch-label = Byt språk
sign-out = Logga ut
footer-text = Polku – tjänst för stött arbete. Öppen källkod (AGPL-3.0).
home-title = Startsida
home-greeting = Hej, { $name }!
home-intro = Välj vad du vill göra.
form-error-summary = Rätta följande

# Shared with me (employer, mentor, institution users)
nav-shared = Delat med mig
shared-title = Deltagare som delats med mig
shared-intro = Du ser bara de uppgifter om deltagarna som deras coach har delat med dig och som deltagaren har samtyckt till. Om samtycket återkallas försvinner uppgifterna genast.
shared-none = Inga deltagare har delats med dig.
shared-participant-n = Deltagare { $n }
shared-contact = Kontaktuppgifter
shared-skills = Kunnande
shared-languages = Språkkunskaper
shared-goals = Mål
shared-availability-label = Tillgänglighet
shared-availability = { $min }–{ $max } timmar i veckan, högst { $days } dagar i veckan
shared-functioning = Funktionsförmåga (0–4)
shared-accommodations = Behövliga anpassningar på arbetsplatsen

## Confirmations after a save (shown once as a status message)
notice-saved = Sparat.
