## participants area (fi)

# Caseload
p-caseload-title = Osallistujani
p-add-participant = Lisää osallistuja
p-caseload-empty = Sinulla ei ole vielä osallistujia.
p-caseload-intro = Pisimpään odottaneet ovat ylimpänä.
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

# Participant pages
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
p-conflict-title = Joku muu muutti tietoja samaan aikaan
p-conflict-text = Tallennusta ei tehty. Alla ovat nyt tallennetut tiedot. Lomakkeessa ovat sinun arvosi: tarkista ne ja tallenna uudelleen, jos haluat korvata toisen muutokset.
p-save = Tallenna
p-yes = Kyllä
p-no = Ei
p-unknown = Ei tiedossa
p-not-recorded = Ei kirjattu
p-choose = Valitse
p-add-named = Lisää: { $name }
p-remove-named = Poista: { $name }
p-search = Hae
p-search-hint = Kirjoita sana tai sanan alku, esimerkiksi ”siivous”.
p-search-none = Haulla ei löytynyt mitään.
p-search-count = { $n ->
    [one] Löytyi { $n } osuma.
   *[other] Löytyi { $n } osumaa.
}

# Stages
p-stage-enrolled = Aloittanut
p-stage-assessment = Kartoitus
p-stage-coaching = Valmennus
p-stage-trial = Työkokeilu
p-stage-job-or-education = Työssä tai koulutuksessa
p-stage-retention = Työssä pysymisen tuki
p-stage-exited = Päättynyt

# Background and new participant
p-new-title = Lisää osallistuja
p-new-intro = Täytä osallistujan perustiedot. Muut tiedot voit lisätä myöhemmin.
p-new-submit = Lisää osallistuja
p-field-project = Hanke
p-section-identity = Henkilötiedot
p-section-contact = Yhteystiedot
p-section-hours = Työaika
p-section-times = Sopivat työajat
p-section-mobility = Liikkuminen
p-section-esf = ESR+-lähtötiedot
p-esf-hint = Lähtötiedot kysytään hankkeen seurantaa varten. Osallistuja voi jättää vastaamatta.
p-field-given-name = Etunimi
p-field-family-name = Sukunimi
p-field-hetu = Henkilötunnus
p-hetu-hint = Muodossa ppkkvv-nnnt, esimerkiksi 131052-308T. Voit jättää tyhjäksi.
p-hetu-recorded = Kirjattu (ei näytetä)
p-field-email = Sähköposti
p-field-phone = Puhelin
p-field-home = Kotikunta
p-home-hint = Kirjoita kunnan nimi. Myös entinen kunta käy, esimerkiksi Nastola: tallennetaan nykyinen kunta.
p-field-hours-min = Tunteja viikossa vähintään
p-field-hours-max = Tunteja viikossa enintään
p-field-days-max = Päiviä viikossa enintään
p-field-waiting-since = Palvelu alkoi
p-field-labour-market-status = Tilanne työmarkkinoilla
p-status-unemployed = Työtön
p-status-inactive = Työvoiman ulkopuolella
p-status-employed = Työssä
p-status-in-education = Opiskelee
p-field-education = Koulutustaso
p-education-0 = Ei koulutusta tai alakoulu kesken
p-education-1 = Ei peruskoulun päättötodistusta
p-education-2 = Peruskoulu
p-education-3 = Lukio tai ammatillinen perustutkinto
p-education-4 = Erikoisammattitutkinto
p-education-5 = Opistotutkinto (esimerkiksi teknikko)
p-education-6 = Ammattikorkeakoulu tai kandidaatti
p-education-7 = Ylempi ammattikorkeakoulu tai maisteri
p-education-8 = Lisensiaatti tai tohtori
p-field-long-term-unemployed = Pitkäaikaistyötön
p-field-birth-year = Syntymävuosi
p-field-foreign-background = Ulkomaalaistausta
p-field-disability = Vamma tai pitkäaikaissairaus
p-goals-title = Tavoitteet
p-goals-none = Tavoitteita ei ole vielä kirjattu.
p-goal-search-label = Hae tavoiteammattia

