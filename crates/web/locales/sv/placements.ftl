## Placeringar: förslag, arbetsprövningar, utbildningsprövningar, anställningar, läroavtal och gigjobb.
## Regler som bryts (API:ts fältfel och formulärens fel): rule-<kod>.

rule-placement-needs-tasks = Välj minst en uppgift.
rule-end-before-start = Slutdatumet är före startdatumet.
rule-days-per-week-range = Dagar i veckan kan vara 1–7.
rule-hours-per-day-range = Timmar per dag kan vara 1–12.
rule-work-trial-hours-per-day = En arbetsprövning omfattar 4–8 timmar per dag.
rule-work-trial-days-per-week = En prövning omfattar högst 5 dagar i veckan.
rule-trial-needs-end = En prövning behöver ett slutdatum.
rule-work-trial-at-own-workplace = Arbetsprövning kan inte ordnas på en arbetsplats där deltagaren redan arbetar.
rule-work-trial-six-months-per-organiser = Arbetsprövning hos samma anordnare får vara högst 6 månader sammanlagt, tidigare prövningar medräknade.
rule-work-trial-twelve-months-total = Arbetsprövningar får vara högst 12 månader sammanlagt, tidigare prövningar medräknade.
rule-education-trial-ten-days = En utbildningsprövning är högst 10 dagar åt gången.
rule-gig-needs-end = Ett gigjobb behöver ett slutdatum.
rule-pay-subsidy-only-for-jobs = Lönesubvention gäller bara en anställning.
rule-participant-has-no-coach = Deltagaren har ingen jobbcoach som kan bekräfta förslaget.
rule-employer-not-in-project = Arbetsgivaren finns inte i projektets register.
rule-task-not-at-employer = Uppgiften hör inte till den här arbetsgivaren.
rule-opening-not-at-employer = Platsen hör inte till den här arbetsgivaren.
rule-mentor-not-found = Arbetsplatshandledaren hittas inte.
rule-not-a-mentor-of-project = Användaren är inte arbetsplatshandledare i projektet.
rule-proposal-not-waiting = Förslaget har redan besvarats eller väntar inte på svar.
rule-answer-no-needs-reason = Berätta varför svaret är nej.
rule-text-too-long = Texten är för lång (högst 2 000 tecken).
rule-ending-needs-reason = Ange orsaken.
rule-user-not-found = Användaren hittas inte.
rule-not-an-employer-user-of-project = Användaren är inte arbetsgivaranvändare i projektet.
rule-proposal-category-without-consent = Deltagaren har inte samtyckt till att alla valda uppgifter lämnas ut till arbetsgivaren.
rule-proposal-needs-consent = Deltagaren har inte samtyckt till att några uppgifter lämnas ut till arbetsgivare. Registrera samtycket först.
rule-placement-state-move-not-allowed = Placeringen kan inte flyttas till det här skedet från det nuvarande.

## Arbetsgivarens vy av förslaget och svaret (proposal-…).

