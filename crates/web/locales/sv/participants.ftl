## participants area (sv)

# Caseload
p-caseload-title = Mina deltagare
p-add-participant = Lägg till en deltagare
p-caseload-empty = Du har inga deltagare ännu.
p-caseload-intro = De som har väntat längst står överst.
p-caseload-attention = { $n ->
    [one] { $n } deltagare har väntat över 90 dagar utan bokat möte.
   *[other] { $n } deltagare har väntat över 90 dagar utan bokat möte.
}
p-caseload-caption = { $n ->
    [one] { $n } deltagare
   *[other] { $n } deltagare
}
p-col-name = Namn
p-col-stage = Skede
p-col-waiting = Väntat
p-col-next-meeting = Nästa möte
p-flag-attention = Observera
p-waiting-days = { $n ->
    [one] { $n } dag
   *[other] { $n } dagar
}
p-since = sedan { $date }
p-no-meeting = Inget bokat möte

# Participant pages
p-back-to-caseload = Tillbaka till deltagarna
p-stage-label = Skede
p-tabs-label = Deltagarens uppgifter
p-tabgroup-person = Person
p-tabgroup-progress = Framsteg
p-tabgroup-work = Arbete
p-tabgroup-consent = Samtycken

p-tab-background = Grunduppgifter
p-tab-functioning = Funktionsförmåga
p-tab-skills = Kompetens
p-tab-languages = Språk
p-tab-availability = Tillgänglighet
p-tab-path = Servicestig
p-tab-meetings = Möten
p-tab-suggestions = Arbetsförslag
p-tab-craft = Skräddarsy ett arbete
p-conflict-title = Någon annan ändrade uppgifterna samtidigt
p-conflict-text = Ingenting sparades. Nedan visas det som nu är sparat. Formuläret har dina värden: kontrollera dem och spara igen om du vill ersätta den andra ändringen.
p-save = Spara
p-yes = Ja
p-no = Nej
p-unknown = Inte känt
p-not-recorded = Inte antecknat
p-choose = Välj
p-add-named = Lägg till: { $name }
p-remove-named = Ta bort: { $name }
p-search = Sök
p-search-hint = Skriv ett ord eller början av ett ord, till exempel ”städning”.
p-search-none = Sökningen gav inga träffar.
p-search-count = { $n ->
    [one] { $n } träff.
   *[other] { $n } träffar.
}

# Stages
p-stage-enrolled = Inskriven
p-stage-assessment = Kartläggning
p-stage-coaching = Coachning
p-stage-trial = Arbetsprövning
p-stage-job-or-education = I arbete eller utbildning
p-stage-retention = Stöd för att stanna i arbetet
p-stage-exited = Avslutad

# Background and new participant
p-new-title = Lägg till en deltagare
p-new-intro = Fyll i deltagarens grunduppgifter. Resten kan du lägga till senare.
p-new-submit = Lägg till deltagare
p-field-project = Projekt
p-section-identity = Personuppgifter
p-section-contact = Kontaktuppgifter
p-section-hours = Arbetstid
p-section-times = Lämpliga arbetstider
p-section-mobility = Resor till arbetet
p-section-esf = ESF+-startuppgifter
p-esf-hint = Startuppgifterna behövs för projektets uppföljning. Deltagaren kan låta bli att svara.
p-field-given-name = Förnamn
p-field-family-name = Efternamn
p-field-hetu = Personbeteckning
p-hetu-hint = I formen ddmmåå-nnnt, till exempel 131052-308T. Du kan lämna fältet tomt.
p-hetu-recorded = Antecknad (visas inte)
p-field-email = E-post
p-field-phone = Telefon
p-field-home = Hemkommun
p-home-hint = Skriv kommunens namn. Också en tidigare kommun går bra, till exempel Nastola: den nuvarande kommunen sparas.
p-field-hours-min = Timmar i veckan, minst
p-field-hours-max = Timmar i veckan, högst
p-field-days-max = Dagar i veckan, högst
p-field-waiting-since = Tjänsten började
p-field-labour-market-status = Ställning på arbetsmarknaden
p-status-unemployed = Arbetslös
p-status-inactive = Utanför arbetskraften
p-status-employed = I arbete
p-status-in-education = Studerar
p-field-education = Utbildningsnivå
p-education-0 = Ingen skolgång eller lågstadiet oavslutat
p-education-1 = Inget avgångsbetyg från grundskolan
p-education-2 = Grundskola
p-education-3 = Gymnasium eller yrkesinriktad grundexamen
p-education-4 = Specialyrkesexamen
p-education-5 = Examen på institutnivå (till exempel tekniker)
p-education-6 = Yrkeshögskola eller kandidat
p-education-7 = Högre yrkeshögskola eller magister
p-education-8 = Licentiat eller doktor
p-field-long-term-unemployed = Långtidsarbetslös
p-field-birth-year = Födelseår
p-field-foreign-background = Utländsk bakgrund
p-field-disability = Funktionsnedsättning eller långvarig sjukdom
p-goals-title = Mål
p-goals-none = Inga mål är antecknade ännu.
p-goal-search-label = Sök ett målyrke

