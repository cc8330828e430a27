## Työjaksot selkokielellä (osallistujan sivut). Puuttuvat avaimet tulevat yleiskielestä.

## Kokeilusopimus selkokielellä (agreement-…): osallistujan sanat. Muut tulevat yleiskielestä.

agreement-page-title = Kokeilusopimus
agreement-none-yet = Sopimusta ei ole vielä tehty.
agreement-status-heading = Kuka on hyväksynyt
agreement-status-waiting = Ei ole vielä hyväksynyt
agreement-accept-intro = Lue sopimus. Jos kaikki on oikein, paina nappia.
agreement-accept-button = Hyväksyn sopimuksen
agreement-accepted-notice = Hyväksyit sopimuksen.
agreement-download = Lataa sopimus
agreement-back = Takaisin
rule-agreement-needs-agreed-placement = Et voi hyväksyä sopimusta nyt.
notice-agreement-accepted = Hyväksyit sopimuksen.

## Opinnollistaminen selkokielellä
qualification-hoks-notice = Polku ei anna opintopisteitä. Koulu päättää, mitä opintoja osaamisesta saat. Koulu tekee sen HOKS-suunnitelmassa. HOKS on sinun oma suunnitelmasi koulussa.
