## employers area (fi)
emp-list-title = Työnantajat
emp-list-empty = Rekisterissä ei ole vielä työnantajia.
emp-list-caption = { $n ->
    [one] { $n } työnantaja
   *[other] { $n } työnantajaa
}
emp-new-link = Lisää työnantaja
emp-new-title = Lisää työnantaja
emp-edit-title = Muokkaa työnantajan tietoja
emp-edit-link = Muokkaa tietoja
emp-overview-title = Työnantajan yleiskuva
emp-tabs-label = Työnantajan sivut
emp-tab-overview = Yleiskuva
emp-tab-tasks = Työtehtävät
emp-tab-openings = Paikat
emp-tab-interactions = Yhteydenotot ja tarpeet
emp-col-open-openings = Avoimet paikat
emp-field-name = Nimi
emp-field-business-id = Y-tunnus
emp-hint-business-id = Seitsemän numeroa, väliviiva ja tarkistusnumero, esim. 1572860-0.
emp-field-industry = Toimiala (TOL 2008)
emp-hint-industry = Hae toimialaa nimellä tai koodilla, esimerkiksi siivous tai 81210, ja valitse se listasta.
emp-field-size = Koko
emp-field-municipalities = Kunnat
emp-hint-municipalities = Nimet tai koodit pilkuilla erotettuina, esim. Lahti, Hollola.
emp-field-cooperation = Yhteistyön syvyys
emp-field-mentor = Työpaikalla on työpaikkaohjaaja
emp-size-micro = Mikro (alle 10 henkeä)
emp-size-small = Pieni (10–49 henkeä)
emp-size-medium = Keskisuuri (50–249 henkeä)
emp-size-large = Suuri (vähintään 250 henkeä)
emp-depth-contacted = Yhteys otettu
emp-depth-engaged = Sitoutunut
emp-depth-deeper = Syvempi yhteistyö
emp-unknown = Tuntematon
emp-yes = Kyllä
emp-no = Ei
emp-save = Tallenna
emp-conflict-title = Joku muu muutti tietoja välillä
emp-conflict-text = Muutoksiasi ei tallennettu. Vertaa arvojasi alla tallennettuihin. Kun tallennat uudelleen, arvosi korvaavat tallennetut.
emp-conflict-caption = Tallennetut arvot ja sinun arvosi
emp-conflict-field = Kenttä
emp-conflict-stored = Nyt tallennettu
emp-conflict-yours = Sinun arvosi
emp-error-name = Kirjoita nimi (enintään 200 merkkiä).
emp-error-business-id = Tarkista Y-tunnus: siinä on seitsemän numeroa, väliviiva ja oikea tarkistusnumero, esim. 1572860-0.
emp-error-business-id-taken = Tämä Y-tunnus on jo hankkeen rekisterissä.
emp-error-industry = Valitse toimiala TOL 2008 -luokituksesta: hae nimellä tai koodilla ja valitse listasta.
emp-error-municipalities = Kirjoita vähintään yksi kunta, ja vain olemassa olevia kuntia.
emp-error-municipality = Kirjoita olemassa oleva kunta.
emp-error-choose = Valitse jokin vaihtoehdoista.
emp-error-invalid = Tarkista tämä arvo.
emp-error-title = Kirjoita otsikko (enintään 200 merkkiä).
emp-error-too-long = Teksti on liian pitkä.
emp-error-hours = Kirjoita viikkotunnit kokonaislukuna 1–40.
emp-error-days = Kirjoita työpäivät viikossa kokonaislukuna 1–7.
emp-error-value = Valitse arvo 1–5.
emp-error-skills = Taitoa ei tunnistettu. Hae taito nimellä ja lisää se uudelleen.
emp-error-occupation = Ammattia ei tunnistettu. Hae ammatti nimellä ja valitse se uudelleen.
emp-error-level = Valitse taso 0–4 tai ei vaatimusta.
emp-error-tasks = Valitse vähintään yksi tehtävä tehtäväluettelosta.
emp-error-capacity = Kirjoita, montako henkeä voi aloittaa, vähintään 1.
emp-error-wage = Kirjoita kuukausipalkka kokonaisina euroina tai jätä tyhjäksi.
emp-error-wage-trial = Työ- ja koulutuskokeilut ovat palkattomia: jätä palkka tyhjäksi.
emp-error-date = Kirjoita päivämäärä muodossa vuosi-kuukausi-päivä.
emp-error-ends-before = Päättymispäivä on ennen alkamispäivää.
emp-error-summary = Kirjoita, mistä puhuttiin (enintään 4 000 merkkiä).
emp-tasks-title = Työtehtävät
emp-tasks-heading = Työtehtävät: { $name }
emp-tasks-empty = Tehtäväluettelossa ei ole vielä tehtäviä.
emp-task-count = { $n ->
    [one] { $n } tehtävä
   *[other] { $n } tehtävää
}
emp-task-new-link = Lisää tehtävä
emp-task-new-title = Lisää tehtävä
emp-task-edit-title = Muokkaa tehtävää
emp-field-title = Otsikko
emp-field-description = Kuvaus
emp-field-hours = Tunteja viikossa
emp-field-days = Päiviä viikossa
emp-field-schedule = Työaika
emp-schedule-daytime = Päivä
emp-schedule-evenings = Ilta
emp-schedule-nights = Yö
emp-schedule-weekends = Viikonloput
emp-schedule-flexible = Joustava
emp-field-municipality = Kunta
emp-field-learnable = Opittavissa työssä
emp-field-value = Arvo työnantajalle
emp-hint-value = 1 = pieni, 5 = hyvin tärkeä.
emp-field-demands = Toimintakyvyn vaatimukset
emp-hint-demands = Valitse jokaiselle osa-alueelle, kuinka paljon tehtävä sitä vaatii. Jätä ”ei vaatimusta”, jos tehtävä ei sitä tarvitse.
emp-demand-none = Ei vaatimusta
emp-demands-none = Vaatimuksia ei ole kirjattu
emp-field-skills-essential = Välttämättömät taidot
emp-field-skills-optional = Hyödylliset taidot
emp-hint-skills = Hae taitoja nimellä hakukentästä alempana ja lisää ne välttämättöminä tai hyödyllisinä.
emp-field-languages = Kielitaitovaatimukset
emp-hint-languages = Valitse kieli ja taso, jota työ vaatii. Tyhjät rivit jätetään pois.
emp-field-occupation = Ammatti (ESCO, vapaaehtoinen)
emp-col-skills = Taidot
emp-openings-title = Paikat
emp-openings-heading = Paikat: { $name }
emp-openings-empty = Paikkoja ei ole vielä.
emp-opening-count = { $n ->
    [one] { $n } paikka
   *[other] { $n } paikkaa
}
emp-opening-new-link = Lisää paikka
emp-opening-new-title = Lisää paikka
emp-opening-needs-tasks = Lisää ensin tehtäviä tehtäväluetteloon: paikka kootaan tehtävistä.
emp-field-kind = Laji
emp-kind-job = Työpaikka
emp-kind-work-trial = Työkokeilu
emp-kind-education-trial = Koulutuskokeilu
emp-kind-apprenticeship = Oppisopimus
emp-kind-gig = Keikkatyö
emp-field-tasks = Tehtävät
emp-field-capacity = Paikkoja
emp-field-wage = Kuukausipalkka (€)
emp-hint-wage = Jätä tyhjäksi työ- ja koulutuskokeiluissa ja silloin, kun palkka ei ole vielä tiedossa.
emp-field-starts = Alkaa
emp-field-ends = Päättyy
emp-col-candidates = Ehdokkaat
emp-candidates-link = Ehdokkaat: { $title }
emp-candidates-title = Ehdokkaat: { $title }
emp-candidates-intro = Ehdokkaat näytetään ilman nimiä ja terveystietoja. Ota yhteyttä heidän valmentajaansa, jos haluat edetä.
emp-candidates-empty = Sopivia ehdokkaita ei nyt ole.
emp-candidates-caption = { $n ->
    [one] { $n } ehdokas, sopivin ensin
   *[other] { $n } ehdokasta, sopivin ensin
}
emp-col-candidate = Ehdokas
emp-col-score = Pisteet
emp-col-fits = Mikä sopii
emp-col-to-check = Tarkistettavaa
emp-candidate-n = Ehdokas { $n }
emp-fit-hours = Työtunnit sopivat
emp-fit-days = Työpäivät sopivat
emp-fit-municipality = Työpaikalle pääsee
emp-fit-language = Kielitaito riittää
emp-fit-functioning = Työn vaatimukset sopivat
emp-fit-accommodated = Sopii työjärjestelyin
emp-nothing-to-check = Ei mitään
emp-check-dimension = Tarkista valmentajalta: { $dimension }
emp-interactions-title = Yhteydenotot ja tarpeet
emp-interactions-heading = Yhteydenotot ja tarpeet: { $name }
emp-interaction-new-title = Kirjaa yhteydenotto
emp-field-contact-kind = Yhteydenoton laji
emp-contact-call = Puhelu
emp-contact-visit = Käynti
emp-contact-event = Tapahtuma
emp-contact-email = Sähköposti
emp-field-date = Päivämäärä
emp-field-summary = Mistä puhuttiin
emp-field-needs = Kuullut tarpeet
emp-hint-needs = Kirjoita kukin tarve omalle rivilleen. Rastita ”piilotyöpaikka”, jos työtä ei ole ilmoitettu avoimeksi.
emp-need-n = Tarve { $n }
emp-field-hidden-job = Piilotyöpaikka
emp-field-cooperation-after = Yhteistyön syvyys tämän yhteydenoton jälkeen
emp-interaction-save = Tallenna yhteydenotto
emp-needs-title = Kuullut tarpeet
emp-needs-empty = Tarpeita ei ole vielä kirjattu.
emp-needs-caption = { $n ->
    [one] { $n } tarve, uusin ensin
   *[other] { $n } tarvetta, uusin ensin
}
emp-col-need = Tarve
emp-contacts-title = Yhteydenotot
emp-contacts-empty = Yhteydenottoja ei ole vielä kirjattu.
emp-contacts-caption = { $n ->
    [one] { $n } yhteydenotto, uusin ensin
   *[other] { $n } yhteydenottoa, uusin ensin
}
emp-contact-persons-title = Yhteyshenkilöt
emp-contact-persons-empty = Yhteyshenkilöitä ei ole vielä kirjattu.
emp-contact-persons-caption = { $n ->
    [one] { $n } yhteyshenkilö
   *[other] { $n } yhteyshenkilöä
}
emp-field-contact-name = Nimi
emp-field-contact-title = Tehtävänimike tai rooli
emp-field-contact-email = Sähköpostiosoite
emp-field-contact-phone = Puhelinnumero
emp-col-actions = Toiminnot
emp-contact-remove = Poista
emp-contact-remove-named = Poista { $name }
emp-contact-add-title = Lisää yhteyshenkilö
emp-contact-add = Lisää yhteyshenkilö
emp-error-email = Kirjoita kelvollinen sähköpostiosoite, esim. nimi@example.fi, tai jätä tyhjäksi.
emp-error-phone = Kirjoita puhelinnumero numeroilla, välilyönneillä ja merkeillä + - ( ), esim. +358 40 123 4567.
emp-opening-edit-title = Muokkaa paikkaa
emp-error-depth-conflict = Joku muu muutti työnantajan tietoja samaan aikaan, eikä yhteydenottoa tallennettu. Tarkista yhteistyön taso ja tallenna uudelleen.

