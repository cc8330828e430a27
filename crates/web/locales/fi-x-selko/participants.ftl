## Plain-language Finnish (selkosuomi) for the participants area.

p-caseload-title = Osallistujani
p-add-participant = Lisää osallistuja
p-caseload-empty = Sinulla ei ole vielä osallistujia.
p-caseload-intro = Ylimpänä ovat ne, jotka ovat odottaneet kauimmin.
p-caseload-attention = { $n ->
    [one] { $n } osallistuja on odottanut yli 90 päivää ilman sovittua tapaamista.
   *[other] { $n } osallistujaa on odottanut yli 90 päivää ilman sovittua tapaamista.
}
p-caseload-caption = { $n ->
    [one] { $n } osallistuja
   *[other] { $n } osallistujaa
}
p-col-name = Nimi
p-col-stage = Vaihe
p-col-waiting = Odottanut
p-col-next-meeting = Seuraava tapaaminen
p-flag-attention = Huomioi
p-waiting-days = { $n ->
    [one] { $n } päivä
   *[other] { $n } päivää
}
p-since = alkaen { $date }
p-no-meeting = Ei sovittua tapaamista

p-back-to-caseload = Takaisin osallistujiin
p-stage-label = Vaihe
p-tabs-label = Osallistujan tiedot
p-tabgroup-person = Henkilö
p-tabgroup-progress = Eteneminen
p-tabgroup-work = Työ
p-tabgroup-consent = Suostumukset

p-tab-background = Perustiedot
p-tab-functioning = Toimintakyky
p-tab-skills = Osaaminen
p-tab-languages = Kielet
p-tab-availability = Saatavuus
p-tab-path = Palvelupolku
p-tab-meetings = Tapaamiset
p-tab-suggestions = Työehdotukset
p-tab-craft = Räätälöi työ
p-conflict-title = Joku muu muutti tietoja
p-conflict-text = Tietoja ei tallennettu. Joku muu muutti niitä juuri. Alla näet tiedot nyt. Lomakkeessa ovat sinun tietosi. Tarkista ne. Tallenna sitten uudelleen.
p-save = Tallenna
p-yes = Kyllä
p-no = Ei
p-unknown = Ei tiedossa
p-not-recorded = Ei kirjattu
p-choose = Valitse
p-add-named = Lisää: { $name }
p-remove-named = Poista: { $name }
p-search = Hae
p-search-hint = Kirjoita sana. Esimerkiksi ”siivous”.
p-search-none = Mitään ei löytynyt.
p-search-count = { $n ->
    [one] Löytyi { $n } osuma.
   *[other] Löytyi { $n } osumaa.
}

p-stage-enrolled = Aloittanut
p-stage-assessment = Kartoitus
p-stage-coaching = Valmennus
p-stage-trial = Työkokeilu
p-stage-job-or-education = Työssä tai koulutuksessa
p-stage-retention = Työssä pysymisen tuki
p-stage-exited = Päättynyt

p-new-title = Lisää osallistuja
p-new-intro = Kirjoita osallistujan tiedot. Voit lisätä muita tietoja myöhemmin.
p-new-submit = Lisää osallistuja
p-field-project = Hanke
p-section-identity = Henkilötiedot
p-section-contact = Yhteystiedot
p-section-hours = Työaika
p-section-times = Sopivat työajat
p-section-mobility = Liikkuminen
p-section-esf = ESR+-lähtötiedot
p-esf-hint = Hanke kysyy nämä tiedot seurantaa varten. Osallistujan ei ole pakko vastata.
p-field-given-name = Etunimi
p-field-family-name = Sukunimi
p-field-hetu = Henkilötunnus
p-hetu-hint = Esimerkiksi 131052-308T. Voit jättää tämän tyhjäksi.
p-hetu-recorded = Tallennettu. Sitä ei näytetä.
p-field-email = Sähköposti
p-field-phone = Puhelin
p-field-home = Kotikunta
p-home-hint = Kirjoita kunnan nimi. Voit kirjoittaa myös vanhan kunnan nimen, esimerkiksi Nastola.
p-field-hours-min = Tunteja viikossa vähintään
p-field-hours-max = Tunteja viikossa enintään
p-field-days-max = Päiviä viikossa enintään
p-field-waiting-since = Palvelu alkoi
p-field-labour-market-status = Onko osallistuja työssä?
p-status-unemployed = Työtön
p-status-inactive = Ei hae työtä
p-status-employed = Työssä
p-status-in-education = Opiskelee
p-field-education = Koulutustaso
p-education-0 = Ei koulua tai alakoulu kesken
p-education-1 = Peruskoulu kesken
p-education-2 = Peruskoulu
p-education-3 = Lukio tai ammattikoulu
p-education-4 = Erikoisammattitutkinto
p-education-5 = Opisto, esimerkiksi teknikko
p-education-6 = Ammattikorkeakoulu tai kandidaatti
p-education-7 = Ylempi ammattikorkeakoulu tai maisteri
p-education-8 = Tohtori tai lisensiaatti
p-field-long-term-unemployed = Ollut kauan työttömänä
p-field-birth-year = Syntymävuosi
p-field-foreign-background = Tausta ulkomailla
p-field-disability = Vamma tai pitkä sairaus
p-goals-title = Tavoitteet
p-goals-none = Tavoitteita ei ole vielä kirjattu.
p-goal-search-label = Hae tavoiteammattia

