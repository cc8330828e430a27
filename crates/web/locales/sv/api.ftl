## api area (sv)
