## Työjaksot: ehdotukset, työkokeilut, koulutuskokeilut, työpaikat, oppisopimukset ja keikkatyöt.
## Rikotut säännöt (API:n kenttävirheet ja lomakkeiden virheet): rule-<koodi>.

rule-placement-needs-tasks = Valitse ainakin yksi tehtävä.
rule-end-before-start = Päättymispäivä on ennen alkamispäivää.
rule-days-per-week-range = Päiviä viikossa voi olla 1–7.
rule-hours-per-day-range = Tunteja päivässä voi olla 1–12.
rule-work-trial-hours-per-day = Työkokeilussa ollaan 4–8 tuntia päivässä.
rule-work-trial-days-per-week = Kokeilussa ollaan enintään 5 päivää viikossa.
rule-trial-needs-end = Kokeilulle tarvitaan päättymispäivä.
rule-work-trial-at-own-workplace = Työkokeilua ei voi järjestää työpaikassa, jossa osallistuja jo on töissä.
rule-work-trial-six-months-per-organiser = Työkokeilu saman järjestäjän luona kestää yhteensä enintään 6 kuukautta, aiemmat kokeilut mukaan lukien.
rule-work-trial-twelve-months-total = Työkokeiluja voi olla yhteensä enintään 12 kuukautta, aiemmat kokeilut mukaan lukien.
rule-education-trial-ten-days = Koulutuskokeilu kestää kerrallaan enintään 10 päivää.
rule-gig-needs-end = Keikkatyölle tarvitaan päättymispäivä.
rule-pay-subsidy-only-for-jobs = Palkkatuki koskee vain työpaikkaa.
rule-participant-has-no-coach = Osallistujalla ei ole työhönvalmentajaa, joka vahvistaisi ehdotuksen.
rule-employer-not-in-project = Työnantajaa ei ole tämän hankkeen rekisterissä.
rule-task-not-at-employer = Tehtävä ei ole tämän työnantajan tehtävä.
rule-opening-not-at-employer = Paikka ei ole tämän työnantajan paikka.
rule-mentor-not-found = Työpaikkaohjaajaa ei löydy.
rule-not-a-mentor-of-project = Käyttäjä ei ole tämän hankkeen työpaikkaohjaaja.
rule-proposal-not-waiting = Ehdotukseen on jo vastattu tai se ei odota vastausta.
rule-answer-no-needs-reason = Kerro, miksi vastaus on ei.
rule-text-too-long = Teksti on liian pitkä (enintään 2 000 merkkiä).
rule-ending-needs-reason = Kerro syy.
rule-user-not-found = Käyttäjää ei löydy.
rule-not-an-employer-user-of-project = Käyttäjä ei ole tämän hankkeen työnantajakäyttäjä.
rule-proposal-category-without-consent = Osallistuja ei ole antanut suostumusta kaikkien valittujen tietojen luovutukseen työnantajalle.
rule-proposal-needs-consent = Osallistuja ei ole antanut suostumusta minkään tiedon luovutukseen työnantajalle. Kirjaa suostumus ensin.
rule-placement-state-move-not-allowed = Työjaksoa ei voi siirtää tähän tilaan nykyisestä tilasta.

## Seurannat työllistymisen jälkeen (työssä pysyminen): follow-up-…

follow-up-home-title = Seurannat
follow-up-home-none = Tällä viikolla ei ole seurantoja eikä yksikään ole myöhässä.
follow-up-home-overdue = Myöhässä
follow-up-home-week = Tällä viikolla
follow-up-line = { $employer }, { $checkpoint }, määräpäivä { $due }
follow-up-days-overdue = { $n ->
    [one] 1 päivä myöhässä
   *[other] { $n } päivää myöhässä
}
follow-up-placement-ended = Työjakso päättyi { $date }.
follow-up-checkpoint-1m = 1 kuukauden seuranta
follow-up-checkpoint-3m = 3 kuukauden seuranta
follow-up-checkpoint-6m = 6 kuukauden seuranta
follow-up-checkpoint-12m = 12 kuukauden seuranta
follow-up-still-same-employer = Työssä samalla työnantajalla
follow-up-still-other-employer = Työssä toisella työnantajalla
follow-up-still-not-working = Ei työssä
follow-up-title = Seuranta
follow-up-heading = { $checkpoint }
follow-up-done-on = Seuranta on kirjattu { $date }.
follow-up-record-title = Kirjaa seuranta
follow-up-correct-title = Korjaa kirjausta
follow-up-field-still-working = Onko osallistuja työssä?
follow-up-field-hours = Tunteja viikossa (0–60)
follow-up-field-support = Annettu tuki
follow-up-hint-support = Esimerkiksi käynti työpaikalla tai keskustelu työpaikkaohjaajan kanssa. Älä kirjaa terveystietoja.
follow-up-field-recrafting = Työ pitää räätälöidä uudelleen
follow-up-field-note = Muistiinpano
follow-up-save = Tallenna seuranta
follow-up-recraft-title = Räätälöinti
follow-up-recraft-intro = Kirjasit, että työ pitää räätälöidä uudelleen. Räätälöinti alkaa työn nykyisistä tehtävistä.
follow-up-recraft = Räätälöi työ uudelleen
follow-up-error-still-working = Valitse, onko osallistuja työssä.
follow-up-error-conflict = Joku muu tallensi tämän seurannan sillä välin. Alla on tallennettu kirjaus; tarkista se ja tallenna uudelleen.
follow-up-craft-current-title = Työn nykyiset tehtävät
follow-up-craft-current-intro = Räätälöinnin lähtökohta: tehtävät, joita osallistuja tekee nyt.
rule-follow-up-hours-out-of-range = Tunteja viikossa voi olla 0–60.
rule-follow-up-hours-when-not-working = Kun osallistuja ei ole työssä, tunteja on 0.