p-functioning-intro = Vastatkaa kysymyksiin yhdessä. Jos et tiedä, valitse ”ei arvioitu”.
p-not-assessed = Ei arvioitu
p-level-option = { $level }: { $text }
p-step-progress = Osa { $step }/{ $steps }: { $name }
p-step-with-count = { $name } ({ $done }/{ $total } vastattu)
p-step-physical = Keho ja liikkuminen
p-step-senses = Näkö, kuulo ja työpaikka
p-step-cognitive = Oppiminen ja muistaminen
p-step-social = Ihmiset ja työ yksin
p-step-arrangements = Apu työssä ja muuta
p-save-and-next = Tallenna ja jatka
p-save-and-back = Tallenna ja palaa
p-accommodations-legend = Mitä apuja työssä tarvitaan?
p-field-functional-notes = Muuta toimintakyvystä
p-functional-notes-hint = Kirjoita vain, mitä osallistuja jaksaa ja osaa. Älä kirjoita sairauksia.
p-skills-none = Osaamista ei ole vielä kirjattu.
p-skills-caption = Osallistujan osaaminen
p-col-skill = Taito
p-col-evidence = Mistä tiedetään
p-col-actions = Toiminnot
p-skills-add-title = Lisää taito
p-skill-search-label = Hae taitoa
p-skill-have = Jo lisätty
p-evidence-self-assessed = Oma arvio
p-evidence-coach-observed = Valmentaja havainnut
p-evidence-work-trial = Työkokeilussa osoitettu
p-evidence-certificate = Todistus
esco-working = työkäännös
esco-working-title = Polun oma käännös. Virallinen nimi tulee myöhemmin.
p-goal-skills-title = Taidot, joita tavoitetyössä tarvitaan
p-goal-skills-hint = Valitse taidot, jotka lisätään. Jo lisätyt taidot eivät näy tässä.
p-goal-skills-add = Lisää valitut taidot: { $name }
p-goal-skills-link = Tavoitetyön taidot voit lisätä Osaaminen-sivulla.

p-languages-none = Kieliä ei ole vielä kirjattu.
p-languages-legend = Kielitaito
p-language-level-for = Taso: { $name }
p-language-remove = Poista kieli
p-language-add-legend = Lisää kieli
p-field-language-code = Kieli
p-language-code-hint = Valitse kieli ja taso. Paina Tallenna. Sitten voit lisätä seuraavan kielen.
p-field-language-level = Taso
p-choose-language = Valitse kieli
p-cefr-hint = A1 on helpoin taso. C2 on vaikein taso.
cefr-a1 = A1 – Osaan vähän: ymmärrän ja sanon tuttuja sanoja ja lyhyitä lauseita
cefr-a2 = A2 – Osaan perusasiat: pärjään kaupassa ja ymmärrän lyhyitä ohjeita
cefr-b1 = B1 – Pärjään: pärjään useimmissa tilanteissa kotona ja työssä
cefr-b2 = B2 – Osaan hyvin: puhun sujuvasti ja ymmärrän vaikeitakin tekstejä
cefr-c1 = C1 – Osaan erittäin hyvin: puhun ja kirjoitan sujuvasti myös työssä
cefr-c2 = C2 – Osaan kuin oman äidinkieleni: ymmärrän melkein kaiken

p-field-evenings = Illat
p-field-nights = Yöt
p-field-weekends = Viikonloput
p-field-acceptable = Muut sopivat kunnat
p-acceptable-hint = Kirjoita kunnat. Laita pilkku väliin. Esimerkiksi Hollola, Nastola.
p-field-driving-licence = Ajokortti

