## Plain-language Finnish falls back to standard Finnish for staff-only text in this area.

## Confirmations after a save (shown once as a status message)
notice-saved = Tiedot on tallennettu.
