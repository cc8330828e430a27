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