nav-proposals = Förslag
home-proposals-title = Förslag som väntar på ditt svar
home-proposals-none = Inget förslag väntar på ditt svar.
notice-answer = Ditt svar har sparats. Jobbcoachen ser det.
proposal-list-title = Förslag
proposal-list-intro = Jobbcoachernas förslag och placeringar för de arbetsgivare du representerar.
proposal-waiting-title = Väntar på ditt svar
proposal-waiting-none = Inget förslag väntar på ditt svar.
proposal-others-title = Andra förslag och placeringar
proposal-others-none = Inga andra förslag eller placeringar.
proposal-waited-days = { $n ->
    [0] har väntat mindre än en dag
    [one] har väntat { $n } dag
   *[other] har väntat { $n } dagar
}
proposal-starts = börjar { $date }
proposal-person = Deltagare
proposal-state-prepared = Förberett
proposal-state-proposed = Väntar på svar
proposal-state-agreed = Överenskommet
proposal-state-active = Pågår
proposal-state-completed = Avslutat
proposal-state-interrupted = Avbrutet
proposal-state-declined = Blir inte av
proposal-state-withdrawn = Återtaget
proposal-preview-note = Så här ser arbetsgivaren förslaget.
proposal-conflict = Förslaget har ändrats sedan du öppnade sidan. Ditt svar sparades inte. Kontrollera förslaget och svara på nytt.
proposal-term-start = Börjar
proposal-term-end = Slutar
proposal-term-time = Arbetstid
proposal-term-time-value = { $hours } timmar per dag, { $days } dagar per vecka
proposal-term-mentor = Arbetsplatshandledare
proposal-term-coach = Jobbcoach
proposal-tasks-title = Arbetsuppgifter
proposal-tasks-caption = { $n ->
    [one] Uppgifterna, sammanlagt { $n } timme per vecka
   *[other] Uppgifterna, sammanlagt { $n } timmar per vecka
}
proposal-col-task = Uppgift
proposal-col-hours = Timmar per vecka
proposal-col-days = Dagar per vecka
proposal-col-schedule = Arbetstid
proposal-col-fit = Vad deltagaren kan
proposal-fit-independent = Kan utföra uppgiften självständigt.
proposal-fit-induction = Behöver introduktion: { $skills }.
proposal-fit-training = Behöver utbildning före starten: { $skills }.
proposal-fit-language = Språkkunskaperna räcker för uppgiften ({ $language }).
proposal-fit-language-support = Behöver stöd i språket ({ $language }).
proposal-fit-suits = Passar för uppgiften utan anpassningar.
proposal-fit-suits-with = Passar när arbetsplatsen har { $accommodations }.
proposal-fit-agree = Anpassningarna kommer man överens om med jobbcoachen.
proposal-fit-nothing = Inga uppgifter som gäller denna uppgift har delats.
proposal-not-shared = Dessa uppgifter har inte delats och har inte använts: { $groups }.
proposal-group-skills = kunnande
proposal-group-languages = språkkunskaper
proposal-group-functioning = anpassningar
proposal-adjustments-title = Anpassningar och kostnader
proposal-adjustments-none = Arbetet kräver inga anpassningar.
proposal-adjustments-total = { $amount ->
    [0] Anpassningarna medför inga kostnader.
   *[other] Anpassningarna sammanlagt cirka { $eur }.
}
proposal-subsidy-title = Lönesubvention
proposal-subsidy-none = Förslaget gäller inte lönesubvention.
proposal-subsidy-no-wage = Förslaget gäller ett arbete med lönesubvention. Lönen har inte registrerats, så stödet kan inte uppskattas i euro.
proposal-subsidy-estimate-note = En uppskattning, kontrollera hos sysselsättningsmyndigheten.
proposal-answered-title = Svar
proposal-answer-title = Svara på förslaget
proposal-answer-legend = Ditt svar
proposal-answer-yes = Ja
proposal-answer-meet = Vi träffas först
proposal-answer-no = Nej
proposal-answer-required = Välj ett svar.
proposal-reason-label = Motivering
proposal-reason-hint = Obligatorisk om du svarar nej. Ange ett skäl som gäller arbetet (till exempel uppgifterna eller tidtabellen), inte hälsan. Högst 2 000 tecken.
proposal-answer-send = Skicka svaret
## Jobbcoachens och koordinatorns sidor: fliken placeringar, förslagsformuläret, öppna förslag, arbetsgivarens användare (pl-).

