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

## Työnantajan näkymä ehdotukseen ja vastaus (proposal-…).

nav-proposals = Ehdotukset
home-proposals-title = Ehdotukset, jotka odottavat vastaustasi
home-proposals-none = Mikään ehdotus ei odota vastaustasi.
notice-answer = Vastauksesi on tallennettu. Työhönvalmentaja näkee sen.
proposal-list-title = Ehdotukset
proposal-list-intro = Työhönvalmentajien ehdotukset ja työjaksot niille työnantajille, joita edustat.
proposal-waiting-title = Odottavat vastaustasi
proposal-waiting-none = Mikään ehdotus ei odota vastaustasi.
proposal-others-title = Muut ehdotukset ja työjaksot
proposal-others-none = Ei muita ehdotuksia eikä työjaksoja.
proposal-waited-days = { $n ->
    [0] odottanut alle päivän
    [one] odottanut { $n } päivän
   *[other] odottanut { $n } päivää
}
proposal-starts = alkaa { $date }
proposal-person = Osallistuja
proposal-state-prepared = Valmisteltu
proposal-state-proposed = Odottaa vastausta
proposal-state-agreed = Sovittu
proposal-state-active = Käynnissä
proposal-state-completed = Päättynyt
proposal-state-interrupted = Keskeytynyt
proposal-state-declined = Ei toteudu
proposal-state-withdrawn = Peruttu
proposal-preview-note = Näin työnantaja näkee ehdotuksen.
proposal-conflict = Ehdotus on muuttunut sen jälkeen, kun avasit sivun. Vastaustasi ei tallennettu. Tarkista ehdotus ja vastaa uudelleen.
proposal-term-start = Alkaa
proposal-term-end = Päättyy
proposal-term-time = Työaika
proposal-term-time-value = { $hours } tuntia päivässä, { $days } päivää viikossa
proposal-term-mentor = Työpaikkaohjaaja
proposal-term-coach = Työhönvalmentaja
proposal-tasks-title = Työtehtävät
proposal-tasks-caption = { $n ->
    [one] Tehtävät, yhteensä { $n } tunti viikossa
   *[other] Tehtävät, yhteensä { $n } tuntia viikossa
}
proposal-col-task = Tehtävä
proposal-col-hours = Tuntia viikossa
proposal-col-days = Päivää viikossa
proposal-col-schedule = Työaika
proposal-col-fit = Mitä osallistuja osaa
proposal-fit-independent = Osaa tehdä tehtävän itsenäisesti.
proposal-fit-induction = Tarvitsee perehdytystä: { $skills }.
proposal-fit-training = Tarvitsee koulutusta ennen aloitusta: { $skills }.
proposal-fit-language = Kielitaito riittää tehtävään ({ $language }).
proposal-fit-language-support = Tarvitsee tukea kielessä ({ $language }).
proposal-fit-suits = Sopii tehtävään ilman työjärjestelyjä.
proposal-fit-suits-with = Sopii, kun työpaikalla on { $accommodations }.
proposal-fit-agree = Työjärjestelyistä sovitaan työhönvalmentajan kanssa.
proposal-fit-nothing = Tähän tehtävään liittyviä tietoja ei ole jaettu.
proposal-not-shared = Näitä tietoja ei ole jaettu, eikä niitä ole käytetty: { $groups }.
proposal-group-skills = osaaminen
proposal-group-languages = kielitaito
proposal-group-functioning = työjärjestelyt
proposal-adjustments-title = Työjärjestelyt ja kustannukset
proposal-adjustments-none = Työ ei vaadi työjärjestelyjä.
proposal-adjustments-total = { $amount ->
    [0] Työjärjestelyistä ei aiheudu kustannuksia.
   *[other] Työjärjestelyt yhteensä noin { $eur }.
}
proposal-subsidy-title = Palkkatuki
proposal-subsidy-none = Ehdotukseen ei liity palkkatukea.
proposal-subsidy-no-wage = Ehdotus on palkkatuettu työ. Palkkaa ei ole kirjattu, joten tukea ei voi arvioida euroina.
proposal-subsidy-estimate-note = Arvio, varmista työllisyysviranomaiselta.
proposal-answered-title = Vastaus
proposal-answer-title = Vastaa ehdotukseen
proposal-answer-legend = Vastauksesi
proposal-answer-yes = Kyllä
proposal-answer-meet = Tavataan ensin
proposal-answer-no = Ei
proposal-answer-required = Valitse vastaus.
proposal-reason-label = Perustelu
proposal-reason-hint = Pakollinen, jos vastaat ei. Kerro syy, joka liittyy työhön (esimerkiksi tehtävät tai aikataulu), ei terveyteen. Enintään 2 000 merkkiä.
proposal-answer-send = Lähetä vastaus
