## admin area (fi)
adm-title = Ylläpito
adm-new-user-title = Luo käyttäjätili
adm-field-email = Sähköpostiosoite
adm-field-name = Nimi
adm-field-role = Rooli
adm-field-project = Hanke
adm-hint-project = Kaikki roolit ylläpitäjää lukuun ottamatta kuuluvat johonkin hankkeeseen.
adm-no-project = Ei hanketta (vain ylläpitäjät)
adm-create-user = Luo tili
adm-users-title = Käyttäjätilit
adm-users-caption = { $n ->
    [one] { $n } käyttäjätili
   *[other] { $n } käyttäjätiliä
}
adm-col-roles = Roolit
adm-col-status = Tila
adm-col-link = Kirjautumislinkki
adm-active = Käytössä
adm-not-active = Ei otettu käyttöön
adm-new-link = Uusi kirjautumislinkki
adm-new-link-for = Uusi kirjautumislinkki käyttäjälle { $name }
adm-projects-title = Hankkeet
adm-projects-caption = { $n ->
    [one] { $n } hanke
   *[other] { $n } hanketta
}
adm-col-code = Tunnus
adm-col-organisation = Organisaatio
adm-organisations-title = Organisaatiot
adm-organisations-caption = { $n ->
    [one] { $n } organisaatio
   *[other] { $n } organisaatiota
}
adm-col-business-id = Y-tunnus
adm-role-admin = Ylläpitäjä
adm-role-manager = Projektipäällikkö
adm-role-coach = Työhönvalmentaja
adm-role-coordinator = Työnantajakoordinaattori
adm-role-employer = Työnantaja
adm-role-mentor = Työpaikkaohjaaja
adm-role-institution = Oppilaitos
adm-role-participant = Osallistuja
adm-error-email = Kirjoita kelvollinen sähköpostiosoite, esim. nimi@example.fi.
adm-error-email-taken = Tällä sähköpostiosoitteella on jo käyttäjätili.
adm-error-name = Kirjoita nimi (enintään 200 merkkiä).
adm-error-role = Valitse rooli.
adm-error-project = Valitse hanke, johon rooli kuuluu.
adm-error-project-admin = Ylläpitäjät eivät kuulu hankkeeseen: valitse ”ei hanketta”.
adm-link-title = Kertakäyttöinen kirjautumislinkki
adm-user-created = Käyttäjän { $name } ({ $email }) tili luotiin.
adm-link-issued = Käyttäjälle { $name } ({ $email }) tehtiin uusi kirjautumislinkki.
adm-link-once = Anna linkki henkilölle turvallista reittiä. Linkki näytetään vain nyt, toimii kerran ja sillä valitaan salasana.
adm-link-label = Kirjautumislinkki
adm-link-expires = Linkki toimii { $time } asti.
adm-back = Takaisin ylläpitoon
adm-new-organisation = Uusi organisaatio
adm-edit-organisation = Muokkaa organisaatiota
adm-new-project = Uusi hanke
adm-edit-project = Muokkaa hanketta
adm-save = Tallenna
adm-choose = Valitse…
adm-deactivated = Poistettu käytöstä
adm-hint-business-id = Vapaaehtoinen. Y-tunnus, esim. 1234567-8.
adm-error-business-id = Anna oikea Y-tunnus, esim. 1234567-8, tai jätä kenttä tyhjäksi.
adm-error-business-id-taken = Toisella organisaatiolla on jo tämä Y-tunnus.
adm-hint-code = Lyhyt tunnus listoihin ja polku-komentoihin, esim. MOMENTUM-PH: kirjaimia, numeroita, - ja _. Tunnusta ei voi muuttaa myöhemmin.
adm-field-objective = Rahoitusohjelma ja erityistavoite
adm-hint-objective = ESR+-erityistavoite, jolla hanke on rahoitettu, kuten rahoituspäätöksessä.
adm-field-start = Alkaa
adm-field-end = Päättyy
adm-field-municipalities = Kunnat
adm-hint-municipalities = Kunnat, joissa hanke toimii, pilkuin erotettuina, esim. Lahti, Hollola.
adm-field-lead = Päätoteuttaja
adm-hint-lead = Organisaatio, joka hallinnoi hanketta (tuensaaja).
adm-field-partners = Osatoteuttajat
adm-hint-partners = Valitse kaikki muut organisaatiot, jotka toteuttavat hanketta.
adm-field-target-groups = Kohderyhmät
adm-error-code = Anna enintään 32 merkin tunnus: kirjaimia, numeroita, - ja _.
adm-error-code-taken = Tällä tunnuksella on jo hanke.
adm-error-lead = Valitse päätoteuttaja.
adm-error-partner-lead = Päätoteuttaja ei voi olla myös osatoteuttaja.
adm-error-partners = Valittua osatoteuttajaa ei enää ole. Tarkista lista.
adm-error-date = Anna päivämäärä, esim. 2025-01-31.
adm-error-end-before-start = Päättymispäivä ei voi olla ennen alkamispäivää.
adm-error-objective = Valitse rahoitusohjelma ja erityistavoite.
adm-error-start-programme = Hankkeen on alettava rahoitusohjelman voimassaoloaikana.
adm-error-municipalities = Anna vähintään yksi kunta.
adm-error-municipality-unknown = ”{ $word }” ei ole Suomen kunta. Tarkista kirjoitusasu.
adm-deactivate = Poista tunnus käytöstä
adm-deactivate-hint = Käytöstä poistettu henkilö ei voi kirjautua, ja hänen avoimet istuntonsa päättyvät heti. Kaikki hänen kirjaamansa säilyy.
adm-reactivate = Ota tunnus taas käyttöön
adm-no-roles = Ei rooleja. Lisää rooli alla.
adm-remove-role = Poista
adm-add-role = Lisää rooli
adm-error-grant-held = Henkilöllä on jo tämä rooli tässä hankkeessa.
adm-error-last-admin = Tämä on viimeinen aktiivinen ylläpitäjä. Tee ensin joku toinen ylläpitäjäksi.
notice-organisation = Organisaatio tallennettu.
notice-project = Hanke tallennettu.
notice-grant = Rooli lisätty. Se on voimassa henkilön seuraavasta sivunlatauksesta.
notice-grant-removed = Rooli poistettu. Se ei ole voimassa enää henkilön seuraavasta sivunlatauksesta.
notice-deactivated = Tunnus poistettu käytöstä. Sen istunnot on päätetty.
notice-reactivated = Tunnus otettu taas käyttöön.
