## reports area (sv)
