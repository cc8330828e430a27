//! Tests of the api area (see the module's own doc).
