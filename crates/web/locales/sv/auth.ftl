sign-in-title = Logga in
sign-in-button = Logga in
sign-in-failed-title = Inloggningen misslyckades
sign-in-failed = E-postadressen eller lösenordet är fel, eller kontot är inte aktivt.
field-email = E-postadress
field-password = Lösenord
activate-title = Aktivera kontot
activate-intro = Välj ett lösenord. En lång mening är ett bra lösenord.
activate-button = Aktivera och logga in
activate-link-failed-title = Länken fungerar inte
activate-link-failed = Länken har redan använts, har gått ut eller är felaktig. Be administrationen om en ny länk.
field-new-password = Nytt lösenord
field-password-confirm = Lösenordet igen
password-hint = Minst 8 tecken. Mellanslag och å, ä, ö går bra.
code-title = Bekräfta inloggningen
code-hint = Skriv den sexsiffriga koden från autentiseringsappen eller en av dina reservkoder.
field-code = Kod
code-button = Bekräfta
code-failed-title = Koden godtas inte
code-failed = Koden är fel, har gått ut eller har redan använts. Skriv en ny kod.
setup-title = Ta i bruk tvåstegsverifiering
setup-intro = Varje användare bekräftar inloggningen med en autentiseringsapp i telefonen.
setup-step-app = Öppna autentiseringsappen (till exempel Microsoft Authenticator, Google Authenticator eller FreeOTP).
setup-step-key = Lägg till ett nytt konto och skriv in den här nyckeln:
setup-link-summary = Visa nyckeln som länk
setup-step-code = Skriv den sexsiffriga koden som appen visar nedan.
setup-button = Ta i bruk
setup-failed = Koden stämmer inte. Skriv koden som appen visar nu.
setup-start-over = Börja om med en ny nyckel
recovery-title = Dina reservkoder
recovery-intro = Spara koderna på ett säkert ställe. Varje kod fungerar en gång om telefonen inte är tillgänglig. Koderna visas inte igen.
recovery-continue = Fortsätt till tjänsten

## Confirmations after a save
notice-password = Lösenordet har angetts. Du är nu inloggad.
recovery-enabled = Tvåstegsverifiering har aktiverats.
setup-new-key = Visa nyckeln
notice-password-changed = Lösenordet har bytts. Dina andra inloggningar har avslutats.
notice-second-factor-changed = Autentiseringsappen har bytts. Dina andra inloggningar har avslutats.
notice-stepped-up = Identiteten bekräftad. Du kan fortsätta.

## Step-up: a fresh code before exports and administration
step-up-title = Bekräfta att det är du
step-up-intro = Export och administration kräver en ny kod från din autentiseringsapp. Bekräftelsen gäller i 10 minuter.
step-up-button = Bekräfta

## Own account: password and authenticator app
account-title = Ditt konto
account-nav = Ditt konto
account-intro = Byt lösenord eller autentiseringsapp. Varje ändring frågar efter ditt nuvarande lösenord och en kod, och avslutar dina andra inloggningar.
account-password-title = Byt lösenord
account-password-button = Byt lösenord
account-factor-title = Byt autentiseringsapp
account-factor-intro = Använd detta när du har en ny telefon. Efter detta fungerar den gamla appens koder och dina gamla reservkoder inte längre.
account-factor-button = Börja
account-factor-none = Ditt konto har ingen autentiseringsapp.
account-factor-confirm-title = Ta i bruk den nya appen
account-factor-confirm-button = Byt app
field-current-password = Nuvarande lösenord
field-current-code = Kod från din autentiseringsapp
field-new-code = Kod från den nya appen
error-current-password = Det nuvarande lösenordet är fel.
error-current-code = Koden är fel, har gått ut eller har redan använts.
error-new-code = Koden stämmer inte. Skriv koden som den nya appen visar nu.
error-factor-change-expired = Bytet tog för lång tid. Börja om.
