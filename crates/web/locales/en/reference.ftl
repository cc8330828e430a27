# Skills and occupations (ESCO), for every signed-in user.
nav-reference = Skills and occupations
ref-title = Skills and occupations
ref-intro = Look up skills and occupations in the ESCO classification in your own words, for example cleaning, warehouse or customer service.
ref-kind-legend = What are you looking for?
ref-kind-skills = Skills
ref-kind-occupations = Occupations
ref-search-label = Search words
ref-search-hint = Type one or more words. Inflected forms and the start of a word are enough.
ref-search-button = Search
ref-hits = { $n ->
    [0] No results
    [one] 1 result
   *[other] { $n } results
}
ref-no-hits = Nothing was found. Try a shorter word or the start of a word.
ref-back = Back to the search
ref-kind-skill = Skill
ref-kind-occupation = Occupation
ref-names = Names
ref-lang-fi = In Finnish
ref-lang-sv = In Swedish
ref-lang-en = In English
ref-source = Source: the ESCO classification, © European Union.
ref-essential-skills = { $n ->
    [one] Essential skill
   *[other] Essential skills ({ $n })
}
ref-optional-skills = { $n ->
    [one] Optional skill
   *[other] Optional skills ({ $n })
}
ref-essential-for = { $n ->
    [one] Essential in this occupation
   *[other] Essential in these occupations ({ $n })
}
ref-optional-for = { $n ->
    [one] Optional in this occupation
   *[other] Optional in these occupations ({ $n })
}
ref-related = { $n ->
    [one] Related skill
   *[other] Related skills ({ $n })
}