# Functioning
p-functioning-intro = Vastaa jokaiseen kysymykseen yhdessä osallistujan kanssa. Jos asiaa ei ole arvioitu, valitse ”ei arvioitu”.
p-not-assessed = Ei arvioitu
p-level-option = { $level }: { $text }
p-step-progress = Osa { $step }/{ $steps }: { $name }
p-step-with-count = { $name } ({ $done }/{ $total } arvioitu)
p-step-physical = Keho ja liikkuminen
p-step-senses = Aistit ja työympäristö
p-step-cognitive = Oppiminen ja keskittyminen
p-step-social = Toiset ihmiset ja itsenäisyys
p-step-arrangements = Työjärjestelyt ja huomiot
p-save-and-next = Tallenna ja jatka
p-save-and-back = Tallenna ja palaa edelliseen
p-accommodations-legend = Tarvittavat työjärjestelyt
p-field-functional-notes = Huomioita toimintakyvystä
p-functional-notes-hint = Kirjaa vain toimintakykyä, älä diagnooseja.

# Skills
p-skills-none = Osaamista ei ole vielä kirjattu.
p-skills-caption = Osallistujan osaaminen
p-col-skill = Taito
p-col-evidence = Miten osoitettu
p-col-actions = Toiminnot
p-skills-add-title = Lisää taito
p-skill-search-label = Hae taitoa
p-skill-have = Jo lisätty
p-evidence-self-assessed = Oma arvio
p-evidence-coach-observed = Valmentaja havainnut
p-evidence-work-trial = Työkokeilussa osoitettu
p-evidence-certificate = Todistus
esco-working = työkäännös
esco-working-title = Polun oma työkäännös, ei ESCOn virallinen suomennos. Virallinen nimi korvaa sen, kun ESCOn suomenkielinen aineisto tuodaan.
p-goal-skills-title = Tavoiteammattien keskeiset taidot
p-goal-skills-hint = Valitse taidot, jotka lisätään osallistujan osaamiseen. Jo lisätyt taidot eivät näy listassa.
p-goal-skills-add = Lisää valitut taidot ammatista { $name }
p-goal-skills-link = Tavoiteammattien keskeiset taidot voi lisätä osaamiseen Osaaminen-välilehdellä.

# Languages
p-languages-none = Kieliä ei ole vielä kirjattu.
p-languages-legend = Kielitaito
p-language-level-for = Taso: { $name }
p-language-remove = Poista kieli
p-language-add-legend = Lisää kieli
p-field-language-code = Kieli
p-language-code-hint = Valitse kieli ja taso ja tallenna. Voit lisätä kieliä yksi kerrallaan: tallennuksen jälkeen lomake on valmis seuraavalle kielelle.
p-field-language-level = Taso
p-choose-language = Valitse kieli
p-cefr-hint = Tasot A1–C2 ovat eurooppalaisen viitekehyksen (CEFR) tasoja. A1 on alkeet, C2 lähes äidinkielen taso.
cefr-a1 = A1 – Alkeet: ymmärtää ja käyttää tuttuja arkisia ilmauksia ja hyvin yksinkertaisia lauseita
cefr-a2 = A2 – Perustaso: selviää yksinkertaisista arkisista tilanteista, kuten ostoksista ja lyhyistä työohjeista
cefr-b1 = B1 – Toimiva peruskielitaito: selviää useimmista arjen ja työn tilanteista ja kertoo kokemuksistaan
cefr-b2 = B2 – Itsenäinen kielitaito: keskustelee sujuvasti ja ymmärtää vaikeitakin oman alan tekstejä
cefr-c1 = C1 – Taitava kielitaito: ilmaisee itseään sujuvasti ja joustavasti myös työssä ja opiskelussa
cefr-c2 = C2 – Erinomainen kielitaito: ymmärtää lähes kaiken ja ilmaisee itseään tarkasti kuin äidinkielellään

