## employers area (sv)
