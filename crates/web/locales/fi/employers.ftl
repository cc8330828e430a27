## employers area (fi)
