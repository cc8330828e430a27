## participants area (fi)
