## admin area (sv)
