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