# Availability
p-field-evenings = Illat
p-field-nights = Yöt
p-field-weekends = Viikonloput
p-field-acceptable = Muut sopivat kunnat
p-acceptable-hint = Erota kunnat pilkulla, esimerkiksi Hollola, Nastola.
p-field-driving-licence = Ajokortti

# Path
p-path-now = nyt
p-path-move-legend = Mihin vaiheeseen siirrytään?
p-path-move = Vaihda vaihe

# Meetings
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
p-notes-hint = Muistiinpanot salataan. Kirjaa vain tarpeellinen.
p-place-office = Toimistolla
p-place-outside-office = Toimiston ulkopuolella
p-place-remote = Etänä
p-place-pop-up = Pop up -pisteessä

# Suggestions
p-suggestions-intro = Ehdotukset perustuvat osallistujan tietoihin ja hankkeen työnantajien tehtäviin.
p-suggestions-none = Sopivia työpaikkoja ei löytynyt.
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
p-accommodations-title = Työjärjestelyt
p-accommodations-none = Ei tarvita työjärjestelyjä.
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
p-fit-hours = { $hours } tuntia viikossa sopii toiveeseen { $min }–{ $max } tuntia.
p-fit-days = { $days } päivää viikossa mahtuu enimmäismäärään { $max }.
p-fit-municipality = Työpaikka on sopivassa kunnassa: { $place }.
p-fit-language = Kieli { $language }: vaaditaan { $required }, osallistujalla { $has }.
p-fit-functioning = Sujuu ilman tukea: { $dimensions }.
p-fit-accommodated = { $dimension }: työ vaatii tasoa { $demand }, osallistujan taso on { $capacity }. Onnistuu näillä työjärjestelyillä: { $accommodations }.
p-check-dimension = Tarkista { $dimension }: tehtävä vaatii tasoa { $demand }, mutta asiaa ei ole arvioitu.
p-acc-item = { $amount ->
    [0] { $name }, ei kustannuksia.
   *[other] { $name }, noin { $eur }.
}
p-acc-subsidy = Järjestelytuki voi kattaa kulun.
p-acc-subsidy-cap = Järjestelytuki voi kattaa kulun, enintään { $eur }.
p-acc-total = { $amount ->
    [0] Työjärjestelyistä ei aiheudu kustannuksia.
   *[other] Työjärjestelyt maksavat yhteensä noin { $eur }.
}
p-subsidy-estimate = Palkkatukiarvio noin { $eur } kuukaudessa ({ $rate } palkasta).
p-subsidy-months = { $n ->
    [one] Enintään { $n } kuukausi.
   *[other] Enintään { $n } kuukautta.
}
p-subsidy-rate = Palkkatuki voi olla { $rate } palkasta. Palkkaa ei ole kirjattu, joten euromäärää ei voi arvioida.
p-subsidy-none = Palkkatukea ei voi arvioida tälle päivälle.
p-subsidy-unpaid = Palkaton paikka, ei palkkatukea.
p-part-essential-skills = Välttämätön osaaminen
p-part-essential-skills-text = { $of ->
    [0] Tehtäviin ei ole kirjattu välttämättömiä taitoja.
   *[other] Osallistujalla on { $have } / { $of } välttämättömästä taidosta.
}
p-part-optional-skills = Muu osaaminen
p-part-optional-skills-text = { $of ->
    [0] Tehtäviin ei ole kirjattu muita hyödyllisiä taitoja.
   *[other] Osallistujalla on { $have } / { $of } hyödyllisestä taidosta.
}
p-part-learnable-gaps = Opittavissa työssä
p-part-learnable-gaps-text = { $missing ->
    [0] Kaikki välttämättömät taidot ovat jo hallussa.
    [one] { $learnable ->
        [0] Yksi välttämätön taito puuttuu, eikä sitä voi oppia työssä.
       *[other] Yksi välttämätön taito puuttuu, ja sen voi oppia työssä.
    }
   *[other] { $learnable ->
        [0] { $missing } välttämätöntä taitoa puuttuu, eikä niitä voi oppia työssä.
        [one] { $missing } välttämätöntä taitoa puuttuu, ja niistä yhden voi oppia työssä.
       *[other] { $missing } välttämätöntä taitoa puuttuu, ja niistä { $learnable } voi oppia työssä.
    }
}
p-part-language-margin = Kielitaito
p-part-language-margin-none = Tehtävät eivät vaadi tiettyä kieltä.
p-part-language-margin-text = { $above ->
    [0] Kieli { $language }: vaaditaan { $required }, ja osallistujan taito täyttää vaatimuksen.
    [one] Kieli { $language }: vaaditaan { $required }, ja osallistujan taito ylittää vaatimuksen yhdellä tasolla.
   *[other] Kieli { $language }: vaaditaan { $required }, ja osallistujan taito ylittää vaatimuksen { $above } tasolla.
}
p-part-functioning-margin = Toimintakyky
p-part-functioning-margin-text = { $demands ->
    [0] Tehtävät eivät aseta toimintakyvylle erityisiä vaatimuksia.
    [one] { $spare ->
        [0] Tehtävillä on yksi toimintakyvyn vaatimus, ja osallistuja täyttää sen juuri ja juuri.
       *[other] Tehtävillä on yksi toimintakyvyn vaatimus, ja osallistuja täyttää sen reilusti.
    }
   *[other] { $spare ->
        [0] Tehtävillä on { $demands } toimintakyvyn vaatimusta, eikä yksikään niistä täyty reilusti.
        [one] Tehtävillä on { $demands } toimintakyvyn vaatimusta, joista yksi täyttyy reilusti.
       *[other] Tehtävillä on { $demands } toimintakyvyn vaatimusta, joista { $spare } täyttyy reilusti.
    }
}
p-part-functioning-unassessed = { $n ->
    [one] Yksi vaatimus koskee asiaa, jota ei ole arvioitu.
   *[other] { $n } vaatimusta koskee asioita, joita ei ole arvioitu.
}
p-part-accommodation-cost = Järjestelyjen kustannus
p-part-accommodation-cost-text = { $amount ->
    [0] Työjärjestelyistä ei aiheudu kustannuksia.
   *[other] Työjärjestelyt maksavat noin { $eur }.
}
p-part-goal-fit = Tavoitteen mukaisuus
p-part-goal-fit-text = { $hours ->
    [0] Tehtävät eivät vastaa osallistujan ammatillisia tavoitteita.
    [one] Tehtävistä tunti viikossa vastaa osallistujan ammatillisia tavoitteita.
   *[other] Tehtävistä { $hours } tuntia viikossa vastaa osallistujan ammatillisia tavoitteita.
}
p-part-employer-readiness = Työnantajan valmius
p-part-readiness-mentor-trials = Työnantajalla on työpaikkaohjaaja ja kokeilupaikkoja.
p-part-readiness-mentor = Työnantajalla on työpaikkaohjaaja.
p-part-readiness-trials = Työnantajalla on kokeilupaikkoja.
p-part-readiness-none = Työnantajalla ei ole ohjaajaa eikä kokeilupaikkoja.

