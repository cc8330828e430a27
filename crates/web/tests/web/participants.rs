//! Tests of the participants area (see the module's own doc).
