## participants area (en)