p-path-now = nyt
p-path-move-legend = Mikä on seuraava vaihe?
p-path-move = Vaihda vaihe

p-meetings-none = Tapaamisia ei ole vielä kirjattu.
p-meetings-caption = Tapaamiset, uusin ensin
p-col-when = Aika
p-col-place = Paikka
p-col-duration = Kesto
p-col-notes = Muistiinpanot
p-minutes = { $n ->
    [one] { $n } minuutti
   *[other] { $n } minuuttia
}
p-meeting-record-title = Kirjaa tapaaminen
p-meeting-record = Kirjaa tapaaminen
p-field-date = Päivä
p-field-time = Kellonaika
p-field-duration = Kesto minuutteina
p-field-place = Missä tavattiin?
p-field-notes = Muistiinpanot
p-notes-hint = Muistiinpanot salataan. Kirjoita vain tärkeät asiat.
p-place-office = Toimistolla
p-place-outside-office = Toimiston ulkopuolella
p-place-remote = Etänä
p-place-pop-up = Pop up -pisteessä

p-suggestions-intro = Nämä työt voivat sopia osallistujalle.
p-suggestions-none = Sopivia töitä ei löytynyt.
p-untitled-opening = Nimetön paikka
p-score = Sopivuus { $score } / 100
p-hours-per-week = { $n ->
    [one] { $n } tunti viikossa
   *[other] { $n } tuntia viikossa
}
p-task-hours = { $title } ({ $hours } h/vko)
p-tasks-title = Tehtävät
p-why-title = Miksi sopii
p-check-title = Tarkistettavaa
p-check-none = Ei tarkistettavaa.
p-accommodations-title = Apuja työhön
p-accommodations-none = Apuja ei tarvita.
p-subsidy-title = Palkkatuki
p-parts-caption = Mistä sopivuus koostuu
p-col-part = Osa
p-col-explanation = Selitys
p-col-points = Pisteet
p-craft-at = Räätälöi työ: { $employer }
p-kind-job = Työpaikka
p-kind-work-trial = Työkokeilu
p-kind-education-trial = Koulutuskokeilu
p-kind-apprenticeship = Oppisopimus
p-kind-gig = Keikkatyö
p-fit-hours = Työtä on { $hours } tuntia viikossa. Toive on { $min }–{ $max } tuntia. Se sopii.
p-fit-days = Työpäiviä on { $days } viikossa. Enintään { $max } sopii.
p-fit-municipality = Työpaikka on kunnassa { $place }. Sinne pääsee.
p-fit-language = Kieli { $language }. Työssä tarvitaan tasoa { $required }. Osallistujalla on { $has }.
p-fit-functioning = Nämä sujuvat ilman apua: { $dimensions }.
p-fit-accommodated = { $dimension }. Työ vaatii tasoa { $demand }. Osallistujan taso on { $capacity }. Apu: { $accommodations }.
p-check-dimension = Tarkista { $dimension }. Työ vaatii tasoa { $demand }. Sitä ei ole arvioitu.
p-acc-item = { $amount ->
    [0] { $name }. Tämä ei maksa mitään.
   *[other] { $name }, noin { $eur }.
}
p-acc-subsidy = Tukea voi saada kuluihin.
p-acc-subsidy-cap = Tukea voi saada kuluihin. Enintään { $eur }.
p-acc-total = { $amount ->
    [0] Avut eivät maksa mitään.
   *[other] Avut maksavat yhteensä noin { $eur }.
}
p-subsidy-estimate = Palkkatuki on noin { $eur } kuukaudessa. Se on { $rate } palkasta.
p-subsidy-months = { $n ->
    [one] Enintään { $n } kuukausi.
   *[other] Enintään { $n } kuukautta.
}
p-subsidy-rate = Palkkatuki voi olla { $rate } palkasta. Palkkaa ei tiedetä. Siksi euroja ei voi laskea.
p-subsidy-none = Palkkatukea ei voi laskea.
p-subsidy-unpaid = Tästä ei makseta palkkaa. Palkkatukea ei ole.
p-part-essential-skills = Välttämätön osaaminen
p-part-essential-skills-text = { $of ->
    [0] Työssä ei tarvita tiettyjä taitoja.
   *[other] Osallistuja osaa { $have } / { $of } tärkeästä taidosta.
}
p-part-optional-skills = Muu osaaminen
p-part-optional-skills-text = { $of ->
    [0] Työssä ei tarvita muita taitoja.
   *[other] Osallistuja osaa { $have } / { $of } hyödyllisestä taidosta.
}
p-part-learnable-gaps = Opittavissa työssä
p-part-learnable-gaps-text = { $missing ->
    [0] Osallistuja osaa kaikki tärkeät taidot.
    [one] { $learnable ->
        [0] Yksi taito puuttuu. Sitä ei voi oppia työssä.
       *[other] Yksi taito puuttuu. Sen voi oppia työssä.
    }
   *[other] { $learnable ->
        [0] Puuttuu { $missing } taitoa. Niitä ei voi oppia työssä.
        [one] Puuttuu { $missing } taitoa. Niistä yhden voi oppia työssä.
       *[other] Puuttuu { $missing } taitoa. Niistä { $learnable } voi oppia työssä.
    }
}
p-part-language-margin = Kielitaito
p-part-language-margin-none = Tehtävät eivät vaadi tiettyä kieltä.
p-part-language-margin-text = { $above ->
    [0] Kieli { $language }. Työssä tarvitaan tasoa { $required }. Osallistuja osaa kieltä juuri niin hyvin.
    [one] Kieli { $language }. Työssä tarvitaan tasoa { $required }. Osallistuja osaa yhden tason paremmin.
   *[other] Kieli { $language }. Työssä tarvitaan tasoa { $required }. Osallistuja osaa { $above } tasoa paremmin.
}
p-part-functioning-margin = Toimintakyky
p-part-functioning-margin-text = { $demands ->
    [0] Työ ei vaadi mitään erityistä.
    [one] { $spare ->
        [0] Työssä on yksi vaatimus. Se sujuu juuri ja juuri.
       *[other] Työssä on yksi vaatimus. Se sujuu helposti.
    }
   *[other] { $spare ->
        [0] Työssä on { $demands } vaatimusta. Mikään niistä ei suju helposti.
        [one] Työssä on { $demands } vaatimusta. Niistä yksi sujuu helposti.
       *[other] Työssä on { $demands } vaatimusta. Niistä { $spare } sujuu helposti.
    }
}
p-part-functioning-unassessed = { $n ->
    [one] Yhtä asiaa ei ole arvioitu.
   *[other] { $n } asiaa on arvioimatta.
}
p-part-accommodation-cost = Järjestelyjen kustannus
p-part-accommodation-cost-text = { $amount ->
    [0] Avut eivät maksa mitään.
   *[other] Avut maksavat noin { $eur }.
}
p-part-goal-fit = Tavoitteen mukaisuus
p-part-goal-fit-text = { $hours ->
    [0] Työ ei ole osallistujan toiveammatissa.
    [one] Tunti viikossa on osallistujan toiveammatissa.
   *[other] { $hours } tuntia viikossa on osallistujan toiveammatissa.
}
p-part-employer-readiness = Työnantajan valmius
p-part-readiness-mentor-trials = Työnantajalla on työpaikkaohjaaja ja kokeilupaikkoja.
p-part-readiness-mentor = Työnantajalla on työpaikkaohjaaja.
p-part-readiness-trials = Työnantajalla on kokeilupaikkoja.
p-part-readiness-none = Työnantajalla ei ole ohjaajaa eikä kokeilupaikkoja.

