//! Tests of the employers area (see the module's own doc).
