## admin area (en)
