## Plain-language Finnish falls back to standard Finnish for staff-only text in this area.

## Confirmations after a save (shown once as a status message)
notice-saved = Tiedot on tallennettu.

## Etusivu osallistujalle
home-participant-intro = Polku auttaa sinua löytämään työtä. Työhönvalmentaja auttaa sinua.
home-participant-can-title = Mitä voit tehdä
home-participant-can-coach = Voit sopia tapaamisen työhönvalmentajan kanssa.
home-participant-can-see = Voit kysyä, mitä tietoja sinusta on tallennettu.
home-participant-can-consent = Voit päättää, saako työnantaja nähdä tietojasi. Voit muuttaa päätöstä milloin vain.
home-participant-help = Apua ja yhteystiedot