pl-tab = Placeringar
pl-tab-intro = Deltagarens förslag och placeringar. Förslag som en koordinator har förberett väntar på att du bekräftar dem.
pl-new = Nytt förslag till en arbetsgivare
pl-none = Inga förslag eller placeringar.
pl-list-caption = Förslag och placeringar
pl-col-employer = Arbetsgivare
pl-col-kind = Form
pl-col-state = Läge
pl-col-start = Börjar
pl-col-end = Slutar
pl-col-current = Placering
pl-col-waited = Väntat
pl-waiting-for-you = Väntar på din bekräftelse
pl-state-prepared = Förberett
pl-state-proposed = Föreslaget
pl-state-agreed = Överenskommet
pl-state-active = Pågår
pl-state-completed = Avslutat
pl-state-interrupted = Avbrutet
pl-state-declined = Avböjt
pl-state-withdrawn = Återtaget
pl-error-invalid = Kontrollera värdet.
pl-error-employer = Välj en arbetsgivare.
pl-error-kind = Välj placeringens form.
pl-error-date = Ange datumet som åååå-mm-dd.
pl-error-number = Ange ett heltal.
pl-error-categories = Välj minst en uppgiftsgrupp som deltagaren har samtyckt till att lämna ut.
pl-task-hours = { $title } ({ $hours } h/v)
pl-no-mentor = Ingen arbetsplatshandledare ännu
pl-no-consent = inget samtycke
pl-new-for = Förslag till en arbetsgivare: { $name }
pl-back-to-tab = Tillbaka till placeringarna
pl-back-to-candidates = Tillbaka till kandidaterna
pl-prepare-title = Förbered ett förslag: { $title }
pl-prepare-intro = Förslaget förbereds för deltagarens jobbcoach. Jobbcoachen bekräftar det och väljer vilka uppgifter som lämnas ut enligt deltagarens samtycke; först då ser arbetsgivaren förslaget.
pl-field-employer = Arbetsgivare
pl-choose-employer = Välj uppgifterna
pl-field-opening = Arbetsplats
pl-field-kind = Form
pl-field-pay-subsidy = Lönesubvention
pl-pay-subsidy-hint = Endast för en anställning.
pl-field-tasks = Arbetsuppgifter
pl-no-tasks = Arbetsgivaren har inga arbetsuppgifter ännu.
pl-field-start = Startdatum
pl-field-end = Slutdatum
pl-field-hours-per-day = Timmar per dag
pl-field-days-per-week = Dagar per vecka
pl-field-mentor = Arbetsplatshandledare
pl-field-categories = Uppgifter som lämnas ut till arbetsgivaren
pl-categories-hint = Endast uppgiftsgrupper som deltagaren har ett gällande samtycke till kan väljas.
pl-propose = Skicka förslaget
pl-prepare = Förbered förslaget
pl-propose-suggestion = Föreslå för arbetsgivaren
pl-propose-crafted = Föreslå detta jobb
pl-prepare-link = Förbered ett förslag
pl-prepare-for-n = Förbered ett förslag om kandidat { $n }
pl-detail-title = Placering
pl-field-participant = Deltagare
pl-field-state = Läge
pl-field-dates = Tid
pl-field-time = Arbetstid
pl-hours-per-day = { $n ->
    [one] { $n } timme per dag
   *[other] { $n } timmar per dag
}
pl-days-per-week = { $n ->
    [one] { $n } dag per vecka
   *[other] { $n } dagar per vecka
}
pl-field-coach = Jobbcoach
pl-field-disclosed = Utlämnade uppgifter
pl-disclosed-none = Inget utlämnat ännu
pl-field-answer = Arbetsgivarens svar
pl-field-ended = Slutade
pl-answer-yes = Ja
pl-answer-meet = Vi träffas först
pl-answer-no = Nej
pl-open-ended = tills vidare
pl-conflict-title = Placeringen har ändrats under tiden
pl-conflict-text = Någon ändrade placeringen medan sidan var öppen. Nedan visas det sparade läget; kontrollera det och gör ändringen på nytt.
pl-confirm-title = Bekräfta förslaget
pl-confirm-intro = En koordinator förberedde detta förslag. När du bekräftar ser arbetsgivaren förslaget och de uppgifter du väljer.
pl-confirm = Bekräfta och skicka
pl-moves-title = Ändra läge
pl-move-withdraw = Återta förslaget
pl-move-start = Placeringen började
pl-move-complete = Placeringen avslutades
pl-move-interrupt = Avbryt placeringen
pl-field-started-on = Startdatum
pl-field-ended-on = Datum
pl-field-reason = Orsak
pl-reason-hint = Skriv orsaken med tanke på arbetet; skriv inga hälsouppgifter.
pl-open-title = Öppna förslag
pl-open-intro = Förberedda förslag och förslag som väntar på arbetsgivarens svar per arbetsgivare, det som väntat längst först.
pl-open-none = Inga öppna förslag.
pl-open-caption = Öppna förslag: { $employer }
pl-days-waited = { $n ->
    [one] { $n } dag
   *[other] { $n } dagar
}
pl-path-title = Placeringar
pl-home-prepared-title = Förslag som väntar på bekräftelse
pl-employer-users-title = Arbetsgivarens användare
pl-employer-users-intro = Arbetsgivarens användare ser denna arbetsgivares förslag och svarar på dem.
pl-employer-users-none = Inga länkade användare.
pl-employer-users-no-others = Projektet har inga andra användare för arbetsgivare att länka.
pl-employer-user-choose = Arbetsgivarens användare
pl-employer-user-link = Länka användaren
pl-employer-user-unlink = Ta bort länken
pl-employer-user-unlink-named = Ta bort länken för { $name }
nav-open-proposals = Öppna förslag
notice-proposal = Förslaget har skickats till arbetsgivaren.
notice-proposal-prepared = Förslaget har förberetts. Jobbcoachen bekräftar det.
notice-proposal-confirmed = Förslaget har bekräftats och skickats till arbetsgivaren.
notice-placement-moved = Placeringens läge har sparats.
notice-employer-user = Användaren har länkats till arbetsgivaren.
notice-employer-user-removed = Användarens länk har tagits bort.
rule-date-invalid = Ange ett datum.
rule-proposal-needs-categories = Välj minst en uppgiftsgrupp.
## Uppföljningar efter anställningen (att stanna kvar i arbetet): follow-up-…

