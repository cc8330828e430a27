//! Renders documents and reads them back with a PDF parser (lopdf): text, tags, metadata.

mod support;

mod agreement;
mod errors;
mod layout;
