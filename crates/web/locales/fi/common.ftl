app-name = Polku
skip-to-content = Siirry sisältöön
nav-main-label = Päävalikko
nav-caseload = Osallistujat
nav-employers = Työnantajat
nav-reports = Hankkeen tilanne
nav-admin = Ylläpito
language-switch-label = Vaihda kieli
sign-out = Kirjaudu ulos
footer-text = Polku – tuetun työllistymisen palvelu. Avoin lähdekoodi (AGPL-3.0).
home-title = Etusivu
home-greeting = Hei, { $name }!
home-intro = Valitse, mitä haluat tehdä.
form-error-summary = Korjaa seuraavat kohdat

# Shared with me (employer, mentor, institution users)
nav-shared = Minulle jaetut
shared-title = Minulle jaetut osallistujat
shared-intro = Näet osallistujista vain ne tiedot, jotka heidän valmentajansa on jakanut sinulle ja joihin osallistuja on antanut suostumuksen. Jos suostumus perutaan, tiedot poistuvat näkyvistä heti.
shared-none = Sinulle ei ole jaettu yhtään osallistujaa.
shared-participant-n = Osallistuja { $n }
shared-contact = Yhteystiedot
shared-skills = Osaaminen
shared-languages = Kielitaito
shared-goals = Tavoitteet
shared-availability-label = Saatavuus
shared-availability = { $min }–{ $max } tuntia viikossa, enintään { $days } päivää viikossa
shared-functioning = Toimintakyky (0–4)
shared-accommodations = Tarvittavat työjärjestelyt

## Confirmations after a save (shown once as a status message)
notice-saved = Tallennettu.
