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
