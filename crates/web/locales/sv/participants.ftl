## participants area (sv)
