//! Tests of the reports_admin area (see the module's own doc).
