## Plain-language Finnish falls back to standard Finnish for staff-only text in this area.
adm-optional-title = Valinnaiset tiedot osallistujasta
adm-optional-intro = Kirjatkaa vain tarpeelliset tiedot. Jos kenttä ei ole käytössä, sitä ei ole lomakkeella. Vanhat tiedot säilyvät, kunnes ne poistetaan.
adm-optional-legend = Tiedot, joita saa kirjata
adm-optional-hetu = Henkilötunnus
adm-optional-phone = Puhelinnumero
adm-optional-birth-year = Syntymävuosi
adm-optional-foreign-background = Ulkomainen tausta (ESR+)
adm-optional-disability = Vamma (ESR+)
adm-optional-esf-mark = (aina käytössä ESR+-hankkeissa)
adm-optional-esf-hint = ESR+-hankkeet tarvitsevat raportteihin syntymävuoden, ulkomaisen taustan ja tiedon vammasta. Siksi ne ovat aina käytössä ESR+-hankkeissa.
adm-optional-save = Tallenna valinnaiset tiedot
notice-optional-fields = Valinnaiset tiedot on tallennettu.
