## employers area (sv)
emp-list-title = Arbetsgivare
emp-list-empty = Det finns inga arbetsgivare i registret ännu.
emp-list-caption = { $n ->
    [one] { $n } arbetsgivare
   *[other] { $n } arbetsgivare
}
emp-new-link = Lägg till en arbetsgivare
emp-new-title = Lägg till en arbetsgivare
emp-edit-title = Redigera arbetsgivarens uppgifter
emp-edit-link = Redigera uppgifter
emp-overview-title = Översikt över arbetsgivaren
emp-tabs-label = Arbetsgivarens sidor
emp-tab-overview = Översikt
emp-tab-tasks = Arbetsuppgifter
emp-tab-openings = Platser
emp-tab-interactions = Kontakter och behov
emp-col-open-openings = Öppna platser
emp-field-name = Namn
emp-field-business-id = FO-nummer
emp-hint-business-id = Sju siffror, bindestreck och en kontrollsiffra, t.ex. 1572860-0.
emp-field-industry = Bransch (TOL 2008)
emp-hint-industry = Sök branschen med namn eller kod, till exempel städning eller 81210, och välj den i listan.
emp-field-size = Storlek
emp-field-municipalities = Kommuner
emp-hint-municipalities = Namn eller koder åtskilda med kommatecken, t.ex. Lahtis, Hollola.
emp-field-cooperation = Samarbetets djup
emp-field-mentor = Det finns en handledare på arbetsplatsen
emp-size-micro = Mikro (under 10 personer)
emp-size-small = Liten (10–49 personer)
emp-size-medium = Medelstor (50–249 personer)
emp-size-large = Stor (minst 250 personer)
emp-depth-contacted = Kontaktad
emp-depth-engaged = Engagerad
emp-depth-deeper = Fördjupat samarbete
emp-unknown = Okänd
emp-yes = Ja
emp-no = Nej
emp-save = Spara
emp-conflict-title = Någon annan ändrade uppgifterna under tiden
emp-conflict-text = Dina ändringar sparades inte. Jämför dina värden med de sparade nedan. Om du sparar igen ersätter dina värden de sparade.
emp-conflict-caption = Sparade värden och dina värden
emp-conflict-field = Fält
emp-conflict-stored = Sparat nu
emp-conflict-yours = Ditt värde
emp-error-name = Skriv ett namn (högst 200 tecken).
emp-error-business-id = Kontrollera FO-numret: det ska ha sju siffror, bindestreck och en giltig kontrollsiffra, t.ex. 1572860-0.
emp-error-business-id-taken = Detta FO-nummer finns redan i projektets register.
emp-error-industry = Välj en bransch i klassificeringen TOL 2008: sök med namn eller kod och välj i listan.
emp-error-municipalities = Skriv minst en kommun, och endast kommuner som finns.
emp-error-municipality = Skriv en kommun som finns.
emp-error-choose = Välj ett av alternativen.
emp-error-invalid = Kontrollera detta värde.
emp-error-title = Skriv en rubrik (högst 200 tecken).
emp-error-too-long = Texten är för lång.
emp-error-hours = Skriv timmar per vecka som ett heltal från 1 till 40.
emp-error-days = Skriv dagar per vecka som ett heltal från 1 till 7.
emp-error-value = Välj ett värde från 1 till 5.
emp-error-skills = Färdigheten kändes inte igen. Sök färdigheten med namn och lägg till den igen.
emp-error-occupation = Yrket kändes inte igen. Sök yrket med namn och välj det igen.
emp-error-level = Välj en nivå från 0 till 4 eller inget krav.
emp-error-tasks = Välj minst en uppgift ur förteckningen.
emp-error-capacity = Skriv hur många personer som kan börja, minst 1.
emp-error-wage = Skriv månadslönen i hela euro eller lämna tomt.
emp-error-wage-trial = Arbets- och utbildningsprövningar är oavlönade: lämna lönen tom.
emp-error-date = Skriv datumet som år-månad-dag.
emp-error-ends-before = Slutdatumet är före startdatumet.
emp-error-summary = Skriv vad ni talade om (högst 4 000 tecken).
emp-tasks-title = Arbetsuppgifter
emp-tasks-heading = Arbetsuppgifter: { $name }
emp-tasks-empty = Det finns inga uppgifter i förteckningen ännu.
emp-task-count = { $n ->
    [one] { $n } uppgift
   *[other] { $n } uppgifter
}
emp-task-new-link = Lägg till en uppgift
emp-task-new-title = Lägg till en uppgift
emp-task-edit-title = Redigera uppgiften
emp-field-title = Rubrik
emp-field-description = Beskrivning
emp-field-hours = Timmar per vecka
emp-field-days = Dagar per vecka
emp-field-schedule = Arbetstid
emp-schedule-daytime = Dagtid
emp-schedule-evenings = Kvällar
emp-schedule-nights = Nätter
emp-schedule-weekends = Veckoslut
emp-schedule-flexible = Flexibel
emp-field-municipality = Kommun
emp-field-learnable = Kan läras på jobbet
emp-field-value = Värde för arbetsgivaren
emp-hint-value = 1 = litet, 5 = mycket viktigt.
emp-field-demands = Krav på funktionsförmåga
emp-hint-demands = Välj för varje område hur mycket uppgiften kräver. Lämna ”inget krav” där uppgiften inte behöver det.
emp-demand-none = Inget krav
emp-demands-none = Inga krav antecknade
emp-field-skills-essential = Nödvändiga färdigheter
emp-field-skills-optional = Nyttiga färdigheter
emp-hint-skills = Sök färdigheter med namn i sökfältet nedan och lägg till dem som nödvändiga eller nyttiga.
emp-field-languages = Språkkrav
emp-hint-languages = Välj språket och nivån som arbetet kräver. Tomma rader lämnas bort.
emp-field-occupation = Yrke (ESCO, frivilligt)
emp-col-skills = Färdigheter
emp-openings-title = Platser
emp-openings-heading = Platser: { $name }
emp-openings-empty = Det finns inga platser ännu.
emp-opening-count = { $n ->
    [one] { $n } plats
   *[other] { $n } platser
}
emp-opening-new-link = Lägg till en plats
emp-opening-new-title = Lägg till en plats
emp-opening-needs-tasks = Lägg först till uppgifter i förteckningen: en plats består av uppgifter.
emp-field-kind = Typ
emp-kind-job = Anställning
emp-kind-work-trial = Arbetsprövning
emp-kind-education-trial = Utbildningsprövning
emp-kind-apprenticeship = Läroavtal
emp-kind-gig = Gigjobb
emp-field-tasks = Uppgifter
emp-field-capacity = Platser
emp-field-wage = Månadslön (€)
emp-hint-wage = Lämna tomt för arbets- och utbildningsprövningar och när lönen ännu inte är känd.
emp-field-starts = Börjar
emp-field-ends = Slutar
emp-col-candidates = Kandidater
emp-candidates-link = Kandidater: { $title }
emp-candidates-title = Kandidater: { $title }
emp-candidates-intro = Kandidaterna visas utan namn eller hälsouppgifter. Kontakta deras coach för att gå vidare.
emp-candidates-empty = Det finns inga lämpliga kandidater just nu.
emp-candidates-caption = { $n ->
    [one] { $n } kandidat, bäst först
   *[other] { $n } kandidater, bäst först
}
emp-col-candidate = Kandidat
emp-col-score = Poäng
emp-col-fits = Vad som passar
emp-col-to-check = Att kontrollera
emp-candidate-n = Kandidat { $n }
emp-fit-hours = Arbetstimmarna passar
emp-fit-days = Arbetsdagarna passar
emp-fit-municipality = Arbetsplatsen går att nå
emp-fit-language = Språkkunskaperna räcker
emp-fit-functioning = Arbetets krav passar
emp-fit-accommodated = Passar med anpassningar på arbetsplatsen
emp-nothing-to-check = Inget
emp-check-dimension = Kontrollera med coachen: { $dimension }
emp-interactions-title = Kontakter och behov
emp-interactions-heading = Kontakter och behov: { $name }
emp-interaction-new-title = Anteckna en kontakt
emp-field-contact-kind = Typ av kontakt
emp-contact-call = Telefonsamtal
emp-contact-visit = Besök
emp-contact-event = Evenemang
emp-contact-email = E-post
emp-field-date = Datum
emp-field-summary = Vad ni talade om
emp-field-needs = Behov som kom fram
emp-hint-needs = Skriv varje behov på en egen rad. Kryssa för ”dolt jobb” när arbetet inte har annonserats.
emp-need-n = Behov { $n }
emp-field-hidden-job = Dolt jobb
emp-field-cooperation-after = Samarbetets djup efter denna kontakt
emp-interaction-save = Spara kontakten
emp-needs-title = Behov som kom fram
emp-needs-empty = Inga behov antecknade ännu.
emp-needs-caption = { $n ->
    [one] { $n } behov, nyaste först
   *[other] { $n } behov, nyaste först
}
emp-col-need = Behov
emp-contacts-title = Kontakter
emp-contacts-empty = Inga kontakter antecknade ännu.
emp-contacts-caption = { $n ->
    [one] { $n } kontakt, nyaste först
   *[other] { $n } kontakter, nyaste först
}
emp-contact-persons-title = Kontaktpersoner
emp-contact-persons-empty = Inga kontaktpersoner antecknade ännu.
emp-contact-persons-caption = { $n ->
    [one] { $n } kontaktperson
   *[other] { $n } kontaktpersoner
}
emp-field-contact-name = Namn
emp-field-contact-title = Titel eller roll
emp-field-contact-email = E-postadress
emp-field-contact-phone = Telefonnummer
emp-col-actions = Åtgärder
emp-contact-remove = Ta bort
emp-contact-remove-named = Ta bort { $name }
emp-contact-add-title = Lägg till en kontaktperson
emp-contact-add = Lägg till kontaktpersonen
emp-error-email = Skriv en giltig e-postadress, t.ex. namn@example.fi, eller lämna tomt.
emp-error-phone = Skriv telefonnumret med siffror, mellanslag och + - ( ), t.ex. +358 40 123 4567.
emp-opening-edit-title = Redigera platsen
emp-error-depth-conflict = Någon annan ändrade arbetsgivarens uppgifter samtidigt och kontakten sparades inte. Kontrollera samarbetsnivån och spara igen.

