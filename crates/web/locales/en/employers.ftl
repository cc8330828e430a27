## employers area (en)