# Craft
p-craft-intro = Valitse työnantaja. Polku kokoaa sen tehtävistä osallistujalle parhaiten sopivan työn.
p-field-employer = Työnantaja
p-craft-show = Näytä työ
p-craft-result-title = Räätälöity työ: { $employer }
p-craft-hours = Yhteensä { $hours } tuntia viikossa (toive { $min }–{ $max }).
p-craft-none = Tehtävistä ei saa koottua sopivaa työtä.
p-description-title = Kuvaus
p-left-out-title = Pois jätetyt tehtävät
p-left-out-item = { $task }: { $why }
p-left-out-hours = { $hours ->
    [one] Tehtävän { $hours } tunti ei mahdu viikkotunteihin.
   *[other] Tehtävän { $hours } tuntia ei mahdu viikkotunteihin.
}
p-left-out-min-hours = Sopivista tehtävistä ei kerry vähimmäistuntimäärää.
p-left-out-accommodation-cost = Tehtävä vaatisi lisää työjärjestelyjä noin { $eur } edestä, enemmän kuin se parantaisi kokonaisuutta.
p-left-out-lower-value = Ilman sitä kokonaisuus on parempi.
p-limit-functioning = { $dimension }: työ vaatii tasoa { $demand }, osallistujan taso on { $capacity }.
p-limit-language = Kieli { $language }: vaaditaan { $required }, osallistujalla { $has }.
p-limit-hours = { $hours } tuntia viikossa ei sovi toiveeseen { $min }–{ $max }.
p-limit-days = { $days } päivää viikossa on yli { $max } päivän.
p-limit-schedule = Työaika ei sovi.
p-limit-schedule-evenings = Työ on iltaisin.
p-limit-schedule-nights = Työ on öisin.
p-limit-schedule-weekends = Työ on viikonloppuisin.
p-limit-municipality = Työpaikka on kunnassa, johon osallistuja ei pääse: { $place }.
p-craft-save-title = Tallenna paikaksi
p-field-opening-title = Paikan nimi
p-field-opening-kind = Paikan tyyppi
p-craft-save = Tallenna paikka
p-craft-saved-title = Paikka tallennettu
p-craft-saved-named = Paikka ”{ $title }” tallennettiin työnantajalle.
p-craft-saved-text = Paikka tallennettiin työnantajalle.
p-craft-again = Takaisin räätälöintiin

