# Fördelning av knappa prövningsplatser (arbetsgivarkoordinatorer och projektchefer).
nav-allocation = Prövningsplatser
notice-allocation = Fördelningen godkändes och registrerades.
alloc-title = Fördela prövningsplatser
alloc-intro = Välj prövningsplatserna och deltagarna. Polku räknar ut den fördelning som ger bäst sammanlagd matchning och väger in vem som har väntat längst. Ingenting registreras förrän du godkänner fördelningen.
alloc-no-projects = Du har inget projekt där du kan fördela prövningsplatser.
alloc-field-project = Projekt
alloc-choose-project = Visa projektet
alloc-openings-legend = Prövningsplatser
alloc-no-openings = Projektet har inga aktuella prövningsplatser.
alloc-places = { $n ->
    [one] { $n } plats
   *[other] { $n } platser
}
alloc-participants-legend = Deltagare som söker en prövningsplats
alloc-participants-hint = Deltagare i coachnings- eller prövningsskedet, den som väntat längst först. Namn visas inte.
alloc-no-participants = Ingen deltagare i projektet söker en prövningsplats.
alloc-waiting-since = väntat sedan { $date }
alloc-compute = Räkna ut
alloc-participant-n = Deltagare { $n }
alloc-result-title = Uträknad fördelning av prövningsplatser
alloc-result-intro = Ingenting har registrerats ännu: godkänn fördelningen nedan för att registrera den.
alloc-changed-title = Fördelningen har ändrats
alloc-changed-text = Uppgifterna ändrades efter att fördelningen visades, så den godkändes inte. Nedan visas fördelningen som den räknas ut nu; godkänn den igen om den är rätt.
alloc-summary-title = Totalt
alloc-total = Sammanlagda poäng (matchning och väntetid)
alloc-placed = Deltagare med plats
alloc-greedy-total = Sammanlagda poäng enligt ankomstordning
alloc-comparison = Enligt ankomstordning (den som väntat längst väljer först) skulle poängen bli { $greedy } och { $greedyplaced } få en plats. Denna fördelning ger { $placed } en plats och { $gain } poäng mer; { $differs ->
    [one] { $differs } deltagare hamnar
   *[other] { $differs } deltagare hamnar
} annorlunda än enligt ankomstordning.
alloc-nobody = Ingen placerades här.
alloc-table-caption = Placerade på { $opening }
alloc-col-participant = Deltagare
alloc-col-score = Poäng
alloc-col-bonus = Tillägg för väntetid
alloc-why-here = Varför { $who } passar här
alloc-unplaced-title = Utan plats
alloc-unplaced-none = Alla valda fick en plats.
alloc-why-no-fit = Ingen av de valda platserna passar.
alloc-why-no-fit-limits = Ingen av de valda platserna passar: { $limits }.
alloc-why-places-taken = { $n ->
    [one] En plats skulle passa, men dess platser ger högre sammanlagda poäng åt andra.
   *[other] { $n } platser skulle passa, men deras platser ger högre sammanlagda poäng åt andra.
}
alloc-limit-functioning = arbetets krav överstiger funktionsförmågan
alloc-limit-language = språkkravet
alloc-limit-hours = arbetstiden
alloc-limit-days = arbetsdagarna
alloc-limit-schedule = kvälls-, natt- eller helgarbete
alloc-limit-municipality = arbetsplatsens läge
alloc-average-title = Poängdelar i genomsnitt
alloc-average-intro = Projektchefer ser motiveringen endast sammanställd: varje poängdels genomsnitt bland dem som fick en plats.
alloc-average-suppressed = Genomsnitten visas när minst fem deltagare får en plats, så att ingen enskild deltagares uppgifter kan urskiljas.
alloc-col-average = Genomsnittliga poäng
alloc-accept-title = Godkänn fördelningen
alloc-accept-hint = När du godkänner registreras fördelningen som ett beslut och ett förslag förbereds för varje deltagare som fick en plats, som jobbcoachen bekräftar. Om uppgifterna har ändrats efter att sidan visades vägrar Polku och visar den nya fördelningen.
alloc-accept = Godkänn fördelningen
alloc-change-choice = Ändra valet
alloc-error-openings = Välj projektets prövningsplatser i listan.
alloc-error-participants = Välj i listan projektets deltagare som söker en prövningsplats.
alloc-error-no-openings = Välj minst en prövningsplats.
alloc-error-no-participants = Välj minst en deltagare.
alloc-error-engine = Fördelningen kunde inte räknas ut från de sparade uppgifterna. Kontrollera platsernas arbetsuppgifter.
alloc-accept-coordinators = Projektets arbetsgivarkoordinator godkänner fördelningen och förbereder förslagen.
alloc-accepted-title = Fördelningen godkänd
alloc-accepted-intro = Beslutet är registrerat. Ett förslag har förberetts för varje deltagare som fick en plats; deltagarens jobbcoach bekräftar det innan det går till arbetsgivaren.
alloc-prepared-title = Förberedda förslag
alloc-prepared-none = Inga förslag förbereddes.
alloc-refused-title = Inget förslag förberett
alloc-proposal-failed = Förslaget kunde inte förberedas. Försök igen eller förbered det själv.
alloc-back-to-form = Fördela fler prövningsplatser
