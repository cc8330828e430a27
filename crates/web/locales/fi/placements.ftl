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
## Työhönvalmentajan ja koordinaattorin sivut: työjaksot-välilehti, ehdotuslomake, avoimet ehdotukset, työnantajan käyttäjät (pl-).

pl-tab = Työjaksot
pl-tab-intro = Osallistujan ehdotukset ja työjaksot. Koordinaattorin valmistelemat ehdotukset odottavat vahvistustasi.
pl-new = Uusi ehdotus työnantajalle
pl-none = Ei ehdotuksia eikä työjaksoja.
pl-list-caption = Ehdotukset ja työjaksot
pl-col-employer = Työnantaja
pl-col-kind = Muoto
pl-col-state = Tila
pl-col-start = Alkaa
pl-col-end = Päättyy
pl-col-current = Työjakso
pl-col-waited = Odottanut
pl-waiting-for-you = Odottaa vahvistustasi
pl-state-prepared = Valmisteltu
pl-state-proposed = Ehdotettu
pl-state-agreed = Sovittu
pl-state-active = Käynnissä
pl-state-completed = Päättynyt
pl-state-interrupted = Keskeytynyt
pl-state-declined = Hylätty
pl-state-withdrawn = Peruttu
pl-error-invalid = Tarkista arvo.
pl-error-employer = Valitse työnantaja.
pl-error-kind = Valitse työjakson muoto.
pl-error-date = Anna päivämäärä muodossa vvvv-kk-pp.
pl-error-number = Anna kokonaisluku.
pl-error-categories = Valitse ainakin yksi tietoryhmä, jonka osallistuja on suostunut luovuttamaan.
pl-task-hours = { $title } ({ $hours } h/vko)
pl-no-mentor = Ei työpaikkaohjaajaa vielä
pl-no-consent = ei suostumusta
pl-new-for = Ehdotus työnantajalle: { $name }
pl-back-to-tab = Takaisin työjaksoihin
pl-back-to-candidates = Takaisin ehdokkaisiin
pl-prepare-title = Valmistele ehdotus: { $title }
pl-prepare-intro = Ehdotus valmistellaan osallistujan työhönvalmentajalle. Työhönvalmentaja vahvistaa sen ja valitsee luovutettavat tiedot osallistujan suostumuksen mukaan; vasta silloin työnantaja näkee ehdotuksen.
pl-field-employer = Työnantaja
pl-choose-employer = Valitse tehtävät
pl-field-opening = Työpaikka
pl-field-kind = Muoto
pl-field-pay-subsidy = Palkkatuki
pl-pay-subsidy-hint = Vain työsuhteeseen.
pl-field-tasks = Tehtävät
pl-no-tasks = Työnantajalla ei ole vielä tehtäviä.
pl-field-start = Alkamispäivä
pl-field-end = Päättymispäivä
pl-field-hours-per-day = Tunteja päivässä
pl-field-days-per-week = Päiviä viikossa
pl-field-mentor = Työpaikkaohjaaja
pl-field-categories = Työnantajalle luovutettavat tiedot
pl-categories-hint = Vain tietoryhmät, joihin osallistujalla on voimassa oleva suostumus, voi valita.
pl-propose = Lähetä ehdotus
pl-prepare = Valmistele ehdotus
pl-propose-suggestion = Ehdota työnantajalle
pl-propose-crafted = Ehdota tätä työtä
pl-prepare-link = Valmistele ehdotus
pl-prepare-for-n = Valmistele ehdotus ehdokkaasta { $n }
pl-detail-title = Työjakso
pl-field-participant = Osallistuja
pl-field-state = Tila
pl-field-dates = Ajankohta
pl-field-time = Työaika
pl-hours-per-day = { $n ->
    [one] { $n } tunti päivässä
   *[other] { $n } tuntia päivässä
}
pl-days-per-week = { $n ->
    [one] { $n } päivä viikossa
   *[other] { $n } päivää viikossa
}
pl-field-coach = Työhönvalmentaja
pl-field-disclosed = Luovutetut tiedot
pl-disclosed-none = Ei vielä luovutettu
pl-field-answer = Työnantajan vastaus
pl-field-ended = Päättyi
pl-answer-yes = Kyllä
pl-answer-meet = Tavataan ensin
pl-answer-no = Ei
pl-open-ended = toistaiseksi
pl-conflict-title = Työjaksoa on muutettu sillä välin
pl-conflict-text = Joku muutti työjaksoa, kun sivu oli auki. Alla on tallennettu tilanne; tarkista se ja tee muutos uudelleen.
pl-confirm-title = Vahvista ehdotus
pl-confirm-intro = Koordinaattori valmisteli tämän ehdotuksen. Kun vahvistat, työnantaja näkee ehdotuksen ja valitsemasi tiedot.
pl-confirm = Vahvista ja lähetä
pl-moves-title = Muuta tilaa
pl-move-withdraw = Peru ehdotus
pl-move-start = Työjakso alkoi
pl-move-complete = Työjakso päättyi
pl-move-interrupt = Keskeytä työjakso
pl-field-started-on = Alkamispäivä
pl-field-ended-on = Päivämäärä
pl-field-reason = Syy
pl-reason-hint = Kirjoita syy työn kannalta; älä kirjoita terveystietoja.
pl-open-title = Avoimet ehdotukset
pl-open-intro = Valmistellut ja työnantajan vastausta odottavat ehdotukset työnantajittain, pisimpään odottanut ensin.
pl-open-none = Ei avoimia ehdotuksia.
pl-open-caption = Avoimet ehdotukset: { $employer }
pl-days-waited = { $n ->
    [one] { $n } päivä
   *[other] { $n } päivää
}
pl-path-title = Työjaksot
pl-home-prepared-title = Vahvistusta odottavat ehdotukset
pl-employer-users-title = Työnantajan käyttäjät
pl-employer-users-intro = Työnantajan käyttäjät näkevät tämän työnantajan ehdotukset ja vastaavat niihin.
pl-employer-users-none = Ei linkitettyjä käyttäjiä.
pl-employer-users-no-others = Hankkeessa ei ole muita työnantajan käyttäjiä linkitettäväksi.
pl-employer-user-choose = Työnantajan käyttäjä
pl-employer-user-link = Linkitä käyttäjä
pl-employer-user-unlink = Poista linkitys
pl-employer-user-unlink-named = Poista käyttäjän { $name } linkitys
nav-open-proposals = Avoimet ehdotukset
notice-proposal = Ehdotus lähetetty työnantajalle.
notice-proposal-prepared = Ehdotus valmisteltu. Työhönvalmentaja vahvistaa sen.
notice-proposal-confirmed = Ehdotus vahvistettu ja lähetetty työnantajalle.
notice-placement-moved = Työjakson tila tallennettu.
notice-employer-user = Käyttäjä linkitetty työnantajaan.
notice-employer-user-removed = Käyttäjän linkitys poistettu.
rule-date-invalid = Anna päivämäärä.
rule-proposal-needs-categories = Valitse ainakin yksi tietoryhmä.
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
