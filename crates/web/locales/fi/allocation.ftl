# Niukkojen kokeilupaikkojen jako (työnantajakoordinaattorit ja projektipäälliköt).
nav-allocation = Kokeilupaikat
notice-allocation = Jako hyväksytty ja kirjattu.
alloc-title = Jaa kokeilupaikat
alloc-intro = Valitse työkokeilupaikat ja osallistujat. Polku laskee jaon, jossa yhteensopivuus on kokonaisuutena paras ja pisimpään odottaneet saavat lisäpainoa. Mitään ei kirjata ennen kuin hyväksyt jaon.
alloc-no-projects = Sinulla ei ole hanketta, jossa voisit jakaa kokeilupaikkoja.
alloc-field-project = Hanke
alloc-choose-project = Näytä hanke
alloc-openings-legend = Kokeilupaikat
alloc-no-openings = Hankkeella ei ole voimassa olevia kokeilupaikkoja.
alloc-places = { $n ->
    [one] { $n } paikka
   *[other] { $n } paikkaa
}
alloc-participants-legend = Kokeilupaikkaa etsivät osallistujat
alloc-participants-hint = Valmennus- tai kokeiluvaiheessa olevat osallistujat, pisimpään odottanut ensin. Nimiä ei näytetä.
alloc-no-participants = Kukaan hankkeen osallistuja ei etsi kokeilupaikkaa.
alloc-waiting-since = odottanut { $date } alkaen
alloc-compute = Laske
alloc-participant-n = Osallistuja { $n }
alloc-result-title = Laskettu kokeilupaikkojen jako
alloc-result-intro = Mitään ei ole vielä kirjattu: kirjaa jako hyväksymällä se alla.
alloc-changed-title = Jako on muuttunut
alloc-changed-text = Tiedot muuttuivat jaon näyttämisen jälkeen, joten sitä ei hyväksytty. Alla on nyt laskettu jako; hyväksy se uudelleen, jos se on oikein.
alloc-summary-title = Yhteensä
alloc-total = Yhteispisteet (sopivuus ja odotusaika)
alloc-placed = Paikan saaneet
alloc-greedy-total = Yhteispisteet saapumisjärjestyksessä
alloc-comparison = Saapumisjärjestyksessä (pisimpään odottanut valitsee ensin) yhteispisteet olisivat { $greedy } ja paikan saisi { $greedyplaced }. Tämä jako antaa paikan { $placed } osallistujalle ja tuo { $gain } pistettä enemmän; { $differs ->
    [one] { $differs } osallistuja sijoittuu
   *[other] { $differs } osallistujaa sijoittuu
} eri tavoin kuin saapumisjärjestyksessä.
alloc-nobody = Tähän ei sijoittunut ketään.
alloc-table-caption = Paikkaan { $opening } sijoittuneet
alloc-col-participant = Osallistuja
alloc-col-score = Pisteet
alloc-col-bonus = Odotusajan lisä
alloc-why-here = Miksi { $who } sopii tähän
alloc-unplaced-title = Ilman paikkaa
alloc-unplaced-none = Kaikki valitut saivat paikan.
alloc-why-no-fit = Mikään valituista paikoista ei sovi.
alloc-why-no-fit-limits = Mikään valituista paikoista ei sovi: { $limits }.
alloc-why-places-taken = { $n ->
    [one] Yksi paikka sopisi, mutta sen paikat tuottavat muille suuremmat yhteispisteet.
   *[other] { $n } paikkaa sopisi, mutta niiden paikat tuottavat muille suuremmat yhteispisteet.
}
alloc-limit-functioning = työn vaatimukset ylittävät toimintakyvyn
alloc-limit-language = kielitaitovaatimus
alloc-limit-hours = työaika
alloc-limit-days = työpäivät
alloc-limit-schedule = ilta-, yö- tai viikonlopputyö
alloc-limit-municipality = työpaikan sijainti
alloc-average-title = Pisteiden osat keskimäärin
alloc-average-intro = Projektipäälliköt näkevät perustelut vain koottuina: kunkin pisteosan keskiarvon paikan saaneista.
alloc-average-suppressed = Keskiarvot näytetään, kun paikan saa vähintään viisi osallistujaa, jotta yksittäisen osallistujan tiedot eivät erotu.
alloc-col-average = Pisteet keskimäärin
alloc-accept-title = Hyväksy jako
alloc-accept-hint = Hyväksyminen kirjaa jaon päätökseksi ja valmistelee jokaiselle paikan saaneelle ehdotuksen, jonka työhönvalmentaja vahvistaa. Jos tiedot ovat muuttuneet sivun näyttämisen jälkeen, Polku ei hyväksy jakoa vaan näyttää uuden.
alloc-accept = Hyväksy jako
alloc-change-choice = Muuta valintaa
alloc-error-openings = Valitse hankkeen kokeilupaikat luettelosta.
alloc-error-participants = Valitse luettelosta hankkeen osallistujat, jotka etsivät kokeilupaikkaa.
alloc-error-no-openings = Valitse vähintään yksi kokeilupaikka.
alloc-error-no-participants = Valitse vähintään yksi osallistuja.
alloc-error-engine = Jakoa ei voitu laskea tallennetuista tiedoista. Tarkista paikkojen työtehtävät.
alloc-accept-coordinators = Hankkeen työnantajakoordinaattori hyväksyy jaon ja valmistelee ehdotukset.
alloc-accepted-title = Jako hyväksytty
alloc-accepted-intro = Päätös on kirjattu. Jokaiselle paikan saaneelle on valmisteltu ehdotus; osallistujan työhönvalmentaja vahvistaa sen ennen kuin se lähtee työnantajalle.
alloc-prepared-title = Valmistellut ehdotukset
alloc-prepared-none = Ehdotuksia ei valmisteltu.
alloc-refused-title = Ehdotusta ei valmisteltu
alloc-proposal-failed = Ehdotusta ei voitu valmistella. Yritä uudelleen tai valmistele se itse.
alloc-back-to-form = Jaa lisää kokeilupaikkoja