# Functioning
p-functioning-intro = Besvara varje fråga tillsammans med deltagaren. Om något inte har bedömts, välj ”inte bedömt”.
p-not-assessed = Inte bedömt
p-level-option = { $level }: { $text }
p-step-progress = Del { $step }/{ $steps }: { $name }
p-step-with-count = { $name } ({ $done }/{ $total } bedömda)
p-step-physical = Kropp och rörelse
p-step-senses = Sinnen och arbetsmiljö
p-step-cognitive = Inlärning och koncentration
p-step-social = Andra människor och självständighet
p-step-arrangements = Anpassningar och anteckningar
p-save-and-next = Spara och fortsätt
p-save-and-back = Spara och gå tillbaka
p-accommodations-legend = Anpassningar som behövs på arbetsplatsen

p-field-functional-notes = Anteckningar om funktionsförmågan
p-functional-notes-hint = Anteckna bara funktionsförmåga, aldrig diagnoser.

# Skills
p-skills-none = Ingen kompetens är antecknad ännu.
p-skills-caption = Deltagarens kompetens
p-col-skill = Färdighet
p-col-evidence = Hur visad
p-col-actions = Åtgärder
p-skills-add-title = Lägg till en färdighet
p-skill-search-label = Sök en färdighet
p-skill-have = Redan tillagd
p-evidence-self-assessed = Egen bedömning
p-evidence-coach-observed = Observerad av coachen
p-evidence-work-trial = Visad i arbetsprövning
p-evidence-certificate = Intyg
esco-working = arbetsöversättning
esco-working-title = Polkus egen arbetsöversättning, inte ESCO:s officiella svenska benämning. Den officiella benämningen ersätter den när ESCO:s svenska material importeras.
p-goal-skills-title = Viktiga färdigheter för målyrkena
p-goal-skills-hint = Välj de färdigheter som läggs till personens kompetens. Färdigheter som redan finns visas inte.
p-goal-skills-add = Lägg till valda färdigheter för { $name }
p-goal-skills-link = Målyrkenas viktiga färdigheter kan läggas till under fliken Kompetens.

# Languages
p-languages-none = Inga språk är antecknade ännu.
p-languages-legend = Språkkunskaper
p-language-level-for = Nivå: { $name }
p-language-remove = Ta bort språket
p-language-add-legend = Lägg till ett språk
p-field-language-code = Språk
p-language-code-hint = Välj språk och nivå och spara. Du kan lägga till språk ett i taget: efter att du sparat är formuläret klart för nästa språk.
p-field-language-level = Nivå
p-choose-language = Välj språk
p-cefr-hint = Nivåerna A1–C2 är nivåerna i den gemensamma europeiska referensramen (CEFR). A1 är nybörjarnivå, C2 nästan modersmålsnivå.
cefr-a1 = A1 – Nybörjare: förstår och använder välbekanta vardagliga uttryck och mycket enkla fraser
cefr-a2 = A2 – Grundläggande: klarar enkla vardagliga situationer, som att handla och följa korta arbetsinstruktioner
cefr-b1 = B1 – Medelnivå: klarar de flesta situationer i vardagen och på jobbet och kan berätta om sina erfarenheter
cefr-b2 = B2 – Självständig: samtalar ledigt och förstår även svåra texter inom sitt område
cefr-c1 = C1 – Avancerad: uttrycker sig ledigt och flexibelt även i arbete och studier
cefr-c2 = C2 – Mycket avancerad: förstår nästan allt och uttrycker sig exakt, som på sitt modersmål