# Errors
p-error-invalid = Tarkista tiedot.
p-error-name = Kirjoita nimi (enintään 100 merkkiä).
p-error-hetu = Henkilötunnus ei ole oikein.
p-error-hetu-length = Henkilötunnuksessa on 11 merkkiä, esimerkiksi 131052-308T.
p-error-hetu-check = Henkilötunnuksen viimeinen merkki ei täsmää. Tarkista numerot.
p-error-hetu-century = Henkilötunnuksen välimerkki on väärä. Käytä merkkiä -, + tai A (tai uutta merkkiä kuten B, Y).
p-error-hetu-date = Henkilötunnuksen alussa pitää olla oikea päivämäärä (ppkkvv).
p-error-hetu-duplicate = Tällä henkilötunnuksella on jo osallistuja.
p-error-email = Kirjoita sähköposti muodossa nimi@esimerkki.fi.
p-error-phone = Käytä puhelinnumerossa numeroita, välilyöntejä ja merkkejä + - ( ).
p-error-municipality = Kirjoita kunnan nimi, esimerkiksi Lahti.
p-error-municipality-unknown = Kuntaa ei tunnistettu: { $word }. Tarkista nimi, esimerkiksi Lahti.
p-error-hours = Kirjoita tunnit numerona 0–60.
p-error-hours-range = Vähimmäistuntien pitää olla enintään enimmäistuntien verran.
p-error-days = Kirjoita päivät numerona 1–7.
p-error-birth-year = Kirjoita syntymävuosi neljänä numerona.
p-error-isced = Valitse koulutustaso listasta.
p-error-stage = Tähän vaiheeseen ei voi siirtyä suoraan.
p-error-stage-choose = Valitse vaihe.
p-error-level = Valitse taso listasta.
p-error-language = Valitse kieli luettelosta. Tätä kieltä ei tunnisteta.
p-error-date = Kirjoita päivä muodossa vvvv-kk-pp.
p-error-time = Kirjoita kellonaika muodossa tt:mm.
p-error-duration = Kesto on 5–480 minuuttia.
p-error-place = Valitse paikka.
p-error-notes = Muistiinpanot ovat liian pitkät (enintään 10 000 merkkiä).
p-error-title = Kirjoita paikalle nimi.
p-error-employer = Valitse työnantaja.
p-error-kind = Valitse paikan tyyppi.
p-error-no-tasks = Työhön ei tullut yhtään tehtävää.
p-suggestions-failed = Ehdotuksia ei voitu laskea, koska jokin työnantajan tieto on puutteellinen. Pyydä työnantajakoordinaattoria tarkistamaan tehtävät.
p-craft-failed = Työtä ei voitu koota, koska työnantajan tiedot ovat puutteelliset (esimerkiksi tehtäviä ei ole vielä kirjattu).
p-path-history-title = Vaiheiden muutokset
p-path-history-none = Vaihetta ei ole vielä vaihdettu.
p-path-history-caption = Vaiheiden muutokset, uusin ensin
p-col-from = Mistä
p-col-to = Mihin
p-error-skill = Valitse taito hakutuloksista.

