## reports area (en)