# Availability
p-field-evenings = Kvällar
p-field-nights = Nätter
p-field-weekends = Veckoslut
p-field-acceptable = Andra lämpliga kommuner
p-acceptable-hint = Skilj kommunerna åt med kommatecken, till exempel Hollola, Nastola.
p-field-driving-licence = Körkort

# Path
p-path-now = nu
p-path-move-legend = Till vilket skede?
p-path-move = Byt skede

# Meetings
p-meetings-none = Inga möten är antecknade ännu.
p-meetings-caption = Möten, nyaste först
p-col-when = Tid
p-col-place = Plats
p-col-duration = Längd
p-col-notes = Anteckningar
p-minutes = { $n ->
    [one] { $n } minut
   *[other] { $n } minuter
}
p-meeting-record-title = Anteckna ett möte
p-meeting-record = Anteckna möte
p-field-date = Datum
p-field-time = Klockslag
p-field-duration = Längd i minuter
p-field-place = Var möttes ni?
p-field-notes = Anteckningar
p-notes-hint = Anteckningarna krypteras. Anteckna bara det som behövs.
p-place-office = På kontoret
p-place-outside-office = Utanför kontoret
p-place-remote = På distans
p-place-pop-up = Vid en pop up-punkt

# Suggestions
p-suggestions-intro = Förslagen bygger på deltagarens uppgifter och uppgifterna hos projektets arbetsgivare.
p-suggestions-none = Inga lämpliga platser hittades.
p-untitled-opening = Namnlös plats
p-score = Passform { $score } / 100
p-hours-per-week = { $n ->
    [one] { $n } timme i veckan
   *[other] { $n } timmar i veckan
}
p-task-hours = { $title } ({ $hours } h/v)
p-tasks-title = Uppgifter
p-why-title = Varför det passar
p-check-title = Att kontrollera
p-check-none = Inget att kontrollera.
p-accommodations-title = Anpassningar på arbetsplatsen
p-accommodations-none = Inga anpassningar behövs.
p-subsidy-title = Lönesubvention
p-parts-caption = Vad passformen består av
p-col-part = Del
p-col-explanation = Förklaring
p-col-points = Poäng
p-craft-at = Skräddarsy ett arbete: { $employer }
p-kind-job = Anställning
p-kind-work-trial = Arbetsprövning
p-kind-education-trial = Utbildningsprövning
p-kind-apprenticeship = Läroavtal
p-kind-gig = Gigjobb
p-fit-hours = { $hours } timmar i veckan stämmer med önskemålet om { $min }–{ $max } timmar.
p-fit-days = { $days } dagar i veckan ryms inom maximiantalet { $max }.
p-fit-municipality = Arbetsplatsen ligger i en lämplig kommun: { $place }.
p-fit-language = { $language }: { $required } krävs, deltagaren har { $has }.
p-fit-functioning = Klarar sig utan stöd: { $dimensions }.
p-fit-accommodated = { $dimension }: arbetet kräver nivå { $demand }, deltagarens nivå är { $capacity }. Fungerar med dessa anpassningar: { $accommodations }.
p-check-dimension = Kontrollera { $dimension }: uppgiften kräver nivå { $demand }, men det har inte bedömts.
p-acc-item = { $amount ->
    [0] { $name }, utan kostnad.
   *[other] { $name }, cirka { $eur }.
}
p-acc-subsidy = Stödet för ordnande av arbetsförhållanden kan täcka kostnaden.
p-acc-subsidy-cap = Stödet för ordnande av arbetsförhållanden kan täcka kostnaden, högst { $eur }.
p-acc-total = { $amount ->
    [0] Anpassningarna medför inga kostnader.
   *[other] Anpassningarna kostar sammanlagt cirka { $eur }.
}
p-subsidy-estimate = Uppskattad lönesubvention cirka { $eur } i månaden ({ $rate } av lönen).
p-subsidy-months = { $n ->
    [one] Högst { $n } månad.
   *[other] Högst { $n } månader.
}
p-subsidy-rate = Lönesubventionen kan vara { $rate } av lönen. Ingen lön har antecknats, så beloppet kan inte uppskattas.
p-subsidy-none = Lönesubventionen kan inte uppskattas för i dag.
p-subsidy-unpaid = Oavlönad plats, ingen lönesubvention.
p-part-essential-skills = Nödvändig kompetens
p-part-essential-skills-text = { $of ->
    [0] Inga nödvändiga färdigheter har angetts för uppgifterna.
   *[other] Deltagaren har { $have } av { $of } nödvändiga färdigheter.
}
p-part-optional-skills = Övrig kompetens
p-part-optional-skills-text = { $of ->
    [0] Inga andra nyttiga färdigheter har angetts för uppgifterna.
   *[other] Deltagaren har { $have } av { $of } nyttiga färdigheter.
}
p-part-learnable-gaps = Kan läras i arbetet
p-part-learnable-gaps-text = { $missing ->
    [0] Deltagaren har redan alla nödvändiga färdigheter.
    [one] { $learnable ->
        [0] En nödvändig färdighet saknas, och den kan inte läras i arbetet.
       *[other] En nödvändig färdighet saknas, men den kan läras i arbetet.
    }
   *[other] { $learnable ->
        [0] { $missing } nödvändiga färdigheter saknas, och ingen av dem kan läras i arbetet.
        [one] { $missing } nödvändiga färdigheter saknas, och en av dem kan läras i arbetet.
       *[other] { $missing } nödvändiga färdigheter saknas, och { $learnable } av dem kan läras i arbetet.
    }
}
p-part-language-margin = Språk
p-part-language-margin-none = Uppgifterna kräver inget visst språk.
p-part-language-margin-text = { $above ->
    [0] { $language }: { $required } krävs, och deltagarens nivå motsvarar kravet.
    [one] { $language }: { $required } krävs, och deltagarens nivå är en nivå över kravet.
   *[other] { $language }: { $required } krävs, och deltagarens nivå är { $above } nivåer över kravet.
}
p-part-functioning-margin = Funktionsförmåga
p-part-functioning-margin-text = { $demands ->
    [0] Uppgifterna ställer inga särskilda krav på funktionsförmågan.
    [one] { $spare ->
        [0] Uppgifterna ställer ett krav på funktionsförmågan, och deltagaren uppfyller det precis.
       *[other] Uppgifterna ställer ett krav på funktionsförmågan, och deltagaren uppfyller det med marginal.
    }
   *[other] { $spare ->
        [0] Uppgifterna ställer { $demands } krav på funktionsförmågan, och inget av dem uppfylls med marginal.
        [one] Uppgifterna ställer { $demands } krav på funktionsförmågan, och ett av dem uppfylls med marginal.
       *[other] Uppgifterna ställer { $demands } krav på funktionsförmågan, och { $spare } av dem uppfylls med marginal.
    }
}
p-part-functioning-unassessed = { $n ->
    [one] Ett krav gäller något som inte har bedömts.
   *[other] { $n } krav gäller sådant som inte har bedömts.
}
p-part-accommodation-cost = Kostnad för anpassningar
p-part-accommodation-cost-text = { $amount ->
    [0] Anpassningarna medför inga kostnader.
   *[other] Anpassningarna kostar cirka { $eur }.
}
p-part-goal-fit = Överensstämmelse med målen
p-part-goal-fit-text = { $hours ->
    [0] Uppgifterna motsvarar inte deltagarens yrkesmål.
    [one] En timme i veckan motsvarar deltagarens yrkesmål.
   *[other] { $hours } timmar i veckan motsvarar deltagarens yrkesmål.
}
p-part-employer-readiness = Arbetsgivarens beredskap
p-part-readiness-mentor-trials = Arbetsgivaren har handledare och prövningsplatser.
p-part-readiness-mentor = Arbetsgivaren har en handledare.
p-part-readiness-trials = Arbetsgivaren har prövningsplatser.
p-part-readiness-none = Arbetsgivaren har varken handledare eller prövningsplatser.