p-craft-intro = Valitse työnantaja. Polku valitsee tehtävät, jotka sopivat osallistujalle parhaiten.
p-field-employer = Työnantaja
p-craft-show = Näytä työ
p-craft-result-title = Räätälöity työ: { $employer }
p-craft-hours = Yhteensä { $hours } tuntia viikossa. Toive on { $min }–{ $max } tuntia.
p-craft-none = Näistä tehtävistä ei saa sopivaa työtä.
p-description-title = Kuvaus
p-left-out-title = Pois jätetyt tehtävät
p-left-out-item = { $task }: { $why }
p-left-out-hours = { $hours ->
    [one] Tehtävässä on { $hours } tunti. Se ei mahdu viikkoon.
   *[other] Tehtävässä on { $hours } tuntia. Ne eivät mahdu viikkoon.
}
p-left-out-min-hours = Sopivia tehtäviä ei ole tarpeeksi monta tuntia.
p-left-out-accommodation-cost = Tehtävä tarvitsisi apuja noin { $eur } lisää. Se on liian kallista.
p-left-out-lower-value = Työ on parempi ilman sitä.
p-limit-functioning = { $dimension }. Työ vaatii tasoa { $demand }. Osallistujan taso on { $capacity }.
p-limit-language = Kieli { $language }. Työssä tarvitaan tasoa { $required }. Osallistujalla on { $has }.
p-limit-hours = Työtä on { $hours } tuntia viikossa. Toive on { $min }–{ $max } tuntia.
p-limit-days = Työpäiviä on { $days } viikossa. Se on yli { $max }.
p-limit-schedule = Työaika ei sovi.
p-limit-schedule-evenings = Työ on iltaisin.
p-limit-schedule-nights = Työ on öisin.
p-limit-schedule-weekends = Työ on viikonloppuisin.
p-limit-municipality = Työpaikka on kunnassa { $place }. Sinne osallistuja ei pääse.
p-craft-save-title = Tallenna paikaksi
p-field-opening-title = Paikan nimi
p-field-opening-kind = Paikan tyyppi
p-craft-save = Tallenna paikka
p-craft-saved-title = Paikka tallennettu
p-craft-saved-named = Paikka ”{ $title }” tallennettiin työnantajalle.
p-craft-saved-text = Paikka tallennettiin työnantajalle.
p-craft-again = Takaisin räätälöintiin