## Confirmations after a save (shown once as a status message)
notice-employer = Työnantaja lisätty.
notice-employer-saved = Työnantajan tiedot tallennettu.
notice-contact = Yhteyshenkilö lisätty.
notice-contact-removed = Yhteyshenkilö poistettu.
notice-task = Tehtävä lisätty.
notice-task-saved = Tehtävä tallennettu.
notice-opening = Paikka lisätty.
notice-opening-saved = Paikka tallennettu.
notice-interaction = Yhteydenotto kirjattu.

emp-industry-search-label = Hae toimialaa
emp-industry-none = Toimialaa ei ole vielä valittu.
emp-industry-hits-none = Haulla ei löytynyt toimialoja. Kokeile toista sanaa tai koodia.
emp-industry-source = Lähde: Tilastokeskus, toimialaluokitus TOL 2008 (CC BY 4.0).
emp-field-skills = Taidot (ESCO)
emp-skills-none = Taitoja ei ole vielä valittu.
emp-skills-uncheck-hint = Poista taito tai ammatti ottamalla rasti pois ja tallentamalla.
emp-occupation-none = Ammattia ei ole valittu. Voit hakea ammattia samalla hakukentällä kuin taitoja.
emp-skill-search-label = Hae taitoa tai ammattia
emp-skill-search-hint = Kirjoita sana, esimerkiksi siivous tai varasto, ja valitse Hae.
emp-search = Hae
emp-search-none = Haulla ei löytynyt taitoja eikä ammatteja. Kokeile toista sanaa.
emp-search-count = { $n ->
    [one] Löytyi { $n } osuma.
   *[other] Löytyi { $n } osumaa.
}
emp-skill-chosen = Valittu
emp-add-essential = Lisää välttämättömäksi
emp-add-optional = Lisää hyödylliseksi
emp-occupation-hits = Ammatit
emp-set-occupation = Valitse ammatiksi
emp-field-language = Kieli
emp-field-language-level = Vaadittu taso
emp-language-none = Ei kieltä
emp-more-languages = Lisää kielirivi
emp-error-language = Valitse kieli luettelosta. Tätä kieltä ei tunnisteta.
emp-error-language-level = Valitse kielelle vaadittu taso.
emp-skills-none-short = Ei taitoja

## Oikeudellinen muoto (palkkatuen säännöt)
emp-field-legal-form = Oikeudellinen muoto
emp-hint-legal-form = Vaikuttaa siihen, mitä palkkatukea työnantaja voi saada: 100 %:n tuki vain yhdistyksille, säätiöille ja uskonnollisille yhdyskunnille; kunnat vain alentuneen työkyvyn tai 60 vuotta täyttäneen pitkäaikaistyöttömän palkkaukseen; valtio ei lainkaan.
emp-legal-form-unknown = Ei merkitty
emp-legal-form-company = Yritys (osakeyhtiö, osuuskunta tai muu yhtiö)
emp-legal-form-sole_trader = Yksityinen elinkeinonharjoittaja
emp-legal-form-association = Yhdistys
emp-legal-form-foundation = Säätiö
emp-legal-form-religious_community = Uskonnollinen yhdyskunta
emp-legal-form-municipality = Kunta tai kuntayhtymä
emp-legal-form-state = Valtio
emp-legal-form-other = Muu
emp-error-legal-form = Valitse oikeudellinen muoto luettelosta tai jätä se merkitsemättä.