# Craft
p-craft-intro = Välj en arbetsgivare. Polku sätter ihop det arbete av dess uppgifter som passar deltagaren bäst.
p-field-employer = Arbetsgivare
p-craft-show = Visa arbetet
p-craft-result-title = Skräddarsytt arbete: { $employer }
p-craft-hours = Sammanlagt { $hours } timmar i veckan (önskemål { $min }–{ $max }).
p-craft-none = Inget lämpligt arbete kan sättas ihop av uppgifterna.
p-description-title = Beskrivning
p-left-out-title = Uppgifter som lämnades bort
p-left-out-item = { $task }: { $why }
p-left-out-hours = { $hours ->
    [one] Uppgiftens { $hours } timme ryms inte inom veckotimmarna.
   *[other] Uppgiftens { $hours } timmar ryms inte inom veckotimmarna.
}
p-left-out-min-hours = De lämpliga uppgifterna når inte minimitimmarna.
p-left-out-accommodation-cost = Uppgiften skulle kräva ytterligare anpassningar för cirka { $eur }, mer än den tillför helheten.
p-left-out-lower-value = Helheten blir bättre utan den.
p-limit-functioning = { $dimension }: arbetet kräver nivå { $demand }, deltagarens nivå är { $capacity }.
p-limit-language = { $language }: { $required } krävs, deltagaren har { $has }.
p-limit-hours = { $hours } timmar i veckan passar inte önskemålet { $min }–{ $max }.
p-limit-days = { $days } dagar i veckan är fler än { $max }.
p-limit-schedule = Arbetstiden passar inte.
p-limit-schedule-evenings = Arbetet är på kvällar.
p-limit-schedule-nights = Arbetet är på nätter.
p-limit-schedule-weekends = Arbetet är på veckoslut.
p-limit-municipality = Arbetsplatsen ligger i en kommun som deltagaren inte kan ta sig till: { $place }.
p-craft-save-title = Spara som plats
p-field-opening-title = Platsens namn
p-field-opening-kind = Typ av plats
p-craft-save = Spara platsen
p-craft-saved-title = Platsen sparades
p-craft-saved-named = Platsen ”{ $title }” sparades hos arbetsgivaren.
p-craft-saved-text = Platsen sparades hos arbetsgivaren.
p-craft-again = Tillbaka till skräddarsyningen