## Plan tab
p-tab-plan = Suunnitelma
p-plan-none = Suunnitelmassa ei ole vielä yhtään askelta.
p-plan-caption = { $n ->
    [0] Suunnitelman askeleet, kaikki tehty
    [one] Suunnitelman askeleet, yksi kesken
   *[other] Suunnitelman askeleet, { $n } kesken
}
p-plan-col-step = Askel
p-plan-col-due = Määräpäivä
p-plan-col-status = Tila
p-plan-overdue = Myöhässä
p-plan-done-on = Tehty { $date }
p-plan-open = Kesken
p-plan-reopen = Merkitse keskeneräiseksi
p-plan-mark-done = Merkitse tehdyksi
p-plan-add-title = Lisää askel
p-plan-field-text = Mitä tehdään
p-plan-text-hint = Kirjoita askel niin kuin se sovittiin, esimerkiksi ”Käydään tutustumassa varastoon”.
p-plan-field-due = Määräpäivä (vapaaehtoinen)
p-plan-add = Lisää suunnitelmaan
p-plan-error-text-empty = Kirjoita, mitä tehdään.
p-plan-error-text-long = Askel on liian pitkä (enintään 2000 merkkiä).
p-plan-error-due = Anna päivämäärä muodossa vvvv-kk-pp.
p-plan-conflict-label = Askel
p-plan-conflict-value = Joku muu ehti muuttaa tätä askelta. Tarkista tila ja yritä uudelleen.

