sign-in-title = Kirjaudu sisään
sign-in-button = Kirjaudu
sign-in-failed-title = Kirjautuminen ei onnistunut
sign-in-failed = Sähköpostiosoite tai salasana on väärin, tai tunnus ei ole käytössä.
field-email = Sähköpostiosoite
field-password = Salasana
activate-title = Ota tunnus käyttöön
activate-intro = Valitse salasana. Pitkä lause on hyvä salasana.
activate-button = Ota käyttöön ja kirjaudu
activate-link-failed-title = Linkki ei toimi
activate-link-failed = Linkki on jo käytetty, vanhentunut tai virheellinen. Pyydä ylläpidolta uusi linkki.
field-new-password = Uusi salasana
field-password-confirm = Salasana uudelleen
password-hint = Vähintään 8 merkkiä. Välilyönnit ja ääkköset käyvät.
code-title = Vahvista kirjautuminen
code-hint = Kirjoita todennussovelluksen kuusinumeroinen koodi tai yksi varakoodeistasi.
field-code = Koodi
code-button = Vahvista
code-failed-title = Koodi ei kelpaa
code-failed = Koodi on väärä, vanhentunut tai jo käytetty. Kirjoita uusi koodi.
setup-title = Ota käyttöön kaksivaiheinen tunnistautuminen
setup-intro = Jokainen käyttäjä vahvistaa kirjautumisen puhelimen todennussovelluksella.
setup-step-app = Avaa todennussovellus (esimerkiksi Microsoft Authenticator, Google Authenticator tai FreeOTP).
setup-step-key = Lisää uusi tili ja kirjoita tämä avain:
setup-link-summary = Näytä avain linkkinä
setup-step-code = Kirjoita sovelluksen näyttämä kuusinumeroinen koodi alle.
setup-button = Ota käyttöön
setup-failed = Koodi ei täsmää. Kirjoita sovelluksen nyt näyttämä koodi.
setup-start-over = Aloita alusta uudella avaimella
recovery-title = Varakoodisi
recovery-intro = Tallenna nämä koodit turvalliseen paikkaan. Jokainen koodi toimii kerran, jos puhelin ei ole käytettävissä. Koodeja ei näytetä uudelleen.
recovery-continue = Jatka palveluun

## Confirmations after a save
notice-password = Salasana asetettu. Olet nyt kirjautunut sisään.
recovery-enabled = Kaksivaiheinen tunnistautuminen on otettu käyttöön.
setup-new-key = Näytä avain
notice-password-changed = Salasana vaihdettu. Muut kirjautumisesi on lopetettu.
notice-second-factor-changed = Todennussovellus vaihdettu. Muut kirjautumisesi on lopetettu.
notice-stepped-up = Henkilöllisyys vahvistettu. Voit jatkaa.

## Step-up: a fresh code before exports and administration
step-up-title = Vahvista, että olet sinä
step-up-intro = Tietojen vienti ja ylläpito vaativat uuden koodin todennussovelluksesta. Vahvistus on voimassa 10 minuuttia.
step-up-button = Vahvista

## Own account: password and authenticator app
account-title = Oma tunnus
account-nav = Oma tunnus
account-intro = Voit vaihtaa salasanan tai todennussovelluksen. Jokainen muutos kysyy nykyisen salasanan ja koodin. Muut kirjautumisesi lopetetaan.
account-password-title = Vaihda salasana
account-password-button = Vaihda salasana
account-factor-title = Vaihda todennussovellus
account-factor-intro = Käytä tätä, kun sinulla on uusi puhelin. Sen jälkeen vanhan sovelluksen koodit ja vanhat varakoodit eivät enää toimi.
account-factor-button = Aloita
account-factor-none = Tunnuksellasi ei ole todennussovellusta.
account-factor-confirm-title = Ota uusi sovellus käyttöön
account-factor-confirm-button = Vaihda sovellus
field-current-password = Nykyinen salasana
field-current-code = Koodi todennussovelluksesta
field-new-code = Koodi uudesta sovelluksesta
error-current-password = Nykyinen salasana on väärin.
error-current-code = Koodi on väärä, vanhentunut tai jo käytetty.
error-new-code = Koodi ei täsmää. Kirjoita uuden sovelluksen nyt näyttämä koodi.
error-factor-change-expired = Vaihto kesti liian kauan. Aloita alusta.