# Errors
p-error-invalid = Kontrollera uppgifterna.
p-error-name = Skriv ett namn (högst 100 tecken).
p-error-hetu = Personbeteckningen är inte giltig.
p-error-hetu-length = En personbeteckning har 11 tecken, till exempel 131052-308T.
p-error-hetu-check = Personbeteckningens sista tecken stämmer inte. Kontrollera siffrorna.
p-error-hetu-century = Personbeteckningens mellantecken är fel. Använd -, + eller A (eller ett nytt tecken som B eller Y).
p-error-hetu-date = Personbeteckningen ska börja med ett riktigt datum (ddmmåå).
p-error-hetu-duplicate = Det finns redan en deltagare med denna personbeteckning.
p-error-email = Skriv e-postadressen i formen namn@exempel.fi.
p-error-phone = Använd siffror, mellanslag och + - ( ) i telefonnumret.
p-error-municipality = Skriv namnet på en kommun, till exempel Lahtis.
p-error-municipality-unknown = Kommunen kändes inte igen: { $word }. Kontrollera namnet, till exempel Lahtis.
p-error-hours = Skriv timmarna som ett tal 0–60.
p-error-hours-range = Minimitimmarna får inte vara fler än maximitimmarna.
p-error-days = Skriv dagarna som ett tal 1–7.
p-error-birth-year = Skriv födelseåret med fyra siffror.
p-error-isced = Välj utbildningsnivå i listan.
p-error-stage = Stigen kan inte gå direkt till detta skede.
p-error-stage-choose = Välj ett skede.
p-error-level = Välj en nivå i listan.
p-error-language = Välj ett språk i listan. Det här språket känns inte igen.
p-error-date = Skriv datumet som åååå-mm-dd.
p-error-time = Skriv klockslaget som tt:mm.
p-error-duration = Längden är 5–480 minuter.
p-error-place = Välj plats.
p-error-notes = Anteckningarna är för långa (högst 10 000 tecken).
p-error-title = Skriv ett namn för platsen.
p-error-employer = Välj en arbetsgivare.
p-error-kind = Välj typ av plats.
p-error-no-tasks = Arbetet fick inga uppgifter.
p-suggestions-failed = Förslagen kunde inte beräknas eftersom någon uppgift hos en arbetsgivare är ofullständig. Be arbetsgivarkoordinatorn kontrollera uppgifterna.
p-craft-failed = Arbetet kunde inte sättas ihop eftersom arbetsgivarens uppgifter är ofullständiga (till exempel inga uppgifter antecknade ännu).
p-path-history-title = Ändringar av skede
p-path-history-none = Skedet har inte ändrats ännu.
p-path-history-caption = Ändringar av skede, nyaste först
p-col-from = Från
p-col-to = Till
p-error-skill = Välj en färdighet bland sökresultaten.

