## Plain-language Finnish (selkosuomi) for what participants read.
