# Skills and occupations (ESCO), for every signed-in user.
nav-reference = Kompetenser och yrken
ref-title = Kompetenser och yrken
ref-intro = Sök kompetenser och yrken i ESCO-klassificeringen med egna ord, till exempel städning, lager eller kundservice.
ref-kind-legend = Vad söker du?
ref-kind-skills = Kompetenser
ref-kind-occupations = Yrken
ref-search-label = Sökord
ref-search-hint = Skriv ett eller flera ord. Böjda former och början av ett ord räcker.
ref-search-button = Sök
ref-hits = { $n ->
    [0] Inga träffar
    [one] 1 träff
   *[other] { $n } träffar
}
ref-no-hits = Sökningen gav inga träffar. Pröva ett kortare ord eller början av ordet.
ref-back = Tillbaka till sökningen
ref-kind-skill = Kompetens
ref-kind-occupation = Yrke
ref-names = Namn
ref-lang-fi = På finska
ref-lang-sv = På svenska
ref-lang-en = På engelska
ref-source = Källa: ESCO-klassificeringen, © Europeiska unionen.
ref-essential-skills = { $n ->
    [one] Nödvändig kompetens
   *[other] Nödvändiga kompetenser ({ $n })
}
ref-optional-skills = { $n ->
    [one] Nyttig kompetens
   *[other] Nyttiga kompetenser ({ $n })
}
ref-essential-for = { $n ->
    [one] Nödvändig i detta yrke
   *[other] Nödvändig i dessa yrken ({ $n })
}
ref-optional-for = { $n ->
    [one] Nyttig i detta yrke
   *[other] Nyttig i dessa yrken ({ $n })
}
ref-related = { $n ->
    [one] Närliggande kompetens
   *[other] Närliggande kompetenser ({ $n })
}