## Plan tab
p-tab-plan = Plan
p-plan-none = Planen har ännu inga steg.
p-plan-caption = { $n ->
    [0] Planens steg, alla gjorda
    [one] Planens steg, ett pågår
   *[other] Planens steg, { $n } pågår
}
p-plan-col-step = Steg
p-plan-col-due = Senast
p-plan-col-status = Läge
p-plan-overdue = Försenat
p-plan-done-on = Gjort { $date }
p-plan-open = Pågår
p-plan-reopen = Markera som pågående
p-plan-mark-done = Markera som gjort
p-plan-add-title = Lägg till ett steg
p-plan-field-text = Vad ska göras
p-plan-text-hint = Skriv steget så som ni kom överens, till exempel ”Vi besöker lagret”.
p-plan-field-due = Senast (frivilligt)
p-plan-add = Lägg till i planen
p-plan-error-text-empty = Skriv vad som ska göras.
p-plan-error-text-long = Steget är för långt (högst 2000 tecken).
p-plan-error-due = Ange datumet som åååå-mm-dd.
p-plan-conflict-label = Steg
p-plan-conflict-value = Någon annan ändrade steget under tiden. Kontrollera läget och försök igen.

# Consents (R16)
p-tab-consents = Samtycken
p-consent-intro = Deltagarens uppgifter visas för en arbetsgivare, en arbetsplatshandledare eller en läroanstalt bara med deltagarens samtycke, för varje uppgiftsgrupp för sig. Samtycket kan återkallas när som helst med ett klick, och det gäller genast.
p-consent-none = Inga samtycken har registrerats.
p-consent-caption = { $n ->
    [0] Samtycken, inget gäller
    [one] Samtycken, ett gäller
   *[other] Samtycken, { $n } gäller
}
p-consent-col-category = Uppgifter
p-consent-col-recipient = Till vem
p-consent-col-purpose = För vad
p-consent-col-given = Givet
p-consent-col-wording = Text (kod)
p-consent-col-status = Status
p-consent-withdrawn-on = Återkallat { $date }
p-consent-active = Gäller
p-consent-withdraw = Återkalla samtycket
p-consent-add-title = Registrera ett nytt samtycke
p-consent-field-purpose = Vad används uppgifterna till?
p-consent-field-recipient = Vem får se uppgifterna?
p-consent-show-wording = Visa samtyckestexten
p-consent-read-aloud = Läs texten tillsammans med deltagaren. Kryssa bara för de uppgifter som deltagaren samtycker till.
p-consent-field-categories = Uppgifter som deltagaren samtycker till
p-consent-field-method = Hur gavs samtycket?
p-consent-record = Registrera samtycket
p-consent-cancel = Avbryt
p-consent-purpose-placement = Att föreslå deltagaren för ett arbete, en arbetsprövning eller ett gig och uppföljningen
p-consent-purpose-transition = Övergången från skola till arbete eller från en utbildning till en annan
p-consent-recipient-employer = Arbetsgivare
p-consent-recipient-mentor = Handledare på arbetsplatsen
p-consent-recipient-institution = Läroanstalt
p-consent-category-contact = Kontaktuppgifter
p-consent-category-skills = Kunnande
p-consent-category-languages = Språkkunskaper
p-consent-category-goals = Mål och tillgänglighet
p-consent-category-functioning = Funktionsförmåga och anpassningar
p-consent-category-documents = Dokument
p-consent-method-written = Skriftligt med underskrift
p-consent-method-in_meeting = Muntligt vid ett möte
p-consent-method-electronic = Elektroniskt i tjänsten
p-consent-error-purpose = Välj vad uppgifterna används till.
p-consent-error-recipient = Välj vem som får se uppgifterna.
p-consent-error-category = Kryssa för minst en uppgift som deltagaren samtycker till.
p-consent-error-method = Välj hur samtycket gavs.
p-consent-error-wording = Samtyckestexten har ändrats. Läs den nya texten med deltagaren och registrera samtycket på nytt.

