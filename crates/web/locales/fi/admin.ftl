## admin area (fi)
