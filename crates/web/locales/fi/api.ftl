## api area (fi)