p-error-invalid = Tarkista tiedot.
p-error-name = Kirjoita nimi (enintään 100 merkkiä).
p-error-hetu = Henkilötunnus ei ole oikein.
p-error-hetu-length = Henkilötunnuksessa on 11 merkkiä. Esimerkiksi 131052-308T.
p-error-hetu-check = Henkilötunnuksen viimeinen merkki on väärin. Tarkista numerot.
p-error-hetu-century = Henkilötunnuksen keskellä on väärä merkki. Käytä merkkiä - tai A.
p-error-hetu-date = Henkilötunnuksen alussa on päivämäärä. Tarkista se.
p-error-hetu-duplicate = Tällä henkilötunnuksella on jo osallistuja.
p-error-email = Kirjoita sähköposti näin: nimi@esimerkki.fi.
p-error-phone = Kirjoita puhelinnumeroon vain numeroita.
p-error-municipality = Kirjoita kunnan nimi, esimerkiksi Lahti.
p-error-municipality-unknown = Emme tunne tätä kuntaa: { $word }. Tarkista nimi.
p-error-hours = Kirjoita tunnit numerona 0–60.
p-error-hours-range = Vähintään-tunteja ei voi olla enemmän kuin enintään-tunteja.
p-error-days = Kirjoita päivät numerona 1–7.
p-error-birth-year = Kirjoita syntymävuosi neljänä numerona.
p-error-isced = Valitse koulutustaso listasta.
p-error-stage = Tähän vaiheeseen ei voi mennä suoraan.
p-error-stage-choose = Valitse vaihe.
p-error-level = Valitse taso listasta.
p-error-language = Valitse kieli listasta.
p-error-date = Kirjoita päivä muodossa vvvv-kk-pp.
p-error-time = Kirjoita kellonaika muodossa tt:mm.
p-error-duration = Kesto on 5–480 minuuttia.
p-error-place = Valitse paikka.
p-error-notes = Teksti on liian pitkä.
p-error-title = Kirjoita paikalle nimi.
p-error-employer = Valitse työnantaja.
p-error-kind = Valitse paikan tyyppi.
p-error-no-tasks = Työhön ei tullut yhtään tehtävää.
p-suggestions-failed = Ehdotuksia ei voitu laskea. Jokin työnantajan tieto puuttuu. Pyydä koordinaattoria tarkistamaan tehtävät.
p-craft-failed = Työtä ei voitu koota. Työnantajan tiedot ovat kesken. Ehkä tehtäviä ei ole vielä kirjattu.
p-path-history-title = Vaiheiden muutokset
p-path-history-none = Vaihe ei ole vielä vaihtunut.
p-path-history-caption = Vaiheiden muutokset, uusin ensin
p-col-from = Mistä
p-col-to = Mihin
p-error-skill = Valitse taito listasta.

