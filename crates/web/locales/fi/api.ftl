## api area (fi)
api-field-unknown = Tätä kenttää ei voi antaa tässä.
api-field-missing = Tämä kenttä on pakollinen.
api-field-unknown-language = Kieltä ei tunnisteta: käytä ISO 639-1 -koodia Polun kieliluettelosta, esim. fi tai ar.
api-field-invalid = Arvo ei kelpaa.
api-field-syntax = JSON on tässä kohdassa virheellinen.
api-field-duplicate = Tämä tunniste on jo käytössä.
api-field-unknown-id = Tällä tunnisteella ei löytynyt mitään.
api-field-limit = Luku on sallitun välin ulkopuolella.
api-field-cursor = Sivun kohdistin ei kelpaa. Aloita uudelleen ensimmäiseltä sivulta.