follow-up-home-title = Uppföljningar
follow-up-home-none = Inga uppföljningar den här veckan och inga försenade.
follow-up-home-overdue = Försenade
follow-up-home-week = Den här veckan
follow-up-line = { $employer }, { $checkpoint }, senast { $due }
follow-up-days-overdue = { $n ->
    [one] 1 dag försenad
   *[other] { $n } dagar försenad
}
follow-up-placement-ended = Placeringen upphörde { $date }.
follow-up-checkpoint-1m = Uppföljning efter 1 månad
follow-up-checkpoint-3m = Uppföljning efter 3 månader
follow-up-checkpoint-6m = Uppföljning efter 6 månader
follow-up-checkpoint-12m = Uppföljning efter 12 månader
follow-up-still-same-employer = I arbete hos samma arbetsgivare
follow-up-still-other-employer = I arbete hos en annan arbetsgivare
follow-up-still-not-working = Inte i arbete
follow-up-title = Uppföljning
follow-up-heading = { $checkpoint }
follow-up-done-on = Uppföljningen registrerades { $date }.
follow-up-record-title = Registrera uppföljningen
follow-up-correct-title = Rätta registreringen
follow-up-field-still-working = Är deltagaren i arbete?
follow-up-field-hours = Timmar i veckan (0–60)
follow-up-field-support = Stöd som getts
follow-up-hint-support = Till exempel ett besök på arbetsplatsen eller ett samtal med arbetsplatshandledaren. Registrera inga hälsouppgifter.
follow-up-field-recrafting = Arbetet behöver skräddarsys på nytt
follow-up-field-note = Anteckning
follow-up-save = Spara uppföljningen
follow-up-recraft-title = Skräddarsy
follow-up-recraft-intro = Du registrerade att arbetet behöver skräddarsys på nytt. Det börjar från arbetets nuvarande uppgifter.
follow-up-recraft = Skräddarsy arbetet på nytt
follow-up-error-still-working = Välj om deltagaren är i arbete.
follow-up-error-conflict = Någon annan sparade den här uppföljningen under tiden. Nedan finns den sparade registreringen; kontrollera den och spara igen.
follow-up-craft-current-title = Arbetets nuvarande uppgifter
follow-up-craft-current-intro = Utgångspunkten: de uppgifter deltagaren gör nu.
rule-follow-up-hours-out-of-range = Timmar i veckan kan vara 0–60.
rule-follow-up-hours-when-not-working = När deltagaren inte är i arbete är timmarna 0.