## Confirmations after a save (shown once as a status message)
notice-employer = Arbetsgivaren har lagts till.
notice-employer-saved = Arbetsgivarens uppgifter har sparats.
notice-contact = Kontaktpersonen har lagts till.
notice-contact-removed = Kontaktpersonen har tagits bort.
notice-task = Uppgiften har lagts till.
notice-task-saved = Uppgiften har sparats.
notice-opening = Platsen har lagts till.
notice-opening-saved = Platsen har sparats.
notice-interaction = Kontakten har antecknats.

emp-industry-search-label = Sök bransch
emp-industry-none = Ingen bransch har valts ännu.
emp-industry-hits-none = Sökningen hittade inga branscher. Pröva ett annat ord eller en annan kod.
emp-industry-source = Källa: Statistikcentralen, näringsgrensindelningen TOL 2008 (CC BY 4.0).
emp-field-skills = Färdigheter (ESCO)
emp-skills-none = Inga färdigheter har valts ännu.
emp-skills-uncheck-hint = Ta bort en färdighet eller ett yrke genom att avmarkera den och spara.
emp-occupation-none = Inget yrke har valts. Du kan söka yrken i samma sökfält som färdigheter.
emp-skill-search-label = Sök färdighet eller yrke
emp-skill-search-hint = Skriv ett ord, till exempel städning eller lager, och välj Sök.
emp-search = Sök
emp-search-none = Sökningen hittade inga färdigheter eller yrken. Pröva ett annat ord.
emp-search-count = { $n ->
    [one] { $n } träff.
   *[other] { $n } träffar.
}
emp-skill-chosen = Vald
emp-add-essential = Lägg till som nödvändig
emp-add-optional = Lägg till som nyttig
emp-occupation-hits = Yrken
emp-set-occupation = Välj som yrke
emp-field-language = Språk
emp-field-language-level = Nivå som krävs
emp-language-none = Inget språk
emp-more-languages = Lägg till en språkrad
emp-error-language = Välj ett språk i listan. Det här språket känns inte igen.
emp-error-language-level = Välj nivån som krävs för språket.
emp-skills-none-short = Inga färdigheter

## Juridisk form (reglerna för lönesubvention)
emp-field-legal-form = Juridisk form
emp-hint-legal-form = Avgör vilken lönesubvention arbetsgivaren kan få: 100 % bara för föreningar, stiftelser och religiösa samfund; kommuner bara för att anställa en person med nedsatt arbetsförmåga eller en långtidsarbetslös som fyllt 60 år; staten inte alls.
emp-legal-form-unknown = Inte antecknad
emp-legal-form-company = Företag (aktiebolag, andelslag eller annat bolag)
emp-legal-form-sole_trader = Enskild näringsidkare
emp-legal-form-association = Förening
emp-legal-form-foundation = Stiftelse
emp-legal-form-religious_community = Religiöst samfund
emp-legal-form-municipality = Kommun eller samkommun
emp-legal-form-state = Staten
emp-legal-form-other = Annan
emp-error-legal-form = Välj en juridisk form i listan eller lämna den oantecknad.
