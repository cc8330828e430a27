//! Reference catalogues shipped as data files in `data/` and embedded at build time.