## Plan tab
p-tab-plan = Suunnitelma
p-plan-none = Suunnitelmassa ei ole vielä mitään.
p-plan-caption = { $n ->
    [0] Suunnitelma. Kaikki on tehty.
    [one] Suunnitelma. Yksi asia on vielä tekemättä.
   *[other] Suunnitelma. { $n } asiaa on vielä tekemättä.
}
p-plan-col-step = Mitä tehdään
p-plan-col-due = Mihin mennessä
p-plan-col-status = Onko tehty
p-plan-overdue = Myöhässä
p-plan-done-on = Tehty { $date }
p-plan-open = Ei vielä tehty
p-plan-reopen = Ei olekaan tehty
p-plan-mark-done = Tämä on tehty
p-plan-add-title = Lisää uusi asia
p-plan-field-text = Mitä tehdään
p-plan-text-hint = Kirjoita lyhyesti. Esimerkiksi: Käydään katsomassa varastoa.
p-plan-field-due = Mihin mennessä (ei pakko)
p-plan-add = Lisää
p-plan-error-text-empty = Kirjoita, mitä tehdään.
p-plan-error-text-long = Teksti on liian pitkä.
p-plan-error-due = Kirjoita päivä näin: 2026-12-31.
p-plan-conflict-label = Asia
p-plan-conflict-value = Joku muu muutti tätä juuri. Katso tilanne ja yritä uudelleen.

# Consents (R16)
p-tab-consents = Luvat
p-consent-intro = Tietojasi näytetään työpaikalle, ohjaajalle tai koululle vain, jos annat luvan. Annat luvan jokaiselle tiedolle erikseen. Voit perua luvan milloin vain. Kun perut luvan, se loppuu heti.
p-consent-none = Lupia ei ole vielä.
p-consent-caption = { $n ->
    [0] Luvat. Yksikään lupa ei ole voimassa.
    [one] Luvat. Yksi lupa on voimassa.
   *[other] Luvat. { $n } lupaa on voimassa.
}
p-consent-col-category = Tieto
p-consent-col-recipient = Kuka näkee
p-consent-col-purpose = Mihin
p-consent-col-given = Milloin
p-consent-col-wording = Teksti
p-consent-col-status = Onko voimassa
p-consent-withdrawn-on = Peruttu { $date }
p-consent-active = Voimassa
p-consent-withdraw = Peru lupa
p-consent-add-title = Anna uusi lupa
p-consent-field-purpose = Mihin tietoja tarvitaan?
p-consent-field-recipient = Kuka saa nähdä tiedot?
p-consent-show-wording = Näytä lupateksti
p-consent-read-aloud = Lue teksti. Rastita vain ne tiedot, joihin annat luvan.
p-consent-field-categories = Tiedot, joihin annan luvan
p-consent-field-method = Miten annoit luvan?
p-consent-record = Tallenna lupa
p-consent-cancel = Peruuta
p-consent-purpose-placement = Minulle etsitään työtä, työkokeilua tai keikkaa
p-consent-purpose-transition = Siirryn koulusta töihin tai toiseen kouluun
p-consent-recipient-employer = Työpaikka
p-consent-recipient-mentor = Työpaikan ohjaaja
p-consent-recipient-institution = Koulu
p-consent-category-contact = Nimi, puhelin ja sähköposti
p-consent-category-skills = Mitä osaan
p-consent-category-languages = Mitä kieliä osaan
p-consent-category-goals = Millaista työtä haluan ja milloin voin tehdä
p-consent-category-functioning = Mikä työssä on helppoa tai vaikeaa ja mitä apua tarvitsen
p-consent-category-documents = Paperit
p-consent-method-written = Allekirjoitin paperin
p-consent-method-in_meeting = Sanoin sen tapaamisessa
p-consent-method-electronic = Annoin luvan netissä
p-consent-error-purpose = Valitse, mihin tietoja tarvitaan.
p-consent-error-recipient = Valitse, kuka saa nähdä tiedot.
p-consent-error-category = Rastita ainakin yksi tieto.
p-consent-error-method = Valitse, miten annoit luvan.
p-consent-error-wording = Lupateksti on muuttunut. Lue uusi teksti ja anna lupa uudelleen.

