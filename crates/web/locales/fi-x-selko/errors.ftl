## Plain-language Finnish falls back to standard Finnish for staff-only text in this area.
error-field-not-enabled = Organisaatio ei ole ottanut käyttöön kenttää, jolle pyyntö antaa arvon.