# Sharing (R17)
p-share-title = Dela uppgifter
p-share-intro = Dela uppgifter med en användare hos en arbetsgivare, en arbetsplatshandledare eller en läroanstalt fram till ett datum. Bara de uppgifter som deltagarens samtycke gäller för visas.
p-share-none = Uppgifterna har inte delats med någon.
p-share-caption = Delningar
p-share-col-recipient = Till vem
p-share-col-until = Upphör
p-share-active = Gäller
p-share-revoked = Återkallad
p-share-expired = Upphört
p-share-revoke = Sluta dela
p-share-no-recipients = Projektet har inga användare hos arbetsgivare, arbetsplatshandledare eller läroanstalter att dela med.
p-share-field-recipient = Dela med
p-share-choose = Välj mottagare
p-share-field-categories = Uppgifter som delas
p-share-field-purpose = Vad uppgifterna används till
p-share-purpose-hint = Deltagaren måste ha samtyckt till att varje uppgift används på det här sättet. Utan val delas uppgifterna för att föreslå deltagaren för arbete.
p-share-categories-hint = Bara uppgifter som samtycket gäller för kan delas.
p-share-field-until = Delas till och med (åååå-mm-dd)
p-share-submit = Dela uppgifterna
p-share-error-recipient = Välj vem uppgifterna delas med.
p-share-error-category = Kryssa för minst en uppgift att dela.
p-share-error-until = Ange slutdatum i formen åååå-mm-dd, tidigast i dag och högst ett år framåt.
p-share-error-consent = Deltagaren har inte samtyckt till att alla valda uppgifter delas med den här mottagaren. Registrera samtycket först.

# Access request (R39)
p-export-title = Begäran om registerutdrag
p-export-intro = Deltagaren har rätt att få alla uppgifter som har sparats om hen (EU:s dataskyddsförordning, artikel 15 och 20): person- och funktionsförmågeuppgifter, servicestig, möten, plan, samtycken, vem uppgifterna har delats med samt när och för vilket ändamål uppgifterna har behandlats. Filen är maskinläsbar (JSON) och nämner inga anställdas namn. Den innehåller känsliga uppgifter: ge den bara till deltagaren själv. Nedladdningen loggas.
p-export-download = Ladda ner alla uppgifter (JSON)

## Confirmations after a save (shown once as a status message)
notice-participant = Deltagaren har lagts till.
notice-details = Grunduppgifterna har sparats.
notice-functioning = Funktionsförmågan har sparats.
notice-availability = Tillgängligheten har sparats.
notice-municipality-merged = { $former } slogs samman med en annan kommun { $year }. Den nuvarande kommunen är { $current }, och den sparades.
notice-languages = Språkkunskaperna har sparats.
notice-skills = Kompetensen har sparats.
notice-path = Stegen i vägen har sparats.
notice-meeting = Mötet har antecknats.
notice-plan-step = Steget har lagts till i planen.
notice-plan-done = Steget har markerats som gjort.
notice-consent = Samtycket har antecknats.
notice-consent-withdrawn = Samtycket har återkallats.
notice-share = Uppgifterna har delats.
notice-share-ended = Delningen har avslutats.

## Varför det finns få förslag, och vad som skulle ändra det.
p-why-few-title = Varför det finns få förslag
p-left-out = { $n ->
    [one] En av projektets platser lämnades bort.
   *[other] { $n } av projektets platser lämnades bort.
}
p-left-out-reason = { $reason }: { $n ->
    [one] en plats
   *[other] { $n } platser
}
p-reason-hours = Arbetstimmar
p-reason-days = Arbetsdagar
p-reason-schedule = Arbetstider
p-reason-municipality = Arbetsplatsens kommun
p-reason-language = Språkkunskaper
p-reason-functioning = Funktionsförmåga
p-change-hours = Om timönskemålet vidgas till { $min }–{ $max } timmar i veckan kan { $n ->
    [one] en plats till
   *[other] { $n } platser till
} föreslås.
p-change-days = Om arbetet får omfatta högst { $days } dagar i veckan kan { $n ->
    [one] en plats till
   *[other] { $n } platser till
} föreslås.
p-change-schedule = Om arbete även { $times } passar kan { $n ->
    [one] en plats till
   *[other] { $n } platser till
} föreslås.
p-change-municipalities = Om deltagaren också kan arbeta i { $places } kan { $n ->
    [one] en plats till
   *[other] { $n } platser till
} föreslås.
p-change-languages = Med språkkunskaper på nivån { $levels } kan { $n ->
    [one] en plats till
   *[other] { $n } platser till
} föreslås.
p-change-none = De flesta lämnades bort på grund av funktionsförmågan. Kontrollera bedömningen av funktionsförmågan och anpassningarna, eller skräddarsy ett arbete med en arbetsgivare.
p-when-evenings = på kvällar
p-when-nights = på nätter
p-when-weekends = på veckoslut