# Sharing (R17)
p-share-title = Kuka näkee tietojasi
p-share-intro = Tietojasi voi näyttää yhdelle työpaikan, ohjaajan tai koulun ihmiselle. Tiedot näkyvät vain tiettyyn päivään asti. Vain ne tiedot näkyvät, joihin olet antanut luvan.
p-share-none = Kukaan ei näe tietojasi.
p-share-caption = Kuka näkee tietojasi
p-share-col-recipient = Kuka
p-share-col-until = Mihin asti
p-share-active = Voimassa
p-share-revoked = Lopetettu
p-share-expired = Loppunut
p-share-revoke = Lopeta
p-share-no-recipients = Hankkeessa ei ole työpaikan, ohjaajan tai koulun ihmisiä.
p-share-field-recipient = Kuka saa nähdä
p-share-choose = Valitse ihminen
p-share-field-categories = Mitkä tiedot
p-share-field-purpose = Mihin tietoja käytetään
p-share-purpose-hint = Osallistuja on antanut luvan käyttää tietoja juuri tähän.
p-share-categories-hint = Voit näyttää vain tiedot, joihin olet antanut luvan.
p-share-field-until = Mihin päivään asti (vvvv-kk-pp)
p-share-submit = Näytä tiedot
p-share-error-recipient = Valitse, kuka saa nähdä tiedot.
p-share-error-category = Rastita ainakin yksi tieto.
p-share-error-until = Kirjoita päivä näin: vvvv-kk-pp. Päivä ei voi olla mennyt. Päivä voi olla enintään vuoden päästä.
p-share-error-consent = Et ole antanut lupaa kaikkiin näihin tietoihin. Anna ensin lupa.

# Access request (R39)
p-export-title = Omat tiedot
p-export-intro = Sinulla on oikeus saada kaikki tiedot, jotka sinusta on tallennettu. Saat myös tiedon siitä, milloin tietojasi on katsottu ja miksi, ja kenelle tietoja on näytetty. Tiedosto on JSON-muodossa. Lataus merkitään lokiin.
p-export-download = Lataa kaikki tiedot (JSON)

## Confirmations after a save (shown once as a status message)
notice-participant = Osallistuja on lisätty.
notice-details = Tiedot on tallennettu.
notice-functioning = Toimintakyky on tallennettu.
notice-availability = Tiedot ajasta ja paikasta on tallennettu.
notice-municipality-merged = { $former } ei ole oma kunta vuodesta { $year }. Nyt kunta on { $current }. Tallensimme sen.
notice-languages = Kielet on tallennettu.
notice-skills = Osaaminen on tallennettu.
notice-path = Vaihe on tallennettu.
notice-meeting = Tapaaminen on kirjattu.
notice-plan-step = Askel on lisätty suunnitelmaan.
notice-plan-done = Askel on tehty.
notice-consent = Lupa on kirjattu.
notice-consent-withdrawn = Lupa on peruttu.
notice-share = Tiedot on jaettu.
notice-share-ended = Tietoja ei enää jaeta.

## Miksi ehdotuksia on vähän.
p-why-few-title = Miksi ehdotuksia on vähän
p-left-out = { $n ->
    [one] Yksi työ jäi pois.
   *[other] { $n } työtä jäi pois.
}
p-left-out-reason = { $reason }: { $n ->
    [one] yksi työ
   *[other] { $n } työtä
}
p-reason-hours = Työtunnit
p-reason-days = Työpäivät
p-reason-schedule = Työajat
p-reason-municipality = Missä työ on
p-reason-language = Kielitaito
p-reason-functioning = Toimintakyky
p-change-hours = Jos tunteja voi olla { $min }–{ $max } viikossa, { $n ->
    [one] löytyy yksi työ lisää
   *[other] löytyy { $n } työtä lisää
}.
p-change-days = Jos työpäiviä voi olla { $days } viikossa, { $n ->
    [one] löytyy yksi työ lisää
   *[other] löytyy { $n } työtä lisää
}.
p-change-schedule = Jos työ käy myös { $times }, { $n ->
    [one] löytyy yksi työ lisää
   *[other] löytyy { $n } työtä lisää
}.
p-change-municipalities = Jos töissä voi käydä myös näissä kunnissa: { $places }, { $n ->
    [one] löytyy yksi työ lisää
   *[other] löytyy { $n } työtä lisää
}.
p-change-languages = Jos kielitaito on { $levels }, { $n ->
    [one] löytyy yksi työ lisää
   *[other] löytyy { $n } työtä lisää
}.
p-change-none = Moni työ jäi pois toimintakyvyn takia. Tarkista toimintakyvyn arvio ja apukeinot.
p-when-evenings = iltaisin
p-when-nights = öisin
p-when-weekends = viikonloppuisin

