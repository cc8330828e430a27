# Skills and occupations (ESCO), for every signed-in user.
nav-reference = Osaamiset ja ammatit
ref-title = Osaamiset ja ammatit
ref-intro = Hae osaamisia ja ammatteja ESCO-luokituksesta omin sanoin, esimerkiksi siivous, varasto tai asiakaspalvelu.
ref-kind-legend = Mitä haet?
ref-kind-skills = Osaamisia
ref-kind-occupations = Ammatteja
ref-search-label = Hakusanat
ref-search-hint = Kirjoita yksi tai useampi sana. Taivutetut muodot ja sanan alku riittävät.
ref-search-button = Hae
ref-hits = { $n ->
    [0] Ei osumia
    [one] 1 osuma
   *[other] { $n } osumaa
}
ref-no-hits = Haulla ei löytynyt mitään. Kokeile lyhyempää sanaa tai sanan alkua.
ref-back = Takaisin hakuun
ref-kind-skill = Osaaminen
ref-kind-occupation = Ammatti
ref-names = Nimet
ref-lang-fi = Suomeksi
ref-lang-sv = Ruotsiksi
ref-lang-en = Englanniksi
ref-source = Lähde: ESCO-luokitus, © Euroopan unioni.
ref-essential-skills = { $n ->
    [one] Välttämätön osaaminen
   *[other] Välttämättömät osaamiset ({ $n })
}
ref-optional-skills = { $n ->
    [one] Hyödyllinen osaaminen
   *[other] Hyödylliset osaamiset ({ $n })
}
ref-essential-for = { $n ->
    [one] Välttämätön tässä ammatissa
   *[other] Välttämätön näissä ammateissa ({ $n })
}
ref-optional-for = { $n ->
    [one] Hyödyllinen tässä ammatissa
   *[other] Hyödyllinen näissä ammateissa ({ $n })
}
ref-related = { $n ->
    [one] Läheinen osaaminen
   *[other] Läheiset osaamiset ({ $n })
}