## Arbetslöshetens början och stödkalkylen (reglerna för lönesubvention)
p-field-unemployed-since = Arbetslös sedan
p-hint-unemployed-since = Dagen då den nuvarande arbetslösheten började, till exempel 2024-03-01 eller 1.3.2024. Utifrån den räknas hur många månader personen har varit arbetslös under de senaste 28 månaderna. Har arbetslösheten varat i minst 12 månader antecknas personen som långtidsarbetslös.
p-error-unemployed-since = Skriv dagen som 2024-03-01 eller 1.3.2024.
p-error-unemployed-since-future = Arbetslöshetens första dag kan inte ligga i framtiden.
p-sub-caption = Stöd som kan passa
p-sub-col-rule = Stöd
p-sub-col-rate = Andel av lönen
p-sub-col-cap = Högst per månad
p-sub-col-months = Längst
p-sub-col-month = Uppskattning per månad
p-sub-col-total = Uppskattning för hela tiden
p-sub-col-why = Varför och vad som ska kontrolleras
p-sub-best = bäst
p-sub-none = Ingen lönesubvention passar här.
p-sub-no-cap = inget tak
p-sub-no-eur = –
p-sub-months-n = { $n ->
    [one] { $n } månad
   *[other] { $n } månader
}
p-sub-status-confirmed = Regeln är bekräftad i källorna.
p-sub-status-partly_confirmed = Regeln är delvis bekräftad: kontrollera den.
p-sub-status-uncertain = Regeln är osäker: kontrollera den.
p-sub-estimate-note = Detta är uppskattningar, inte beslut. Bekräfta stödet hos arbetskraftsmyndigheten.
p-sub-reason-reduced_work_ability = Personen har nedsatt arbetsförmåga.
p-sub-reason-age = Personen har fyllt { $at_least } år.
p-sub-reason-long_term_unemployed = Personen är långtidsarbetslös.
p-sub-reason-unemployed_months = Arbetslös { $months } av de senaste 28 månaderna (krävs { $at_least }).
p-sub-reason-nonprofit_employer = Arbetsgivaren är: { $form }.
p-sub-reason-hours = { $hours } timmar i veckan (krävs minst { $at_least }).
p-sub-reason-worktime_ceiling = Stödet täcker lönen för högst { $hours } timmar i veckan (65 % av full arbetstid), multiplicerad med { $factor }.
p-sub-reason-confirm_non_business_tasks = Kontrollera: uppgifterna är inte affärsverksamhet.
p-sub-reason-confirm_disadvantaged_group = Kontrollera: personen hör till en grupp som lönesubvention beviljas för (till exempel fyllt 50 år, ingen yrkesexamen eller inget lönearbete på 6 månader).
p-sub-missing-birth_date = Saknas: födelsedagen. Bara födelseåret är känt, och det visar inte om åldersgränsen redan är nådd.
p-sub-missing-age = Saknas: födelseåret.
p-sub-missing-unemployment_history = Saknas: arbetslöshetens första dag.
p-sub-missing-employer_legal_form = Saknas: arbetsgivarens juridiska form.
p-sub-note-state_employer = Staten kan inte få lönesubvention.
p-sub-note-municipal_employer = En kommun kan få lönesubvention bara för att anställa en person med nedsatt arbetsförmåga eller en långtidsarbetslös som fyllt 60 år.
p-sub-note-employer_legal_form_unknown = Arbetsgivarens juridiska form är inte antecknad, så uppskattningen kan ändras.
p-sub-arrangement-title = Stöd för ordnande av arbetsförhållanden
p-sub-arrangement-one-off = { $name }: högst { $eur } en gång.
p-sub-arrangement-monthly = { $name }: { $eur } per månad i högst { $n } månader.
p-sub-arrangement-not-in-force = { $name }: stödet kan inte uppskattas för i dag.
p-sub-arrangement-total = Stöd för ordnande av arbetsförhållanden sammanlagt cirka { $eur }.
p-sub-total = Bästa lönesubventionen och stödet för ordnande av arbetsförhållanden sammanlagt cirka { $eur } för hela tiden.
p-kept-title = Sparat tidigare, antecknas inte längre
p-kept-hint = Din organisation antecknar inte längre dessa uppgifter. Värden som sparats tidigare finns kvar tills du tar bort dem eller personens uppgifter raderas.
p-kept-note = (din organisation antecknar inte längre detta; det finns kvar tills det raderas)
p-kept-clear = Ta bort { $name }
rule-field-not-enabled = Din organisation antecknar inte denna uppgift. En administratör kan slå på den.