## Työttömyyden alku ja tukiarvio (palkkatuen säännöt)
p-field-unemployed-since = Työttömänä alkaen
p-hint-unemployed-since = Päivä, jona nykyinen työttömyys alkoi, esimerkiksi 2024-03-01 tai 1.3.2024. Tästä lasketaan, kuinka monta kuukautta henkilö on ollut työttömänä viimeisten 28 kuukauden aikana. Jos työttömyys on kestänyt vähintään 12 kuukautta, henkilö merkitään pitkäaikaistyöttömäksi.
p-error-unemployed-since = Kirjoita päivä muodossa 2024-03-01 tai 1.3.2024.
p-error-unemployed-since-future = Työttömyyden alkupäivä ei voi olla tulevaisuudessa.
p-sub-caption = Tuet, jotka voivat sopia
p-sub-col-rule = Tuki
p-sub-col-rate = Osuus palkasta
p-sub-col-cap = Enintään kuukaudessa
p-sub-col-months = Kesto enintään
p-sub-col-month = Arvio kuukaudessa
p-sub-col-total = Arvio koko ajalta
p-sub-col-why = Miksi ja mitä tarkistaa
p-sub-best = paras
p-sub-none = Mikään palkkatuki ei sovi tähän.
p-sub-no-cap = ei ylärajaa
p-sub-no-eur = –
p-sub-months-n = { $n ->
    [one] { $n } kuukausi
   *[other] { $n } kuukautta
}
p-sub-status-confirmed = Sääntö on vahvistettu lähteistä.
p-sub-status-partly_confirmed = Sääntö on osittain vahvistettu: tarkista se.
p-sub-status-uncertain = Sääntö on epävarma: tarkista se.
p-sub-estimate-note = Nämä ovat arvioita, eivät päätöksiä. Varmista tuki työvoimaviranomaiselta.
p-sub-reason-reduced_work_ability = Henkilön työkyky on alentunut.
p-sub-reason-age = Henkilö on täyttänyt { $at_least } vuotta.
p-sub-reason-long_term_unemployed = Henkilö on pitkäaikaistyötön.
p-sub-reason-unemployed_months = Työttömänä { $months } kuukautta viimeisten 28 kuukauden aikana (vaaditaan { $at_least }).
p-sub-reason-nonprofit_employer = Työnantaja on: { $form }.
p-sub-reason-hours = { $hours } tuntia viikossa (vaaditaan vähintään { $at_least }).
p-sub-reason-worktime_ceiling = Tuki kattaa palkan enintään { $hours } tunnilta viikossa (65 % täydestä työajasta), kerrottuna luvulla { $factor }.
p-sub-reason-confirm_non_business_tasks = Tarkista: tehtävät eivät ole liiketoimintaa.
p-sub-reason-confirm_disadvantaged_group = Tarkista: henkilö kuuluu ryhmään, jolle palkkatukea myönnetään (esimerkiksi 50 vuotta täyttänyt, ei ammatillista tutkintoa tai ei palkkatyötä 6 kuukauteen).
p-sub-missing-birth_date = Puuttuu: syntymäpäivä. Vain syntymävuosi on tiedossa, eikä siitä näe, onko ikäraja jo täyttynyt.
p-sub-missing-age = Puuttuu: syntymävuosi.
p-sub-missing-unemployment_history = Puuttuu: työttömyyden alkupäivä.
p-sub-missing-employer_legal_form = Puuttuu: työnantajan oikeudellinen muoto.
p-sub-note-state_employer = Valtio ei voi saada palkkatukea.
p-sub-note-municipal_employer = Kunta voi saada palkkatukea vain alentuneesti työkykyisen tai 60 vuotta täyttäneen pitkäaikaistyöttömän palkkaamiseen.
p-sub-note-employer_legal_form_unknown = Työnantajan oikeudellista muotoa ei ole merkitty, joten arvio voi muuttua.
p-sub-arrangement-title = Työolosuhteiden järjestelytuki
p-sub-arrangement-one-off = { $name }: enintään { $eur } kertaalleen.
p-sub-arrangement-monthly = { $name }: { $eur } kuukaudessa, enintään { $n } kuukautta.
p-sub-arrangement-not-in-force = { $name }: tukea ei voi arvioida tälle päivälle.
p-sub-arrangement-total = Järjestelytuki yhteensä noin { $eur }.
p-sub-total = Paras palkkatuki ja järjestelytuki yhteensä noin { $eur } koko ajalta.
p-kept-title = Vanhat tiedot
p-kept-hint = Organisaatiosi ei enää kirjaa näitä tietoja. Vanhat tiedot säilyvät, kunnes poistat ne.
p-kept-note = (ei enää kirjata; säilyy, kunnes se poistetaan)
p-kept-clear = Poista { $name }
rule-field-not-enabled = Organisaatiosi ei kirjaa tätä tietoa. Pääkäyttäjä voi ottaa sen käyttöön.
