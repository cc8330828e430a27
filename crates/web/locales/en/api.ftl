## api area (en)