# Consents (R16)
p-tab-consents = Suostumukset
p-consent-intro = Osallistujan tietoja näytetään työnantajalle, työpaikkaohjaajalle tai oppilaitokselle vain hänen suostumuksellaan: jokaisesta tietoryhmästä erikseen. Suostumuksen voi perua milloin tahansa yhdellä painalluksella, ja peruminen vaikuttaa heti.
p-consent-none = Suostumuksia ei ole kirjattu.
p-consent-caption = { $n ->
    [0] Suostumukset, yksikään ei ole voimassa
    [one] Suostumukset, yksi voimassa
   *[other] Suostumukset, { $n } voimassa
}
p-consent-col-category = Tiedot
p-consent-col-recipient = Kenelle
p-consent-col-purpose = Mihin
p-consent-col-given = Annettu
p-consent-col-wording = Teksti (tunniste)
p-consent-col-status = Tila
p-consent-withdrawn-on = Peruttu { $date }
p-consent-active = Voimassa
p-consent-withdraw = Peru suostumus
p-consent-add-title = Kirjaa uusi suostumus
p-consent-field-purpose = Mihin tietoja käytetään?
p-consent-field-recipient = Kuka tiedot näkee?
p-consent-show-wording = Näytä suostumusteksti
p-consent-read-aloud = Lue teksti osallistujan kanssa. Rastita vain ne tiedot, joihin hän antaa suostumuksen.
p-consent-field-categories = Tiedot, joihin osallistuja antaa suostumuksen
p-consent-field-method = Miten suostumus annettiin?
p-consent-record = Kirjaa suostumus
p-consent-cancel = Peruuta
p-consent-purpose-placement = Työhön, työkokeiluun tai keikkaan ehdottaminen ja seuranta
p-consent-purpose-transition = Siirtymä koulusta työhön tai koulutuksesta toiseen
p-consent-recipient-employer = Työnantaja
p-consent-recipient-mentor = Työpaikkaohjaaja
p-consent-recipient-institution = Oppilaitos
p-consent-category-contact = Yhteystiedot
p-consent-category-skills = Osaaminen
p-consent-category-languages = Kielitaito
p-consent-category-goals = Tavoitteet ja saatavuus
p-consent-category-functioning = Toimintakyky ja työjärjestelyt
p-consent-category-documents = Asiakirjat
p-consent-method-written = Kirjallisesti allekirjoittaen
p-consent-method-in_meeting = Suullisesti tapaamisessa
p-consent-method-electronic = Sähköisesti palvelussa
p-consent-error-purpose = Valitse, mihin tietoja käytetään.
p-consent-error-recipient = Valitse, kuka tiedot näkee.
p-consent-error-category = Rastita vähintään yksi tieto, johon osallistuja antaa suostumuksen.
p-consent-error-method = Valitse, miten suostumus annettiin.
p-consent-error-wording = Suostumusteksti on muuttunut. Lue uusi teksti osallistujan kanssa ja kirjaa suostumus uudelleen.

# Sharing (R17)
p-share-title = Tietojen jakaminen
p-share-intro = Jaa tietoja yhdelle työnantajan, työpaikkaohjaajan tai oppilaitoksen käyttäjälle määräpäivään asti. Vain ne tiedot näkyvät, joihin osallistujan suostumus on voimassa.
p-share-none = Tietoja ei ole jaettu kenellekään.
p-share-caption = Jaot
p-share-col-recipient = Kenelle
p-share-col-until = Päättyy
p-share-active = Voimassa
p-share-revoked = Peruttu
p-share-expired = Päättynyt
p-share-revoke = Lopeta jakaminen
p-share-no-recipients = Hankkeessa ei ole työnantajan, työpaikkaohjaajan tai oppilaitoksen käyttäjiä, joille tietoja voisi jakaa.
p-share-field-recipient = Kenelle jaetaan
p-share-choose = Valitse vastaanottaja
p-share-field-categories = Jaettavat tiedot
p-share-field-purpose = Mihin tietoja käytetään
p-share-purpose-hint = Osallistujan on pitänyt antaa suostumus jokaisen tiedon tähän käyttöön. Jos et valitse, tiedot jaetaan osallistujan ehdottamiseksi työhön.
p-share-categories-hint = Vain suostumuksen kattamat tiedot voi jakaa.
p-share-field-until = Jaetaan asti (vvvv-kk-pp)
p-share-submit = Jaa tiedot
p-share-error-recipient = Valitse, kenelle tiedot jaetaan.
p-share-error-category = Rastita vähintään yksi jaettava tieto.
p-share-error-until = Anna päättymispäivä muodossa vvvv-kk-pp, aikaisintaan tänään ja enintään vuoden päähän.
p-share-error-consent = Osallistuja ei ole antanut suostumusta kaikkien valittujen tietojen jakamiseen tälle vastaanottajalle. Kirjaa suostumus ensin.

