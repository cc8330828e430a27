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
