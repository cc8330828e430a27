## reports area (fi)