# Access request (R39)
p-export-title = Tietopyyntö
p-export-intro = Osallistujalla on oikeus saada kaikki tiedot, jotka hänestä on tallennettu (EU:n tietosuoja-asetus, 15 ja 20 artikla): henkilö- ja toimintakykytiedot, palvelupolku, tapaamiset, suunnitelma, suostumukset, kenelle tietoja on jaettu sekä milloin ja mihin tarkoitukseen tietoja on käsitelty. Tiedosto on koneluettava (JSON), eikä siinä mainita työntekijöiden nimiä. Se sisältää arkaluonteisia tietoja: anna se vain osallistujalle itselleen. Lataus kirjataan lokiin.
p-export-download = Lataa kaikki tiedot (JSON)

## Confirmations after a save (shown once as a status message)
notice-participant = Osallistuja lisätty.
notice-details = Perustiedot tallennettu.
notice-functioning = Toimintakyky tallennettu.
notice-availability = Saatavuus tallennettu.
notice-municipality-merged = { $former } yhdistettiin toiseen kuntaan vuonna { $year }. Nykyinen kunta on { $current }, ja se tallennettiin.
notice-languages = Kielitaito tallennettu.
notice-skills = Osaaminen tallennettu.
notice-path = Polun vaihe tallennettu.
notice-meeting = Tapaaminen kirjattu.
notice-plan-step = Suunnitelman askel lisätty.
notice-plan-done = Askel merkitty tehdyksi.
notice-consent = Suostumus kirjattu.
notice-consent-withdrawn = Suostumus peruttu.
notice-share = Tiedot jaettu.
notice-share-ended = Jakaminen lopetettu.

## Miksi ehdotuksia on vähän, ja mikä sen muuttaisi.
p-why-few-title = Miksi ehdotuksia on vähän
p-left-out = { $n ->
    [one] Hankkeen työpaikoista yksi jäi pois.
   *[other] Hankkeen työpaikoista { $n } jäi pois.
}
p-left-out-reason = { $reason }: { $n ->
    [one] yksi työpaikka
   *[other] { $n } työpaikkaa
}
p-reason-hours = Työtunnit
p-reason-days = Työpäivät
p-reason-schedule = Työajat
p-reason-municipality = Työpaikan sijainti
p-reason-language = Kielitaito
p-reason-functioning = Toimintakyky
p-change-hours = Jos tuntitoive laajennetaan { $min }–{ $max } tuntiin viikossa, { $n ->
    [one] esiin tulee yksi työpaikka lisää
   *[other] esiin tulee { $n } työpaikkaa lisää
}.
p-change-days = Jos työpäiviä voi olla enintään { $days } viikossa, { $n ->
    [one] esiin tulee yksi työpaikka lisää
   *[other] esiin tulee { $n } työpaikkaa lisää
}.
p-change-schedule = Jos osallistujalle sopii työ myös { $times }, { $n ->
    [one] esiin tulee yksi työpaikka lisää
   *[other] esiin tulee { $n } työpaikkaa lisää
}.
p-change-municipalities = Jos osallistuja voi käydä töissä myös näissä kunnissa: { $places }, { $n ->
    [one] esiin tulee yksi työpaikka lisää
   *[other] esiin tulee { $n } työpaikkaa lisää
}.
p-change-languages = Jos kielitaito on { $levels }, { $n ->
    [one] esiin tulee yksi työpaikka lisää
   *[other] esiin tulee { $n } työpaikkaa lisää
}.
p-change-none = Useimmat jäivät pois toimintakyvyn vuoksi. Tarkista toimintakyvyn arvio ja järjestelyt, tai räätälöi työ työnantajan kanssa.
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
p-kept-title = Aiemmin tallennettu, ei enää kirjata
p-kept-hint = Organisaatiosi ei enää kirjaa näitä tietoja. Aiemmin tallennetut arvot säilyvät, kunnes poistat ne tai henkilön tiedot poistetaan.
p-kept-note = (organisaatiosi ei enää kirjaa tätä; säilyy, kunnes se poistetaan)
p-kept-clear = Poista { $name }
rule-field-not-enabled = Organisaatiosi ei kirjaa tätä tietoa. Pääkäyttäjä voi ottaa sen käyttöön.
